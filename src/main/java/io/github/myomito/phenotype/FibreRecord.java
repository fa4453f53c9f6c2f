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
	/** The cells as text when the values are parsed on first use ({@link #lazy}), else null. */
	private final String[] cells;
	/** Which values have been parsed from {@link #cells} (guarded by this record). */
	private final boolean[] parsed;

	/**
	 * @param values numeric columns by key (NaN for missing)
	 */
	public FibreRecord(final String file, final String fibre, final String region, final String condition, final String animal, final String timepoint,
		final String fibreType, final Map<String, Double> values) {
		this(file, fibre, region, condition, animal, timepoint, fibreType, indexOf(values.keySet()), values.values().stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray());
	}

	/** @return key → position, in the keys' order. */
	static Map<String, Integer> indexOf(final java.util.Collection<String> keys) {
		final Map<String, Integer> idx = new LinkedHashMap<>();
		for (final String k : keys) idx.putIfAbsent(k, idx.size());
		return Collections.unmodifiableMap(idx);
	}

	/** A record whose values are {@code vals[index.get(key)]}; the index is shared, the array is the record's own. */
	FibreRecord(final String file, final String fibre, final String region, final String condition, final String animal, final String timepoint,
		final String fibreType, final Map<String, Integer> index, final double[] vals) {
		this(file, fibre, region, condition, animal, timepoint, fibreType, index, vals, null);
	}

	/** @param cells the text cells, parsed into {@code vals} on first read, or null when {@code vals} holds the values */
	private FibreRecord(final String file, final String fibre, final String region, final String condition, final String animal, final String timepoint,
		final String fibreType, final Map<String, Integer> index, final double[] vals, final String[] cells) {
		this.file = file;
		this.fibre = fibre;
		this.region = region == null || region.isEmpty() ? "all" : region;
		this.condition = condition == null || condition.isEmpty() ? "all" : condition;
		this.animal = animal == null ? "" : animal;
		this.timepoint = timepoint == null ? "" : timepoint;
		this.fibreType = fibreType == null ? "" : fibreType;
		this.index = index;
		this.vals = vals;
		this.cells = cells;
		this.parsed = cells == null ? null : new boolean[cells.length];
	}

	/**
	 * A record over the text cells of a table row ({@code cells[index.get(key)]}), each parsed by {@link #parse}
	 * when it is first read: a classification reads a few dozen of a fibres table's ~150 columns, so most cells
	 * are never parsed. The values are those of the eager constructor; reading is thread-safe.
	 */
	static FibreRecord lazy(final String file, final String fibre, final String region, final String condition, final String animal,
		final String timepoint, final String fibreType, final Map<String, Integer> index, final String[] cells) {
		return new FibreRecord(file, fibre, region, condition, animal, timepoint, fibreType, index, new double[cells.length], cells);
	}

	/** @return a cell's number: NaN for an empty, "NaN" or non-numeric cell (text such as hashes or spacings). */
	static double parse(final String s) {
		if (s == null || s.isEmpty()) return Double.NaN;
		if (s.equals("NaN")) return Double.NaN;
		// only the characters of a decimal number (text cells never reach the parser)
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || (c == 'I' && s.endsWith("Infinity")))) return Double.NaN;
		}
		try {
			return Double.parseDouble(s);
		}
		catch (final NumberFormatException e) {
			return Double.NaN;
		}
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
		if (i == null) return Double.NaN;
		if (cells == null) return vals[i];
		synchronized (this) {
			if (!parsed[i]) {
				vals[i] = parse(cells[i]);
				parsed[i] = true;
			}
			return vals[i];
		}
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
