package io.github.myomito.lattice;

/**
 * Immutable settings of {@link FibreDetection}; build with {@link #builder()} or use {@link #DEFAULT}.
 */
public final class FibreDetectionSettings {

	/** How the smoothed image is thresholded. */
	public enum ThresholdRule {
		/**
		 * Iterative intermeans (isodata) threshold (T. W. Ridler and S. Calvard, IEEE Trans. Syst. Man Cybern.
		 * 8:630–632, 1978, doi:10.1109/TSMC.1978.4310039): {@code t ← (μ_below(t) + μ_above(t))/2} from the
		 * mean until it moves less than 1e-6 of the range. The fixed point lies midway between the class
		 * means, so a smoothed step edge is cut at its half-height whatever the fibre/background area ratio:
		 * the default.
		 */
		ISODATA,
		/**
		 * Otsu's threshold on a 256-bin histogram of the smoothed image (N. Otsu, IEEE Trans. Syst. Man
		 * Cybern. 9:62–66, 1979, doi:10.1109/TSMC.1979.4310076): the t maximising the between-class
		 * variance {@code ω₀ω₁(μ₀ − μ₁)²}. With very unequal class areas it moves towards the larger class,
		 * which shifts smoothed edges by a fraction of σ.
		 */
		OTSU,
		/** {@code t = mean + k·SD} of the smoothed image, k = {@link #thresholdK()}. */
		MEAN_PLUS_K_SD
	}

	/**
	 * σ 0.25 µm, isodata, k 0, closing radius 2.5 µm, minimum area 100 µm², holes filled, split with dynamics
	 * 2 µm: the mitochondrial mask closed into the fibre (see {@link FibreDetection}).
	 */
	public static final FibreDetectionSettings DEFAULT = builder().build();

	/**
	 * The detection before #16 item 4, kept for the coarse whole-image support: σ 2 µm, isodata, no closing, holes
	 * filled, minimum area 100 µm², no splitting. It loses 10–35 % of a fibre's area when the background around the
	 * fibre is narrower than about 2σ, or the mitochondria are sparse.
	 */
	public static final FibreDetectionSettings COARSE = builder().smoothingSigmaUm(2).closingRadiusUm(0).edgeMarginUm(0).splitTouching(false).build();

	private final double smoothingSigmaUm;
	private final ThresholdRule thresholdRule;
	private final double thresholdK;
	private final double minAreaUm2;
	private final double closingRadiusUm;
	private final double edgeMarginUm;
	private final boolean fillHoles;
	private final boolean splitTouching;
	private final double splitDynamicsUm;

	private FibreDetectionSettings(final Builder b) {
		Checks.positive("smoothingSigmaUm", b.sigma);
		if (b.rule == null) throw new IllegalArgumentException("thresholdRule must not be null");
		if (!Double.isFinite(b.k)) throw new IllegalArgumentException("thresholdK must be finite, got " + b.k);
		if (!(b.minArea >= 0) || Double.isInfinite(b.minArea)) throw new IllegalArgumentException("minAreaUm2 must be ≥ 0 and finite, got " + b.minArea);
		Checks.positive("splitDynamicsUm", b.dynamics);
		if (!(b.closing >= 0) || Double.isInfinite(b.closing)) throw new IllegalArgumentException("closingRadiusUm must be ≥ 0 and finite, got " + b.closing);
		closingRadiusUm = b.closing;
		if (!(b.margin >= 0) || Double.isInfinite(b.margin)) throw new IllegalArgumentException("edgeMarginUm must be ≥ 0 and finite, got " + b.margin);
		edgeMarginUm = b.margin;
		smoothingSigmaUm = b.sigma;
		thresholdRule = b.rule;
		thresholdK = b.k;
		minAreaUm2 = b.minArea;
		fillHoles = b.fill;
		splitTouching = b.split;
		splitDynamicsUm = b.dynamics;
	}

