package io.github.myomito.coloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PunctaTest {

	private static final double[] SP2 = { 0.1, 0.1 };

	/** Adds Gaussian spots A·exp(−Σ((x_d−c_d)·s_d)²/2σ²) (σ in µm). */
	private static void addSpot(final float[] img, final int[] dims, final double[] sp, final double[] c, final double amp,
		final double sigmaUm) {
		final int nz = dims.length > 2 ? dims[2] : 1;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < dims[1]; y++)
				for (int x = 0; x < dims[0]; x++) {
					double r2 = Math.pow((x - c[0]) * sp[0], 2) + Math.pow((y - c[1]) * sp[1], 2);
					if (dims.length > 2) r2 += Math.pow((z - c[2]) * sp[2], 2);
					img[x + dims[0] * (y + dims[1] * z)] += (float) (amp * Math.exp(-r2 / (2 * sigmaUm * sigmaUm)));
				}
	}

	private static float[] background(final int size, final double level, final double noise, final long seed) {
		final Random rnd = new Random(seed);
		final float[] img = new float[size];
		for (int i = 0; i < size; i++) img[i] = (float) (level + noise * rnd.nextGaussian());
		return img;
	}

	private static Punctum nearest(final List<Punctum> ps, final double[] c) {
		Punctum best = null;
		double bd = Double.MAX_VALUE;
		for (final Punctum p : ps) {
			double d = 0;
			for (int k = 0; k < c.length; k++) d += Math.pow(p.positionPx()[k] - c[k], 2);
			if (d < bd) {
				bd = d;
				best = p;
			}
		}
		return best;
	}

	private static void rect(final byte[] mask, final int[] labels, final int w, final int x0, final int x1, final int y0, final int y1,
		final int label) {
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++) {
				mask[x + w * y] = 1;
				if (labels != null) labels[x + w * y] = label;
			}
	}

	@Test
	void noisySpots2DAreFoundExactlyWithCorrectMitochondrialContext() {
		final int w = 100, h = 80;
		final int[] dims = { w, h };
		final double r = 0.3;
		final double[][] spots = { { 20.3, 15.7 }, { 50, 20 }, { 80.6, 18.2 }, { 25, 60.4 }, { 55.5, 55.5 }, { 82, 62 } };
		final float[] img = background(w * h, 10, 3, 17);
		for (final double[] c : spots) addSpot(img, dims, SP2, c, 100, r / Math.sqrt(2));
		final byte[] mito = new byte[w * h];
		final int[] labels = new int[w * h];
		rect(mito, labels, w, 40, 90, 10, 30, 1); // covers spots 2 and 3
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if ((x - 25) * (x - 25) + (y - 60) * (y - 60) <= 36) {
					mito[x + w * y] = 1;
					labels[x + w * y] = 2; // covers spot 4
				}
		final boolean[] expectedOn = { false, true, true, true, false, false };
		final int[] expectedLabel = { 0, 1, 1, 2, 0, 0 };
		final List<Punctum> ps = PunctaDetector.detect(img, dims, SP2, PunctaSettings.builder(r).build(), null, mito, labels);
		assertThat(ps).hasSize(spots.length);
		for (int k = 0; k < spots.length; k++) {
			final Punctum p = nearest(ps, spots[k]);
			assertThat(p.positionPx()[0]).isCloseTo(spots[k][0], within(1.0));
			assertThat(p.positionPx()[1]).isCloseTo(spots[k][1], within(1.0));
			assertThat(p.positionUm()[0]).isCloseTo(p.positionPx()[0] * 0.1, within(1e-12));
			assertThat(p.onMitochondria()).as("spot %d on mito", k).isEqualTo(expectedOn[k]);
			assertThat(p.mitoLabel()).isEqualTo(expectedLabel[k]);
			assertThat(p.peakIntensity()).isEqualTo(img[p.peakIndex()]);
			assertThat(p.meanIntensity()).isLessThanOrEqualTo(p.peakIntensity() + 3 * 3).isGreaterThan(10 + 30);
			// distance: brute force over all mitochondrial pixels from the peak pixel
			double best = Double.MAX_VALUE;
			final int[] pk = p.peakPx();
			for (int i = 0; i < w * h; i++)
				if (mito[i] != 0) best = Math.min(best, Math.hypot((i % w - pk[0]) * 0.1, (i / w - pk[1]) * 0.1));
			assertThat(p.distanceToMitoUm()).isCloseTo(expectedOn[k] ? 0 : best, within(1e-5));
		}
		// ids follow decreasing DoG response
		for (int i = 1; i < ps.size(); i++) {
			assertThat(ps.get(i).id()).isEqualTo(i + 1);
			assertThat(ps.get(i).dogResponse()).isLessThanOrEqualTo(ps.get(i - 1).dogResponse());
		}
	}

	@Test
	void punctumAreaMatchesTheAnalyticHalfMaximumOfTheDoGResponse() {
		final int w = 64, h = 64;
		final double r = 0.37, s = r / Math.sqrt(2); // spot σ = detector σ1 = r/√2 µm
		final float[] img = new float[w * h];
		addSpot(img, new int[] { w, h }, SP2, new double[] { 32, 32 }, 100, s);
		final List<Punctum> ps = PunctaDetector.detect(img, new int[] { w, h }, SP2, PunctaSettings.builder(r).absoluteThreshold(1).build(), null);
		assertThat(ps).hasSize(1);
		// continuous DoG of a 2D Gaussian: D(ρ) = A[a1 e^{−ρ²/2v1} − a2 e^{−ρ²/2v2}], v_i = s² + σ_i², a_i = s²/v_i
		final double s1 = s, s2 = 1.6 * s1, v1 = s * s + s1 * s1, v2 = s * s + s2 * s2;
		final java.util.function.DoubleUnaryOperator d = rho -> s * s / v1 * Math.exp(-rho * rho / (2 * v1))
			- s * s / v2 * Math.exp(-rho * rho / (2 * v2));
		double lo = 0, hi = 2 * r;
		final double half = d.applyAsDouble(0) / 2;
		for (int i = 0; i < 60; i++) {
			final double mid = (lo + hi) / 2;
			if (d.applyAsDouble(mid) >= half) lo = mid;
			else hi = mid;
		}
		// the punctum's pixels are the lattice points within the half-maximum radius ρ* (here ρ*² ≈ 11.1 px²,
		// well between the lattice norms 10 and 13, so sampling cannot move a pixel across the boundary)
		final double rhoPx = lo / 0.1;
		int lattice = 0;
		for (int y = -8; y <= 8; y++)
			for (int x = -8; x <= 8; x++)
				if (x * x + y * y <= rhoPx * rhoPx) lattice++;
		assertThat(rhoPx * rhoPx).isBetween(10.5, 12.5);
		assertThat(ps.get(0).pixelCount()).isEqualTo(lattice);
		assertThat(ps.get(0).size()).isCloseTo(Math.PI * lo * lo, within(0.15 * Math.PI * lo * lo));
		assertThat(ps.get(0).size()).isEqualTo(ps.get(0).pixelCount() * 0.01, within(1e-12));
		assertThat(ps.get(0).positionPx()).containsExactly(new double[] { 32, 32 }, within(1e-4));
	}

	@Test
	void spots3DWithAnisotropicSpacing() {
		final int[] dims = { 48, 48, 16 };
		final double[] sp = { 0.1, 0.1, 0.3 };
		final double r = 0.4;
		final double[][] spots = { { 12, 12, 4 }, { 35.4, 14.6, 8.3 }, { 24, 36, 11 } };
		final float[] img = background(48 * 48 * 16, 10, 2, 5);
		for (final double[] c : spots) addSpot(img, dims, sp, c, 100, r / Math.sqrt(3));
		final List<Punctum> ps = PunctaDetector.detect(img, dims, sp, PunctaSettings.builder(r).build(), null);
		assertThat(ps).hasSize(3);
		for (final double[] c : spots) {
			final Punctum p = nearest(ps, c);
			for (int d = 0; d < 3; d++) assertThat(p.positionPx()[d]).isCloseTo(c[d], within(1.0));
			assertThat(p.size()).isEqualTo(p.pixelCount() * 0.003, within(1e-12));
		}
	}

	@Test
	void minimumSeparationKeepsTheStrongerOfTwoCloseSpots() {
		final int w = 60, h = 40;
		final int[] dims = { w, h };
		final double r = 0.2;
		final float[] img = background(w * h, 5, 1, 3);
		addSpot(img, dims, SP2, new double[] { 26, 20 }, 100, r / Math.sqrt(2));
		addSpot(img, dims, SP2, new double[] { 34, 20 }, 60, r / Math.sqrt(2));
		final List<Punctum> both = PunctaDetector.detect(img, dims, SP2, PunctaSettings.builder(r).build(), null);
		assertThat(both).hasSize(2);
		final List<Punctum> one = PunctaDetector.detect(img, dims, SP2, PunctaSettings.builder(r).minSeparationUm(1.0).build(), null);
		assertThat(one).hasSize(1);
		assertThat(one.get(0).positionPx()[0]).isCloseTo(26, within(1.0));
		// region mask: only the right half -> only the weaker spot
		final byte[] region = new byte[w * h];
		for (int i = 0; i < w * h; i++) region[i] = (byte) (i % w >= 30 ? 1 : 0);
		final List<Punctum> right = PunctaDetector.detect(img, dims, SP2, PunctaSettings.builder(r).build(), region);
		assertThat(right).hasSize(1);
		assertThat(right.get(0).positionPx()[0]).isCloseTo(34, within(1.0));
	}

	@Test
	void halfAreaRuleAndMostFrequentLabel() {
		final int w = 10, h = 10;
		final int[] dims = { w, h };
		final byte[] mito = new byte[w * h];
		final int[] labels = new int[w * h];
		// punctum pixels: peak 44 (off), 45 (label 3), 54 (label 3), 55 (off) -> 2 of 4 on -> on, label 3
		mito[45] = 1;
		labels[45] = 3;
		mito[54] = 1;
		labels[54] = 3;
		final Punctum half = new Punctum(1, 44, new int[] { 4, 4 }, new double[] { 4, 4 }, new double[] { .4, .4 }, 1, 1, 1, .04,
			new int[] { 44, 45, 54, 55 }, false, false, Double.NaN, 0);
		// only 1 of 4 on: peak 22, pixels 22, 23, 32, 33 with 23 on -> off, distance 1 px = 0.1 µm
		mito[23] = 1;
		labels[23] = 7;
		final Punctum quarter = new Punctum(2, 22, new int[] { 2, 2 }, new double[] { 2, 2 }, new double[] { .2, .2 }, 1, 1, 1, .04,
			new int[] { 22, 32, 33, 23 }, false, false, Double.NaN, 0);
		final List<Punctum> a = PunctaDetector.annotate(List.of(half, quarter), mito, labels, dims, SP2);
		assertThat(a.get(0).onMitochondria()).isTrue();
		assertThat(a.get(0).mitoLabel()).isEqualTo(3);
		assertThat(a.get(0).distanceToMitoUm()).isEqualTo(0.0);
		assertThat(a.get(1).onMitochondria()).isFalse();
		assertThat(a.get(1).mitoLabel()).isZero();
		assertThat(a.get(1).distanceToMitoUm()).isCloseTo(0.1, within(1e-6));
		assertThat(half.isAnnotated()).isFalse();
		assertThat(a.get(0).isAnnotated()).isTrue();
		// no mitochondria at all -> NaN distance
		final List<Punctum> none = PunctaDetector.annotate(List.of(quarter), new byte[w * h], null, dims, SP2);
		assertThat(none.get(0).distanceToMitoUm()).isNaN();
	}

	@Test
	void mitophagySummaryOnAConstructedExample() {
		final int w = 100, h = 80;
		final int[] dims = { w, h };
		final double r = 0.2;
		final float[] img = background(w * h, 10, 2, 23);
		final double[][] spots = { { 12, 13 }, { 18, 13 }, { 44, 12 }, { 30, 50 }, { 75, 20 } };
		for (final double[] c : spots) addSpot(img, dims, SP2, c, 100, r / Math.sqrt(2));
		final byte[] mito = new byte[w * h];
		final int[] labels = new int[w * h];
		rect(mito, labels, w, 10, 20, 10, 16, 1); // 60 px = 0.60 µm², two puncta
		rect(mito, labels, w, 40, 48, 10, 14, 2); // 32 px = 0.32 µm², one punctum
		rect(mito, labels, w, 60, 90, 40, 60, 3); // 600 px = 6.00 µm², none
		final List<Punctum> ps = PunctaDetector.detect(img, dims, SP2, PunctaSettings.builder(r).build(), null);
		assertThat(ps).hasSize(5);
		final MitophagyResult m = MitophagyAnalysis.analyze(ps, mito, labels, 3, null, dims, SP2);
		assertThat(m.regionArea()).isCloseTo(80.0, within(1e-9));
		assertThat(m.punctaCount()).isEqualTo(5);
		assertThat(m.onMitoCount()).isEqualTo(3);
		assertThat(m.onMitoFraction()).isCloseTo(0.6, within(1e-12));
		assertThat(m.punctaDensityPer100um2()).isCloseTo(6.25, within(1e-9));
		assertThat(m.mitophagosomeDensityPer100um2()).isCloseTo(3.75, within(1e-9));
		assertThat(m.mitoObjectCount()).isEqualTo(3);
		assertThat(m.lc3PositiveMitoCount()).isEqualTo(2);
		assertThat(m.lc3PositiveMitoFraction()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(m.meanSizeLc3PositiveMito()).isCloseTo((0.60 + 0.32) / 2, within(1e-9));
		assertThat(m.meanSizeLc3NegativeMito()).isCloseTo(6.0, within(1e-9));
		assertThat(m.puncta()).allMatch(Punctum::isAnnotated);
		// left half only: 4 puncta (x = 12, 18, 44, 30), objects 1 and 2, both LC3-positive
		final byte[] left = new byte[w * h];
		for (int i = 0; i < w * h; i++) left[i] = (byte) (i % w < 50 ? 1 : 0);
		final MitophagyResult l = MitophagyAnalysis.analyze(ps, mito, labels, 3, left, dims, SP2);
		assertThat(l.regionArea()).isCloseTo(40.0, within(1e-9));
		assertThat(l.punctaCount()).isEqualTo(4);
		assertThat(l.onMitoCount()).isEqualTo(3);
		assertThat(l.mitoObjectCount()).isEqualTo(2);
		assertThat(l.lc3PositiveMitoFraction()).isEqualTo(1.0);
		assertThat(l.meanSizeLc3NegativeMito()).isNaN();
	}

	@Test
	void badInputIsRejectedWithClearMessages() {
		assertThatThrownBy(() -> PunctaSettings.builder(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
		assertThatThrownBy(() -> PunctaDetector.detect(new float[5], new int[] { 2, 2 }, SP2, PunctaSettings.builder(1).build(), null))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LC3 length");
		assertThatThrownBy(() -> MitophagyAnalysis.analyze(List.of(), new byte[4], new int[] { 0, 1, 2, 5 }, 2, null, new int[] { 2, 2 }, SP2))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 5");
		final MitophagyResult empty = MitophagyAnalysis.analyze(List.of(), new byte[4], new int[4], 0, null, new int[] { 2, 2 }, SP2);
		assertThat(empty.punctaCount()).isZero();
		assertThat(empty.onMitoFraction()).isNaN();
		assertThat(empty.lc3PositiveMitoFraction()).isNaN();
	}

	@Test
	void selectionMediansEqualSortedMedians() {
		final Random rnd = new Random(3);
		for (int trial = 0; trial < 200; trial++) {
			final int n = 1 + rnd.nextInt(trial < 100 ? 40 : 5000);
			final float[] v = new float[n];
			final int levels = 1 + rnd.nextInt(trial % 2 == 0 ? 5 : 100000);
			for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextInt(levels) - levels / 3) * 0.5f;
			final byte[] region = trial % 3 == 0 ? null : new byte[n];
			if (region != null) for (int i = 0; i < n; i++) region[i] = (byte) (rnd.nextInt(4) == 0 ? 0 : 1);
			// reference: the sort-based threshold
			int m = 0;
			for (int i = 0; i < n; i++) if (region == null || region[i] != 0) m++;
			final double expected;
			if (m == 0) expected = Double.POSITIVE_INFINITY;
			else {
				final float[] a = new float[m];
				m = 0;
				for (int i = 0; i < n; i++) if (region == null || region[i] != 0) a[m++] = v[i];
				java.util.Arrays.sort(a);
				final double med = (m & 1) == 1 ? a[m / 2] : 0.5 * ((double) a[m / 2 - 1] + a[m / 2]);
				for (int i = 0; i < m; i++) a[i] = (float) Math.abs(a[i] - med);
				java.util.Arrays.sort(a);
				expected = med + 2.5 * 1.4826 * ((m & 1) == 1 ? a[m / 2] : 0.5 * ((double) a[m / 2 - 1] + a[m / 2]));
			}
			assertThat(PunctaDetector.robustThreshold(v, region, 2.5)).as("trial %d", trial).isEqualTo(expected);
			final float[] c = v.clone(), sorted = v.clone();
			java.util.Arrays.sort(sorted);
			final int k = rnd.nextInt(n);
			assertThat(PunctaDetector.select(c, k)).isEqualTo(sorted[k]);
		}
	}
}
