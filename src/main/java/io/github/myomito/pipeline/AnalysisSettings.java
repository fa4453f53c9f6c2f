package io.github.myomito.pipeline;

import com.google.gson.GsonBuilder;

import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.PunctaSettings;
import io.github.myomito.lattice.FibreDetectionSettings;
import io.github.myomito.lattice.Orientation;
import io.github.myomito.lattice.Periodicity;
import io.github.myomito.segment.SegmentationSettings;
import io.github.myomito.skeleton.AnalyzerSettings;

/**
 * Everything that decides an analysis's numbers, immutable, hashed into every output row
 * ({@code settings_hash}) and written to {@code provenance.json}. Built with {@link #builder()};
 * {@link #defaults()} is what the CLI, the Fiji commands and the macros use unless told otherwise.
 */
public final class AnalysisSettings {

	/** Where the fibres (regions of analysis) come from. */
	public enum FibreMode {
		/** The whole image is one fibre. */
		IMAGE,
		/** Fibres are detected from the mitochondrial signal ({@link io.github.myomito.lattice.FibreDetection}). */
		AUTO,
		/** Fibres are given (ROIs or a label image) with the input. */
		GIVEN
	}

	/** Default randomisation seed of every door (CLI {@code --seed}, Fiji {@code seed}). */
	public static final long DEFAULT_SEED = 42;
	/**
	 * Costes randomisations per region, the one default of {@code analyze}, {@code coloc}, the Fiji commands and the
	 * docs (#16 item 9: analyze had 0, coloc 100): {@link ColocSettings#DEFAULT_RANDOMISATIONS} = 100. With N
	 * shuffles the P-value moves in steps of 1/N, so 100 resolves the 0.95 level (Costes et al. 2004, Biophys J
	 * 86:3993, doi:10.1529/biophysj.103.038422, whose test this is) where Coloc 2's 10 cannot tell 0.95 from 0.9.
	 * Cost: see docs/performance.md; {@code --randomisations 0} skips the test (costes_p NaN).
	 */
	public static final int DEFAULT_RANDOMISATIONS = ColocSettings.DEFAULT_RANDOMISATIONS;

	private final int mitoChannel;
	private final int lc3Channel;
	private final double pixelSizeUm;
	private final double zStepUm;
	private final SegmentationSettings segmentation;
	private final AnalyzerSettings skeleton;
	private final FibreMode fibreMode;
	private final FibreDetectionSettings fibreDetection;
	private final double bandDepthUm;
	private final double axisDeg;
	private final double axisSigmaUm;
	private final double toleranceDeg;
	private final double minPeriodUm;
	private final double maxPeriodUm;
	private final double punctumRadiusUm;
	private final double punctaK;
	private final int randomisations;
	private final long seed;
	/** FWHM of a Gaussian in units of its σ, 2√(2 ln 2). */
	public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

	/**
	 * Default axial PSF FWHM in µm: {@code 0.88 λ / (n − √(n² − NA²))} for λ = 520 nm, NA 1.4 and immersion
	 * index n = 1.515 (confocal axial resolution as commonly approximated; Wilhelm et al., <i>Confocal Laser
	 * Scanning Microscopy: Principles</i>, Carl Zeiss, 2003), the axial companion of
	 * {@link ColocSettings#DEFAULT_PSF_UM}.
	 */
	public static final double DEFAULT_PSF_AXIAL_UM = 0.88 * 0.520 / (1.515 - Math.sqrt(1.515 * 1.515 - 1.4 * 1.4));

	private final double psfUm;
	private final double psfAxialUm;
	private final double spurFactor;
	private final boolean endCorrection;
	private final boolean junctionMerging;
	private final boolean axialDeconvolution;
	/** Mitophagy reporter (#15), null = none (so that the JSON and the settings hash stay as they were). */
	private final io.github.myomito.reporter.ReporterSettings reporter;
	/** Fibre-type marker (#15), null = none. */
	private final io.github.myomito.reporter.FibreTypeSettings fibreType;

