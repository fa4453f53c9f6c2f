package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class GaussAndDistanceTest {

	@Test
	void smoothingPreservesMassAndDerivativesAreExactOnPolynomials() {
		final int w = 64, h = 48;
		final float[] quad = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) quad[x + w * y] = (float) (0.5 * 3 * x * x + 2 * y);
		final float[] dxx = Gauss.derivative(quad, new int[] { w, h }, new double[] { 2, 2 }, new int[] { 2, 0 });
		final float[] dy = Gauss.derivative(quad, new int[] { w, h }, new double[] { 2, 2 }, new int[] { 0, 1 });
		final int c = 32 + w * 24;
		assertThat(dxx[c]).isCloseTo(3f, within(1e-3f));
		assertThat(dy[c]).isCloseTo(2f, within(1e-3f));
		final float[] delta = new float[w * h];
		delta[c] = 1;
		final float[] g = Gauss.smooth(delta, new int[] { w, h }, 2.5, 1.5);
		double sum = 0, vx = 0;
		for (int i = 0; i < g.length; i++) {
			sum += g[i];
			vx += g[i] * Math.pow(i % w - 32, 2);
		}
		assertThat(sum).isCloseTo(1, within(1e-5));
		assertThat(vx).isCloseTo(2.5 * 2.5, within(0.01));
	}

	@Test
	void distanceTransformMatchesBruteForceWithAnisotropicSpacing() {
		final int[] dims = { 23, 17, 6 };
		final double[] sp = { 0.1, 0.15, 0.4 };
		final byte[] m = new byte[23 * 17 * 6];
		final Random r = new Random(3);
		for (int i = 0; i < m.length; i++) m[i] = (byte) (r.nextDouble() < 0.03 ? 1 : 0);
		final float[] d = DistanceTransform.distance(m, dims, sp, true);
		for (int i = 0; i < m.length; i++) {
			double best = Double.POSITIVE_INFINITY;
			for (int j = 0; j < m.length; j++) {
				if (m[j] == 0) continue;
				final double dx = sp[0] * (i % 23 - j % 23), dy = sp[1] * ((i / 23) % 17 - (j / 23) % 17), dz = sp[2] * (i / (23 * 17) - j / (23 * 17));
				best = Math.min(best, dx * dx + dy * dy + dz * dz);
			}
			assertThat((double) d[i]).isCloseTo(Math.sqrt(best), within(1e-5));
		}
	}
}
