package io.github.myomito.math;

/**
 * Eigenvalues of small symmetric matrices in closed form, shared by the Hessian filters and the shape
 * measures: 3×3 by the trigonometric method (O. K. Smith, "Eigenvalues of a symmetric 3 × 3 matrix",
 * Commun. ACM 4(4):168, 1961, doi:10.1145/355578.366316), 2×2 directly.
 */
public final class SymmetricEigen {

	private SymmetricEigen() {}

	/**
	 * Eigenvalues of the symmetric matrix [[a, b, c], [b, d, e], [c, e, f]] by Smith's trigonometric
	 * method, written to {@code out} in decreasing order.
	 */
	public static void eigen3(final double a, final double b, final double c, final double d, final double e, final double f, final double[] out) {
		final double p1 = b * b + c * c + e * e;
		final double q = (a + d + f) / 3;
		final double p2 = (a - q) * (a - q) + (d - q) * (d - q) + (f - q) * (f - q) + 2 * p1;
		if (p2 <= 1e-30 * (q * q + 1e-300)) {
			out[0] = out[1] = out[2] = q;
			return;
		}
		if (p1 == 0) {
			double x = a, y = d, z = f, t;
			if (x < y) { t = x; x = y; y = t; }
			if (y < z) { t = y; y = z; z = t; }
			if (x < y) { t = x; x = y; y = t; }
			out[0] = x;
			out[1] = y;
			out[2] = z;
			return;
		}
		final double p = Math.sqrt(p2 / 6);
		final double ba = (a - q) / p, bd = (d - q) / p, bf = (f - q) / p, bb = b / p, bc = c / p, be = e / p;
		final double det = ba * (bd * bf - be * be) - bb * (bb * bf - be * bc) + bc * (bb * be - bd * bc);
		final double r = Math.max(-1, Math.min(1, det / 2));
		final double phi = Math.acos(r) / 3;
		final double e1 = q + 2 * p * Math.cos(phi);
		final double e3 = q + 2 * p * Math.cos(phi + 2 * Math.PI / 3);
		out[0] = e1;
		out[2] = e3;
		out[1] = 3 * q - e1 - e3;
	}

	/**
	 * @param m row-major symmetric n×n matrix (n = 1, 2 or 3)
	 * @return its eigenvalues in decreasing order
	 */
	public static double[] values(final double[] m, final int n) {
		if (n == 1) return new double[] { m[0] };
		if (n == 2) {
			final double tr = (m[0] + m[3]) / 2, disc = Math.sqrt((m[0] - m[3]) * (m[0] - m[3]) / 4 + m[1] * m[1]);
			return new double[] { tr + disc, tr - disc };
		}
		final double[] out = new double[3];
		eigen3(m[0], m[1], m[2], m[4], m[5], m[8], out);
		return out;
	}
}
