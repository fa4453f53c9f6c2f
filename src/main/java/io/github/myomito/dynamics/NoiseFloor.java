package io.github.myomito.dynamics;

import java.util.Arrays;

/**
 * Robust statistics of one frame: the median, the noise scale from the median absolute deviation and the
 * contrast used by {@link DynamicsAnalyzer}.
 * <ul>
 * <li>{@code σ_MAD = 1.4826 · median_i |x_i − median(x)|}: the MAD scaled to be a consistent estimator of a
 * Gaussian's σ (1.4826 = 1/Φ⁻¹(3/4)); it has a 50 % breakdown point, so the objects (a minority of the
 * pixels) do not inflate it (Rousseeuw &amp; Croux, "Alternatives to the median absolute deviation", J. Am. Stat.
 * Assoc. 88:1273, 1993, doi:10.1080/01621459.1993.10476408; the same estimator of the noise level as Donoho &amp;
 * Johnstone, Biometrika 81:425, 1994, doi:10.1093/biomet/81.3.425);</li>
 * <li>the noise floor {@code median + k·σ_MAD}: a global threshold below it marks background noise as objects;</li>
 * <li>the contrast {@code (p99 − median)/σ_MAD}, p99 the 99th percentile (nearest rank): how far the bright
 * structures stand above the noise; +∞ when σ_MAD = 0.</li>
 * </ul>
 */
final class NoiseFloor {

	/** Φ⁻¹(3/4)⁻¹: scales the MAD to σ for Gaussian noise. */
	static final double MAD_TO_SIGMA = 1.4826;

	final double median, sigma, p99;

	private NoiseFloor(final double median, final double sigma, final double p99) {
		this.median = median; this.sigma = sigma; this.p99 = p99;
	}

	/** @param f the pixels (not modified; non-finite values ignored) @return their robust statistics */
	static NoiseFloor of(final float[] f) {
		float[] v = new float[f.length];
		int n = 0;
		for (final float x : f) if (Float.isFinite(x)) v[n++] = x;
		if (n == 0) return new NoiseFloor(Double.NaN, Double.NaN, Double.NaN);
		v = n == v.length ? v : Arrays.copyOf(v, n);
		Arrays.sort(v);
		final double med = median(v, n);
		final double p99 = v[Math.min(n - 1, Math.max(0, (int) Math.ceil(0.99 * n) - 1))];
		for (int i = 0; i < n; i++) v[i] = (float) Math.abs(v[i] - med);
		Arrays.sort(v);
		return new NoiseFloor(med, MAD_TO_SIGMA * median(v, n), p99);
	}

	private static double median(final float[] sorted, final int n) {
		return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
	}

	/** @param k multiple of σ @return {@code median + k·σ_MAD} */
	double floor(final double k) {
		return median + k * sigma;
	}

	/** @return {@code (p99 − median)/σ_MAD}, +∞ for σ_MAD = 0 */
	double contrast() {
		return sigma > 0 ? (p99 - median) / sigma : Double.POSITIVE_INFINITY;
	}
}
