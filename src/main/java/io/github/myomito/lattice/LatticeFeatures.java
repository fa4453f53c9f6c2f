package io.github.myomito.lattice;

/**
 * The measured features a {@link LatticeIndex} combines: an immutable value built with {@link #builder()}.
 * Every feature defaults to NaN, meaning "not measured"; the index then leaves that term out.
 */
public final class LatticeFeatures {

	private final double loopsPer100um2;
	private final double fourWayJunctionFraction;
	private final double transverseFraction;
	private final double longitudinalFraction;
	private final double periodRegularity;
	private final double largestComponentShare;

	private LatticeFeatures(final Builder b) {
		this.loopsPer100um2 = b.loops;
		this.fourWayJunctionFraction = b.fourWay;
		this.transverseFraction = b.transverse;
		this.longitudinalFraction = b.longitudinal;
		this.periodRegularity = b.regularity;
		this.largestComponentShare = b.largest;
		if (!Double.isNaN(transverseFraction) && !Double.isNaN(longitudinalFraction) && transverseFraction + longitudinalFraction > 1 + 1e-9)
			throw new IllegalArgumentException("transverse + longitudinal fractions exceed 1: " + transverseFraction + " + " + longitudinalFraction);
	}

	/** @return a builder with every feature NaN (not measured). */
	public static Builder builder() {
		return new Builder();
	}

	/** @return closed loops (cycles of the skeleton graph) per 100 µm² of fibre area, ≥ 0 or NaN. */
	public double loopsPer100um2() {
		return loopsPer100um2;
	}

	/** @return fraction of junctions with ≥ 4 branches, in [0, 1] or NaN. */
	public double fourWayJunctionFraction() {
		return fourWayJunctionFraction;
	}

	/** @return length fraction of transverse branches, in [0, 1] or NaN. */
	public double transverseFraction() {
		return transverseFraction;
	}

	/** @return length fraction of longitudinal branches, in [0, 1] or NaN. */
	public double longitudinalFraction() {
		return longitudinalFraction;
	}

	/** @return periodicity regularity (e.g. {@link PeriodResult#regularity()}), in [0, 1] or NaN. */
	public double periodRegularity() {
		return periodRegularity;
	}

	/** @return share of the network length (or area) in its largest connected component, in [0, 1] or NaN. */
	public double largestComponentShare() {
		return largestComponentShare;
	}

	@Override
	public String toString() {
		return String.format("LatticeFeatures[loops/100µm² %.3f, 4-way %.3f, T %.3f, L %.3f, regularity %.3f, largest %.3f]", loopsPer100um2, fourWayJunctionFraction, transverseFraction, longitudinalFraction, periodRegularity, largestComponentShare);
	}

	/** Builder for {@link LatticeFeatures}; each setter validates its value (NaN = not measured is accepted). */
	public static final class Builder {
		private double loops = Double.NaN, fourWay = Double.NaN, transverse = Double.NaN, longitudinal = Double.NaN, regularity = Double.NaN, largest = Double.NaN;

		private Builder() {}

		private static double fraction(final String what, final double v) {
			if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) throw new IllegalArgumentException(what + " must be in [0, 1] (or NaN), got " + v);
			return v;
		}

		/** Sets loops per 100 µm² (≥ 0, finite, or NaN). */
		public Builder loopsPer100um2(final double v) {
			if (!Double.isNaN(v) && !(v >= 0 && v < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("loopsPer100um2 must be ≥ 0 and finite (or NaN), got " + v);
			loops = v;
			return this;
		}

		/** Sets the four-way junction fraction ([0, 1] or NaN). */
		public Builder fourWayJunctionFraction(final double v) {
			fourWay = fraction("fourWayJunctionFraction", v);
			return this;
		}

		/** Sets the transverse length fraction ([0, 1] or NaN). */
		public Builder transverseFraction(final double v) {
			transverse = fraction("transverseFraction", v);
			return this;
		}

		/** Sets the longitudinal length fraction ([0, 1] or NaN). */
		public Builder longitudinalFraction(final double v) {
			longitudinal = fraction("longitudinalFraction", v);
			return this;
		}

		/** Sets the period regularity ([0, 1] or NaN). */
		public Builder periodRegularity(final double v) {
			regularity = fraction("periodRegularity", v);
			return this;
		}

		/** Sets the largest-component share ([0, 1] or NaN). */
		public Builder largestComponentShare(final double v) {
			largest = fraction("largestComponentShare", v);
			return this;
		}

		/** Sets both orientation fractions from {@link OrientationStats}. */
		public Builder orientation(final OrientationStats s) {
			return transverseFraction(s.transverseFraction()).longitudinalFraction(s.longitudinalFraction());
		}

		/** @return the immutable features; @throws IllegalArgumentException if T + L &gt; 1 */
		public LatticeFeatures build() {
			return new LatticeFeatures(this);
		}
	}
}
