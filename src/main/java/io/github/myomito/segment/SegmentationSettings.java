package io.github.myomito.segment;

import java.util.Arrays;

/**
 * Immutable settings of the segmentation chain of {@link Segmenter}; all sizes in µm.
 * <p>
 * Defaults, chosen for confocal images of skeletal-muscle mitochondria (tubules ≈ 0.2–0.5 µm wide,
 * pixel size ≈ 0.05–0.15 µm): white top-hat background removal with radius 2 µm (the network is far
 * thinner than the 4 µm box, the diffuse background and uneven illumination are wider); median
 * radius 0.1 µm (removes shot noise, keeps 0.2 µm tubules); no extra Gaussian; tubeness
 * <em>off</em> for the mask (Hessian filters narrow and merge objects, which biases areas; enable
 * it for faint networks — scales {0.1, 0.2} µm, Sato); global Otsu threshold; holes filled; objects
 * smaller than {@value #DEFAULT_MIN_AREA_UM2} µm² (2D) / {@value #DEFAULT_MIN_VOLUME_UM3} µm³ (3D) removed (a
 * disc of 0.05 µm² has a radius of 0.13 µm, a ball of 0.01 µm³ 0.13 µm); FULL (8/26) connectivity. Local
 * threshold defaults: block 1.5 µm, C = 0, Gaussian weights; stable threshold: 64 steps. No axial
 * deconvolution unless its σ is set ({@link AxialDeconvolution}; the pipeline sets it from the PSF for
 * stacks), {@value #DEFAULT_DECONVOLUTION_ITERATIONS} iterations.
 */
public final class SegmentationSettings {

	/** Default minimum object area of 2D images, µm². */
	public static final double DEFAULT_MIN_AREA_UM2 = 0.05;
	/** Default minimum object volume of stacks, µm³. */
	public static final double DEFAULT_MIN_VOLUME_UM3 = 0.01;
	/** Default number of Richardson–Lucy iterations of the axial deconvolution. */
	public static final int DEFAULT_DECONVOLUTION_ITERATIONS = 30;

	private final double backgroundRadiusUm;
	private final double medianRadiusUm;
	private final double gaussianSigmaUm;
	private final boolean tubeness;
	private final double[] tubenessScalesUm;
	private final TubenessMethod tubenessMethod;
	private final ThresholdMode thresholdMode;
	private final ThresholdMethod thresholdMethod;
	private final double localBlockUm;
	private final double localOffset;
	private final LocalThreshold.Weighting localWeighting;
	private final int stableSteps;
	private final double minSizeUm;
	private final double axialDeconvolutionUm;
	private final int deconvolutionIterations;
	private final boolean fillHoles;
	private final Connectivity connectivity;

	private SegmentationSettings(final Builder b) {
		backgroundRadiusUm = nonNegative(b.backgroundRadiusUm, "background radius");
		medianRadiusUm = nonNegative(b.medianRadiusUm, "median radius");
		gaussianSigmaUm = nonNegative(b.gaussianSigmaUm, "Gaussian sigma");
		tubeness = b.tubeness;
		if (b.tubenessScalesUm == null || b.tubenessScalesUm.length == 0) throw new IllegalArgumentException("need at least one tubeness scale");
		for (final double s : b.tubenessScalesUm)
			if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("tubeness scales must be positive µm: " + Arrays.toString(b.tubenessScalesUm));
		tubenessScalesUm = b.tubenessScalesUm.clone();
		tubenessMethod = req(b.tubenessMethod, "tubeness method");
		thresholdMode = req(b.thresholdMode, "threshold mode");
		thresholdMethod = req(b.thresholdMethod, "threshold method");
		if (!(b.localBlockUm > 0) || Double.isInfinite(b.localBlockUm)) throw new IllegalArgumentException("local block size must be positive µm, got " + b.localBlockUm);
		localBlockUm = b.localBlockUm;
		if (!Double.isFinite(b.localOffset)) throw new IllegalArgumentException("local offset C must be finite");
		localOffset = b.localOffset;
		localWeighting = req(b.localWeighting, "local weighting");
		if (b.stableSteps < 4) throw new IllegalArgumentException("stable threshold needs at least 4 steps, got " + b.stableSteps);
		stableSteps = b.stableSteps;
		minSizeUm = Double.isNaN(b.minSizeUm) ? Double.NaN : nonNegative(b.minSizeUm, "minimum object size");
		axialDeconvolutionUm = nonNegative(b.axialDeconvolutionUm, "axial deconvolution sigma");
		if (b.deconvolutionIterations < 0) throw new IllegalArgumentException("deconvolution iterations must be ≥ 0, got " + b.deconvolutionIterations);
		deconvolutionIterations = b.deconvolutionIterations;
		fillHoles = b.fillHoles;
		connectivity = req(b.connectivity, "connectivity");
	}

