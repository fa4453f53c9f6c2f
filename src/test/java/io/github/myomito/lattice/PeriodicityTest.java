package io.github.myomito.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class PeriodicityTest {

	/** Image f(u) with u the physical coordinate along the ImageJ angle a (y down). */
	static float[] along(final int w, final int h, final double[] sp, final double aDeg, final DoubleUnaryOperator f) {
		final float[] img = new float[w * h];
		final double a = Math.toRadians(aDeg);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) img[x + w * y] = (float) f.applyAsDouble(x * sp[0] * Math.cos(a) - y * sp[1] * Math.sin(a));
		return img;
	}

	/** Train of Gaussian pulses (σ) at offsets o within each period P. */
	static DoubleUnaryOperator pulses(final double period, final double sigma, final double... offsets) {
		return u -> {
			double s = 10;
			final double k0 = Math.floor(u / period);
			for (double k = k0 - 2; k <= k0 + 2; k++)
				for (final double o : offsets) {
					final double d = u - k * period - o;
					s += 100 * Math.exp(-0.5 * d * d / (sigma * sigma));
				}
			return s;
		};
	}

	@Test
	void sinusoidPeriodIsFoundAtAnyAngle() {
		final int w = 300, h = 300;
		final double[] sp = { 0.1, 0.1 };
		for (final double a : new double[] { 0, 30, 73, 90, 135 }) {
			final float[] img = along(w, h, sp, a, u -> 50 + 20 * Math.cos(2 * Math.PI * u / 2.2));
			final PeriodResult r = Periodicity.along(img, null, new int[] { w, h }, sp, a);
			assertThat(r.valid()).isTrue();
			assertThat(r.periodUm()).as("period at %s°", a).isCloseTo(2.2, within(0.05));
			assertThat(r.regularity()).as("regularity at %s°", a).isGreaterThan(0.9);
			assertThat(r.profileStepUm()).isEqualTo(0.1);
		}
	}

	@Test
	void pulseTrainInARegionWithAnisotropicSpacing() {
		final int w = 300, h = 240;
		final double[] sp = { 0.1, 0.13 };
		final byte[] disc = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double dx = x * sp[0] - 15, dy = y * sp[1] - 15.5;
				if (dx * dx + dy * dy <= 14 * 14) disc[x + w * y] = 1;
			}
		for (final double a : new double[] { 30, 73, 135 }) {
			final float[] img = along(w, h, sp, a, pulses(2.2, 0.25, 0));
			// outside the region: a different, strong period that must be ignored
			final float[] other = along(w, h, sp, a, u -> 500 * Math.cos(2 * Math.PI * u / 3.1));
			for (int i = 0; i < img.length; i++) if (disc[i] == 0) img[i] = other[i];
			final PeriodResult r = Periodicity.along(img, disc, new int[] { w, h }, sp, a);
			assertThat(r.periodUm()).as("period at %s°", a).isCloseTo(2.2, within(0.05));
			assertThat(r.regularity()).isGreaterThan(0.8);
		}
	}

	@Test
	void slowIntensityTrendAlongTheFibreIsRemoved() {
		final int w = 300, h = 200;
		final double[] sp = { 0.1, 0.1 };
		// period 2.6 µm (amplitude 4) on a steep ramp (5 per µm) plus a slow 15 µm modulation of the same amplitude
		final float[] img = along(w, h, sp, 120, u -> 100 + 5 * u + 4 * Math.sin(2 * Math.PI * u / 15) + 4 * Math.cos(2 * Math.PI * u / 2.6));
		final PeriodResult r = Periodicity.along(img, null, new int[] { w, h }, sp, 120);
		assertThat(r.periodUm()).isCloseTo(2.6, within(0.05));
		assertThat(r.regularity()).isGreaterThan(0.9);
	}

	@Test
	void stackIsAnalysedAlongItsXyAxis() {
		final int w = 200, h = 200, nz = 3;
		final double[] sp2 = { 0.1, 0.1 };
		final float[] slice = along(w, h, sp2, 73, u -> 1 + Math.cos(2 * Math.PI * u / 2.5));
		final float[] stack = new float[w * h * nz];
		for (int z = 0; z < nz; z++) System.arraycopy(slice, 0, stack, z * w * h, w * h);
		final PeriodResult r = Periodicity.along(stack, null, new int[] { w, h, nz }, new double[] { 0.1, 0.1, 0.5 }, 73);
		assertThat(r.periodUm()).isCloseTo(2.5, within(0.05));
	}

	@Test
	void regularityIsLowForNoise() {
		final int w = 300, h = 300;
		final Random rnd = new Random(11);
		// white noise: the correlation at the strongest in-band lag is a noise floor of a few 1/sqrt(N) (N ≈ 300–420
		// samples here), far below a periodic train's ~1
		double sum = 0;
		for (int trial = 0; trial < 6; trial++) {
			final float[] img = new float[w * h];
			for (int i = 0; i < img.length; i++) img[i] = (float) (100 + 10 * rnd.nextGaussian());
			final PeriodResult r = Periodicity.along(img, null, new int[] { w, h }, new double[] { 0.1, 0.1 }, 30 * trial);
			assertThat(r.valid()).isTrue();
			assertThat(r.regularity()).isLessThan(0.35);
			sum += r.regularity();
		}
		assertThat(sum / 6).isLessThan(0.25);
	}

	@Test
	void doubletsAreDetectedForPairedPulsesOnly() {
		final int w = 300, h = 300;
		final double[] sp = { 0.1, 0.1 };
		for (final double a : new double[] { 0, 73 }) {
			final PeriodResult pair = Periodicity.along(along(w, h, sp, a, pulses(2.4, 0.12, -0.4, 0.4)), null, new int[] { w, h }, sp, a);
			assertThat(pair.periodUm()).isCloseTo(2.4, within(0.05));
			assertThat(pair.periodsExamined()).isGreaterThanOrEqualTo(8);
			assertThat(pair.doubletFraction()).as("paired at %s°", a).isGreaterThanOrEqualTo(0.8);
			assertThat(pair.doubletSpacingUm()).isCloseTo(0.8, within(0.1));
			final PeriodResult single = Periodicity.along(along(w, h, sp, a, pulses(2.4, 0.3, 0)), null, new int[] { w, h }, sp, a);
			assertThat(single.periodUm()).isCloseTo(2.4, within(0.05));
			assertThat(single.doubletFraction()).as("single at %s°", a).isLessThanOrEqualTo(0.1);
		}
	}

	@Test
	void doubletSpacingFollowsThePairSeparationUnderNoise() {
		final int w = 300, h = 300;
		final double[] sp = { 0.1, 0.1 };
		final Random rnd = new Random(19);
		for (final double sep : new double[] { 0.6, 1.0 }) {
			final float[] img = along(w, h, sp, 40, pulses(2.2, 0.1, -sep / 2, sep / 2));
			for (int i = 0; i < img.length; i++) img[i] += (float) (20 * rnd.nextGaussian()); // 20 % of the pulse height per pixel
			final PeriodResult r = Periodicity.along(img, null, new int[] { w, h }, sp, 40);
			assertThat(r.periodUm()).isCloseTo(2.2, within(0.05));
			assertThat(r.doubletFraction()).as("separation %s", sep).isGreaterThanOrEqualTo(0.8);
			assertThat(r.doubletSpacingUm()).as("separation %s", sep).isCloseTo(sep, within(0.1));
		}
	}

	@Test
	void shortProfileIsInvalidAndBadInputThrows() {
		final PeriodResult r = Periodicity.along(new float[20 * 20], null, new int[] { 20, 20 }, new double[] { 0.1, 0.1 }, 0);
		assertThat(r.valid()).isFalse();
		assertThat(r.periodUm()).isNaN();
		assertThatThrownBy(() -> Periodicity.along(new float[400], null, new int[] { 20, 20 }, new double[] { 0.1, 0.1 }, 0, 3, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPeriodUm");
		assertThatThrownBy(() -> Periodicity.along(new float[400], new byte[400], new int[] { 20, 20 }, new double[] { 0.1, 0.1 }, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
		assertThatThrownBy(() -> Periodicity.along(new float[400], null, new int[] { 20, 20 }, new double[] { 0.1, 0.1 }, 0, 0.15, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nyquist");
		assertThatThrownBy(() -> Periodicity.along(new float[399], null, new int[] { 20, 20 }, new double[] { 0.1, 0.1 }, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("img");
	}

	/** The per-pixel raster profile (the implementation before {@link Periodicity.Runs}), as the reference. */
	private static double[] rasterProfile(final float[] img, final byte[] region, final int[] dims, final double[] sp, final double axisDeg) {
		final int w = dims[0], plane = dims[0] * dims[1];
		final double a = Math.toRadians(axisDeg);
		final double cx = Math.cos(a) * sp[0], cy = -Math.sin(a) * sp[1];
		final double h = Math.min(sp[0], sp[1]);
		final int hgt = dims[1], nz = img.length / plane;
		double umin = Double.POSITIVE_INFINITY, umax = Double.NEGATIVE_INFINITY;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < hgt; y++)
				for (int x = 0; x < w; x++, i++) {
					if (region != null && region[i] == 0) continue;
					final double u = x * cx + y * cy;
					if (u < umin) umin = u;
					if (u > umax) umax = u;
				}
		final int n = (int) Math.floor((umax - umin) / h + 1e-9) + 1;
		final double[] sum = new double[n];
		final int[] cnt = new int[n];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < hgt; y++)
				for (int x = 0; x < w; x++, i++) {
					if (region != null && region[i] == 0) continue;
					final double u = x * cx + y * cy;
					final int b = Math.min(n - 1, (int) ((u - umin) / h + 1e-9));
					sum[b] += img[i];
					cnt[b]++;
				}
		int prev = -1;
		for (int b = 0; b < n; b++) {
			if (cnt[b] == 0) continue;
			sum[b] /= cnt[b];
			if (prev < 0) java.util.Arrays.fill(sum, 0, b, sum[b]);
			else for (int k = prev + 1; k < b; k++) sum[k] = sum[prev] + (sum[b] - sum[prev]) * (k - prev) / (double) (b - prev);
			prev = b;
		}
		for (int k = prev + 1; k < n; k++) sum[k] = sum[prev];
		return sum;
	}

	@Test
	void runProfileIsBitIdenticalToThePerPixelScan() {
		final Random rnd = new Random(5);
		for (int trial = 0; trial < 40; trial++) {
			final boolean three = trial % 4 == 3;
			final int w = 20 + rnd.nextInt(60), h = 20 + rnd.nextInt(60), nz = three ? 3 : 1;
			final int[] dims = three ? new int[] { w, h, nz } : new int[] { w, h };
			final double[] sp = three ? new double[] { 0.1 + 0.05 * rnd.nextDouble(), 0.1 + 0.05 * rnd.nextDouble(), 0.3 } : new double[] { 0.07 + 0.1 * rnd.nextDouble(), 0.07 + 0.1 * rnd.nextDouble() };
			final float[] img = new float[w * h * nz];
			for (int i = 0; i < img.length; i++) img[i] = (float) (100 * rnd.nextDouble());
			byte[] region = null;
			if (trial % 3 != 0) {
				region = new byte[img.length];
				final double cxr = w * rnd.nextDouble(), cyr = h * rnd.nextDouble(), rr = 10 + 30 * rnd.nextDouble();
				for (int z = 0; z < nz; z++)
					for (int y = 0; y < h; y++)
						for (int x = 0; x < w; x++)
							region[x + w * (y + h * z)] = (byte) ((x - cxr) * (x - cxr) + (y - cyr) * (y - cyr) < rr * rr && rnd.nextInt(7) != 0 ? 1 : 0);
				region[rnd.nextInt(region.length)] = 1;
			}
			final double angle = trial < 8 ? 45 * trial % 180 : 180 * rnd.nextDouble();
			final double[] expected = rasterProfile(img, region, dims, sp, angle);
			final double[] actual = Periodicity.profile(img, Periodicity.Runs.of(region, dims), sp, angle);
			assertThat(actual).as("trial %d", trial).containsExactly(expected);
		}
	}
}
