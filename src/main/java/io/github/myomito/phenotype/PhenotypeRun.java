package io.github.myomito.phenotype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.github.myomito.results.AtomicFiles;
import io.github.myomito.results.Columns;
import io.github.myomito.results.Provenance;
import io.github.myomito.results.SampleSheet;
import io.github.myomito.results.Table;

/**
 * The phenotype step of a batch, shared by {@code analyze}, {@code merge}, {@code classify} and Fiji: reads the
 * fibre rows of an output folder ({@code fibres.csv}) and the sample sheet, classifies, and writes
 * {@code phenotypes.csv}, {@code groups.csv} and {@code report.html} atomically, and records the knowledge base
 * (name, SHA-256) and the options under {@code classification} in {@code provenance.json}. The outputs depend only on
 * fibres.csv, the sheet and the settings, so a chunked and merged batch gets the same bytes as one run.
 */
public final class PhenotypeRun {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

	private PhenotypeRun() {}

	/**
	 * Classifies the fibres of an output folder and writes the phenotype outputs into it.
	 *
	 * @param sheet the sample sheet, or null
	 * @return the classification, or null when the folder has no fibres.csv
	 */
	public static Classification run(final Path out, final Path sheet, final ClassificationSettings s) throws IOException {
		final Path fibres = out.resolve("fibres.csv");
		if (!Files.exists(fibres)) throw new IOException(out + ": no fibres.csv (not a MyoMito analyze output folder?)");
		final SampleSheet ss = sheet == null ? null : SampleSheet.read(sheet);
		final Classification c = Classification.of(records(fibres, ss, s.patterns().columnsRead()), s);
		phenotypesTable(c).writeCsv(out.resolve("phenotypes.csv"));
		groupsTable(c).writeCsv(out.resolve("groups.csv"));
		PhenotypeReport.write(out.resolve("report.html"), c, out);
		recordProvenance(out, sheet, c);
		return c;
	}

	/** Reads fibre records from a fibres.csv; design columns from the sheet (or null). */
	public static List<FibreRecord> records(final Path fibresCsv, final SampleSheet sheet) throws IOException {
		return records(fibresCsv, sheet, List.of());
	}

	/**
	 * Reads fibre records from a fibres.csv; design columns from the sheet (or null). The {@code parseNow}
	 * columns (e.g. {@link PatternLibrary#columnsRead}) are parsed while reading, the others when first read.
	 */
	public static List<FibreRecord> records(final Path fibresCsv, final SampleSheet sheet, final java.util.Collection<String> parseNow) throws IOException {
		final List<String> lines = Table.readLines(fibresCsv);
		if (lines.isEmpty()) throw new IOException(fibresCsv + ": empty file");
		final List<String> head = Table.splitRecord(lines.get(0));
		for (final String k : new String[] { "file", "fibre" })
			if (!head.contains(k)) throw new IOException(fibresCsv + ": no column " + k + " (not a MyoMito fibres table?)");
		// one column index for all rows (a key's first column), one array of numbers per row
		// (a plain map, read by every record's every value: not wrapped, the records never hand it out; the keys
		// interned so that the library's interned keys match them by identity)
		final Map<String, Integer> index = new java.util.HashMap<>();
		for (int j = 0; j < head.size(); j++) index.putIfAbsent(head.get(j).intern(), j);
		final Map<String, Integer> shared = index;
		final int file = index.get("file"), fibre = index.get("fibre"), region = index.getOrDefault("region", -1), type = index.getOrDefault("fibre_type", -1);
		final boolean[] ready = FibreRecord.columnsIn(shared, head.size(), parseNow);
		final List<FibreRecord> out = new ArrayList<>(lines.size());
		for (int i = 1; i < lines.size(); i++) {
			final String line = lines.get(i);
			final int[] st = FibreRecord.cellStarts(line, head.size());
			if (st != null) {
				// unquoted: the cells stay in the line until read
				if (st.length - 1 != head.size()) throw new IOException(fibresCsv + ": row " + i + " has " + (st.length - 1) + " cells, the header " + head.size());
				out.add(record(cell(line, st, file), cell(line, st, fibre), region < 0 ? "all" : cell(line, st, region), type < 0 ? null : cell(line, st, type),
					sheet, shared, null, null, line, st, ready));
				continue;
			}
			final List<String> r = Table.splitRecord(line);
			if (r.size() != head.size()) throw new IOException(fibresCsv + ": row " + i + " has " + r.size() + " cells, the header " + head.size());
			out.add(record(r.get(file), r.get(fibre), region < 0 ? "all" : r.get(region), type < 0 ? null : r.get(type), sheet, shared, null, r.toArray(new String[0]),
				null, null, null));
		}
		return out;
	}

