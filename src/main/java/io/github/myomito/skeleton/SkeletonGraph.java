package io.github.myomito.skeleton;

import java.util.Collections;
import java.util.List;

/**
 * Immutable result of {@link SkeletonAnalyzer}: the vertex/branch graph of a 26-connected (2D:
 * 8-connected) skeleton, its trees (connected components) and a summary.
 * <p>
 * Coordinates are in µm: voxel (x, y, z) has position {@code (x·s_x, y·s_y, z·s_z)} (voxel centres,
 * origin at voxel 0). Flat voxel indices follow {@code x + w*(y + h*z)}. Ids are list positions.
 */
public final class SkeletonGraph {

	/** {@link #voxelTypes()} value of background. */
	public static final byte BACKGROUND = 0;
	/** {@link #voxelTypes()} value of an end-point voxel (&lt; 2 skeleton neighbours). */
	public static final byte END_POINT_VOXEL = 1;
	/** {@link #voxelTypes()} value of a slab voxel (exactly 2 skeleton neighbours). */
	public static final byte SLAB_VOXEL = 2;
	/** {@link #voxelTypes()} value of a junction voxel (&gt; 2 skeleton neighbours). */
	public static final byte JUNCTION_VOXEL = 3;

	private final int[] dims;
	private final double[] spacing;
	private final List<Vertex> vertices;
	private final List<Edge> edges;
	private final List<Tree> trees;
	private final Summary summary;
	private final byte[] voxelTypes;

	SkeletonGraph(final int[] dims, final double[] spacing, final List<Vertex> vertices, final List<Edge> edges,
		final List<Tree> trees, final Summary summary, final byte[] voxelTypes) {
		this.dims = dims.clone();
		this.spacing = spacing.clone();
		this.vertices = Collections.unmodifiableList(vertices);
		this.edges = Collections.unmodifiableList(edges);
		this.trees = Collections.unmodifiableList(trees);
		this.summary = summary;
		this.voxelTypes = voxelTypes;
	}

	/** @return image dimensions (copy) */
	public int[] dims() {
		return dims.clone();
	}

	/** @return µm per voxel per axis (copy) */
	public double[] spacing() {
		return spacing.clone();
	}

	/** @return the vertices (end points and junction clusters), id = index */
	public List<Vertex> vertices() {
		return vertices;
	}

	/** @return the branches, id = index */
	public List<Edge> edges() {
		return edges;
	}

	/** @return the trees (26-connected skeleton components), id = index */
	public List<Tree> trees() {
		return trees;
	}

	/** @return image-wide totals */
	public Summary summary() {
		return summary;
	}

	/**
	 * @return per voxel (flat order, copy): 0 background, 1 end point, 2 slab, 3 junction (of the
	 *         analysed, i.e. possibly pruned, skeleton)
	 */
	public byte[] voxelTypes() {
		return voxelTypes.clone();
	}

	/** @return µm position of a flat voxel index */
	public double[] position(final int flatIndex) {
		return SkeletonAnalyzer.position(flatIndex, dims, spacing);
	}

	@Override
	public String toString() {
		return "SkeletonGraph" + summary;
	}

	/** Kind of a {@link Vertex}. */
	public enum VertexType {
		/** An end-point voxel (fewer than 2 skeleton neighbours); a lone voxel is an END_POINT of a branch-less tree. */
		END_POINT,
		/** A 26-connected cluster of junction voxels (more than 2 skeleton neighbours each). */
		JUNCTION
	}

	/** A vertex of the skeleton graph. */
	public static final class Vertex {
		private final int id;
		private final VertexType type;
		private final int[] voxels;
		private final double[] centroid;
		private final int degree;
		private final int branchEnds;
		private final int treeId;

		Vertex(final int id, final VertexType type, final int[] voxels, final double[] centroid, final int degree, final int branchEnds,
			final int treeId) {
			this.id = id;
			this.type = type;
			this.voxels = voxels;
			this.centroid = centroid;
			this.degree = degree;
			this.branchEnds = branchEnds;
			this.treeId = treeId;
		}

