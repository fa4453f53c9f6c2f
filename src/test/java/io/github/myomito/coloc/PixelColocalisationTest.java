package io.github.myomito.coloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.myomito.segment.Gauss;

class PixelColocalisationTest {

	private static final double[] SP2 = { 0.1, 0.1 };
	private static final ColocSettings NO_RAND = ColocSettings.builder().randomisations(0).build();

	@Test
	void identicalChannelsArePerfectlyColocalised() {
		final int w = 40, h = 25; // n = 1000, values i + 0.25, none equal to the mean
		final float[] a = new float[w * h];
		final Random rnd = new Random(3);
		for (int i = 0; i < a.length; i++) a[i] = i + 0.25f;
		for (int i = a.length - 1; i > 0; i--) {
			final int j = rnd.nextInt(i + 1);
			final float t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		final ColocResult r = PixelColocalisation.compute(a, a.clone(), null, new int[] { w, h }, SP2, NO_RAND);
		assertThat(r.n()).isEqualTo(1000);
		assertThat(r.pearson()).isCloseTo(1, within(1e-12));
		assertThat(r.mandersM1()).isEqualTo(1.0);
		assertThat(r.mandersM2()).isEqualTo(1.0);
		assertThat(r.kendallTau()).isEqualTo(1.0);
		assertThat(r.spearman()).isCloseTo(1, within(1e-12));
		assertThat(r.liIcq()).isEqualTo(0.5);
		assertThat(r.regressionSlope()).isCloseTo(1, within(1e-9));
		assertThat(r.regressionIntercept()).isCloseTo(0, within(1e-6));
		assertThat(r.randomisations()).isZero();
		assertThat(r.costesP()).isNaN();
		final ColocResult noRank = PixelColocalisation.compute(a, a.clone(), null, new int[] { w, h }, SP2,
			ColocSettings.builder().randomisations(0).rankStatistics(false).build());
		assertThat(noRank.kendallTau()).isNaN();
		assertThat(noRank.spearman()).isNaN();
		assertThat(noRank.pearson()).isEqualTo(r.pearson());
	}

	@Test
	void disjointObjectsHaveZeroManders() {
		final int w = 30, h = 20;
		final float[] a = new float[w * h], b = new float[w * h];
		for (int y = 2; y < 10; y++)
			for (int x = 2; x < 12; x++) a[x + w * y] = 50 + x;
		for (int y = 8; y < 18; y++)
			for (int x = 15; x < 28; x++) b[x + w * y] = 80 + y;
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { w, h }, SP2, NO_RAND);
		assertThat(r.mandersM1()).isEqualTo(0.0);
		assertThat(r.mandersM2()).isEqualTo(0.0);
		assertThat(r.pearson()).isNegative();
	}

