package io.github.myomito.reporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.github.myomito.results.AtomicFiles;
import io.github.myomito.results.Table;

/**
 * The per-batch fibre-type call, applied after a batch to its assembled {@code fibres.csv}: a per-batch split
 * needs every fibre of the batch, so it cannot be made per image while the images run in parallel. The
 * {@code fibre_type_marker} of every whole-fibre row ({@code region = all}) goes to
 * {@link FibreTypeCaller#call}; each fibre's call is written to the {@code fibre_type} column of all its rows
 * (its subsarcolemmal and IMF rows too). Since {@code fibres.csv} of a run is identical to the one merged from
 * its chunks and the call depends only on the multiset of values, both give the same bytes. Call it from
 * {@code analyze}, {@code merge} (and the phenotype step) after the tables are assembled; it is idempotent.
 */
public final class FibreTypePostStep {

	private FibreTypePostStep() {}

	/**
	 * @param outDir a MyoMito output folder with {@code fibres.csv}
	 * @param s the marker settings (classes, thresholds)
	 * @return the number of fibres called (0 when none could be)
	 * @throws IOException when fibres.csv cannot be read or written, or lacks the fibre-type columns
	 */
	public static int apply(final Path outDir, final FibreTypeSettings s) throws IOException {
		final Path csv = outDir.resolve("fibres.csv");
		if (!Files.exists(csv)) return 0;
		final List<String> lines = Table.readLines(csv);
		if (lines.isEmpty()) return 0;
		final List<String> header = split(lines.get(0));
		final int cFile = header.indexOf("file"), cFibre = header.indexOf("fibre"), cRegion = header.indexOf("region");
		final int cMarker = header.indexOf("fibre_type_marker"), cType = header.indexOf("fibre_type");
		if (cFile < 0 || cFibre < 0 || cRegion < 0 || cMarker < 0 || cType < 0)
			throw new IOException(csv + ": no fibre_type_marker / fibre_type columns (written by another MyoMito version?)");
		final List<List<String>> rows = new ArrayList<>();
		final Map<String, Integer> index = new LinkedHashMap<>();
		final List<Double> values = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			final List<String> r = split(lines.get(i));
			rows.add(r);
			if (!"all".equals(r.get(cRegion))) continue;
			final String key = r.get(cFile) + "\u0000" + r.get(cFibre);
			if (index.containsKey(key)) continue;
			index.put(key, values.size());
			double v;
			try {
				v = r.get(cMarker).isEmpty() ? Double.NaN : Double.parseDouble(r.get(cMarker));
			}
			catch (final NumberFormatException e) {
				v = Double.NaN;
			}
			values.add(v);
		}
		final double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
		final String[] calls = FibreTypeCaller.call(x, s);
		int called = 0;
		for (final String c : calls) if (!c.isEmpty()) called++;
		final StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
		for (final List<String> r : rows) {
			final Integer k = index.get(r.get(cFile) + "\u0000" + r.get(cFibre));
			r.set(cType, k == null ? "" : calls[k]);
			for (int j = 0; j < r.size(); j++) sb.append(j > 0 ? "," : "").append(quote(r.get(j)));
			sb.append('\n');
		}
		AtomicFiles.writeString(csv, sb.toString());
		return called;
	}

	/**
	 * The same call on an in-memory fibres table (the Fiji commands' one image): the whole-fibre rows' marker
	 * values, read as their CSV text so that the call is the one {@link #apply(Path, FibreTypeSettings)} makes on
	 * the written file, and each fibre's call set on all its rows.
	 *
	 * @param fibres a fibres table (catalogue columns)
	 * @param s the marker settings
	 * @return the number of fibres called
	 */
	public static int apply(final Table fibres, final FibreTypeSettings s) {
		final Map<String, Integer> index = new LinkedHashMap<>();
		final List<Double> values = new ArrayList<>();
		for (int i = 0; i < fibres.size(); i++) {
			if (!"all".equals(fibres.getText(i, "region"))) continue;
			final String key = fibres.getText(i, "file") + "\u0000" + fibres.getText(i, "fibre");
			if (index.containsKey(key)) continue;
			index.put(key, values.size());
			final String t = fibres.getText(i, "fibre_type_marker");
			double v;
			try {
				v = t.isEmpty() ? Double.NaN : Double.parseDouble(t);
			}
			catch (final NumberFormatException e) {
				v = Double.NaN;
			}
			values.add(v);
		}
		final String[] calls = FibreTypeCaller.call(values.stream().mapToDouble(Double::doubleValue).toArray(), s);
		for (int i = 0; i < fibres.size(); i++) {
			final Integer k = index.get(fibres.getText(i, "file") + "\u0000" + fibres.getText(i, "fibre"));
			fibres.row(i).set("fibre_type", k == null ? "" : calls[k]);
		}
		int called = 0;
		for (final String c : calls) if (!c.isEmpty()) called++;
		return called;
	}

	/**
	 * The marker settings recorded in an output folder's {@code provenance.json} (its {@code settings.fibreType}),
	 * for {@code merge}, which has no analysis settings of its own.
	 *
	 * @return the settings, or null when the run had no marker channel or the file is missing
	 */
	public static FibreTypeSettings fromProvenance(final Path outDir) throws IOException {
		final Path p = outDir.resolve("provenance.json");
		if (!Files.exists(p)) return null;
		final JsonObject o = new Gson().fromJson(Files.readString(p, StandardCharsets.UTF_8), JsonObject.class);
		if (o == null || !o.has("settings") || !o.get("settings").isJsonObject()) return null;
		final JsonElement f = o.getAsJsonObject("settings").get("fibreType");
		if (f == null || !f.isJsonObject()) return null;
		final JsonObject fo = f.getAsJsonObject();
		double[] th = null;
		if (fo.has("thresholds") && fo.get("thresholds").isJsonArray()) {
			th = new double[fo.getAsJsonArray("thresholds").size()];
			for (int i = 0; i < th.length; i++) th[i] = fo.getAsJsonArray("thresholds").get(i).getAsDouble();
		}
		return FibreTypeSettings.of(fo.get("channel").getAsInt(), fo.get("classes").getAsInt(), th);
	}

	/** Splits one RFC 4180 record into its cells (quotes removed). */
	static List<String> split(final String line) {
		final List<String> out = new ArrayList<>();
		final StringBuilder cell = new StringBuilder();
		boolean q = false;
		for (int i = 0; i < line.length(); i++) {
			final char ch = line.charAt(i);
			if (q) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') q = false;
				else cell.append(ch);
			}
			else if (ch == '"') q = true;
			else if (ch == ',') {
				out.add(cell.toString());
				cell.setLength(0);
			}
			else cell.append(ch);
		}
		out.add(cell.toString());
		return out;
	}

	private static String quote(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
