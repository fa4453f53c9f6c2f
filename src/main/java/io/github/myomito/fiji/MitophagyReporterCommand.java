package io.github.myomito.fiji;

import java.util.List;
import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import io.github.myomito.image.ij.Overlays;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.ImageResult;

/**
 * {@code Plugins > MyoMito > Mitophagy Reporter}: mitolysosomes of a pH-sensitive reporter (mito-QC or mt-Keima) on
 * the current image, with the same settings and core as {@code myomito analyze --reporter} (see
 * {@link io.github.myomito.reporter.MitolysosomeDetector}: puncta of high acid/neutral ratio above an acid-intensity
 * floor, the ratio threshold chosen per fibre as {@code median + 4·1.4826·MAD} of the log-ratio and at least twice
 * the median, or given). The reporter's green (neutral) channel is the mitochondrial network. Shows the tables
 * "MyoMito Fibres" (per fibre: {@code mitolysosomes}, {@code mitolysosomes_per_100um2},
 * {@code mitolysosome_area_fraction}, {@code mitolysosome_mean_size_um2}, …; band and interior rows with
 * {@code band_um}; the phenotype calls, {@code mitophagy_state} from these readouts, as in Analyze Mitochondrial Network) and "MyoMito Mitolysosomes" (one row per punctum), and overlays each mitolysosome as a circle of
 * its area, orange on a mitochondrial object and sky blue on none (Okabe–Ito, colour-blind safe); with
 * {@code add_to_manager} the circles also go to an open ROI Manager.
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Mitophagy Reporter")
public final class MitophagyReporterCommand extends ContextCommand {

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Image", required = false, description = "The image to analyse (its ROI, or the ROI Manager's ROIs, are the fibres).")
	private ImagePlus imp;
	@Parameter(persist = false, label = "Reporter", choices = { "mito-qc", "mt-keima" },
		description = "pH-sensitive mitophagy reporter: mito-qc (mCherry-GFP; GFP quenched in the lysosome) or mt-keima (561/440 nm excitation ratio rises in the lysosome).")
	private String reporter = "mito-qc";
	@Parameter(persist = false, label = "Red channel (mito-QC)", required = false, min = "0",
		description = "1-based mito-QC red (mCherry) channel (CLI --red-channel). All four channel keys 0 = channel 1 red/acid, channel 2 green/neutral.")
	private int red_channel;
	@Parameter(persist = false, label = "Green channel (mito-QC)", required = false, min = "0", description = "1-based mito-QC green (GFP) channel, also the mitochondria (CLI --green-channel).")
	private int green_channel;
	@Parameter(persist = false, label = "Acid channel (mt-Keima)", required = false, min = "0", description = "1-based mt-Keima acid (561 nm) channel (CLI --acid-channel; alias of red_channel).")
	private int acid_channel;
	@Parameter(persist = false, label = "Neutral channel (mt-Keima)", required = false, min = "0", description = "1-based mt-Keima neutral (440 nm) channel, also the mitochondria (CLI --neutral-channel; alias of green_channel).")
	private int neutral_channel;
	@Parameter(persist = false, label = "Ratio threshold", required = false, min = "0",
		description = "Acid/neutral ratio threshold of mitolysosomes (0 = objective, per fibre; CLI --ratio-threshold).")
	private double ratio_threshold;
	@Parameter(persist = false, label = "Threshold (mitochondria)", required = false,
		description = "ImageJ auto-threshold method of the mitochondrial network on the green/neutral channel (Otsu, Li, …), 'local' or 'stable'.")
	private String threshold = "Otsu";
	@Parameter(persist = false, label = "Background radius (µm)", required = false, min = "0", description = "Top-hat background radius of the network, µm (0 = off).")
	private double background_um = Doors.DEFAULT_BACKGROUND_UM;
	@Parameter(persist = false, label = "Minimum object size (µm²)", required = false, min = "0", description = "Smaller mitochondrial objects are removed (µm³ for stacks).")
	private double min_size_um = Doors.DEFAULT_MIN_SIZE_UM;
	@Parameter(persist = false, label = "Subsarcolemmal band (µm)", required = false, min = "0",
		description = "Also report the mitolysosomes of the subsarcolemmal band of this depth and of the IMF interior (0 = off; CLI --band-um).")
	private double band_um;
	@Parameter(persist = false, label = "Fibre-type channel", required = false, min = "0", description = "1-based fibre-type marker channel (0 = none; CLI --fibre-type-channel).")
	private int fibre_type_channel;
	@Parameter(persist = false, label = "Fibre-type classes", required = false, min = "2", max = "3", description = "Classes of the fibre-type split over the image's fibres (CLI --fibre-type-classes).")
	private int fibre_type_classes = 2;
	@Parameter(persist = false, label = "Fibre-type thresholds", required = false, description = "Marker thresholds, comma-separated (empty = the objective split; CLI --fibre-type-thresholds).")
	private String fibre_type_thresholds = "";
	@Parameter(persist = false, label = "Add to ROI Manager", required = false,
		description = "Also add the mitolysosome circles to the open ROI Manager (GUI only; they are never taken as fibres).")
	private boolean add_to_manager;
	@Parameter(persist = false, label = "Save tables to", required = false, style = org.scijava.widget.FileWidget.DIRECTORY_STYLE,
		description = "Folder for <image>_fibres.csv and <image>_mitolysosomes.csv (empty = do not save); headless macros read results from these files.")
	private java.io.File save_dir;

	/** The tables of the run (for tests and scripting). */
	ImageResult result;
	/** The mitolysosome ROIs put on the overlay (for tests). */
	List<Roi> rois;
	/** With {@code add_to_manager}: the copies of {@link #rois} handed to the ROI Manager (for tests); null without. */
	List<Roi> managerRois;
	/** How many of {@link #managerRois} an open ROI Manager took (0 headless or with none open). */
	int addedToManager;

	@Override
	public void run() {
		try {
			if (reporter == null || reporter.trim().isEmpty() || "none".equalsIgnoreCase(reporter.trim()))
				throw new IllegalArgumentException("reporter must be mito-qc or mt-keima, got '" + reporter + "'");
			final boolean none = red_channel == 0 && green_channel == 0 && acid_channel == 0 && neutral_channel == 0;
			final AnalysisSettings base = Doors.settings(1, 0, threshold, background_um, min_size_um, 0, Doors.fibres(imp) != null, Double.NaN,
				io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG).toBuilder().bandDepthUm(band_um).build();
			final AnalysisSettings s = Doors.reporter(base, reporter, none ? 1 : red_channel, none ? 2 : green_channel, acid_channel, neutral_channel, ratio_threshold,
				fibre_type_channel, fibre_type_classes, fibre_type_thresholds);
			final Doors.Run r = Doors.run(imp, s, status);
			result = Doors.withCalls(r.tables);
			Doors.save(result, save_dir, imp.getTitle(), "fibres", "mitolysosomes");
			Doors.show(result, "fibres");
			Doors.show(result, "mitolysosomes");
			final Overlay o = Doors.overlay(imp, Overlays.MITOLYSOSOME_PREFIX);
			rois = Overlays.mitolysosomeRois(r.result);
			for (final Roi roi : rois) o.add(roi);
			imp.setOverlay(o);
			if (add_to_manager) {
				managerRois = managerCopies(rois);
				addedToManager = toManager(managerRois);
			}
			int n = 0;
			for (int i = 0; i < result.table("fibres").size(); i++)
				if ("all".equals(result.table("fibres").getText(i, "region"))) n++;
			IJ.log(String.format(Locale.ROOT, "MyoMito Mitophagy Reporter: %s: %d mitolysosomes (%s) in %d fibre%s", imp.getTitle(), rois.size(), s.reporter().reporter().id(), n,
				n == 1 ? "" : "s"));
		}
		catch (final RuntimeException e) {
			cancel(Doors.fail(log, "Mitophagy Reporter", e));
		}
	}

	/**
	 * @return one copy per overlay circle, in order, with its name, position and colour: the manager's copies can
	 * be edited or deleted without changing the overlay, and their {@link Overlays#MITOLYSOSOME_PREFIX} names keep
	 * them from being taken as fibres ({@link Doors#isFibreRoi})
	 */
	static List<Roi> managerCopies(final List<Roi> rois) {
		final List<Roi> out = new java.util.ArrayList<>();
		for (final Roi roi : rois) out.add((Roi) roi.clone());
		return out;
	}

	/**
	 * Adds the ROIs to the open ROI Manager; logs one line when there is none (headless, where ImageJ cannot
	 * create a ROI Manager, or none open).
	 *
	 * @return how many the manager took
	 */
	private static int toManager(final List<Roi> rois) {
		RoiManager rm = null;
		try {
			if (!java.awt.GraphicsEnvironment.isHeadless()) rm = RoiManager.getInstance();
		}
		catch (final java.awt.HeadlessException e) {
			rm = null;
		}
		if (rm == null) {
			IJ.log(NO_MANAGER);
			return 0;
		}
		for (final Roi roi : rois) rm.addRoi(roi);
		return rois.size();
	}

	/** The log line of {@code add_to_manager} without an open ROI Manager. */
	static final String NO_MANAGER = "MyoMito Mitophagy Reporter: add_to_manager: no ROI Manager is open; the mitolysosomes are on the overlay only";
}
