package io.github.myomito.fiji;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.myomito.phenotype.Classification;
import io.github.myomito.phenotype.ClassificationSettings;
import io.github.myomito.phenotype.PatternLibrary;
import io.github.myomito.phenotype.PhenotypeRun;
import io.github.myomito.phenotype.Unit;

/**
 * {@code Plugins > MyoMito > Classify Phenotypes}: the phenotype calls of a folder of analyze outputs, as the CLI's
 * {@code classify} (phenotypes.csv, groups.csv, report.html in the folder; the calls in a results table), or,
 * without a folder, of the open "MyoMito Fibres" results table (e.g. several images analysed with
 * <em>Analyze Mitochondrial Network</em>; the calls in a table, nothing written).
 * Macro keys: {@code folder}, {@code sample_sheet}, {@code control}, {@code unit}, {@code patterns}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Classify Phenotypes")
public final class ClassifyPhenotypesCommand extends ContextCommand {

	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, required = false, label = "Analyze output folder", style = FileWidget.DIRECTORY_STYLE,
		description = "Output folder of Batch Analyze Folder / myomito analyze (with fibres.csv); empty: the open MyoMito Fibres table.")
	private File folder;
	@Parameter(persist = false, required = false, label = "Sample sheet", description = "CSV with columns file, condition (optional animal, timepoint or stage).")
	private File sample_sheet;
	@Parameter(persist = false, required = false, label = "Control condition", description = "Condition the others are compared to (case-insensitive).")
	private String control = ClassificationSettings.DEFAULT_CONTROL;
	@Parameter(persist = false, required = false, label = "Unit of replication", choices = { "default", "fibre", "image", "animal" },
		description = "default: animal when the sheet has an animal column, else image.")
	private String unit = "default";
	@Parameter(persist = false, required = false, label = "Patterns file", description = "Knowledge base (JSON, docs/phenotypes.md); empty: the built-in Lei et al. 2024.")
	private File patterns;

	/** The classification (for tests and scripts). */
	Classification result;

	@Override
	public void run() {
		try {
			final ClassificationSettings.Builder b = ClassificationSettings.builder().control(control == null || control.isBlank() ? ClassificationSettings.DEFAULT_CONTROL : control);
			if (unit != null && !"default".equals(unit)) b.unit(Unit.parse(unit));
			if (patterns != null && !patterns.getPath().isEmpty()) b.patterns(PatternLibrary.read(patterns.toPath()));
			final java.nio.file.Path sheet = sample_sheet == null || sample_sheet.getPath().isEmpty() ? null : sample_sheet.toPath();
			if (folder != null && !folder.getPath().isEmpty()) result = PhenotypeRun.run(folder.toPath(), sheet, b.build());
			else result = Classification.of(PhenotypeRun.records(openFibres(), sheet == null ? null : io.github.myomito.results.SampleSheet.read(sheet)), b.build());
			ResultsTables.show(PhenotypeRun.phenotypesTable(result), "MyoMito Phenotypes");
		}
		catch (final Exception e) {
			final String m = "Classify Phenotypes: " + e.getMessage();
			if (log != null) log.error(m);
			cancel(m);
		}
	}

	/** @return the rows of the open "MyoMito Fibres" results table, by column heading. */
	private static java.util.List<java.util.Map<String, String>> openFibres() {
		final ij.measure.ResultsTable rt = ij.measure.ResultsTable.getResultsTable(Doors.title("fibres"));
		if (rt == null || rt.size() == 0)
			throw new IllegalArgumentException("no folder given and no open " + Doors.title("fibres") + " table (run Analyze Mitochondrial Network first)");
		return rows(rt);
	}

	/** @return the rows of a results table by column heading, numbers at full precision. */
	static java.util.List<java.util.Map<String, String>> rows(final ij.measure.ResultsTable rt) {
		final java.util.List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
		final String[] head = rt.getHeadings();
		for (int r = 0; r < rt.size(); r++) {
			final java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
			for (final String h : head) {
				// numbers at full precision (the table's text shows only its decimal places)
				final double v = rt.getValue(h, r);
				m.put(h, Double.isNaN(v) ? rt.getStringValue(h, r) : Double.toString(v));
			}
			rows.add(m);
		}
		return rows;
	}
}
