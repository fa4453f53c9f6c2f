package io.github.myomito.segment;

import io.github.myomito.math.Selection;

/**
 * Edge-preserving noise removal: the median filter over an ellipsoidal neighbourhood of physical
 * radius r (µm), {@code {Δ : Σ_d (Δ_d s_d / r)² ≤ 1}} with spacing s_d (J. W. Tukey, "Exploratory Data
 * Analysis", Addison-Wesley 1977; T. S. Huang, G. J. Yang and G. Y. Tang, IEEE Trans. Acoust. Speech
 * Signal Process. 27:13–18, 1979, doi:10.1109/TASSP.1979.1163188). The neighbourhood is symmetric
 * and contains the centre, so it has an odd number m of pixels and the median is the
 * ((m+1)/2)-th smallest value, found by quickselect in a buffer reused for every pixel. Border pixels
 * use replicated edge values. {@link #gaussian} is Gaussian smoothing with σ in µm.
 */
public final class Denoise {

	private Denoise() {}

	/** @return the median-filtered image (new array); radius 0 or a neighbourhood of 1 pixel returns a copy. */
	public static float[] median(final float[] data, final int[] dims, final double[] spacing, final double radiusUm) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (!(radiusUm >= 0) || Double.isInfinite(radiusUm)) throw new IllegalArgumentException("median radius must be finite and ≥ 0 µm, got " + radiusUm);
		final int nd = dims.length;
		final int w = dims[0], h = nd > 1 ? dims[1] : 1, dz = nd > 2 ? dims[2] : 1;
		final int[] r = new int[3];
		for (int d = 0; d < nd; d++) r[d] = (int) Math.floor(radiusUm / spacing[d] + 1e-9);
		// offsets of the ellipsoid
		final java.util.List<int[]> offs = new java.util.ArrayList<>();
		for (int z = -r[2]; z <= r[2]; z++)
			for (int y = -r[1]; y <= r[1]; y++)
				for (int x = -r[0]; x <= r[0]; x++) {
					double q = 0;
					final int[] o = { x, y, z };
					for (int d = 0; d < nd; d++) q += Math.pow(o[d] * spacing[d] / radiusUm, 2);
					if (q <= 1 + 1e-9) offs.add(o);
				}
		final int m = offs.size();
		if (m <= 1) return data.clone();
		final int[] ox = new int[m], oy = new int[m], oz = new int[m];
		for (int j = 0; j < m; j++) {
			ox[j] = offs.get(j)[0];
			oy[j] = offs.get(j)[1];
			oz[j] = offs.get(j)[2];
		}
		final float[] buf = new float[m];
		final float[] out = new float[data.length];
		int i = 0;
		for (int z = 0; z < dz; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++, i++) {
					for (int j = 0; j < m; j++) {
						final int xx = Math.min(w - 1, Math.max(0, x + ox[j]));
						final int yy = Math.min(h - 1, Math.max(0, y + oy[j]));
						final int zz = Math.min(dz - 1, Math.max(0, z + oz[j]));
						buf[j] = data[xx + w * (yy + h * zz)];
					}
					out[i] = select(buf, m, m / 2);
				}
		return out;
	}

	/**
	 * Gaussian smoothing with a physical σ: {@link Gauss#smooth} with {@code σ_px,d = sigmaUm / s_d}
	 * per axis (σ = 0 returns a copy).
	 */
	public static float[] gaussian(final float[] data, final int[] dims, final double[] spacing, final double sigmaUm) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (!(sigmaUm >= 0) || Double.isInfinite(sigmaUm)) throw new IllegalArgumentException("Gaussian sigma must be finite and ≥ 0 µm, got " + sigmaUm);
		if (sigmaUm == 0) return data.clone();
		final double[] s = new double[dims.length];
		for (int d = 0; d < dims.length; d++) s[d] = sigmaUm / spacing[d];
		return Gauss.smooth(data, dims, s);
	}

	/** The k-th smallest (0-based) of buf[0..n), reordering buf ({@link Selection#select}). */
	static float select(final float[] buf, final int n, final int k) {
		return Selection.select(buf, n, k);
	}
}
