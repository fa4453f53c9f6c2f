package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FilterTest {

	@Test
	void topHatRemovesALinearRampAndKeepsSmallSpots() {
		final int w = 90, h = 70;
		final double[] sp = { 0.1, 0.1 };
		final float[] f = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) f[x + w * y] = (float) (10 + 0.5 * x + 0.3 * y);
		final int[][] spots = { { 30, 30 }, { 50, 40 }, { 60, 25 } };
		for (final int[] s : spots)
			for (int dy = 0; dy < 3; dy++)
				for (int dx = 0; dx < 3; dx++) f[s[0] + dx + w * (s[1] + dy)] += 100;
		// radius 1 µm = 10 px box half-width: the opening is exact at least 2 r = 20 px from the border
		final float[] t = Background.subtract(f, new int[] { w, h }, sp, 1.0);
		for (int y = 20; y < h - 20; y++)
			for (int x = 20; x < w - 20; x++) {
				boolean spot = false;
				for (final int[] s : spots)
					spot |= x >= s[0] && x < s[0] + 3 && y >= s[1] && y < s[1] + 3;
				if (!spot) assertThat(t[x + w * y]).isCloseTo(0f, within(1e-3f));
				// on a spot the opening lies between the ramp and the ramp raised by the spot's extent (3 px × slopes)
				else assertThat(t[x + w * y]).isBetween(100f - 3 * (0.5f + 0.3f) - 1e-3f, 100f + 1e-3f);
			}
		for (final float v : t) assertThat(v).isGreaterThanOrEqualTo(0f);
	}

	@Test
	void openingMatchesBruteForceMinThenMaxIn3DWithAnisotropicRadius() {
		final int[] dims = { 17, 13, 9 };
		final double[] sp = { 0.1, 0.15, 0.3 };
		final Random r = new Random(7);
		final float[] f = new float[17 * 13 * 9];
		for (int i = 0; i < f.length; i++) f[i] = r.nextFloat();
		final double rad = 0.32; // half-widths 3, 2, 1 px
		final int[] rr = { 3, 2, 1 };
		final float[] got = Background.opening(f, dims, sp, rad);
		final float[] ero = boxFilter(f, dims, rr, false);
		final float[] ref = boxFilter(ero, dims, rr, true);
		for (int i = 0; i < f.length; i++) assertThat(got[i]).isEqualTo(ref[i]);
	}

	private static float[] boxFilter(final float[] f, final int[] d, final int[] r, final boolean max) {
		final float[] out = new float[f.length];
		for (int z = 0; z < d[2]; z++)
			for (int y = 0; y < d[1]; y++)
				for (int x = 0; x < d[0]; x++) {
					float e = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
					for (int c = Math.max(0, z - r[2]); c <= Math.min(d[2] - 1, z + r[2]); c++)
						for (int b = Math.max(0, y - r[1]); b <= Math.min(d[1] - 1, y + r[1]); b++)
							for (int a = Math.max(0, x - r[0]); a <= Math.min(d[0] - 1, x + r[0]); a++) {
								final float v = f[a + d[0] * (b + d[1] * c)];
								e = max ? Math.max(e, v) : Math.min(e, v);
							}
					out[x + d[0] * (y + d[1] * z)] = e;
				}
		return out;
	}

	@Test
	void medianRemovesSaltNoise() {
		final int w = 64, h = 64;
		final float[] f = new float[w * h];
		Arrays.fill(f, 10);
		final Random r = new Random(3);
		int salt = 0;
		for (int i = 0; i < f.length; i++)
			if (r.nextDouble() < 0.02) {
				f[i] = 1000;
				salt++;
			}
		assertThat(salt).isGreaterThan(40);
		// radius 0.15 µm at 0.1 µm/px: the 3x3 square (9 pixels); ≥ 5 salt pixels in one window would be needed to survive
		final float[] m = Denoise.median(f, new int[] { w, h }, new double[] { 0.1, 0.1 }, 0.15);
		for (final float v : m) assertThat(v).isEqualTo(10f);
	}

	@Test
	void medianMatchesBruteForceSortIn3D() {
		final int[] d = { 11, 9, 5 };
		final double[] sp = { 0.1, 0.1, 0.25 };
		final Random r = new Random(9);
		final float[] f = new float[11 * 9 * 5];
		for (int i = 0; i < f.length; i++) f[i] = r.nextInt(50);
		final double rad = 0.26;
		final float[] got = Denoise.median(f, d, sp, rad);
		for (int z = 0; z < d[2]; z++)
			for (int y = 0; y < d[1]; y++)
				for (int x = 0; x < d[0]; x++) {
					final java.util.List<Float> vals = new java.util.ArrayList<>();
					for (int c = -2; c <= 2; c++)
						for (int b = -3; b <= 3; b++)
							for (int a = -3; a <= 3; a++) {
								final double q = Math.pow(a * 0.1 / rad, 2) + Math.pow(b * 0.1 / rad, 2) + Math.pow(c * 0.25 / rad, 2);
								if (q > 1) continue;
								final int xx = Math.min(d[0] - 1, Math.max(0, x + a)), yy = Math.min(d[1] - 1, Math.max(0, y + b)), zz = Math.min(d[2] - 1, Math.max(0, z + c));
								vals.add(f[xx + d[0] * (yy + d[1] * zz)]);
							}
					java.util.Collections.sort(vals);
					assertThat(vals.size() % 2).isEqualTo(1);
					assertThat(got[x + d[0] * (y + d[1] * z)]).isEqualTo(vals.get(vals.size() / 2));
				}
	}

	@Test
	void gaussianInMicrometresConvertsSigmaPerAxis() {
		final int[] d = { 41, 31, 11 };
		final float[] f = new float[41 * 31 * 11];
		final int c = 20 + 41 * (15 + 31 * 5);
		f[c] = 1;
		// σ = 0.3 µm with spacing 0.1 × 0.15 × 0.3 µm: 3, 2 and 1 px, so the impulse response has variance 9, 4, 1 px²
		final float[] g = Denoise.gaussian(f, d, new double[] { 0.1, 0.15, 0.3 }, 0.3);
		double sum = 0, vx = 0, vy = 0, vz = 0;
		for (int z = 0; z < 11; z++)
			for (int y = 0; y < 31; y++)
				for (int x = 0; x < 41; x++) {
					final double v = g[x + 41 * (y + 31 * z)];
					sum += v;
					vx += v * (x - 20) * (x - 20);
					vy += v * (y - 15) * (y - 15);
					vz += v * (z - 5) * (z - 5);
				}
		assertThat(sum).isCloseTo(1, within(1e-5));
		assertThat(vx).isCloseTo(9, within(0.02));
		assertThat(vy).isCloseTo(4, within(0.02));
		assertThat(vz).isCloseTo(1, within(0.02));
	}

	@Test
	void badArgumentsAreRejectedWithClearMessages() {
		assertThatThrownBy(() -> Background.subtract(new float[4], new int[] { 2, 2 }, new double[] { 0.1, 0.1 }, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
		assertThatThrownBy(() -> Denoise.median(new float[4], new int[] { 2, 2 }, new double[] { 0.1, 0 }, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
		assertThatThrownBy(() -> Denoise.median(new float[5], new int[] { 2, 2 }, new double[] { 0.1, 0.1 }, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
	}
}
