package io.github.myomito.segment;

import java.util.Arrays;

/**
 * Immutable result of connected-component labelling: a label per pixel (0 = background, 1..count =
 * objects numbered in raster order of their first pixel), the pixel count of each object and its
 * bounding box.
 */
public final class Labels {

	private final int[] labels;
	private final int[] dims;
	private final int count;
	private final long[] sizes;
	private final int[] boxMin;
	private final int[] boxMax;

	Labels(final int[] labels, final int[] dims, final int count, final long[] sizes, final int[] boxMin, final int[] boxMax) {
		this.labels = labels;
		this.dims = dims.clone();
		this.count = count;
		this.sizes = sizes;
		this.boxMin = boxMin;
		this.boxMax = boxMax;
	}

	/** @return a copy of the flat label array (0 = background, 1..{@link #count()} = objects). */
	public int[] labels() {
		return labels.clone();
	}

	/** @return the label at flat index {@code i}. */
	public int label(final int i) {
		return labels[i];
	}

	/** @return image dimensions (a copy). */
	public int[] dims() {
		return dims.clone();
	}

	/** @return number of objects. */
	public int count() {
		return count;
	}

	/** @return a copy of the pixel counts, indexed by label (index 0 = background pixels). */
	public long[] sizes() {
		return sizes.clone();
	}

	/** @return pixel count of object {@code label} (0 gives the background count). */
	public long size(final int label) {
		return sizes[label];
	}

	/** @return the inclusive bounding box of object {@code label} (1..count): {@code {min_0..min_{n-1}, max_0..max_{n-1}}} in pixels. */
	public int[] bounds(final int label) {
		if (label < 1 || label > count) throw new IllegalArgumentException("no object with label " + label + " (count " + count + ")");
		final int n = dims.length;
		final int[] b = new int[2 * n];
		for (int d = 0; d < n; d++) {
			b[d] = boxMin[3 * label + d];
			b[n + d] = boxMax[3 * label + d];
		}
		return b;
	}

	/** @return a 0/1 mask of all labelled pixels. */
	public byte[] mask() {
		final byte[] m = new byte[labels.length];
		for (int i = 0; i < m.length; i++) m[i] = (byte) (labels[i] != 0 ? 1 : 0);
		return m;
	}

	@Override
	public String toString() {
		return "Labels[" + count + " objects, dims " + Arrays.toString(dims) + "]";
	}
}
