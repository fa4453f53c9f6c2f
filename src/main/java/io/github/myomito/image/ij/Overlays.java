package io.github.myomito.image.ij;

import java.awt.Color;
import java.util.List;

import ij.gui.ImageRoi;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import io.github.myomito.coloc.Punctum;
import io.github.myomito.pipeline.RegionAnalysis;
import io.github.myomito.skeleton.SkeletonGraph;

/**
 * Overlays of the Fiji commands and the headless QC pictures, in image pixel coordinates: the skeleton coloured by voxel type,
 * branches coloured by orientation with the fibre axis, and LC3 puncta on/off mitochondria.
 */
public final class Overlays {

	private Overlays() {}

	/** End-point voxels. */
	public static final Color END_POINT = Color.RED;
	/** Slab voxels. */
	public static final Color SLAB = Color.CYAN;
	/** Junction voxels. */
	public static final Color JUNCTION = Color.YELLOW;
	/** Transverse branches. */
	public static final Color TRANSVERSE = Color.MAGENTA;
	/** Longitudinal branches. */
	public static final Color LONGITUDINAL = Color.GREEN;
	/** Oblique branches. */
	public static final Color OBLIQUE = Color.ORANGE;
	/** Fibre axis line. */
	public static final Color AXIS = Color.WHITE;
	/**
	 * LC3 punctum on a mitochondrion: sky blue of the colour-blind-safe palette of Okabe &amp; Ito 2008 ("Color
	 * Universal Design", https://jfly.uni-koeln.de/color/), drawn as a circle.
	 */
	public static final Color ON_MITO = new Color(0x56, 0xB4, 0xE9);
	/** LC3 punctum off mitochondria: orange of the same palette, drawn as a square (shape and colour both differ). */
	public static final Color OFF_MITO = new Color(0xE6, 0x9F, 0x00);
	/** Smallest marker radius of a punctum, pixels (a marker is never a single pixel). */
	public static final double MIN_PUNCTUM_MARKER_PX = 3;
	/** Mitolysosome on (or touching) a mitochondrial object: as an LC3 punctum on one, sky blue circle (Okabe–Ito). */
	public static final Color MITOLYSOSOME_ON = ON_MITO;
	/** Mitolysosome on no mitochondrial object: as an LC3 punctum off, orange square (Okabe–Ito). */
	public static final Color MITOLYSOSOME_OFF = OFF_MITO;
	/** Name prefix of the mitolysosome ROIs. */
	public static final String MITOLYSOSOME_PREFIX = "mitolysosome ";

	/**
	 * Adds one transparent image ROI per region whose pixels are coloured by skeleton voxel type
	 * (a stack's skeleton is projected: the highest type over z wins). ROI names: "skeleton &lt;fibre&gt;".
	 */
	public static void skeleton(final Overlay o, final List<RegionAnalysis> regions) {
		for (final RegionAnalysis r : regions) {
			final SkeletonGraph g = r.graph();
			final int[] d = g.dims();
			final int w = d[0], h = d[1], nz = d.length > 2 ? d[2] : 1;
			final byte[] types = g.voxelTypes();
			final ColorProcessor cp = new ColorProcessor(w, h);
			final int[] px = (int[]) cp.getPixels();
			final byte[] best = new byte[w * h];
			for (int z = 0; z < nz; z++)
				for (int i = 0; i < w * h; i++) best[i] = (byte) Math.max(best[i], types[i + z * w * h]);
			for (int i = 0; i < w * h; i++) px[i] = best[i] == SkeletonGraph.END_POINT_VOXEL ? END_POINT.getRGB() & 0xffffff
				: best[i] == SkeletonGraph.SLAB_VOXEL ? SLAB.getRGB() & 0xffffff : best[i] == SkeletonGraph.JUNCTION_VOXEL ? JUNCTION.getRGB() & 0xffffff : 0;
			final int[] off = r.offset();
			final ImageRoi roi = new ImageRoi(off[0], off[1], cp);
			roi.setZeroTransparent(true);
			roi.setName("skeleton " + r.name());
			o.add(roi);
		}
	}

