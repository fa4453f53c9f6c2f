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
}
