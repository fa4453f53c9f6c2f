package io.github.myomito.lattice;

import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.segment.Gauss;

/**
 * Estimates the long axis of a muscle fibre, from its mask (shape) or from its image (texture).
 * <p>
 * <b>Shape (PCA).</b> With physical coordinates {@code X = x·s_x}, {@code Y = y·s_y} of the region's pixels,
 * the covariance {@code C = [[Sxx, Sxy], [Sxy, Syy]]} has eigenvalues
 * {@code λ1,2 = (Sxx+Syy)/2 ± sqrt(((Sxx−Syy)/2)² + Sxy²)}; the principal direction in pixel orientation has
 * angle {@code φ = ½·atan2(2Sxy, Sxx − Syy)}, i.e. ImageJ angle {@code −φ} (y points down). Elongation is
 * {@code sqrt(λ1/λ2)}, the axis ratio of the ellipse with the same second moments.
 * <p>
 * <b>Texture (structure tensor).</b> {@code J = ⟨∇I ∇Iᵀ⟩} with Gaussian-derivative gradients at scale σ
 * (in µm, per axis {@code σ/s_d} pixels; derivatives in intensity per µm), averaged over the region (the
 * integration window G_ρ is the whole region). Pixels closer than 3σ to the region edge or the image border
 * are left out of the average so the fibre outline does not contribute edge gradients. The dominant gradient
 * direction is the eigenvector of the larger eigenvalue, and the coherency {@code (λ1−λ2)/(λ1+λ2) =
 * sqrt((Jxx−Jyy)² + 4Jxy²)/(Jxx+Jyy)} (B. Jähne, "Spatio-Temporal Image Processing", Springer LNCS 751,
 * 1993; R. Rezakhaniha et al., Biomech. Model. Mechanobiol. 11:461–473, 2012,
 * doi:10.1007/s10237-011-0325-z, "OrientationJ").
 * <p>
 * <b>Choice of direction.</b> In a striated muscle image the mitochondrial (or any sarcomeric) signal is
 * organised in transverse bands repeated along the myofibrils, so the strongest intensity gradient runs
 * <em>along</em> the fibre axis: the fibre axis is taken as the dominant gradient direction, not the
 * dominant "line" direction. When the image is dominated by longitudinal columns instead, the gradient is
 * perpendicular to the axis; this ambiguity (exactly 90°) is resolved by the shape when a region is given
 * and is elongated (elongation ≥ {@link #ELONGATION_FOR_COMBINING}): of the two candidates θ and θ+90° the
 * one closer to the region's principal axis is returned ({@link AxisEstimate.Method#COMBINED}); the
 * texture keeps supplying the precise angle. When the texture is nearly isotropic (coherency &lt;
 * {@link #MIN_TEXTURE_COHERENCY}, e.g. a fragmented glycolytic fibre) the elongated region's principal axis is
 * returned instead (still {@code COMBINED}; the reported coherency stays the texture's, so callers can tell).
 * <p>
 * <b>3D.</b> Stacks are analysed on their x–y projection: for the mask every voxel contributes its (x, y);
 * for the structure tensor the image is mean-projected along z and the region is the set of columns
 * containing at least one region voxel. Fibres are assumed to lie in the imaging plane.
 * <p>
 * A user-given axis needs no estimation: use {@link AxisEstimate#given(double)}.
 */
public final class FibreAxis {

	/** Minimum region elongation {@code sqrt(λ1/λ2)} for the shape to resolve the texture's 90° ambiguity. */
	public static final double ELONGATION_FOR_COMBINING = 1.5;
	/**
	 * Texture coherency below which an elongated region's principal axis replaces the texture angle (an
	 * isotropic, e.g. fragmented, texture has no reliable direction).
	 */
	public static final double MIN_TEXTURE_COHERENCY = 0.1;

	private FibreAxis() {}

	/**
	 * Principal axis of a region (PCA of its pixels' physical coordinates).
	 *
	 * @param fibreMask non-zero = fibre, flat order; in 3D the x–y coordinates of every voxel are used
	 * @param dims image size (2 or 3 axes)
	 * @param spacing µm per pixel per axis
	 * @return angle (ImageJ convention), elongation {@code sqrt(λ1/λ2)}, coherency {@code (λ1−λ2)/(λ1+λ2)} of
	 *         the covariance, centroid in µm
	 * @throws IllegalArgumentException for bad dims/spacing or a region of fewer than 2 pixels
	 */
	public static AxisEstimate fromMask(final byte[] fibreMask, final int[] dims, final double[] spacing) {
		final int n = Checks.image(dims, spacing);
		if (fibreMask == null) throw new IllegalArgumentException("fibreMask must not be null");
		Checks.length("fibreMask", fibreMask.length, n);
		final double[] m = moments(fibreMask, dims, spacing);
		if (m[0] < 2) throw new IllegalArgumentException("the fibre mask needs at least 2 pixels, has " + (long) m[0]);
		final double sxx = m[3], syy = m[4], sxy = m[5];
		final double tr = sxx + syy;
		final double r = Math.sqrt(0.25 * (sxx - syy) * (sxx - syy) + sxy * sxy);
		final double l1 = 0.5 * tr + r, l2 = Math.max(0, 0.5 * tr - r);
		final double phi = 0.5 * Math.atan2(2 * sxy, sxx - syy);
		final double elong = l2 > 0 ? Math.sqrt(l1 / l2) : Double.POSITIVE_INFINITY;
		final double coh = tr > 0 ? (l1 - l2) / (l1 + l2) : 0;
		return new AxisEstimate(-Math.toDegrees(phi), coh, elong, m[1], m[2], AxisEstimate.Method.MASK_PCA);
	}