	/**
	 * Adds each branch as a polyline coloured by orientation to the fibre axis (transverse within the
	 * tolerance of 90°, longitudinal within the tolerance of 0°, else oblique; ROI names
	 * "&lt;orientation&gt; &lt;fibre&gt;:&lt;branch&gt;") and the axis line through the fibre centre ("axis &lt;fibre&gt;").
	 */
	public static void lattice(final Overlay o, final List<RegionAnalysis> regions) {
		for (final RegionAnalysis r : regions) {
			final int[] off = r.offset();
			final double[] sp = r.graph().spacing();
			final double axis = r.axis() == null ? Double.NaN : r.axis().angleDeg();
			final double tol = r.orientation() == null ? io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG : r.orientation().toleranceDeg();
			final double[] angles = r.branchAngles();
			for (final SkeletonGraph.Edge e : r.graph().edges()) {
				final double a = angles[e.id()];
				if (Double.isNaN(a) || Double.isNaN(axis)) continue;
				final double toAxis = io.github.myomito.lattice.Orientation.angleToAxis(a, axis);
				final String kind = io.github.myomito.lattice.Orientation.classify(toAxis, tol);
				final int np = e.pathLength();
				final float[] xs = new float[np], ys = new float[np];
				for (int i = 0; i < np; i++) {
					xs[i] = (float) (e.coordinate(i, 0) / sp[0] + off[0] + 0.5);
					ys[i] = (float) (e.coordinate(i, 1) / sp[1] + off[1] + 0.5);
				}
				final Roi roi = np == 1 ? new OvalRoi(xs[0] - 0.5, ys[0] - 0.5, 1, 1) : new PolygonRoi(xs, ys, Roi.POLYLINE);
				roi.setStrokeColor(kind.equals("transverse") ? TRANSVERSE : kind.equals("longitudinal") ? LONGITUDINAL : OBLIQUE);
				roi.setName(kind + " " + r.name() + ":" + (e.id() + 1));
				o.add(roi);
			}
			if (Double.isNaN(axis)) continue;
			final int[] d = r.dims();
			final double cx = r.axis() != null && Double.isFinite(r.axis().centroidXUm()) ? r.axis().centroidXUm() / sp[0] + off[0] : off[0] + d[0] / 2.0;
			final double cy = r.axis() != null && Double.isFinite(r.axis().centroidYUm()) ? r.axis().centroidYUm() / sp[1] + off[1] : off[1] + d[1] / 2.0;
			final double half = Math.hypot(d[0], d[1]) / 2, rad = Math.toRadians(axis);
			final Line line = new Line(cx - half * Math.cos(rad), cy + half * Math.sin(rad), cx + half * Math.cos(rad), cy - half * Math.sin(rad));
			line.setStrokeColor(AXIS);
			line.setStrokeWidth(2);
			line.setName("axis " + r.name());
			o.add(line);
		}
	}

	/**
	 * Adds each LC3 punctum as a marker of at least {@value #MIN_PUNCTUM_MARKER_PX} px radius, 2 px wide: a sky-blue
	 * circle on mitochondria, an orange square off ("on|off &lt;fibre&gt;:&lt;id&gt;").
	 */
	public static void puncta(final Overlay o, final RegionAnalysis r) {
		final int[] off = r.offset();
		for (final Punctum p : r.puncta()) {
			final double[] px = p.positionPx();
			final double rad = Math.max(MIN_PUNCTUM_MARKER_PX, Math.sqrt(p.pixelCount() / Math.PI) + 1);
			final double x0 = px[0] + off[0] + 0.5 - rad, y0 = px[1] + off[1] + 0.5 - rad;
			final Roi roi = p.onMitochondria() ? new OvalRoi(x0, y0, 2 * rad, 2 * rad) : new Roi(x0, y0, 2 * rad, 2 * rad);
			roi.setStrokeWidth(2);
			roi.setStrokeColor(p.onMitochondria() ? ON_MITO : OFF_MITO);
			roi.setName((p.onMitochondria() ? "on " : "off ") + r.name() + ":" + p.id());
			o.add(roi);
		}
	}
	/** Outline of the mitochondrial mask (QC pictures). */
	public static final Color MASK_OUTLINE = new Color(0xCC, 0x79, 0xA7);
	/** Outline of a fibre (QC pictures). */
	public static final Color FIBRE_OUTLINE = Color.WHITE;