	@Test
	void thresholdedMandersFollowColoc2() {
		// five pixels, T1 = T2 = 5: Coloc 2 counts ch1 where ch2 > 0 and ch2 ≥ T2 (the last pixel sits on T2), over all ch1
		final float[] a = { 10, 10, 2, 10, 4 }, b = { 0, 2, 8, 9, 5 };
		final ColocSettings s = ColocSettings.builder().randomisations(0).thresholdMode(ThresholdMode.manual(5, 5)).build();
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { 5, 1 }, SP2, s);
		assertThat(r.mandersTM1()).isCloseTo((2 + 10 + 4) / 36.0, within(1e-12));
		assertThat(r.mandersTM2()).isCloseTo((0 + 2 + 9) / 24.0, within(1e-12));
		// above its own threshold (strictly): ch1 > 5 at pixels 0, 1, 3, of which pixel 3 has ch2 > 5; ch2 > 5 at pixels 2, 3
		assertThat(r.mandersTM1AboveT1()).isCloseTo(10 / 30.0, within(1e-12));
		assertThat(r.mandersTM2AboveT2()).isCloseTo(9 / 17.0, within(1e-12));
		assertThat(r.mandersM1()).isCloseTo((10 + 2 + 10 + 4) / 36.0, within(1e-12));
	}

	@Test
	void partialOverlapGivesExactMandersAndThresholdedManders() {
		// ch1 = 1 everywhere + 10 on A (x < 12); ch2 = 20 on B (x >= 8); 20x20 image
		final int w = 20, h = 20;
		final float[] a = new float[w * h], b = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				a[x + w * y] = x < 12 ? 11 : 1;
				b[x + w * y] = x >= 8 ? 20 : 0;
			}
		final ColocSettings s = ColocSettings.builder().randomisations(0).thresholdMode(ThresholdMode.manual(5, 5)).build();
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { w, h }, SP2, s);
		// M1 = Σ_{B} ch1 / Σ ch1 = (80·11 + 160·1) / (240·11 + 160·1)
		assertThat(r.mandersM1()).isCloseTo(1040.0 / 2800.0, within(1e-12));
		// ch1 > 0 everywhere -> M2 = 1
		assertThat(r.mandersM2()).isEqualTo(1.0);
		// above its own threshold: Σ_{A∩B} ch1 / Σ_{A} ch1 = 80·11 / 240·11 ; Σ_{A∩B} ch2 / Σ_{B} ch2 = 80·20 / 240·20
		assertThat(r.mandersTM1AboveT1()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(r.mandersTM2AboveT2()).isCloseTo(1.0 / 3, within(1e-12));
		// Coloc 2 (Costes 2004): tM1 = Σ_{ch2 ≥ T2} ch1 / Σ ch1 = (80·11 + 160·1) / (240·11 + 160·1) = M1 here, since ch2 is 0 or 20;
		// tM2 = Σ_{ch1 ≥ T1} ch2 / Σ ch2 = 80·20 / 240·20
		assertThat(r.mandersTM1()).isCloseTo(1040.0 / 2800.0, within(1e-12));
		assertThat(r.mandersTM2()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(r.threshold1()).isEqualTo(5.0);
		assertThat(r.threshold2()).isEqualTo(5.0);
		// above set is constant in both channels -> r undefined, no crash
		assertThat(r.pearsonAbove()).isNaN();
		// Pearson of two-level images from the 2x2 contingency: n=400, p(a hi)=0.6, p(b hi)=0.6, p(both)=0.2
		// r = (p11 − p1 p2)/√(p1(1−p1) p2(1−p2)) = (0.2 − 0.36)/0.24
		assertThat(r.pearson()).isCloseTo((0.2 - 0.36) / 0.24, within(1e-9));
	}

	@Test
	void antiCorrelatedChannelsGiveMinusOne() {
		final int w = 16, h = 16;
		final float[] a = new float[w * h], b = new float[w * h];
		for (int i = 0; i < a.length; i++) {
			a[i] = (i * 37) % 101 + 0.5f;
			b[i] = 200 - a[i];
		}
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { w, h }, SP2, ColocSettings.defaults());
		assertThat(r.pearson()).isCloseTo(-1, within(1e-12));
		assertThat(r.spearman()).isCloseTo(-1, within(1e-12));
		assertThat(r.kendallTau()).isEqualTo(-1.0);
		assertThat(r.liIcq()).isEqualTo(-0.5);
		assertThat(r.threshold1()).isNaN();
		assertThat(r.warnings()).anyMatch(s -> s.contains("slope is not positive"));
		// every randomised r exceeds −1 -> P = 0
		assertThat(r.costesP()).isEqualTo(0.0);
	}

	@Test
	void constantChannelGivesNaNAndWarningWithoutCrashing() {
		final int w = 10, h = 10;
		final float[] a = new float[w * h], b = new float[w * h];
		for (int i = 0; i < a.length; i++) {
			a[i] = i;
			b[i] = 7;
		}
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { w, h }, SP2, ColocSettings.defaults());
		assertThat(r.pearson()).isNaN();
		assertThat(r.spearman()).isNaN();
		assertThat(r.kendallTau()).isNaN();
		assertThat(r.liIcq()).isNaN();
		assertThat(r.threshold1()).isNaN();
		assertThat(r.costesP()).isNaN();
		assertThat(r.warnings()).anyMatch(s -> s.contains("channel 2 is constant"));
		// Manders remain defined: ch2 > 0 everywhere
		assertThat(r.mandersM1()).isEqualTo(1.0);
	}

	@Test
	void maskRestrictsThePixelsUsed() {
		final int w = 20, h = 20;
		final float[] a = new float[w * h], b = new float[w * h];
		final byte[] mask = new byte[w * h];
		int inside = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = x + w * y;
				a[i] = (x * 7 + y * 3) % 17 + 1;
				final boolean in = (x - 10) * (x - 10) + (y - 9) * (y - 9) <= 36;
				mask[i] = (byte) (in ? 1 : 0);
				if (in) inside++;
				b[i] = in ? 2 * a[i] + 3 : 100 - a[i];
			}
		final ColocResult masked = PixelColocalisation.compute(a, b, mask, new int[] { w, h }, SP2, NO_RAND);
		final ColocResult all = PixelColocalisation.compute(a, b, null, new int[] { w, h }, SP2, NO_RAND);
		assertThat(masked.n()).isEqualTo(inside);
		assertThat(masked.pearson()).isCloseTo(1, within(1e-12));
		assertThat(masked.regressionSlope()).isPositive();
		assertThat(all.n()).isEqualTo(w * h);
		assertThat(all.pearson()).isLessThan(0.5);
	}

	/** Blurred random blobs plus independent noise: ch1 = S + n1, ch2 = 2S + n2. */
	private static float[][] correlatedPair(final int w, final int h, final long seed, final double noise) {
		return correlatedPair(w, h, seed, noise, 2);
	}

	private static float[][] correlatedPair(final int w, final int h, final long seed, final double noise, final double sigmaPx) {
		final Random rnd = new Random(seed);
		final float[] s = new float[w * h];
		for (int k = 0; k < w * h / 60; k++) s[rnd.nextInt(w * h)] = 400;
		final float[] sig = Gauss.smooth(s, new int[] { w, h }, sigmaPx, sigmaPx);
		final float[] a = new float[w * h], b = new float[w * h];
		for (int i = 0; i < a.length; i++) {
			a[i] = (float) (10 + sig[i] + noise * rnd.nextGaussian());
			b[i] = (float) (20 + 2 * sig[i] + noise * rnd.nextGaussian());
		}
		return new float[][] { a, b };
	}

	/** Costes' procedure literally: every distinct ch1 value from the top until r_below ≤ 0. */
	private static double bruteCostesT1(final float[] x, final float[] y, final double a, final double b) {
		final float[] u = x.clone();
		java.util.Arrays.sort(u);
		for (int k = u.length - 1; k >= 0; k--) {
			if (k < u.length - 1 && u[k] == u[k + 1]) continue;
			final double t1 = u[k], t2 = a * t1 + b;
			int m = 0;
			for (int i = 0; i < x.length; i++)
				if (x[i] <= t1 || y[i] <= t2) m++;
			final float[] bx = new float[m], by = new float[m];
			m = 0;
			for (int i = 0; i < x.length; i++)
				if (x[i] <= t1 || y[i] <= t2) {
					bx[m] = x[i];
					by[m++] = y[i];
				}
			final double r = RankStatistics.pearson(bx, by);
			if (!(r > 0)) return t1;
		}
		return u[0];
	}

	@Test
	void costesThresholdLiesInTheSignalRangeAndMatchesTheLiteralScan() {
		final int w = 48, h = 48;
		final float[][] p = correlatedPair(w, h, 5, 2);
		final ColocResult r = PixelColocalisation.compute(p[0], p[1], null, new int[] { w, h }, SP2, NO_RAND);
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (final float v : p[0]) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		assertThat(r.regressionSlope()).isCloseTo(2, within(0.2));
		assertThat(r.threshold1()).isGreaterThan(min).isLessThan(max);
		assertThat(r.threshold2()).isCloseTo(r.regressionSlope() * r.threshold1() + r.regressionIntercept(), within(1e-9));
		assertThat(r.pearsonBelow()).isLessThanOrEqualTo(0.0);
		assertThat(r.pearsonAbove()).isGreaterThan(0.9);
		assertThat(r.threshold1()).isEqualTo(bruteCostesT1(p[0], p[1], r.regressionSlope(), r.regressionIntercept()));
	}

	@Test
	void correlatedChannelsAreSignificantAndIndependentOnesAreNot() {
		final int w = 64, h = 64;
		final int[] dims = { w, h };
		// blobs blurred with σ = 1 px have FWHM = 2√(2 ln 2)·σ ≈ 2.35 px; their autocorrelation (a Gaussian
		// of σ√2) has decayed to < 5 % only after ≈ 5 px, so blocks of 5 px = 0.5 µm keep it
		final double fwhmUm = 0.5;
		final ColocSettings base = ColocSettings.builder().psfUm(fwhmUm).randomisations(100).build();
		assertThat(base.blockSizePx(SP2)).containsExactly(5, 5);
		final float[][] p = correlatedPair(w, h, 9, 5, 1);
		final ColocResult corr = PixelColocalisation.compute(p[0], p[1], null, dims, SP2, base);
		assertThat(corr.costesP()).isGreaterThanOrEqualTo(0.95);
		assertThat(corr.isSignificant()).isTrue();
		assertThat(corr.costesP() + corr.costesFractionAtOrAbove()).isEqualTo(1.0);
		assertThat(corr.randomisedMean()).isCloseTo(0, within(0.1));
		assertThat(corr.randomisedSD()).isPositive();
		int significant = 0;
		final StringBuilder ps = new StringBuilder();
		for (long seed = 1; seed <= 10; seed++) {
			final float[] a = correlatedPair(w, h, 100 + seed, 5, 1)[0];
			final float[] b = correlatedPair(w, h, 200 + seed, 5, 1)[1];
			final ColocResult r = PixelColocalisation.compute(a, b, null, dims, SP2,
				ColocSettings.builder().psfUm(fwhmUm).randomisations(100).seed(seed).build());
			ps.append(r.costesP()).append(' ');
			if (r.costesP() >= 0.95) significant++;
		}
		assertThat(significant).as("P-values %s", ps).isLessThanOrEqualTo(2);
	}

	@Test
	void sameSeedGivesIdenticalResults() {
		final int[] dims = { 40, 40 };
		final float[][] p = correlatedPair(40, 40, 21, 30);
		final ColocSettings s = ColocSettings.builder().seed(42).randomisations(50).build();
		final ColocResult r1 = PixelColocalisation.compute(p[0], p[1], null, dims, SP2, s);
		final ColocResult r2 = PixelColocalisation.compute(p[0], p[1], null, dims, SP2, s);
		final ColocResult r3 = PixelColocalisation.compute(p[0], p[1], null, dims, SP2, ColocSettings.builder().seed(43).randomisations(50).build());
		assertThat(r2.randomisedMean()).isEqualTo(r1.randomisedMean());
		assertThat(r2.randomisedSD()).isEqualTo(r1.randomisedSD());
		assertThat(r2.costesP()).isEqualTo(r1.costesP());
		assertThat(r3.randomisedMean()).isNotEqualTo(r1.randomisedMean());
		// the imglib2 entry point gives the same numbers
		final ColocResult r4 = PixelColocalisation.compute(io.github.myomito.image.Pixels.wrap(p[0], dims),
			io.github.myomito.image.Pixels.wrap(p[1], dims), null, SP2, s, null);
		assertThat(r4.pearson()).isEqualTo(r1.pearson());
		assertThat(r4.costesP()).isEqualTo(r1.costesP());
		// cancellation is honoured between randomisations
		final io.github.myomito.progress.Progress cancelled = new io.github.myomito.progress.Progress() {
			@Override
			public void status(final String m) {}

			@Override
			public void progress(final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThatThrownBy(() -> PixelColocalisation.compute(p[0], p[1], null, dims, SP2, s, cancelled))
			.isInstanceOf(java.util.concurrent.CancellationException.class);
	}

	@Test
	void shuffleNeverMovesPixelsAcrossTheMaskBorder2DAnd3D() {
		checkShuffle(new int[] { 37, 29 }, new int[] { 3, 4 }, 1);
		checkShuffle(new int[] { 21, 18, 7 }, new int[] { 3, 3, 2 }, 2);
	}

	private static void checkShuffle(final int[] dims, final int[] block, final long seed) {
		final int size = dims[0] * dims[1] * (dims.length > 2 ? dims[2] : 1);
		final byte[] mask = new byte[size];
		final Random rnd = new Random(seed);
		final double cx = dims[0] / 2.0, cy = dims[1] / 2.0;
		for (int i = 0; i < size; i++) {
			final int x = i % dims[0], y = (i / dims[0]) % dims[1];
			final double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
			// a disc with a hole and some random holes: many partial blocks
			mask[i] = (byte) (r2 < cx * cx && r2 > 4 && rnd.nextDouble() > 0.05 ? 1 : 0);
		}
		final int[] map = PixelColocalisation.shuffleSourceMap(mask, dims, block, seed);
		final boolean[] hit = new boolean[size];
		int moved = 0;
		for (int i = 0; i < size; i++) {
			if (mask[i] == 0) {
				assertThat(map[i]).isEqualTo(-1);
				continue;
			}
			assertThat(map[i]).isBetween(0, size - 1);
			assertThat(mask[map[i]]).as("source of %d is in the mask", i).isNotZero();
			assertThat(hit[map[i]]).as("source %d used twice", map[i]).isFalse();
			hit[map[i]] = true;
			if (map[i] != i) moved++;
		}
		for (int i = 0; i < size; i++)
			assertThat(hit[i]).isEqualTo(mask[i] != 0);
		assertThat(moved).isGreaterThan(0);
		final BlockShuffle bs = new BlockShuffle(mask, dims, block);
		assertThat(bs.fullBlocks()).isGreaterThan(2);
		assertThat(bs.fullBlocks() * bs.blockPixels() + bs.partialPixels()).isEqualTo(count(mask));
	}

	private static int count(final byte[] m) {
		int c = 0;
		for (final byte b : m)
			if (b != 0) c++;
		return c;
	}

	@Test
	void randomisedRIsPearsonOfTheExplicitlyShuffledImageIn3DInsideAMask() {
		final int[] dims = { 30, 26, 9 };
		final double[] sp = { 0.1, 0.1, 0.25 };
		final int size = 30 * 26 * 9;
		final Random rnd = new Random(8);
		final float[] s0 = new float[size];
		for (int k = 0; k < size / 40; k++) s0[rnd.nextInt(size)] = 300;
		final float[] sig = Gauss.smooth(s0, dims, 1.5, 1.5, 0.6);
		final float[] a = new float[size], b = new float[size];
		final byte[] mask = new byte[size];
		for (int i = 0; i < size; i++) {
			a[i] = (float) (5 + sig[i] + rnd.nextGaussian());
			b[i] = (float) (7 + 3 * sig[i] + rnd.nextGaussian());
			final int x = i % 30, y = (i / 30) % 26;
			mask[i] = (byte) ((x - 15) * (x - 15) + (y - 13) * (y - 13) < 121 ? 1 : 0);
		}
		// PSF 0.4 µm lateral, 0.5 µm axial -> blocks 4 x 4 x 2
		final ColocSettings one = ColocSettings.builder().psfUm(0.4).psfAxialUm(0.5).randomisations(1).seed(99).build();
		assertThat(one.blockSizePx(sp)).containsExactly(4, 4, 2);
		final ColocResult r = PixelColocalisation.compute(a, b, mask, dims, sp, one);
		final int[] map = PixelColocalisation.shuffleSourceMap(mask, dims, one.blockSizePx(sp), 99);
		final int n = count(mask);
		final float[] shuffled = new float[n], other = new float[n];
		int k = 0;
		for (int i = 0; i < size; i++)
			if (mask[i] != 0) {
				shuffled[k] = a[map[i]];
				other[k++] = b[i];
			}
		assertThat(r.n()).isEqualTo(n);
		assertThat(r.randomisedMean()).isCloseTo(RankStatistics.pearson(shuffled, other), within(1e-9));
		// and with 100 shuffles the shared signal is significant
		final ColocResult full = PixelColocalisation.compute(a, b, mask, dims, sp,
			ColocSettings.builder().psfUm(0.4).psfAxialUm(0.5).build());
		assertThat(full.pearson()).isGreaterThan(0.5);
		assertThat(full.costesP()).isGreaterThanOrEqualTo(0.95);
		assertThat(full.threshold1()).isFinite();
	}

	@Test
	void settingsConvertOpticsAndRejectBadInput() {
		final ColocSettings s = ColocSettings.builder().psfFromOptics(520, 1.4).build();
		assertThat(s.psfLateralUm()).isCloseTo(0.51 * 0.52 / 1.4, within(1e-12));
		assertThat(s.psfAxialUm()).isEqualTo(s.psfLateralUm());
		assertThat(ColocSettings.builder().psfUm(0.3).psfAxialUm(0.8).build().blockSizePx(new double[] { 0.1, 0.1, 0.4 }))
			.containsExactly(3, 3, 2);
		assertThat(ColocSettings.builder().psfUm(0.01).build().blockSizePx(new double[] { 0.1, 0.1 })).containsExactly(1, 1);
		assertThatThrownBy(() -> ColocSettings.builder().randomisations(-1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("randomisations");
		assertThatThrownBy(() -> ThresholdMode.manual(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PixelColocalisation.compute(new float[4], new float[5], null, new int[] { 2, 2 }, SP2, NO_RAND))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel lengths");
		assertThatThrownBy(() -> PixelColocalisation.compute(new float[4], new float[4], null, new int[] { 2, 2 }, new double[] { 1 }, NO_RAND))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
	}

	@Test
	void emptyMaskAndNaNPixelsAreReportedNotThrown() {
		final float[] a = { 1, 2, Float.NaN, 4 }, b = { 2, 4, 6, 8 };
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { 2, 2 }, new double[] { 1, 1 }, NO_RAND);
		assertThat(r.n()).isEqualTo(3);
		assertThat(r.pearson()).isCloseTo(1, within(1e-12));
		assertThat(r.warnings()).anyMatch(s -> s.contains("NaN"));
		final ColocResult e = PixelColocalisation.compute(a, b, new byte[4], new int[] { 2, 2 }, new double[] { 1, 1 }, NO_RAND);
		assertThat(e.n()).isZero();
		assertThat(e.pearson()).isNaN();
		assertThat(e.warnings()).isNotEmpty();
	}
}
