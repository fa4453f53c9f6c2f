package io.github.myomito.coloc;

import java.util.Arrays;

/**
 * Correlation statistics on paired samples {@code (x_i, y_i), i = 0..n−1} (finite floats): Pearson,
 * Spearman, Kendall τ-b and Li's ICQ. All return {@code NaN} when undefined (n &lt; 2 or a constant
 * variable).
 * <ul>
 * <li>Pearson {@code r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²)}, two-pass in double precision.</li>
 * <li>Spearman ρ: Pearson r of the ranks, tied values get the average of their ranks (C. Spearman,
 * Am J Psychol 15:72, 1904, doi:10.2307/1412159).</li>
 * <li>Kendall τ-b = {@code (n_c − n_d) / √((n0 − n1)(n0 − n2))} with {@code n0 = n(n−1)/2},
 * {@code n1 = Σ t_i(t_i−1)/2} over groups of tied x, {@code n2} likewise for y. Computed exactly in
 * O(n log n) with W. R. Knight's algorithm (J Am Stat Assoc 61:436, 1966, doi:10.1080/01621459.1966.10480879):
 * order the pairs by (x, y) (one sort by x, then each group of tied x sorted by y), count the joint
 * ties {@code n3}; then merge-sort the y sequence counting the
 * exchanges {@code S} it needs (discordant pairs); {@code n_c − n_d = n0 − n1 − n2 + n3 − 2S}.
 * All counters are {@code long}.</li>
 * <li>Li's intensity correlation quotient {@code ICQ = #{(x−x̄)(y−ȳ) > 0}/n − 0.5} (Li et al. 2004,
 * J Neurosci 24:4070, doi:10.1523/JNEUROSCI.0346-04.2004), in [−0.5, 0.5].</li>
 * </ul>
 */
public final class RankStatistics {

	private RankStatistics() {}

	/** Pearson's r of the paired samples. */
	public static double pearson(final float[] x, final float[] y) {
		check(x, y);
		if (x.length < 2) return Double.NaN;
		final double[] m = moments(x, y);
		return correlation(m[2], m[3], m[4]);
	}

	/**
	 * Means and centred sums of squares and products of paired samples (two passes, for accuracy).
	 *
	 * @return {x̄, ȳ, Σ(x−x̄)², Σ(y−ȳ)², Σ(x−x̄)(y−ȳ)}
	 */
	static double[] moments(final float[] x, final float[] y) {
		final int n = x.length;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double sxx = 0, syy = 0, sxy = 0;
		for (int i = 0; i < n; i++) {
			final double dx = x[i] - mx, dy = y[i] - my;
			sxx += dx * dx;
			syy += dy * dy;
			sxy += dx * dy;
		}
		return new double[] { mx, my, sxx, syy, sxy };
	}

	/** Pearson's r of double samples (used on ranks). */
	static double pearson(final double[] x, final double[] y) {
		final int n = x.length;
		if (n < 2) return Double.NaN;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double sxx = 0, syy = 0, sxy = 0;
		for (int i = 0; i < n; i++) {
			final double dx = x[i] - mx, dy = y[i] - my;
			sxx += dx * dx;
			syy += dy * dy;
			sxy += dx * dy;
		}
		return correlation(sxx, syy, sxy);
	}

	static double correlation(final double sxx, final double syy, final double sxy) {
		if (!(sxx > 0) || !(syy > 0)) return Double.NaN;
		final double r = sxy / Math.sqrt(sxx * syy);
		return Math.max(-1, Math.min(1, r));
	}

	/** Spearman's ρ with average ranks for ties. */
	public static double spearman(final float[] x, final float[] y) {
		check(x, y);
		if (x.length < 2) return Double.NaN;
		return pearson(averageRanks(sortedKeys(x)), averageRanks(sortedKeys(y)));
	}

	/** Kendall's τ-b, exact with ties, O(n log n) (Knight 1966). */
	public static double kendallTauB(final float[] x, final float[] y) {
		check(x, y);
		if (x.length < 2) return Double.NaN;
		return kendall(sortedKeys(x), sortedKeys(y));
	}

	/**
	 * Spearman ρ and Kendall τ-b sharing the two sorts: {@code {rho, tau}}.
	 */
	static double[] spearmanAndKendall(final float[] x, final float[] y) {
		check(x, y);
		if (x.length < 2) return new double[] { Double.NaN, Double.NaN };
		final long[] kx = sortedKeys(x), ky = sortedKeys(y);
		return new double[] { pearson(averageRanks(kx), averageRanks(ky)), kendall(kx, ky) };
	}

