package io.github.myomito.coloc;

/**
 * One detected LC3 punctum (immutable). Positions are given in pixels (flat-order axes x, y[, z]) and
 * in µm ({@code px · spacing}); {@link #positionPx()} is the DoG-weighted centroid of the punctum's
 * pixels, {@link #peakPx()} the local-maximum pixel.
 * <p>
 * The punctum's pixels are the pixels 3^d-connected to the peak whose DoG response is ≥ half the
 * peak's and which lie within {@code 2r} (µm) of the peak. The mitochondrial fields are filled by
 * {@link PunctaDetector#annotate}; before that {@link #isAnnotated()} is false, {@link #onMitochondria()}
 * false, {@link #distanceToMitoUm()} NaN and {@link #mitoLabel()} 0.
 */
public final class Punctum {

	private final int id;
	private final int peakIndex;
	private final int[] peakPx;
	private final double[] positionPx, positionUm;
	private final double peakIntensity, meanIntensity, dogResponse, size;
	private final int[] pixels;
	private final boolean annotated, onMito;
	private final double distanceToMitoUm;
	private final int mitoLabel;

	Punctum(final int id, final int peakIndex, final int[] peakPx, final double[] positionPx, final double[] positionUm,
		final double peakIntensity, final double meanIntensity, final double dogResponse, final double size, final int[] pixels,
		final boolean annotated, final boolean onMito, final double distanceToMitoUm, final int mitoLabel) {
		this.id = id;
		this.peakIndex = peakIndex;
		this.peakPx = peakPx;
		this.positionPx = positionPx;
		this.positionUm = positionUm;
		this.peakIntensity = peakIntensity;
		this.meanIntensity = meanIntensity;
		this.dogResponse = dogResponse;
		this.size = size;
		this.pixels = pixels;
		this.annotated = annotated;
		this.onMito = onMito;
		this.distanceToMitoUm = distanceToMitoUm;
		this.mitoLabel = mitoLabel;
	}

	Punctum annotated(final boolean on, final double dist, final int label) {
		return new Punctum(id, peakIndex, peakPx, positionPx, positionUm, peakIntensity, meanIntensity, dogResponse, size, pixels,
			true, on, dist, label);
	}

	/** @return 1-based id, in order of decreasing DoG response */
	public int id() { return id; }

	/** @return flat index of the peak pixel */
	public int peakIndex() { return peakIndex; }

	/** @return peak pixel coordinates (x, y[, z]) (a copy) */
	public int[] peakPx() { return peakPx.clone(); }

	/** @return DoG-weighted centroid in pixel coordinates (a copy) */
	public double[] positionPx() { return positionPx.clone(); }

	/** @return centroid in µm: {@code positionPx · spacing} (a copy) */
	public double[] positionUm() { return positionUm.clone(); }

	/** @return LC3 intensity at the peak pixel */
	public double peakIntensity() { return peakIntensity; }

	/** @return mean LC3 intensity over the punctum's pixels */
	public double meanIntensity() { return meanIntensity; }

	/** @return DoG response at the peak */
	public double dogResponse() { return dogResponse; }

	/** @return area (2D, µm²) or volume (3D, µm³): pixel count × pixel measure */
	public double size() { return size; }

	/** @return number of pixels of the punctum */
	public int pixelCount() { return pixels.length; }

	/** @return flat indices of the punctum's pixels (a copy) */
	public int[] pixels() { return pixels.clone(); }

	int[] pixelsNoCopy() { return pixels; }

	/** @return whether the mitochondrial fields have been computed */
	public boolean isAnnotated() { return annotated; }

	/**
	 * @return {@code true} when the mitochondrial mask is set at the peak pixel or covers ≥ 50 % of the
	 *         punctum's pixels (a "mitophagosome")
	 */
	public boolean onMitochondria() { return onMito; }

	/**
	 * @return Euclidean distance (µm) from the peak pixel to the nearest mitochondrial pixel; 0 when
	 *         {@link #onMitochondria()}; NaN when not annotated or the image has no mitochondria
	 */
	public double distanceToMitoUm() { return distanceToMitoUm; }

	/** @return label of the mitochondrion the punctum sits on, 0 if none (or no labels given) */
	public int mitoLabel() { return mitoLabel; }

	@Override
	public String toString() {
		return "Punctum[" + id + " at " + java.util.Arrays.toString(positionUm) + " µm, peak " + peakIntensity + ", size " + size
			+ (annotated ? ", onMito=" + onMito + ", dist=" + distanceToMitoUm + ", label=" + mitoLabel : "") + "]";
	}
}