	private static String cell(final String line, final int[] starts, final int j) {
		return line.substring(starts[j], starts[j + 1] - 1);
	}

	private static FibreRecord record(final String file, final String fibre, final String region, final String fibreType, final SampleSheet sheet,
		final Map<String, Integer> index, final double[] v, final String[] cells, final String line, final int[] starts, final boolean[] ready) {
		String cond = null, animal = null, tp = null, ft = fibreType;
		if (sheet != null) {
			cond = sheet.value(file, "condition");
			if (cond == null) cond = sheet.has("condition") ? "unassigned" : null;
			animal = sheet.value(file, "animal");
			tp = sheet.has("timepoint") ? sheet.value(file, "timepoint") : sheet.value(file, "stage");
			if (ft == null || ft.isEmpty()) ft = sheet.value(file, "fibre_type");
		}
		if (line != null) return FibreRecord.lazyLine(file, fibre, region, cond, animal, tp, ft, index, line, starts, ready);
		return cells != null ? FibreRecord.lazy(file, fibre, region, cond, animal, tp, ft, index, cells) : new FibreRecord(file, fibre, region, cond, animal, tp, ft, index, v);
	}

	/** Reads fibre records from rows of cells by column key (e.g. an ImageJ results table's rows). */
	public static List<FibreRecord> records(final List<Map<String, String>> rows, final SampleSheet sheet) {
		final List<FibreRecord> out = new ArrayList<>();
		for (final Map<String, String> m : rows) out.add(record(m, sheet));
		return out;
	}

	/** Reads fibre records from an in-memory fibres table (Fiji). */
	public static List<FibreRecord> records(final Table fibres, final SampleSheet sheet) {
		final List<FibreRecord> out = new ArrayList<>();
		for (final Map<String, String> m : fibres.asMaps()) out.add(record(m, sheet));
		return out;
	}

	private static FibreRecord record(final Map<String, String> text, final SampleSheet sheet) {
		final Map<String, Integer> index = FibreRecord.indexOf(text.keySet());
		final double[] v = new double[index.size()];
		int i = 0;
		for (final String cell : text.values()) v[i++] = FibreRecord.parse(cell);
		return record(text.getOrDefault("file", ""), text.getOrDefault("fibre", ""), text.getOrDefault("region", "all"), text.get("fibre_type"), sheet, index, v, null, null, null, null);
	}

	private static String patternsLabel(final Classification c) {
		return c.settings().patterns().id() + "@" + c.settings().patterns().version();
	}

	/** The call columns that {@link #withCalls} appends to a fibres table. */
	public static final List<io.github.myomito.results.Column> CALL_COLUMNS = List.of(Columns.NETWORK_TYPE, Columns.DYNAMICS_STATE, Columns.MITOPHAGY_STATE,
		Columns.CONSISTENT_MODELS, Columns.CONFLICTING_MODELS, Columns.CONFIDENCE, Columns.REFERENCE, Columns.EVIDENCE);

