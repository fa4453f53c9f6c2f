package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxialDeconvolutionTest {

	private static final int N = 24;

	/** A 3 × 3 × N stack whose columns all hold {@code col} (lateral smoothing leaves it as it is). */
	private static float[] stack(final double[] col) {
		final float[] f = new float[9 * N];
		for (int z = 0; z < N; z++)
			for (int i = 0; i < 9; i++) f[i + 9 * z] = (float) col[z];
		return f;
	}

	/** Two planes 4 slices apart on a background of 1, blurred along z by σ = 1.2 slices (the forward model). */
	private static double[] blurredPair(final double sigma) {
		final double[] o = new double[N];
		java.util.Arrays.fill(o, 1);
		o[10] += 100;
		o[14] += 100;
		final double[] g = new double[N];
		AxialDeconvolution.convolve(o, AxialDeconvolution.kernel(sigma), g);
		return g;
	}

	@Test
	void separatesTwoPlanesThatTheBlurJoins() {
		final double[] g = blurredPair(1.2);
		// blurred: the midpoint between the planes is above half the peaks (joined at half maximum)
		assertThat(g[12] / g[10]).isGreaterThan(0.5);
		final float[] u = AxialDeconvolution.apply(stack(g), new int[] { 3, 3, N }, new double[] { 0.1, 0.1, 0.3 }, 1.2 * 0.3, 200);
		final double peak = u[4 + 9 * 10], mid = u[4 + 9 * 12];
		assertThat(mid / peak).as("midpoint / peak after deconvolution").isLessThan(0.1);
		assertThat(u[4 + 9 * 14]).isCloseTo((float) peak, within((float) (1e-3 * peak)));
		// the estimate re-blurred reproduces the data, and the flux along the column is kept
		final double[] col = new double[N], re = new double[N];
		double su = 0, sg = 0;
		for (int z = 0; z < N; z++) {
			col[z] = u[4 + 9 * z];
			su += col[z];
			sg += g[z];
		}
		AxialDeconvolution.convolve(col, AxialDeconvolution.kernel(1.2), re);
		for (int z = 0; z < N; z++) assertThat(re[z]).as("re-blurred slice %d", z).isCloseTo(g[z], within(0.02 * g[10]));
		assertThat(su).isCloseTo(sg, within(1e-4 * sg));
	}

	@Test
	void leavesImagesAloneWhenThereIsNothingToDo() {
		final double[] g = blurredPair(1.2);
		final float[] s = stack(g);
		final float[] flat = new float[] { 1, 2, 3, 4 };
		assertThat(AxialDeconvolution.apply(flat, new int[] { 2, 2 }, new double[] { 0.1, 0.1 }, 0.3, 30)).containsExactly(flat).isNotSameAs(flat);
		assertThat(AxialDeconvolution.apply(s, new int[] { 3, 3, N }, new double[] { 0.1, 0.1, 0.3 }, 0, 30)).containsExactly(s);
		assertThat(AxialDeconvolution.apply(s, new int[] { 3, 3, N }, new double[] { 0.1, 0.1, 0.3 }, 0.3, 0)).containsExactly(s);
		// negative and non-finite values count as 0: an all-zero column stays 0, nothing becomes NaN
		final float[] bad = stack(new double[N]);
		bad[4 + 9 * 3] = Float.NaN;
		bad[4 + 9 * 4] = -5;
		for (final float v : AxialDeconvolution.apply(bad, new int[] { 3, 3, N }, new double[] { 0.1, 0.1, 0.3 }, 0.3, 10)) assertThat(v).isEqualTo(0f);
		assertThatThrownBy(() -> AxialDeconvolution.apply(s, new int[] { 3, 3, N }, new double[] { 0.1, 0.1, 0.3 }, 0.3, -1)).hasMessageContaining("iterations");
		assertThatThrownBy(() -> AxialDeconvolution.apply(s, new int[] { 3, 3, N }, new double[] { 0.1, 0.1, 0.3 }, Double.NaN, 3)).hasMessageContaining("sigma");
	}

	@Test
	void mirroredConvolutionKeepsTheFlux() {
		final double[] in = new double[7], out = new double[7];
		for (int i = 0; i < 7; i++) in[i] = i * i + 1;
		AxialDeconvolution.convolve(in, AxialDeconvolution.kernel(2.5), out);
		double a = 0, b = 0;
		for (int i = 0; i < 7; i++) {
			a += in[i];
			b += out[i];
		}
		assertThat(b).isCloseTo(a, within(1e-9 * a));
	}
}
