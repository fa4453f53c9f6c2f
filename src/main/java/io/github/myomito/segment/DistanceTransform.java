package io.github.myomito.segment;

/**
 * Exact Euclidean distance transform with anisotropic spacing, in linear time.
 * <p>
 * For each pixel p, {@code D(p) = min_{q ∈ T} Σ_d (s_d (p_d - q_d))²} where T is the target set and
 * s_d the spacing along axis d. Computed one axis at a time as the lower envelope of parabolas
 * {@code f(q) + s²(p-q)²} (P. F. Felzenszwalb and D. P. Huttenlocher, "Distance Transforms of Sampled
 * Functions", Theory of Computing 8:415–428, 2012, doi:10.4086/toc.2012.v008a019). Pixels with no
 * target get {@code +∞}.
 */
public final class DistanceTransform {

	private DistanceTransform() {}

	/**
	 * Distance (in the unit of {@code spacing}) from each pixel to the nearest pixel whose mask value
	 * is {@code target != 0 ? non-zero : zero}.
	 *
	 * @param mask foreground flags (non-zero = foreground), flat order
	 * @param toForeground {@code true}: distance to the nearest foreground pixel (0 on foreground);
	 *            {@code false}: distance to the nearest background pixel (0 on background), i.e. the
	 *            classic "distance map" of the objects
	 */
	public static float[] distance(final byte[] mask, final int[] dims, final double[] spacing, final boolean toForeground) {
		final double[] f = squared(mask, dims, spacing, toForeground);
		final float[] out = new float[f.length];
		for (int i = 0; i < f.length; i++) out[i] = (float) Math.sqrt(f[i]);
		return out;
	}

	/** Squared distances, see {@link #distance}. */
	public static double[] squared(final byte[] mask, final int[] dims, final double[] spacing, final boolean toForeground) {
		final double[] f = new double[mask.length];
		for (int i = 0; i < f.length; i++) f[i] = ((mask[i] != 0) == toForeground) ? 0 : Double.POSITIVE_INFINITY;
		int maxN = 0;
		for (final int d : dims) maxN = Math.max(maxN, d);
		final double[] line = new double[maxN];
		final double[] res = new double[maxN];
		final int[] v = new int[maxN];
		final double[] z = new double[maxN + 1];
		for (int axis = 0; axis < dims.length; axis++) {
			final int n = dims[axis];
			int stride = 1;
			for (int d = 0; d < axis; d++) stride *= dims[d];
			final int lines = f.length / n;
			final double w2 = spacing[axis] * spacing[axis];
			for (int l = 0; l < lines; l++) {
				final int start = (l % stride) + (l / stride) * stride * n;
				for (int i = 0; i < n; i++) line[i] = f[start + i * stride];
				envelope(line, n, w2, res, v, z);
				for (int i = 0; i < n; i++) f[start + i * stride] = res[i];
			}
		}
		return f;
	}

	/** 1D squared-distance transform of sampled function f with weight w2 (Felzenszwalb–Huttenlocher). */
	private static void envelope(final double[] f, final int n, final double w2, final double[] out, final int[] v, final double[] z) {
		int k = -1;
		for (int q = 0; q < n; q++) {
			if (f[q] == Double.POSITIVE_INFINITY) continue;
			if (k < 0) {
				k = 0;
				v[0] = q;
				z[0] = Double.NEGATIVE_INFINITY;
				z[1] = Double.POSITIVE_INFINITY;
				continue;
			}
			double s;
			while (true) {
				final int p = v[k];
				s = ((f[q] + w2 * q * q) - (f[p] + w2 * p * p)) / (2 * w2 * (q - p));
				if (s <= z[k] && k > 0) k--;
				else break;
			}
			if (s <= z[k]) { // k == 0 and the new parabola dominates everywhere
				v[0] = q;
				z[0] = Double.NEGATIVE_INFINITY;
				z[1] = Double.POSITIVE_INFINITY;
				continue;
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		if (k < 0) {
			for (int q = 0; q < n; q++) out[q] = Double.POSITIVE_INFINITY;
			return;
		}
		int j = 0;
		for (int q = 0; q < n; q++) {
			while (z[j + 1] < q) j++;
			final double dq = q - v[j];
			out[q] = w2 * dq * dq + f[v[j]];
		}
	}
}
