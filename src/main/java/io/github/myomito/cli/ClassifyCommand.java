package io.github.myomito.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.myomito.phenotype.Classification;
import io.github.myomito.phenotype.PhenotypeRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myomito classify <analyze-output-dir> [--sample-sheet CSV] [--control NAME] [--unit fibre|image|animal]
 * [--patterns FILE]}: the phenotype calls of an analysed batch, without re-analysing (phenotypes.csv, groups.csv,
 * report.html in the folder).
 */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Call each fibre's phenotype (network type, dynamics and mitophagy state, Table 3 models) from an analyze output folder.",
		"Writes phenotypes.csv, groups.csv and report.html into the folder (docs/phenotypes.md)." })
final class ClassifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "ANALYZE_OUTPUT_DIR", description = "Output folder of analyze or merge (with fibres.csv).")
	Path dir;

	@Option(names = "--sample-sheet", paramLabel = "CSV", description = "CSV with columns file, condition (optional animal, timepoint or stage).")
	Path sampleSheet;

	@Mixin
	PhenotypeOptions phenotype = new PhenotypeOptions();

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(dir)) throw new Main.UsageException(dir + ": no such folder");
		if (!Files.exists(dir.resolve("fibres.csv"))) throw new Main.UsageException(dir + ": no fibres.csv (give the output folder of analyze or merge)");
		if (sampleSheet != null && !Files.isRegularFile(sampleSheet)) throw new Main.UsageException("--sample-sheet " + sampleSheet + ": no such file");
		final Classification c = PhenotypeRun.run(dir, sampleSheet, phenotype.settings());
		spec.commandLine().getErr().println(String.format(Locale.ROOT, "myomito classify: %d fibre row%s called (unit %s); phenotypes.csv, groups.csv, report.html in %s",
			c.calls().size(), c.calls().size() == 1 ? "" : "s", c.unit().id(), dir));
		return Main.OK;
	}
}