	private static double nonNegative(final double v, final String what) {
		if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be finite and ≥ 0, got " + v);
		return v;
	}

	private static <T> T req(final T v, final String what) {
		if (v == null) throw new IllegalArgumentException(what + " must not be null");
		return v;
	}

	/** @return the default settings (see class documentation). */
	public static SegmentationSettings defaults() {
		return builder().build();
	}

	/** @return a builder holding the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** @return a builder holding these settings. */
	public Builder toBuilder() {
		final Builder b = new Builder();
		b.backgroundRadiusUm = backgroundRadiusUm;
		b.medianRadiusUm = medianRadiusUm;
		b.gaussianSigmaUm = gaussianSigmaUm;
		b.tubeness = tubeness;
		b.tubenessScalesUm = tubenessScalesUm.clone();
		b.tubenessMethod = tubenessMethod;
		b.thresholdMode = thresholdMode;
		b.thresholdMethod = thresholdMethod;
		b.localBlockUm = localBlockUm;
		b.localOffset = localOffset;
		b.localWeighting = localWeighting;
		b.stableSteps = stableSteps;
		b.minSizeUm = minSizeUm;
		b.axialDeconvolutionUm = axialDeconvolutionUm;
		b.deconvolutionIterations = deconvolutionIterations;
		b.fillHoles = fillHoles;
		b.connectivity = connectivity;
		return b;
	}

	/** @return top-hat radius in µm (0 = no background subtraction). */
	public double backgroundRadiusUm() { return backgroundRadiusUm; }

	/** @return median radius in µm (0 = off). */
	public double medianRadiusUm() { return medianRadiusUm; }

	/** @return Gaussian σ in µm applied after the median (0 = off). */
	public double gaussianSigmaUm() { return gaussianSigmaUm; }

	/** @return whether the thresholded image is the tubeness of the filtered image. */
	public boolean tubeness() { return tubeness; }

	/** @return tubeness scales σ in µm (a copy). */
	public double[] tubenessScalesUm() { return tubenessScalesUm.clone(); }

	/** @return tubeness measure. */
	public TubenessMethod tubenessMethod() { return tubenessMethod; }

	/** @return global, local or stable thresholding. */
	public ThresholdMode thresholdMode() { return thresholdMode; }

	/** @return global method used in {@link ThresholdMode#GLOBAL} mode. */
	public ThresholdMethod thresholdMethod() { return thresholdMethod; }

	/** @return local threshold block diameter in µm. */
	public double localBlockUm() { return localBlockUm; }

	/** @return local threshold offset C in units of the enhanced image. */
	public double localOffset() { return localOffset; }

	/** @return local mean weighting. */
	public LocalThreshold.Weighting localWeighting() { return localWeighting; }

	/** @return number of steps of the stable-threshold scan. */
	public int stableSteps() { return stableSteps; }

	/**
	 * @return minimum object size in µm² (2D) or µm³ (3D) as set, or NaN for the default of the image's
	 *         dimensionality ({@link #minSizeUm(int)})
	 */
	public double minSizeUm() { return minSizeUm; }

	/**
	 * @param dimensions 2 or 3
	 * @return the minimum object size for an image of that many dimensions: as set, else
	 *         {@value #DEFAULT_MIN_AREA_UM2} µm² (2D) or {@value #DEFAULT_MIN_VOLUME_UM3} µm³ (3D)
	 */
	public double minSizeUm(final int dimensions) {
		return !Double.isNaN(minSizeUm) ? minSizeUm : dimensions >= 3 ? DEFAULT_MIN_VOLUME_UM3 : DEFAULT_MIN_AREA_UM2;
	}

	/** @return σ (µm) of the axial blur that {@link AxialDeconvolution} removes from stacks before filtering (0 = off). */
	public double axialDeconvolutionUm() { return axialDeconvolutionUm; }

	/** @return Richardson–Lucy iterations of the axial deconvolution. */
	public int deconvolutionIterations() { return deconvolutionIterations; }

	/** @return whether holes are filled. */
	public boolean fillHoles() { return fillHoles; }

	/** @return connectivity of objects. */
	public Connectivity connectivity() { return connectivity; }

