package io.github.myomito.image.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.myomito.image.Pixels;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.RegionAnalysis;

/**
 * Quality-control pictures written by headless runs (#16 items 4, 12): one PNG per image, a panel per view on the
 * mitochondrial signal (a stack is shown as its maximum projection), each with its caption above and its legend
 * below the image (never drawn over it, wrapped to the panel's width) and a scale bar:
 * <ol>
 * <li>segmentation: the mask outline (reddish purple) and the skeleton by voxel type (end-points red, slabs cyan,
 * junctions yellow);</li>
 * <li>orientation: branches by orientation to the fibre axis (transverse magenta, longitudinal green, oblique
 * orange) and the axis (white);</li>
 * <li>with an LC3 channel: the LC3 channel itself, with its puncta — sky-blue circles on mitochondria, orange
 * squares off (colour-blind safe, Okabe &amp; Ito 2008), at least 3 px in radius — and the mask outline.</li>
 * <li>with a mitophagy reporter (#15): the reporter's acid channel (mito-QC red, mt-Keima 561 nm) with the
 * mitolysosomes — sky-blue circles on a mitochondrial object, orange squares on none, as the LC3 puncta — and the
 * number of mitolysosomes of each fibre in the caption.</li>
 * </ol>
 * Every panel draws each fibre's outline (white) when fibres were given or detected; a whole-image analysis says so
 * in the caption. Drawn with the same {@link Overlays} as the Fiji commands.
 */
public final class QcImages {

	private QcImages() {}

	/** Scale-bar colour. */
	public static final java.awt.Color SCALE_BAR = java.awt.Color.WHITE;

	/** Renders the QC picture of an analysed image. */
	public static ColorProcessor render(final ImageAnalysis.Result r) {
		final int mito = r.settings().mitoChannel() - 1;
		final int[] d = Pixels.dims(r.image().channel(mito));
		final int w = d[0], h = d[1];
		final ImageProcessor grey = projection(Pixels.floats(r.image().channel(mito)), w, h);
		final List<RegionAnalysis> regions = r.fibres().stream().filter(f -> f.part() == RegionAnalysis.Part.ALL).collect(java.util.stream.Collectors.toList());
		final boolean wholeImage = regions.size() == 1 && "image".equals(regions.get(0).source());
		final String where = wholeImage ? " (region: whole image)" : " (" + regions.size() + " fibre" + (regions.size() == 1 ? "" : "s") + ")";
		final List<ColorProcessor> panels = new java.util.ArrayList<>();
		final Overlay seg = new Overlay();
		outlines(seg, regions, true);
		Overlays.skeleton(seg, regions);
		panels.add(panel(grey, seg, "segmentation" + where, new Object[][] { { Overlays.MASK_OUTLINE, "mask outline" }, { Overlays.END_POINT, "end-point" },
			{ Overlays.SLAB, "slab" }, { Overlays.JUNCTION, "junction" }, { Overlays.FIBRE_OUTLINE, wholeImage ? null : "fibre outline" } }, r));
		final Overlay lat = new Overlay();
		outlines(lat, regions, false);
		Overlays.lattice(lat, regions);
		panels.add(panel(grey, lat, "orientation to the fibre axis", new Object[][] { { Overlays.TRANSVERSE, "transverse" }, { Overlays.LONGITUDINAL, "longitudinal" },
			{ Overlays.OBLIQUE, "oblique" }, { Overlays.AXIS, "axis" } }, r));
		if (r.settings().lc3Channel() > 0) {
			final ImageProcessor lc3 = projection(Pixels.floats(r.image().channel(r.settings().lc3Channel() - 1)), w, h);
			final Overlay p = new Overlay();
			outlines(p, regions, true);
			for (final RegionAnalysis f : regions) Overlays.puncta(p, f);
			int on = 0, n = 0;
			for (final RegionAnalysis f : regions)
				for (final io.github.myomito.coloc.Punctum q : f.puncta()) {
					n++;
					if (q.onMitochondria()) on++;
				}
			panels.add(panel(lc3, p, "LC3 channel " + r.settings().lc3Channel() + ": " + n + " puncta, " + on + " on mitochondria", new Object[][] {
				{ Overlays.ON_MITO, "LC3 on mitochondria (circle)" }, { Overlays.OFF_MITO, "LC3 off (square)" }, { Overlays.MASK_OUTLINE, "mask outline" } }, r));
		}
		if (r.mitolysosomes() != null) {
			final ImageProcessor acid = projection(Pixels.floats(r.image().channel(r.settings().reporter().acidChannel() - 1)), w, h);
			final Overlay p = new Overlay();
			outlines(p, regions, false);
			Overlays.mitolysosomes(p, r);
			panels.add(panel(acid, p, reporterCaption(r), new Object[][] { { Overlays.MITOLYSOSOME_ON, "mitolysosome on mitochondria (circle)" },
				{ Overlays.MITOLYSOSOME_OFF, "off (square)" }, { Overlays.FIBRE_OUTLINE, wholeImage ? null : "fibre outline" } }, r));
		}
		int ph = 0, pw = 0;
		for (final ColorProcessor c : panels) {
			ph = Math.max(ph, c.getHeight());
			pw += c.getWidth();
		}
		final ColorProcessor out = new ColorProcessor(pw + GAP * (panels.size() - 1), ph);
		out.setColor(java.awt.Color.DARK_GRAY);
		out.fill();
		int x = 0;
		for (final ColorProcessor c : panels) {
			out.insert(c, x, 0);
			x += c.getWidth() + GAP;
		}
		return out;
	}

