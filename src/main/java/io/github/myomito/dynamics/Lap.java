package io.github.myomito.dynamics;

import java.util.Arrays;

/**
 * Solver of the square linear assignment problem {@code min Σ_i C[i][σ(i)]} over permutations σ:
 * the Hungarian method in its shortest-augmenting-path form with dual potentials, O(n³) (H. W. Kuhn,
 * "The Hungarian method for the assignment problem", Naval Res. Logist. Q. 2:83, 1955,
 * doi:10.1002/nav.3800020109; the augmenting-path organisation as in R. Jonker and A. Volgenant, "A
 * shortest augmenting path algorithm for dense and sparse linear assignment problems", Computing
 * 38:325, 1987, doi:10.1007/BF02278710). Forbidden pairs take a large finite cost so that a
 * permutation always exists; callers reject them afterwards. Ties are broken by the lowest column
 * index, so the result is deterministic.
 */
final class Lap {

	private Lap() {}

	/**
	 * @param c square cost matrix (not modified), finite values
	 * @return {@code col[i]}, the column assigned to row i
	 */
	static int[] solve(final double[][] c) {
		final int n = c.length;
		final double[] u = new double[n + 1], v = new double[n + 1];
		final int[] p = new int[n + 1], way = new int[n + 1];
		final double[] minv = new double[n + 1];
		final boolean[] used = new boolean[n + 1];
		for (int i = 1; i <= n; i++) {
			p[0] = i;
			int j0 = 0;
			Arrays.fill(minv, Double.POSITIVE_INFINITY);
			Arrays.fill(used, false);
			do {
				used[j0] = true;
				final int i0 = p[j0];
				double delta = Double.POSITIVE_INFINITY;
				int j1 = 0;
				for (int j = 1; j <= n; j++)
					if (!used[j]) {
						final double cur = c[i0 - 1][j - 1] - u[i0] - v[j];
						if (cur < minv[j]) {
							minv[j] = cur;
							way[j] = j0;
						}
						if (minv[j] < delta) {
							delta = minv[j];
							j1 = j;
						}
					}
				for (int j = 0; j <= n; j++)
					if (used[j]) {
						u[p[j]] += delta;
						v[j] -= delta;
					}
					else minv[j] -= delta;
				j0 = j1;
			} while (p[j0] != 0);
			do {
				final int j1 = way[j0];
				p[j0] = p[j1];
				j0 = j1;
			} while (j0 != 0);
		}
		final int[] col = new int[n];
		for (int j = 1; j <= n; j++) col[p[j] - 1] = j - 1;
		return col;
	}
}
