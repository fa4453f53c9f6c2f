package io.github.myomito.image.ij;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.process.FloatProcessor;
import io.github.myomito.coloc.ColocResult;

/**
 * The cytofluorogram of two channels: a 256 × 256 two-dimensional histogram (log(1 + count)) of the
 * pixel pairs inside the mask, channel 1 along x and channel 2 along y (up), each scaled to its range in
 * the mask, with the Costes regression line and the two thresholds drawn as an overlay.
 */
public final class Cytofluorogram {

	private Cytofluorogram() {}

	/** Size of the histogram in bins per axis. */
	public static final int BINS = 256;

	/**
	 * @param a channel 1, @param b channel 2, @param mask pixels to use (null = all), @param r the statistics
	 * @return a calibrated 32-bit image titled "Cytofluorogram"
	 */
	public static ImagePlus render(final float[] a, final float[] b, final byte[] mask, final ColocResult r) {
		double amin = Double.POSITIVE_INFINITY, amax = Double.NEGATIVE_INFINITY, bmin = amin, bmax = amax;
		for (int i = 0; i < a.length; i++) {
			if (mask != null && mask[i] == 0 || !Float.isFinite(a[i]) || !Float.isFinite(b[i])) continue;
			amin = Math.min(amin, a[i]);
			amax = Math.max(amax, a[i]);
			bmin = Math.min(bmin, b[i]);
			bmax = Math.max(bmax, b[i]);
		}
		final float[] h = new float[BINS * BINS];
		final double sa = amax > amin ? (BINS - 1) / (amax - amin) : 0, sb = bmax > bmin ? (BINS - 1) / (bmax - bmin) : 0;
		for (int i = 0; i < a.length; i++) {
			if (mask != null && mask[i] == 0 || !Float.isFinite(a[i]) || !Float.isFinite(b[i])) continue;
			final int x = (int) ((a[i] - amin) * sa), y = BINS - 1 - (int) ((b[i] - bmin) * sb);
			h[x + BINS * y]++;
		}
		for (int i = 0; i < h.length; i++) h[i] = (float) Math.log1p(h[i]);
		final ImagePlus imp = new ImagePlus("Cytofluorogram", new FloatProcessor(BINS, BINS, h));
		imp.getProcessor().resetMinAndMax();
		final Overlay o = new Overlay();
		if (r != null && Double.isFinite(r.regressionSlope()) && sa > 0 && sb > 0) {
			final double x0 = 0, x1 = BINS - 1;
			final double v0 = amin, v1 = amax;
			final double y0 = BINS - 1 - (r.regressionSlope() * v0 + r.regressionIntercept() - bmin) * sb;
			final double y1 = BINS - 1 - (r.regressionSlope() * v1 + r.regressionIntercept() - bmin) * sb;
			final Line line = new Line(x0, y0, x1, y1);
			line.setStrokeColor(java.awt.Color.YELLOW);
			line.setName("regression");
			o.add(line);
		}
		if (r != null && Double.isFinite(r.threshold1()) && Double.isFinite(r.threshold2()) && sa > 0 && sb > 0) {
			final double tx = (r.threshold1() - amin) * sa, ty = BINS - 1 - (r.threshold2() - bmin) * sb;
			final Line v = new Line(tx, 0, tx, BINS - 1), hz = new Line(0, ty, BINS - 1, ty);
			v.setStrokeColor(java.awt.Color.CYAN);
			hz.setStrokeColor(java.awt.Color.CYAN);
			v.setName("threshold ch1");
			hz.setName("threshold ch2");
			o.add(v);
			o.add(hz);
		}
		imp.setOverlay(o);
		imp.setProperty("Info", String.format(java.util.Locale.ROOT, "x: channel 1 from %g to %g; y: channel 2 from %g to %g; values log(1 + count)", amin, amax, bmin, bmax));
		return imp;
	}
}