	/** Pixels between panels. */
	static final int GAP = 4;

	private static ImageProcessor projection(final float[] data, final int w, final int h) {
		final int plane = w * h;
		final float[] proj = new float[plane];
		java.util.Arrays.fill(proj, Float.NEGATIVE_INFINITY);
		for (int i = 0; i < data.length; i++) proj[i % plane] = Math.max(proj[i % plane], Float.isFinite(data[i]) ? data[i] : 0);
		final ImageProcessor grey = new FloatProcessor(w, h, proj);
		grey.resetMinAndMax();
		return grey;
	}

	/**
	 * Caption of the reporter panel: the reporter and its acid channel, the mitolysosomes (on mitochondria) of all
	 * whole fibres, and each fibre's count ({@code <fibre>: n}; the first 24 fibres, then how many more).
	 */
	static String reporterCaption(final ImageAnalysis.Result r) {
		int n = 0, on = 0, listed = 0, fibres = 0;
		final StringBuilder per = new StringBuilder();
		for (int fi = 0; fi < r.fibres().size(); fi++) {
			if (r.fibres().get(fi).part() != RegionAnalysis.Part.ALL) continue;
			fibres++;
			final io.github.myomito.reporter.MitolysosomeResult m = r.mitolysosomes().get(fi);
			n += m.count();
			for (final io.github.myomito.reporter.Mitolysosome l : m.mitolysosomes()) if (l.mitoLabel() > 0) on++;
			if (listed < 24) {
				per.append(listed == 0 ? "" : ", ").append(r.fibres().get(fi).name()).append(": ").append(m.count());
				listed++;
			}
		}
		if (fibres > listed) per.append(", … (").append(fibres - listed).append(" more)");
		return r.settings().reporter().reporter().id() + " acid channel " + r.settings().reporter().acidChannel() + ": " + n + " mitolysosomes, " + on
			+ " on mitochondria; per fibre " + per;
	}

	/** Fibre outlines (given or detected fibres) and, with {@code mask}, the mask outline of each region. */
	private static void outlines(final Overlay o, final List<RegionAnalysis> regions, final boolean mask) {
		for (final RegionAnalysis f : regions) {
			final int[] cd = f.dims();
			if (mask) Overlays.outline(o, f.segmentation().mask(), cd, f.offset(), Overlays.MASK_OUTLINE, false, "mask " + f.name());
			final byte[] region = f.region();
			if (region != null && !"image".equals(f.source()))
				Overlays.outline(o, region, new int[] { cd[0], cd[1] }, f.offset(), Overlays.FIBRE_OUTLINE, true, "fibre " + f.name());
		}
	}

	/** Font size of captions and legends for an image of this width. */
	static int fontSize(final int width) {
		return Math.max(12, Math.min(24, width / 45));
	}

