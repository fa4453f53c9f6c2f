package io.github.myomito.phenotype;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured fibre (or SS / IMF part) as the classifier sees it: its identity, its place in the design (condition,
 * animal, time point from the sample sheet) and its numeric fibres.csv values by column key.
 */
public final class FibreRecord {

	/** Input file as in fibres.csv. */
	public final String file;
	/** Fibre name. */
	public final String fibre;
	/** all, subsarcolemmal or imf. */
	public final String region;
	/** Condition from the sample sheet ("all" without one). */
	public final String condition;
	/** Animal from the sample sheet, or "" (then the image is its own animal). */
	public final String animal;
	/** Time point or stage from the sample sheet, or "". */
	public final String timepoint;
	/** fibre_type from a marker channel, or "". */
	public final String fibreType;
	/** Column key → position in {@link #vals}; shared by the records of one table. */
	private final Map<String, Integer> index;
	private final double[] vals;

	/**
	 * @param values numeric columns by key (NaN for missing)
	 */
	public FibreRecord(final String file, final String fibre, final String region, final String condition, final String animal, final String timepoint,
		final String fibreType, final Map<String, Double> values) {
		this.file = file;
		this.fibre = fibre;
		this.region = region == null || region.isEmpty() ? "all" : region;
		this.condition = condition == null || condition.isEmpty() ? "all" : condition;
		this.animal = animal == null ? "" : animal;
		this.timepoint = timepoint == null ? "" : timepoint;
		this.fibreType = fibreType == null ? "" : fibreType;
		final Map<String, Integer> idx = new LinkedHashMap<>();
		this.vals = new double[values.size()];
		for (final Map.Entry<String, Double> e : values.entrySet()) {
			vals[idx.size()] = e.getValue() == null ? Double.NaN : e.getValue();
			idx.put(e.getKey(), idx.size());
		}
		this.index = Collections.unmodifiableMap(idx);
	}

	/** A record whose values are {@code vals[index.get(key)]}; the index is shared, the array is the record's own. */
	FibreRecord(final String file, final String fibre, final String region, final String condition, final String animal, final String timepoint,
		final String fibreType, final Map<String, Integer> index, final double[] vals) {
		this.file = file;
		this.fibre = fibre;
		this.region = region == null || region.isEmpty() ? "all" : region;
		this.condition = condition == null || condition.isEmpty() ? "all" : condition;
		this.animal = animal == null ? "" : animal;
		this.timepoint = timepoint == null ? "" : timepoint;
		this.fibreType = fibreType == null ? "" : fibreType;
		this.index = index;
		this.vals = vals;
	}

	/**
	 * @return the value of a column or of a derived feature ("a / b", NaN when b is 0), NaN when absent
	 */
	public double value(final PatternLibrary.Feature f) {
		if (f.derived == null) return value(f.key);
		final double a = value(f.numerator), b = value(f.denominator);
		return b == 0 ? Double.NaN : a / b;
	}

	/** @return the column's value, NaN when absent. */
	public double value(final String key) {
		final Integer i = index.get(key);
		return i == null ? Double.NaN : vals[i];
	}

	/** @return the unit this fibre belongs to at a level of replication. */
	String unitKey(final Unit unit) {
		switch (unit) {
			case FIBRE: return file + "\u0000" + fibre;
			case IMAGE: return file;
			default: return animal.isEmpty() ? "image:" + file : animal;
		}
	}
}
