package io.github.myomito.image.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.Duplicator;

/**
 * The bridge from an ImageJ hyperstack with frames to the frame-by-frame input of
 * {@link io.github.myomito.dynamics.DynamicsAnalyzer}: one channel's planes of one frame as a flat
 * float array (x fastest, then y, then z), read on demand, and the frame interval in seconds.
 */
public final class SeriesFrames {

	private SeriesFrames() {}

	/** @return whether the image is a time series (more than one frame) */
	public static boolean isSeries(final ImagePlus imp) {
		return imp.getNFrames() > 1;
	}

	/**
	 * @param channel 1-based channel
	 * @return frame t (0-based) → its pixels
	 */
	public static IntFunction<float[]> frames(final ImagePlus imp, final int channel) {
		final ImageStack st = imp.getStack();
		final int w = imp.getWidth(), h = imp.getHeight(), nz = imp.getNSlices();
		return t -> {
			final float[] out = new float[w * h * nz];
			for (int z = 0; z < nz; z++) {
				final float[] p = (float[]) st.getProcessor(imp.getStackIndex(channel, z + 1, t + 1)).convertToFloatProcessor().getPixels();
				System.arraycopy(p, 0, out, z * w * h, w * h);
			}
			return out;
		};
	}

	/**
	 * The dynamics of a series with the settings of {@code analyze}: the mitochondrial channel read frame
	 * by frame into {@link io.github.myomito.dynamics.DynamicsAnalyzer} with the segmentation the still
	 * analysis uses for this dimensionality. The one path shared by the CLI's {@code analyze} and Fiji's
	 * Analyze Mitochondrial Dynamics.
	 *
	 * @param spacing µm per pixel (x, y[, z]) of the series
	 * @param listener receives each frame's labels, or null
	 * @param progress progress sink, or null
	 * @param helpers executor that segments the next frame while one is linked, or null (serial; same results)
	 */
	public static io.github.myomito.dynamics.DynamicsResult dynamics(final ImagePlus imp, final io.github.myomito.pipeline.AnalysisSettings settings,
		final double[] spacing, final double intervalS, final io.github.myomito.dynamics.DynamicsAnalyzer.FrameListener listener,
		final io.github.myomito.progress.Progress progress, final java.util.concurrent.Executor helpers) {
		final int[] dims = imp.getNSlices() > 1 ? new int[] { imp.getWidth(), imp.getHeight(), imp.getNSlices() } : new int[] { imp.getWidth(), imp.getHeight() };
		final double[] sp = java.util.Arrays.copyOf(spacing, dims.length);
		return io.github.myomito.dynamics.DynamicsAnalyzer.analyze(frames(imp, settings.mitoChannel()), imp.getNFrames(), dims, sp, intervalS,
			dynamicsSettings(settings, dims), listener, progress, helpers);
	}

	/**
	 * The tracker's settings for a series of this size, as {@link #dynamics} uses them: the analysis' segmentation for
	 * these dims ({@code segmentationFor}: stacks deconvolved along z) and its PSF (for the resolution rule); the
	 * other tracker settings at their defaults.
	 *
	 * @param settings the analysis settings
	 * @param dims spatial size (2 or 3 axes)
	 * @return the tracker's settings
	 */
	public static io.github.myomito.dynamics.DynamicsSettings dynamicsSettings(final io.github.myomito.pipeline.AnalysisSettings settings, final int[] dims) {
		return io.github.myomito.dynamics.DynamicsSettings.builder().segmentation(settings.segmentationFor(dims)).psfUm(settings.psfUm())
			.psfAxialUm(settings.psfAxialUm()).build();
	}

	/** @return the first frame (all channels and slices) as an image of its own */
	public static ImagePlus firstFrame(final ImagePlus imp) {
		final ImagePlus f = new Duplicator().run(imp, 1, imp.getNChannels(), 1, imp.getNSlices(), 1, 1);
		f.setTitle(imp.getTitle());
		f.setCalibration(imp.getCalibration().copy());
		return f;
	}

	/**
	 * @param overrideS the user's interval (s), or null to read the calibration
	 * @return seconds between frames
	 * @throws IOException naming the file when neither gives a positive interval
	 */
	public static double intervalS(final ImagePlus imp, final Double overrideS, final Path file) throws IOException {
		if (overrideS != null) {
			if (!(overrideS > 0) || overrideS.isInfinite()) throw new IOException(file + ": --frame-interval-s must be positive, got " + overrideS);
			return overrideS;
		}
		final Calibration c = imp.getCalibration();
		final double fi = c.frameInterval;
		final String u = c.getTimeUnit() == null ? "s" : c.getTimeUnit().trim().toLowerCase(java.util.Locale.ROOT);
		final double scale = u.startsWith("ms") || u.startsWith("milli") ? 1e-3 : u.startsWith("min") ? 60 : u.startsWith("h") ? 3600 : 1;
		if (!(fi > 0) || Double.isInfinite(fi))
			throw new IOException(file + ": time series of " + imp.getNFrames() + " frames has no frame interval in its calibration; give --frame-interval-s");
		return fi * scale;
	}
}