		/** @return index in {@link SkeletonGraph#vertices()} */
		public int id() {
			return id;
		}

		/** @return END_POINT or JUNCTION */
		public VertexType type() {
			return type;
		}

		/** @return flat indices of the vertex's voxels (one for an end point), ascending (copy) */
		public int[] voxels() {
			return voxels.clone();
		}

		/** @return the lowest flat index among the vertex's voxels (no copy) */
		public int firstVoxel() {
			return voxels[0];
		}

		/** @return number of voxels of the vertex */
		public int voxelCount() {
			return voxels.length;
		}

		/** @return mean voxel position in µm (copy) */
		public double[] centroid() {
			return centroid.clone();
		}

		/**
		 * @param axis 0 = x, 1 = y, 2 = z
		 * @return one coordinate of {@link #centroid()} in µm, without a copy
		 */
		public double centroid(final int axis) {
			return centroid[axis];
		}

		/** @return number of coordinates of the centroid (2 or 3) */
		public int dimensions() {
			return centroid.length;
		}

		/** @return number of branch ends at this vertex (a self-loop counts 2) */
		public int degree() {
			return degree;
		}

		/**
		 * AnalyzeSkeleton's branch count of a junction: Σ over the junction's voxels of the number of slab and
		 * end-point voxels in their 26-neighbourhood (a voxel next to two voxels of the junction counts twice).
		 * Triple / quadruple points are the junctions where this is 3 / 4. It equals {@link #degree()} in every
		 * case checked against a brute-force reference (a slab voxel has exactly two skeleton neighbours, so one
		 * touching two voxels of the same junction is a one-voxel self-loop, which the degree counts twice too).
		 *
		 * @return that count for a JUNCTION, 0 for an END_POINT
		 */
		public int branchEnds() {
			return branchEnds;
		}

		/** @return id of the tree containing the vertex */
		public int treeId() {
			return treeId;
		}

		@Override
		public String toString() {
			return "Vertex[" + id + " " + type + " voxels=" + voxels.length + " degree=" + degree + " tree=" + treeId + "]";
		}
	}

	/**
	 * A branch: a path of slab voxels between two vertices (possibly empty: a direct link between an end
	 * point and an adjacent vertex), a self-loop (vertexA == vertexB), or an isolated loop (a component made
	 * only of slab voxels: {@code vertexA == vertexB == -1}, {@link #isIsolatedLoop()}).
	 */
	public static final class Edge {
		private final int id;
		private final int vertexA;
		private final int vertexB;
		private final int[] path;
		private final boolean closed;
		private final double voxelLength;
		private final double smoothedLength;
		private final double euclideanLength;
		private final int treeId;
		private final int[] dims;
		private final double[] spacing;

		Edge(final int id, final int vertexA, final int vertexB, final int[] path, final boolean closed, final double voxelLength,
			final double smoothedLength, final double euclideanLength, final int treeId, final int[] dims, final double[] spacing) {
			this.id = id;
			this.vertexA = vertexA;
			this.vertexB = vertexB;
			this.path = path;
			this.closed = closed;
			this.voxelLength = voxelLength;
			this.smoothedLength = smoothedLength;
			this.euclideanLength = euclideanLength;
			this.treeId = treeId;
			this.dims = dims;
			this.spacing = spacing;
		}

		/** @return index in {@link SkeletonGraph#edges()} */
		public int id() {
			return id;
		}

		/** @return id of the first vertex, -1 for an isolated loop */
		public int vertexA() {
			return vertexA;
		}

		/** @return id of the second vertex (== vertexA for a self-loop), -1 for an isolated loop */
		public int vertexB() {
			return vertexB;
		}

		/** @return whether this branch is an isolated loop (a component of slab voxels only) */
		public boolean isIsolatedLoop() {
			return closed;
		}

