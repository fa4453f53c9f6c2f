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
 * mitochondria, red off). Drawn with the same {@link Overlays} as the Fiji commands.
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
		final ColorProcessor out = new ColorProcessor(2 * w + 4, h);
		out.setColor(java.awt.Color.DARK_GRAY);
		out.fill();
		out.insert(a, 0, 0);
		out.insert(b, w + 4, 0);
		return out;
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