	@Override
	public String toString() {
		return "SegmentationSettings[background " + backgroundRadiusUm + " µm, median " + medianRadiusUm + " µm, gauss " + gaussianSigmaUm + " µm, tubeness " + (tubeness ? tubenessMethod + " " + Arrays.toString(tubenessScalesUm) + " µm" : "off") + ", " + thresholdMode
			+ (thresholdMode == ThresholdMode.GLOBAL ? " " + thresholdMethod.imageJName() : thresholdMode == ThresholdMode.LOCAL ? " block " + localBlockUm + " µm C " + localOffset + " " + localWeighting : " " + stableSteps + " steps")
			+ ", min size " + (Double.isNaN(minSizeUm) ? "default" : minSizeUm) + (axialDeconvolutionUm > 0 ? ", axial deconvolution σ " + axialDeconvolutionUm
				+ " µm × " + deconvolutionIterations : "") + ", fill holes " + fillHoles + ", " + connectivity + "]";
	}

	/** Mutable builder; starts with the defaults. */
	public static final class Builder {
		private double backgroundRadiusUm = 2.0;
		private double medianRadiusUm = 0.1;
		private double gaussianSigmaUm = 0;
		private boolean tubeness = false;
		private double[] tubenessScalesUm = { 0.1, 0.2 };
		private TubenessMethod tubenessMethod = TubenessMethod.SATO;
		private ThresholdMode thresholdMode = ThresholdMode.GLOBAL;
		private ThresholdMethod thresholdMethod = ThresholdMethod.OTSU;
		private double localBlockUm = 1.5;
		private double localOffset = 0;
		private LocalThreshold.Weighting localWeighting = LocalThreshold.Weighting.GAUSSIAN;
		private int stableSteps = 64;
		private double minSizeUm = Double.NaN;
		private double axialDeconvolutionUm = 0;
		private int deconvolutionIterations = DEFAULT_DECONVOLUTION_ITERATIONS;
		private boolean fillHoles = false;
		private Connectivity connectivity = Connectivity.FULL;

		private Builder() {}

		/** Top-hat radius in µm, 0 = off. */
		public Builder backgroundRadiusUm(final double v) { backgroundRadiusUm = v; return this; }

		/** Median radius in µm, 0 = off. */
		public Builder medianRadiusUm(final double v) { medianRadiusUm = v; return this; }

		/** Gaussian σ in µm, 0 = off. */
		public Builder gaussianSigmaUm(final double v) { gaussianSigmaUm = v; return this; }

		/** Threshold the tubeness instead of the filtered intensities. */
		public Builder tubeness(final boolean v) { tubeness = v; return this; }

		/** Tubeness scales σ in µm. */
		public Builder tubenessScalesUm(final double... v) { tubenessScalesUm = v == null ? null : v.clone(); return this; }

		/** Tubeness measure. */
		public Builder tubenessMethod(final TubenessMethod v) { tubenessMethod = v; return this; }

		/** Threshold mode. */
		public Builder thresholdMode(final ThresholdMode v) { thresholdMode = v; return this; }

		/** Global threshold method (also selects {@link ThresholdMode#GLOBAL}). */
		public Builder thresholdMethod(final ThresholdMethod v) { thresholdMethod = v; thresholdMode = ThresholdMode.GLOBAL; return this; }

		/** Local threshold: block diameter (µm), offset C and weighting (also selects {@link ThresholdMode#LOCAL}). */
		public Builder localThreshold(final double blockUm, final double offset, final LocalThreshold.Weighting w) {
			localBlockUm = blockUm;
			localOffset = offset;
			localWeighting = w;
			thresholdMode = ThresholdMode.LOCAL;
			return this;
		}

		/** Stable threshold with the given number of steps (also selects {@link ThresholdMode#STABLE}). */
		public Builder stableThreshold(final int steps) { stableSteps = steps; thresholdMode = ThresholdMode.STABLE; return this; }

		/** Minimum object size in µm² (2D) / µm³ (3D), 0 = keep all, NaN = the default of the dimensionality. */
		public Builder minSizeUm(final double v) { minSizeUm = v; return this; }

		/**
		 * Axial deconvolution of stacks before filtering ({@link AxialDeconvolution}).
		 *
		 * @param sigmaUm σ of the axial blur to remove, µm (0 = off)
		 * @param iterations Richardson–Lucy iterations
		 */
		public Builder axialDeconvolution(final double sigmaUm, final int iterations) {
			axialDeconvolutionUm = sigmaUm;
			deconvolutionIterations = iterations;
			return this;
		}

		/** Whether to fill holes. */
		public Builder fillHoles(final boolean v) { fillHoles = v; return this; }

		/** Object connectivity. */
		public Builder connectivity(final Connectivity v) { connectivity = v; return this; }

		/** @return the validated immutable settings. */
		public SegmentationSettings build() {
			return new SegmentationSettings(this);
		}
	}
}
