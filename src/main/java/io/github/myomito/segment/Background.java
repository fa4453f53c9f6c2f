package io.github.myomito.segment;

/**
 * Background removal by the morphological white top-hat with a flat box structuring element.
 * <p>
 * Computed: {@code T = f − γ_B(f)}, where the opening {@code γ_B(f) = δ_B(ε_B(f))} is the grey
 * erosion (running minimum) followed by the grey dilation (running maximum) over the box
 * {@code B = Π_d [−r_d, r_d]}, {@code r_d = round(radiusUm / spacing_d)} pixels (an axis with
 * r_d = 0 is not filtered). A flat box is separable, so each filter is a sequence of 1D running
 * min/max filters of width {@code 2 r_d + 1}, computed in O(1) per pixel independent of the radius
 * with the van Herk / Gil–Werman algorithm (M. van Herk, Pattern Recognit. Lett. 13:517–521, 1992,
 * doi:10.1016/0167-8655(92)90069-C; J. Gil and M. Werman, IEEE TPAMI 15:504–507, 1993,
 * doi:10.1109/34.211471). Windows are truncated at the image border (pixels outside are ignored).
 * <p>
 * Like the rolling ball (S. R. Sternberg, "Biomedical image processing", IEEE Computer 16:22–34,
 * 1983, doi:10.1109/MC.1983.1654163), the opening is the largest function below f that is a union of
 * translated structuring elements; structures narrower than the box in some axis are kept in T,
 * wider smooth background is removed. Here the element is a flat box, not a ball: the result is
 * always ≥ 0 and equals 0 on any background that is linear along each axis over a window, except
 * within r_d of the image border where the truncated windows leave a residue.
 */
public final class Background {

	private Background() {}

	/** @return the white top-hat {@code f − opening(f)} as a new array (input unchanged). */
	public static float[] subtract(final float[] data, final int[] dims, final double[] spacing, final double radiusUm) {
		final float[] open = opening(data, dims, spacing, radiusUm);
		final float[] out = new float[data.length];
		for (int i = 0; i < out.length; i++) out[i] = Math.max(0f, data[i] - open[i]);
		return out;
	}

	/** @return the grey opening (erosion then dilation) with the flat box of half-widths round(radiusUm/spacing). */
	public static float[] opening(final float[] data, final int[] dims, final double[] spacing, final double radiusUm) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (!(radiusUm >= 0) || Double.isInfinite(radiusUm)) throw new IllegalArgumentException("background radius must be finite and ≥ 0 µm, got " + radiusUm);
		final float[] f = data.clone();
		final int[] r = new int[dims.length];
		for (int d = 0; d < dims.length; d++) r[d] = (int) Math.round(radiusUm / spacing[d]);
		for (int d = 0; d < dims.length; d++) runningExtremum(f, dims, d, r[d], false);
		for (int d = 0; d < dims.length; d++) runningExtremum(f, dims, d, r[d], true);
		return f;
	}

	/** Replaces every line along {@code axis} by its running min (or max) over [i − r, i + r] ∩ line. */
	static void runningExtremum(final float[] data, final int[] dims, final int axis, final int r, final boolean max) {
		if (r <= 0) return;
		final int n = dims[axis];
		int stride = 1;
		for (int d = 0; d < axis; d++) stride *= dims[d];
		final int k = 2 * r + 1;
		final int padded = ((n + 2 * r + k - 1) / k) * k;
		final float fill = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
		final float[] buf = new float[padded];
		final float[] g = new float[padded];
		final float[] hb = new float[padded];
		final int lines = data.length / n;
		for (int line = 0; line < lines; line++) {
			final int start = (line % stride) + (line / stride) * stride * n;
			java.util.Arrays.fill(buf, fill);
			for (int i = 0; i < n; i++) buf[i + r] = data[start + i * stride];
			// g: prefix extremum within each block of k; hb: suffix extremum within each block
			for (int b = 0; b < padded; b += k) {
				g[b] = buf[b];
				for (int i = b + 1; i < b + k; i++) g[i] = max ? Math.max(g[i - 1], buf[i]) : Math.min(g[i - 1], buf[i]);
				hb[b + k - 1] = buf[b + k - 1];
				for (int i = b + k - 2; i >= b; i--) hb[i] = max ? Math.max(hb[i + 1], buf[i]) : Math.min(hb[i + 1], buf[i]);
			}
			// window of output pixel i (buffer index i + r) is buffer [i, i + 2r]
			for (int i = 0; i < n; i++) {
				final float a = hb[i], c = g[i + 2 * r];
				data[start + i * stride] = max ? Math.max(a, c) : Math.min(a, c);
			}
		}
	}
}
