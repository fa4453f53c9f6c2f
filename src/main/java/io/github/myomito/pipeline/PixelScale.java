package io.github.myomito.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plausibility of a lateral pixel size for light-microscope images of muscle fibres, so that a wrong
 * calibration or a {@code --pixel-size} given in the wrong unit is said in plain words rather than
 * surfacing as an internal limit of one algorithm.
 * <p>
 * The sarcomere period (≥ {@link AnalysisSettings#minPeriodUm()}, 1.5 µm by default) is sampled
 * without aliasing only when the pixel is at most half of it (Nyquist: Δx ≤ P<sub>min</sub>/2); beyond
 * {@link #COARSE_UM} per pixel a mitochondrion (≈ 0.3–1 µm wide) is smaller than one pixel. Below
 * {@link #FINE_UM} per pixel (10 nm, far below the ≈ 0.2 µm resolution of light microscopy) every
 * filter radius given in µm spans many pixels and the analysis takes long: such a pixel size is almost
 * certainly a unit mistake (nm or mm for µm).
 */
public final class PixelScale {

	/** Pixels coarser than this (µm) are coarser than a mitochondrion. */
	public static final double COARSE_UM = 1.0;
	/** Pixels finer than this (µm) are finer than any light microscope resolves. */
	public static final double FINE_UM = 0.01;
	/** z steps more than this many pixel sizes apart (and coarser than {@link #COARSE_UM}) are too coarse for 3D. */
	public static final double MAX_Z_RATIO = 20;

	private PixelScale() {}

	/** @return true when a period of {@code minPeriodUm} can be measured with pixels of {@code pixelUm} (Nyquist). */
	public static boolean resolvesPeriod(final double pixelUm, final double minPeriodUm) {
		return minPeriodUm >= 2 * pixelUm;
	}

	/** @return the one-line reason why the period is not measured with pixels of {@code pixelUm}. */
	public static String periodTooFine(final double pixelUm, final double minPeriodUm) {
		return String.format(Locale.ROOT, "periodicity not measured: pixels of %s µm cannot sample sarcomere periods from %s µm "
			+ "(needs ≤ %s µm per pixel; is the pixel size in µm?)", fmt(pixelUm), fmt(minPeriodUm), fmt(minPeriodUm / 2));
	}

	/** What {@link #periodTooFine} says instead for an image without spatial calibration (its "pixel" of 1 is not 1 µm). */
	public static final String PERIOD_UNCALIBRATED = "periodicity not measured: the image has no spatial calibration, so sarcomere periods "
		+ "(given in µm) cannot be sought; give --pixel-size";

	/** @return {@code warning} with a {@link #periodTooFine} message replaced by {@link #PERIOD_UNCALIBRATED} (for uncalibrated images) */
	public static String uncalibrated(final String warning) {
		final int i = warning.indexOf("periodicity not measured: pixels of ");
		return i < 0 ? warning : warning.substring(0, i) + PERIOD_UNCALIBRATED;
	}

	/**
	 * @param pixelUm the lateral pixel size in µm
	 * @param dims the image size in pixels (x, y[, z])
	 * @return warnings for an implausible pixel size (empty when plausible)
	 */
	public static List<String> warnings(final double pixelUm, final long[] dims) {
		final List<String> w = new ArrayList<>();
		if (!(pixelUm > 0) || !Double.isFinite(pixelUm)) return w;
		if (pixelUm > COARSE_UM)
			w.add(String.format(Locale.ROOT, "pixel size %s µm is coarser than a mitochondrion (%s µm): the network cannot be resolved; "
				+ "is the pixel size in µm?", fmt(pixelUm), fmt(COARSE_UM)));
		else if (pixelUm < FINE_UM)
			w.add(String.format(Locale.ROOT, "pixel size %s µm is finer than light microscopy resolves (%s µm): the image is only %s × %s µm "
				+ "and filters of µm radii span thousands of pixels, so the analysis is slow; is the pixel size in µm?", fmt(pixelUm), fmt(FINE_UM),
				fmt(dims[0] * pixelUm), fmt(dims[1] * pixelUm)));
		return w;
	}

	/**
	 * The z step of a stack against its lateral pixel size. Beyond {@link #MAX_Z_RATIO}·Δx between
	 * slices (and coarser than a mitochondrion, {@link #COARSE_UM}), a mitochondrion (≈ 0.3–1 µm) is seen
	 * in one slice at most: nothing connects from slice to slice, so 3D lengths, volumes and junctions
	 * describe the slicing rather than the network.
	 *
	 * @param pixelUm the lateral pixel size Δx in µm
	 * @param zStepUm the z step Δz in µm
	 * @return a warning when Δz &gt; {@link #MAX_Z_RATIO}·Δx and Δz &gt; {@link #COARSE_UM} (empty otherwise)
	 */
	public static List<String> zWarnings(final double pixelUm, final double zStepUm) {
		final List<String> w = new ArrayList<>();
		if (!(pixelUm > 0) || !(zStepUm > 0) || !Double.isFinite(pixelUm) || !Double.isFinite(zStepUm)) return w;
		if (zStepUm > MAX_Z_RATIO * pixelUm && zStepUm > COARSE_UM)
			w.add(String.format(Locale.ROOT, "z step %s µm is %s× the pixel size %s µm: a mitochondrion (%s µm) spans at most one slice, so 3D lengths, "
				+ "volumes and junctions are not measured reliably; is the z step in µm? (else analyse the slices one by one)", fmt(zStepUm),
				fmt(zStepUm / pixelUm), fmt(pixelUm), fmt(COARSE_UM)));
		return w;
	}

	private static String fmt(final double v) {
		return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
	}
}