	private AnalysisSettings(final Builder b) {
		if (b.mitoChannel < 1) throw new IllegalArgumentException("mitochondria channel must be ≥ 1, got " + b.mitoChannel);
		if (b.lc3Channel < 0) throw new IllegalArgumentException("LC3 channel must be ≥ 0 (0 = none), got " + b.lc3Channel);
		if (b.lc3Channel == b.mitoChannel) throw new IllegalArgumentException("LC3 and mitochondria channels must differ (both " + b.lc3Channel + ")");
		positiveOrNaN("pixel size", b.pixelSizeUm);
		positiveOrNaN("z step", b.zStepUm);
		if (b.bandDepthUm < 0) throw new IllegalArgumentException("subsarcolemmal band depth must be ≥ 0 µm, got " + b.bandDepthUm);
		if (!(b.toleranceDeg > 0 && b.toleranceDeg < 45)) throw new IllegalArgumentException("orientation tolerance must be in (0°, 45°), got " + b.toleranceDeg);
		if (!(b.minPeriodUm > 0 && b.maxPeriodUm > b.minPeriodUm)) throw new IllegalArgumentException("period range must satisfy 0 < min < max, got " + b.minPeriodUm + "–" + b.maxPeriodUm);
		if (!(b.punctumRadiusUm > 0)) throw new IllegalArgumentException("LC3 punctum radius must be > 0 µm, got " + b.punctumRadiusUm);
		if (b.randomisations < 0) throw new IllegalArgumentException("randomisations must be ≥ 0, got " + b.randomisations);
		if (!(b.spurFactor >= 0)) throw new IllegalArgumentException("spur factor must be ≥ 0, got " + b.spurFactor);
		if (!(b.psfUm > 0)) throw new IllegalArgumentException("PSF size must be > 0 µm, got " + b.psfUm);
		if (!(b.psfAxialUm > 0) || Double.isInfinite(b.psfAxialUm)) throw new IllegalArgumentException("axial PSF size must be > 0 µm, got " + b.psfAxialUm);
		mitoChannel = b.mitoChannel;
		lc3Channel = b.lc3Channel;
		pixelSizeUm = b.pixelSizeUm;
		zStepUm = b.zStepUm;
		segmentation = b.segmentation;
		skeleton = b.skeleton;
		fibreMode = b.fibreMode;
		fibreDetection = b.fibreDetection;
		bandDepthUm = b.bandDepthUm;
		axisDeg = b.axisDeg;
		axisSigmaUm = b.axisSigmaUm;
		toleranceDeg = b.toleranceDeg;
		minPeriodUm = b.minPeriodUm;
		maxPeriodUm = b.maxPeriodUm;
		punctumRadiusUm = b.punctumRadiusUm;
		punctaK = b.punctaK;
		randomisations = b.randomisations;
		seed = b.seed;
		psfUm = b.psfUm;
		psfAxialUm = b.psfAxialUm;
		spurFactor = b.spurFactor;
		endCorrection = b.endCorrection;
		junctionMerging = b.junctionMerging;
		axialDeconvolution = b.axialDeconvolution;
		reporter = b.reporter;
		fibreType = b.fibreType;
		if (reporter != null && reporter.neutralChannel() != mitoChannel)
			throw new IllegalArgumentException("mitochondria channel must be the reporter's neutral channel " + reporter.neutralChannel() + ", got " + mitoChannel);
		if (reporter != null && (reporter.acidChannel() == lc3Channel || (fibreType != null && fibreType.channel() == reporter.acidChannel())))
			throw new IllegalArgumentException("the reporter's acid channel " + reporter.acidChannel() + " is also used as another channel");
		if (fibreType != null && (fibreType.channel() == mitoChannel || fibreType.channel() == lc3Channel))
			throw new IllegalArgumentException("fibre-type-channel " + fibreType.channel() + " is also the mitochondria or LC3 channel");
	}

	private static void positiveOrNaN(final String what, final double v) {
		if (!Double.isNaN(v) && !(v > 0 && Double.isFinite(v))) throw new IllegalArgumentException(what + " must be a positive number of µm, got " + v);
	}

	/** @return the default settings. */
	public static AnalysisSettings defaults() {
		return builder().build();
	}

