package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {

	@Test
	void boxMeanMatchesBruteForceTruncatedMean() {
		final int[] d = { 13, 9, 4 };
		final double[] sp = { 0.1, 0.1, 0.2 };
		final Random r = new Random(1);
		final float[] f = new float[13 * 9 * 4];
		for (int i = 0; i < f.length; i++) f[i] = r.nextFloat() * 10;
		// block 0.5 µm: half-widths round(0.5/0.2)=3 (x, y) — 2.5 rounds to 3 — and round(1.25)=1 (z)
		final float[] m = LocalThreshold.localMean(f, d, sp, 0.5, LocalThreshold.Weighting.MEAN);
		final int[] rr = { 3, 3, 1 };
		for (int z = 0; z < d[2]; z++)
			for (int y = 0; y < d[1]; y++)
				for (int x = 0; x < d[0]; x++) {
					double s = 0;
					int n = 0;
					for (int c = Math.max(0, z - rr[2]); c <= Math.min(d[2] - 1, z + rr[2]); c++)
						for (int b = Math.max(0, y - rr[1]); b <= Math.min(d[1] - 1, y + rr[1]); b++)
							for (int a = Math.max(0, x - rr[0]); a <= Math.min(d[0] - 1, x + rr[0]); a++) {
								s += f[a + d[0] * (b + d[1] * c)];
								n++;
							}
					assertThat((double) m[x + d[0] * (y + d[1] * z)]).isCloseTo(s / n, within(1e-4));
				}
	}

	@Test
	void localThresholdFindsObjectsUnderStrongIlluminationGradient() {
		// 3x3 px objects of +40 on a background rising from 0 to 100 across the image:
		// no global threshold separates them, the local one (block 1.1 µm = 11 px) does
		final int w = 120, h = 40;
		final float[] f = new float[w * h];
		final byte[] truth = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) f[x + w * y] = 100f * x / w;
		for (int cx = 5; cx < w - 5; cx += 12)
			for (int cy = 8; cy < h - 5; cy += 12)
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						f[cx + dx + w * (cy + dy)] += 40;
						truth[cx + dx + w * (cy + dy)] = 1;
					}
		for (final LocalThreshold.Weighting wt : LocalThreshold.Weighting.values()) {
			// foreground: value > local mean − C with C = −5, i.e. at least 5 above the local mean
			final byte[] m = LocalThreshold.apply(f, new int[] { w, h }, new double[] { 0.1, 0.1 }, 1.1, -5, wt);
			assertThat(m).as(wt.name()).containsExactly(truth);
		}
		// no single global threshold can do this: the dimmest object (≈ 44) is below the brightest background (≈ 99)
		float minObj = Float.MAX_VALUE, maxBg = -Float.MAX_VALUE;
		for (int i = 0; i < f.length; i++)
			if (truth[i] != 0) minObj = Math.min(minObj, f[i]);
			else maxBg = Math.max(maxBg, f[i]);
		assertThat(minObj).isLessThan(maxBg);
		assertThatThrownBy(() -> LocalThreshold.apply(f, new int[] { w, h }, new double[] { 0.1, 0.1 }, 0, 5, LocalThreshold.Weighting.MEAN))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block");
	}

	@Test
	void stableThresholdLiesInTheIntensityGapBetweenNoiseAndObjects() {
		final int w = 100, h = 80;
		final Random r = new Random(17);
		final float[] f = new float[w * h];
		final byte[] truth = new byte[w * h];
		for (int i = 0; i < f.length; i++) f[i] = 10 + 6 * r.nextFloat(); // background in [10, 16)
		int objects = 0;
		for (int cx = 10; cx < w - 10; cx += 20)
			for (int cy = 10; cy < h - 10; cy += 20) {
				objects++;
				final int s = 2 + (cx + cy) % 5; // squares of different sizes
				for (int y = cy; y < cy + s; y++)
					for (int x = cx; x < cx + s; x++) {
						f[x + w * y] = 90 + 10 * r.nextFloat(); // objects in [90, 100)
						truth[x + w * y] = 1;
					}
			}
		final StableThreshold.Result res = StableThreshold.find(f, new int[] { w, h }, Connectivity.FULL, 64);
		assertThat(res.threshold()).isGreaterThan(16).isLessThan(90);
		final byte[] m = new byte[f.length];
		for (int i = 0; i < f.length; i++) m[i] = (byte) (f[i] > res.threshold() ? 1 : 0);
		assertThat(m).containsExactly(truth);
		// the curves agree: N is the number of squares at the chosen threshold
		final double[] t = res.candidates();
		for (int k = 0; k < t.length; k++)
			if (t[k] > 16 && t[k] < 90) assertThat(res.counts()[k]).isEqualTo(objects);
		assertThat(StableThreshold.find(new float[] { 1, 1, 1, 1 }, new int[] { 2, 2 }, Connectivity.FULL, 16).threshold()).isNaN();
	}
}
