package io.github.myomito.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tidy results table: a fixed list of catalogue {@link Column}s and one row per thing (image, fibre,
 * object, branch, punctum). Values are formatted reproducibly ({@link #format}) so that the same input
 * gives the same bytes; CSV files are written atomically (temporary file, then rename).
 */
public final class Table {

	private final String name;
	private final List<Column> columns;
	private final Map<String, Integer> index = new HashMap<>();
	private final List<Object[]> rows = new ArrayList<>();

	/** @param name table name (e.g. "images"); @param columns the columns in output order */
	public Table(final String name, final List<Column> columns) {
		this.name = name;
		this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
		for (int i = 0; i < columns.size(); i++)
			if (index.put(columns.get(i).key(), i) != null) throw new IllegalArgumentException("duplicate column " + columns.get(i).key());
	}

	/** @return the table name. */
	public String name() {
		return name;
	}

	/** @return the columns in order. */
	public List<Column> columns() {
		return columns;
	}

	/** @return the number of rows. */
	public int size() {
		return rows.size();
	}

	/** Starts a new row; set values on it with {@link Row#set}. */
	public Row addRow() {
		final Object[] r = new Object[columns.size()];
		rows.add(r);
		return new Row(r);
	}

	/** @return row {@code r}, to change its values */
	public Row row(final int r) {
		return new Row(rows.get(r));
	}

	/** Appends all rows of another table with the same columns. */
	public void addAll(final Table other) {
		if (!other.columns.equals(columns)) throw new IllegalArgumentException("tables have different columns");
		for (final Object[] r : other.rows) rows.add(r.clone());
	}

	/** @return the value in row {@code r} of column {@code key} (null if unset). */
	public Object get(final int r, final String key) {
		return rows.get(r)[col(key)];
	}

	/** @return the value as a double (NaN when unset or text). */
	public double getDouble(final int r, final String key) {
		final Object v = get(r, key);
		return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
	}

	/** @return the formatted cell text. */
	public String getText(final int r, final String key) {
		return format(get(r, key));
	}

	private int col(final String key) {
		final Integer i = index.get(key);
		if (i == null) throw new IllegalArgumentException("table " + name + " has no column " + key);
		return i;
	}

	/** One row being filled. */
	public final class Row {
		private final Object[] values;

		private Row(final Object[] values) {
			this.values = values;
		}

		/** Sets a value by column. */
		public Row set(final Column c, final Object value) {
			return set(c.key(), value);
		}

		/** Sets a value by column key. */
		public Row set(final String key, final Object value) {
			values[col(key)] = value;
			return this;
		}

		/** Sets every key of the map that is a column of this table (others are ignored). */
		public Row setAll(final Map<String, ?> map) {
			for (final Map.Entry<String, ?> e : map.entrySet())
				if (index.containsKey(e.getKey())) values[index.get(e.getKey())] = e.getValue();
			return this;
		}
	}

	/** Significant digits of a formatted real (see {@link #format}). */
	public static final int SIGNIFICANT_DIGITS = 12;
	private static final java.math.MathContext DIGITS = new java.math.MathContext(SIGNIFICANT_DIGITS, java.math.RoundingMode.HALF_EVEN);

	/**
	 * Formats a value: integers as digits; reals rounded to {@value #SIGNIFICANT_DIGITS} significant digits
	 * (half-even, on the exact binary value) and written with {@link Double#toString} of that rounded value, so
	 * that summation noise in the last bits does not show (79.74, not 79.74000000000001) and output is still
	 * reproducible to the last digit; NaN as "NaN" (every table's missing number; an unset numeric cell is written NaN too), null as "" (missing text),
	 * infinities as "Infinity" / "-Infinity".
	 */
	public static String format(final Object v) {
		if (v == null) return "";
		if (v instanceof Double || v instanceof Float) {
			double d = ((Number) v).doubleValue();
			if (Double.isNaN(d)) return "NaN";
			if (Double.isInfinite(d)) return Double.toString(d);
			// a double whose shortest decimal form has ≤ 12 digits is its own 12-digit rounding: skip BigDecimal
			if (d != 0 && digits(Double.toString(d)) > SIGNIFICANT_DIGITS) d = new java.math.BigDecimal(d).round(DIGITS).doubleValue();
			if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d) + ".0";
			return Double.toString(d);
		}
		return v.toString();
	}

	/** @return the digits of a {@link Double#toString} mantissa, leading zeros left out (an upper bound of its significant digits). */
	public static int digits(final String t) {
		int n = 0;
		boolean lead = true;
		for (int i = 0; i < t.length(); i++) {
			final char c = t.charAt(i);
			if (c == 'E') break;
			if (c < '0' || c > '9') continue;
			if (lead && c == '0') continue;
			lead = false;
			n++;
		}
		return n;
	}

	/**
	 * A text cell made safe against CSV (formula) injection: a spreadsheet runs a cell that starts with
	 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return as a formula
	 * ({@code =HYPERLINK(…)}), so such text gets a leading apostrophe, which spreadsheets show as text
	 * (OWASP, "CSV Injection"). Text that is a number ({@code -1.5}, {@code -Infinity}) is left as it
	 * is; numeric cells are never touched.
	 */
	public static String safeText(final String s) {
		if (s.isEmpty()) return s;
		final char c = s.charAt(0);
		if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return s;
		if (c == '+' || c == '-') {
			try {
				Double.parseDouble(s);
				return s;
			}
			catch (final NumberFormatException e) {
				// text: guard it
			}
		}
		return "'" + s;
	}

	/** @return the CSV text of a value: {@link #format}, and {@link #safeText} for text (not numbers). */
	static String cell(final Object v) {
		final String s = format(v);
		return v instanceof Number || v instanceof Boolean ? s : safeText(s);
	}

	/** Writes {@link #quote}{@code (s)}. */
	private static void writeQuoted(final Writer w, final String s) throws IOException {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			w.write(s);
			return;
		}
		w.write('"');
		w.write(s.indexOf('"') < 0 ? s : s.replace("\"", "\"\""));
		w.write('"');
	}

	/** CSV quoting (RFC 4180) of one cell. */
	static String quote(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/**
	 * One missing-value spelling (#16 item 11): an unset cell of a numeric column is NaN, like a measured
	 * NaN; an unset text cell stays empty.
	 */
	private static Object missing(final Object v, final Column c) {
		return v == null && c.type() != Column.Type.TEXT ? (Object) Double.NaN : v;
	}

	/** Writes the table as CSV (header = column keys). */
	public void writeCsv(final Writer w) throws IOException {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < columns.size(); i++) sb.append(i > 0 ? "," : "").append(columns.get(i).key());
		w.write(sb.append('\n').toString());
		// cells straight to the (buffered) writer: a row is not built and copied again as one string
		for (final Object[] r : rows) {
			for (int i = 0; i < r.length; i++) {
				if (i > 0) w.write(',');
				writeQuoted(w, cell(missing(r[i], columns.get(i))));
			}
			w.write('\n');
		}
	}

	/** Writes the table as CSV to a file, atomically. */
	public void writeCsv(final Path file) throws IOException {
		AtomicFiles.write(file, w -> writeCsv(w));
	}

	/** @return the rows as maps from key to formatted text (for JSON and tests). */
	public List<Map<String, String>> asMaps() {
		final List<Map<String, String>> out = new ArrayList<>();
		for (final Object[] r : rows) {
			final Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < r.length; i++) m.put(columns.get(i).key(), format(missing(r[i], columns.get(i))));
			out.add(m);
		}
		return out;
	}

	/** Reads the header and raw lines of a CSV written by {@link #writeCsv} (for merging). */
	public static List<String> readLines(final Path file) throws IOException {
		// the whole file decoded at once (strict UTF-8, like a reader: a malformed byte is an error), then cut at the
		// line ends of BufferedReader.readLine (\n, \r, \r\n); a record whose quotes are open goes on over the next line
		final String text = Files.readString(file, StandardCharsets.UTF_8);
		final List<String> lines = new ArrayList<>();
		final int n = text.length();
		int recordStart = 0, pos = 0, nl = -2, cr = -2, qt = -2, lastEnd = 0;
		boolean inQuote = false;
		while (pos < n) {
			// the next line end by two searches over the text, not a test of every character
			if (nl != -1 && nl < pos) nl = text.indexOf('\n', pos);
			if (cr != -1 && cr < pos) cr = text.indexOf('\r', pos);
			final int end = Math.min(nl < 0 ? n : nl, cr < 0 ? n : cr);
			if (qt != -1 && qt < pos) qt = text.indexOf('"', pos);
			for (; qt >= 0 && qt < end; qt = text.indexOf('"', qt + 1))
				inQuote = !inQuote;
			final int next = end == n ? n : text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
			if (!inQuote) {
				lines.add(recordStart == pos ? text.substring(pos, end) : joined(text, recordStart, end));
				recordStart = next;
			}
			pos = next;
			lastEnd = end;
		}
		// a quote left open at the end: the rest is one record (the cell's text as written, not dropped)
		if (inQuote && recordStart < n) lines.add(joined(text, recordStart, lastEnd));
		return lines;
	}

	/** A record that went on over several lines: its lines joined with \n whatever their line ends were. */
	private static String joined(final String text, final int from, final int to) {
		return text.substring(from, to).replace("\r\n", "\n").replace('\r', '\n');
	}

	/** Splits one CSV record (RFC 4180 quoting: "" inside quotes is a quote) into its cells. */
	public static List<String> splitRecord(final String line) {
		final List<String> out = new ArrayList<>();
		if (line.indexOf('"') < 0) {
			// no quoting: the cells lie between the commas
			int from = 0;
			for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
				out.add(line.substring(from, comma));
				from = comma + 1;
			}
			out.add(line.substring(from));
			return out;
		}
		final StringBuilder cur = new StringBuilder();
		boolean q = false;
		for (int i = 0; i < line.length(); i++) {
			final char ch = line.charAt(i);
			if (q) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cur.append('"');
					i++;
				}
				else if (ch == '"') q = false;
				else cur.append(ch);
			}
			else if (ch == '"') q = true;
			else if (ch == ',') {
				out.add(cur.toString());
				cur.setLength(0);
			}
			else cur.append(ch);
		}
		out.add(cur.toString());
		return out;
	}
}
