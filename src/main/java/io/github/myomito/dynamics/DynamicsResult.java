package io.github.myomito.dynamics;

import java.util.List;

/**
 * Typed result of {@link DynamicsAnalyzer#analyze}: per-frame morphology, every object's track, every
 * event and the series summary. Rates are {@code n / (L̄/100 µm) / ((F − 1)·Δt/60 s)} with L̄ the mean
 * skeleton length over the frames.
 */
public final class DynamicsResult {

	/** Event kinds. */
	public enum EventType {
		/** one object → two */ FISSION,
		/** two objects → one */ FUSION,
		/** a fission whose two tracks fuse again within k frames (one event, counted in neither rate) */ KISS_AND_RUN;

		/** @return lower-case id for tables */
		public String id() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
	}

	/** One detected event; {@code frame} is the first frame with the new state. */
	public static final class Event {
		private final EventType type;
		private final int frame;
		private final double timeS;
		private final double x;
		private final double y;
		private final double z;
		private final int[] parentTracks;
		private final int[] childTracks;
		private final double confidence, intensityStep;

		Event(final EventType type, final int frame, final double timeS, final double x, final double y, final double z, final int[] parentTracks, final int[] childTracks, final double confidence) {
			this(type, frame, timeS, x, y, z, parentTracks, childTracks, confidence, Double.NaN);
		}

		Event(final EventType type, final int frame, final double timeS, final double x, final double y, final double z, final int[] parentTracks, final int[] childTracks, final double confidence,
			final double intensityStep) {
			this.type = type; this.frame = frame; this.timeS = timeS; this.x = x; this.y = y; this.z = z; this.parentTracks = parentTracks; this.childTracks = childTracks; this.confidence = confidence;
			this.intensityStep = intensityStep;
		}

		/** @param step intensity step @return this event with it */
		Event withIntensityStep(final double step) {
			return new Event(type, frame, timeS, x, y, z, parentTracks, childTracks, confidence, step);
		}

		/** @return type */ public EventType type() { return type; }
		/** @return frame */ public int frame() { return frame; }
		/** @return timeS */ public double timeS() { return timeS; }
		/** @return x */ public double x() { return x; }
		/** @return y */ public double y() { return y; }
		/** @return z */ public double z() { return z; }
		/** @return parentTracks */ public int[] parentTracks() { return parentTracks; }
		/** @return childTracks */ public int[] childTracks() { return childTracks; }
		/** @return confidence */ public double confidence() { return confidence; }
		/**
		 * @return the intensity step at the site between the joined and the parted state, share of the frame contrast
		 *         (see {@link DynamicsSettings#minIntensityStep()}; NaN when not measured)
		 */
		public double intensityStep() { return intensityStep; }

		/** @return e.g. {@code fission at frame 3 (2.10, 1.45, 0.00) µm, tracks [4] → [4, 9], confidence 0.91, step 0.84} */
		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%s at frame %d (%.2f, %.2f, %.2f) µm, tracks %s → %s, confidence %.2f, step %.2f", type.id(), frame, x, y,
				z, java.util.Arrays.toString(parentTracks), java.util.Arrays.toString(childTracks), confidence, intensityStep);
		}
	}

	/** One segmented object in one frame. */
	public static final class Spot {
		private final int frame;
		private final int label;
		private final int track;
		private final int[] parentTracks;
		private final double x;
		private final double y;
		private final double z;
		private final long voxels;

		Spot(final int frame, final int label, final int track, final int[] parentTracks, final double x, final double y, final double z, final long voxels) {
			this.frame = frame; this.label = label; this.track = track; this.parentTracks = parentTracks; this.x = x; this.y = y; this.z = z; this.voxels = voxels;
		}

		/** @return frame */ public int frame() { return frame; }
		/** @return label */ public int label() { return label; }
		/** @return track */ public int track() { return track; }
		/** @return parentTracks */ public int[] parentTracks() { return parentTracks; }
		/** @return x */ public double x() { return x; }
		/** @return y */ public double y() { return y; }
		/** @return z */ public double z() { return z; }
		/** @return voxels */ public long voxels() { return voxels; }
	}

	/** Morphology of one frame. */
	public static final class Frame {
		private final int frame;
		private final double timeS;
		private final int objects;
		private final double lengthUm;
		private final double footprintUm2;
		private final double threshold;
		private final double bleachFactor;

		Frame(final int frame, final double timeS, final int objects, final double lengthUm, final double footprintUm2, final double threshold, final double bleachFactor) {
			this.frame = frame; this.timeS = timeS; this.objects = objects; this.lengthUm = lengthUm; this.footprintUm2 = footprintUm2; this.threshold = threshold; this.bleachFactor = bleachFactor;
		}

		/** @return frame */ public int frame() { return frame; }
		/** @return timeS */ public double timeS() { return timeS; }
		/** @return objects */ public int objects() { return objects; }
		/** @return lengthUm */ public double lengthUm() { return lengthUm; }
		/** @return footprintUm2 */ public double footprintUm2() { return footprintUm2; }
		/** @return threshold */ public double threshold() { return threshold; }
		/** @return bleachFactor */ public double bleachFactor() { return bleachFactor; }
	}

	private final List<Frame> frames;
	private final List<Spot> spots;
	private final List<Event> events;
	private final double intervalS, meanSpeed, motileFraction;

	DynamicsResult(final List<Frame> frames, final List<Spot> spots, final List<Event> events, final double intervalS, final double meanSpeed,
		final double motileFraction) {
		this.frames = List.copyOf(frames);
		this.spots = List.copyOf(spots);
		this.events = List.copyOf(events);
		this.intervalS = intervalS;
		this.meanSpeed = meanSpeed;
		this.motileFraction = motileFraction;
	}

	/** @return per-frame morphology */ public List<Frame> frames() { return frames; }
	/** @return every object of every frame */ public List<Spot> spots() { return spots; }
	/** @return the events in frame order */ public List<Event> events() { return events; }
	/** @return seconds per frame */ public double intervalS() { return intervalS; }
	/** @return mean object speed over plain links (no event), µm/s */ public double meanSpeedUmS() { return meanSpeed; }
	/** @return fraction of tracks (≥ 3 plain links) faster than the motility threshold */ public double motileFraction() { return motileFraction; }

	/** @return number of events of a type */
	public long count(final EventType t) {
		return events.stream().filter(e -> e.type() == t).count();
	}

	/** @return mean skeleton length over frames, µm */
	public double meanLengthUm() {
		return frames.stream().mapToDouble(Frame::lengthUm).average().orElse(Double.NaN);
	}

	/** @return events of a type per 100 µm of network per minute (NaN for fewer than 2 frames or no network) */
	public double rate(final EventType t) {
		final double l = meanLengthUm();
		if (frames.size() < 2 || !(l > 0)) return Double.NaN;
		return count(t) / (l / 100) / ((frames.size() - 1) * intervalS / 60);
	}

	/** @return fission rate / fusion rate (NaN when no fusion) */
	public double fissionFusionRatio() {
		final long f = count(EventType.FUSION);
		return f == 0 ? Double.NaN : count(EventType.FISSION) / (double) f;
	}
}