	/** Knight's algorithm on the sorted keys of x and y (see {@link #sortedKeys}). */
	private static double kendall(final long[] kx, final long[] ky) {
		final int n = kx.length;
		// dense y ranks and y ties n2
		final int[] ry = new int[n];
		long n2 = 0;
		int rank = 0, run = 1;
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				if ((ky[i] >>> 32) != (ky[i - 1] >>> 32)) {
					rank++;
					n2 += (long) run * (run - 1) / 2;
					run = 1;
				} else run++;
			}
			ry[(int) (ky[i] & 0xFFFFFFFFL)] = rank;
		}
		n2 += (long) run * (run - 1) / 2;
		// y ranks in x order, each group of tied x sorted by y; x ties n1 and joint ties n3.
		// The groups are filled by visiting the pixels in y order (ky) and appending each to its x group:
		// every group then holds its y ranks in ascending order (what sorting each group gives), in O(n).
		final int[] gx = new int[n]; // pixel → start of its x group in kx order, advanced as the group fills
		for (int i = 0; i < n;) {
			int j = i + 1;
			while (j < n && (kx[j] >>> 32) == (kx[i] >>> 32)) j++;
			for (int k = i; k < j; k++) gx[(int) (kx[k] & 0xFFFFFFFFL)] = i;
			i = j;
		}
		int[] a = new int[n];
		final int[] next = new int[n]; // next free slot per group start
		for (int i = 0; i < n; i++) next[i] = i;
		for (int t = 0; t < n; t++) {
			final int p = (int) (ky[t] & 0xFFFFFFFFL);
			a[next[gx[p]]++] = ry[p];
		}
		long n1 = 0, n3 = 0;
		for (int i = 0; i < n;) {
			int j = i + 1;
			while (j < n && (kx[j] >>> 32) == (kx[i] >>> 32)) j++;
			if (j - i > 1) {
				n1 += (long) (j - i) * (j - i - 1) / 2;
				int r = 1;
				for (int k = i + 1; k <= j; k++) {
					if (k < j && a[k] == a[k - 1]) r++;
					else {
						n3 += (long) r * (r - 1) / 2;
						r = 1;
					}
				}
			}
			i = j;
		}
		int[] buf = new int[n];
		long swaps = 0;
		// bottom-up merge sort of the y ranks counting exchanges (no recursion)
		for (int width = 1; width < n; width *= 2) {
			for (int lo = 0; lo < n; lo += 2 * width) {
				final int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
				int i = lo, j = mid, k = lo;
				while (i < mid && j < hi) {
					if (a[j] < a[i]) {
						buf[k++] = a[j++];
						swaps += mid - i;
					} else buf[k++] = a[i++];
				}
				while (i < mid) buf[k++] = a[i++];
				while (j < hi) buf[k++] = a[j++];
			}
			final int[] t = a;
			a = buf;
			buf = t;
		}
		final long n0 = (long) n * (n - 1) / 2;
		if (n1 == n0 || n2 == n0) return Double.NaN;
		final double num = (double) (n0 - n1 - n2 + n3 - 2 * swaps);
		final double tau = num / Math.sqrt((double) (n0 - n1) * (double) (n0 - n2));
		return Math.max(-1, Math.min(1, tau));
	}

	/** Li's ICQ = #{(x−x̄)(y−ȳ) &gt; 0}/n − 0.5 (NaN for n = 0). */
	public static double liIcq(final float[] x, final float[] y) {
		check(x, y);
		final int n = x.length;
		if (n == 0) return Double.NaN;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		long pos = 0;
		for (int i = 0; i < n; i++)
			if ((x[i] - mx) * (y[i] - my) > 0) pos++;
		return (double) pos / n - 0.5;
	}

	/** Average ranks (1-based) from sorted keys: tied values all get the mean of the ranks they span. */
	static double[] averageRanks(final long[] key) {
		final int n = key.length;
		final double[] r = new double[n];
		int i = 0;
		while (i < n) {
			int j = i + 1;
			while (j < n && (key[j] >>> 32) == (key[i] >>> 32)) j++;
			final double avg = (i + 1 + j) / 2.0; // mean of ranks i+1..j
			for (int k = i; k < j; k++) r[(int) (key[k] & 0xFFFFFFFFL)] = avg;
			i = j;
		}
		return r;
	}

	/**
	 * Keys {@code (orderBits(v_i) << 32) | i} sorted ascending: the high half orders like the float
	 * value (−0 and +0 equal), the low half is the index.
	 * <p>
	 * The keys are distinct, so their sorted order is unique; it is produced by a stable least-significant-digit
	 * radix sort of the indices by {@code orderBits} (four 8-bit digits; a digit shared by all values is
	 * skipped), which keeps equal values in index order: O(n), the same array as a comparison sort.
	 */
	static long[] sortedKeys(final float[] v) {
		final int n = v.length;
		final int[] bits = new int[n];
		for (int i = 0; i < n; i++) bits[i] = orderBits(v[i]) ^ Integer.MIN_VALUE; // unsigned order
		int[] idx = new int[n], tmp = new int[n];
		for (int i = 0; i < n; i++) idx[i] = i;
		final int[] count = new int[257];
		if (n == 0) return new long[0];
		for (int shift = 0; shift < 32; shift += 8) {
			Arrays.fill(count, 0);
			for (int i = 0; i < n; i++) count[((bits[i] >>> shift) & 0xFF) + 1]++;
			if (count[((bits[0] >>> shift) & 0xFF) + 1] == n) continue; // one digit value: nothing to reorder
			for (int d = 0; d < 256; d++) count[d + 1] += count[d];
			for (int i = 0; i < n; i++) {
				final int j = idx[i];
				tmp[count[(bits[j] >>> shift) & 0xFF]++] = j;
			}
			final int[] t = idx;
			idx = tmp;
			tmp = t;
		}
		final long[] key = new long[n];
		for (int i = 0; i < n; i++) {
			final int j = idx[i];
			key[i] = ((long) (bits[j] ^ Integer.MIN_VALUE) << 32) | j;
		}
		return key;
	}

	/** An int whose signed order equals the order of the (finite) float value. */
	static int orderBits(final float f) {
		final int bits = Float.floatToIntBits(f + 0.0f);
		return bits ^ ((bits >> 31) & 0x7FFFFFFF);
	}

	private static void check(final float[] x, final float[] y) {
		if (x == null || y == null) throw new IllegalArgumentException("samples must not be null");
		if (x.length != y.length)
			throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
	}
}
