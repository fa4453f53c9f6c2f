package io.github.myomito.image.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.TextRoi;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.myomito.image.Pixels;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.RegionAnalysis;

/**
 * Quality-control pictures written by headless runs: one PNG per image with two panels on the
 * mitochondrial signal (a stack is shown as its maximum projection) — left, the skeleton by voxel type
 * (end-points red, slabs cyan, junctions yellow); right, branches by orientation to the fibre axis
 * (transverse magenta, longitudinal green, oblique orange), the axis (white) and LC3 puncta (green on
 * mitochondria, red off); with a mitophagy reporter a third panel on its acid channel, each fibre outlined and
 * labelled with its number of mitolysosomes, and the mitolysosomes as circles (orange on mitochondria, sky blue off). Drawn with the same {@link Overlays} as the Fiji commands.
 */
public final class QcImages {

	private QcImages() {}

	/** Renders the QC picture of an analysed image. */
	public static ColorProcessor render(final ImageAnalysis.Result r) {
		final int mito = r.settings().mitoChannel() - 1;
		final float[] data = Pixels.floats(r.image().channel(mito));
		final int[] d = Pixels.dims(r.image().channel(mito));
		final int w = d[0], h = d[1], plane = w * h;
		final float[] proj = new float[plane];
		java.util.Arrays.fill(proj, Float.NEGATIVE_INFINITY);
		for (int i = 0; i < data.length; i++) proj[i % plane] = Math.max(proj[i % plane], Float.isFinite(data[i]) ? data[i] : 0);
		final ImageProcessor grey = new FloatProcessor(w, h, proj);
		grey.resetMinAndMax();
		final List<RegionAnalysis> regions = r.fibres().stream().filter(f -> f.part() == RegionAnalysis.Part.ALL).collect(java.util.stream.Collectors.toList());
		final Overlay left = new Overlay();
		Overlays.skeleton(left, regions);
		final Overlay right = new Overlay();
		Overlays.lattice(right, regions);
		for (final RegionAnalysis f : regions) Overlays.puncta(right, f);
		final ColorProcessor a = flatten(grey, left, "skeleton: end-points, slabs, junctions");
		final ColorProcessor b = flatten(grey, right, "orientation: transverse, longitudinal, oblique; axis; LC3 on/off");
		final ColorProcessor c = r.mitolysosomes() == null ? null : mitolysosomePanel(r, regions, w, h);
		final int panels = c == null ? 2 : 3;
		final ColorProcessor out = new ColorProcessor(panels * w + (panels - 1) * 4, h);
		out.setColor(java.awt.Color.DARK_GRAY);
		out.fill();
		out.insert(a, 0, 0);
		out.insert(b, w + 4, 0);
		if (c != null) out.insert(c, 2 * (w + 4), 0);
		return out;
	}

	/**
	 * The third panel, with a reporter: the acid channel (mito-QC red, mt-Keima 561 nm; a stack's maximum projection),
	 * each fibre's outline (white) with its name and count of mitolysosomes, and the mitolysosome circles of
	 * {@link Overlays#mitolysosomes} (orange on a mitochondrial object, sky blue on none).
	 */
	private static ColorProcessor mitolysosomePanel(final ImageAnalysis.Result r, final List<RegionAnalysis> regions, final int w, final int h) {
		final int plane = w * h;
		final float[] acid = Pixels.floats(r.image().channel(r.settings().reporter().acidChannel() - 1));
		final float[] proj = new float[plane];
		java.util.Arrays.fill(proj, Float.NEGATIVE_INFINITY);
		for (int i = 0; i < acid.length; i++) proj[i % plane] = Math.max(proj[i % plane], Float.isFinite(acid[i]) ? acid[i] : 0);
		final ImageProcessor grey = new FloatProcessor(w, h, proj);
		grey.resetMinAndMax();
		final Overlay o = new Overlay();
		final int fs = Math.max(9, w / 40);
		for (int fi = 0; fi < r.fibres().size(); fi++) {
			final RegionAnalysis f = r.fibres().get(fi);
			if (f.part() != RegionAnalysis.Part.ALL) continue;
			final int[] off = f.offset(), d = f.dims();
			final byte[] region = f.region();
			final ColorProcessor edge = new ColorProcessor(d[0], d[1]);
			final int[] px = (int[]) edge.getPixels();
			boolean any = false;
			if (region != null)
				for (int y = 0; y < d[1]; y++)
					for (int x = 0; x < d[0]; x++) {
						final int i = x + d[0] * y;
						if (region[i] == 0) continue;
						if (x == 0 || y == 0 || x == d[0] - 1 || y == d[1] - 1 || region[i - 1] == 0 || region[i + 1] == 0 || region[i - d[0]] == 0 || region[i + d[0]] == 0) {
							px[i] = 0xffffff;
							any = true;
						}
					}
			if (any) {
				final ij.gui.ImageRoi er = new ij.gui.ImageRoi(off[0], off[1], edge);
				er.setZeroTransparent(true);
				o.add(er);
			}
			final int n = r.mitolysosomes().get(fi).count();
			final TextRoi t = new TextRoi(off[0] + 2, off[1] + fs + 6, f.name() + ": " + n + " mitolysosome" + (n == 1 ? "" : "s"),
				new java.awt.Font("SansSerif", java.awt.Font.PLAIN, fs));
			t.setStrokeColor(java.awt.Color.WHITE);
			o.add(t);
		}
		Overlays.mitolysosomes(o, r);
		return flatten(grey, o, r.settings().reporter().reporter().id() + " acid channel: mitolysosomes on / off mitochondria");
	}

	private static ColorProcessor flatten(final ImageProcessor grey, final Overlay o, final String label) {
		final ImagePlus imp = new ImagePlus("qc", grey.convertToByte(true).convertToRGB());
		final TextRoi t = new TextRoi(2, 2, label, new java.awt.Font("SansSerif", java.awt.Font.PLAIN, Math.max(9, grey.getWidth() / 40)));
		t.setStrokeColor(java.awt.Color.WHITE);
		o.add(t);
		imp.setOverlay(o);
		return (ColorProcessor) imp.flatten().getProcessor();
	}

	/** Writes the QC picture as PNG, atomically. */
	public static void write(final ImageAnalysis.Result r, final Path png) throws IOException {
		ImageFiles.writePng(new ImagePlus(png.getFileName().toString(), render(r)), png);
	}
}
