package io.github.myomito.reporter;

import io.github.myomito.math.Selection;

/**
 * Background-corrected marker intensity of one fibre: the mean and the median of the marker channel over the
 * fibre's pixels minus a background level (the median of the marker outside every fibre, see
 * {@link #background}).
 */
public final class MarkerIntensity {

	private final double mean, median;

	private MarkerIntensity(final double mean, final double median) {
		this.mean = mean;
		this.median = median;
	}

	/** @return mean marker intensity over the fibre minus the background. */
	public double mean() { return mean; }
	/** @return median marker intensity over the fibre minus the background. */
	public double median() { return median; }

	/**
	 * @param marker marker channel (crop or image), flat order
	 * @param region fibre flags of the same array (null = all)
	 * @param background background level ({@link #background})
	 * @return the fibre's intensities (NaN when the region is empty)
	 */
	public static MarkerIntensity measure(final float[] marker, final byte[] region, final double background) {
		final float[] b = new float[marker.length];
		int n = 0;
		double sum = 0;
		for (int i = 0; i < marker.length; i++)
			if ((region == null || region[i] != 0) && Float.isFinite(marker[i])) {
				b[n++] = marker[i];
				sum += marker[i];
			}
		if (n == 0) return new MarkerIntensity(Double.NaN, Double.NaN);
		return new MarkerIntensity(sum / n - background, Selection.select(b, n, n / 2) - background);
	}

	/**
	 * The marker background: the median over pixels outside every fibre ({@code fibreLabels[i] == 0}, the
	 * label plane repeated over z) when at least 100 such pixels exist; otherwise (the whole image is the
	 * fibre) the 1st percentile of the image.
	 *
	 * @param marker marker channel of the image
	 * @param plane pixels per plane
	 * @param fibreLabels per-plane fibre labels, or null (no fibres given)
	 * @return the background level
	 */
	public static double background(final float[] marker, final int plane, final int[] fibreLabels) {
		final float[] b = new float[marker.length];
		int n = 0;
		if (fibreLabels != null)
			for (int i = 0; i < marker.length; i++)
				if (fibreLabels[i % plane] == 0 && Float.isFinite(marker[i])) b[n++] = marker[i];
		if (n >= 100) return Selection.select(b, n, n / 2);
		n = 0;
		for (final float v : marker) if (Float.isFinite(v)) b[n++] = v;
		return n == 0 ? 0 : Selection.select(b, n, (int) Math.floor(0.01 * (n - 1)));
	}
}
