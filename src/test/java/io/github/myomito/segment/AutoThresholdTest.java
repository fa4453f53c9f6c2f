package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AutoThresholdTest {

	/** Two equal Gaussians (σ = 20 bins) at 60 and 180, exactly symmetric about bin 120 (support 0..240). */
	private static int[] symmetricBimodal() {
		final int[] h = new int[256];
		for (int i = 0; i <= 240; i++)
			h[i] = (int) Math.round(1e5 * (Math.exp(-Math.pow(i - 60, 2) / 800.0) + Math.exp(-Math.pow(i - 180, 2) / 800.0)));
		return h;
	}

	@Test
	void otsuOnATwoLevelImageSplitsTheLevels() {
		final float[] img = new float[1000];
		for (int i = 0; i < img.length; i++) img[i] = i % 10 < 3 ? 50 : 200;
		final int[] h = new int[256];
		for (final float v : img) h[(int) v]++;
		// every k in [50, 199] separates the levels perfectly; ties resolve to the lowest
		assertThat(AutoThreshold.bin(h, ThresholdMethod.OTSU)).isEqualTo(50);
		final double t = AutoThreshold.threshold(img, null, ThresholdMethod.OTSU);
		assertThat(t).isGreaterThan(50).isLessThan(200);
	}

	@Test
	void otsuMatchesBruteForceMinimumWithinClassVariance() {
		final Random r = new Random(11);
		for (int trial = 0; trial < 5; trial++) {
			final int[] h = new int[256];
			for (int n = 0; n < 4000; n++) {
				final double v = r.nextBoolean() ? 70 + 15 * r.nextGaussian() : 160 + 25 * r.nextGaussian();
				h[Math.max(0, Math.min(255, (int) Math.round(v)))]++;
			}
			int best = -1;
			double bestW = Double.POSITIVE_INFINITY;
			for (int k = 0; k < 255; k++) {
				double w = 0;
				for (int side = 0; side < 2; side++) {
					final int lo = side == 0 ? 0 : k + 1, hi = side == 0 ? k : 255;
					double n = 0, s = 0;
					for (int i = lo; i <= hi; i++) {
						n += h[i];
						s += i * (double) h[i];
					}
					if (n == 0) {
						w = Double.NaN;
						break;
					}
					final double m = s / n;
					for (int i = lo; i <= hi; i++) w += h[i] * (i - m) * (i - m);
				}
				if (!Double.isNaN(w) && w < bestW - 1e-6) {
					bestW = w;
					best = k;
				}
			}
			assertThat(AutoThreshold.bin(h, ThresholdMethod.OTSU)).isEqualTo(best);
		}
	}

	@Test
	void symmetricBimodalHistogramGivesTheMidpoint() {
		final int[] h = symmetricBimodal();
		assertThat(AutoThreshold.bin(h, ThresholdMethod.INTERMODES)).isEqualTo(120);
		assertThat(AutoThreshold.bin(h, ThresholdMethod.MINIMUM)).isEqualTo(120);
		assertThat(AutoThreshold.bin(h, ThresholdMethod.ISODATA)).isEqualTo(120);
		assertThat(AutoThreshold.bin(h, ThresholdMethod.MEAN)).isEqualTo(120);
		// splits 119 and 120 are mirror images, hence tie; lowest wins
		assertThat(AutoThreshold.bin(h, ThresholdMethod.OTSU)).isEqualTo(119);
		assertThat(AutoThreshold.bin(h, ThresholdMethod.PERCENTILE)).isEqualTo(119);
		assertThat(AutoThreshold.bin(h, ThresholdMethod.MIN_ERROR)).isBetween(119, 120);
		assertThat(AutoThreshold.bin(h, ThresholdMethod.DEFAULT)).isBetween(119, 121);
	}

	@Test
	void liAndIsoDataResultsAreFixedPointsOfTheirIterations() {
		final Random r = new Random(5);
		final int[] h = new int[256];
		for (int n = 0; n < 20000; n++) {
			final double v = r.nextDouble() < 0.7 ? 40 + 10 * r.nextGaussian() : 150 + 30 * r.nextGaussian();
			h[Math.max(1, Math.min(255, (int) Math.round(v)))]++;
		}
		final int li = AutoThreshold.bin(h, ThresholdMethod.LI);
		final double[] m = classMeans(h, li);
		final double logMean = (m[1] - m[0]) / (Math.log(m[1]) - Math.log(m[0]));
		assertThat(Math.abs(li - logMean)).isLessThanOrEqualTo(1.0);
		final int iso = AutoThreshold.bin(h, ThresholdMethod.ISODATA);
		final double[] mi = classMeans(h, iso);
		assertThat(Math.abs(iso - (mi[0] + mi[1]) / 2)).isLessThanOrEqualTo(0.5);
	}

	private static double[] classMeans(final int[] h, final int k) {
		double n0 = 0, s0 = 0, n1 = 0, s1 = 0;
		for (int i = 0; i < h.length; i++)
			if (i <= k) {
				n0 += h[i];
				s0 += i * (double) h[i];
			} else {
				n1 += h[i];
				s1 += i * (double) h[i];
			}
		return new double[] { s0 / n0, s1 / n1 };
	}

	@Test
	void triangleFindsTheKneeAndIsMirrorSymmetric() {
		// peak 1000 at bin 0, steep drop to the knee at bin 10, long flat tail of 5 to bin 99:
		// the line from (0, 1000) to (100, 0) is furthest above the histogram at bin 10 (gap 895)
		final int[] h = new int[256];
		h[0] = 1000;
		for (int i = 1; i < 10; i++) h[i] = 500 - 50 * i;
		for (int i = 10; i < 100; i++) h[i] = 5;
		assertThat(AutoThreshold.bin(h, ThresholdMethod.TRIANGLE)).isEqualTo(10);
		final int[] mirror = new int[256];
		for (int i = 0; i < 256; i++) mirror[i] = h[255 - i];
		assertThat(AutoThreshold.bin(mirror, ThresholdMethod.TRIANGLE)).isEqualTo(254 - 10);
	}

	@Test
	void symmetricCriteriaSplitAUniformHistogramInHalves() {
		// uniform p_i = 1/256: MaxEntropy maximises ln(k+1) + ln(255−k), Yen's criterion reduces to
		// ln((k+1)(255−k)), Rényi's three orders coincide (ω = 0), Shanbhag's memberships of the two
		// halves are the same multiset, Otsu's σ²_b and Percentile's |P − 0.5| are symmetric: all give k = 127
		final int[] h = new int[256];
		java.util.Arrays.fill(h, 10);
		for (final ThresholdMethod m : new ThresholdMethod[] { ThresholdMethod.MAX_ENTROPY, ThresholdMethod.YEN, ThresholdMethod.RENYI_ENTROPY,
			ThresholdMethod.SHANBHAG, ThresholdMethod.OTSU, ThresholdMethod.PERCENTILE, ThresholdMethod.MEAN, ThresholdMethod.MOMENTS })
			assertThat(AutoThreshold.bin(h, m)).as(m.name()).isEqualTo(127);
		// IsoData: k = 127 gives (63.5 + 191.5)/2 = 127.5 → 128 ≠ 127; k = 128 gives (64 + 192)/2 = 128, the first fixed point
		assertThat(AutoThreshold.bin(h, ThresholdMethod.ISODATA)).isEqualTo(128);
	}

	@Test
	void momentsPreservingIsExactOnTwoLevels() {
		final int[] h = new int[256];
		h[30] = 700;
		h[170] = 300;
		assertThat(AutoThreshold.bin(h, ThresholdMethod.MOMENTS)).isEqualTo(30);
	}

	@Test
	void everyMethodSeparatesTwoWellSeparatedBlocks() {
		final int[] h = new int[256];
		for (int i = 40; i < 50; i++) h[i] = 100 + 3 * (i - 40);
		for (int i = 200; i < 210; i++) h[i] = 127 - 3 * (i - 200);
		for (final ThresholdMethod m : ThresholdMethod.values())
			assertThat(AutoThreshold.bin(h, m)).as(m.name()).isBetween(49, 199);
	}

	@Test
	void undefinedHistogramsGiveMinusOneAndConstantDataGiveAnEmptyForeground() {
		final int[] h = new int[256];
		h[7] = 100;
		for (final ThresholdMethod m : ThresholdMethod.values())
			assertThat(AutoThreshold.bin(h, m)).isEqualTo(-1);
		final float[] c = { 3, 3, 3 };
		assertThat(AutoThreshold.threshold(c, null, ThresholdMethod.OTSU)).isEqualTo(3.0);
		assertThat(AutoThreshold.threshold(new float[] { Float.NaN }, null, ThresholdMethod.OTSU)).isNaN();
		assertThatThrownBy(() -> AutoThreshold.bin(new int[] { 1, -1 }, ThresholdMethod.OTSU)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void thresholdInDataUnitsUsesOnlyMaskedFiniteValues() {
		final float[] v = { 1, 1, 1, 2, 2, Float.NaN, 1000, 1000 };
		final byte[] mask = { 1, 1, 1, 1, 1, 1, 0, 0 };
		final double t = AutoThreshold.threshold(v, mask, ThresholdMethod.OTSU);
		// 256 bins over [1, 2]: level 1 is bin 0, level 2 bin 255; Otsu's lowest tie is k = 0
		assertThat(t).isEqualTo(1 + 1 / 256.0);
		final double all = AutoThreshold.threshold(v, null, ThresholdMethod.OTSU);
		assertThat(all).isGreaterThan(2).isLessThan(1000);
	}

	@Test
	void fromNameAcceptsImageJSpellings() {
		assertThat(ThresholdMethod.fromName("Otsu")).isEqualTo(ThresholdMethod.OTSU);
		assertThat(ThresholdMethod.fromName("otsu")).isEqualTo(ThresholdMethod.OTSU);
		assertThat(ThresholdMethod.fromName("MaxEntropy")).isEqualTo(ThresholdMethod.MAX_ENTROPY);
		assertThat(ThresholdMethod.fromName("max_entropy")).isEqualTo(ThresholdMethod.MAX_ENTROPY);
		assertThat(ThresholdMethod.fromName("Default")).isEqualTo(ThresholdMethod.DEFAULT);
		assertThat(ThresholdMethod.fromName("IJ_IsoData")).isEqualTo(ThresholdMethod.DEFAULT);
		assertThat(ThresholdMethod.fromName("IsoData")).isEqualTo(ThresholdMethod.ISODATA);
		assertThat(ThresholdMethod.fromName(" RenyiEntropy ")).isEqualTo(ThresholdMethod.RENYI_ENTROPY);
		assertThat(ThresholdMethod.fromName("MinError")).isEqualTo(ThresholdMethod.MIN_ERROR);
		assertThat(ThresholdMethod.fromName("Min-Error")).isEqualTo(ThresholdMethod.MIN_ERROR);
		for (final ThresholdMethod m : ThresholdMethod.values()) {
			assertThat(ThresholdMethod.fromName(m.imageJName())).isEqualTo(m);
			assertThat(ThresholdMethod.fromName(m.name())).isEqualTo(m);
		}
		assertThatThrownBy(() -> ThresholdMethod.fromName("Otsuu")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Otsuu").hasMessageContaining("Triangle").hasMessageContaining("MaxEntropy");
		assertThatThrownBy(() -> ThresholdMethod.fromName(null)).isInstanceOf(IllegalArgumentException.class);
	}
}
