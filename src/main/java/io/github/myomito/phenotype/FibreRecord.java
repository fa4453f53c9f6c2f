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
	/**
	 * The unquoted CSV line when the values are parsed on first use from it ({@link #lazyLine}), else null; cell j
	 * is {@code line.substring(starts[j], starts[j + 1] - 1)}.
	 */
	private final String line;
	private final int[] starts;
	/** Which values have been parsed from {@link #cells} or {@link #line} (guarded by this record). */
	private final boolean[] parsed;
	/**
	 * The columns parsed when the record was made (shared by the records of a table, never written after): read
	 * without the lock, which the other columns' first read takes.
	 */
	private final boolean[] ready;

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
		this(file, fibre, region, condition, animal, timepoint, fibreType, index, vals, null, null, null, null);
	}

	/**
	 * @param cells the text cells, parsed into {@code vals} on first read, or null
	 * @param line an unquoted CSV line whose cells start at {@code starts} and are parsed on first read, or null
	 *            (both null: {@code vals} holds the values)
	 * @param ready the columns to parse now (the others on first read), or null for none
	 */
	private FibreRecord(final String file, final String fibre, final String region, final String condition, final String animal, final String timepoint,
		final String fibreType, final Map<String, Integer> index, final double[] vals, final String[] cells, final String line, final int[] starts,
		final boolean[] ready) {
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
		this.line = line;
		this.starts = starts;
		this.parsed = cells == null && line == null ? null : new boolean[vals.length];
		this.ready = parsed == null ? null : ready != null ? ready : new boolean[vals.length];
		if (ready != null)
			for (int i = 0; i < ready.length; i++)
				if (ready[i]) vals[i] = parse(cells != null ? cells[i] : line.substring(starts[i], starts[i + 1] - 1));
	}

	/** @return per column of {@code index} (positions below {@code columns}), whether its key is one of {@code keys}. */
	static boolean[] columnsIn(final Map<String, Integer> index, final int columns, final java.util.Collection<String> keys) {
		final boolean[] b = new boolean[columns];
		for (final String k : keys) {
			final Integer i = index.get(k);
			if (i != null && i < columns) b[i] = true;
		}
		return b;
	}

	/**
	 * A record over the text cells of a table row ({@code cells[index.get(key)]}), each parsed by {@link #parse}
	 * when it is first read: a classification reads a few dozen of a fibres table's ~150 columns, so most cells
	 * are never parsed. The values are those of the eager constructor; reading is thread-safe.
	 */
	static FibreRecord lazy(final String file, final String fibre, final String region, final String condition, final String animal,
		final String timepoint, final String fibreType, final Map<String, Integer> index, final String[] cells) {
		return new FibreRecord(file, fibre, region, condition, animal, timepoint, fibreType, index, new double[cells.length], cells, null, null, null);
	}

	/**
	 * A record over one unquoted CSV line whose cell j lies between {@code starts[j]} and {@code starts[j + 1] − 1}
	 * (the comma), {@code index} giving each key's column: like {@link #lazy}, but the line is not split into
	 * ~150 strings of which a classification reads a few dozen (on 10,000 rows that was 1.5 million strings held
	 * for the whole run). The {@code ready} columns (those a classification reads, {@link #columnsIn}) are parsed
	 * now, so that reading them needs no lock.
	 */
	static FibreRecord lazyLine(final String file, final String fibre, final String region, final String condition, final String animal,
		final String timepoint, final String fibreType, final Map<String, Integer> index, final String line, final int[] starts, final boolean[] ready) {
		return new FibreRecord(file, fibre, region, condition, animal, timepoint, fibreType, index, new double[starts.length - 1], null, line, starts, ready);
	}

	/**
	 * @return the start of every cell of an unquoted CSV line and, last, the line's length + 1, or null when the
	 *         line holds a quote (then {@code Table.splitRecord} must split it)
	 */
	static int[] cellStarts(final String line, final int cells) {
		if (line.indexOf('"') >= 0) return null;
		final int[] st = new int[cells + 1];
		int n = 1;
		for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', comma + 1)) {
			if (n == cells) return new int[(int) line.chars().filter(c -> c == ',').count() + 2]; // too many: only the count matters
			st[n++] = comma + 1;
		}
		st[n] = line.length() + 1;
		return n == cells ? st : java.util.Arrays.copyOf(st, n + 1);
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
		if (parsed == null || ready[i]) return vals[i];
		synchronized (this) {
			if (!parsed[i]) {
				vals[i] = parse(cells != null ? cells[i] : line.substring(starts[i], starts[i + 1] - 1));
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