		/**
		 * @return ordered flat voxel indices (copy): the voxel of vertex A where the branch attaches, the slab
		 *         voxels, the voxel of vertex B where it attaches. For an isolated loop: the slab voxels in cyclic
		 *         order, the first not repeated at the end.
		 */
		public int[] path() {
			return path.clone();
		}

		/** @return number of slab voxels of the branch */
		public int slabVoxels() {
			return closed ? path.length : path.length - 2;
		}

		/** @return µm coordinates of {@link #path()}, one row per voxel (one array per voxel: prefer {@link #coordinate}) */
		public double[][] points() {
			final double[][] p = new double[path.length][];
			for (int i = 0; i < path.length; i++) p[i] = SkeletonAnalyzer.position(path[i], dims, spacing);
			return p;
		}

		/** @return number of voxels of {@link #path()} */
		public int pathLength() {
			return path.length;
		}

		/**
		 * @param i index into {@link #path()}
		 * @return the flat index of that path voxel, without copying the path
		 */
		public int pathVoxel(final int i) {
			return path[i];
		}

		/**
		 * µm coordinate of one path voxel without allocating.
		 *
		 * @param i index into {@link #path()}
		 * @param axis 0 = x, 1 = y, 2 = z (0 for a 2D graph)
		 * @return coordinate in µm
		 */
		public double coordinate(final int i, final int axis) {
			return SkeletonAnalyzer.coordinate(path[i], dims, spacing, axis);
		}

		/**
		 * @return Σ of the calibrated steps between consecutive path voxels, including the steps into the end
		 *         vertices' voxels (and, for an isolated loop, the closing step). Over-estimates oblique runs.
		 */
		public double voxelLength() {
			return voxelLength;
		}

		/**
		 * @return polyline length of the path after Gaussian smoothing of its coordinates along the path, see
		 *         {@link SkeletonAnalyzer}; the main length used for totals
		 */
		public double smoothedLength() {
			return smoothedLength;
		}

		/** @return µm distance between the first and last path voxel (0 for an isolated loop) */
		public double euclideanLength() {
			return euclideanLength;
		}

		/** @return id of the tree containing the branch */
		public int treeId() {
			return treeId;
		}

		/**
		 * Principal direction of the branch: the unit eigenvector of the largest eigenvalue of the covariance
		 * matrix of {@link #points()} (found by power iteration), with its first non-zero component made
		 * positive. For a single point, the zero vector.
		 *
		 * @return unit vector in µm space (length = number of dimensions)
		 */
		public double[] direction() {
			return SkeletonAnalyzer.principalDirection(points());
		}

		@Override
		public String toString() {
			return "Edge[" + id + " " + vertexA + "-" + vertexB + " voxels=" + path.length + " length=" + smoothedLength + "]";
		}
	}

	/**
	 * The counts and lengths shared by a {@link Tree} and the image-wide {@link Summary}, with
	 * AnalyzeSkeleton's definitions (see {@link SkeletonAnalyzer}).
	 */
	public abstract static class Counts {
		private final int branches, junctions, endPoints, triplePoints, quadruplePoints;
		private final int slabVoxels, junctionVoxels, endPointVoxels, loops;
		private final double totalLength, totalVoxelLength, longestShortestPath;

		Counts(final int branches, final int junctions, final int endPoints, final int triplePoints, final int quadruplePoints,
			final int slabVoxels, final int junctionVoxels, final int endPointVoxels, final int loops, final double totalLength,
			final double totalVoxelLength, final double longestShortestPath) {
			this.branches = branches;
			this.junctions = junctions;
			this.endPoints = endPoints;
			this.triplePoints = triplePoints;
			this.quadruplePoints = quadruplePoints;
			this.slabVoxels = slabVoxels;
			this.junctionVoxels = junctionVoxels;
			this.endPointVoxels = endPointVoxels;
			this.loops = loops;
			this.totalLength = totalLength;
			this.totalVoxelLength = totalVoxelLength;
			this.longestShortestPath = longestShortestPath;
		}

