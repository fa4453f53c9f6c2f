package io.github.myomito.segment;

import io.github.myomito.image.Pixels;

/**
 * Richardson–Lucy deconvolution along z only, to undo the part of a stack's axial blur that exceeds the
 * lateral blur before the stack is thresholded.
 * <p>
 * <b>Why.</b> A confocal PSF is about 2.5–3 times longer along z than across (FWHM ≈ 0.5 µm against 0.19 µm at NA
 * 1.4). Thresholded as it is, a 0.3 µm tube appears about 0.85 µm tall, two lattice levels 1.2 µm apart join
 * into one slab, and fragments above one another join into one object (measured on the simulator's stacks:
 * 39 objects where the truth has 63 for the oxidative lattice, 299 of 326 for fission fragments). Removing the
 * excess axial blur leaves a nearly isotropic PSF, for which the 2D chain is tuned.
 * <p>
 * <b>Model.</b> With the PSF taken as a separable Gaussian of σ<sub>xy</sub> across and σ<sub>z</sub> along z,
 * the image is the laterally-blurred object convolved along z with a Gaussian h of
 * {@code σ_h = √(σ_z² − σ_xy²)}. For Poisson data the maximum-likelihood estimate of that object is found by
 * the Richardson–Lucy iteration (W. H. Richardson, "Bayesian-based iterative method of image restoration",
 * J. Opt. Soc. Am. 62(1):55–59, 1972, doi:10.1364/JOSA.62.000055; L. B. Lucy, "An iterative technique for the
 * rectification of observed distributions", Astron. J. 79:745–754, 1974, doi:10.1086/111605):
 * <pre>
 *   u⁽ⁿ⁺¹⁾ = u⁽ⁿ⁾ · ( h ⋆ ( g / (h ∗ u⁽ⁿ⁾) ) ),   u⁽⁰⁾ = g
 * </pre>
 * (h symmetric, so the correlation ⋆ equals the convolution ∗), here in one dimension along each z column,
 * with mirrored borders (the slices beyond the stack repeat the ones inside it, which keeps the flux). The
 * iteration keeps u ≥ 0 and the total along each column. Its noise amplification grows with the number of
 * iterations; it is regularised by stopping early (a fixed number of iterations) and by deconvolving the stack
 * smoothed across by a Gaussian of one lateral pixel, which lowers the per-pixel noise without blurring the
 * structure much beyond its optical blur. Negative and non-finite input values are taken as 0.
 * <p>
 * Cost: {@code 2 · iterations · (2⌈4σ_h⌉ + 1)} multiply-adds per voxel (30 iterations, σ_h = 1.1 slices: about
 * 600), one image row with all its slices at a time (the z convolutions run along contiguous x), on two float
 * copies of the stack and four double arrays of one row × all slices.
 */
public final class AxialDeconvolution {

	private AxialDeconvolution() {}

	/**
	 * @param data a stack (not modified)
	 * @param dims {@code {w, h, d}}; a 2D image or a single slice is returned unchanged (as a copy)
	 * @param spacing µm per voxel
	 * @param sigmaUm σ_h of the axial blur to undo, µm (≤ 0: the data are returned as a copy)
	 * @param iterations number of Richardson–Lucy iterations (≥ 0)
	 * @return the deconvolved stack, same size
	 */
	public static float[] apply(final float[] data, final int[] dims, final double[] spacing, final double sigmaUm, final int iterations) {
		if (data == null || dims == null || spacing == null) throw new IllegalArgumentException("data, dims and spacing must not be null");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (iterations < 0) throw new IllegalArgumentException("iterations must be ≥ 0, got " + iterations);
		if (!(sigmaUm >= 0) && !(sigmaUm < 0)) throw new IllegalArgumentException("sigma must be a number, got " + sigmaUm);
		if (dims.length < 3 || dims[2] < 2 || !(sigmaUm > 0) || iterations == 0) return data.clone();
		final int w = dims[0], h = dims[1], nz = dims[2];
		final double sz = sigmaUm / spacing[2];
		final double[] kernel = kernel(sz);
		// lateral regularisation: one pixel of Gaussian across, none along z
		final double px = Math.min(spacing[0], spacing[1]);
		final float[] g = Gauss.smooth(Pixels.finiteOrZero(data), dims, px / spacing[0], px / spacing[1], 0);
		for (int i = 0; i < g.length; i++) if (!(g[i] > 0)) g[i] = 0;
		// one image row at a time, all its slices: the z convolutions run along contiguous x; each row is read
		// whole before it is written back, so the estimate replaces g in place
		final int m = kernel.length;
		final int[] taps = mirroredTaps(nz, m / 2);
		final double[] col = new double[nz * w], est = new double[nz * w], blur = new double[nz * w], ratio = new double[nz * w];
		for (int y = 0; y < h; y++) {
			boolean any = false;
			for (int z = 0; z < nz; z++)
				for (int x = 0, q = x + w * (y + h * z); x < w; x++, q++) {
					col[z * w + x] = g[q];
					any |= g[q] > 0;
				}
			if (!any) continue;
			System.arraycopy(col, 0, est, 0, col.length);
			for (int n = 0; n < iterations; n++) {
				convolveRows(est, kernel, taps, w, nz, blur);
				for (int i = 0; i < ratio.length; i++) ratio[i] = blur[i] > 0 ? col[i] / blur[i] : 0;
				convolveRows(ratio, kernel, taps, w, nz, blur);
				for (int i = 0; i < est.length; i++) est[i] *= blur[i];
			}
			for (int z = 0; z < nz; z++)
				for (int x = 0; x < w; x++) g[x + w * (y + h * z)] = (float) est[z * w + x];
		}
		return g;
	}

	/** Normalised Gaussian of σ (slices), radius ⌈4σ⌉. */
	static double[] kernel(final double sigma) {
		final int r = Math.max(1, (int) Math.ceil(4 * sigma));
		final double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int t = -r; t <= r; t++) sum += k[t + r] = Math.exp(-t * (double) t / (2 * sigma * sigma));
		for (int t = 0; t < k.length; t++) k[t] /= sum;
		return k;
	}

	/** {@code out = k ∗ in} with mirrored borders (index −1 reads 0, n reads n − 1): one column, {@link #convolveRows} with w = 1. */
	static void convolve(final double[] in, final double[] k, final double[] out) {
		convolveRows(in, k, mirroredTaps(in.length, k.length / 2), 1, in.length, out);
	}

	/** {@code out[z·w + x] = Σ_t k[t] · in[taps(z, t)·w + x]}: the z convolution of w columns side by side. */
	private static void convolveRows(final double[] in, final double[] k, final int[] taps, final int w, final int nz, final double[] out) {
		final int m = k.length;
		for (int z = 0; z < nz; z++) {
			final int o = z * w;
			java.util.Arrays.fill(out, o, o + w, 0);
			for (int t = 0; t < m; t++) {
				final double kt = k[t];
				final int src = taps[z * m + t] * w;
				for (int x = 0; x < w; x++) out[o + x] += kt * in[src + x];
			}
		}
	}

	private static int[] mirroredTaps(final int n, final int r) {
		final int m = 2 * r + 1;
		final int[] taps = new int[n * m];
		for (int z = 0; z < n; z++)
			for (int t = -r; t <= r; t++) taps[z * m + t + r] = mirror(z + t, n);
		return taps;
	}

	private static int mirror(int i, final int n) {
		final int period = 2 * n;
		i %= period;
		if (i < 0) i += period;
		return i < n ? i : period - 1 - i;
	}
}
