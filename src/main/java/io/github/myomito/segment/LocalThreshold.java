package io.github.myomito.segment;

/**
 * Adaptive (local) threshold as used by Mitochondria Analyzer (A. Chaudhry, R. Shi and D. S.
 * Luciani, "A pipeline for multidimensional confocal analysis of mitochondrial morphology, function,
 * and dynamics in pancreatic β-cells", Am. J. Physiol. Endocrinol. Metab. 318:E87–E101, 2020,
 * doi:10.1152/ajpendo.00457.2019; preprint doi:10.1101/687749): a pixel is foreground when
 * {@code f(x) > m(x) − C}, where m is the weighted local mean over a block of diameter
 * {@code blockUm} and C an offset in data units.
 * <ul>
 * <li>{@link Weighting#MEAN}: box mean over {@code Π_d [x_d − r_d, x_d + r_d]},
 * {@code r_d = round(blockUm / (2 s_d))}, truncated at the border (mean of the pixels inside),
 * computed with running sums, O(1) per pixel.</li>
 * <li>{@link Weighting#GAUSSIAN}: Gaussian-weighted mean by {@link Gauss#smooth} with, per axis, the
 * σ that OpenCV's adaptive threshold uses for a block of b pixels,
 * {@code σ_d = 0.3 ((b_d − 1)/2 − 1) + 0.8} px, {@code b_d = blockUm / s_d} (at least 0.3 px);
 * edges replicated.</li>
 * </ul>
 */
public final class LocalThreshold {

	/** How the local mean is weighted. */
	public enum Weighting {
		/** Uniform weights over the box (block). */
		MEAN,
		/** Gaussian weights with OpenCV's block-to-σ rule. */
		GAUSSIAN
	}

	private LocalThreshold() {}

	/** @return a 0/1 mask, 1 where {@code data > localMean − c}. */
	public static byte[] apply(final float[] data, final int[] dims, final double[] spacing, final double blockUm, final double c, final Weighting weighting) {
		final float[] m = localMean(data, dims, spacing, blockUm, weighting);
		if (!Double.isFinite(c)) throw new IllegalArgumentException("local threshold offset C must be finite, got " + c);
		final byte[] out = new byte[data.length];
		for (int i = 0; i < out.length; i++) out[i] = (byte) (data[i] > m[i] - c ? 1 : 0);
		return out;
	}

	/** @return the weighted local mean m(x) described in the class documentation. */
	public static float[] localMean(final float[] data, final int[] dims, final double[] spacing, final double blockUm, final Weighting weighting) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (!(blockUm > 0) || Double.isInfinite(blockUm)) throw new IllegalArgumentException("block size must be a positive number of µm, got " + blockUm);
		if (weighting == null) throw new IllegalArgumentException("weighting must not be null");
		if (weighting == Weighting.GAUSSIAN) {
			final double[] s = new double[dims.length];
			for (int d = 0; d < dims.length; d++) s[d] = Math.max(0.3, 0.3 * ((blockUm / spacing[d] - 1) / 2 - 1) + 0.8);
			return Gauss.smooth(data, dims, s);
		}
		final float[] f = data.clone();
		int maxN = 0;
		for (final int n : dims) maxN = Math.max(maxN, n);
		final double[] prefix = new double[maxN + 1];
		for (int axis = 0; axis < dims.length; axis++) {
			final int r = (int) Math.round(blockUm / (2 * spacing[axis]));
			if (r <= 0) continue;
			final int n = dims[axis];
			int stride = 1;
			for (int d = 0; d < axis; d++) stride *= dims[d];
			final int lines = f.length / n;
			for (int line = 0; line < lines; line++) {
				final int start = (line % stride) + (line / stride) * stride * n;
				for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + f[start + i * stride];
				for (int i = 0; i < n; i++) {
					final int lo = Math.max(0, i - r), hi = Math.min(n - 1, i + r);
					f[start + i * stride] = (float) ((prefix[hi + 1] - prefix[lo]) / (hi - lo + 1));
				}
			}
		}
		return f;
	}
}
