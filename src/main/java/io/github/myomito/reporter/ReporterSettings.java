package io.github.myomito.reporter;

import java.util.Objects;

/**
 * Immutable settings of the mitolysosome detection ({@link MitolysosomeDetector}). Channels are 1-based
 * image channels; the neutral channel is also the mitochondrial channel of the network analysis.
 * Build with {@link #builder(Reporter, int, int)}; {@link Builder#build()} validates.
 */
public final class ReporterSettings {

	/** Default robust z of the ratio threshold, {@code k} in {@code median + k·1.4826·MAD}. */
	public static final double DEFAULT_K = 4;
	/** Default minimum fold rise of the ratio over the fibre's median ratio. */
	public static final double DEFAULT_MIN_FOLD = 2;
	/** Default smoothing σ in µm before the ratio is formed. */
	public static final double DEFAULT_SMOOTHING_UM = 0.1;
	/** Default minimum mitolysosome size, µm² (µm³ in 3D). */
	public static final double DEFAULT_MIN_SIZE_UM2 = 0.04;

	private final Reporter reporter;
	private final int acidChannel, neutralChannel;
	private final double ratioThreshold, k, minFold, smoothingUm, minSizeUm2;

	private ReporterSettings(final Builder b) {
		reporter = Objects.requireNonNull(b.reporter, "reporter");
		if (b.acidChannel < 1 || b.neutralChannel < 1)
			throw new IllegalArgumentException(names(b.reporter)[0] + " and " + names(b.reporter)[1] + " channels must be ≥ 1, got " + b.acidChannel + " and " + b.neutralChannel);
		if (b.acidChannel == b.neutralChannel) throw new IllegalArgumentException(names(b.reporter)[0] + " and " + names(b.reporter)[1] + " channels must differ (both " + b.acidChannel + ")");
		if (!Double.isNaN(b.ratioThreshold) && !(b.ratioThreshold > 0 && Double.isFinite(b.ratioThreshold)))
			throw new IllegalArgumentException("ratio-threshold must be a positive number, got " + b.ratioThreshold);
		if (!(b.k > 0 && Double.isFinite(b.k))) throw new IllegalArgumentException("ratio k must be positive, got " + b.k);
		if (!(b.minFold >= 1 && Double.isFinite(b.minFold))) throw new IllegalArgumentException("minimum ratio fold must be ≥ 1, got " + b.minFold);
		if (!(b.smoothingUm >= 0 && Double.isFinite(b.smoothingUm))) throw new IllegalArgumentException("smoothing must be ≥ 0 µm, got " + b.smoothingUm);
		if (!(b.minSizeUm2 >= 0 && Double.isFinite(b.minSizeUm2))) throw new IllegalArgumentException("minimum mitolysosome size must be ≥ 0, got " + b.minSizeUm2);
		acidChannel = b.acidChannel;
		neutralChannel = b.neutralChannel;
		ratioThreshold = b.ratioThreshold;
		k = b.k;
		minFold = b.minFold;
		smoothingUm = b.smoothingUm;
		minSizeUm2 = b.minSizeUm2;
	}

	/** @return the option names of the two channels of this reporter: {red, green} or {acid, neutral}. */
	static String[] names(final Reporter r) {
		return r == Reporter.MITO_QC ? new String[] { "red", "green" } : new String[] { "acid", "neutral" };
	}

	/**
	 * @param reporter the reporter
	 * @param acidChannel 1-based acid channel (mito-QC red / mCherry, mt-Keima 561 nm)
	 * @param neutralChannel 1-based neutral channel (mito-QC green / GFP, mt-Keima 440 nm)
	 * @return a builder with the defaults
	 */
	public static Builder builder(final Reporter reporter, final int acidChannel, final int neutralChannel) {
		final Builder b = new Builder();
		b.reporter = reporter;
		b.acidChannel = acidChannel;
		b.neutralChannel = neutralChannel;
		return b;
	}

	/** @return a builder with these values. */
	public Builder toBuilder() {
		final Builder b = builder(reporter, acidChannel, neutralChannel);
		b.ratioThreshold = ratioThreshold;
		b.k = k;
		b.minFold = minFold;
		b.smoothingUm = smoothingUm;
		b.minSizeUm2 = minSizeUm2;
		return b;
	}

	/** @return the reporter. */
	public Reporter reporter() { return reporter; }
	/** @return 1-based acid channel. */
	public int acidChannel() { return acidChannel; }
	/** @return 1-based neutral channel (also the mitochondrial channel). */
	public int neutralChannel() { return neutralChannel; }
	/** @return the user's acid/neutral ratio threshold, NaN = chosen per fibre (see {@link MitolysosomeDetector}). */
	public double ratioThreshold() { return ratioThreshold; }
	/** @return k of the robust ratio threshold. */
	public double k() { return k; }
	/** @return the minimum fold rise of the ratio over the fibre's median. */
	public double minFold() { return minFold; }
	/** @return Gaussian smoothing σ in µm applied to both channels before the ratio. */
	public double smoothingUm() { return smoothingUm; }
	/** @return minimum mitolysosome size, µm² in 2D, µm³ in 3D. */
	public double minSizeUm2() { return minSizeUm2; }

	/** Mutable builder. */
	public static final class Builder {
		private Reporter reporter;
		private int acidChannel, neutralChannel;
		private double ratioThreshold = Double.NaN, k = DEFAULT_K, minFold = DEFAULT_MIN_FOLD, smoothingUm = DEFAULT_SMOOTHING_UM,
			minSizeUm2 = DEFAULT_MIN_SIZE_UM2;

		private Builder() {}

		/** @param v acid/neutral ratio threshold (NaN = objective, per fibre) @return this */
		public Builder ratioThreshold(final double v) { ratioThreshold = v; return this; }
		/** @param v robust z of the threshold @return this */
		public Builder k(final double v) { k = v; return this; }
		/** @param v minimum fold rise over the median ratio @return this */
		public Builder minFold(final double v) { minFold = v; return this; }
		/** @param v smoothing σ, µm @return this */
		public Builder smoothingUm(final double v) { smoothingUm = v; return this; }
		/** @param v minimum size, µm² (µm³) @return this */
		public Builder minSizeUm2(final double v) { minSizeUm2 = v; return this; }

		/** @return validated settings */
		public ReporterSettings build() {
			return new ReporterSettings(this);
		}
	}
}
