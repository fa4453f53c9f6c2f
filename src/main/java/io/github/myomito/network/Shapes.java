package io.github.myomito.network;

/**
 * Shape measures of labelled objects in 2D and 3D, with anisotropic spacing, in one pass over the
 * label image (no per-object image copies).
 * <ul>
 * <li>Size: pixel count × pixel area/volume.</li>
 * <li>Perimeter (2D) by the discrete Cauchy–Crofton formula with 4 directions (0°, 90° and the two
 * pixel diagonals): {@code P ≈ Σ_i w_i · n_i · δ_i}, where {@code n_i} counts background→object
 * transitions along the grid lines of direction i, {@code δ_i} is the distance between those lines
 * and {@code w_i} the angular sector (radians) of direction i (π/4 each on a square grid). Legland,
 * Kiêu &amp; Devaux 2007, "Computation of Minkowski measures on 2D and 3D binary images", Image Anal
 * Stereol 26:83–92, doi:10.5566/ias.v26.p83-92. Unbiased for isotropic shapes (disk within ~3%).</li>
 * <li>Surface (3D): exposed voxel faces × face area × 2/3 — the 3-direction Crofton estimate (same
 * reference), exact on average for isotropic surfaces (a sphere's face area is 3/2 of its surface).</li>
 * <li>Aspect ratio: √(λ₁/λ₂) of the covariance of the object's physical pixel coordinates (2D; in 3D
 * √(λ₁/λ₃)), i.e. major/minor axis of the equivalent ellipse(-oid).</li>
 * <li>Form factor: 2D {@code P²/(4π A)} (1 for a disk, larger for elongated and branched objects; the
 * "form factor" of Mitochondria Analyzer, Chaudhry, Shi &amp; Luciani 2020, Am J Physiol Endocrinol
 * Metab 318:E87, doi:10.1152/ajpendo.00457.2019, after Koopman et al. 2005); 3D {@code S³/(36π V²)} (1 for a ball).</li>
 * </ul>
 */
public final class Shapes {

	private Shapes() {}

	/** Per-object shape measures; arrays indexed by label (index 0 unused). */
	public static final class Result {
		/** Pixel/voxel count per label. */
		public final long[] pixels;
		/** Area (2D, unit²) or volume (3D, unit³). */
		public final double[] size;
		/** Perimeter (2D) or surface area (3D). */
		public final double[] boundary;
		/** Form factor (see class doc). */
		public final double[] formFactor;
		/** Aspect ratio (≥ 1). */
		public final double[] aspectRatio;
		/** Centroid per label, physical units, {@code centroid[label][axis]}. */
		public final double[][] centroid;

		Result(final long[] pixels, final double[] size, final double[] boundary, final double[] formFactor, final double[] aspectRatio, final double[][] centroid) {
			this.pixels = pixels;
			this.size = size;
			this.boundary = boundary;
			this.formFactor = formFactor;
			this.aspectRatio = aspectRatio;
			this.centroid = centroid;
		}
	}

	/**
	 * Measures every label 1..count.
	 *
	 * @param labels flat label image (0 = background)
	 * @param count largest label
	 */
	public static Result measure(final int[] labels, final int count, final int[] dims, final double[] spacing) {
		final int n = dims.length;
		final int w = dims[0], h = dims[1], d = n > 2 ? dims[2] : 1;
		final long[] px = new long[count + 1];
		final double[][] s1 = new double[count + 1][n];
		final double[][] s2 = new double[count + 1][n * n];
		final double[] trans = new double[count + 1];
		final double[] sx = { spacing[0], spacing[1], n > 2 ? spacing[2] : 1 };
		// directional weights for the 2D Crofton estimate on a (possibly anisotropic) grid
		final double a1 = Math.atan2(sx[1], sx[0]);
		final double[] wDir = cr2dWeights(a1);
		final double dDiag = sx[0] * sx[1] / Math.hypot(sx[0], sx[1]);
		int i = 0;
		final double[] c = new double[3];
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++, i++) {
					final int l = labels[i];
					if (l == 0) continue;
					px[l]++;
					c[0] = x * sx[0];
					c[1] = y * sx[1];
					c[2] = z * sx[2];
					for (int a = 0; a < n; a++) {
						s1[l][a] += c[a];
						for (int b = 0; b < n; b++) s2[l][a * n + b] += c[a] * c[b];
					}
					if (n == 2) {
						// entries (background → this object) along the 4 directions, counted at the object pixel
						if (x == 0 || labels[i - 1] != l) trans[l] += wDir[0] * sx[1];
						if (y == 0 || labels[i - w] != l) trans[l] += wDir[1] * sx[0];
						if (x == 0 || y == 0 || labels[i - w - 1] != l) trans[l] += wDir[2] * dDiag;
						if (x == w - 1 || y == 0 || labels[i - w + 1] != l) trans[l] += wDir[3] * dDiag;
					}
					else {
						final int plane = w * h;
						// exposed faces on all 6 sides
						if (x == 0 || labels[i - 1] != l) trans[l] += sx[1] * sx[2];
						if (x == w - 1 || labels[i + 1] != l) trans[l] += sx[1] * sx[2];
						if (y == 0 || labels[i - w] != l) trans[l] += sx[0] * sx[2];
						if (y == h - 1 || labels[i + w] != l) trans[l] += sx[0] * sx[2];
						if (z == 0 || labels[i - plane] != l) trans[l] += sx[0] * sx[1];
						if (z == d - 1 || labels[i + plane] != l) trans[l] += sx[0] * sx[1];
					}
				}
		final double unitMeasure = sx[0] * sx[1] * (n > 2 ? sx[2] : 1);
		final double[] size = new double[count + 1], boundary = new double[count + 1], ff = new double[count + 1], ar = new double[count + 1];
		final double[][] cen = new double[count + 1][n];
		for (int l = 1; l <= count; l++) {
			if (px[l] == 0) {
				size[l] = boundary[l] = ff[l] = ar[l] = Double.NaN;
				continue;
			}
			size[l] = px[l] * unitMeasure;
			boundary[l] = n == 2 ? trans[l] : trans[l] * 2.0 / 3.0;
			ff[l] = n == 2 ? boundary[l] * boundary[l] / (4 * Math.PI * size[l])
				: Math.pow(boundary[l], 3) / (36 * Math.PI * size[l] * size[l]);
			final double[] cov = new double[n * n];
			for (int a = 0; a < n; a++) cen[l][a] = s1[l][a] / px[l];
			for (int a = 0; a < n; a++)
				for (int b = 0; b < n; b++)
					cov[a * n + b] = s2[l][a * n + b] / px[l] - cen[l][a] * cen[l][b] + (a == b ? sx[a] * sx[a] / 12 : 0);
			final double[] ev = io.github.myomito.math.SymmetricEigen.values(cov, n);
			ar[l] = Math.sqrt(ev[0] / Math.max(ev[n - 1], 1e-300));
		}
		return new Result(px, size, boundary, ff, ar, cen);
	}

	/**
	 * Angular weights (radians, summing to π) of the directions 0°, 90°, diagonal (+a1) and
	 * anti-diagonal (π − a1) on a grid whose diagonal makes angle {@code a1} with the x axis: each
	 * direction owns half of the angle to each neighbouring direction.
	 */
	static double[] cr2dWeights(final double a1) {
		// sectors between the midpoints of neighbouring directions 0, a1, π/2, π − a1 on [0, π)
		return new double[] { a1, Math.PI / 2 - a1, Math.PI / 4, Math.PI / 4 };
	}
}
