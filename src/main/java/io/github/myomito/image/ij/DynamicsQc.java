package io.github.myomito.image.ij;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import io.github.myomito.dynamics.DynamicsResult;

/**
 * The QC picture of a series' dynamics ({@code qc/<key>_dynamics.png}, #14), two panels:
 * <ul>
 * <li><b>kymograph along the fibre axis</b>: frame t is row t (time runs down); column u is the
 * maximum of the mitochondrial signal over all pixels (and slices) whose position projected on the
 * axis, {@code u = x cos θ − y sin θ} (θ the fibre axis counter-clockwise from x, image y down), falls in
 * bin u of one pixel width — a moving mitochondrion draws a slanted line, a static one a vertical line.
 * Each event is a circle at its projected position and frame (fission vermillion, fusion blue,
 * kiss-and-run reddish purple: {@link DynamicsOverlays});</li>
 * <li><b>events over time</b>: cumulative fission and fusion counts against time (same colours).</li>
 * </ul>
 * The events are those of the whole image (the dynamics are measured over the image, see
 * {@link io.github.myomito.pipeline.DynamicsTables}).
 */
public final class DynamicsQc {

	private static final int PLOT_W = 260, MARGIN = 28;

	private DynamicsQc() {}

	/**
	 * @param frames frame t → the mitochondrial channel's pixels (x fastest, then y, then z)
	 * @param dims spatial size (2 or 3 axes)
	 * @param spacing µm per pixel
	 * @param axisDeg fibre axis, degrees counter-clockwise from x (NaN = 0: the x axis)
	 */
	public static ColorProcessor render(final IntFunction<float[]> frames, final int[] dims, final double[] spacing, final DynamicsResult d, final double axisDeg) {
		final int nf = d.frames().size();
		final double bin = spacing[0];
		final double th = Math.toRadians(Double.isFinite(axisDeg) ? axisDeg : 0), c = Math.cos(th), s = Math.sin(th);
		final double uMin = uMin(dims, spacing, c, s);
		final float[][] rows = kymograph(frames, nf, dims, spacing, axisDeg);
		final int nb = rows[0].length;
		final int rowH = Math.max(1, Math.min(8, 400 / Math.max(1, nf)));
		final float[] kymo = new float[nb * nf * rowH];
		for (int t = 0; t < nf; t++)
			for (int r = 0; r < rowH; r++) System.arraycopy(rows[t], 0, kymo, (t * rowH + r) * nb, nb);
		final FloatProcessor kp = new FloatProcessor(nb, nf * rowH, kymo);
		kp.resetMinAndMax();
		final ColorProcessor k = (ColorProcessor) kp.convertToByte(true).convertToRGB();
		for (final DynamicsResult.Event e : d.events()) {
			final double u = (e.x() * c - e.y() * s - uMin) / bin;
			final int y = e.frame() * rowH + rowH / 2, r = 5;
			k.setColor(DynamicsOverlays.colour(e.type()));
			k.setLineWidth(2);
			k.drawOval((int) Math.round(u) - r, y - r, 2 * r, 2 * r);
		}
		final int ph = Math.max(nf * rowH, 160);
		final ColorProcessor out = new ColorProcessor(nb + PLOT_W + 3 * MARGIN, ph + 2 * MARGIN);
		out.setColor(Color.DARK_GRAY);
		out.fill();
		out.insert(k, MARGIN, MARGIN);
		out.setFont(new Font("SansSerif", Font.PLAIN, 11));
		out.setAntialiasedText(true);
		out.setColor(Color.WHITE);
		out.drawString("kymograph along the fibre axis (" + fmt(nb * bin) + " µm →, " + nf + " frames ↓)", MARGIN, MARGIN - 6);
		plot(out, d, nb + 2 * MARGIN, MARGIN, PLOT_W, ph);
		return out;
	}

	private static double uMin(final int[] dims, final double[] spacing, final double c, final double s) {
		double uMin = Double.POSITIVE_INFINITY;
		for (final int[] q : new int[][] { { 0, 0 }, { dims[0] - 1, 0 }, { 0, dims[1] - 1 }, { dims[0] - 1, dims[1] - 1 } })
			uMin = Math.min(uMin, q[0] * spacing[0] * c - q[1] * spacing[1] * s);
		return uMin;
	}

