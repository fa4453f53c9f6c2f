package io.github.myomito.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fibres given with an image: a 2D label image (x–y; 0 = outside every fibre, k = fibre k, applied to
 * every z slice of a stack) and a name per fibre (ROI names, or label numbers). Built by the doors
 * from ImageJ ROIs ({@code .roi}/{@code .zip}, the ROI Manager) or from a label image.
 */
public final class FibreInput {

	private final int[] labels;
	private final int width, height;
	private final List<String> names;
	private final String source;

	/**
	 * @param labels fibre labels, {@code width·height} values
	 * @param names name of fibre k at index k − 1 (as many as the largest label)
	 * @param source "roi" or "labels", written to the {@code fibre_source} column
	 */
	public FibreInput(final int[] labels, final int width, final int height, final List<String> names, final String source) {
		if (labels.length != width * height) throw new IllegalArgumentException("fibre labels have " + labels.length + " values for a " + width + "×" + height + " image");
		int max = 0;
		for (final int l : labels) {
			if (l < 0) throw new IllegalArgumentException("fibre labels must be ≥ 0");
			max = Math.max(max, l);
		}
		if (names.size() < max) throw new IllegalArgumentException("fibre labels go up to " + max + " but only " + names.size() + " names were given");
		this.labels = labels.clone();
		this.width = width;
		this.height = height;
		this.names = Collections.unmodifiableList(new ArrayList<>(names));
		this.source = source;
	}

	/** @return a copy of the labels. */
	public int[] labels() {
		return labels.clone();
	}

	/** @return image width the labels were made for. */
	public int width() {
		return width;
	}

	/** @return image height the labels were made for. */
	public int height() {
		return height;
	}

	/** @return the fibre names (index k − 1 for label k). */
	public List<String> names() {
		return names;
	}

	/** @return "roi" or "labels". */
	public String source() {
		return source;
	}

	/** @return number of fibres (largest label). */
	public int count() {
		return names.size();
	}
}
