package io.github.myomito.reporter;

import java.util.Arrays;

/**
 * Immutable settings of the fibre-type marker: its 1-based channel, the number of classes of the per-batch
 * call and optional user thresholds (marker intensities, ascending, one fewer than the classes).
 */
public final class FibreTypeSettings {

	/** Default minimum Ashman's D between neighbouring classes for an objective call. */
	public static final double DEFAULT_MIN_SEPARATION = 3;

	private final int channel;
	private final int classes;
	private final double[] thresholds;
	private final double minSeparation;

	private FibreTypeSettings(final int channel, final int classes, final double[] thresholds, final double minSeparation) {
		if (channel < 1) throw new IllegalArgumentException("fibre-type-channel must be ≥ 1, got " + channel);
		if (classes < 2 || classes > 3) throw new IllegalArgumentException("fibre-type-classes must be 2 or 3, got " + classes);
		if (thresholds != null) {
			if (thresholds.length != classes - 1)
				throw new IllegalArgumentException("fibre-type-thresholds needs " + (classes - 1) + " value" + (classes == 2 ? "" : "s") + " for " + classes + " classes, got " + thresholds.length);
			for (int i = 0; i < thresholds.length; i++)
				if (!Double.isFinite(thresholds[i]) || (i > 0 && thresholds[i] <= thresholds[i - 1]))
					throw new IllegalArgumentException("fibre-type-thresholds must be finite and ascending, got " + Arrays.toString(thresholds));
		}
		if (!(minSeparation >= 0 && Double.isFinite(minSeparation))) throw new IllegalArgumentException("minimum separation must be ≥ 0, got " + minSeparation);
		this.channel = channel;
		this.classes = classes;
		this.thresholds = thresholds == null ? null : thresholds.clone();
		this.minSeparation = minSeparation;
	}

	/**
	 * @param channel 1-based marker channel
	 * @param classes 2 or 3
	 * @param thresholds user thresholds (ascending, classes − 1 values) or null for the objective split
	 * @return validated settings
	 */
	public static FibreTypeSettings of(final int channel, final int classes, final double[] thresholds) {
		return new FibreTypeSettings(channel, classes, thresholds, DEFAULT_MIN_SEPARATION);
	}

	/** @return 1-based marker channel. */
	public int channel() { return channel; }
	/** @return number of classes. */
	public int classes() { return classes; }
	/** @return user thresholds (a copy) or null. */
	public double[] thresholds() { return thresholds == null ? null : thresholds.clone(); }
	/** @return minimum Ashman's D of an objective call. */
	public double minSeparation() { return minSeparation; }
}
