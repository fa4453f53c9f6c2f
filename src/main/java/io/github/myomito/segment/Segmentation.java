package io.github.myomito.segment;

import java.util.Collections;
import java.util.List;

/**
 * Immutable result of {@link Segmenter#segment}: the 0/1 mask, its labelled objects, the threshold
 * used, the enhanced image that was thresholded and warnings about the input. Array accessors
 * return copies.
 */
public final class Segmentation {

	private final byte[] mask;
	private final Labels labels;
	private final double threshold;
	private final float[] enhanced;
	private final int[] dims;
	private final double[] spacing;
	private final List<String> warnings;
	private final float[] deconvolved;

	Segmentation(final byte[] mask, final Labels labels, final double threshold, final float[] enhanced, final int[] dims, final double[] spacing, final List<String> warnings) {
		this(mask, labels, threshold, enhanced, dims, spacing, warnings, null);
	}

	Segmentation(final byte[] mask, final Labels labels, final double threshold, final float[] enhanced, final int[] dims, final double[] spacing, final List<String> warnings,
		final float[] deconvolved) {
		this.deconvolved = deconvolved;
		this.mask = mask;
		this.labels = labels;
		this.threshold = threshold;
		this.enhanced = enhanced;
		this.dims = dims.clone();
		this.spacing = spacing.clone();
		this.warnings = Collections.unmodifiableList(new java.util.ArrayList<>(warnings));
	}

	/** @return the final mask (1 = mitochondria, 0 = background), a copy. */
	public byte[] mask() {
		return mask.clone();
	}

	/** @return the labelled objects of {@link #mask()}. */
	public Labels labels() {
		return labels;
	}

	/**
	 * @return the global threshold applied to {@link #enhanced()} (foreground = value &gt; threshold);
	 *         NaN for {@link ThresholdMode#LOCAL} or when no threshold could be found
	 */
	public double threshold() {
		return threshold;
	}

	/** @return the enhanced (background-subtracted, denoised, optionally tubeness) image, a copy. */
	public float[] enhanced() {
		return enhanced.clone();
	}

	/**
	 * @return the stack after the axial deconvolution ({@link AxialDeconvolution}, before the background and denoising
	 *         filters), a copy; null when the image was not deconvolved
	 */
	public float[] deconvolved() {
		return deconvolved == null ? null : deconvolved.clone();
	}

	/** @return image dimensions (a copy). */
	public int[] dims() {
		return dims.clone();
	}

	/** @return spacing in µm per axis (a copy). */
	public double[] spacing() {
		return spacing.clone();
	}

	/** @return warnings about the input or the result, unmodifiable. */
	public List<String> warnings() {
		return warnings;
	}

	/** @return number of foreground pixels. */
	public long foregroundCount() {
		long n = 0;
		for (final byte b : mask) n += b != 0 ? 1 : 0;
		return n;
	}
}
