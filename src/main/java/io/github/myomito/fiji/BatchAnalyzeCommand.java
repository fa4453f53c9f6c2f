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
	@Parameter(persist = false, label = "File pattern", description = "Glob of the file names to analyse, e.g. *.tif.")
	private String pattern = "*.tif";
	@Parameter(persist = false, label = "Include subfolders", description = "Also search subfolders.")
	private boolean recursive;
	@Parameter(persist = false, label = "Mitochondria channel", description = "1-based channel of the mitochondrial marker.", min = "1")
	private int mito_channel = 1;
	@Parameter(persist = false, label = "LC3 channel", description = "1-based LC3 channel (0 = none).", min = "0")
	private int lc3_channel;
	@Parameter(persist = false, label = "Threshold", description = "ImageJ auto-threshold method (Otsu, Li, …), 'local' or 'stable'.")
	private String threshold = "Otsu";
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
	@Parameter(persist = false, label = "Fibre ROI folder", required = false, style = FileWidget.DIRECTORY_STYLE,
		description = "Folder with <image-stem>.zip / .roi fibre ROI sets (empty = whole images).")
	private File rois;
	@Parameter(persist = false, label = "Output folder", description = "Folder for images.csv, fibres.csv, objects.csv, … (rerunning resumes).", style = FileWidget.DIRECTORY_STYLE)
	private File output;
	@Parameter(persist = false, label = "Threads", description = "Images analysed in parallel (results identical to serial).", min = "1")
	private int threads = 1;

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
			final AnalysisSettings s = Doors.settings(mito_channel, lc3_channel, threshold, Doors.DEFAULT_BACKGROUND_UM, Doors.DEFAULT_MIN_SIZE_UM, prune_um,
				roiDir != null, Double.NaN, io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG, psf_um, psf_z_um, !no_end_correction, !no_axial_deconvolution);
			final BatchRunner runner = new BatchRunner(new ImageFileAnalyzer(s, roiDir, null), new BatchRunner.Options(threads, true, s.toJson(), null));
			summary = runner.run(files, output.toPath(), new StatusProgress(status));
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
