package io.github.myomito.coloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable result of {@link PixelColocalisation#compute}. Undefined statistics (constant channel,
 * empty pixel set) are {@code NaN} and explained in {@link #warnings()}.
 * <p>
 * Definitions, over the n pixels used (inside the mask, both channels finite), with
 * {@code R = ch1}, {@code G = ch2}:
 * <ul>
 * <li>Pearson {@code r = Σ(R−R̄)(G−Ḡ) / √(Σ(R−R̄)² Σ(G−Ḡ)²)}; {@link #pearsonAbove()} over the pixels
 * with {@code R > T1 ∧ G > T2}; {@link #pearsonBelow()} over the complement, {@code R ≤ T1 ∨ G ≤ T2}.</li>
 * <li>Manders et al. 1993 (doi:10.1111/j.1365-2818.1993.tb03313.x): {@code M1 = Σ_{G>0} R / Σ R},
 * {@code M2 = Σ_{R>0} G / Σ G}.</li>
 * <li>Thresholded Manders (Costes et al. 2004, doi:10.1529/biophysj.103.038422), as Fiji's Coloc 2
 * computes them: {@code tM1 = Σ_{G>0 ∧ G≥T2} R / Σ R}, {@code tM2 = Σ_{R>0 ∧ R≥T1} G / Σ G} (sums over the
 * region). The fraction of each channel's intensity above its own threshold that colocalises
 * ({@link #mandersTM1AboveT1()} {@code = Σ_{R>T1 ∧ G>T2} R / Σ_{R>T1} R}, {@link #mandersTM2AboveT2()}
 * {@code = Σ_{R>T1 ∧ G>T2} G / Σ_{G>T2} G}; Coloc 2's "%Ch1 Int &gt; thresh") is what MyoMito called tM1/tM2
 * before 0.1.0.</li>
 * <li>Costes significance: {@link #costesP()} = fraction of block-randomised Pearson r strictly below
 * the observed r (≥ 0.95 = significant colocalisation), {@link #costesFractionAtOrAbove()} = 1 − P.</li>
 * <li>Spearman ρ (Pearson r of average ranks), Kendall τ-b (Knight 1966), Li's ICQ
 * (Li et al. 2004, doi:10.1523/JNEUROSCI.0346-04.2004), see {@link RankStatistics}.</li>
 * </ul>
 */
public final class ColocResult {

	private final int n;
	private final double pearson, pearsonAbove, pearsonBelow;
	private final double mandersM1, mandersM2, mandersTM1, mandersTM2, mandersTM1AboveT1, mandersTM2AboveT2;
	private final double threshold1, threshold2;
	private final double regressionSlope, regressionIntercept;
	private final int randomisations;
	private final double costesP, costesFractionAtOrAbove, randomisedMean, randomisedSD;
	private final double spearman, kendallTau, liIcq;
	private final List<String> warnings;

	ColocResult(final Draft d) {
		this.n = d.n;
		this.pearson = d.pearson;
		this.pearsonAbove = d.pearsonAbove;
		this.pearsonBelow = d.pearsonBelow;
		this.mandersM1 = d.mandersM1;
		this.mandersM2 = d.mandersM2;
		this.mandersTM1 = d.mandersTM1;
		this.mandersTM2 = d.mandersTM2;
		this.mandersTM1AboveT1 = d.mandersTM1AboveT1;
		this.mandersTM2AboveT2 = d.mandersTM2AboveT2;
		this.threshold1 = d.threshold1;
		this.threshold2 = d.threshold2;
		this.regressionSlope = d.regressionSlope;
		this.regressionIntercept = d.regressionIntercept;
		this.randomisations = d.randomisations;
		this.costesP = d.costesP;
		this.costesFractionAtOrAbove = d.costesFractionAtOrAbove;
		this.randomisedMean = d.randomisedMean;
		this.randomisedSD = d.randomisedSD;
		this.spearman = d.spearman;
		this.kendallTau = d.kendallTau;
		this.liIcq = d.liIcq;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(d.warnings));
	}

	/** @return number of pixels used (in the mask, both channels finite) */
	public int n() { return n; }

	/** @return Pearson's r over all pixels used */
	public double pearson() { return pearson; }

	/** @return Pearson's r over pixels with {@code ch1 > T1 ∧ ch2 > T2} */
	public double pearsonAbove() { return pearsonAbove; }

	/** @return Pearson's r over pixels with {@code ch1 ≤ T1 ∨ ch2 ≤ T2} */
	public double pearsonBelow() { return pearsonBelow; }

	/** @return Manders' M1 = Σ ch1 where ch2 &gt; 0, over Σ ch1 */
	public double mandersM1() { return mandersM1; }

	/** @return Manders' M2 = Σ ch2 where ch1 &gt; 0, over Σ ch2 */
	public double mandersM2() { return mandersM2; }

	/** @return thresholded tM1 (Coloc 2) = Σ ch1 where ch2 &gt; 0 ∧ ch2 ≥ T2, over Σ ch1 of the region */
	public double mandersTM1() { return mandersTM1; }

	/** @return thresholded tM2 (Coloc 2) = Σ ch2 where ch1 &gt; 0 ∧ ch1 ≥ T1, over Σ ch2 of the region */
	public double mandersTM2() { return mandersTM2; }

	/** @return Σ ch1 where ch1 &gt; T1 ∧ ch2 &gt; T2, over Σ ch1 where ch1 &gt; T1 (colocalised fraction of ch1 above its threshold) */
	public double mandersTM1AboveT1() { return mandersTM1AboveT1; }

	/** @return Σ ch2 where ch1 &gt; T1 ∧ ch2 &gt; T2, over Σ ch2 where ch2 &gt; T2 (colocalised fraction of ch2 above its threshold) */
	public double mandersTM2AboveT2() { return mandersTM2AboveT2; }

	/** @return channel-1 threshold T1 (Costes or manual) */
	public double threshold1() { return threshold1; }

	/** @return channel-2 threshold T2 (Costes or manual) */
	public double threshold2() { return threshold2; }

	/** @return slope a of the orthogonal regression ch2 = a·ch1 + b (NaN if undefined) */
	public double regressionSlope() { return regressionSlope; }

	/** @return intercept b of the orthogonal regression ch2 = a·ch1 + b (NaN if undefined) */
	public double regressionIntercept() { return regressionIntercept; }

	/** @return number of Costes randomisations performed (0 = skipped) */
	public int randomisations() { return randomisations; }

	/** @return Costes P: fraction of randomised r strictly below the observed r (NaN if skipped) */
	public double costesP() { return costesP; }

	/** @return fraction of randomised r ≥ the observed r (NaN if skipped) */
	public double costesFractionAtOrAbove() { return costesFractionAtOrAbove; }

	/** @return mean of the randomised r (NaN if skipped) */
	public double randomisedMean() { return randomisedMean; }

	/** @return sample standard deviation (n−1) of the randomised r (NaN if fewer than 2) */
	public double randomisedSD() { return randomisedSD; }

	/** @return Spearman's ρ with average ranks for ties */
	public double spearman() { return spearman; }

	/** @return Kendall's τ-b */
	public double kendallTau() { return kendallTau; }

	/** @return Li's intensity correlation quotient, in [−0.5, 0.5] */
	public double liIcq() { return liIcq; }

	/** @return warnings (undefined statistics, negative intensities, ...), unmodifiable */
	public List<String> warnings() { return warnings; }

	/** @return {@code true} when {@link #costesP()} ≥ 0.95 */
	public boolean isSignificant() { return costesP >= 0.95; }

	@Override
	public String toString() {
		return "ColocResult[n=" + n + ", r=" + pearson + ", M1=" + mandersM1 + ", M2=" + mandersM2 + ", tM1=" + mandersTM1
			+ ", tM2=" + mandersTM2 + ", T=" + threshold1 + "/" + threshold2 + ", P=" + costesP + ", rho=" + spearman
			+ ", tau=" + kendallTau + ", ICQ=" + liIcq + ", warnings=" + warnings + "]";
	}

	/** Mutable collector used while computing; package-private. */
	static final class Draft {
		int n;
		double pearson = Double.NaN, pearsonAbove = Double.NaN, pearsonBelow = Double.NaN;
		double mandersM1 = Double.NaN, mandersM2 = Double.NaN, mandersTM1 = Double.NaN, mandersTM2 = Double.NaN;
		double mandersTM1AboveT1 = Double.NaN, mandersTM2AboveT2 = Double.NaN;
		double threshold1 = Double.NaN, threshold2 = Double.NaN;
		double regressionSlope = Double.NaN, regressionIntercept = Double.NaN;
		int randomisations;
		double costesP = Double.NaN, costesFractionAtOrAbove = Double.NaN, randomisedMean = Double.NaN,
			randomisedSD = Double.NaN;
		double spearman = Double.NaN, kendallTau = Double.NaN, liIcq = Double.NaN;
		final List<String> warnings = new ArrayList<>();
	}
}