	/** @return a builder with the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** @return a builder initialised with these settings. */
	public Builder toBuilder() {
		final Builder b = new Builder();
		b.mitoChannel = mitoChannel;
		b.lc3Channel = lc3Channel;
		b.pixelSizeUm = pixelSizeUm;
		b.zStepUm = zStepUm;
		b.segmentation = segmentation;
		b.skeleton = skeleton;
		b.fibreMode = fibreMode;
		b.fibreDetection = fibreDetection;
		b.bandDepthUm = bandDepthUm;
		b.axisDeg = axisDeg;
		b.axisSigmaUm = axisSigmaUm;
		b.toleranceDeg = toleranceDeg;
		b.minPeriodUm = minPeriodUm;
		b.maxPeriodUm = maxPeriodUm;
		b.punctumRadiusUm = punctumRadiusUm;
		b.punctaK = punctaK;
		b.randomisations = randomisations;
		b.seed = seed;
		b.psfUm = psfUm;
		b.psfAxialUm = psfAxialUm;
		b.spurFactor = spurFactor;
		b.endCorrection = endCorrection;
		b.junctionMerging = junctionMerging;
		b.axialDeconvolution = axialDeconvolution;
		b.reporter = reporter;
		b.fibreType = fibreType;
		return b;
	}

	/** @return 1-based mitochondria channel. */
	public int mitoChannel() { return mitoChannel; }
	/** @return 1-based LC3 channel, 0 = none. */
	public int lc3Channel() { return lc3Channel; }
	/** @return pixel size override in µm (NaN = from the file). */
	public double pixelSizeUm() { return pixelSizeUm; }
	/** @return z step override in µm (NaN = from the file). */
	public double zStepUm() { return zStepUm; }
	/** @return segmentation settings. */
	public SegmentationSettings segmentation() { return segmentation; }
	/** @return skeleton analysis settings. */
	public AnalyzerSettings skeleton() { return skeleton; }
	/** @return fibre source. */
	public FibreMode fibreMode() { return fibreMode; }
	/** @return automatic fibre detection settings. */
	public FibreDetectionSettings fibreDetection() { return fibreDetection; }
	/** @return subsarcolemmal band depth in µm (0 = no split). */
	public double bandDepthUm() { return bandDepthUm; }
	/** @return user fibre axis in degrees, NaN = automatic. */
	public double axisDeg() { return axisDeg; }
	/** @return structure-tensor integration σ in µm. */
	public double axisSigmaUm() { return axisSigmaUm; }
	/** @return orientation tolerance θ in degrees. */
	public double toleranceDeg() { return toleranceDeg; }
	/** @return shortest period searched, µm. */
	public double minPeriodUm() { return minPeriodUm; }
	/** @return longest period searched, µm. */
	public double maxPeriodUm() { return maxPeriodUm; }
	/** @return expected LC3 punctum radius in µm. */
	public double punctumRadiusUm() { return punctumRadiusUm; }
	/** @return LC3 detection threshold factor k (median + k·MAD of the DoG response). */
	public double punctaK() { return punctaK; }
	/** @return Costes randomisations per fibre (0 = none; default {@link #DEFAULT_RANDOMISATIONS}). */
	public int randomisations() { return randomisations; }
	/** @return randomisation seed. */
	public long seed() { return seed; }
	/**
	 * @return PSF FWHM in µm: the block size of the Costes randomisation and, as σ = FWHM / (2√(2 ln 2)),
	 *         the blur of the free-end length correction ({@link #endCorrection()})
	 */
	public double psfUm() { return psfUm; }

	/** @return axial PSF FWHM in µm (3D stacks): sets the z scale of the spur and punctum decisions ({@link #decisionSpacing}). */
	public double psfAxialUm() { return psfAxialUm; }

	/**
	 * The spacing in which a 3D skeleton's spurs and round objects are judged: z scaled by
	 * the ratio of the lateral to the axial PSF, {@code s_z · psfUm / psfAxialUm}, so that a sub-resolution
	 * punctum, which the axial blur stretches along z into a rod-like blob, is round in it again, and the spurs
	 * thinning leaves at the z-ends of a blurred tube are as short as in-plane spurs. Lengths and all
	 * reported measures stay in physical µm. 2D images: the spacing itself.
	 *
	 * @param spacing physical µm per voxel
	 * @return a new array
	 */
	public double[] decisionSpacing(final double[] spacing) {
		final double[] d = spacing.clone();
		if (d.length == 3) d[2] *= psfUm / psfAxialUm;
		return d;
	}

