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

	@Option(names = "--local-block-um", paramLabel = "UM", description = "With --threshold local: diameter of the block whose (Gaussian-weighted) mean is the local threshold. Default: 1.5.")
	Double localBlock;

	@Option(names = "--local-offset", paramLabel = "C", description = "With --threshold local: offset C in intensity units of the background-subtracted image; a pixel is foreground when above the local mean − C (negative C demands that much above it). Default: 0.")
	Double localOffset;

	@Option(names = "--tubeness", description = "Enhance tubular structures (Hessian tubeness, Sato et al. 1998) before thresholding.")
	boolean tubeness;

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

	@Option(names = "--randomisations", defaultValue = "" + AnalysisSettings.DEFAULT_RANDOMISATIONS, paramLabel = "N", description = "Costes randomisations per fibre (0 = none). Default: ${DEFAULT-VALUE}.")
	int randomisations;

	@Option(names = "--seed", defaultValue = "" + AnalysisSettings.DEFAULT_SEED, description = "Randomisation seed. Default: ${DEFAULT-VALUE}.")
	long seed;

	@Mixin
	PsfOptions psf = new PsfOptions();

	@Mixin
	PhenotypeOptions phenotype = new PhenotypeOptions();

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

	@Option(names = "--frame-interval-s", paramLabel = "S", description = "Seconds between frames of time series (overrides the calibration; a series without either is an error).")
	Double frameIntervalS;

	@Option(names = "--no-qc", description = "Do not write the QC pictures (DIR/qc/<image>.png).")
	boolean noQc;

	@Option(names = "--no-progress", description = "Plain log lines instead of a progress bar.")
	boolean noProgress;

	// ---- mitophagy reporters and fibre type (#15) ----
	@Option(names = "--reporter", paramLabel = "mito-qc|mt-keima", description = "pH-sensitive mitophagy reporter: mitolysosomes are puncta of high red/green (acid/neutral) ratio; its green (neutral) channel is the mitochondrial channel.")
	String reporter;

	@Option(names = { "--red-channel", "--acid-channel" }, paramLabel = "N", description = "1-based mito-QC red (mCherry) / mt-Keima acid (561 nm) channel.")
	Integer acidChannel;

	@Option(names = { "--green-channel", "--neutral-channel" }, paramLabel = "N", description = "1-based mito-QC green (GFP) / mt-Keima neutral (440 nm) channel; also the mitochondrial channel.")
	Integer neutralChannel;

	@Option(names = "--ratio-threshold", paramLabel = "R", description = "Acid/neutral ratio threshold of mitolysosomes (default: per fibre, median + 4·1.4826·MAD of the log-ratio, at least 2× the median).")
	Double ratioThreshold;

	@Option(names = "--fibre-type-channel", paramLabel = "N", description = "1-based fibre-type marker channel (SDH/COX or MyHC-I, bright = oxidative): per-fibre intensity and a per-batch fibre_type call.")
	Integer fibreTypeChannel;

	@Option(names = "--fibre-type-classes", defaultValue = "2", paramLabel = "2|3", description = "Fibre-type classes of the per-batch split. Default: ${DEFAULT-VALUE}.")
	int fibreTypeClasses;

	@Option(names = "--fibre-type-thresholds", split = ",", paramLabel = "T[,T]", description = "Marker intensity thresholds (ascending, classes − 1 values) instead of the objective split.")
	double[] fibreTypeThresholds;

	@Option(names = "--save-masks", description = "Also write DIR/masks/<image>.mask.tif, .labels.tif, .skeleton.tif (calibrated 8/16-bit TIFFs of the whole-image analysis) and .graphml (the skeleton graph, ids as in branches.csv); images already complete are not rewritten (--no-resume).")
	boolean saveMasks;

	@Override
	public Integer call() throws Exception {
		final AnalysisSettings settings = settings();
		final io.github.myomito.phenotype.ClassificationSettings classification = phenotype.settings();
		List<Path> files = Inputs.expand(inputs);
		final int skipped = Inputs.reportSkipped("analyze", inputs, spec.commandLine().getErr());
		if (pixelSize != null && (pixelSize < io.github.myomito.pipeline.PixelScale.FINE_UM || pixelSize > io.github.myomito.pipeline.PixelScale.COARSE_UM))
			spec.commandLine().getErr().println("myomito analyze: warning: --pixel-size " + pixelSize + " µm is outside the range of light microscopy ("
				+ io.github.myomito.pipeline.PixelScale.FINE_UM + "–" + io.github.myomito.pipeline.PixelScale.COARSE_UM
				+ " µm per pixel): expect a slow run or an empty mask; is it in µm?");
		if (files.isEmpty()) {
			spec.commandLine().getErr().println("myomito analyze: error: no images to read in " + inputs
				+ (skipped > 0 ? " (only microscope files, see above)" : " (MyoMito reads .tif/.tiff/.png/.jpg)"));
			return Main.SOME_FAILED;
		}
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
			throw new Main.UsageException("--out " + OptionMessages.oneLine(e) + " (cannot create the output folder)");
		}
		// a folder that exists but takes no file (read-only mount, no permission, /proc): said now, not after the analysis
		try {
			Files.delete(Files.createTempFile(out, ".myomito-write-test", ".tmp"));
		}
		catch (final java.io.IOException e) {
			// the reason only: the probe's random name would make the message differ from run to run
			final String why = e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
				: e instanceof java.nio.file.AccessDeniedException ? "permission denied"
				: e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null
					? ((java.nio.file.FileSystemException) e).getReason() : "a file cannot be created in it";
			throw new Main.UsageException("--out " + out + ": cannot write into this folder (creating a file in it failed: " + why + ")");
		}
		final BatchRunner runner = new BatchRunner(new ImageFileAnalyzer(settings, rois, fibreLabels, noQc ? null : out.resolve("qc")).frameIntervalS(frameIntervalS)
			.masksDir(saveMasks ? out.resolve("masks") : null),
			new BatchRunner.Options(threads, !noResume, settings.toJson(), chunk).commandLine(Main.commandLine(spec)));
		final ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), ConsoleProgress.interactive(noProgress));
		final java.util.Map<String, String> conditions = sampleSheet == null ? null : HtmlSummary.readSampleSheet(sampleSheet);
		final io.github.myomito.results.SampleSheet sheet = sampleSheet == null ? null : io.github.myomito.results.SampleSheet.read(sampleSheet);
		if (sheet != null) sheetWarnings(sheet, files, chunk == null);
		final BatchRunner.Summary s = runner.run(files, out, progress);
		if (settings.fibreType() != null) io.github.myomito.reporter.FibreTypePostStep.apply(out, settings.fibreType());
		HtmlSummary.write(out, conditions);
		io.github.myomito.phenotype.PhenotypeRun.run(out, sampleSheet, classification);
		spec.commandLine().getErr().println(String.format(Locale.ROOT, "myomito analyze: %d image%s, %d analysed, %d already complete, %d failed; tables in %s",
			s.total, s.total == 1 ? "" : "s", s.analysed, s.resumed, s.failed, out));
		// a path on the command line that does not exist is a usage error (its row says so; the others were analysed)
		for (final Path p : Inputs.missing(inputs)) spec.commandLine().getErr().println("myomito analyze: error: " + p + ": no such file or folder");
		if (!Inputs.missing(inputs).isEmpty()) return Main.USAGE;
		return s.failed == 0 && skipped == 0 ? Main.OK : Main.SOME_FAILED;
	}

	/** Says what of the sample sheet will not be used ({@link io.github.myomito.results.SampleSheet#usageWarnings}); the images are analysed all the same. */
	private void sheetWarnings(final io.github.myomito.results.SampleSheet sheet, final List<Path> files, final boolean allInputs) {
		final List<String> names = new java.util.ArrayList<>();
		for (final Path f : files) names.add(f.toString());
		for (final String w : sheet.usageWarnings(names, allInputs)) spec.commandLine().getErr().println("myomito analyze: warning: " + w);
	}

	/** The #15 options: reporter channels and the fibre-type marker. */
	private void reporterOptions(final AnalysisSettings.Builder b) {
		if (reporter != null) {
			final io.github.myomito.reporter.Reporter r;
			try {
				r = io.github.myomito.reporter.Reporter.fromId(reporter);
			}
			catch (final IllegalArgumentException e) {
				throw new Main.UsageException("--" + e.getMessage());
			}
			final String[] n = r == io.github.myomito.reporter.Reporter.MITO_QC ? new String[] { "--red-channel", "--green-channel" } : new String[] { "--acid-channel", "--neutral-channel" };
			if (acidChannel == null || neutralChannel == null) throw new Main.UsageException("--reporter " + r.id() + " needs " + n[0] + " and " + n[1]);
			final io.github.myomito.reporter.ReporterSettings.Builder rb = io.github.myomito.reporter.ReporterSettings.builder(r, acidChannel, neutralChannel);
			if (ratioThreshold != null) rb.ratioThreshold(ratioThreshold);
			b.reporter(rb.build());
		}
		else if (acidChannel != null || neutralChannel != null || ratioThreshold != null)
			throw new Main.UsageException("--red/--green/--acid/--neutral-channel and --ratio-threshold need --reporter mito-qc or mt-keima");
		if (fibreTypeChannel != null) b.fibreType(io.github.myomito.reporter.FibreTypeSettings.of(fibreTypeChannel, fibreTypeClasses, fibreTypeThresholds));
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
			final AnalysisSettings.Builder b = AnalysisSettings.builder().mitoChannel(reporter != null && neutralChannel != null ? neutralChannel : mitoChannel).lc3Channel(lc3Channel).threshold(threshold)
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
			if (localBlock != null || localOffset != null) {
				if (!"local".equalsIgnoreCase(threshold.trim())) throw new Main.UsageException("--local-block-um and --local-offset need --threshold local");
				final io.github.myomito.segment.SegmentationSettings cur = b.build().segmentation();
				b.localThreshold(localBlock != null ? localBlock : cur.localBlockUm(), localOffset != null ? localOffset : cur.localOffset());
			}
			if (tubeness) b.tubeness(true);
			if (background != null) b.backgroundUm(background);
			if (minSize != null) b.minSizeUm(minSize);
			reporterOptions(b);
			return b.build();
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(OptionMessages.option(e.getMessage()));
		}
	}
}