	/**
	 * The fibres table of one analysis with the phenotype calls appended to each row ({@link #CALL_COLUMNS}), as
	 * Fiji's <em>Analyze Mitochondrial Network</em> shows it. Without a sample sheet there is no control condition,
	 * so every call is against the built-in reference of the fibre's network type (and says so in
	 * {@code reference}); the values are those {@code classify} writes for the same rows.
	 */
	public static Table withCalls(final Table fibres, final ClassificationSettings s) {
		final List<io.github.myomito.results.Column> cols = new ArrayList<>(fibres.columns());
		for (final io.github.myomito.results.Column c : CALL_COLUMNS) if (!cols.contains(c)) cols.add(c);
		final Table t = new Table(fibres.name(), cols);
		if (fibres.size() == 0) return t;
		final Classification c = Classification.of(records(fibres, null), s);
		for (int r = 0; r < fibres.size(); r++) {
			final Table.Row row = t.addRow();
			for (final io.github.myomito.results.Column col : fibres.columns()) row.set(col, fibres.get(r, col.key()));
			final FibreCall f = c.calls().get(r);
			row.set(Columns.NETWORK_TYPE, f.networkType).set(Columns.DYNAMICS_STATE, f.dynamicsState).set(Columns.MITOPHAGY_STATE, f.mitophagyState)
				.set(Columns.CONSISTENT_MODELS, f.consistentModels).set(Columns.CONFLICTING_MODELS, f.conflictingModels).set(Columns.CONFIDENCE, round(f.confidence))
				.set(Columns.REFERENCE, f.reference).set(Columns.EVIDENCE, f.evidence);
		}
		return t;
	}

	/** @return phenotypes.csv as a table. */
	public static Table phenotypesTable(final Classification c) {
		final Table t = new Table("phenotypes", Columns.PHENOTYPES_TABLE);
		final String pat = patternsLabel(c);
		for (final FibreCall f : c.calls()) {
			t.addRow().set(Columns.FILE, f.fibre.file).set(Columns.FIBRE, f.fibre.fibre).set(Columns.REGION, f.fibre.region).set(Columns.CONDITION, f.fibre.condition)
				.set(Columns.ANIMAL, f.fibre.animal).set(Columns.TIMEPOINT, f.fibre.timepoint).set(Columns.NETWORK_TYPE, f.networkType)
				.set(Columns.NETWORK_SCORE, round(f.networkScore)).set(Columns.DYNAMICS_STATE, f.dynamicsState).set(Columns.DYNAMICS_SCORE, round(f.dynamicsScore))
				.set(Columns.DYNAMICS_SOURCE, f.measuredRates ? "measured rates" : "morphology").set(Columns.MITOPHAGY_STATE, f.mitophagyState)
				.set(Columns.MITOPHAGY_SCORE, round(f.mitophagyScore)).set(Columns.CONSISTENT_MODELS, f.consistentModels)
				.set(Columns.CONFLICTING_MODELS, f.conflictingModels).set(Columns.SIGNATURES, f.signatures).set(Columns.CONFIDENCE, round(f.confidence))
				.set(Columns.NETWORK_CONFIDENCE, round(f.networkConfidence)).set(Columns.DYNAMICS_CONFIDENCE, round(f.dynamicsConfidence))
				.set(Columns.MITOPHAGY_CONFIDENCE, round(f.mitophagyConfidence)).set(Columns.REFERENCE, f.reference).set(Columns.EVIDENCE, f.evidence)
				.set(Columns.PATTERNS, pat).set(Columns.VERSION, Provenance.version());
		}
		return t;
	}

	/** @return groups.csv as a table. */
	public static Table groupsTable(final Classification c) {
		final Table t = new Table("groups", Columns.GROUPS_TABLE);
		final String pat = patternsLabel(c);
		for (final GroupRow g : c.groups()) {
			final Table.Row r = t.addRow().set(Columns.RECORD, g.record).set(Columns.REGION, g.region).set(Columns.CONDITION, g.condition)
				.set(Columns.TIMEPOINT, g.timepoint).set(Columns.REPLICATION_UNIT, g.unit.id()).set(Columns.REFERENCE, g.reference).set(Columns.FEATURE, g.feature)
				.set(Columns.N, (long) g.n).set(Columns.PATTERNS, pat).set(Columns.VERSION, Provenance.version());
			if ("feature".equals(g.record))
				r.set(Columns.MEDIAN, round(g.median)).set(Columns.Q1, round(g.q1)).set(Columns.Q3, round(g.q3)).set(Columns.CONTROL_N, (long) g.controlN)
					.set(Columns.CONTROL_MEDIAN, round(g.controlMedian)).set(Columns.CONTROL_Q1, round(g.controlQ1)).set(Columns.CONTROL_Q3, round(g.controlQ3))
					.set(Columns.CLIFFS_DELTA, round(g.cliffsDelta)).set(Columns.HEDGES_G, round(g.hedgesG)).set(Columns.MANN_WHITNEY_U, round(g.mannWhitneyU))
					.set(Columns.P_VALUE, round(g.pValue)).set(Columns.Q_VALUE, round(g.qValue));
			else
				r.set(Columns.NETWORK_TYPE, g.networkType).set(Columns.DYNAMICS_STATE, g.dynamicsState).set(Columns.MITOPHAGY_STATE, g.mitophagyState)
					.set(Columns.CONSISTENT_MODELS, g.consistentModels).set(Columns.CONFLICTING_MODELS, g.conflictingModels).set(Columns.CONFIDENCE, round(g.confidence))
					.set(Columns.EVIDENCE, g.evidence);
		}
		return t;
	}