	/** @return the PSF's Gaussian σ in µm, {@code psfUm() / (2√(2 ln 2))}. */
	public double psfSigmaUm() { return psfUm / FWHM_PER_SIGMA; }

	/**
	 * @return whether free branch ends are corrected for the blur of the PSF
	 *         ({@link io.github.myomito.network.EndCorrection}); stacks are corrected when deconvolved along z
	 *         ({@link #axialDeconvolution()}) or when their axial PSF is no longer than the lateral one
	 */
	public boolean endCorrection() { return endCorrection; }

	/**
	 * @return whether junctions whose inscribed balls overlap are merged into one branch point
	 *         ({@link io.github.myomito.skeleton.JunctionMerging}); off, the graph counts are AnalyzeSkeleton's
	 *         (after spur pruning)
	 */
	public boolean junctionMerging() { return junctionMerging; }

	/**
	 * @return whether stacks are deconvolved along z before segmentation to the lateral PSF
	 *         ({@link io.github.myomito.segment.AxialDeconvolution}, σ from {@link #psfUm()} and {@link #psfAxialUm()}; default on)
	 */
	public boolean axialDeconvolution() { return axialDeconvolution; }

	/** @return the mitophagy reporter settings, or null without a reporter. */
	public io.github.myomito.reporter.ReporterSettings reporter() { return reporter; }

	/** @return the fibre-type marker settings, or null without a marker channel. */
	public io.github.myomito.reporter.FibreTypeSettings fibreType() { return fibreType; }

	/**
	 * The segmentation settings for an image of the given size: {@link #segmentation()}, with, for a stack whose axial
	 * PSF is longer than the lateral one and {@link #axialDeconvolution()} on, the axial deconvolution of σ
	 * {@code √(σ_z² − σ_xy²)} (σ = FWHM / 2√(2 ln 2)) unless the segmentation settings set one themselves.
	 *
	 * @param dims the image's size
	 * @return the settings to segment it with
	 */
	public SegmentationSettings segmentationFor(final int[] dims) {
		if (dims.length < 3 || dims[2] < 2 || !axialDeconvolution || segmentation.axialDeconvolutionUm() > 0 || !(psfAxialUm > psfUm)) return segmentation;
		final double sz = psfAxialUm / FWHM_PER_SIGMA, sxy = psfUm / FWHM_PER_SIGMA;
		return segmentation.toBuilder().axialDeconvolution(Math.sqrt(sz * sz - sxy * sxy), segmentation.deconvolutionIterations()).build();
	}

	/**
	 * @return 0 = no spur pruning; &gt; 0 = prune (junction spurs by tip-ball protrusion, round objects by
	 *         elongation; the value is the radius factor of the label-free rule), see
	 *         {@link io.github.myomito.skeleton.SpurPruning}
	 */
	public double spurFactor() { return spurFactor; }

	/** @return channel roles implied by these settings (mitochondria, LC3 when set, OTHER elsewhere). */
	public io.github.myomito.image.ChannelRole[] channelRoles() {
		final int n = Math.max(Math.max(mitoChannel, lc3Channel), Math.max(reporter == null ? 0 : reporter.acidChannel(), fibreType == null ? 0 : fibreType.channel()));
		final io.github.myomito.image.ChannelRole[] r = new io.github.myomito.image.ChannelRole[n];
		java.util.Arrays.fill(r, io.github.myomito.image.ChannelRole.OTHER);
		r[mitoChannel - 1] = io.github.myomito.image.ChannelRole.MITOCHONDRIA;
		if (lc3Channel > 0) r[lc3Channel - 1] = io.github.myomito.image.ChannelRole.LC3;
		if (fibreType != null) r[fibreType.channel() - 1] = io.github.myomito.image.ChannelRole.FIBRE_TYPE;
		return r;
	}

	/** @return LC3 puncta settings derived from these settings. */
	public PunctaSettings punctaSettings() {
		return PunctaSettings.builder(punctumRadiusUm).k(punctaK).build();
	}

