package io.github.myomito.segment;

import java.util.ArrayList;
import java.util.List;

import io.github.myomito.image.Pixels;
import io.github.myomito.progress.Progress;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The segmentation chain for mitochondrial networks, 2D or 3D:
 * <ol>
 * <li>non-finite values (NaN, ±∞) are replaced by 0, with a warning;</li>
 * <li>a constant image (including all-zero and 1-pixel images) gives an empty mask and a warning;</li>
 * <li>stacks: axial Richardson–Lucy deconvolution ({@link AxialDeconvolution}, if its σ &gt; 0);</li>
 * <li>white top-hat background removal ({@link Background#subtract}, if radius &gt; 0);</li>
 * <li>median filter ({@link Denoise#median}, if radius &gt; 0), then Gaussian ({@link Gauss}, if σ &gt; 0);</li>
 * <li>optional tubeness ({@link Tubeness#compute}) — the result of steps 3–5 is the "enhanced" image;</li>
 * <li>threshold: global {@link AutoThreshold#threshold} (falls back to Otsu with a warning when the
 * method is undefined for the histogram), {@link LocalThreshold#apply} or {@link StableThreshold#find};</li>
 * <li>fill holes ({@link Morphology#fillHoles}), remove objects below the minimum size
 * ({@link Morphology#removeSmall}), label ({@link Labeling#label}).</li>
 * </ol>
 */
public final class Segmenter {

	/** Warning of a local threshold whose offset C is ≥ 0 (the default): noise above the local mean is foreground. */
	public static final String LOCAL_OFFSET_WARNING = "local threshold with offset C ≥ 0 marks the background's noise above its local mean as "
		+ "mitochondria (too many objects); give a negative --local-offset of a few noise standard deviations (intensity units)";


	private Segmenter() {}

	/** Convenience overload for imglib2 images (the input is not modified). */
	public static Segmentation segment(final RandomAccessibleInterval<? extends RealType<?>> image, final double[] spacing, final SegmentationSettings s, final Progress p) {
		if (image == null) throw new IllegalArgumentException("image must not be null");
		return segment(Pixels.floats(image), Pixels.dims(image), spacing, s, p);
	}

	/**
	 * Segments {@code data} (not modified).
	 *
	 * @param p progress sink, or null for none; cancellation is checked between steps
	 */
	public static Segmentation segment(final float[] data, final int[] dims, final double[] spacing, final SegmentationSettings s, final Progress p) {
		return segment(data, dims, spacing, s, null, p);
	}

	/**
	 * Segments {@code data} inside a region of analysis (e.g. one fibre): global and stable thresholds
	 * are computed from the region's pixels only, and the mask is cleared outside the region before
	 * clean-up, so that nothing outside the region influences the result.
	 *
	 * @param region foreground flags of the region, or null for the whole image
	 * @param p progress sink, or null for none
	 */
	public static Segmentation segment(final float[] data, final int[] dims, final double[] spacing, final SegmentationSettings s, final byte[] region,
		final Progress p) {
		if (data == null) throw new IllegalArgumentException("data must not be null");
		if (region != null && region.length != data.length) throw new IllegalArgumentException("region has " + region.length + " pixels, image " + data.length);
		if (dims == null) throw new IllegalArgumentException("dims must not be null");
		if (dims.length < 2 || dims.length > 3) throw new IllegalArgumentException("only 2D and 3D images are supported, got " + dims.length + " dimensions");
		Labeling.checkDims(dims, data.length);
		Labeling.checkSpacing(spacing, dims);
		if (s == null) throw new IllegalArgumentException("settings must not be null");
		final Progress pr = p == null ? Progress.NONE : p;
		final List<String> warnings = new ArrayList<>();
		final int total = 6;
		pr.status("checking input");
		float[] f = Pixels.finiteOrZero(data);
		if (f != data) {
			final int bad = Pixels.nonFinite(data);
			warnings.add(bad + " non-finite pixel value" + (bad == 1 ? "" : "s") + " (NaN/Inf) treated as 0");
		}
		if (isConstant(f)) {
			warnings.add("image is constant (value " + (f.length > 0 ? f[0] : 0) + "): nothing to segment, mask is empty");
			return empty(f.clone(), dims, spacing, warnings);
		}
		pr.progress(1, total);
		pr.checkCancelled();
		float[] deconvolved = null;
		if (dims.length == 3 && dims[2] > 1 && s.axialDeconvolutionUm() > 0 && s.deconvolutionIterations() > 0) {
			pr.status("axial deconvolution");
			f = AxialDeconvolution.apply(f, dims, spacing, s.axialDeconvolutionUm(), s.deconvolutionIterations());
			deconvolved = f;
		}
		if (s.backgroundRadiusUm() > 0) {
			pr.status("subtracting background");
			f = Background.subtract(f, dims, spacing, s.backgroundRadiusUm());
		}
		pr.progress(2, total);
		pr.checkCancelled();
		if (s.medianRadiusUm() > 0) {
			pr.status("median filter");
			f = Denoise.median(f, dims, spacing, s.medianRadiusUm());
		}
		if (s.gaussianSigmaUm() > 0) f = Denoise.gaussian(f, dims, spacing, s.gaussianSigmaUm());
		pr.progress(3, total);
		pr.checkCancelled();
		if (s.tubeness()) {
			pr.status("tubeness");
			f = Tubeness.compute(f, dims, spacing, s.tubenessScalesUm(), s.tubenessMethod());
		}
		final float[] enhanced = f == data ? data.clone() : f;
		pr.progress(4, total);
		pr.checkCancelled();
		if (isConstant(enhanced)) {
			warnings.add("enhanced image is constant after filtering: mask is empty");
			return empty(enhanced, dims, spacing, warnings);
		}
		pr.status("thresholding");
		double threshold = Double.NaN;
		byte[] mask;
		switch (s.thresholdMode()) {
		case LOCAL:
			mask = LocalThreshold.apply(enhanced, dims, spacing, s.localBlockUm(), s.localOffset(), s.localWeighting());
			// C ≥ 0 keeps every pixel at least as bright as its surroundings, so half of a flat background's noise
			// becomes objects (fission sample: 505 objects, 294 true; C = −20 … −50 gives the true 294)
			if (s.localOffset() >= 0) warnings.add(LOCAL_OFFSET_WARNING);
			break;
		case STABLE:
			threshold = StableThreshold.find(enhanced, dims, s.connectivity(), s.stableSteps()).threshold();
			if (Double.isNaN(threshold)) {
				warnings.add("stable threshold undefined for this image; used Otsu instead");
				threshold = AutoThreshold.threshold(enhanced, region, ThresholdMethod.OTSU);
			}
			mask = apply(enhanced, threshold);
			break;
		default:
			threshold = AutoThreshold.threshold(enhanced, region, s.thresholdMethod());
			if (Double.isNaN(threshold)) {
				warnings.add(s.thresholdMethod().imageJName() + " threshold undefined for this histogram; used Otsu instead");
				threshold = AutoThreshold.threshold(enhanced, region, ThresholdMethod.OTSU);
			}
			mask = apply(enhanced, threshold);
		}
		if (region != null)
			for (int i = 0; i < mask.length; i++)
				if (region[i] == 0) mask[i] = 0;
		pr.progress(5, total);
		pr.checkCancelled();
		pr.status("cleaning mask");
		if (s.fillHoles()) mask = Morphology.fillHoles(mask, dims);
		final double minSize = s.minSizeUm(dims.length);
		if (minSize > 0) mask = Morphology.removeSmall(mask, dims, spacing, minSize, s.connectivity());
		final Labels labels = Labeling.label(mask, dims, s.connectivity());
		if (labels.count() == 0) warnings.add("no objects found");
		pr.progress(6, total);
		return new Segmentation(mask, labels, threshold, enhanced, dims, spacing, warnings, deconvolved);
	}

	/**
	 * The same segmentation with another global threshold: {@code seg}'s enhanced image thresholded at
	 * {@code threshold} and cleaned up as {@link #segment} does (holes filled, small objects removed,
	 * labelled with the settings' connectivity). Used where a caller raises an automatic threshold to a
	 * floor (e.g. the noise floor of {@code DynamicsAnalyzer}).
	 *
	 * @param seg a segmentation made by {@link #segment} with {@code s}
	 * @param threshold the new threshold (pixels strictly above it are foreground)
	 * @param s the settings {@code seg} was made with
	 * @return the re-thresholded segmentation (same enhanced and deconvolved images)
	 */
	public static Segmentation rethreshold(final Segmentation seg, final double threshold, final SegmentationSettings s) {
		if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must be a number");
		final float[] enhanced = seg.enhanced();
		final int[] dims = seg.dims();
		final double[] spacing = seg.spacing();
		byte[] mask = apply(enhanced, threshold);
		if (s.fillHoles()) mask = Morphology.fillHoles(mask, dims);
		final double minSize = s.minSizeUm(dims.length);
		if (minSize > 0) mask = Morphology.removeSmall(mask, dims, spacing, minSize, s.connectivity());
		final Labels labels = Labeling.label(mask, dims, s.connectivity());
		final List<String> warnings = new ArrayList<>(seg.warnings());
		if (labels.count() == 0 && !warnings.contains("no objects found")) warnings.add("no objects found");
		return new Segmentation(mask, labels, threshold, enhanced, dims, spacing, warnings, seg.deconvolved());
	}

	private static byte[] apply(final float[] f, final double t) {
		final byte[] m = new byte[f.length];
		if (Double.isNaN(t)) return m;
		for (int i = 0; i < f.length; i++) m[i] = (byte) (f[i] > t ? 1 : 0);
		return m;
	}

	private static boolean isConstant(final float[] f) {
		for (int i = 1; i < f.length; i++)
			if (f[i] != f[0]) return false;
		return true;
	}

	private static Segmentation empty(final float[] enhanced, final int[] dims, final double[] spacing, final List<String> warnings) {
		final byte[] m = new byte[enhanced.length];
		return new Segmentation(m, Labeling.label(m, dims, Connectivity.FULL), Double.NaN, enhanced, dims, spacing, warnings);
	}
}
