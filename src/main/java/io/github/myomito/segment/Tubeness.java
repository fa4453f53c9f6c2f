package io.github.myomito.segment;

import io.github.myomito.math.SymmetricEigen;

/**
 * Multiscale Hessian ridge ("tubeness") enhancement of bright tubular structures in 2D and 3D.
 * <p>
 * At each scale σ (µm) the image is smoothed with per-axis σ_px,d = σ / s_d and the Hessian is
 * formed from Gaussian derivatives in physical units with Lindeberg's γ = 1 normalisation,
 * {@code H_ij = σ² ∂_i∂_j (g_σ * f)} (T. Lindeberg, Int. J. Comput. Vis. 30:117–156, 1998,
 * doi:10.1023/A:1008097225773), where derivatives per pixel are divided by s_i s_j. Eigenvalues are
 * closed-form: 2×2 by the quadratic formula; 3×3 symmetric by the trigonometric method (O. K. Smith,
 * "Eigenvalues of a symmetric 3×3 matrix", Commun. ACM 4:168, 1961, doi:10.1145/355578.366316):
 * {@code q = tr H/3}, {@code p = sqrt(‖H − qI‖²_F/6)}, {@code φ = acos(det((H − qI)/p)/2)/3},
 * {@code λ = q + 2p cos(φ + 2πk/3)}. The output is the maximum over scales.
 * <p>
 * {@link TubenessMethod#SATO} (Y. Sato et al., Med. Image Anal. 2:143–168, 1998,
 * doi:10.1016/S1361-8415(98)80009-1), eigenvalues by value λ1 ≥ λ2 ≥ λ3, bright line requires
 * λ3 ≤ λ2 &lt; 0 (3D):
 * {@code S = |λ3| (λ2/λ3)^γ23 (1 + λ1/|λ2|)^γ12} if λ1 ≤ 0,
 * {@code S = |λ3| (λ2/λ3)^γ23 (1 − α λ1/|λ2|)^γ12} if 0 &lt; λ1 &lt; |λ2|/α, else 0, with
 * γ12 = γ23 = 0.5, α = 0.25 (so an ideal line gives {@code sqrt(λ2 λ3)}). In 2D (λ1 ≥ λ2, λ2 &lt; 0) the
 * same form without the λ2/λ3 factor: {@code S = |λ2| (1 + λ1/|λ2|)^0.5} or
 * {@code |λ2| (1 − α λ1/|λ2|)^0.5}. For a Gaussian line profile {@code A exp(−x²/2w²)} the 2D response
 * on the centre line is {@code A w σ²/(w² + σ²)^{3/2}}.
 * <p>
 * {@link TubenessMethod#FRANGI} (A. F. Frangi et al., MICCAI 1998, LNCS 1496:130–137,
 * doi:10.1007/BFb0056195), eigenvalues by magnitude |λ1| ≤ |λ2| ≤ |λ3|: 0 if λ2 &gt; 0 or λ3 &gt; 0,
 * else {@code V = (1 − exp(−R_A²/2α²)) exp(−R_B²/2β²) (1 − exp(−S²/2c²))} with
 * {@code R_A = |λ2|/|λ3|}, {@code R_B = |λ1|/sqrt(|λ2 λ3|)}, {@code S = ‖H‖_F}, α = β = 0.5 and c = half
 * the maximum of S over the image at that scale. In 2D: 0 if λ2 &gt; 0, else
 * {@code V = exp(−R_B²/2β²)(1 − exp(−S²/2c²))}, {@code R_B = |λ1|/|λ2|}.
 */
public final class Tubeness {

	private static final double ALPHA_SATO = 0.25;
	private static final double FRANGI_ALPHA = 0.5, FRANGI_BETA = 0.5;

	private Tubeness() {}