	/** @return colocalisation settings derived from these settings. */
	public ColocSettings colocSettings() {
		return ColocSettings.builder().randomisations(randomisations).seed(seed).psfUm(psfUm).build();
	}

	/** @return these settings as JSON (stable field order; the input of {@code settings_hash}). */
	public String toJson() {
		return new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(this);
	}

	/** Builder of {@link AnalysisSettings}. */
	public static final class Builder {
		private int mitoChannel = 1;
		private int lc3Channel = 0;
		private double pixelSizeUm = Double.NaN;
		private double zStepUm = Double.NaN;
		private SegmentationSettings segmentation = SegmentationSettings.defaults();
		private AnalyzerSettings skeleton = AnalyzerSettings.DEFAULT;
		private FibreMode fibreMode = FibreMode.IMAGE;
		private FibreDetectionSettings fibreDetection = FibreDetectionSettings.DEFAULT;
		private double bandDepthUm = 0;
		private double axisDeg = Double.NaN;
		private double axisSigmaUm = 1.0;
		private double toleranceDeg = Orientation.DEFAULT_TOLERANCE_DEG;
		private double minPeriodUm = Periodicity.DEFAULT_MIN_PERIOD_UM;
		private double maxPeriodUm = Periodicity.DEFAULT_MAX_PERIOD_UM;
		private double punctumRadiusUm = 0.3;
		private double punctaK = PunctaSettings.DEFAULT_K;
		private int randomisations = DEFAULT_RANDOMISATIONS;
		private long seed = DEFAULT_SEED;
		private double psfUm = ColocSettings.DEFAULT_PSF_UM;
		private double psfAxialUm = DEFAULT_PSF_AXIAL_UM;
		private double spurFactor = 1.5;
		private boolean endCorrection = true;
		private boolean junctionMerging = true;
		private boolean axialDeconvolution = true;
		private io.github.myomito.reporter.ReporterSettings reporter;
		private io.github.myomito.reporter.FibreTypeSettings fibreType;

		private Builder() {}

		/** @param c 1-based mitochondria channel */
		public Builder mitoChannel(final int c) { mitoChannel = c; return this; }
		/** @param c 1-based LC3 channel, 0 = none */
		public Builder lc3Channel(final int c) { lc3Channel = c; return this; }
		/** @param um pixel size override (NaN = from the file) */
		public Builder pixelSizeUm(final double um) { pixelSizeUm = um; return this; }
		/** @param um z step override (NaN = from the file) */
		public Builder zStepUm(final double um) { zStepUm = um; return this; }
		/** @param s segmentation settings */
		public Builder segmentation(final SegmentationSettings s) { segmentation = s; return this; }

		/**
		 * Sets the threshold the way users name it at every door: an ImageJ auto-threshold method
		 * ("Otsu", "Li", "Triangle", "Default", …), "local" (adaptive) or "stable".
		 *
		 * @throws IllegalArgumentException naming the valid choices
		 */
		public Builder threshold(final String spec) {
			final String t = spec == null ? "" : spec.trim().toLowerCase(java.util.Locale.ROOT);
			final SegmentationSettings.Builder b = segmentation.toBuilder();
			if (t.equals("local")) b.thresholdMode(io.github.myomito.segment.ThresholdMode.LOCAL);
			else if (t.equals("stable")) b.thresholdMode(io.github.myomito.segment.ThresholdMode.STABLE);
			else {
				try {
					b.thresholdMethod(io.github.myomito.segment.ThresholdMethod.fromName(spec == null ? "" : spec.trim()));
				}
				catch (final IllegalArgumentException e) {
					throw new IllegalArgumentException("threshold: " + e.getMessage() + " (or local, stable)");
				}
			}
			segmentation = b.build();
			return this;
		}

		/** @param um top-hat background radius in µm (0 = off) */
		public Builder backgroundUm(final double um) { segmentation = segmentation.toBuilder().backgroundRadiusUm(um).build(); return this; }

		/**
		 * Local threshold's block diameter and offset C ({@link io.github.myomito.segment.LocalThreshold}: foreground where
		 * f &gt; local mean − C), keeping the current weighting; does not select the local mode (see {@link #threshold}).
		 */
		public Builder localThreshold(final double blockUm, final double offset) {
			final SegmentationSettings cur = segmentation;
			final io.github.myomito.segment.ThresholdMode mode = cur.thresholdMode();
			final SegmentationSettings.Builder b = cur.toBuilder().localThreshold(blockUm, offset, cur.localWeighting());
			b.thresholdMode(mode);
			segmentation = b.build();
			return this;
		}

