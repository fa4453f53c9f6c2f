package io.github.myomito.skeleton;

import java.util.List;

/**
 * Removes thinning spurs: end branches that are artefacts of a thick object's boundary rather than real
 * mitochondrial branches. An end branch (one end-point, one junction) is a spur when its length does not
 * exceed {@code factor · r}, where {@code r} is the object's local radius at the junction (the distance
 * to the background there, from the mask's distance map): a branch that ends inside the maximal
 * inscribed ball of its junction carries no shape information. This is the classic medial-axis pruning
 * criterion comparing a branch with the inscribed-ball radius at its root (D. Shaked and A. M.
 * Bruckstein, "Pruning medial axes", Computer Vision and Image Understanding 69(2):156–169, 1998,
 * doi:10.1006/cviu.1997.0598). By the same criterion an isolated branch (both ends free) no longer than
 * {@code factor · r} (r: the largest radius along it) is the medial axis of a round blob, not of a rod,
 * and is reduced to its middle voxel — a punctum. No object disappears and loops are untouched. The
 * result is a thinner skeleton to be analysed again.
 */
public final class SpurPruning {

	private SpurPruning() {}

	/**
	 * @param skeleton the skeleton (not modified)
	 * @param graph its graph
	 * @param radius distance to background per voxel (same units as the graph's lengths), e.g.
	 *            {@code DistanceTransform.distance(mask, dims, spacing, false)}
	 * @param factor spur length limit in units of the local radius (e.g. 1.5)
	 * @return a new skeleton without the spurs (the same array contents when there are none)
	 */
	public static byte[] prune(final byte[] skeleton, final SkeletonGraph graph, final float[] radius, final double factor) {
		final byte[] out = skeleton.clone();
		final List<SkeletonGraph.Vertex> vs = graph.vertices();
		for (final SkeletonGraph.Edge e : graph.edges()) {
			if (e.isIsolatedLoop() || e.vertexA() == e.vertexB()) continue;
			final SkeletonGraph.Vertex a = vs.get(e.vertexA()), b = vs.get(e.vertexB());
			final boolean aEnd = a.type() == SkeletonGraph.VertexType.END_POINT, bEnd = b.type() == SkeletonGraph.VertexType.END_POINT;
			final int[] path = e.path();
			if (aEnd && bEnd) {
				double r = 0;
				for (final int v : path) r = Math.max(r, radius[v]);
				if (e.smoothedLength() <= factor * r) {
					for (final int v : path) out[v] = 0;
					out[path[path.length / 2]] = 1;
				}
				continue;
			}
			if (aEnd == bEnd) continue;
			final SkeletonGraph.Vertex junction = aEnd ? b : a;
			double r = 0;
			for (final int v : junction.voxels()) r = Math.max(r, radius[v]);
			if (e.smoothedLength() > factor * r) continue;
			final int[] keep = junction.voxels(); // ascending
			for (final int v : path)
				if (java.util.Arrays.binarySearch(keep, v) < 0) out[v] = 0;
		}
		return out;
	}
}
