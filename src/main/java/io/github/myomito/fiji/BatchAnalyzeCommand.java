package io.github.myomito.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.myomito.image.ij.ImageFileAnalyzer;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.BatchRunner;

/**
 * {@code Plugins > MyoMito > Batch Analyze Folder...}: every image of a folder matching a glob, analysed
 * with the same per-file work and batch runner as {@code myomito analyze}, writing the same CSV tables
 * and {@code provenance.json} to the output folder (resumable; threads give identical results).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Batch Analyze Folder...")
public final class BatchAnalyzeCommand extends ContextCommand {

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Input folder", description = "Folder with the images.", style = FileWidget.DIRECTORY_STYLE)
	private File input;
	@Parameter(persist = false, label = "File pattern", description = "Glob of the file names to analyse, e.g. *.{tif,tiff} (the default) or *.png.")
	private String pattern = "*.{tif,tiff}";
	@Parameter(persist = false, label = "Include subfolders", description = "Also search subfolders.")
	private boolean recursive;
	@Parameter(persist = false, label = "Mitochondria channel", description = "1-based channel of the mitochondrial marker.", min = "1")
	private int mito_channel = 1;
	@Parameter(persist = false, label = "LC3 channel", description = "1-based LC3 channel (0 = none).", min = "0")
	private int lc3_channel;
	@Parameter(persist = false, label = "Threshold", description = "ImageJ auto-threshold method (Otsu, Li, …), 'local' or 'stable'.")
	private String threshold = "Otsu";
	@Parameter(persist = false, label = "Local threshold block (µm)", required = false, min = "0",
		description = "With threshold 'local': diameter of the block whose Gaussian-weighted mean is the threshold (CLI --local-block-um).")
	private double local_block_um = 1.5;
	@Parameter(persist = false, label = "Local threshold offset C", required = false,
		description = "With threshold 'local': foreground where above the local mean − C, in intensity units; negative C demands that much above it (CLI --local-offset).")
	private double local_offset;
	@Parameter(persist = false, label = "Tubeness", required = false, description = "Enhance tubular structures (Hessian tubeness) before thresholding (CLI --tubeness).")
	private boolean tubeness;
	@Parameter(persist = false, label = "Background radius (µm)", required = false, min = "0", description = "Top-hat background radius, µm (0 = off; CLI --background-um).")
	private double background_um = Doors.DEFAULT_BACKGROUND_UM;
	@Parameter(persist = false, label = "Minimum object size (µm²)", required = false, min = "0", description = "Minimum object size, µm² (µm³ in 3D; CLI --min-size-um).")
	private double min_size_um = Doors.DEFAULT_MIN_SIZE_UM;
	@Parameter(persist = false, label = "Fibres", required = false, choices = { "image", "auto" },
		description = "Without ROIs: the whole image, or fibres detected automatically (CLI --fibres).")
	private String fibres = "image";
	@Parameter(persist = false, label = "Subsarcolemmal band (µm)", required = false, min = "0", description = "Also report the subsarcolemmal band of this depth and the IMF interior (0 = off; CLI --band-um).")
	private double band_um;
	@Parameter(persist = false, label = "Tolerance (°)", required = false, min = "0", max = "45", description = "Transverse/longitudinal tolerance θ (CLI --tolerance-deg).")
	private double tolerance_deg = io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG;
	@Parameter(persist = false, label = "LC3 punctum radius (µm)", required = false, min = "0", description = "Expected LC3 punctum radius (CLI --punctum-um).")
	private double punctum_um = 0.3;
	@Parameter(persist = false, label = "Costes randomisations", required = false, min = "0", description = "Costes randomisations per fibre (0 = none; CLI --randomisations).")
	private int randomisations = io.github.myomito.pipeline.AnalysisSettings.DEFAULT_RANDOMISATIONS;
	@Parameter(persist = false, label = "Seed", required = false, description = "Randomisation seed (CLI --seed).")
	private long seed = AnalysisSettings.DEFAULT_SEED;
	@Parameter(persist = false, label = "Prune end branches (µm)", description = "Prune end branches shorter than this (0 = off).", min = "0")
	private double prune_um;
	@Parameter(persist = false, label = "PSF FWHM (µm)", required = false, min = "0",
		description = "Lateral PSF full width at half maximum, µm (0 = 520 nm at NA 1.4: 0.189 µm); corrects the length of free branch ends for the blur.")
	private double psf_um;
	@Parameter(persist = false, label = "Axial PSF FWHM (µm)", required = false, min = "0",
		description = "Axial PSF full width at half maximum, µm, for stacks (0 = 0.49 µm: 520 nm, NA 1.4, oil); stacks are deconvolved along z to the lateral PSF, and it sets the z scale of the spur and punctum decisions.")
	private double psf_z_um;
	@Parameter(persist = false, label = "No end correction", required = false, description = "Measure free branch ends where the skeleton stops (no PSF correction).")
	private boolean no_end_correction;
	@Parameter(persist = false, label = "No axial deconvolution", required = false,
		description = "Segment stacks as they are (no deconvolution along z of the axial blur beyond the lateral PSF).")
	private boolean no_axial_deconvolution;
	// ---- mitophagy reporter and fibre-type marker (#15): the keys of the CLI's options, see Doors.reporter ----
	@Parameter(persist = false, label = "Reporter", required = false, choices = { "none", "mito-qc", "mt-keima" },
		description = "pH-sensitive mitophagy reporter (CLI --reporter): mitolysosomes are puncta of high red/green (acid/neutral) ratio; its green (neutral) channel replaces mito_channel.")
	private String reporter = "none";
	@Parameter(persist = false, label = "Red channel (mito-QC)", required = false, min = "0", description = "1-based mito-QC red (mCherry) channel (0 = none; CLI --red-channel).")
	private int red_channel;
	@Parameter(persist = false, label = "Green channel (mito-QC)", required = false, min = "0", description = "1-based mito-QC green (GFP) channel, also the mitochondria (0 = none; CLI --green-channel).")
	private int green_channel;
	@Parameter(persist = false, label = "Acid channel (mt-Keima)", required = false, min = "0", description = "1-based mt-Keima acid (561 nm) channel (0 = none; CLI --acid-channel; alias of red_channel).")
	private int acid_channel;
	@Parameter(persist = false, label = "Neutral channel (mt-Keima)", required = false, min = "0", description = "1-based mt-Keima neutral (440 nm) channel, also the mitochondria (0 = none; CLI --neutral-channel; alias of green_channel).")
	private int neutral_channel;
	@Parameter(persist = false, label = "Ratio threshold", required = false, min = "0", description = "Acid/neutral ratio threshold of mitolysosomes (0 = objective, per fibre; CLI --ratio-threshold).")
	private double ratio_threshold;
	@Parameter(persist = false, label = "Fibre-type channel", required = false, min = "0", description = "1-based fibre-type marker channel (SDH/COX or MyHC-I, bright = oxidative; 0 = none; CLI --fibre-type-channel).")
	private int fibre_type_channel;
	@Parameter(persist = false, label = "Fibre-type classes", required = false, min = "2", max = "3", description = "Classes of the per-batch fibre-type split, 2 or 3 (CLI --fibre-type-classes).")
	private int fibre_type_classes = 2;
	@Parameter(persist = false, label = "Fibre-type thresholds", required = false, description = "Marker thresholds, ascending, classes − 1 values separated by commas (empty = the objective per-batch split; CLI --fibre-type-thresholds).")
	private String fibre_type_thresholds = "";
	@Parameter(persist = false, label = "Fibre ROI folder", required = false, style = FileWidget.DIRECTORY_STYLE,
		description = "Folder with <image-stem>.zip / .roi fibre ROI sets (empty = whole images).")
	private File rois;
	@Parameter(persist = false, label = "Output folder", description = "Folder for images.csv, fibres.csv, objects.csv, … (rerunning resumes).", style = FileWidget.DIRECTORY_STYLE)
	private File output;
	@Parameter(persist = false, label = "Threads", description = "Images analysed in parallel (results identical to serial).", min = "1")
	private int threads = 1;

	@Parameter(persist = false, label = "Sample sheet", required = false,
		description = "CSV with columns file, condition (optional animal, timepoint or stage): the phenotype calls compare each condition with the control.")
	private File sample_sheet;
	@Parameter(persist = false, label = "Control condition", required = false, description = "Condition the others are compared to (case-insensitive; like --control).")
	private String control = io.github.myomito.phenotype.ClassificationSettings.DEFAULT_CONTROL;

	/** The batch summary (for tests and scripting). */
	BatchRunner.Summary summary;

	@Override
	public void run() {
		try {
			if (input == null || !input.isDirectory()) throw new IllegalArgumentException("input " + input + " is not a folder");
			if (output == null) throw new IllegalArgumentException("output folder is missing");
			if (output.exists() && !output.isDirectory()) throw new IllegalArgumentException("output " + output + " is a file, not a folder");
			if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
			final Path roiDir = rois == null || rois.getPath().isEmpty() ? null : rois.toPath();
			if (roiDir != null && !Files.isDirectory(roiDir)) throw new IllegalArgumentException("rois " + rois + " is not a folder");
			final List<Path> files = files(input.toPath(), pattern, recursive);
			if (files.isEmpty()) throw new IllegalArgumentException("input " + input + ": no file matches " + pattern);
			final AnalysisSettings base = Doors.settings(mito_channel, lc3_channel, threshold, background_um, min_size_um, prune_um,
				roiDir != null, Double.NaN, tolerance_deg, psf_um, psf_z_um, !no_end_correction, !no_axial_deconvolution);
			final AnalysisSettings.Builder sb = base.toBuilder().bandDepthUm(band_um).punctumRadiusUm(punctum_um).randomisations(randomisations).seed(seed);
			if (roiDir == null && "auto".equalsIgnoreCase(fibres)) sb.fibreMode(AnalysisSettings.FibreMode.AUTO);
			else if (roiDir == null && !"image".equalsIgnoreCase(fibres)) throw new IllegalArgumentException("fibres must be image or auto, got '" + fibres + "'");
			if ("local".equalsIgnoreCase(threshold == null ? "" : threshold.trim())) sb.localThreshold(local_block_um, local_offset);
			if (tubeness) sb.tubeness(true);
			final AnalysisSettings s = Doors.reporter(sb.build(), reporter, red_channel, green_channel, acid_channel, neutral_channel, ratio_threshold, fibre_type_channel,
				fibre_type_classes, fibre_type_thresholds);
			final Path sheet = sample_sheet == null || sample_sheet.getPath().isEmpty() ? null : sample_sheet.toPath();
			if (sheet != null) {
				final List<String> names = new java.util.ArrayList<>();
				for (final Path f : files) names.add(f.toString());
				for (final String w : io.github.myomito.results.SampleSheet.read(sheet).usageWarnings(names, true)) {
					if (log != null) log.warn("MyoMito batch: " + w);
					ij.IJ.log("MyoMito batch: warning: " + w);
				}
			}
			final BatchRunner runner = new BatchRunner(new ImageFileAnalyzer(s, roiDir, null), new BatchRunner.Options(threads, true, s.toJson(), null));
			summary = runner.run(files, output.toPath(), new StatusProgress(status));
			if (s.fibreType() != null) io.github.myomito.reporter.FibreTypePostStep.apply(output.toPath(), s.fibreType());
			// as myomito analyze: summary.html and the phenotype calls (phenotypes.csv, groups.csv, report.html) of the batch
			io.github.myomito.results.HtmlSummary.write(output.toPath(), sheet == null ? null : io.github.myomito.results.HtmlSummary.readSampleSheet(sheet));
			io.github.myomito.phenotype.PhenotypeRun.run(output.toPath(), sheet, io.github.myomito.phenotype.ClassificationSettings.builder()
				.control(control == null || control.isBlank() ? io.github.myomito.phenotype.ClassificationSettings.DEFAULT_CONTROL : control).build());
			final String msg = String.format(java.util.Locale.ROOT, "MyoMito batch: %d images, %d analysed, %d already complete, %d failed; tables in %s",
				summary.total, summary.analysed, summary.resumed, summary.failed, output);
			if (log != null) log.info(msg);
			ij.IJ.log(msg);
		}
		catch (final IOException | RuntimeException e) {
			cancel(Doors.fail(log, "Batch Analyze Folder", e));
		}
	}

	/** @return files under the folder whose names match the glob, sorted by path. */
	static List<Path> files(final Path dir, final String glob, final boolean recursive) throws IOException {
		final PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + (glob == null || glob.isEmpty() ? "*" : glob));
		try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
			return s.filter(Files::isRegularFile).filter(p -> m.matches(p.getFileName())).sorted().collect(Collectors.toList());
		}
	}
}