	/**
	 * One panel: the caption band, the image with its overlay flattened and a scale bar, the legend band
	 * (entries {colour, text}, null text = left out), wrapped to the width.
	 */
	private static ColorProcessor panel(final ImageProcessor grey, final Overlay o, final String caption, final Object[][] legend, final ImageAnalysis.Result r) {
		final int w = grey.getWidth(), h = grey.getHeight();
		final ImagePlus imp = new ImagePlus("qc", grey.convertToByte(true).convertToRGB());
		imp.setOverlay(o);
		final ColorProcessor img = (ColorProcessor) imp.flatten().getProcessor();
		scaleBar(img, r);
		final int fs = fontSize(w), line = (int) Math.ceil(fs * 1.4), pad = fs / 2;
		final java.awt.Font font = new java.awt.Font("SansSerif", java.awt.Font.PLAIN, fs);
		final ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setFont(font);
		probe.setAntialiasedText(true);
		// lay out the caption (wrapped by words) and the legend entries (swatch + text) in lines of the panel's width
		final List<String> capLines = wrap(caption, w - 2 * pad, probe);
		final List<List<Object[]>> legLines = new java.util.ArrayList<>();
		List<Object[]> cur = new java.util.ArrayList<>();
		int used = pad;
		for (final Object[] e : legend) {
			if (e[1] == null) continue;
			final int ew = fs + pad / 2 + probe.getStringWidth((String) e[1]) + 2 * pad;
			if (!cur.isEmpty() && used + ew > w - pad) {
				legLines.add(cur);
				cur = new java.util.ArrayList<>();
				used = pad;
			}
			cur.add(e);
			used += ew;
		}
		if (!cur.isEmpty()) legLines.add(cur);
		final int top = captionBand(caption, w), bottom = legLines.size() * line + pad;
		final ColorProcessor out = new ColorProcessor(w, top + h + bottom);
		out.setColor(java.awt.Color.BLACK);
		out.fill();
		out.insert(img, 0, top);
		out.setFont(font);
		out.setAntialiasedText(true);
		out.setColor(java.awt.Color.WHITE);
		for (int i = 0; i < capLines.size(); i++) out.drawString(capLines.get(i), pad, pad / 2 + (i + 1) * line - (line - fs) / 2);
		for (int i = 0; i < legLines.size(); i++) {
			int x = pad;
			final int y = top + h + pad / 2 + i * line;
			for (final Object[] e : legLines.get(i)) {
				out.setColor((java.awt.Color) e[0]);
				out.fillRect(x, y + (line - fs) / 2, fs, fs);
				out.setColor(java.awt.Color.WHITE);
				out.drawString((String) e[1], x + fs + pad / 2, y + line - (line - fs) / 2);
				x += fs + pad / 2 + out.getStringWidth((String) e[1]) + 2 * pad;
			}
		}
		return out;
	}

	/** @return the height of the caption band above a panel's image (its wrapped lines and a margin). */
	static int captionBand(final String caption, final int w) {
		final int fs = fontSize(w), line = (int) Math.ceil(fs * 1.4), pad = fs / 2;
		final ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, fs));
		probe.setAntialiasedText(true);
		return wrap(caption, w - 2 * pad, probe).size() * line + pad;
	}

	/** Words of {@code text} in lines no wider than {@code width} (a single longer word gets its own line). */
	static List<String> wrap(final String text, final int width, final ImageProcessor probe) {
		final List<String> lines = new java.util.ArrayList<>();
		String cur = "";
		for (final String word : text.split(" ")) {
			final String next = cur.isEmpty() ? word : cur + " " + word;
			if (!cur.isEmpty() && probe.getStringWidth(next) > width) {
				lines.add(cur);
				cur = word;
			}
			else cur = next;
		}
		if (!cur.isEmpty()) lines.add(cur);
		return lines;
	}

	/**
	 * The scale-bar length: the largest of 1, 2, 5, 10, 20, 50, 100 µm that is at most a fifth of the image width
	 * (in pixels when uncalibrated: the same steps); NaN when even the smallest is too long.
	 */
	public static double scaleBarLength(final double widthUnits) {
		double best = Double.NaN;
		for (final double s : new double[] { 1, 2, 5, 10, 20, 50, 100, 200, 500 })
			if (s <= widthUnits / 5) best = s;
		return best;
	}

	/** Draws the scale bar (bottom left, 3 px high) with its length in µm (or px) above it. */
	private static void scaleBar(final ColorProcessor img, final ImageAnalysis.Result r) {
		final double px = r.image().isCalibrated() ? r.image().spacing()[0] : 1;
		final double len = scaleBarLength(img.getWidth() * px);
		if (Double.isNaN(len)) return;
		final int n = (int) Math.round(len / px), fs = fontSize(img.getWidth()), x0 = fs / 2, y0 = img.getHeight() - fs / 2 - 3;
		img.setColor(SCALE_BAR);
		img.fillRect(x0, y0, n, 3);
		img.setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, fs));
		img.setAntialiasedText(true);
		img.drawString((len == Math.rint(len) ? Long.toString((long) len) : Double.toString(len)) + (r.image().isCalibrated() ? " µm" : " px"), x0, y0 - 2);
	}

	/** Writes the QC picture as PNG, atomically. */
	public static void write(final ImageAnalysis.Result r, final Path png) throws IOException {
		ImageFiles.writePng(new ImagePlus(png.getFileName().toString(), render(r)), png);
	}
}
