package io.github.myomito.image.ij;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import io.github.myomito.dynamics.DynamicsResult;

/**
 * Overlays of a series' dynamics on its hyperstack: per frame, each track's recent path and the events
 * of that frame. Colours are from the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies (M. Okabe and K. Ito, "Color Universal Design", 2008; B. Wong, "Points of view: Color
 * blindness", Nat. Methods 8:441, 2011, doi:10.1038/nmeth.1618): fission vermillion, fusion blue,
 * kiss-and-run reddish purple, tracks bluish green.
 */
public final class DynamicsOverlays {

	/** Okabe–Ito vermillion (#D55E00). */
	public static final Color FISSION = new Color(0xD5, 0x5E, 0x00);
	/** Okabe–Ito blue (#0072B2). */
	public static final Color FUSION = new Color(0x00, 0x72, 0xB2);
	/** Okabe–Ito reddish purple (#CC79A7). */
	public static final Color KISS_AND_RUN = new Color(0xCC, 0x79, 0xA7);
	/** Okabe–Ito bluish green (#009E73). */
	public static final Color TRACK = new Color(0x00, 0x9E, 0x73);

	/** Frames a track's path reaches back; frames an event marker stays. */
	public static final int TAIL_FRAMES = 10, MARKER_FRAMES = 3;

	private DynamicsOverlays() {}

	/** @return the colour of an event type */
	public static Color colour(final DynamicsResult.EventType t) {
		return t == DynamicsResult.EventType.FISSION ? FISSION : t == DynamicsResult.EventType.FUSION ? FUSION : KISS_AND_RUN;
	}

	/**
	 * Adds, for every frame t (hyperstack position 0, 0, t + 1: all channels and slices), a polyline per
	 * track through its centroids of frames t − {@value #TAIL_FRAMES} … t (named {@code track <id>}),
	 * and a circle of 0.5 µm radius at each event for {@value #MARKER_FRAMES} frames from its frame (named
	 * {@code <type> <n>}, n = row of the events table).
	 *
	 * @param spacing µm per pixel (x, y first)
	 */
	public static void add(final Overlay o, final DynamicsResult d, final double[] spacing) {
		final Map<Integer, List<DynamicsResult.Spot>> byTrack = new TreeMap<>();
		for (final DynamicsResult.Spot s : d.spots()) byTrack.computeIfAbsent(s.track(), k -> new ArrayList<>()).add(s);
		for (final Map.Entry<Integer, List<DynamicsResult.Spot>> e : byTrack.entrySet()) {
			final List<DynamicsResult.Spot> path = e.getValue(); // in frame order: spots are listed frame by frame
			for (int k = 1; k < path.size(); k++) {
				int first = k;
				while (first > 0 && path.get(k).frame() - path.get(first - 1).frame() <= TAIL_FRAMES) first--;
				final int n = k - first + 1;
				final float[] x = new float[n], y = new float[n];
				for (int q = 0; q < n; q++) {
					x[q] = (float) (path.get(first + q).x() / spacing[0] + 0.5);
					y[q] = (float) (path.get(first + q).y() / spacing[1] + 0.5);
				}
				final PolygonRoi line = new PolygonRoi(x, y, n, Roi.POLYLINE);
				line.setStrokeColor(TRACK);
				line.setName("track " + e.getKey());
				line.setPosition(0, 0, path.get(k).frame() + 1);
				o.add(line);
			}
		}
		final int frames = d.frames().size();
		final double r = 0.5 / spacing[0];
		int n = 0;
		for (final DynamicsResult.Event ev : d.events()) {
			n++;
			for (int t = ev.frame(); t < Math.min(frames, ev.frame() + MARKER_FRAMES); t++) {
				final OvalRoi c = new OvalRoi(ev.x() / spacing[0] + 0.5 - r, ev.y() / spacing[1] + 0.5 - r, 2 * r, 2 * r);
				c.setStrokeColor(colour(ev.type()));
				c.setStrokeWidth(t == ev.frame() ? 2 : 1);
				c.setName(ev.type().id() + " " + n);
				c.setPosition(0, 0, t + 1);
				o.add(c);
			}
		}
	}
}
