package io.github.myomito.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.myomito.image.ij.ImageFileAnalyzer;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code myomito merge <chunk dirs…> --out DIR}: the tables of a single run over all chunks' images. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge chunk output folders (from analyze --chunk) into one.")
final class MergeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "CHUNK_DIR", description = "Output folders of analyze runs.")
	List<Path> chunks;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Merged output folder.")
	Path out;

	@Option(names = "--sample-sheet", paramLabel = "CSV", description = "CSV with columns file, condition: groups the plots of summary.html.")
	Path sampleSheet;

	@Option(names = "--force", description = "Merge even folders with different settings, an incomplete chunk set or one image with different results in two folders (each named on stderr).")
	boolean force;

	@picocli.CommandLine.Mixin
	PhenotypeOptions phenotype = new PhenotypeOptions();

	@Override
	public Integer call() throws Exception {
		final io.github.myomito.phenotype.ClassificationSettings classification = phenotype.settings();
		final BatchRunner runner = new BatchRunner(new ImageFileAnalyzer(AnalysisSettings.defaults(), null, null),
			new BatchRunner.Options(1, true, "{\"merge\":true}", null).commandLine(Main.commandLine(spec)));
		final int failed = runner.merge(chunks, out, force, w -> spec.commandLine().getErr().println("myomito merge: warning: " + w));
		// the per-batch fibre-type call (#15), with the marker settings the chunks ran with
		final io.github.myomito.reporter.FibreTypeSettings ft = io.github.myomito.reporter.FibreTypePostStep.fromProvenance(chunks.get(0));
		if (ft != null) io.github.myomito.reporter.FibreTypePostStep.apply(out, ft);
		io.github.myomito.results.HtmlSummary.write(out, sampleSheet == null ? null : io.github.myomito.results.HtmlSummary.readSampleSheet(sampleSheet));
		io.github.myomito.phenotype.PhenotypeRun.run(out, sampleSheet, classification);
		spec.commandLine().getErr().println("myomito merge: " + chunks.size() + " folder" + (chunks.size() == 1 ? "" : "s") + " merged into " + out
			+ (failed > 0 ? " (" + failed + " image" + (failed == 1 ? "" : "s") + " with status error)" : ""));
		return failed == 0 ? Main.OK : Main.SOME_FAILED;
	}
}
