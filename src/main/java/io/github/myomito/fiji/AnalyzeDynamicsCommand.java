package io.github.myomito.fiji;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import io.github.myomito.dynamics.DynamicsResult;
import io.github.myomito.image.ij.DynamicsOverlays;
import io.github.myomito.image.ij.SeriesFrames;
import io.github.myomito.pipeline.DynamicsTables;
import io.github.myomito.pipeline.ImageResult;

/**
 * {@code Plugins > MyoMito > Analyze Mitochondrial Dynamics} (#14): the series path of {@code analyze} on
 * the current hyperstack — the still tables from its first frame, then tracking and fission / fusion /
 * kiss-and-run events through all frames ({@link SeriesFrames#dynamics}). Shows "MyoMito Fibres",
 * "MyoMito Events", "MyoMito Tracks" and "MyoMito Frames", and overlays each frame with the tracks'
 * recent paths and the events' markers ({@link DynamicsOverlays}: fission vermillion, fusion blue).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Analyze Mitochondrial Dynamics")
public final class AnalyzeDynamicsCommand extends ContextCommand {

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Image", required = false, description = "The time-lapse hyperstack (2D+t or 3D+t) to analyse.")
	private ImagePlus imp;
	@Parameter(persist = false, label = "Mitochondria channel", description = "1-based channel of the mitochondrial marker.", min = "1")
	private int mito_channel = 1;
	@Parameter(persist = false, label = "Frame interval (s)", min = "0",
		description = "Seconds between frames (0 = the image's calibration; an uncalibrated series needs it).")
	private double frame_interval_s;
	@Parameter(persist = false, label = "Threshold", description = "ImageJ auto-threshold method (Otsu, Li, Triangle, Huang, Default, …), 'local' or 'stable', applied per frame.")
	private String threshold = "Otsu";
	@Parameter(persist = false, label = "Background radius (µm)", description = "Top-hat background radius in µm (0 = off).", min = "0")
	private double background_um = Doors.DEFAULT_BACKGROUND_UM;
	@Parameter(persist = false, label = "Minimum object size (µm²)", description = "Smaller objects are removed (µm³ for stacks).", min = "0")
	private double min_size_um = Doors.DEFAULT_MIN_SIZE_UM;
	@Parameter(persist = false, label = "Save tables to", required = false, style = org.scijava.widget.FileWidget.DIRECTORY_STYLE,
		description = "Folder for <image>_<table>.csv (images, fibres, frames, tracks, events; empty = do not save); headless macros read results from these files.")
	private java.io.File save_dir;

	/** The tables of the run (for tests and scripting). */
	ImageResult result;
	/** The dynamics of the run (for tests and scripting). */
	DynamicsResult dynamics;

	@Override
	public void run() {
		try {
			Doors.requireImage(imp);
			if (!SeriesFrames.isSeries(imp)) throw new IllegalArgumentException(imp.getTitle() + ": not a time series (1 frame); Analyze Mitochondrial Network measures still images");
			if (frame_interval_s < 0 || Double.isNaN(frame_interval_s)) throw new IllegalArgumentException("frame_interval_s must be ≥ 0 (0 = calibration), got " + frame_interval_s);
			final double intervalS;
			try {
				intervalS = SeriesFrames.intervalS(imp, frame_interval_s > 0 ? frame_interval_s : null, java.nio.file.Path.of(imp.getTitle()));
			}
			catch (final java.io.IOException e) {
				throw new IllegalArgumentException(e.getMessage().replace("--frame-interval-s", "frame_interval_s"));
			}
			// the first frame as its own image (Duplicator would crop to a selection: lift it, then give it back)
			final Roi roi = imp.getRoi();
			imp.deleteRoi();
			final ImagePlus first = SeriesFrames.firstFrame(imp);
			if (roi != null) {
				imp.setRoi(roi);
				first.setRoi((Roi) roi.clone());
			}
			final Doors.Run r = Doors.run(first, Doors.settings(mito_channel, 0, threshold, background_um, min_size_um, 0, Doors.fibres(first) != null, Double.NaN,
				io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG), status);
			dynamics = SeriesFrames.dynamics(imp, r.result.settings(), r.result.image().spacing(), intervalS, null, new StatusProgress(status), null);
			for (final String w : DynamicsTables.add(r.tables, dynamics, imp.getTitle())) ij.IJ.log(imp.getTitle() + ": " + w);
			result = r.tables;
			Doors.save(result, save_dir, imp.getTitle(), "images", "fibres", "frames", "tracks", "events");
			for (final String t : new String[] { "fibres", "events", "tracks", "frames" }) Doors.show(result, t);
			final Overlay o = Doors.overlay(imp, "track ", "fission ", "fusion ", "kiss-and-run ");
			DynamicsOverlays.add(o, dynamics, r.result.image().spacing());
			imp.setOverlay(o);
		}
		catch (final RuntimeException e) {
			cancel(Doors.fail(log, "Analyze Mitochondrial Dynamics", e));
		}
	}
}
