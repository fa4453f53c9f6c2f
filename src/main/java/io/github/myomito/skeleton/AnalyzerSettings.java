package io.github.myomito.skeleton;

/**
 * Immutable settings of {@link SkeletonAnalyzer}. Create with {@link #builder()} or use {@link #DEFAULT}.
 */
public final class AnalyzerSettings {

	/** No pruning, longest shortest path computed, length smoothing σ = 1.5 path steps. */
	public static final AnalyzerSettings DEFAULT = builder().build();

	private final double pruneEndBranchesShorterThanUm;
	private final boolean computeLongestShortestPath;
	private final double smoothingSigmaSteps;

	private AnalyzerSettings(final Builder b) {
		this.pruneEndBranchesShorterThanUm = b.prune;
		this.computeLongestShortestPath = b.lsp;
		this.smoothingSigmaSteps = b.sigma;
	}

	/** @return a builder with the default values */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * End branches (an END_POINT vertex of degree 1 joined to a JUNCTION vertex) whose smoothed length is
	 * below this value (µm) are removed in one, non-iterative pass over the graph of the input skeleton
	 * (their slab voxels and end-point voxel are deleted, junction voxels are kept), then the pruned
	 * skeleton is analysed again. Branches between two end points (isolated segments) are never pruned.
	 * 0 = off.
	 */
	public double pruneEndBranchesShorterThanUm() {
		return pruneEndBranchesShorterThanUm;
	}

	/** Whether {@link SkeletonGraph.Tree#longestShortestPath()} is computed (else it is NaN). */
	public boolean computeLongestShortestPath() {
		return computeLongestShortestPath;
	}

	/**
	 * σ, in path steps, of the Gaussian that smooths path coordinates before the polyline length
	 * {@link SkeletonGraph.Edge#smoothedLength()} is measured.
	 */
	public double smoothingSigmaSteps() {
		return smoothingSigmaSteps;
	}

	@Override
	public String toString() {
		return "AnalyzerSettings[pruneEndBranchesShorterThanUm=" + pruneEndBranchesShorterThanUm + ", computeLongestShortestPath="
			+ computeLongestShortestPath + ", smoothingSigmaSteps=" + smoothingSigmaSteps + "]";
	}

	/** Builder of {@link AnalyzerSettings}. */
	public static final class Builder {

		private double prune = 0;
		private boolean lsp = true;
		private double sigma = 1.5;

		private Builder() {}

		/** @param um minimum end-branch length in µm (≥ 0, 0 = no pruning) */
		public Builder pruneEndBranchesShorterThanUm(final double um) {
			if (!(um >= 0) || Double.isInfinite(um))
				throw new IllegalArgumentException("pruneEndBranchesShorterThanUm must be finite and >= 0, got " + um);
			this.prune = um;
			return this;
		}

		/** @param compute whether to compute the longest shortest path of every tree */
		public Builder computeLongestShortestPath(final boolean compute) {
			this.lsp = compute;
			return this;
		}

		/** @param steps Gaussian σ in path steps for the smoothed length (≥ 0; 0 = plain polyline) */
		public Builder smoothingSigmaSteps(final double steps) {
			if (!(steps >= 0) || steps > 100) throw new IllegalArgumentException("smoothingSigmaSteps must be in [0, 100], got " + steps);
			this.sigma = steps;
			return this;
		}

		/** @return the immutable settings */
		public AnalyzerSettings build() {
			return new AnalyzerSettings(this);
		}
	}
}
