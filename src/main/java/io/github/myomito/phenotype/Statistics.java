package io.github.myomito.phenotype;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The two-group statistics of {@code groups.csv}. Tests and distributions come from commons-math3.
 */
public final class Statistics {

	private Statistics() {}

	/** @return {n, median, Q1, Q3} with R's default (type 7) quantiles (Hyndman & Fan 1996, Am Stat 50:361). */
	public static double[] describe(final double[] v) {
		if (v.length == 0) return new double[] { 0, Double.NaN, Double.NaN, Double.NaN };
		final Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
		p.setData(v);
		return new double[] { v.length, p.evaluate(50), p.evaluate(25), p.evaluate(75) };
	}

	/**
	 * Cliff's δ = (#(a &gt; b) − #(a &lt; b)) / (n_a n_b) over all pairs (Cliff 1993, Psychol Bull 114:494,
	 * doi:10.1037/0033-2909.114.3.494): +1 when every a exceeds every b.
	 */
	public static double cliffsDelta(final double[] a, final double[] b) {
		if (a.length == 0 || b.length == 0) return Double.NaN;
		final double[] s = b.clone();
		Arrays.sort(s);
		long gt = 0, lt = 0;
		for (final double x : a) {
			gt += lowerBound(s, x);
			lt += s.length - upperBound(s, x);
		}
		return (gt - lt) / ((double) a.length * b.length);
	}

	private static int lowerBound(final double[] s, final double x) {
		int lo = 0, hi = s.length;
		while (lo < hi) {
			final int m = (lo + hi) >>> 1;
			if (s[m] < x) lo = m + 1;
			else hi = m;
		}
		return lo;
	}

	private static int upperBound(final double[] s, final double x) {
		int lo = 0, hi = s.length;
		while (lo < hi) {
			final int m = (lo + hi) >>> 1;
			if (s[m] <= x) lo = m + 1;
			else hi = m;
		}
		return lo;
	}

	/**
	 * Hedges' g = J · (ā − b̄) / s_p, s_p the pooled SD, J = 1 − 3 / (4(n_a + n_b) − 9) (Hedges 1981, J Educ Stat
	 * 6:107, doi:10.3102/10769986006002107); NaN with fewer than 2 values in a group or s_p = 0.
	 */
	public static double hedgesG(final double[] a, final double[] b) {
		final int na = a.length, nb = b.length;
		if (na < 2 || nb < 2) return Double.NaN;
		final double ma = mean(a), mb = mean(b);
		final double sp = Math.sqrt(((na - 1) * var(a, ma) + (nb - 1) * var(b, mb)) / (na + nb - 2));
		if (!(sp > 0)) return Double.NaN;
		return (1 - 3.0 / (4 * (na + nb) - 9)) * (ma - mb) / sp;
	}

	private static double mean(final double[] v) {
		double s = 0;
		for (final double x : v) s += x;
		return s / v.length;
	}

	private static double var(final double[] v, final double m) {
		double s = 0;
		for (final double x : v) s += (x - m) * (x - m);
		return s / (v.length - 1);
	}

	/**
	 * @return {U, p}: max(U_a, U_b) of the Mann–Whitney test (as commons-math3 reports it) and its two-sided
	 *         p-value from commons-math3's normal approximation (average ranks for ties); NaN for an empty group
	 */
	public static double[] mannWhitney(final double[] a, final double[] b) {
		if (a.length == 0 || b.length == 0) return new double[] { Double.NaN, Double.NaN };
		final MannWhitneyUTest t = new MannWhitneyUTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
		return new double[] { t.mannWhitneyU(a, b), t.mannWhitneyUTest(a, b) };
	}

	/**
	 * Benjamini–Hochberg q-values (Benjamini & Hochberg 1995, J R Stat Soc B 57:289): q₍ᵢ₎ = min over j ≥ i of
	 * p₍ⱼ₎ m / j, capped at 1; NaN p-values stay NaN and do not count in m.
	 */
	public static double[] benjaminiHochberg(final double[] p) {
		final Integer[] idx = new Integer[p.length];
		int m = 0;
		for (int i = 0; i < p.length; i++)
			if (!Double.isNaN(p[i])) idx[m++] = i;
		final Integer[] ix = Arrays.copyOf(idx, m);
		Arrays.sort(ix, (x, y) -> Double.compare(p[x], p[y]) != 0 ? Double.compare(p[x], p[y]) : Integer.compare(x, y));
		final double[] q = new double[p.length];
		Arrays.fill(q, Double.NaN);
		double min = 1;
		for (int r = m; r >= 1; r--) {
			final int i = ix[r - 1];
			min = Math.min(min, p[i] * m / r);
			q[i] = min;
		}
		return q;
	}
}
