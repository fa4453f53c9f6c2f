package io.github.myomito.dynamics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.myomito.simulate.TimeLapse;
import io.github.myomito.simulate.TimeLapseSettings;
import io.github.myomito.simulate.TimeLapseSimulator;
import io.github.myomito.simulate.TimeLapseTruth;

/**
 * Scores {@link DynamicsAnalyzer} against a simulated series: events matched one-to-one (same type,
 * within ±1 frame and 0.5 µm, nearest first); detected objects matched to true objects by majority of
 * their voxels' true labels (&gt; 50 % of the detected voxels that lie in any true object — in 3D the axial
 * blur makes a segmented object several slices thicker than the true one); link accuracy = share of true frame-to-frame links (same id in
 * t−1 and t, both matched) whose detections carry the same track.
 */
final class DynamicsScore {

	final TimeLapseTruth truth;
	final DynamicsResult result;
	int trueEvents, detectedEvents, matchedEvents, trueLinks, correctLinks;

	DynamicsScore(final TimeLapseSettings s) {
		this(s, DynamicsSettings.defaults());
	}

	DynamicsScore(final TimeLapseSettings s, final DynamicsSettings settings) {
		final TimeLapse tl = TimeLapseSimulator.simulate(s);
		truth = tl.truth();
		final int[] dims = tl.dims();
		final List<Map<Integer, Integer>> trackOfTrue = new ArrayList<>();
		result = DynamicsAnalyzer.analyze(t -> {
			final short[] f = tl.frame(t);
			final float[] o = new float[f.length];
			for (int i = 0; i < f.length; i++) o[i] = f[i] & 0xffff;
			return o;
		}, tl.frameCount(), dims, tl.spacing(), s.frameIntervalS(), settings, (t, labels, trackOf) -> {
			final int[] tr = tl.labels(t);
			final Map<Long, Integer> c = new HashMap<>();
			final Map<Integer, Integer> size = new HashMap<>();
			for (int i = 0; i < labels.length; i++)
				if (labels[i] > 0 && tr[i] > 0) {
					size.merge(labels[i], 1, Integer::sum);
					c.merge((long) labels[i] << 32 | tr[i], 1, Integer::sum);
				}
			final Map<Integer, Integer> m = new HashMap<>();
			for (final Map.Entry<Long, Integer> e : c.entrySet()) {
				final int l = (int) (e.getKey() >>> 32), id = (int) (long) e.getKey();
				if (e.getValue() > 0.5 * size.get(l)) m.put(id, trackOf[l]);
			}
			trackOfTrue.add(m);
		}, null);
		// true links: ids present in consecutive frames
		final Map<Integer, List<Integer>> framesOf = new HashMap<>();
		for (final TimeLapseTruth.Spot sp : truth.spots()) framesOf.computeIfAbsent(sp.id(), x -> new ArrayList<>()).add(sp.frame());
		for (final Map.Entry<Integer, List<Integer>> e : framesOf.entrySet())
			for (final int f : e.getValue()) {
				if (f == 0 || !e.getValue().contains(f - 1)) continue;
				trueLinks++;
				final Integer a = trackOfTrue.get(f - 1).get(e.getKey()), b = trackOfTrue.get(f).get(e.getKey());
				if (a != null && a.equals(b)) correctLinks++;
			}
		final List<TimeLapseTruth.Event> te = truth.events();
		final List<DynamicsResult.Event> de = new ArrayList<>();
		for (final DynamicsResult.Event e : result.events()) if (e.type() != DynamicsResult.EventType.KISS_AND_RUN) de.add(e);
		trueEvents = te.size();
		detectedEvents = de.size();
		final boolean[] used = new boolean[de.size()];
		for (final TimeLapseTruth.Event e : te) {
			int best = -1;
			double bd = 0.5;
			for (int k = 0; k < de.size(); k++) {
				final DynamicsResult.Event d = de.get(k);
				if (used[k] || Math.abs(d.frame() - e.frame()) > 1 || !d.type().name().equals(e.type().name())) continue;
				final double dist = Math.sqrt(Math.pow(d.x() - e.x(), 2) + Math.pow(d.y() - e.y(), 2) + Math.pow(d.z() - e.z(), 2));
				if (dist <= bd) {
					bd = dist;
					best = k;
				}
			}
			if (best >= 0) {
				used[best] = true;
				matchedEvents++;
			}
		}
	}

	double recall() { return trueEvents == 0 ? 1 : matchedEvents / (double) trueEvents; }
	double precision() { return detectedEvents == 0 ? 1 : matchedEvents / (double) detectedEvents; }
	double linkAccuracy() { return correctLinks / (double) trueLinks; }

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "events %d true / %d detected / %d matched, links %d/%d, fission %.2f vs %.2f, fusion %.2f vs %.2f, speed %.3f, motile %.2f",
			trueEvents, detectedEvents, matchedEvents, correctLinks, trueLinks, result.rate(DynamicsResult.EventType.FISSION), truth.rate(TimeLapseTruth.EventType.FISSION),
			result.rate(DynamicsResult.EventType.FUSION), truth.rate(TimeLapseTruth.EventType.FUSION), result.meanSpeedUmS(), result.motileFraction());
	}
}
