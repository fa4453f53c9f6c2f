package io.github.myomito.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.myomito.dynamics.DynamicsResult;
import io.github.myomito.results.Column;
import io.github.myomito.results.Columns;
import io.github.myomito.results.Table;

/**
 * Adds a series' {@link DynamicsResult} to an image's tables: the dynamics columns of its fibres row
 * and the {@code frames}, {@code tracks} and {@code events} tables (#14). The dynamics are measured
 * over the whole image; they fill the fibres row only when the image has exactly one whole-fibre row
 * (the whole image, one ROI or one detected fibre) — with several fibres the columns stay NaN and a
 * warning says why, as splitting tracks by fibre is not implemented yet.
 */
public final class DynamicsTables {

	private DynamicsTables() {}

	/**
	 * @param r the tables of the series' first frame (changed in place)
	 * @param d the dynamics of the series
	 * @param file the input file as given
	 * @return warnings to add to the image's
	 */
	public static List<String> add(final ImageResult r, final DynamicsResult d, final String file) {
		final List<String> warnings = new ArrayList<>();
		final Table fibres = r.table("fibres");
		final List<Integer> whole = IntStream.range(0, fibres.size())
			.filter(i -> RegionAnalysis.Part.ALL.label().equals(fibres.getText(i, Columns.REGION.key()))).boxed().collect(Collectors.toList());
		if (whole.isEmpty()) return warnings;
		final int row = whole.get(0);
		final String fibre = whole.size() == 1 ? fibres.getText(row, Columns.FIBRE.key()) : "image";
		if (whole.size() == 1) {
			final long fis = d.count(DynamicsResult.EventType.FISSION), fus = d.count(DynamicsResult.EventType.FUSION);
			fibres.row(row).set(Columns.FISSION_EVENTS, fis).set(Columns.FUSION_EVENTS, fus)
				.set(Columns.FISSION_RATE, d.rate(DynamicsResult.EventType.FISSION)).set(Columns.FUSION_RATE, d.rate(DynamicsResult.EventType.FUSION))
				.set(Columns.FISSION_FUSION_RATIO, d.fissionFusionRatio()).set(Columns.MEAN_SPEED, d.meanSpeedUmS()).set(Columns.MOTILE_FRACTION, d.motileFraction());
		}
		else warnings.add("dynamics measured over the whole image (" + whole.size() + " fibres): per-fibre columns left NaN");
		final Object[] prov = new Object[Columns.PROVENANCE.size()];
		for (int k = 0; k < prov.length; k++) prov[k] = fibres.get(row, Columns.PROVENANCE.get(k).key());
		final Table frames = r.table("frames"), tracks = r.table("tracks"), events = r.table("events");
		for (final DynamicsResult.Frame f : d.frames())
			prov(frames.addRow().set(Columns.FILE, file).set(Columns.FIBRE, fibre).set(Columns.FRAME, (long) f.frame()).set(Columns.TIME_S, f.timeS())
				.set(Columns.OBJECTS, (long) f.objects()).set(Columns.TOTAL_LENGTH, f.lengthUm()).set(Columns.FOOTPRINT, f.footprintUm2())
				.set(Columns.THRESHOLD, f.threshold()).set(Columns.BLEACH_FACTOR, f.bleachFactor()), prov);
		for (final DynamicsResult.Spot s : d.spots())
			prov(tracks.addRow().set(Columns.FILE, file).set(Columns.FIBRE, fibre).set(Columns.OBJECT, (long) s.label()).set(Columns.FRAME, (long) s.frame())
				.set(Columns.TRACK, (long) s.track()).set(Columns.PARENTS, join(s.parentTracks())).set(Columns.X, s.x()).set(Columns.Y, s.y()).set(Columns.Z, s.z())
				.set(Columns.VOXELS, s.voxels()), prov);
		int n = 0;
		for (final DynamicsResult.Event e : d.events())
			prov(events.addRow().set(Columns.FILE, file).set(Columns.FIBRE, fibre).set(Columns.EVENT, (long) ++n).set(Columns.EVENT_TYPE, e.type().id())
				.set(Columns.FRAME, (long) e.frame()).set(Columns.TIME_S, e.timeS()).set(Columns.X, e.x()).set(Columns.Y, e.y()).set(Columns.Z, e.z())
				.set(Columns.PARENTS, join(e.parentTracks())).set(Columns.CHILDREN, join(e.childTracks())).set(Columns.EVENT_CONFIDENCE, e.confidence())
				.set(Columns.EVENT_STEP, e.intensityStep()), prov);
		return warnings;
	}

	private static void prov(final Table.Row row, final Object[] prov) {
		for (int k = 0; k < prov.length; k++) row.set(Columns.PROVENANCE.get(k), prov[k]);
	}

	private static String join(final int[] v) {
		final StringBuilder sb = new StringBuilder();
		for (final int x : v) sb.append(sb.length() > 0 ? ";" : "").append(x);
		return sb.toString();
	}

	/** @return the column list, for callers that check a table's width */
	static List<Column> dynamicsColumns() {
		return Columns.DYNAMICS;
	}
}
