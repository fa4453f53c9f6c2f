package io.github.myomito.segment;

/**
 * Separable n-dimensional Gaussian smoothing and Gaussian derivatives on flat float arrays (flat order
 * {@code x + w*(y + h*z)}), written once for any number of dimensions.
 * <p>
 * The kernel along one axis is the sampled Gaussian {@code g(j) = exp(-j²/2σ²)} on {@code |j| ≤ ⌈4σ⌉},
 * normalised so that {@code Σ g = 1}. Derivative kernels are the sampled analytic derivatives
 * {@code g'(j) = -j/σ² g(j)} and {@code g''(j) = (j²/σ⁴ - 1/σ²) g(j)}, renormalised so that they are
 * exact on polynomials ({@code Σ j g'(j) = -1}; {@code Σ g'' = 0}, {@code Σ j²/2 g''(j) = 1}), which
 * keeps Hessian responses unbiased at small σ. Boundaries replicate the edge pixel. σ is in pixels per
 * axis; convert from µm with {@code σ_px = σ_µm / spacing}. An axis with σ ≤ 0 and derivative order 0
 * is left untouched.
 * <p>
 * Reference: T. Lindeberg, "Scale-Space Theory in Computer Vision", Kluwer 1994, ch. 3 (sampled
 * Gaussian derivatives as the discrete scale-space operators used for ridge detection).
 */
public final class Gauss {

	private Gauss() {}

	/** @return a Gaussian-smoothed copy of {@code data} with per-axis σ in pixels. */
	public static float[] smooth(final float[] data, final int[] dims, final double... sigmaPx) {
		return derivative(data, dims, sigmaPx, new int[dims.length]);
	}

	/**
	 * Gaussian derivative: smooths with σ per axis and differentiates {@code order[d]} times (0, 1 or 2)
	 * along axis d. Returns a new array; {@code data} is not modified.
	 */
	public static float[] derivative(final float[] data, final int[] dims, final double[] sigmaPx, final int[] order) {
		if (sigmaPx.length != dims.length || order.length != dims.length)
			throw new IllegalArgumentException("need one σ and one order per axis");
		final float[] out = data.clone();
		for (int d = 0; d < dims.length; d++) {
			if (order[d] < 0 || order[d] > 2) throw new IllegalArgumentException("derivative order must be 0, 1 or 2");
			if (sigmaPx[d] <= 0 && order[d] == 0) continue;
			convolveAxis(out, dims, d, kernel(Math.max(sigmaPx[d], 1e-3), order[d]));
		}
		return out;
	}

	/**
	 * The 1D kernel for σ (pixels) and derivative order, centred at index {@code radius}.
	 */
	static double[] kernel(final double sigma, final int order) {
		final int r = Math.max(1, (int) Math.ceil(4 * sigma));
		final double[] g = new double[2 * r + 1];
		double sum = 0;
		for (int j = -r; j <= r; j++) {
			g[j + r] = Math.exp(-0.5 * j * j / (sigma * sigma));
			sum += g[j + r];
		}
		for (int i = 0; i < g.length; i++) g[i] /= sum;
		if (order == 0) return g;
		final double s2 = sigma * sigma;
		final double[] k = new double[g.length];
		if (order == 1) {
			double m = 0;
			for (int j = -r; j <= r; j++) {
				k[j + r] = -j / s2 * g[j + r];
				m += j * k[j + r];
			}
			for (int i = 0; i < k.length; i++) k[i] /= -m;
			return k;
		}
		double mean = 0;
		for (int j = -r; j <= r; j++) {
			k[j + r] = (j * j / (s2 * s2) - 1 / s2) * g[j + r];
			mean += k[j + r];
		}
		mean /= k.length;
		double m2 = 0;
		for (int j = -r; j <= r; j++) {
			k[j + r] -= mean;
			m2 += 0.5 * j * j * k[j + r];
		}
		for (int i = 0; i < k.length; i++) k[i] /= m2;
		return k;
	}

	/** Convolves every line along {@code axis} in place with {@code k} (centred), replicating edges. */
	static void convolveAxis(final float[] data, final int[] dims, final int axis, final double[] k) {
		final int n = dims[axis];
		int stride = 1;
		for (int d = 0; d < axis; d++) stride *= dims[d];
		final int total = data.length;
		final int lines = total / n;
		final int r = k.length / 2;
		final double[] buf = new double[n + 2 * r];
		final float[] tmp = new float[n];
		for (int line = 0; line < lines; line++) {
			// line index -> start offset: split into (inner, outer) around the axis
			final int inner = line % stride;
			final int outer = line / stride;
			final int start = inner + outer * stride * n;
			for (int i = 0; i < n; i++) buf[i + r] = data[start + i * stride];
			for (int i = 0; i < r; i++) {
				buf[i] = buf[r];
				buf[n + r + i] = buf[n + r - 1];
			}
			// correlation with the flipped kernel = convolution: out(x) = Σ_j f(x - j) k(j).
			// Four outputs at a time: four independent sums (each in the same order as the scalar loop, so the
			// results are bit-identical) instead of one latency-bound chain of additions.
			int i = 0;
			for (; i + 3 < n; i += 4) {
				double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
				for (int j = -r; j <= r; j++) {
					final double kj = k[j + r];
					final int b = i + r - j;
					s0 += buf[b] * kj;
					s1 += buf[b + 1] * kj;
					s2 += buf[b + 2] * kj;
					s3 += buf[b + 3] * kj;
				}
				tmp[i] = (float) s0;
				tmp[i + 1] = (float) s1;
				tmp[i + 2] = (float) s2;
				tmp[i + 3] = (float) s3;
			}
			for (; i < n; i++) {
				double s = 0;
				for (int j = -r; j <= r; j++) s += buf[i + r - j] * k[j + r];
				tmp[i] = (float) s;
			}
			for (int q = 0; q < n; q++) data[start + q * stride] = tmp[q];
		}
	}
}
