package io.github.myomito.lattice;

/**
 * A single score in [0, 1] for how lattice-like a mitochondrial network is: a weighted mean of saturating
 * transforms of the {@link LatticeFeatures}.
 * <p>
 * Terms (each in [0, 1] and non-decreasing in its features):
 * <ul>
 * <li>loops: {@code t₁ = 1 − exp(−x / x₀)}, x = loops per 100 µm², x₀ = {@link #loopScale()};</li>
 * <li>four-way junctions: {@code t₂ = 1 − exp(−f / f₀)}, f₀ = {@link #fourWayScale()};</li>
 * <li>transverse/longitudinal balance: {@code t₃ = 4·T·L/(T+L)² · (T+L) = 4TL/(T+L)} (0 when T+L = 0): 1 only
 * when all branches are axis-aligned and split evenly between transverse and longitudinal; its partial
 * derivatives {@code 4L²/(T+L)²} and {@code 4T²/(T+L)²} are ≥ 0;</li>
 * <li>period regularity: {@code t₄ = R};</li>
 * <li>largest-component share: {@code t₅ = C}.</li>
 * </ul>
 * {@code index = Σ wᵢ tᵢ / Σ wᵢ} over the terms whose features are measured (not NaN); the balance term needs
 * both T and L. The result is NaN when no term is available. The constants are a first guess, meant to be
 * calibrated on simulated lattices and fragmented networks: make a calibrated instance with
 * {@link #builder()}.
 */
public final class LatticeIndex {

	/** Default settings: x₀ = 5 loops/100 µm², f₀ = 0.15, weights 0.25, 0.15, 0.25, 0.20, 0.15. */
	public static final LatticeIndex DEFAULT = builder().build();

	private final double loopScale;
	private final double fourWayScale;
	private final double loopWeight;
	private final double fourWayWeight;
	private final double balanceWeight;
	private final double regularityWeight;
	private final double componentWeight;

	private LatticeIndex(final Builder b) {
		Checks.positive("loopScale", b.loopScale);
		Checks.positive("fourWayScale", b.fourWayScale);
		final double[] ws = { b.loopWeight, b.fourWayWeight, b.balanceWeight, b.regularityWeight, b.componentWeight };
		double sum = 0;
		for (final double w : ws) {
			if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weights must be ≥ 0 and finite, got " + w);
			sum += w;
		}
		if (!(sum > 0)) throw new IllegalArgumentException("at least one weight must be positive");
		loopScale = b.loopScale;
		fourWayScale = b.fourWayScale;
		loopWeight = b.loopWeight;
		fourWayWeight = b.fourWayWeight;
		balanceWeight = b.balanceWeight;
		regularityWeight = b.regularityWeight;
		componentWeight = b.componentWeight;
	}

	/** @return a builder pre-filled with the {@link #DEFAULT} constants. */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the index with the {@link #DEFAULT} constants: {@code DEFAULT.score(f)}. */
	public static double compute(final LatticeFeatures f) {
		return DEFAULT.score(f);
	}

	/**
	 * @param f the features (NaN features are left out)
	 * @return {@code Σ wᵢ tᵢ / Σ wᵢ} over available terms, in [0, 1]; NaN when no term is available
	 */
	public double score(final LatticeFeatures f) {
		final double[] t = terms(f);
		final double[] w = { loopWeight, fourWayWeight, balanceWeight, regularityWeight, componentWeight };
		double num = 0, den = 0;
		for (int i = 0; i < t.length; i++) {
			if (Double.isNaN(t[i]) || w[i] == 0) continue;
			num += w[i] * t[i];
			den += w[i];
		}
		return den > 0 ? Math.min(1, Math.max(0, num / den)) : Double.NaN;
	}

	/**
	 * @return the five transformed terms {t₁ loops, t₂ four-way, t₃ T/L balance, t₄ regularity, t₅ largest
	 *         component}, each in [0, 1] or NaN when not measured
	 */
	public double[] terms(final LatticeFeatures f) {
		if (f == null) throw new IllegalArgumentException("features must not be null");
		final double t = f.transverseFraction(), l = f.longitudinalFraction();
		final double balance = Double.isNaN(t) || Double.isNaN(l) ? Double.NaN : (t + l > 0 ? 4 * t * l / (t + l) : 0);
		return new double[] { 1 - Math.exp(-f.loopsPer100um2() / loopScale), 1 - Math.exp(-f.fourWayJunctionFraction() / fourWayScale),
			Math.min(1, balance), f.periodRegularity(), f.largestComponentShare() };
	}

	/** @return x₀, loops per 100 µm² at which the loop term reaches 1 − 1/e. */
	public double loopScale() {
		return loopScale;
	}

	/** @return f₀, four-way fraction at which the junction term reaches 1 − 1/e. */
	public double fourWayScale() {
		return fourWayScale;
	}

	/** @return weight of the loop term. */
	public double loopWeight() {
		return loopWeight;
	}

	/** @return weight of the four-way junction term. */
	public double fourWayWeight() {
		return fourWayWeight;
	}

	/** @return weight of the transverse/longitudinal balance term. */
	public double balanceWeight() {
		return balanceWeight;
	}

	/** @return weight of the period regularity term. */
	public double regularityWeight() {
		return regularityWeight;
	}

	/** @return weight of the largest-component term. */
	public double componentWeight() {
		return componentWeight;
	}

	@Override
	public String toString() {
		return String.format("LatticeIndex[x0 %.3g, f0 %.3g, weights %.3g/%.3g/%.3g/%.3g/%.3g]", loopScale, fourWayScale, loopWeight, fourWayWeight, balanceWeight, regularityWeight, componentWeight);
	}

	/** Builder for {@link LatticeIndex}, starting from the default constants. */
	public static final class Builder {
		private double loopScale = 5, fourWayScale = 0.15;
		private double loopWeight = 0.25, fourWayWeight = 0.15, balanceWeight = 0.25, regularityWeight = 0.20, componentWeight = 0.15;

		private Builder() {}

		/** Sets x₀ (loops per 100 µm², &gt; 0). */
		public Builder loopScale(final double v) {
			loopScale = v;
			return this;
		}

		/** Sets f₀ (&gt; 0). */
		public Builder fourWayScale(final double v) {
			fourWayScale = v;
			return this;
		}

		/** Sets the five weights (≥ 0, not all 0): loops, four-way, balance, regularity, largest component. */
		public Builder weights(final double loops, final double fourWay, final double balance, final double regularity, final double component) {
			loopWeight = loops;
			fourWayWeight = fourWay;
			balanceWeight = balance;
			regularityWeight = regularity;
			componentWeight = component;
			return this;
		}

		/** @return the immutable index; @throws IllegalArgumentException for invalid constants */
		public LatticeIndex build() {
			return new LatticeIndex(this);
		}
	}
}
