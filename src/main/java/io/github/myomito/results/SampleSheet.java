package io.github.myomito.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample sheet: a CSV with a {@code file} column and any design columns ({@code condition}, {@code animal},
 * {@code timepoint} or {@code stage}, {@code fibre_type}, …). Files are matched as given or by their file name.
 */
public final class SampleSheet {

	private final Path source;
	private final List<String> columns;
	private final Map<String, Map<String, String>> rows;

	private SampleSheet(final Path source, final List<String> columns, final Map<String, Map<String, String>> rows) {
		this.source = source;
		this.columns = Collections.unmodifiableList(columns);
		this.rows = Collections.unmodifiableMap(rows);
	}

	/** Reads a sheet; an IOException names the file and the problem (no file column, empty file). */
	public static SampleSheet read(final Path csv) throws IOException {
		final List<String> lines = Table.readLines(csv);
		if (lines.isEmpty()) throw new IOException(csv + ": empty sample sheet");
		String head = lines.get(0);
		if (head.startsWith("\uFEFF")) head = head.substring(1);
		final List<String> cols = new ArrayList<>();
		for (final String c : Table.splitRecord(head)) cols.add(c.trim());
		if (!cols.contains("file")) throw new IOException(csv + ": a sample sheet needs a file column (found " + cols + ")");
		final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) continue;
			final List<String> r = Table.splitRecord(lines.get(i));
			final Map<String, String> m = new LinkedHashMap<>();
			for (int k = 0; k < cols.size(); k++) m.put(cols.get(k), k < r.size() ? r.get(k).trim() : "");
			rows.put(m.get("file"), m);
		}
		return new SampleSheet(csv, cols, rows);
	}

	/** @return the sheet's path. */
	public Path source() { return source; }

	/** @return the column names in file order. */
	public List<String> columns() { return columns; }

	/** @return the files listed, in file order. */
	public List<String> files() { return new ArrayList<>(rows.keySet()); }

	/** @return true when the sheet has this column. */
	public boolean has(final String column) { return columns.contains(column); }

	/** @return the value of a column for a file (as given, else by file name), or null when the file is not listed. */
	public String value(final String file, final String column) {
		Map<String, String> r = rows.get(file);
		if (r == null) r = rows.get(Path.of(file).getFileName().toString());
		if (r == null)
			for (final Map.Entry<String, Map<String, String>> e : rows.entrySet())
				if (Path.of(e.getKey()).getFileName().toString().equals(Path.of(file).getFileName().toString())) {
					r = e.getValue();
					break;
				}
		return r == null ? null : r.get(column);
	}
}
