package io.github.myomito.segment;

/** How {@link Segmenter} thresholds the enhanced image. */
public enum ThresholdMode {
	/** One global threshold by an {@link AutoThreshold} method. */
	GLOBAL,
	/** Adaptive threshold, see {@link LocalThreshold}. */
	LOCAL,
	/** Stability criterion, see {@link StableThreshold}. */
	STABLE
}
