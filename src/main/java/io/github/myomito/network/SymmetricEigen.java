package io.github.myomito.network;

/**
 * Eigenvalues of small symmetric matrices in closed form: 2×2 directly, 3×3 by the trigonometric
 * method (O. K. Smith, "Eigenvalues of a symmetric 3 × 3 matrix", Commun. ACM 4(4):168, 1961,
 * doi:10.1145/355578.366316).
 */
final class SymmetricEigen {

	private SymmetricEigen() {}

	/** @return eigenvalues in descending order of the row-major symmetric n×n matrix (n = 1, 2, 3). */
	static double[] values(final double[] m, final int n) {
		if (n == 1) return new double[] { m[0] };
		if (n == 2) {
			final double a = m[0], b = m[1], d = m[3];
			final double tr = (a + d) / 2, disc = Math.sqrt((a - d) * (a - d) / 4 + b * b);
			return new double[] { tr + disc, tr - disc };
		}
		final double a11 = m[0], a12 = m[1], a13 = m[2], a22 = m[4], a23 = m[5], a33 = m[8];
		final double p1 = a12 * a12 + a13 * a13 + a23 * a23;
		if (p1 == 0) {
			final double[] e = { a11, a22, a33 };
			java.util.Arrays.sort(e);
			return new double[] { e[2], e[1], e[0] };
		}
		final double q = (a11 + a22 + a33) / 3;
		final double p2 = (a11 - q) * (a11 - q) + (a22 - q) * (a22 - q) + (a33 - q) * (a33 - q) + 2 * p1;
		final double p = Math.sqrt(p2 / 6);
		final double b11 = (a11 - q) / p, b22 = (a22 - q) / p, b33 = (a33 - q) / p, b12 = a12 / p, b13 = a13 / p, b23 = a23 / p;
		final double detB = b11 * (b22 * b33 - b23 * b23) - b12 * (b12 * b33 - b23 * b13) + b13 * (b12 * b23 - b22 * b13);
		final double r = Math.max(-1, Math.min(1, detB / 2));
		final double phi = Math.acos(r) / 3;
		final double e1 = q + 2 * p * Math.cos(phi);
		final double e3 = q + 2 * p * Math.cos(phi + 2 * Math.PI / 3);
		return new double[] { e1, 3 * q - e1 - e3, e3 };
	}
}
