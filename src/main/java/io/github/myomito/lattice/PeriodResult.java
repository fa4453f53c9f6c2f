package io.github.myomito.lattice;

/**
 * The sarcomeric periodicity of a signal along the fibre axis: an immutable result of
 * {@link Periodicity#along}. When the profile is shorter than two maximal periods {@link #valid()} is false
 * and the period is NaN.
 */
public final class PeriodResult {

	private final boolean valid;
	private final double periodUm;
	private final double regularity;
	private final double doubletFraction;
	private final double doubletSpacingUm;
	private final int periodsExamined;
	private final double[] profile;
	private final double profileStepUm;
	private final double axisDeg;

	PeriodResult(final boolean valid, final double periodUm, final double regularity, final double doubletFraction, final double doubletSpacingUm, final int periodsExamined, final double[] profile,
		final double profileStepUm, final double axisDeg) {
		this.valid = valid;
		this.periodUm = periodUm;
		this.regularity = regularity;
		this.doubletFraction = doubletFraction;
		this.doubletSpacingUm = doubletSpacingUm;
		this.periodsExamined = periodsExamined;
		this.profile = profile.clone();
		this.profileStepUm = profileStepUm;
		this.axisDeg = axisDeg;
	}

	/** @return {@code true} when the profile was long enough (≥ 2 maximal periods) to estimate a period. */
	public boolean valid() {
		return valid;
	}

	/** @return dominant period in µm within the search band (NaN when not valid). */
	public double periodUm() {
		return periodUm;
	}

	/**
	 * @return regularity in [0, 1]: the Pearson correlation of the detrended profile with itself shifted by one
	 *         period (negative values clipped to 0); ~1 for a clean periodic train, ~0 for noise
	 */
	public double regularity() {
		return regularity;
	}

	/**
	 * @return {@code true} when the profile is regular enough to have a period: {@link #valid()} and
	 *         {@link #regularity()} ≥ {@link Periodicity#MIN_REGULARITY}. Below it the "dominant period" is only the
	 *         highest of noise peaks (a fragmented network has one too), so the tables report it as NaN.
	 */
	public boolean isPeriodic() {
		return valid && regularity >= Periodicity.MIN_REGULARITY;
	}

	/** @return fraction of whole periods whose profile shows two resolved peaks (NaN when no period fits). */
	public double doubletFraction() {
		return doubletFraction;
	}

	/** @return median spacing of the two peaks within doublet periods, µm (NaN when there is no doublet). */
	public double doubletSpacingUm() {
		return doubletSpacingUm;
	}

	/** @return number of whole periods examined for doublets. */
	public int periodsExamined() {
		return periodsExamined;
	}

	/** @return the mean intensity profile along the axis, one sample per {@link #profileStepUm()} (a copy). */
	public double[] profile() {
		return profile.clone();
	}

	/** @return sampling step of the profile in µm. */
	public double profileStepUm() {
		return profileStepUm;
	}

	/** @return the axis angle used, degrees in [0, 180). */
	public double axisDeg() {
		return axisDeg;
	}

	@Override
	public String toString() {
		return String.format("PeriodResult[%s period %.4f µm, regularity %.3f, doublets %.3f (spacing %.3f µm) over %d periods]", valid ? "" : "INVALID", periodUm, regularity, doubletFraction, doubletSpacingUm,
			periodsExamined);
	}
}
