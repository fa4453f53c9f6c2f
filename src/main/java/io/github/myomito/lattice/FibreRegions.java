package io.github.myomito.lattice;

/**
 * Detected fibres: an immutable label image (0 = background, fibres 1..n) with each fibre's size, the result
 * of {@link FibreDetection#detect}. Sizes are areas in µm² for 2D images and volumes in µm³ for stacks.
 */
public final class FibreRegions {

	private final int[] labels;
	private final int[] dims;
	private final double[] spacing;
	private final int count;
	private final long[] pixelCounts;
	private final double threshold;

	FibreRegions(final int[] labels, final int[] dims, final double[] spacing, final int count, final double threshold) {
		this.labels = labels;
		this.dims = dims.clone();
		this.spacing = spacing.clone();
		this.count = count;
		this.threshold = threshold;
		this.pixelCounts = new long[count + 1];
		for (final int l : labels) pixelCounts[l]++;
	}

	/** @return number of fibres n. */
	public int count() {
		return count;
	}

	/** @return the label image (flat order, 0 = background, 1..n), a copy. */
	public int[] labels() {
		return labels.clone();
	}

	/** @return the label at a flat index (no copy). */
	public int labelAt(final int index) {
		return labels[index];
	}

	/** @return image dimensions (a copy). */
	public int[] dims() {
		return dims.clone();
	}

	/** @return the spacing used, µm per pixel (a copy). */
	public double[] spacing() {
		return spacing.clone();
	}

	/** @return the threshold applied to the smoothed image. */
	public double threshold() {
		return threshold;
	}

	/** @param fibre 1..n; @return its number of pixels/voxels. */
	public long pixelCount(final int fibre) {
		check(fibre);
		return pixelCounts[fibre];
	}

	/** @param fibre 1..n; @return its area in µm² (2D) or volume in µm³ (3D). */
	public double sizeUm(final int fibre) {
		check(fibre);
		double m = 1;
		for (final double s : spacing) m *= s;
		return pixelCounts[fibre] * m;
	}

	/** @return sizes of fibres 1..n (index 0 = fibre 1), µm² or µm³. */
	public double[] sizesUm() {
		final double[] a = new double[count];
		for (int k = 1; k <= count; k++) a[k - 1] = sizeUm(k);
		return a;
	}

	/** @param fibre 1..n; @return a new mask (1 = that fibre). */
	public byte[] mask(final int fibre) {
		check(fibre);
		final byte[] m = new byte[labels.length];
		for (int i = 0; i < m.length; i++) if (labels[i] == fibre) m[i] = 1;
		return m;
	}

	/** @return a new mask of all fibres. */
	public byte[] mask() {
		final byte[] m = new byte[labels.length];
		for (int i = 0; i < m.length; i++) if (labels[i] != 0) m[i] = 1;
		return m;
	}

	private void check(final int fibre) {
		if (fibre < 1 || fibre > count) throw new IllegalArgumentException("fibre " + fibre + " does not exist (1.." + count + ")");
	}

	@Override
	public String toString() {
		return "FibreRegions[" + count + " fibres, threshold " + threshold + "]";
	}
}
