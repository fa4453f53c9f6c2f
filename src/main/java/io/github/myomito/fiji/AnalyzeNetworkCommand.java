package io.github.myomito.fiji;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.gui.Overlay;
import io.github.myomito.image.ij.Overlays;
import io.github.myomito.pipeline.ImageResult;

/**
 * {@code Plugins > MyoMito > Analyze Mitochondrial Network}: the MyoMito chain on the current image (the
 * whole image, or the image's ROI / the ROI Manager's ROIs as fibres). Shows the tables "MyoMito Images",
 * "MyoMito Fibres", "MyoMito Objects" and "MyoMito Branches", overlays the skeleton coloured by voxel type
 * (end-points red, slabs cyan, junctions yellow) and optionally returns the mask and label images.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Analyze Mitochondrial Network")
public final class AnalyzeNetworkCommand extends ContextCommand {

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Image", required = false, description = "The image to analyse (its ROI, or the ROI Manager's ROIs, are the fibres).")
	private ImagePlus imp;
	@Parameter(persist = false, label = "Mitochondria channel", description = "1-based channel of the mitochondrial marker.", min = "1")
	private int mito_channel = 1;
	@Parameter(persist = false, label = "LC3 channel", description = "1-based LC3 channel (0 = none).", min = "0")
	private int lc3_channel;
	@Parameter(persist = false, label = "Threshold", description = "ImageJ auto-threshold method (Otsu, Li, Triangle, Huang, Default, …), 'local' or 'stable'.")
	private String threshold = "Otsu";
	@Parameter(persist = false, label = "Background radius (µm)", description = "Top-hat background radius in µm (0 = off).", min = "0")
	private double background_um = Doors.DEFAULT_BACKGROUND_UM;
	@Parameter(persist = false, label = "Minimum object size (µm²)", description = "Smaller objects are removed (µm³ for stacks).", min = "0")
	private double min_size_um = Doors.DEFAULT_MIN_SIZE_UM;
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
	@Parameter(persist = false, label = "Show mask", description = "Also output the mitochondrial mask image.")
	private boolean show_mask;
	@Parameter(persist = false, label = "Show labels", description = "Also output the object label image.")
	private boolean show_labels;
	@Parameter(persist = false, label = "Save tables to", required = false, style = org.scijava.widget.FileWidget.DIRECTORY_STYLE,
		description = "Folder for <image>_<table>.csv (empty = do not save); headless macros read results from these files.")
	private java.io.File save_dir;

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
	@Parameter(persist = false, label = "Ratio threshold", required = false, min = "0", description = "Acid/neutral ratio threshold of mitolysosomes (0 = objective, per fibre: median + 4·1.4826·MAD of the log-ratio, at least 2× the median; CLI --ratio-threshold).")
	private double ratio_threshold;
	@Parameter(persist = false, label = "Fibre-type channel", required = false, min = "0", description = "1-based fibre-type marker channel (SDH/COX or MyHC-I, bright = oxidative; 0 = none; CLI --fibre-type-channel).")
	private int fibre_type_channel;
	@Parameter(persist = false, label = "Fibre-type classes", required = false, min = "2", max = "3", description = "Classes of the fibre-type split over the image's fibres, 2 or 3 (CLI --fibre-type-classes).")
	private int fibre_type_classes = 2;
	@Parameter(persist = false, label = "Fibre-type thresholds", required = false, description = "Marker thresholds, ascending, classes − 1 values separated by commas (empty = the objective split; CLI --fibre-type-thresholds).")
	private String fibre_type_thresholds = "";

	@Parameter(persist = false, label = "Tubeness", required = false, description = "Enhance tubular structures (Hessian tubeness) before thresholding (CLI --tubeness).")
	private boolean tubeness;

	@Parameter(type = ItemIO.OUTPUT, persist = false, label = "Mask", required = false, description = "Mitochondrial mask (with show_mask).")
	private ImagePlus mask;
	@Parameter(type = ItemIO.OUTPUT, persist = false, label = "Labels", required = false, description = "Object labels (with show_labels).")
	private ImagePlus labels;

	/** The tables of the run (for tests and scripting). */
	ImageResult result;

	@Override
	public void run() {
		try {
			final io.github.myomito.pipeline.AnalysisSettings s = Doors.reporter(Doors.settings(mito_channel, lc3_channel, threshold, background_um, min_size_um, prune_um,
				Doors.fibres(imp) != null, Double.NaN, io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG, psf_um, psf_z_um, !no_end_correction, !no_axial_deconvolution),
				reporter, red_channel, green_channel, acid_channel, neutral_channel, ratio_threshold, fibre_type_channel, fibre_type_classes, fibre_type_thresholds);
			final Doors.Run r = Doors.run(imp, tubeness ? s.toBuilder().tubeness(true).build() : s, status);
			result = Doors.withCalls(r.tables);
			Doors.save(result, save_dir, imp.getTitle(), "images", "fibres", "objects", "branches", "puncta");
			if (s.reporter() != null) Doors.save(result, save_dir, imp.getTitle(), "mitolysosomes");
			for (final String t : new String[] { "images", "fibres", "objects", "branches" }) Doors.show(result, t);
			if (s.reporter() != null) Doors.show(result, "mitolysosomes");
			final Overlay o = Doors.overlay(imp, "skeleton ", Overlays.MITOLYSOSOME_PREFIX);
			Overlays.skeleton(o, r.mainRegions());
			if (s.reporter() != null) Overlays.mitolysosomes(o, r.result);
			imp.setOverlay(o);
			if (show_mask) mask = Doors.maskImage(r, imp.getTitle());
			if (show_labels) labels = Doors.labelImage(r, imp.getTitle());
		}
		catch (final RuntimeException e) {
			cancel(Doors.fail(log, "Analyze Mitochondrial Network", e));
		}
	}
}
