package io.github.myomito.phenotype;

/**
 * One row of {@code groups.csv}: either a feature's statistics for a condition against the control ({@code record}
 * = feature) or the condition's group calls ({@code record} = call).
 */
public final class GroupRow {
	/** feature or call. */
	public final String record;
	/** Region part. */
	public final String region;
	/** Condition. */
	public final String condition;
	/** Time point ("" if none). */
	public final String timepoint;
	/** Unit of replication. */
	public final Unit unit;
	/** Reference. */
	String reference;
	/** Feature key (feature rows). */
	public final String feature;
	/** Condition's n, median, quartiles. */
	public final double n, median, q1, q3;
	/** Control's n, median, quartiles. */
	public final double controlN, controlMedian, controlQ1, controlQ3;
	/** Effect sizes and test. */
	public final double cliffsDelta, hedgesG, mannWhitneyU, pValue;
	/** Benjamini–Hochberg q (set after all features of the group are known). */
	double qValue = Double.NaN;
	/** Calls (call rows). */
	String networkType = "", dynamicsState = "", mitophagyState = "", consistentModels = "", conflictingModels = "", evidence = "";
	/** Confidence (call rows). */
	double confidence = Double.NaN;

	GroupRow(final String record, final String region, final String condition, final String timepoint, final Unit unit, final String reference, final String feature,
		final double[] cond, final double[] ctrl, final double cliffsDelta, final double hedgesG, final double u, final double p) {
		this.record = record;
		this.region = region;
		this.condition = condition;
		this.timepoint = timepoint;
		this.unit = unit;
		this.reference = reference;
		this.feature = feature;
		this.n = cond[0];
		this.median = cond[1];
		this.q1 = cond[2];
		this.q3 = cond[3];
		this.controlN = ctrl[0];
		this.controlMedian = ctrl[1];
		this.controlQ1 = ctrl[2];
		this.controlQ3 = ctrl[3];
		this.cliffsDelta = cliffsDelta;
		this.hedgesG = hedgesG;
		this.mannWhitneyU = u;
		this.pValue = p;
	}

	/** @return the reference (control:&lt;name&gt;, built-in:&lt;type&gt;, self for the control, none). */
	public String reference() { return reference; }
	/** @return the BH q-value. */
	public double qValue() { return qValue; }
	/** @return the group network type (call rows). */
	public String networkType() { return networkType; }
	/** @return the group dynamics state (call rows). */
	public String dynamicsState() { return dynamicsState; }
	/** @return the group mitophagy state (call rows). */
	public String mitophagyState() { return mitophagyState; }
	/** @return consistent Table 3 rows (call rows). */
	public String consistentModels() { return consistentModels; }
	/** @return conflicting Table 3 rows (call rows). */
	public String conflictingModels() { return conflictingModels; }
	/** @return evidence (call rows). */
	public String evidence() { return evidence; }
	/** @return confidence (call rows). */
	public double confidence() { return confidence; }
}