	/**
	 * The kymograph: {@code k[t][b]} = maximum of frame t over the pixels (and slices) whose axis position
	 * {@code u = x cos θ − y sin θ} lies in bin b = ⌊(u − u_min)/s_x⌋ (0 where a bin holds no pixel).
	 */
	static float[][] kymograph(final IntFunction<float[]> frames, final int nf, final int[] dims, final double[] spacing, final double axisDeg) {
		final int w = dims[0], h = dims[1], plane = w * h;
		final double th = Math.toRadians(Double.isFinite(axisDeg) ? axisDeg : 0), c = Math.cos(th), s = Math.sin(th);
		final double uMin = uMin(dims, spacing, c, s);
		double uMax = Double.NEGATIVE_INFINITY;
		for (final int[] q : new int[][] { { 0, 0 }, { w - 1, 0 }, { 0, h - 1 }, { w - 1, h - 1 } }) uMax = Math.max(uMax, q[0] * spacing[0] * c - q[1] * spacing[1] * s);
		final double bin = spacing[0];
		final int nb = (int) Math.floor((uMax - uMin) / bin + 1e-9) + 1;
		final int[] binOf = new int[plane];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) binOf[x + w * y] = Math.min(nb - 1, (int) Math.floor((x * spacing[0] * c - y * spacing[1] * s - uMin) / bin + 1e-9));
		final float[][] out = new float[nf][nb];
		for (int t = 0; t < nf; t++) {
			final float[] f = frames.apply(t);
			final float[] row = out[t];
			java.util.Arrays.fill(row, Float.NEGATIVE_INFINITY);
			for (int i = 0; i < f.length; i++) {
				final int b = binOf[i % plane];
				if (f[i] > row[b]) row[b] = f[i];
			}
			for (int b = 0; b < nb; b++) if (!Float.isFinite(row[b])) row[b] = 0;
		}
		return out;
	}

	private static void plot(final ColorProcessor out, final DynamicsResult d, final int x0, final int y0, final int w, final int h) {
		final int nf = d.frames().size();
		final long fis = d.count(DynamicsResult.EventType.FISSION), fus = d.count(DynamicsResult.EventType.FUSION);
		final long max = Math.max(1, Math.max(fis, fus));
		out.setColor(Color.WHITE);
		out.setLineWidth(1);
		out.drawRect(x0, y0, w, h);
		out.drawString("cumulative events (max " + max + ")", x0, y0 - 6);
		out.drawString("0 s", x0, y0 + h + 14);
		final String end = fmt((nf - 1) * d.intervalS()) + " s";
		out.drawString(end, x0 + w - out.getStringWidth(end), y0 + h + 14);
		int ly = y0 + 14;
		for (final DynamicsResult.EventType t : new DynamicsResult.EventType[] { DynamicsResult.EventType.FISSION, DynamicsResult.EventType.FUSION }) {
			out.setColor(DynamicsOverlays.colour(t));
			out.setLineWidth(2);
			int count = 0, px = x0, py = y0 + h;
			for (int f = 0; f < nf; f++) {
				for (final DynamicsResult.Event e : d.events()) if (e.frame() == f && e.type() == t) count++;
				final int x = x0 + (nf > 1 ? (int) Math.round(f * (w - 1) / (double) (nf - 1)) : 0);
				final int y = y0 + h - (int) Math.round(count * (h - 1) / (double) max);
				out.drawLine(px, py, x, py);
				out.drawLine(x, py, x, y);
				px = x;
				py = y;
			}
			out.drawString(t.id() + " " + count, x0 + 6, ly);
			ly += 14;
		}
	}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** Writes the picture as PNG, atomically. */
	public static void write(final IntFunction<float[]> frames, final int[] dims, final double[] spacing, final DynamicsResult d, final double axisDeg,
		final Path png) throws IOException {
		ImageFiles.writePng(new ImagePlus(png.getFileName().toString(), render(frames, dims, spacing, d, axisDeg)), png);
	}
}
