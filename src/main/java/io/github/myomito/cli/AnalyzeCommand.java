package io.github.myomito.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.myomito.image.ij.ImageFileAnalyzer;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.BatchRunner;
import io.github.myomito.pipeline.Chunks;
import io.github.myomito.results.HtmlSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myomito analyze <image|folder>… --out DIR}: the whole analysis over many images, writing tidy
 * CSVs ({@code images, fibres, objects, branches, puncta}) and {@code provenance.json}; resumable,
 * parallel ({@code --threads}) and chunkable for job arrays ({@code --chunk i/N}).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Analyse images (files or folders, recursively) and write tidy CSV tables to --out.",
		"The PSF (--psf-um, or --wavelength-nm with --na) corrects the free ends of branches for the blur and sizes the Costes blocks." })
final class AnalyzeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "IMAGE|FOLDER", description = "Images, or folders searched recursively for .tif/.tiff/.png.")
	List<Path> inputs;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created; rerunning resumes).")
	Path out;

	@Option(names = "--mito-channel", defaultValue = "1", paramLabel = "N", description = "1-based mitochondria channel. Default: ${DEFAULT-VALUE}.")
	int mitoChannel;

	@Option(names = "--lc3-channel", defaultValue = "0", paramLabel = "N", description = "1-based LC3 channel (0 = none). Default: ${DEFAULT-VALUE}.")
	int lc3Channel;

	@Option(names = "--pixel-size", paramLabel = "UM", description = "Pixel size in µm (overrides the file's calibration).")
	Double pixelSize;

	@Option(names = "--z-step", paramLabel = "UM", description = "z step in µm (overrides the file's calibration).")
	Double zStep;

	@Option(names = "--threshold", defaultValue = "Otsu", paramLabel = "METHOD",
		description = "ImageJ auto-threshold method (Otsu, Li, Triangle, Huang, Default, …), 'local' or 'stable'. Default: ${DEFAULT-VALUE}.")
	String threshold;

	@Option(names = "--background-um", paramLabel = "UM", description = "Top-hat background radius in µm (0 = off).")
	Double background;

	@Option(names = "--min-size-um", paramLabel = "UM2", description = "Minimum object size in µm² (µm³ in 3D).")
	Double minSize;

	@Option(names = "--prune-um", defaultValue = "0", paramLabel = "UM", description = "Prune end branches shorter than this (0 = off). Default: ${DEFAULT-VALUE}.")
	double prune;

	@Option(names = "--fibres", defaultValue = "image", paramLabel = "image|auto",
		description = "Fibres when no ROIs/labels are given: the whole image, or detected automatically. Default: ${DEFAULT-VALUE}.")
	String fibres;

	@Option(names = "--rois", paramLabel = "FILE|DIR", description = "Fibre ROIs: a .roi/.zip for every image, or a folder with <image-stem>.zip/.roi.")
	Path rois;

	@Option(names = "--fibre-labels", paramLabel = "FILE|DIR", description = "Fibre label image, or a folder with <image-stem>.tif.")
	Path fibreLabels;

	@Option(names = "--band-um", defaultValue = "0", paramLabel = "UM", description = "Also report the subsarcolemmal band of this depth and the IMF interior (0 = off).")
	double band;

	@Option(names = "--axis-deg", paramLabel = "DEG", description = "Fibre axis in degrees (default: automatic).")
	Double axis;

	@Option(names = "--tolerance-deg", defaultValue = "20", paramLabel = "DEG", description = "Transverse/longitudinal tolerance θ. Default: ${DEFAULT-VALUE}.")
	double tolerance;

	@Option(names = "--punctum-um", defaultValue = "0.3", paramLabel = "UM", description = "Expected LC3 punctum radius. Default: ${DEFAULT-VALUE}.")
	double punctum;

	@Option(names = "--randomisations", defaultValue = "0", paramLabel = "N", description = "Costes randomisations per fibre (0 = none). Default: ${DEFAULT-VALUE}.")
	int randomisations;

	@Option(names = "--seed", defaultValue = "" + AnalysisSettings.DEFAULT_SEED, description = "Randomisation seed. Default: ${DEFAULT-VALUE}.")
	long seed;

	@Mixin
	PsfOptions psf = new PsfOptions();

	@Option(names = "--psf-z-um", paramLabel = "UM", description = "Axial PSF FWHM in µm, for stacks (default 0.49: 520 nm, NA 1.4, oil): stacks are deconvolved along z to the lateral PSF, and it sets the z scale of the skeleton's spur and punctum decisions.")
	Double psfZ;

	@Option(names = "--no-end-correction", description = "Measure free branch ends where the skeleton stops (no correction for the PSF blur).")
	boolean noEndCorrection;

	@Option(names = "--no-axial-deconvolution", description = "Segment stacks as they are (no Richardson-Lucy deconvolution along z of the axial blur beyond the lateral PSF).")
	boolean noAxialDeconvolution;

	@Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Images analysed in parallel; threads beyond the number of images help inside each image (results identical to serial either way). Default: ${DEFAULT-VALUE}.")
	int threads;

	@Option(names = "--chunk", paramLabel = "i/N", description = "Analyse only chunk i of N of the sorted inputs (for job arrays).")
	String chunk;

	@Option(names = "--no-resume", description = "Re-analyse images whose results are already complete in --out.")
	boolean noResume;

	@Option(names = "--sample-sheet", paramLabel = "CSV", description = "CSV with columns file, condition (optional animal, fibre_type): groups the plots of summary.html.")
	Path sampleSheet;

	@Option(names = "--no-qc", description = "Do not write the QC pictures (DIR/qc/<image>.png).")
	boolean noQc;

	@Option(names = "--no-progress", description = "Plain log lines instead of a progress bar.")
	boolean noProgress;

	@Override
	public Integer call() throws Exception {
		final AnalysisSettings settings = settings();
		List<Path> files = Inputs.expand(inputs);
		if (chunk != null) {
			final int[] c;
			try {
				c = Chunks.parse(chunk);
			}
			catch (final IllegalArgumentException e) {
				throw new Main.UsageException(e.getMessage());
			}
			files = Chunks.slice(files, c[0], c[1]);
		}
		if (threads < 1) throw new Main.UsageException("--threads must be ≥ 1, got " + threads);
		if (rois != null && fibreLabels != null) throw new Main.UsageException("give fibres either as --rois or as --fibre-labels, not both");
		if (Files.exists(out) && !Files.isDirectory(out)) throw new Main.UsageException("--out " + out + " is a file, not a folder");
		try {
			Files.createDirectories(out);
		}
		catch (final java.io.IOException e) {
			throw new Main.UsageException("--out " + OptionMessages.oneLine(e));
		}
		final BatchRunner runner = new BatchRunner(new ImageFileAnalyzer(settings, rois, fibreLabels, noQc ? null : out.resolve("qc")),
			new BatchRunner.Options(threads, !noResume, settings.toJson(), chunk));
		final ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), ConsoleProgress.interactive(noProgress));
		final java.util.Map<String, String> conditions = sampleSheet == null ? null : HtmlSummary.readSampleSheet(sampleSheet);
		final BatchRunner.Summary s = runner.run(files, out, progress);
		HtmlSummary.write(out, conditions);
		spec.commandLine().getErr().println(String.format(Locale.ROOT, "myomito analyze: %d image%s, %d analysed, %d already complete, %d failed; tables in %s",
			s.total, s.total == 1 ? "" : "s", s.analysed, s.resumed, s.failed, out));
		// a path on the command line that does not exist is a usage error (its row says so; the others were analysed)
		for (final Path p : Inputs.missing(inputs)) spec.commandLine().getErr().println("myomito analyze: error: " + p + ": no such file or folder");
		if (!Inputs.missing(inputs).isEmpty()) return Main.USAGE;
		return s.failed == 0 ? Main.OK : Main.SOME_FAILED;
	}

	AnalysisSettings settings() {
		final AnalysisSettings.FibreMode mode;
		switch (fibres.trim().toLowerCase(Locale.ROOT)) {
			case "image": mode = AnalysisSettings.FibreMode.IMAGE; break;
			case "auto": mode = AnalysisSettings.FibreMode.AUTO; break;
			default: throw new Main.UsageException("--fibres must be image or auto, got '" + fibres + "'");
		}
		for (final Object[] o : new Object[][] { { "--pixel-size", pixelSize }, { "--z-step", zStep } })
			if (o[1] != null && !((Double) o[1] > 0 && Double.isFinite((Double) o[1])))
				throw new Main.UsageException(o[0] + " must be a positive number of µm, got " + o[1]);
		try {
			final AnalysisSettings.Builder b = AnalysisSettings.builder().mitoChannel(mitoChannel).lc3Channel(lc3Channel).threshold(threshold)
				.pixelSizeUm(pixelSize == null ? Double.NaN : pixelSize).zStepUm(zStep == null ? Double.NaN : zStep).pruneUm(prune)
				.fibreMode(rois != null || fibreLabels != null ? AnalysisSettings.FibreMode.GIVEN : mode).bandDepthUm(band)
				.axisDeg(axis == null ? Double.NaN : axis).toleranceDeg(tolerance).punctumRadiusUm(punctum).randomisations(randomisations).seed(seed);
			final double fwhm = psf.fwhmUm();
			if (!Double.isNaN(fwhm)) b.psfUm(fwhm);
			if (psfZ != null) {
				if (!(psfZ > 0 && Double.isFinite(psfZ))) throw new Main.UsageException("--psf-z-um must be a positive number of µm, got " + psfZ);
				b.psfAxialUm(psfZ);
			}
			b.endCorrection(!noEndCorrection);
			b.axialDeconvolution(!noAxialDeconvolution);
			if (background != null) b.backgroundUm(background);
			if (minSize != null) b.minSizeUm(minSize);
			return b.build();
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(OptionMessages.option(e.getMessage()));
		}
	}
}
