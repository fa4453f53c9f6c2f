package io.github.myomito.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sample sheet: a CSV with a {@code file} column and any others ({@code condition}, {@code animal},
 * {@code timepoint}, {@code stage}, {@code fibre_type}, …), one row per image. Immutable.
 * <p>
 * Read robustly, as spreadsheets write them: UTF-8 with or without a byte-order mark, or Latin-1
 * (Windows-1252 exports) when the bytes are not valid UTF-8; comma- or, when the header has no comma,
 * semicolon-separated; RFC 4180 quotes (commas, quotes and line breaks inside a cell); blank lines
 * skipped; column names matched without regard to case and surrounding blanks; cells trimmed. A file
 * listed twice with the same values is one row; listed twice with different values, it is an error
 * naming both lines. A row is found by the file's path as the analysis names it, or by its file name
 * when that is unique in the sheet ({@link #value}).
 */
public final class SampleSheet {

	/** The column that names the image. */
	public static final String FILE = "file";

	private final Path source;
	private final List<String> columns;
	private final Map<String, Map<String, String>> rows;
	private final Map<String, String> byName;
	private final List<String> warnings;

	private SampleSheet(final Path source, final List<String> columns, final Map<String, Map<String, String>> rows, final Map<String, String> byName,
		final List<String> warnings) {
		this.source = source;
		this.columns = Collections.unmodifiableList(columns);
		this.rows = Collections.unmodifiableMap(rows);
		this.byName = Collections.unmodifiableMap(byName);
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/**
	 * Reads a sample sheet.
	 *
	 * @throws IOException one line naming the sheet (and line) when it is missing, empty, has no
	 *         {@code file} column, an unclosed quote, or conflicting rows for one file
	 */
	public static SampleSheet read(final Path csv) throws IOException {
		if (!Files.isRegularFile(csv)) throw new IOException(csv + ": no such sample sheet");
		final String text = decode(Files.readAllBytes(csv));
		final List<List<String>> records = new ArrayList<>();
		final List<Integer> lineOf = new ArrayList<>();
		final char sep = separator(text);
		parse(csv, text, sep, records, lineOf);
		if (records.isEmpty()) throw new IOException(csv + ": empty sample sheet");
		final List<String> head = new ArrayList<>();
		for (final String h : records.get(0)) head.add(h.trim().toLowerCase(Locale.ROOT));
		final int f = head.indexOf(FILE);
		if (f < 0) throw new IOException(csv + ": a sample sheet needs a column 'file' (found " + head + ")");
		final Set<String> seen = new HashSet<>();
		for (final String h : head)
			if (!h.isEmpty() && !seen.add(h)) throw new IOException(csv + ": column '" + h + "' appears twice in the header");
		final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		final Map<String, Integer> firstLine = new HashMap<>();
		final List<String> warnings = new ArrayList<>();
		for (int i = 1; i < records.size(); i++) {
			final List<String> r = records.get(i);
			final int line = lineOf.get(i);
			if (r.size() > head.size() && !r.subList(head.size(), r.size()).stream().allMatch(String::isBlank))
				throw new IOException(csv + ": line " + line + " has " + r.size() + " cells, the header " + head.size());
			final String file = f < r.size() ? r.get(f).trim() : "";
			if (file.isEmpty()) {
				warnings.add(csv + ": line " + line + " has no file name; ignored");
				continue;
			}
			final Map<String, String> row = new LinkedHashMap<>();
			for (int c = 0; c < head.size(); c++)
				if (!head.get(c).isEmpty()) row.put(head.get(c), c < r.size() ? r.get(c).trim() : "");
			final Map<String, String> old = rows.get(file);
			if (old != null) {
				if (!old.equals(row))
					throw new IOException(csv + ": " + file + " is listed twice with different values (lines " + firstLine.get(file) + " and " + line + ")");
				warnings.add(csv + ": " + file + " is listed twice (lines " + firstLine.get(file) + " and " + line + "); the same row");
				continue;
			}
			rows.put(file, Collections.unmodifiableMap(row));
			firstLine.put(file, line);
		}
		final Map<String, String> byName = new HashMap<>();
		final Set<String> ambiguous = new HashSet<>();
		for (final String file : rows.keySet()) {
			final String name = name(file);
			if (byName.containsKey(name) && !byName.get(name).equals(file)) ambiguous.add(name);
			byName.put(name, file);
		}
		for (final String a : ambiguous) byName.remove(a);
		final List<String> cols = new ArrayList<>();
		for (final String h : head)
			if (!h.isEmpty()) cols.add(h);
		return new SampleSheet(csv, cols, rows, byName, warnings);
	}

	/** @return the sheet's path. */
	public Path source() {
		return source;
	}

	/** @return the column names (lower case, in the sheet's order, {@code file} included). */
	public List<String> columns() {
		return columns;
	}

	/** @return the files as the sheet names them, in the sheet's order. */
	public List<String> files() {
		return new ArrayList<>(rows.keySet());
	}

	/** @return what was odd but not wrong (duplicate identical rows, rows without a file name). */
	public List<String> warnings() {
		return warnings;
	}

	/**
	 * @param file the image as the analysis names it (a path), or a file name
	 * @return the sheet's row for it (column → value), or null when the sheet does not list it
	 */
	public Map<String, String> row(final String file) {
		Map<String, String> r = rows.get(file);
		if (r == null) r = rows.get(Path.of(file).normalize().toString());
		if (r == null) {
			final String k = byName.get(name(file));
			if (k != null) r = rows.get(k);
		}
		return r;
	}

	/** @return true when the sheet has this column (names are matched case-insensitively). */
	public boolean has(final String column) {
		return columns().contains(column.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * @param file the image (see {@link #row})
	 * @param column a column name (any case)
	 * @return its value ("" when the cell is empty), or null when the file or the column is not in the sheet
	 */
	public String value(final String file, final String column) {
		final Map<String, String> r = row(file);
		return r == null ? null : r.get(column.trim().toLowerCase(Locale.ROOT));
	}

	/** @return file (as the sheet names it) → the value of {@code column}, in the sheet's order. */
	public Map<String, String> column(final String column) {
		final String c = column.trim().toLowerCase(Locale.ROOT);
		final Map<String, String> m = new LinkedHashMap<>();
		for (final Map.Entry<String, Map<String, String>> e : rows.entrySet())
			if (e.getValue().containsKey(c)) m.put(e.getKey(), e.getValue().get(c));
		return m;
	}

	/** @return the sheet's files that match none of {@code analysed} (by path or file name): typos, or images not in the run. */
	public List<String> unknown(final Collection<String> analysed) {
		final Set<String> hit = new HashSet<>();
		for (final String a : analysed) {
			final Map<String, String> r = row(a);
			if (r != null) hit.add(r.get(FILE));
		}
		final List<String> out = new ArrayList<>();
		for (final String f : rows.keySet())
			if (!hit.contains(f)) out.add(f);
		return out;
	}

	/**
	 * What of this sheet a run over {@code inputs} will not use, one line each, naming the sheet: its own
	 * {@link #warnings()} (rows listed twice, rows without a file), its files that match no input (typos,
	 * images not in the run; only when {@code allInputs}, since a chunk sees part of them), and the inputs
	 * it does not list (no condition).
	 *
	 * @param inputs the images of the run (paths)
	 * @param allInputs whether {@code inputs} are all the images the sheet describes (false for a {@code --chunk})
	 */
	public List<String> usageWarnings(final Collection<String> inputs, final boolean allInputs) {
		final List<String> out = new ArrayList<>(warnings);
		final List<String> unknown = unknown(inputs);
		if (allInputs && !unknown.isEmpty())
			out.add(source + ": " + unknown.size() + " file" + (unknown.size() == 1 ? " of the sample sheet matches" : "s of the sample sheet match")
				+ " no input image (not analysed): " + String.join(", ", unknown));
		final List<String> unlisted = new ArrayList<>();
		for (final String f : inputs)
			if (row(f) == null) unlisted.add(f);
		if (!unlisted.isEmpty())
			out.add(source + ": " + unlisted.size() + " input image" + (unlisted.size() == 1 ? " is" : "s are") + " not in the sample sheet (no condition): "
				+ String.join(", ", unlisted));
		return out;
	}

	private static String name(final String file) {
		final String s = file.replace('\\', '/');
		return s.substring(s.lastIndexOf('/') + 1);
	}

	/** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else Latin-1. */
	static String decode(final byte[] b) {
		String s;
		try {
			s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(b)).toString();
		}
		catch (final CharacterCodingException e) {
			s = new String(b, StandardCharsets.ISO_8859_1);
		}
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}

	private static char separator(final String text) {
		int end = text.indexOf('\n');
		if (end < 0) end = text.length();
		final String first = text.substring(0, end);
		return first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
	}

	/** RFC 4180 records; {@code lineOf} gets each record's first line number (1-based). */
	private static void parse(final Path csv, final String t, final char sep, final List<List<String>> records, final List<Integer> lineOf) throws IOException {
		List<String> rec = new ArrayList<>();
		final StringBuilder cell = new StringBuilder();
		boolean quoted = false, any = false;
		int line = 1, recLine = 1, quoteLine = 0;
		for (int i = 0; i < t.length(); i++) {
			final char c = t.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else quoted = false;
				}
				else {
					if (c == '\n') line++;
					cell.append(c);
				}
				continue;
			}
			if (c == '"') {
				quoted = true;
				quoteLine = line;
				any = true;
			}
			else if (c == sep) {
				rec.add(cell.toString());
				cell.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') i++;
				rec.add(cell.toString());
				cell.setLength(0);
				if (any || !rec.get(0).isBlank() || rec.size() > 1) {
					records.add(rec);
					lineOf.add(recLine);
				}
				rec = new ArrayList<>();
				any = false;
				line++;
				recLine = line;
			}
			else {
				cell.append(c);
				if (!Character.isWhitespace(c)) any = true;
			}
		}
		if (quoted) throw new IOException(csv + ": line " + quoteLine + ": a quote is not closed");
		rec.add(cell.toString());
		if (any || rec.size() > 1) {
			records.add(rec);
			lineOf.add(recLine);
		}
	}
}
