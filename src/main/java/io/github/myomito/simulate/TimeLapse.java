package io.github.myomito.simulate;

import java.util.List;

/**
 * A simulated time-lapse series ({@link TimeLapseSimulator}): one 16-bit mitochondria channel per
 * frame (flat x-fastest arrays), the true object labels per frame (0 = background, else the object id
 * of {@link TimeLapseTruth.Spot#id()}) and the truth.
 */
public final class TimeLapse {

	private final List<short[]> frames;
	private final List<int[]> labels;
	private final int[] dims;
	private final double[] spacing;
	private final TimeLapseTruth truth;

	TimeLapse(final List<short[]> frames, final List<int[]> labels, final int[] dims, final double[] spacing, final TimeLapseTruth truth) {
		this.frames = List.copyOf(frames);
		this.labels = List.copyOf(labels);
		this.dims = dims.clone();
		this.spacing = spacing.clone();
		this.truth = truth;
	}

	/** @return number of frames */ public int frameCount() { return frames.size(); }
	/** @param t frame @return its pixels (the stored array: do not modify) */ public short[] frame(final int t) { return frames.get(t); }
	/** @param t frame @return its true labels (the stored array: do not modify) */ public int[] labels(final int t) { return labels.get(t); }
	/** @return spatial size per axis (a copy) */ public int[] dims() { return dims.clone(); }
	/** @return µm per pixel per axis (a copy) */ public double[] spacing() { return spacing.clone(); }
	/** @return the truth */ public TimeLapseTruth truth() { return truth; }
}
