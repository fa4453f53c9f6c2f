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
		final Classification c = Classification.of(records(fibres, ss), s);
		phenotypesTable(c).writeCsv(out.resolve("phenotypes.csv"));
		groupsTable(c).writeCsv(out.resolve("groups.csv"));
		PhenotypeReport.write(out.resolve("report.html"), c, out);
		recordProvenance(out, sheet, c);
		return c;
	}

	/** Reads fibre records from a fibres.csv; design columns from the sheet (or null). */
	public static List<FibreRecord> records(final Path fibresCsv, final SampleSheet sheet) throws IOException {
		final List<String> lines = Table.readLines(fibresCsv);
		if (lines.isEmpty()) throw new IOException(fibresCsv + ": empty file");
		final List<String> head = Table.splitRecord(lines.get(0));
		for (final String k : new String[] { "file", "fibre" })
			if (!head.contains(k)) throw new IOException(fibresCsv + ": no column " + k + " (not a MyoMito fibres table?)");
		// one column index for all rows, one array of numbers per row
		final Map<String, Integer> index = FibreRecord.indexOf(head);
		final int file = index.get("file"), fibre = index.get("fibre"), region = index.getOrDefault("region", -1), type = index.getOrDefault("fibre_type", -1);
		final Map<String, Integer> shared = index;
		final List<FibreRecord> out = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			final List<String> r = Table.splitRecord(lines.get(i));
			if (r.size() != head.size()) throw new IOException(fibresCsv + ": row " + i + " has " + r.size() + " cells, the header " + head.size());
			final String[] cells = new String[index.size()];
			for (final int j : index.values()) cells[j] = r.get(j);
			out.add(record(r.get(file), r.get(fibre), region < 0 ? "all" : r.get(region), type < 0 ? null : r.get(type), sheet, shared, null, cells));
		}
		return out;
	}

	private static FibreRecord record(final String file, final String fibre, final String region, final String fibreType, final SampleSheet sheet,
		final Map<String, Integer> index, final double[] v, final String[] cells) {
		String cond = null, animal = null, tp = null, ft = fibreType;
		if (sheet != null) {
			cond = sheet.value(file, "condition");
			if (cond == null) cond = sheet.has("condition") ? "unassigned" : null;
			animal = sheet.value(file, "animal");
			tp = sheet.has("timepoint") ? sheet.value(file, "timepoint") : sheet.value(file, "stage");
			if (ft == null || ft.isEmpty()) ft = sheet.value(file, "fibre_type");
		}
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
		return record(text.getOrDefault("file", ""), text.getOrDefault("fibre", ""), text.getOrDefault("region", "all"), text.get("fibre_type"), sheet, index, v, null);
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
		// a double whose shortest form has ≤ 10 digits is its own 10-digit rounding
		if (Table.digits(Double.toString(x)) <= 10) return x;
		return new java.math.BigDecimal(x).round(new java.math.MathContext(10)).doubleValue();
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
