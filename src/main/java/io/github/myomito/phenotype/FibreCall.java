package io.github.myomito.phenotype;

/**
 * The phenotype call of one fibre (or part): the three calls, the Table 3 rows they agree and disagree with, the
 * confidences, the reference and the evidence. Labels are public API: network_type
 * {@code oxidative-lattice | intermediate | glycolytic-fragmented}, dynamics_state
 * {@code balanced | fission-dominant | fusion-dominant | swollen}, mitophagy_state
 * {@code elevated | basal | reduced | not-measured}.
 */
public final class FibreCall {

	/** The fibre. */
	public final FibreRecord fibre;
	/** Network type. */
	public final String networkType;
	/** Network score in [0, 1]. */
	public final double networkScore;
	/** Dynamics state. */
	public final String dynamicsState;
	/** Best signature score (weighted Stouffer z). */
	public final double dynamicsScore;
	/** Mitophagy state. */
	public final String mitophagyState;
	/** Mitophagy score (weighted Stouffer z, + = more mitophagy). */
	public final double mitophagyScore;
	/** Table 3 rows consistent with the calls. */
	public final String consistentModels;
	/** Table 3 rows that disagree. */
	public final String conflictingModels;
	/** Dynamics signatures of the review matching the call. */
	public final String signatures;
	/** Confidences. */
	public final double confidence, networkConfidence, dynamicsConfidence, mitophagyConfidence;
	/** control:&lt;name&gt; or built-in:&lt;type&gt; (or none). */
	public final String reference;
	/** Features, values, reference values and effect sizes behind each call. */
	public final String evidence;
	/** Dynamics measured from rates (time-lapse) rather than morphology. */
	public final boolean measuredRates;

	FibreCall(final FibreRecord fibre, final String networkType, final double networkScore, final String dynamicsState, final double dynamicsScore,
		final String mitophagyState, final double mitophagyScore, final String consistentModels, final String conflictingModels, final String signatures,
		final double confidence, final double networkConfidence, final double dynamicsConfidence, final double mitophagyConfidence, final String reference,
		final String evidence, final boolean measuredRates) {
		this.fibre = fibre;
		this.networkType = networkType;
		this.networkScore = networkScore;
		this.dynamicsState = dynamicsState;
		this.dynamicsScore = dynamicsScore;
		this.mitophagyState = mitophagyState;
		this.mitophagyScore = mitophagyScore;
		this.consistentModels = consistentModels;
		this.conflictingModels = conflictingModels;
		this.signatures = signatures;
		this.confidence = confidence;
		this.networkConfidence = networkConfidence;
		this.dynamicsConfidence = dynamicsConfidence;
		this.mitophagyConfidence = mitophagyConfidence;
		this.reference = reference;
		this.evidence = evidence;
		this.measuredRates = measuredRates;
	}
}