	/** Ten significant digits: the same bytes on every platform, without binary noise in the last digits. */
	static Double round(final double x) {
		if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) return x;
		final double r = round10(x);
		if (!Double.isNaN(r)) return r;
		// a double whose shortest form has ≤ 10 digits is its own 10-digit rounding
		if (Table.digits(Double.toString(x)) <= 10) return x;
		return new java.math.BigDecimal(x).round(new java.math.MathContext(10)).doubleValue();
	}

	private static final double[] POW10 = new double[23];
	static {
		POW10[0] = 1;
		for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10; // exact up to 1e22
	}

	/**
	 * The value of {@code new BigDecimal(x).round(new MathContext(10)).doubleValue()} (half-up to ten significant
	 * digits, then the nearest double) without BigDecimal, or NaN where this cannot be sure: s = |x|·10^k with k
	 * chosen so that 10⁹ ≤ s &lt; 10¹⁰ carries a relative error ≤ 2⁻⁵² (one rounding; 10^|k| ≤ 10²² is exact),
	 * so m = ⌊s + ½⌋ is the decimal rounding unless s lies within 10⁻⁵ of a half (a tie or nearly one: NaN, the
	 * caller uses BigDecimal). m &lt; 2⁵³ and 10^|k| are exact, so m / 10^k (or m · 10^−k) is one correctly
	 * rounded operation: the double nearest to the decimal, as doubleValue() gives.
	 */
	static double round10(final double x) {
		final double ax = Math.abs(x);
		final int k = 9 - (int) Math.floor(Math.log10(ax));
		if (k < -22 || k > 22) return Double.NaN;
		final double s = k >= 0 ? ax * POW10[k] : ax / POW10[-k];
		if (!(s >= 1e9 && s < 1e10)) return Double.NaN;
		final double f = s - Math.floor(s);
		if (Math.abs(f - 0.5) < 1e-5) return Double.NaN;
		final double m = Math.floor(s + 0.5);
		final double r = k >= 0 ? m / POW10[k] : m * POW10[-k];
		return x < 0 ? -r : r;
	}

	private static void recordProvenance(final Path out, final Path sheet, final Classification c) throws IOException {
		final Path p = out.resolve("provenance.json");
		JsonObject prov = new JsonObject();
		if (Files.exists(p)) {
			try {
				prov = GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), JsonObject.class);
			}
			catch (final RuntimeException e) {
				throw new IOException(p + ": not valid JSON (" + e.getMessage() + ")");
			}
		}
		final JsonObject cl = new JsonObject();
		final PatternLibrary lib = c.settings().patterns();
		cl.addProperty("patterns", lib.name());
		cl.addProperty("patterns_id", lib.id());
		cl.addProperty("patterns_version", lib.version());
		cl.addProperty("patterns_sha256", lib.sha256());
		cl.addProperty("review_doi", lib.reviewDoi());
		cl.addProperty("control", c.settings().control());
		cl.addProperty("unit", c.unit().id());
		cl.addProperty("sample_sheet", sheet == null ? null : sheet.toString());
		cl.addProperty("sample_sheet_sha256", sheet == null ? null : Provenance.sha256(sheet));
		cl.addProperty("fibres", c.calls().size());
		prov.add("classification", cl);
		AtomicFiles.writeString(p, GSON.toJson(prov) + "\n");
	}
}
