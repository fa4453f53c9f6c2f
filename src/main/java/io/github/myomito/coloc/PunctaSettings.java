package io.github.myomito.coloc;

/**
 * Immutable settings of {@link PunctaDetector}.
 * <ul>
 * <li>{@link #radiusUm()} r: expected punctum radius in µm; sets the Difference-of-Gaussians scales
 * {@code σ1 = r/√d}, {@code σ2 = 1.6·σ1} (d = 2 or 3) and the measuring radius {@code 2r}.</li>
 * <li>{@link #k()}: automatic threshold factor: a maximum is kept when its DoG response exceeds
 * {@code median + k·1.4826·MAD} of the DoG response inside the region (default 5). On noise-free
 * (synthetic) images the MAD can be 0, so that every positive maximum passes: give an absolute
 * threshold there.</li>
 * <li>{@link #absoluteThreshold()}: a user-given DoG threshold replacing the automatic one (NaN = automatic).</li>
 * <li>{@link #minSeparationUm()}: maxima closer than this to a stronger accepted one are dropped (0 = off).</li>
 * </ul>
 */
public final class PunctaSettings {

	/** Default automatic-threshold factor k. */
	public static final double DEFAULT_K = 5;

	private final double radiusUm, k, absoluteThreshold, minSeparationUm;

	private PunctaSettings(final Builder b) {
		this.radiusUm = b.radiusUm;
		this.k = b.k;
		this.absoluteThreshold = b.absoluteThreshold;
		this.minSeparationUm = b.minSeparationUm;
	}

	/**
	 * @param radiusUm expected punctum radius in µm, &gt; 0 (LC3 puncta are typically 0.2–0.5 µm)
	 * @return a builder with the defaults
	 */
	public static Builder builder(final double radiusUm) {
		return new Builder(radiusUm);
	}

	/** @return expected punctum radius r in µm */
	public double radiusUm() { return radiusUm; }

	/** @return automatic threshold factor k */
	public double k() { return k; }

	/** @return user-given DoG threshold, or NaN for the automatic rule */
	public double absoluteThreshold() { return absoluteThreshold; }

	/** @return minimum separation between puncta in µm (0 = off) */
	public double minSeparationUm() { return minSeparationUm; }

	@Override
	public String toString() {
		return "PunctaSettings[r=" + radiusUm + " µm, k=" + k + ", threshold=" + absoluteThreshold + ", minSep=" + minSeparationUm + " µm]";
	}

	/** Builder of {@link PunctaSettings}. */
	public static final class Builder {
		private final double radiusUm;
		private double k = DEFAULT_K;
		private double absoluteThreshold = Double.NaN;
		private double minSeparationUm = 0;

		private Builder(final double radiusUm) {
			if (!(radiusUm > 0) || Double.isInfinite(radiusUm))
				throw new IllegalArgumentException("punctum radius must be a positive number of µm, got " + radiusUm);
			this.radiusUm = radiusUm;
		}

		/** Sets the automatic threshold factor k ≥ 0. */
		public Builder k(final double k) {
			if (!(k >= 0) || Double.isInfinite(k)) throw new IllegalArgumentException("threshold factor k must be ≥ 0, got " + k);
			this.k = k;
			return this;
		}

		/** Sets a fixed DoG threshold (finite), replacing the automatic rule. */
		public Builder absoluteThreshold(final double t) {
			if (!Double.isFinite(t)) throw new IllegalArgumentException("absolute DoG threshold must be finite, got " + t);
			this.absoluteThreshold = t;
			return this;
		}

		/** Sets the minimum separation in µm (≥ 0, 0 = off). */
		public Builder minSeparationUm(final double um) {
			if (!(um >= 0) || Double.isInfinite(um)) throw new IllegalArgumentException("minimum separation must be ≥ 0 µm, got " + um);
			this.minSeparationUm = um;
			return this;
		}

		/** @return the immutable settings */
		public PunctaSettings build() {
			return new PunctaSettings(this);
		}
	}
}