	/**
	 * Adds the outline of a binary mask of a crop (z-projected: a pixel is in when any slice is) as a transparent
	 * image ROI at the crop's {@code offset}: the in-pixels with a 4-neighbour out (or on the crop's edge when
	 * {@code edge}).
	 */
	public static void outline(final Overlay o, final byte[] mask, final int[] dims, final int[] offset, final Color colour, final boolean edge, final String name) {
		final int w = dims[0], h = dims[1], plane = w * h, nz = dims.length > 2 ? dims[2] : 1;
		final boolean[] in = new boolean[plane];
		for (int z = 0; z < nz; z++)
			for (int i = 0; i < plane; i++) in[i] |= mask[i + z * plane] != 0;
		final ColorProcessor cp = new ColorProcessor(w, h);
		final int[] px = (int[]) cp.getPixels();
		final int rgb = colour.getRGB() & 0xffffff;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = x + w * y;
				if (!in[i]) continue;
				final boolean border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
				if (border ? edge : !in[i - 1] || !in[i + 1] || !in[i - w] || !in[i + w]) px[i] = rgb;
			}
		final ImageRoi roi = new ImageRoi(offset[0], offset[1], cp);
		roi.setZeroTransparent(true);
		roi.setName(name);
		o.add(roi);
	}

	/**
	 * Adds each mitolysosome of the whole fibres as a marker of its equivalent area ({@code r = √(n/π)} pixels for
	 * n pixels; {@code ∛(3n/4π)} for n voxels of a stack; at least {@link #MIN_PUNCTUM_MARKER_PX}) around its
	 * acid-weighted centroid, 1.5 px wide, in the LC3 punctum convention: a sky blue circle on a mitochondrial object,
	 * an orange square (side 2r) on none (Okabe &amp; Ito 2008 colours; shape and colour both differ). ROI names:
	 * "mitolysosome &lt;fibre&gt;:&lt;id&gt;". Nothing without a reporter.
	 */
	public static void mitolysosomes(final Overlay o, final io.github.myomito.pipeline.ImageAnalysis.Result result) {
		if (result.mitolysosomes() == null) return;
		for (final Roi roi : mitolysosomeRois(result)) o.add(roi);
	}

	/** @return one circle ROI per mitolysosome of the whole fibres, as {@link #mitolysosomes(Overlay, io.github.myomito.pipeline.ImageAnalysis.Result)} draws them. */
	public static List<Roi> mitolysosomeRois(final io.github.myomito.pipeline.ImageAnalysis.Result result) {
		final List<Roi> out = new java.util.ArrayList<>();
		if (result.mitolysosomes() == null) return out;
		for (int fi = 0; fi < result.fibres().size(); fi++) {
			final RegionAnalysis f = result.fibres().get(fi);
			if (f.part() != RegionAnalysis.Part.ALL) continue;
			final int[] off = f.offset();
			final double[] sp = f.graph().spacing();
			final boolean stack = f.dims().length > 2 && f.dims()[2] > 1;
			for (final io.github.myomito.reporter.Mitolysosome m : result.mitolysosomes().get(fi).mitolysosomes()) {
				final double[] p = m.positionUm();
				final double cx = p[0] / sp[0] + off[0] + 0.5, cy = p[1] / sp[1] + off[1] + 0.5;
				final double rad = Math.max(MIN_PUNCTUM_MARKER_PX, stack ? Math.cbrt(3 * m.pixels() / (4 * Math.PI)) : Math.sqrt(m.pixels() / Math.PI));
				final Roi roi = m.mitoLabel() > 0 ? new OvalRoi(cx - rad, cy - rad, 2 * rad, 2 * rad) : new Roi(cx - rad, cy - rad, 2 * rad, 2 * rad);
				roi.setStrokeColor(m.mitoLabel() > 0 ? MITOLYSOSOME_ON : MITOLYSOSOME_OFF);
				roi.setStrokeWidth(1.5);
				roi.setName(MITOLYSOSOME_PREFIX + f.name() + ":" + m.id());
				out.add(roi);
			}
		}
		return out;
	}
}
