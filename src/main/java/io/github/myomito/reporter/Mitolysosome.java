package io.github.myomito.reporter;

/**
 * One detected mitolysosome: a connected set of pixels of high acid/neutral ratio
 * ({@link MitolysosomeDetector}). Positions are in µm in the coordinates of the array it was detected
 * in ({@code x = i·s_x}, y down).
 */
public final class Mitolysosome {

	private final int id;
	private final double[] positionUm;
	private final double size;
	private final long pixels;
	private final double ratio;
	private final double meanAcid;
	private final int mitoLabel;

	Mitolysosome(final int id, final double[] positionUm, final double size, final long pixels, final double ratio, final double meanAcid, final int mitoLabel) {
		this.id = id;
		this.positionUm = positionUm.clone();
		this.size = size;
		this.pixels = pixels;
		this.ratio = ratio;
		this.meanAcid = meanAcid;
		this.mitoLabel = mitoLabel;
	}

	/** @return number within its region, 1..n in flat order of the first pixel. */
	public int id() { return id; }
	/** @return acid-weighted centroid, µm per axis (a copy). */
	public double[] positionUm() { return positionUm.clone(); }
	/** @return area in µm² (volume in µm³ for a stack). */
	public double size() { return size; }
	/** @return number of pixels (voxels). */
	public long pixels() { return pixels; }
	/** @return geometric-mean acid/neutral ratio over its pixels, {@code exp(mean ln ρ)}. */
	public double ratio() { return ratio; }
	/** @return mean background-corrected acid (red / 561 nm) intensity over its pixels. */
	public double meanAcid() { return meanAcid; }
	/** @return label of the mitochondrial object it lies on or touches (0 = none). */
	public int mitoLabel() { return mitoLabel; }
}