		/** @param on Hessian tubeness enhancement before the threshold (scales and method of {@link #segmentation()}) */
		public Builder tubeness(final boolean on) { segmentation = segmentation.toBuilder().tubeness(on).build(); return this; }

		/** @param um minimum object size in µm² (µm³ in 3D) */
		public Builder minSizeUm(final double um) { segmentation = segmentation.toBuilder().minSizeUm(um).build(); return this; }

		/** @param um prune end branches shorter than this (0 = off) */
		public Builder pruneUm(final double um) { skeleton = AnalyzerSettings.builder().pruneEndBranchesShorterThanUm(um).build(); return this; }
		/** @param s skeleton settings */
		public Builder skeleton(final AnalyzerSettings s) { skeleton = s; return this; }
		/** @param m fibre source */
		public Builder fibreMode(final FibreMode m) { fibreMode = m; return this; }
		/** @param s fibre detection settings */
		public Builder fibreDetection(final FibreDetectionSettings s) { fibreDetection = s; return this; }
		/** @param um subsarcolemmal band depth (0 = no split) */
		public Builder bandDepthUm(final double um) { bandDepthUm = um; return this; }
		/** @param deg fibre axis override (NaN = automatic) */
		public Builder axisDeg(final double deg) { axisDeg = deg; return this; }
		/** @param um structure-tensor σ */
		public Builder axisSigmaUm(final double um) { axisSigmaUm = um; return this; }
		/** @param deg orientation tolerance θ */
		public Builder toleranceDeg(final double deg) { toleranceDeg = deg; return this; }
		/** @param min shortest period, @param max longest period (µm) */
		public Builder periodRangeUm(final double min, final double max) { minPeriodUm = min; maxPeriodUm = max; return this; }
		/** @param um expected LC3 punctum radius */
		public Builder punctumRadiusUm(final double um) { punctumRadiusUm = um; return this; }
		/** @param k LC3 detection factor */
		public Builder punctaK(final double k) { punctaK = k; return this; }
		/** @param n Costes randomisations per fibre */
		public Builder randomisations(final int n) { randomisations = n; return this; }
		/** @param s randomisation seed */
		public Builder seed(final long s) { seed = s; return this; }
		/** @param um PSF FWHM (default {@value io.github.myomito.coloc.ColocSettings#DEFAULT_PSF_UM}: 520 nm at NA 1.4) */
		public Builder psfUm(final double um) { psfUm = um; return this; }

		/** @param um axial PSF FWHM (default {@link AnalysisSettings#DEFAULT_PSF_AXIAL_UM}, 0.49 µm) */
		public Builder psfAxialUm(final double um) { psfAxialUm = um; return this; }

		/** @param on whether to correct free branch ends for the PSF's blur (default on) */
		public Builder endCorrection(final boolean on) { endCorrection = on; return this; }

		/** @param on whether to merge junctions whose inscribed balls overlap (default on) */
		public Builder junctionMerging(final boolean on) { junctionMerging = on; return this; }

		/** @param on whether to deconvolve stacks along z before segmentation (default on, see {@link AnalysisSettings#axialDeconvolution()}) */
		public Builder axialDeconvolution(final boolean on) { axialDeconvolution = on; return this; }

		/** @param r mitophagy reporter (null = none); its neutral channel must be the mitochondria channel @return this */
		public Builder reporter(final io.github.myomito.reporter.ReporterSettings r) { reporter = r; return this; }

		/** @param f fibre-type marker (null = none) @return this */
		public Builder fibreType(final io.github.myomito.reporter.FibreTypeSettings f) { fibreType = f; return this; }

		/** @param f 0 = no spur pruning, &gt; 0 = prune (see {@link AnalysisSettings#spurFactor()}) */
		public Builder spurFactor(final double f) { spurFactor = f; return this; }

		/** @return the settings (validated). */
		public AnalysisSettings build() {
			return new AnalysisSettings(this);
		}
	}
}
