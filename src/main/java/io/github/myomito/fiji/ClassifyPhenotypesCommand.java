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
 * {@code classify} (phenotypes.csv, groups.csv, report.html in the folder; the calls in a results table).
 * Macro keys: {@code folder}, {@code sample_sheet}, {@code control}, {@code unit}, {@code patterns}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Classify Phenotypes")
public final class ClassifyPhenotypesCommand extends ContextCommand {

	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Analyze output folder", description = "Output folder of Batch Analyze Folder / myomito analyze (with fibres.csv).",
		style = FileWidget.DIRECTORY_STYLE)
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
			result = PhenotypeRun.run(folder.toPath(), sample_sheet == null || sample_sheet.getPath().isEmpty() ? null : sample_sheet.toPath(), b.build());
			ResultsTables.show(PhenotypeRun.phenotypesTable(result), "MyoMito Phenotypes");
		}
		catch (final Exception e) {
			final String m = "Classify Phenotypes: " + e.getMessage();
			if (log != null) log.error(m);
			cancel(m);
		}
	}
}
