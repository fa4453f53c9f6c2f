package io.github.myomito.coloc;

/**
 * Immutable settings of {@link PixelColocalisation}: threshold rule, number of Costes
 * randomisations, random seed and the point-spread-function (PSF) size that sets the side of the
 * shuffled blocks.
 * <p>
 * Block side along axis d in pixels: {@code max(1, round(psf_d / spacing_d))}, where {@code psf_d}
 * is {@link #psfLateralUm()} for x and y and {@link #psfAxialUm()} for z. The spacing itself is
 * passed to {@link PixelColocalisation#compute} together with the pixels (one source of truth).
 * <p>
 * {@link Builder#psfFromOptics(double, double)} uses the lateral FWHM of a widefield/confocal
 * Airy spot, {@code FWHM = 0.51·λ/NA} (λ emission wavelength; e.g. 520 nm at NA 1.4 gives 0.189 µm).
 * Costes et al. 2004 (doi:10.1529/biophysj.103.038422) shuffle blocks of about the PSF size so that
 * the randomised images keep the image's own spatial autocorrelation.
 */
public final class ColocSettings {

	/** Default seed, fixed so that reruns give identical P-values. */
	public static final long DEFAULT_SEED = 0x5EED_C0C0L;
	/** Default number of Costes randomisations. */
	public static final int DEFAULT_RANDOMISATIONS = 100;
	/** Default PSF FWHM in µm (0.51·520 nm / 1.4). */
	public static final double DEFAULT_PSF_UM = 0.51 * 0.520 / 1.4;

	private final ThresholdMode thresholdMode;
	private final int randomisations;
	private final long seed;
	private final double psfLateralUm;
	private final double psfAxialUm;
	private final boolean rankStatistics;

	private ColocSettings(final Builder b) {
		this.thresholdMode = b.thresholdMode;
		this.randomisations = b.randomisations;
		this.seed = b.seed;
		this.psfLateralUm = b.psfLateralUm;
		this.psfAxialUm = Double.isNaN(b.psfAxialUm) ? b.psfLateralUm : b.psfAxialUm;
		this.rankStatistics = b.rankStatistics;
	}

	/** @return default settings: Costes thresholds, 100 randomisations, fixed seed, PSF 0.189 µm */
	public static ColocSettings defaults() {
		return builder().build();
	}

	/** @return a builder with the defaults */
	public static Builder builder() {
		return new Builder();
	}

	/** @return the threshold rule */
	public ThresholdMode thresholdMode() {
		return thresholdMode;
	}

	/** @return the number of Costes randomisations (0 = skip the significance test) */
	public int randomisations() {
		return randomisations;
	}

	/** @return the seed of the {@link java.util.SplittableRandom} used for shuffling */
	public long seed() {
		return seed;
	}

	/** @return the lateral (x, y) PSF FWHM in µm */
	public double psfLateralUm() {
		return psfLateralUm;
	}

	/** @return the axial (z) PSF FWHM in µm (the lateral one unless set) */
	public double psfAxialUm() {
		return psfAxialUm;
	}

	/**
	 * @return whether Spearman ρ and Kendall τ-b are computed (default {@code true}; they sort the
	 *         pixels and need about 40 extra bytes per pixel, which matters for very large stacks)
	 */
	public boolean rankStatistics() {
		return rankStatistics;
	}

	/**
	 * Block side in pixels along each axis: {@code max(1, round(psf_d / spacing_d))}.
	 *
	 * @param spacing µm per pixel per axis (2 or 3 entries)
	 */
	public int[] blockSizePx(final double[] spacing) {
		final int[] b = new int[spacing.length];
		for (int d = 0; d < spacing.length; d++) {
			final double psf = d < 2 ? psfLateralUm : psfAxialUm;
			b[d] = (int) Math.max(1, Math.round(psf / spacing[d]));
		}
		return b;
	}

	@Override
	public String toString() {
		return "ColocSettings[" + thresholdMode + ", randomisations=" + randomisations + ", seed=" + seed + ", psf="
			+ psfLateralUm + "/" + psfAxialUm + " µm, rankStatistics=" + rankStatistics + "]";
	}

	/** Builder of {@link ColocSettings}. */
	public static final class Builder {
		private ThresholdMode thresholdMode = ThresholdMode.COSTES;
		private int randomisations = DEFAULT_RANDOMISATIONS;
		private long seed = DEFAULT_SEED;
		private double psfLateralUm = DEFAULT_PSF_UM;
		private double psfAxialUm = Double.NaN;
		private boolean rankStatistics = true;

		private Builder() {}

		/** Enables or disables Spearman ρ and Kendall τ-b (NaN when disabled). */
		public Builder rankStatistics(final boolean compute) {
			this.rankStatistics = compute;
			return this;
		}

		/** Sets the threshold rule ({@link ThresholdMode#COSTES} or {@link ThresholdMode#manual}). */
		public Builder thresholdMode(final ThresholdMode mode) {
			if (mode == null) throw new IllegalArgumentException("threshold mode must not be null");
			this.thresholdMode = mode;
			return this;
		}

		/** Sets the number of Costes randomisations, ≥ 0 (0 skips the test). */
		public Builder randomisations(final int n) {
			if (n < 0) throw new IllegalArgumentException("number of randomisations must be ≥ 0, got " + n);
			this.randomisations = n;
			return this;
		}

		/** Sets the random seed. */
		public Builder seed(final long seed) {
			this.seed = seed;
			return this;
		}

		/** Sets the lateral PSF FWHM (block side) in µm, &gt; 0. */
		public Builder psfUm(final double fwhmUm) {
			if (!(fwhmUm > 0) || Double.isInfinite(fwhmUm))
				throw new IllegalArgumentException("PSF size must be a positive number of µm, got " + fwhmUm);
			this.psfLateralUm = fwhmUm;
			return this;
		}

		/** Sets the axial (z) PSF FWHM in µm, &gt; 0 (default: the lateral one). */
		public Builder psfAxialUm(final double fwhmUm) {
			if (!(fwhmUm > 0) || Double.isInfinite(fwhmUm))
				throw new IllegalArgumentException("axial PSF size must be a positive number of µm, got " + fwhmUm);
			this.psfAxialUm = fwhmUm;
			return this;
		}

		/**
		 * Sets the lateral PSF FWHM from the optics: {@code FWHM = 0.51·λ/NA}.
		 *
		 * @param wavelengthNm emission wavelength in nm (e.g. 520)
		 * @param numericalAperture objective NA (e.g. 1.4)
		 */
		public Builder psfFromOptics(final double wavelengthNm, final double numericalAperture) {
			if (!(wavelengthNm > 0) || Double.isInfinite(wavelengthNm))
				throw new IllegalArgumentException("wavelength must be a positive number of nm, got " + wavelengthNm);
			if (!(numericalAperture > 0) || numericalAperture > 1.7)
				throw new IllegalArgumentException("numerical aperture must be in (0, 1.7], got " + numericalAperture);
			return psfUm(0.51 * wavelengthNm / 1000.0 / numericalAperture);
		}

		/** @return the immutable settings */
		public ColocSettings build() {
			return new ColocSettings(this);
		}
	}
}
