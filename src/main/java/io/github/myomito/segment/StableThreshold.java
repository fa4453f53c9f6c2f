package io.github.myomito.segment;

import java.util.Arrays;

/**
 * An objective global threshold chosen where the segmentation is most stable against small changes
 * of the threshold.
 * <p>
 * Criterion, exactly: with [a, b] the range of the finite values and K steps, candidates are
 * {@code t_k = a + k (b − a)/K} for k = 1..K−1. For each, the mask {@code f > t_k} is labelled
 * (given connectivity), giving the object count N_k and mean object size S_k = foreground pixels /
 * N_k. Between consecutive candidates with N &gt; 0 the relative change is
 * {@code r_k = |ln N_{k+1} − ln N_k| + |ln S_{k+1} − ln S_k|} (undefined when either N is 0);
 * it is smoothed by a 3-point moving average over the defined neighbours, r̃_k. The plateau level
 * τ is the lower quartile of the defined r̃; the plateau is the longest run of consecutive steps
 * with {@code r̃_k ≤ τ} (ties: the lower run). Within it the step with the smallest r̃ is taken
 * (ties: the one nearest the middle of the run) and the threshold is its midpoint
 * {@code (t_k + t_{k+1})/2}; foreground = value &gt; threshold. Regions of the threshold axis where
 * neither the number nor the size of objects changes are where the object boundaries lie in
 * intensity gaps, i.e. where the segmentation does not depend on the exact choice.
 */
public final class StableThreshold {

	/** The chosen threshold and the curves it was chosen from (arrays are copies). */
	public static final class Result {
		private final double threshold;
		private final double[] candidates;
		private final int[] counts;
		private final double[] meanSizes;
		private final double[] smoothedChange;

		Result(final double threshold, final double[] candidates, final int[] counts, final double[] meanSizes, final double[] smoothedChange) {
			this.threshold = threshold;
			this.candidates = candidates;
			this.counts = counts;
			this.meanSizes = meanSizes;
			this.smoothedChange = smoothedChange;
		}

		/** @return the threshold (foreground = value &gt; threshold), NaN when fewer than two candidates had objects. */
		public double threshold() {
			return threshold;
		}

		/** @return candidate thresholds t_1..t_{K−1}. */
		public double[] candidates() {
			return candidates.clone();
		}

		/** @return object counts N per candidate. */
		public int[] counts() {
			return counts.clone();
		}

		/** @return mean object sizes S (pixels) per candidate, 0 where N = 0. */
		public double[] meanSizes() {
			return meanSizes.clone();
		}

		/** @return smoothed relative change r̃ per step between candidates k and k+1 (NaN = undefined). */
		public double[] smoothedChange() {
			return smoothedChange.clone();
		}
	}

	private StableThreshold() {}

	/**
	 * @param steps K ≥ 4: number of intervals the value range is divided into
	 */
	public static Result find(final float[] data, final int[] dims, final Connectivity connectivity, final int steps) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		Labeling.checkDims(dims, data.length);
		if (steps < 4) throw new IllegalArgumentException("need at least 4 threshold steps, got " + steps);
		double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
		for (final float v : data)
			if (Float.isFinite(v)) {
				a = Math.min(a, v);
				b = Math.max(b, v);
			}
		final int nc = steps - 1;
		final double[] t = new double[nc];
		final int[] n = new int[nc];
		final double[] s = new double[nc];
		final double[] rs = new double[Math.max(0, nc - 1)];
		Arrays.fill(rs, Double.NaN);
		if (!(a < b)) return new Result(Double.NaN, t, n, s, rs);
		final byte[] mask = new byte[data.length];
		for (int k = 0; k < nc; k++) {
			t[k] = a + (k + 1) * (b - a) / steps;
			long fg = 0;
			for (int i = 0; i < data.length; i++) {
				final boolean on = data[i] > t[k];
				mask[i] = (byte) (on ? 1 : 0);
				if (on) fg++;
			}
			n[k] = fg == 0 ? 0 : Labeling.label(mask, dims, connectivity).count();
			s[k] = n[k] == 0 ? 0 : fg / (double) n[k];
		}
		final double[] r = new double[nc - 1];
		for (int k = 0; k < nc - 1; k++)
			r[k] = n[k] > 0 && n[k + 1] > 0 ? Math.abs(Math.log(n[k + 1]) - Math.log(n[k])) + Math.abs(Math.log(s[k + 1]) - Math.log(s[k])) : Double.NaN;
		int defined = 0;
		for (int k = 0; k < r.length; k++) {
			if (Double.isNaN(r[k])) continue;
			double sum = 0;
			int c = 0;
			for (int j = k - 1; j <= k + 1; j++)
				if (j >= 0 && j < r.length && !Double.isNaN(r[j])) {
					sum += r[j];
					c++;
				}
			rs[k] = sum / c;
			defined++;
		}
		if (defined == 0) return new Result(Double.NaN, t, n, s, rs);
		final double[] sorted = new double[defined];
		int q = 0;
		for (final double v : rs)
			if (!Double.isNaN(v)) sorted[q++] = v;
		Arrays.sort(sorted);
		final double tau = sorted[(defined - 1) / 4];
		int bestStart = -1, bestLen = 0;
		for (int k = 0; k < rs.length;) {
			if (Double.isNaN(rs[k]) || rs[k] > tau) {
				k++;
				continue;
			}
			int e = k;
			while (e < rs.length && !Double.isNaN(rs[e]) && rs[e] <= tau) e++;
			if (e - k > bestLen) {
				bestLen = e - k;
				bestStart = k;
			}
			k = e;
		}
		final double middle = bestStart + (bestLen - 1) / 2.0;
		int best = bestStart;
		for (int k = bestStart; k < bestStart + bestLen; k++)
			if (rs[k] < rs[best] || (rs[k] == rs[best] && Math.abs(k - middle) < Math.abs(best - middle))) best = k;
		return new Result((t[best] + t[best + 1]) / 2, t, n, s, rs);
	}
}