	/**
	 * @param scalesUm one or more σ in µm (each &gt; 0)
	 * @return the tubeness (≥ 0), maximum over scales, as a new array
	 */
	public static float[] compute(final float[] data, final int[] dims, final double[] spacing, final double[] scalesUm, final TubenessMethod method) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (dims.length < 2) throw new IllegalArgumentException("tubeness needs a 2D or 3D image");
		if (method == null) throw new IllegalArgumentException("tubeness method must not be null");
		if (scalesUm == null || scalesUm.length == 0) throw new IllegalArgumentException("need at least one tubeness scale");
		for (final double s : scalesUm)
			if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("tubeness scales must be positive µm: " + java.util.Arrays.toString(scalesUm));
		final float[] out = new float[data.length];
		for (final double s : scalesUm) {
			final float[] r = dims.length == 2 ? scale2D(data, dims, spacing, s, method) : scale3D(data, dims, spacing, s, method);
			for (int i = 0; i < out.length; i++)
				if (r[i] > out[i]) out[i] = r[i];
		}
		return out;
	}

	private static float[] hessian(final float[] data, final int[] dims, final double[] spacing, final double sigma, final int a, final int b) {
		final double[] sp = new double[dims.length];
		for (int d = 0; d < dims.length; d++) sp[d] = sigma / spacing[d];
		final int[] order = new int[dims.length];
		order[a]++;
		order[b]++;
		final float[] h = Gauss.derivative(data, dims, sp, order);
		final double f = sigma * sigma / (spacing[a] * spacing[b]);
		for (int i = 0; i < h.length; i++) h[i] *= f;
		return h;
	}

	private static float[] scale2D(final float[] data, final int[] dims, final double[] sp, final double s, final TubenessMethod m) {
		final float[] xx = hessian(data, dims, sp, s, 0, 0), xy = hessian(data, dims, sp, s, 0, 1), yy = hessian(data, dims, sp, s, 1, 1);
		double c = 0;
		if (m == TubenessMethod.FRANGI) {
			for (int i = 0; i < xx.length; i++) c = Math.max(c, Math.sqrt((double) xx[i] * xx[i] + 2.0 * xy[i] * xy[i] + (double) yy[i] * yy[i]));
			c /= 2;
		}
		final float[] out = xx; // overwritten in place
		for (int i = 0; i < out.length; i++) {
			final double a = xx[i], b = xy[i], d = yy[i];
			final double mid = (a + d) / 2, rad = Math.sqrt((a - d) * (a - d) / 4 + b * b);
			final double hi = mid + rad, lo = mid - rad; // hi ≥ lo
			double v = 0;
			if (m == TubenessMethod.SATO) {
				if (lo < 0) {
					final double al = -lo;
					if (hi <= 0) v = al * Math.sqrt(1 + hi / al);
					else if (hi < al / ALPHA_SATO) v = al * Math.sqrt(1 - ALPHA_SATO * hi / al);
				}
			} else {
				final double l1 = Math.abs(hi) <= Math.abs(lo) ? hi : lo, l2 = Math.abs(hi) <= Math.abs(lo) ? lo : hi;
				if (l2 < 0 && c > 0) {
					final double rb = l1 / l2, s2 = l1 * l1 + l2 * l2;
					v = Math.exp(-rb * rb / (2 * FRANGI_BETA * FRANGI_BETA)) * (1 - Math.exp(-s2 / (2 * c * c)));
				}
			}
			out[i] = (float) v;
		}
		return out;
	}

	private static float[] scale3D(final float[] data, final int[] dims, final double[] sp, final double s, final TubenessMethod m) {
		final float[] xx = hessian(data, dims, sp, s, 0, 0), xy = hessian(data, dims, sp, s, 0, 1), xz = hessian(data, dims, sp, s, 0, 2);
		final float[] yy = hessian(data, dims, sp, s, 1, 1), yz = hessian(data, dims, sp, s, 1, 2), zz = hessian(data, dims, sp, s, 2, 2);
		double c = 0;
		if (m == TubenessMethod.FRANGI) {
			for (int i = 0; i < xx.length; i++)
				c = Math.max(c, Math.sqrt((double) xx[i] * xx[i] + (double) yy[i] * yy[i] + (double) zz[i] * zz[i] + 2.0 * ((double) xy[i] * xy[i] + (double) xz[i] * xz[i] + (double) yz[i] * yz[i])));
			c /= 2;
		}
		final double[] ev = new double[3];
		final float[] out = new float[data.length];
		for (int i = 0; i < out.length; i++) {
			SymmetricEigen.eigen3(xx[i], xy[i], xz[i], yy[i], yz[i], zz[i], ev); // ev[0] ≥ ev[1] ≥ ev[2]
			double v = 0;
			if (m == TubenessMethod.SATO) {
				final double l1 = ev[0], l2 = ev[1], l3 = ev[2];
				if (l2 < 0) {
					final double base = Math.abs(l3) * Math.sqrt(l2 / l3), a2 = -l2;
					if (l1 <= 0) v = base * Math.sqrt(1 + l1 / a2);
					else if (l1 < a2 / ALPHA_SATO) v = base * Math.sqrt(1 - ALPHA_SATO * l1 / a2);
				}
			} else if (c > 0) {
				// sort by magnitude
				double a = ev[0], b = ev[1], d = ev[2], t;
				if (Math.abs(a) > Math.abs(b)) { t = a; a = b; b = t; }
				if (Math.abs(b) > Math.abs(d)) { t = b; b = d; d = t; }
				if (Math.abs(a) > Math.abs(b)) { t = a; a = b; b = t; }
				if (b < 0 && d < 0) {
					final double ra = b / d, rb = Math.abs(a) / Math.sqrt(b * d), s2 = a * a + b * b + d * d;
					v = (1 - Math.exp(-ra * ra / (2 * FRANGI_ALPHA * FRANGI_ALPHA))) * Math.exp(-rb * rb / (2 * FRANGI_BETA * FRANGI_BETA)) * (1 - Math.exp(-s2 / (2 * c * c)));
				}
			}
			out[i] = (float) v;
		}
		return out;
	}
}
