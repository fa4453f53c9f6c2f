package io.github.myomito.coloc;

/**
 * How the per-channel intensity thresholds {@code T1, T2} that separate "colocalising" from
 * "background" pixels are chosen: either {@link #COSTES} (automatic, Costes et al. 2004,
 * doi:10.1529/biophysj.103.038422, see {@link CostesThreshold}) or fixed values given with
 * {@link #manual(double, double)} (the Fiji door maps ImageJ auto-threshold methods onto manual values).
 * Immutable.
 */
public final class ThresholdMode {

	/** The kind of threshold rule. */
	public enum Kind {
		/** Costes et al. 2004 automatic thresholds along the orthogonal regression line. */
		COSTES,
		/** User-given thresholds. */
		MANUAL
	}

	/** Automatic Costes thresholds. */
	public static final ThresholdMode COSTES = new ThresholdMode(Kind.COSTES, Double.NaN, Double.NaN);

	private final Kind kind;
	private final double t1;
	private final double t2;

	private ThresholdMode(final Kind kind, final double t1, final double t2) {
		this.kind = kind;
		this.t1 = t1;
		this.t2 = t2;
	}

	/**
	 * Fixed thresholds: a pixel is "above" when {@code ch1 > t1} and {@code ch2 > t2}.
	 *
	 * @throws IllegalArgumentException if a threshold is NaN or infinite
	 */
	public static ThresholdMode manual(final double t1, final double t2) {
		if (!Double.isFinite(t1) || !Double.isFinite(t2))
			throw new IllegalArgumentException("manual thresholds must be finite numbers, got " + t1 + ", " + t2);
		return new ThresholdMode(Kind.MANUAL, t1, t2);
	}

	/** @return the rule */
	public Kind kind() {
		return kind;
	}

	/** @return the channel-1 threshold for {@link Kind#MANUAL}, NaN for {@link Kind#COSTES} */
	public double threshold1() {
		return t1;
	}

	/** @return the channel-2 threshold for {@link Kind#MANUAL}, NaN for {@link Kind#COSTES} */
	public double threshold2() {
		return t2;
	}

	@Override
	public String toString() {
		return kind == Kind.COSTES ? "COSTES" : "MANUAL(" + t1 + ", " + t2 + ")";
	}

	/**
	 * The threshold rule as users write it at every door: {@code costes}, {@code manual:T1,T2}, or the
	 * name of an ImageJ auto-threshold method ({@link io.github.myomito.segment.ThresholdMethod}), which is
	 * applied to each channel's pixels inside the mask and used as manual thresholds.
	 *
	 * @param spec the rule
	 * @param ch1 first channel, @param ch2 second channel, @param maskOrNull pixels to use (null = all)
	 * @return the threshold mode
	 * @throws IllegalArgumentException naming the valid forms
	 */
	public static ThresholdMode parse(final String spec, final float[] ch1, final float[] ch2, final byte[] maskOrNull) {
		final String t = spec == null ? "costes" : spec.trim();
		if (t.equalsIgnoreCase("costes")) return COSTES;
		if (t.toLowerCase(java.util.Locale.ROOT).startsWith("manual:")) {
			final String[] p = t.substring(7).split(",");
			try {
				if (p.length != 2) throw new NumberFormatException();
				return manual(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("threshold manual:T1,T2 needs two numbers, got '" + t + "'");
			}
		}
		final io.github.myomito.segment.ThresholdMethod method;
		try {
			method = io.github.myomito.segment.ThresholdMethod.fromName(t);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("threshold: " + e.getMessage() + " (or costes, manual:T1,T2)");
		}
		return manual(io.github.myomito.segment.AutoThreshold.threshold(ch1, maskOrNull, method),
			io.github.myomito.segment.AutoThreshold.threshold(ch2, maskOrNull, method));
	}
}