		/** @return number of branches (edges, isolated loop = 1) */
		public int branches() {
			return branches;
		}

		/** @return number of junction vertices (clusters) */
		public int junctions() {
			return junctions;
		}

		/** @return number of end-point vertices (= end-point voxels) */
		public int endPoints() {
			return endPoints;
		}

		/** @return junction vertices with exactly 3 branch ends */
		public int triplePoints() {
			return triplePoints;
		}

		/** @return junction vertices with exactly 4 branch ends */
		public int quadruplePoints() {
			return quadruplePoints;
		}

		/** @return number of slab voxels */
		public int slabVoxels() {
			return slabVoxels;
		}

		/** @return number of junction voxels */
		public int junctionVoxels() {
			return junctionVoxels;
		}

		/** @return number of end-point voxels */
		public int endPointVoxels() {
			return endPointVoxels;
		}

		/** @return cyclomatic number E − V + C of the vertex graph (an isolated loop counts 1) */
		public int loops() {
			return loops;
		}

		/** @return Σ of branch smoothed lengths (µm) */
		public double totalLength() {
			return totalLength;
		}

		/** @return Σ of branch voxel-step lengths (µm) */
		public double totalVoxelLength() {
			return totalVoxelLength;
		}

		/**
		 * @return the largest, over vertex pairs, shortest-path distance (µm, branch smoothed lengths as
		 *         weights) in the vertex graph (the maximum over trees for a summary); see {@link SkeletonAnalyzer}
		 *         for how it is computed. Isolated loop: half its length; lone voxel: 0; NaN if not computed.
		 */
		public double longestShortestPath() {
			return longestShortestPath;
		}
	}

	/** A tree: one 26-connected component of the skeleton, with its counts. */
	public static final class Tree extends Counts {
		private final int id;

		Tree(final int id, final int branches, final int junctions, final int endPoints, final int triplePoints,
			final int quadruplePoints, final int slabVoxels, final int junctionVoxels, final int endPointVoxels, final double totalLength,
			final double totalVoxelLength, final double longestShortestPath, final int loops) {
			super(branches, junctions, endPoints, triplePoints, quadruplePoints, slabVoxels, junctionVoxels, endPointVoxels, loops, totalLength,
				totalVoxelLength, longestShortestPath);
			this.id = id;
		}

		/** @return index in {@link SkeletonGraph#trees()} */
		public int id() {
			return id;
		}

		@Override
		public String toString() {
			return "Tree[" + id + " branches=" + branches() + " junctions=" + junctions() + " endPoints=" + endPoints() + " loops=" + loops() + "]";
		}
	}

	/** Image-wide totals. */
	public static final class Summary extends Counts {
		private final int trees;
		private final double meanBranchLength;

		Summary(final int trees, final int branches, final int junctions, final int endPoints, final int endPointVoxels,
			final int junctionVoxels, final int slabVoxels, final int triplePoints, final int quadruplePoints, final int loops,
			final double totalLength, final double totalVoxelLength, final double meanBranchLength, final double longestShortestPath) {
			super(branches, junctions, endPoints, triplePoints, quadruplePoints, slabVoxels, junctionVoxels, endPointVoxels, loops, totalLength,
				totalVoxelLength, longestShortestPath);
			this.trees = trees;
			this.meanBranchLength = meanBranchLength;
		}

		/** @return number of trees */
		public int trees() {
			return trees;
		}

		/** @return totalLength / branches (0 without branches) */
		public double meanBranchLength() {
			return meanBranchLength;
		}

		@Override
		public String toString() {
			return "[trees=" + trees + " branches=" + branches() + " junctions=" + junctions() + " endPoints=" + endPoints()
				+ " triple=" + triplePoints() + " quadruple=" + quadruplePoints() + " loops=" + loops() + " totalLength=" + totalLength() + "]";
		}
	}
}
