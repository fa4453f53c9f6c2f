package io.github.myomito.coloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RankStatisticsTest {

	/** Brute-force τ-b straight from the definition: O(n²) over all pairs. */
	static double bruteTauB(final float[] x, final float[] y) {
		long c = 0, d = 0, tx = 0, ty = 0;
		final int n = x.length;
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++) {
				final int sx = Float.compare(x[i], x[j]), sy = Float.compare(y[i], y[j]);
				if (sx == 0 && sy == 0) continue;
				if (sx == 0) tx++;
				else if (sy == 0) ty++;
				else if (sx == sy) c++;
				else d++;
			}
		return (c - d) / Math.sqrt((double) (c + d + tx) * (c + d + ty));
	}

	/** Brute-force average ranks: rank = #smaller + (#equal + 1)/2. */
	static double bruteSpearman(final float[] x, final float[] y) {
		final int n = x.length;
		final double[] rx = new double[n], ry = new double[n];
		for (int i = 0; i < n; i++) {
			int lx = 0, ex = 0, ly = 0, ey = 0;
			for (int j = 0; j < n; j++) {
				if (x[j] < x[i]) lx++;
				else if (x[j] == x[i]) ex++;
				if (y[j] < y[i]) ly++;
				else if (y[j] == y[i]) ey++;
			}
			rx[i] = lx + (ex + 1) / 2.0;
			ry[i] = ly + (ey + 1) / 2.0;
		}
		return RankStatistics.pearson(rx, ry);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void kendallAndSpearmanWithManyTiesMatchBruteForce(final long seed) {
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int n = 300 + rnd.nextInt(400);
		final int levels = 2 + rnd.nextInt(8); // few levels -> many ties
		final float[] x = new float[n], y = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = rnd.nextInt(levels) - 2;
			// partly dependent on x, with ties too
			y[i] = rnd.nextDouble() < 0.5 ? x[i] + rnd.nextInt(3) : rnd.nextInt(levels) * 0.5f;
		}
		assertThat(RankStatistics.kendallTauB(x, y)).isCloseTo(bruteTauB(x, y), within(1e-12));
		assertThat(RankStatistics.spearman(x, y)).isCloseTo(bruteSpearman(x, y), within(1e-12));
		final double[] both = RankStatistics.spearmanAndKendall(x, y);
		assertThat(both[0]).isEqualTo(RankStatistics.spearman(x, y));
		assertThat(both[1]).isEqualTo(RankStatistics.kendallTauB(x, y));
	}

	@ParameterizedTest
	@ValueSource(longs = { 11, 12, 13 })
	void kendallOnContinuousDataMatchesBruteForce(final long seed) {
		final java.util.Random rnd = new java.util.Random(seed);
		final int n = 1000;
		final float[] x = new float[n], y = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = (float) rnd.nextGaussian();
			y[i] = (float) (0.3 * x[i] + rnd.nextGaussian());
		}
		final double tau = RankStatistics.kendallTauB(x, y);
		assertThat(tau).isCloseTo(bruteTauB(x, y), within(1e-12));
		assertThat(tau).isBetween(0.05, 0.5);
	}

	@Test
	void smallHandComputedExample() {
		// x = 1,2,2,3 ; y = 1,3,2,3: pairs (i<j): (1,2) c, (1,3) c, (1,4) c, (2,3) tx, (2,4) ty, (3,4) c
		// nc = 4, nd = 0, n0 = 6, n1 = 1 (x tie), n2 = 1 (y tie) -> tau_b = 4 / sqrt(5*5) = 0.8
		final float[] x = { 1, 2, 2, 3 }, y = { 1, 3, 2, 3 };
		assertThat(RankStatistics.kendallTauB(x, y)).isCloseTo(0.8, within(1e-15));
		// ranks x: 1, 2.5, 2.5, 4 ; y: 1, 3.5, 2, 3.5
		assertThat(RankStatistics.averageRanks(RankStatistics.sortedKeys(y))).containsExactly(1, 3.5, 2, 3.5);
		assertThat(RankStatistics.spearmanAndKendall(x, y)[1]).isCloseTo(0.8, within(1e-15));
	}

	@Test
	void icqOfIdenticalIsHalfAndOfMirroredIsMinusHalf() {
		final int n = 1000; // even, so no value i + 0.25 equals the mean (n+1)/2 + 0.25
		final float[] x = new float[n], neg = new float[n];
		final SplittableRandom rnd = new SplittableRandom(7);
		for (int i = 0; i < n; i++) x[i] = i + 1.25f;
		for (int i = n - 1; i > 0; i--) { // shuffle
			final int j = rnd.nextInt(i + 1);
			final float t = x[i];
			x[i] = x[j];
			x[j] = t;
		}
		for (int i = 0; i < n; i++) neg[i] = -x[i];
		assertThat(RankStatistics.liIcq(x, x)).isEqualTo(0.5);
		assertThat(RankStatistics.liIcq(x, neg)).isEqualTo(-0.5);
		assertThat(RankStatistics.kendallTauB(x, neg)).isEqualTo(-1.0);
		assertThat(RankStatistics.spearman(x, x)).isCloseTo(1.0, within(1e-15));
	}

	@Test
	void constantOrTooShortIsNaN() {
		assertThat(RankStatistics.kendallTauB(new float[] { 1, 1, 1 }, new float[] { 1, 2, 3 })).isNaN();
		assertThat(RankStatistics.spearman(new float[] { 1 }, new float[] { 1 })).isNaN();
		assertThat(RankStatistics.pearson(new float[] { 2, 2 }, new float[] { 1, 3 })).isNaN();
	}

	/** The comparison-sort keys (the implementation before the radix sort), as the reference. */
	private static long[] sortedKeysBySort(final float[] v) {
		final long[] key = new long[v.length];
		for (int i = 0; i < v.length; i++) key[i] = ((long) RankStatistics.orderBits(v[i]) << 32) | i;
		java.util.Arrays.sort(key);
		return key;
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 17, 1000, 100_000 })
	void radixKeysEqualComparisonSortAndKendallMatchesBruteForce(final int n) {
		final SplittableRandom rnd = new SplittableRandom(n);
		for (int kind = 0; kind < 4; kind++) {
			final float[] x = new float[n], y = new float[n];
			for (int i = 0; i < n; i++) {
				final double u = rnd.nextDouble();
				switch (kind) {
					case 0: x[i] = (float) Math.floor(u * 16); y[i] = (float) Math.floor((0.5 * u + 0.5 * rnd.nextDouble()) * 8); break; // heavy ties
					case 1: x[i] = (float) (1e6 * (u - 0.5)); y[i] = (float) (rnd.nextDouble() - 0.3); break; // signs, no ties
					case 2: x[i] = rnd.nextInt(3) == 0 ? -0.0f : rnd.nextInt(3) == 0 ? 0.0f : (float) (u * 1e-30); y[i] = (float) -u; break; // ±0, tiny
					default: x[i] = (float) Math.floor(u * 4096); y[i] = (float) Math.floor(4096 * (0.6 * u + 0.4 * rnd.nextDouble())); // 12-bit
				}
			}
			assertThat(RankStatistics.sortedKeys(x)).as("kind %d", kind).containsExactly(sortedKeysBySort(x));
			assertThat(RankStatistics.sortedKeys(y)).as("kind %d", kind).containsExactly(sortedKeysBySort(y));
			if (n >= 2 && n <= 1000) {
				// the ranks treat −0 and +0 as equal, Float.compare in the brute force does not
				final float[] xz = x.clone(), yz = y.clone();
				for (int i = 0; i < n; i++) {
					xz[i] += 0.0f;
					yz[i] += 0.0f;
				}
				final double tau = RankStatistics.kendallTauB(x, y), brute = bruteTauB(xz, yz);
				if (Double.isNaN(brute)) assertThat(tau).isNaN();
				else assertThat(tau).as("kind %d", kind).isCloseTo(brute, within(1e-12));
			}
		}
	}
}
