package io.github.myomito.phenotype;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fibre is compared to: per feature the median and a robust scale of the reference fibres (the control
 * condition's, or the built-in reference of the fibre's network type), and for a control the sorted values
 * themselves (for Cliff's δ of a fibre against them).
 * <p>
 * Robust scale: s = max(1.4826 · MAD, floor), MAD the median absolute deviation (1.4826 · MAD estimates σ of a
 * normal distribution; Rousseeuw & Croux 1993, J Am Stat Assoc 88:1273, doi:10.1080/01621459.1993.10476408); the
 * floor, per feature in the patterns file, keeps a very uniform reference from turning small differences into
 * large z.
 */
public final class Reference {

	/** One feature's reference. */
	public static final class Stat {
		/** Median. */
		public final double median;
		/** 1.4826 · MAD (before the floor). */
		public final double rawScale;
		/** Sorted reference values, or null for a built-in reference. */
		final double[] sorted;

		Stat(final double median, final double rawScale, final double[] sorted) {
			this.median = median;
			this.rawScale = rawScale;
			this.sorted = sorted;
		}

		/** @return the reference values' count (the built-in's n when not stored). */
		public int n() {
			return sorted == null ? 0 : sorted.length;
		}

		/**
		 * Cliff's δ of one value against the reference values: P(x &gt; c) − P(x &lt; c) over the reference c
		 * (Cliff 1993, Psychol Bull 114:494, doi:10.1037/0033-2909.114.3.494); NaN for a built-in reference.
		 */
		public double cliffsDelta(final double x) {
			if (sorted == null || sorted.length == 0 || Double.isNaN(x)) return Double.NaN;
			// two binary searches in the sorted values: O(log n) per fibre, not O(n)
			final int below = firstIndex(sorted, x, false), above = sorted.length - firstIndex(sorted, x, true);
			return (below - above) / (double) sorted.length;
		}

		/** @return the first index whose value is ≥ x (or &gt; x when {@code strict}); the length when none. */
		private static int firstIndex(final double[] a, final double x, final boolean strict) {
			int lo = 0, hi = a.length;
			while (lo < hi) {
				final int mid = (lo + hi) >>> 1;
				if (strict ? a[mid] <= x : a[mid] < x) lo = mid + 1;
				else hi = mid;
			}
			return lo;
		}
	}

	private final String label;
	private final boolean builtIn;
	private final Map<String, Stat> stats;

	Reference(final String label, final boolean builtIn, final Map<String, Stat> stats) {
		this.label = label;
		this.builtIn = builtIn;
		this.stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
	}

	/** @return control:&lt;name&gt; or built-in:&lt;network type&gt;. */
	public String label() {
		return label;
	}

	/** @return true for a built-in reference. */
	public boolean isBuiltIn() {
		return builtIn;
	}

	/** @return the feature's reference, or null when it has none (all NaN). */
	public Stat stat(final String feature) {
		return stats.get(feature);
	}

	/** @return a reference from the values of the reference fibres, feature by feature (NaNs left out). */
	static Reference of(final String label, final Map<String, double[]> values) {
		final Map<String, Stat> m = new LinkedHashMap<>();
		for (final Map.Entry<String, double[]> e : values.entrySet()) {
			final double[] v = Arrays.stream(e.getValue()).filter(x -> !Double.isNaN(x)).sorted().toArray();
			if (v.length == 0) continue;
			final double med = median(v);
			final double[] dev = new double[v.length];
			for (int i = 0; i < v.length; i++) dev[i] = Math.abs(v[i] - med);
			Arrays.sort(dev);
			m.put(e.getKey(), new Stat(med, 1.4826 * median(dev), v));
		}
		return new Reference(label, false, m);
	}

	/** @return a built-in reference from stored medians and scales. */
	static Reference builtIn(final String label, final Map<String, double[]> medianAndScale) {
		final Map<String, Stat> m = new LinkedHashMap<>();
		for (final Map.Entry<String, double[]> e : medianAndScale.entrySet()) m.put(e.getKey(), new Stat(e.getValue()[0], e.getValue()[1], null));
		return new Reference(label, true, m);
	}

	/** @return the median of sorted values (mean of the middle two for an even count). */
	static double median(final double[] sorted) {
		final int n = sorted.length;
		if (n == 0) return Double.NaN;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}
}