	/** @return a builder with the default values. */
	public static Builder builder() {
		return new Builder();
	}

	/** @return Gaussian smoothing σ in µm applied before thresholding (default 0.25: noise only, the mitochondria stay apart). */
	public double smoothingSigmaUm() {
		return smoothingSigmaUm;
	}

	/** @return the threshold rule (default {@link ThresholdRule#ISODATA}). */
	public ThresholdRule thresholdRule() {
		return thresholdRule;
	}

	/** @return k of {@link ThresholdRule#MEAN_PLUS_K_SD} (default 0). */
	public double thresholdK() {
		return thresholdK;
	}

	/** @return minimum fibre area in µm² (volume in µm³ for stacks); smaller regions are dropped (default 100). */
	public double minAreaUm2() {
		return minAreaUm2;
	}

	/**
	 * @return radius R (µm) of the disc with which the thresholded mitochondrial mask is closed (dilation then
	 *         erosion) into one fibre region: gaps between mitochondria narrower than 2R are bridged (default 2.5;
	 *         0 = no closing, the region is the thresholded smoothed image as it is)
	 */
	public double closingRadiusUm() {
		return closingRadiusUm;
	}

	/**
	 * @return margin m (µm) by which the closed region is grown (dilation by a disc): the sarcolemma lies outside
	 *         the outermost mitochondria, beyond a rim free of mitochondrial signal (default 0.5; 0 = the region
	 *         ends at the outermost mitochondria)
	 */
	public double edgeMarginUm() {
		return edgeMarginUm;
	}

	/** @return whether background components not touching the image border are filled (default true). */
	public boolean fillHoles() {
		return fillHoles;
	}

	/** @return whether touching fibres are split at necks of the distance map (default true). */
	public boolean splitTouching() {
		return splitTouching;
	}

	/**
	 * @return minimum dynamics (µm) of a distance-map maximum to seed its own fibre: a neck whose distance to
	 *         the background is at least this much below both adjacent maxima separates two fibres (default 2)
	 */
	public double splitDynamicsUm() {
		return splitDynamicsUm;
	}

	/** Builder for {@link FibreDetectionSettings}. */
	public static final class Builder {
		private double sigma = 0.25, k = 0, minArea = 100, dynamics = 2, closing = 2.5, margin = 0.5;
		private ThresholdRule rule = ThresholdRule.ISODATA;
		private boolean fill = true, split = true;

		private Builder() {}

		/** Sets the smoothing σ (µm, &gt; 0). */
		public Builder smoothingSigmaUm(final double v) {
			sigma = v;
			return this;
		}

		/** Sets the threshold rule. */
		public Builder thresholdRule(final ThresholdRule r) {
			rule = r;
			return this;
		}

		/** Sets k for {@link ThresholdRule#MEAN_PLUS_K_SD}. */
		public Builder thresholdK(final double v) {
			k = v;
			return this;
		}

		/** Sets the minimum area (µm², ≥ 0). */
		public Builder minAreaUm2(final double v) {
			minArea = v;
			return this;
		}

		/** Sets the closing radius (µm, ≥ 0; 0 = none). */
		public Builder closingRadiusUm(final double v) {
			closing = v;
			return this;
		}

		/** Sets the edge margin (µm, ≥ 0; 0 = none). */
		public Builder edgeMarginUm(final double v) {
			margin = v;
			return this;
		}

		/** Sets hole filling. */
		public Builder fillHoles(final boolean v) {
			fill = v;
			return this;
		}

		/** Sets splitting of touching fibres. */
		public Builder splitTouching(final boolean v) {
			split = v;
			return this;
		}

		/** Sets the split dynamics (µm, &gt; 0). */
		public Builder splitDynamicsUm(final double v) {
			dynamics = v;
			return this;
		}

		/** @return the immutable settings; @throws IllegalArgumentException for invalid values */
		public FibreDetectionSettings build() {
			return new FibreDetectionSettings(this);
		}
	}
}
