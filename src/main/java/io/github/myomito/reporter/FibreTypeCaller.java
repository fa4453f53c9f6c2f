package io.github.myomito.reporter;

import java.util.Arrays;

/**
 * The per-batch fibre-type call from per-fibre marker intensities (an SDH / COX stain or a MyHC isoform
 * antibody, bright in oxidative type-I fibres).
 * <p>
 * Objective split: the finite intensities are sorted and cut into {@code k} classes by the exact optimal
 * one-dimensional partition that minimises the within-class sum of squares (W. D. Fisher, "On grouping for
 * maximum homogeneity", J Am Stat Assoc 53:789, 1958, doi:10.1080/01621459.1958.10501479; for k = 2 this is
 * Otsu's criterion, N. Otsu, IEEE Trans Syst Man Cybern 9:62, 1979, doi:10.1109/TSMC.1979.4310076, computed on
 * the values themselves rather than a histogram), by dynamic programming over prefix sums, O(k n²); ties go
 * to the lowest cut. A cut lies half-way between the classes' neighbouring values. The call is made only when
 * every pair of neighbouring classes is separated, Ashman's {@code D = √2·|μ₁ − μ₂| / √(σ₁² + σ₂²) ≥ 3}
 * (K. M. Ashman, C. M. Bird and S. E. Zepf, Astron J 108:2348, 1994, doi:10.1086/117248; D &gt; 2 separates two
 * Gaussians, but the optimal halves of a single Gaussian already give D = 2.65, hence 3), and each class
 * holds at least 2 fibres; otherwise (one fibre type in the batch, or too few fibres) every fibre is left
 * uncalled (""). A flat (uniform-like) spread of one type still passes (its halves give D = 3.46): a batch
 * known to hold one fibre type should be called with user thresholds. User thresholds replace the split and its checks.
 * <p>
 * The result depends only on the multiset of intensities, so it is the same in any order, for a batch run at
 * once or in chunks merged later.
 */
public final class FibreTypeCaller {

	private FibreTypeCaller() {}

	/** Call of the brightest class. */
	public static final String TYPE_I = "type-I/oxidative";
	/** Call of the dimmest class. */
	public static final String TYPE_II = "type-II/glycolytic";
	/** Call of the middle class with 3 classes. */
	public static final String TYPE_IIA = "type-IIa/intermediate";

	/** @return the class names from dim to bright for k classes. */
	static String[] names(final int k) {
		return k == 2 ? new String[] { TYPE_II, TYPE_I } : new String[] { TYPE_II, TYPE_IIA, TYPE_I };
	}

	/**
	 * @param intensities per-fibre marker intensities (NaN = no marker value)
	 * @param s settings (classes, thresholds)
	 * @return the call per fibre, "" where none is made
	 */
	public static String[] call(final double[] intensities, final FibreTypeSettings s) {
		final double[] cuts = cuts(intensities, s);
		final String[] out = new String[intensities.length];
		final String[] nm = names(s.classes());
		for (int i = 0; i < out.length; i++) {
			final double v = intensities[i];
			if (cuts == null || !Double.isFinite(v)) {
				out[i] = "";
				continue;
			}
			int c = 0;
			while (c < cuts.length && v > cuts[c]) c++;
			out[i] = nm[c];
		}
		return out;
	}

	/**
	 * @return the class boundaries (ascending; a value above cut c is in class c + 1), or null when no objective
	 *         call can be made (see the class description)
	 */
	public static double[] cuts(final double[] intensities, final FibreTypeSettings s) {
		if (s.thresholds() != null) return s.thresholds();
		final int k = s.classes();
		final double[] y = Arrays.stream(intensities).filter(Double::isFinite).sorted().toArray();
		final int n = y.length;
		if (n < 2 * k) return null;
		final double[] p1 = new double[n + 1], p2 = new double[n + 1];
		for (int i = 0; i < n; i++) {
			p1[i + 1] = p1[i] + y[i];
			p2[i + 1] = p2[i] + y[i] * y[i];
		}
		// cost[c][j]: best SSE of y[0..j) in c classes; from[c][j]: start of the last class
		final double[][] cost = new double[k + 1][n + 1];
		final int[][] from = new int[k + 1][n + 1];
		for (final double[] r : cost) Arrays.fill(r, Double.POSITIVE_INFINITY);
		cost[0][0] = 0;
		for (int c = 1; c <= k; c++)
			for (int j = c; j <= n; j++)
				for (int i = c - 1; i < j; i++) {
					if (cost[c - 1][i] == Double.POSITIVE_INFINITY) continue;
					final double v = cost[c - 1][i] + sse(p1, p2, i, j);
					if (v < cost[c][j] - 1e-12 * Math.abs(v)) {
						cost[c][j] = v;
						from[c][j] = i;
					}
				}
		final int[] start = new int[k + 1];
		start[k] = n;
		for (int c = k; c >= 1; c--) start[c - 1] = from[c][start[c]];
		final double[] cuts = new double[k - 1];
		for (int c = 0; c < k; c++) {
			if (start[c + 1] - start[c] < 2) return null;
			if (c > 0) {
				final double d = ashman(p1, p2, start[c - 1], start[c], start[c + 1]);
				if (!(d >= s.minSeparation())) return null;
				cuts[c - 1] = (y[start[c] - 1] + y[start[c]]) / 2;
			}
		}
		return cuts;
	}

	private static double sse(final double[] p1, final double[] p2, final int i, final int j) {
		final double s = p1[j] - p1[i];
		return Math.max(0, p2[j] - p2[i] - s * s / (j - i));
	}

	private static double ashman(final double[] p1, final double[] p2, final int a, final int b, final int c) {
		final double m1 = (p1[b] - p1[a]) / (b - a), m2 = (p1[c] - p1[b]) / (c - b);
		final double v1 = sse(p1, p2, a, b) / (b - a), v2 = sse(p1, p2, b, c) / (c - b);
		final double den = Math.sqrt(v1 + v2);
		return den == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(2) * Math.abs(m2 - m1) / den;
	}
}
