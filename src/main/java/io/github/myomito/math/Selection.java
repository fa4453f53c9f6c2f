package io.github.myomito.math;

import java.util.Arrays;

/** Order statistics by selection, shared by the median filter and the robust puncta threshold. */
public final class Selection {

	private Selection() {}

	/**
	 * The k-th smallest value (0-based) of {@code a[0..n)}, which is reordered so that {@code a[k]} holds it,
	 * {@code a[i] ≤ a[k]} for i &lt; k and {@code a[i] ≥ a[k]} for i &gt; k (finite values). Hoare's
	 * selection ("Find", C. A. R. Hoare, Commun. ACM 4:321, 1961, doi:10.1145/366622.366647) with a
	 * median-of-three pivot, iterative; after 2·log₂ n + 8 rounds without convergence the remaining range is
	 * sorted instead, which bounds the worst case by O(n log n).
	 *
	 * @param a values; {@code a[0..n)} is reordered
	 * @param n number of values used
	 * @param k rank, 0 ≤ k &lt; n
	 * @return the k-th smallest of {@code a[0..n)}
	 */
	public static float select(final float[] a, final int n, final int k) {
		if (k < 0 || k >= n || n > a.length) throw new IllegalArgumentException("need 0 ≤ k < n ≤ a.length, got k = " + k + ", n = " + n);
		int lo = 0, hi = n - 1, rounds = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
		while (hi > lo) {
			if (--rounds < 0) {
				Arrays.sort(a, lo, hi + 1);
				return a[k];
			}
			final int mid = (lo + hi) >>> 1;
			// median of three to a[mid]
			if (a[mid] < a[lo]) swap(a, mid, lo);
			if (a[hi] < a[lo]) swap(a, hi, lo);
			if (a[hi] < a[mid]) swap(a, hi, mid);
			final float pivot = a[mid];
			int i = lo, j = hi;
			while (i <= j) {
				while (a[i] < pivot) i++;
				while (a[j] > pivot) j--;
				if (i <= j) {
					swap(a, i, j);
					i++;
					j--;
				}
			}
			// now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] == pivot
			if (k <= j) hi = j;
			else if (k >= i) lo = i;
			else return a[k];
		}
		return a[k];
	}

	private static void swap(final float[] a, final int i, final int j) {
		final float t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}
