package io.github.myomito.fiji;

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
 * {@code Plugins > MyoMito > Analyze Fibre Lattice}: lattice measures per fibre (axis, transverse /
 * longitudinal / oblique fractions, periodicity, lattice index) on the current image; fibres are the
 * image's ROI, the ROI Manager's ROIs or the whole image. Shows "MyoMito Fibres" and overlays the
 * branches coloured by orientation (transverse magenta, longitudinal green, oblique orange) and each
 * fibre's axis line (white).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Analyze Fibre Lattice")
public final class AnalyzeLatticeCommand extends ContextCommand {

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Image", required = false, description = "The image to analyse (its ROI, or the ROI Manager's ROIs, are the fibres).")
	private ImagePlus imp;
	@Parameter(persist = false, label = "Mitochondria channel", description = "1-based channel of the mitochondrial marker.", min = "1")
	private int mito_channel = 1;
	@Parameter(persist = false, label = "Threshold", description = "ImageJ auto-threshold method (Otsu, Li, Triangle, …), 'local' or 'stable'.")
	private String threshold = "Otsu";
	@Parameter(persist = false, label = "Background radius (µm)", description = "Top-hat background radius in µm (0 = off).", min = "0")
	private double background_um = Doors.DEFAULT_BACKGROUND_UM;
	@Parameter(persist = false, label = "Minimum object size (µm²)", description = "Smaller objects are removed (µm³ for stacks).", min = "0")
	private double min_size_um = Doors.DEFAULT_MIN_SIZE_UM;
	@Parameter(persist = false, label = "Prune end branches (µm)", description = "Prune end branches shorter than this (0 = off).", min = "0")
	private double prune_um;
	@Parameter(persist = false, label = "Fibre axis (°)", description = "Fibre axis in degrees, ImageJ convention (negative = automatic).", min = "-1", max = "180")
	private double axis_deg = -1;
	@Parameter(persist = false, label = "Orientation tolerance (°)", description = "Branches within this of 90° to the axis are transverse, within it of 0° longitudinal.", min = "0", max = "45")
	private double tolerance_deg = io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG;
	@Parameter(persist = false, label = "Save tables to", required = false, style = org.scijava.widget.FileWidget.DIRECTORY_STYLE,
		description = "Folder for <image>_<table>.csv (empty = do not save); headless macros read results from these files.")
	private java.io.File save_dir;

	/** The tables of the run (for tests and scripting). */
	ImageResult result;

	@Override
	public void run() {
		try {
			final Doors.Run r = Doors.run(imp, Doors.settings(mito_channel, 0, threshold, background_um, min_size_um, prune_um,
				Doors.fibres(imp) != null, axis_deg < 0 ? Double.NaN : axis_deg, tolerance_deg), status);
			result = r.tables;
			Doors.save(result, save_dir, imp.getTitle(), "fibres", "branches");
			Doors.show(result, "fibres");
			final Overlay o = Doors.overlay(imp, "transverse ", "longitudinal ", "oblique ", "axis ");
			Overlays.lattice(o, r.mainRegions());
			imp.setOverlay(o);
		}
		catch (final RuntimeException e) {
			cancel(Doors.fail(log, "Analyze Fibre Lattice", e));
		}
	}
}
