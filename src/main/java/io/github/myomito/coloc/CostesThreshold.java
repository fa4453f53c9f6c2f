package io.github.myomito.coloc;

import java.util.Arrays;

/**
 * Costes et al. automatic thresholds (S. V. Costes et al., "Automatic and quantitative measurement of
 * protein-protein colocalization in live cells", Biophys J 86:3993–4003, 2004,
 * doi:10.1529/biophysj.103.038422).
 * <p>
 * 1. Orthogonal (total least squares, Deming with equal error variances) regression
 * {@code ch2 = a·ch1 + b} over all pixels: with centred sums {@code Sxx, Syy, Sxy},
 * {@code a = (Syy − Sxx + √((Syy − Sxx)² + 4 Sxy²)) / (2 Sxy)}, {@code b = ȳ − a·x̄}.<br>
 * 2. The ch1 threshold {@code T1} is lowered from the largest ch1 value, with {@code T2 = a·T1 + b},
 * until Pearson's r of the "below" pixels {@code B(T1) = {ch1 ≤ T1 ∨ ch2 ≤ T2}} (the complement of the
 * colocalised set {@code ch1 > T1 ∧ ch2 > T2}) is ≤ 0 or undefined; that {@code T1} is the result.
 * <p>
 * Efficiency: instead of testing every distinct ch1 value (O(n·m)), r_below is evaluated (one O(n)
 * pass of sums each) at 33 evenly spaced positions of the sorted distinct ch1 values from the top; the
 * first sign change brackets the threshold, which is then located by bisection over the distinct
 * values in the bracket (≈ log2 m more passes). Bisection assumes r_below changes sign once inside the
 * bracket, which holds for the usual monotone curve; the coarse scan guards against the first crossing
 * being missed by a wide margin. If r_below stays positive down to the smallest ch1 value, T1 is that
 * smallest value. When the regression slope is not positive (no positive correlation) the thresholds
 * are undefined (NaN).
 */
public final class CostesThreshold {

	private static final int COARSE_STEPS = 32;

	private final double threshold1, threshold2, slope, intercept;
	private final String warning;

	private CostesThreshold(final double t1, final double t2, final double a, final double b, final String warning) {
		this.threshold1 = t1;
		this.threshold2 = t2;
		this.slope = a;
		this.intercept = b;
		this.warning = warning;
	}

	/** @return T1 (NaN if undefined) */
	public double threshold1() { return threshold1; }

	/** @return T2 = a·T1 + b (NaN if undefined) */
	public double threshold2() { return threshold2; }

	/** @return regression slope a (NaN if undefined) */
	public double slope() { return slope; }

	/** @return regression intercept b (NaN if undefined) */
	public double intercept() { return intercept; }

	/** @return why the thresholds are undefined, or {@code null} */
	public String warning() { return warning; }

	/**
	 * Computes the Costes thresholds of paired finite samples.
	 *
	 * @param x channel-1 values of the pixels used
	 * @param y channel-2 values, same length
	 */
	public static CostesThreshold compute(final float[] x, final float[] y) {
		if (x == null || y == null || x.length != y.length)
			throw new IllegalArgumentException("Costes threshold needs two sample arrays of equal length");
		final int n = x.length;
		if (n < 2) return undefined(Double.NaN, Double.NaN, "Costes threshold undefined: fewer than 2 pixels");
		final double[] mom = RankStatistics.moments(x, y);
		final double mx = mom[0], my = mom[1], sxx = mom[2], syy = mom[3], sxy = mom[4];
		if (!(sxx > 0) || !(syy > 0))
			return undefined(Double.NaN, Double.NaN, "Costes threshold undefined: a channel is constant");
		if (sxy == 0) return undefined(Double.NaN, Double.NaN, "Costes threshold undefined: channels are uncorrelated (Sxy = 0)");
		final double a = (syy - sxx + Math.sqrt((syy - sxx) * (syy - sxx) + 4 * sxy * sxy)) / (2 * sxy);
		final double b = my - a * mx;
		if (!(a > 0))
			return undefined(a, b, "Costes threshold undefined: the regression slope is not positive (anti-correlated channels)");
		final float[] u = distinctSorted(x);
		final int m = u.length;
		final Evaluator f = new Evaluator(x, y, a, b, mx, my);
		int prevK = m - 1;
		int crossK = -1;
		for (int j = 0; j <= COARSE_STEPS; j++) {
			final int k = (int) Math.round((m - 1) * (1 - j / (double) COARSE_STEPS));
			if (j > 0 && k == prevK) continue;
			if (!f.positive(u[k])) {
				crossK = k;
				break;
			}
			prevK = k;
		}
		final int t1Index;
		if (crossK < 0) t1Index = 0;
		else if (crossK == m - 1) t1Index = m - 1;
		else {
			int lo = crossK, hi = prevK; // f(lo) ≤ 0 or undefined, f(hi) > 0
			while (hi - lo > 1) {
				final int mid = (lo + hi) >>> 1;
				if (f.positive(u[mid])) hi = mid;
				else lo = mid;
			}
			t1Index = lo;
		}
		final double t1 = u[t1Index];
		return new CostesThreshold(t1, a * t1 + b, a, b, null);
	}

	private static CostesThreshold undefined(final double a, final double b, final String why) {
		return new CostesThreshold(Double.NaN, Double.NaN, a, b, why);
	}

	private static float[] distinctSorted(final float[] x) {
		final float[] s = x.clone();
		Arrays.sort(s);
		int m = 0;
		for (int i = 0; i < s.length; i++)
			if (m == 0 || s[i] != s[m - 1]) s[m++] = s[i];
		return Arrays.copyOf(s, m);
	}

	/** One O(n) pass: is Pearson's r of the "below" pixels at threshold T1 defined and &gt; 0? */
	private static final class Evaluator {
		private final float[] x, y;
		private final double a, b, cx, cy;

		Evaluator(final float[] x, final float[] y, final double a, final double b, final double cx, final double cy) {
			this.x = x;
			this.y = y;
			this.a = a;
			this.b = b;
			this.cx = cx;
			this.cy = cy;
		}

		boolean positive(final double t1) {
			final double t2 = a * t1 + b;
			long k = 0;
			double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
			for (int i = 0; i < x.length; i++) {
				if (x[i] <= t1 || y[i] <= t2) {
					final double dx = x[i] - cx, dy = y[i] - cy; // shifted for precision
					k++;
					sx += dx;
					sy += dy;
					sxx += dx * dx;
					syy += dy * dy;
					sxy += dx * dy;
				}
			}
			if (k < 2) return false;
			final double r = RankStatistics.correlation(sxx - sx * sx / k, syy - sy * sy / k, sxy - sx * sy / k);
			return r > 0;
		}
	}
}