	/** @return {count, meanX, meanY, Sxx, Syy, Sxy} in µm over the (x–y projected) region. */
	private static double[] moments(final byte[] mask, final int[] dims, final double[] sp) {
		final int w = dims[0], h = dims[1];
		final int plane = w * h;
		long cnt = 0;
		double sx = 0, sy = 0;
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] == 0) continue;
			final int p = i % plane;
			cnt++;
			sx += p % w;
			sy += p / w;
		}
		if (cnt == 0) return new double[] { 0, Double.NaN, Double.NaN, 0, 0, 0 };
		final double mx = sx / cnt, my = sy / cnt;
		double xx = 0, yy = 0, xy = 0;
		for (int i = 0; i < mask.length; i++) {
			if (mask[i] == 0) continue;
			final int p = i % plane;
			final double dx = (p % w - mx) * sp[0], dy = (p / w - my) * sp[1];
			xx += dx * dx;
			yy += dy * dy;
			xy += dx * dy;
		}
		return new double[] { cnt, mx * sp[0], my * sp[1], xx / cnt, yy / cnt, xy / cnt };
	}

	/**
	 * Fibre axis from the image texture (structure tensor), combined with the region's shape when the region
	 * is elongated (see the class description).
	 *
	 * @param img image (mitochondrial channel), flat order
	 * @param regionOrNull fibre region (non-zero = inside), or {@code null} for the whole image
	 * @param dims image size (2 or 3 axes; 3D is mean-projected along z)
	 * @param spacing µm per pixel per axis
	 * @param sigmaUm gradient (derivative) scale in µm, e.g. 0.2–0.5 µm for a sarcomeric pattern
	 * @return angle (ImageJ convention), coherency of J, elongation of the region (NaN without region),
	 *         centroid of the region (or of the image)
	 * @throws IllegalArgumentException for bad sizes, σ ≤ 0, or an empty region
	 */
	public static AxisEstimate fromStructureTensor(final float[] img, final byte[] regionOrNull, final int[] dims, final double[] spacing, final double sigmaUm) {
		final int n = Checks.image(dims, spacing);
		if (img == null) throw new IllegalArgumentException("img must not be null");
		Checks.length("img", img.length, n);
		if (regionOrNull != null) Checks.length("region", regionOrNull.length, n);
		Checks.positive("sigmaUm", sigmaUm);
		final int w = dims[0], h = dims[1], plane = w * h;
		final int nz = dims.length == 3 ? dims[2] : 1;
		// x–y projection
		final float[] proj;
		final byte[] reg = new byte[plane];
		if (nz == 1) proj = img;
		else {
			proj = new float[plane];
			for (int z = 0; z < nz; z++)
				for (int p = 0; p < plane; p++) proj[p] += img[p + plane * z] / (float) nz;
		}
		for (int i = 0; i < n; i++)
			if (regionOrNull == null || regionOrNull[i] != 0) reg[i % plane] = 1;
		final int[] d2 = { w, h };
		final double[] sp2 = { spacing[0], spacing[1] };
		final double[] sig = { sigmaUm / sp2[0], sigmaUm / sp2[1] };
		final float[] gx = Gauss.derivative(proj, d2, sig, new int[] { 1, 0 });
		final float[] gy = Gauss.derivative(proj, d2, sig, new int[] { 0, 1 });
		// averaging support: region pixels farther than 3σ from its edge and from the image border
		final double margin = 3 * sigmaUm;
		final float[] dist = regionOrNull == null ? null : DistanceTransform.distance(reg, d2, sp2, false);
		double jxx = 0, jyy = 0, jxy = 0;
		long cnt = 0;
		for (int pass = 0; pass < 2 && cnt == 0; pass++) {
			for (int p = 0; p < plane; p++) {
				if (reg[p] == 0) continue;
				if (pass == 0) {
					final int x = p % w, y = p / w;
					final double bx = Math.min(x, w - 1 - x) * sp2[0], by = Math.min(y, h - 1 - y) * sp2[1];
					if (bx < margin || by < margin || (dist != null && dist[p] <= margin)) continue;
				}
				final double ix = gx[p] / sp2[0], iy = gy[p] / sp2[1];
				jxx += ix * ix;
				jyy += iy * iy;
				jxy += ix * iy;
				cnt++;
			}
		}
		if (cnt == 0) throw new IllegalArgumentException("the region is empty");
		final double tr = jxx + jyy;
		final double coh = tr > 0 ? Math.sqrt((jxx - jyy) * (jxx - jyy) + 4 * jxy * jxy) / tr : 0;
		double angle = -Math.toDegrees(0.5 * Math.atan2(2 * jxy, jxx - jyy));
		if (regionOrNull == null) {
			return new AxisEstimate(angle, coh, Double.NaN, 0.5 * (w - 1) * sp2[0], 0.5 * (h - 1) * sp2[1], AxisEstimate.Method.STRUCTURE_TENSOR);
		}
		final AxisEstimate shape = fromMask(reg, d2, sp2);
		AxisEstimate.Method method = AxisEstimate.Method.STRUCTURE_TENSOR;
		if (shape.elongation() >= ELONGATION_FOR_COMBINING) {
			method = AxisEstimate.Method.COMBINED;
			if (coh < MIN_TEXTURE_COHERENCY) angle = shape.angleDeg();
			else if (Orientation.angleToAxis(angle, shape.angleDeg()) > 45) angle += 90;
		}
		return new AxisEstimate(angle, coh, shape.elongation(), shape.centroidXUm(), shape.centroidYUm(), method);
	}
}
