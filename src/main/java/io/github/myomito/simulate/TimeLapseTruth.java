package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;

/**
 * Exact ground truth of a time-lapse phantom ({@link TimeLapseSimulator}): every fission and fusion
 * event and every object's position in every frame. Immutable; {@link #toJson()} writes it with gson.
 * <p>
 * Conventions: frames count from 0, time = frame × interval; positions in µm in image space
 * ({@code x = i·s_x}, as {@link Truth}). An event's {@code frame} is the first frame showing the new
 * state. A fission's position is the centre of the opened gap in that frame; a fusion's is the centre
 * of the closing gap in the frame before (the last frame in which it is seen). Object ids are unique
 * over the whole series: a fission ends its parent and starts two children, a fusion ends both parents
 * and starts one child.
 */
public final class TimeLapseTruth {

	/** Kind of event. */
	public enum EventType {
		/** One object becomes two. */ @SerializedName("fission") FISSION,
		/** Two objects become one. */ @SerializedName("fusion") FUSION
	}

	/** One event. */
	public static final class Event {
		private final EventType type;
		private final int frame;
		@SerializedName("time_s") private final double timeS;
		@SerializedName("x_um") private final double x;
		@SerializedName("y_um") private final double y;
		@SerializedName("z_um") private final double z;
		private final int[] parents, children;

		Event(final EventType type, final int frame, final double timeS, final double x, final double y, final double z, final int[] parents, final int[] children) {
			this.type = type; this.frame = frame; this.timeS = timeS; this.x = x; this.y = y; this.z = z;
			this.parents = parents.clone(); this.children = children.clone();
		}

		/** @return the kind */ public EventType type() { return type; }
		/** @return first frame with the new state */ public int frame() { return frame; }
		/** @return frame × interval, s */ public double timeS() { return timeS; }
		/** @return position x, µm */ public double x() { return x; }
		/** @return position y, µm */ public double y() { return y; }
		/** @return position z, µm */ public double z() { return z; }
		/** @return ids of the objects that end */ public int[] parents() { return parents.clone(); }
		/** @return ids of the objects that start */ public int[] children() { return children.clone(); }
	}

	/** One object in one frame. */
	public static final class Spot {
		private final int frame, id;
		@SerializedName("x_um") private final double x;
		@SerializedName("y_um") private final double y;
		@SerializedName("z_um") private final double z;
		@SerializedName("length_um") private final double lengthUm;
		private final boolean motile;

		Spot(final int frame, final int id, final double x, final double y, final double z, final double lengthUm, final boolean motile) {
			this.frame = frame; this.id = id; this.x = x; this.y = y; this.z = z; this.lengthUm = lengthUm; this.motile = motile;
		}

		/** @return frame */ public int frame() { return frame; }
		/** @return object id */ public int id() { return id; }
		/** @return centre x, µm */ public double x() { return x; }
		/** @return centre y, µm */ public double y() { return y; }
		/** @return centre z, µm */ public double z() { return z; }
		/** @return centre-line length, µm */ public double lengthUm() { return lengthUm; }
		/** @return whether the object moves */ public boolean motile() { return motile; }
	}

	private final TimeLapseSettings settings;
	@SerializedName("frame_interval_s") private final double frameIntervalS;
	@SerializedName("network_length_um") private final double[] networkLengthUm;
	private final List<Event> events;
	private final List<Spot> spots;

	TimeLapseTruth(final TimeLapseSettings settings, final double[] networkLengthUm, final List<Event> events, final List<Spot> spots) {
		this.settings = settings;
		this.frameIntervalS = settings.frameIntervalS();
		this.networkLengthUm = networkLengthUm.clone();
		this.events = Collections.unmodifiableList(new ArrayList<>(events));
		this.spots = Collections.unmodifiableList(new ArrayList<>(spots));
	}

	/** @return the settings simulated */ public TimeLapseSettings settings() { return settings; }
	/** @return all events, in frame order */ public List<Event> events() { return events; }
	/** @return every object in every frame, frame by frame */ public List<Spot> spots() { return spots; }
	/** @return total centre-line length per frame, µm (a copy) */ public double[] networkLengthUm() { return networkLengthUm.clone(); }

	/** @return number of events of a type */
	public long count(final EventType t) {
		return events.stream().filter(e -> e.type == t).count();
	}

	/** @return mean centre-line length over the frames, µm */
	public double meanNetworkLengthUm() {
		double s = 0;
		for (final double v : networkLengthUm) s += v;
		return s / networkLengthUm.length;
	}

	/**
	 * @return realised rate of a type: {@code n / (L̄/100 µm) / ((F − 1)·Δt / 60 s)}, the definition
	 *         {@code io.github.myomito.dynamics} measures
	 */
	public double rate(final EventType t) {
		return count(t) / (meanNetworkLengthUm() / 100) / ((networkLengthUm.length - 1) * frameIntervalS / 60);
	}

	/** @return pretty-printed JSON */
	public String toJson() {
		return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(this);
	}
}
