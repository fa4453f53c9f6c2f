package io.github.myomito.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;

import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.skeleton.SkeletonGraph;

/**
 * Network metrics of mitochondrial objects from their label image and skeleton graph: per object
 * (size, shape, width, branches, junctions, end-points, loops, length, class) and per region (the
 * MiNA-style and Mitochondria-Analyzer-style summaries plus connectivity measures: loops per area, mean
 * vertex degree, 4-way junction fraction, largest-component share, fragmentation index). Every metric
 * is defined, with formula and reference, in {@link io.github.myomito.results.Columns}.
 * <p>
 * Objects and skeleton trees correspond one to one: thinning preserves connected components, so each
 * object (a connected component of the mask, with the same connectivity as the skeleton's 26/8) holds
 * exactly one tree. An object's class is punctum (0 branches), rod (1) or network (≥ 2), as in MiNA
 * (Valente et al. 2017, Acta Histochem 119:315, doi:10.1016/j.acthis.2017.03.001).
 * <p>
 * Branch length: the skeleton's smoothed path length plus, at each end that is a junction, the distance
 * from the path's attachment voxel to the junction's centroid, so that branches meeting at a junction
 * are measured to its centre (as a centre-line graph is) rather than to the edge of the junction's voxel
 * cluster; plus, when the caller gives one, a correction of the free ends for the blur of the microscope
 * ({@link EndCorrection}), so that a branch ending in an end-point is measured to the end of its centre line. End-points: end-point vertices that end a branch (degree ≥ 1); the single voxel of a punctum
 * is not an end-point.
 * <p>
 * Width: the Euclidean distance map d to the background is sampled on the skeleton; the local width
 * is {@code 2·d − s} with s the mean in-plane pixel size (d is measured between pixel centres, so the
 * boundary lies half a pixel closer), averaged over the object's skeleton voxels.
 */
public final class NetworkAnalysis {

	private NetworkAnalysis() {}

	/** Object class by branch count. */
	public enum ObjectClass {
		/** No branch: a round fragment whose skeleton is a point. */
		PUNCTUM,
		/** One unbranched branch. */
		ROD,
		/** Two or more branches. */
		NETWORK;

		/** @return the CSV spelling. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static ObjectClass of(final int branches) {
			return branches == 0 ? PUNCTUM : branches == 1 ? ROD : NETWORK;
		}
	}

	/** Per-object measurements. */
	public static final class ObjectMetrics {
		/** Label (1..n). */
		public final int label;
		/** Class by branch count. */
		public final ObjectClass objectClass;
		/** Area (2D) or volume (3D). */
		public final double size;
		/** Perimeter (2D) or surface (3D). */
		public final double boundary;
		/** Form factor. */
		public final double formFactor;
		/** Aspect ratio. */
		public final double aspectRatio;
		/** Mean width. */
		public final double width;
		/** Skeleton counts. */
		public final int branches, junctions, endPoints, loops;
		/** Total smoothed branch length. */
		public final double length;
		/** Centroid (physical units). */
		public final double[] centroid;

		ObjectMetrics(final int label, final int branches, final int junctions, final int endPoints, final int loops, final double length,
			final Shapes.Result s, final double width) {
			this.label = label;
			this.objectClass = ObjectClass.of(branches);
			this.size = s.size[label];
			this.boundary = s.boundary[label];
			this.formFactor = s.formFactor[label];
			this.aspectRatio = s.aspectRatio[label];
			this.width = width;
			this.branches = branches;
			this.junctions = junctions;
			this.endPoints = endPoints;
			this.loops = loops;
			this.length = length;
			this.centroid = s.centroid[label].clone();
		}

		/** A copy with another width. */
		ObjectMetrics withWidth(final double w) {
			return new ObjectMetrics(this, w);
		}

		private ObjectMetrics(final ObjectMetrics o, final double width) {
			label = o.label;
			objectClass = o.objectClass;
			size = o.size;
			boundary = o.boundary;
			formFactor = o.formFactor;
			aspectRatio = o.aspectRatio;
			this.width = width;
			branches = o.branches;
			junctions = o.junctions;
			endPoints = o.endPoints;
			loops = o.loops;
			length = o.length;
			centroid = o.centroid.clone();
		}

		/** @return mean branch length (NaN without branches). */
		public double meanBranchLength() {
			return branches == 0 ? Double.NaN : length / branches;
		}
	}

	/** Region summary metrics (see {@link io.github.myomito.results.Columns#NETWORK}). */
	public enum Metric {
		/** objects */ OBJECTS, /** individuals */ INDIVIDUALS, /** puncta */ PUNCTA, /** rods */ RODS, /** networks */ NETWORKS,
		/** branches */ BRANCHES, /** junctions */ JUNCTIONS, /** end-points */ ENDPOINTS, /** triple points */ TRIPLE_POINTS,
		/** quadruple points */ QUADRUPLE_POINTS, /** loops */ LOOPS, /** total length */ TOTAL_LENGTH,
		/** mean branch length */ MEAN_BRANCH_LENGTH, /** median branch length */ MEDIAN_BRANCH_LENGTH, /** footprint */ FOOTPRINT,
		/** volume */ VOLUME, /** region area */ REGION_AREA, /** coverage */ COVERAGE, /** branches per network */ BRANCHES_PER_NETWORK,
		/** form factor */ MEAN_FORM_FACTOR, /** aspect ratio */ MEAN_ASPECT_RATIO, /** width */ MEAN_WIDTH,
		/** branches per object */ BRANCHES_PER_OBJECT, /** junctions per object */ JUNCTIONS_PER_OBJECT,
		/** end-points per object */ ENDPOINTS_PER_OBJECT, /** objects per 100 µm² */ OBJECTS_PER_100UM2,
		/** branches per 100 µm² */ BRANCHES_PER_100UM2, /** loops per 100 µm² */ LOOPS_PER_100UM2, /** mean degree */ MEAN_DEGREE,
		/** 4-way fraction */ FOUR_WAY_FRACTION, /** largest share */ LARGEST_SHARE, /** fragmentation index */ FRAGMENTATION
	}

	/** Result of {@link #analyze}. */
	public static final class Result {
		private final List<ObjectMetrics> objects;
		private final EnumMap<Metric, Double> summary;
		private final int[] objectOfEdge;
		private final double[] edgeLength;
		private final double[] endCorrection;

		private final double maskFootprint, maskVolume, maskWidth;

		Result(final List<ObjectMetrics> objects, final EnumMap<Metric, Double> summary, final int[] objectOfEdge, final double[] edgeLength,
			final double[] endCorrection, final double maskFootprint, final double maskVolume, final double maskWidth) {
			this.maskFootprint = maskFootprint;
			this.maskVolume = maskVolume;
			this.maskWidth = maskWidth;
			this.objects = Collections.unmodifiableList(objects);
			this.summary = summary;
			this.objectOfEdge = objectOfEdge;
			this.edgeLength = edgeLength;
			this.endCorrection = endCorrection;
		}

		/**
		 * @return the length of skeleton edge {@code edgeId} measured to junction centres, with its free-end
		 *         correction when one was given (see class doc)
		 */
		public double branchLength(final int edgeId) {
			return edgeLength[edgeId];
		}

		/** @return the free-end correction included in {@link #branchLength} (µm; 0 when none was given) */
		public double endCorrection(final int edgeId) {
			return endCorrection == null ? 0 : endCorrection[edgeId];
		}

		/** @return the footprint measured on the mask (µm²; 3D: its z-projection), whatever {@link Metric#FOOTPRINT} is */
		public double maskFootprint() {
			return maskFootprint;
		}

		/** @return the mask volume (µm³; NaN in 2D), whatever {@link Metric#VOLUME} is */
		public double maskVolume() {
			return maskVolume;
		}

		/** @return the mean over skeleton voxels of the mask's width 2·d − s (µm), whatever {@link Metric#MEAN_WIDTH} is */
		public double maskWidth() {
			return maskWidth;
		}

		/** @return per-object metrics in label order. */
		public List<ObjectMetrics> objects() {
			return objects;
		}

		/** @return a summary metric (NaN where undefined). */
		public double get(final Metric m) {
			return summary.get(m);
		}

		/** @return the object label carrying skeleton edge {@code edgeId} (0 if none). */
		public int objectOfEdge(final int edgeId) {
			return objectOfEdge[edgeId];
		}
	}

	/**
	 * Measures all objects and the region.
	 *
	 * @param mask foreground flags (non-zero = mitochondria)
	 * @param labels label image of the mask's connected components (0 = background)
	 * @param count number of labels
	 * @param graph skeleton graph of the thinned mask
	 * @param regionAreaUm2 area of the analysed region in the x–y plane (for densities)
	 */
	public static Result analyze(final byte[] mask, final int[] labels, final int count, final SkeletonGraph graph, final int[] dims,
		final double[] spacing, final double regionAreaUm2) {
		return analyze(mask, labels, count, graph, dims, spacing, regionAreaUm2, null);
	}

	/**
	 * As {@link #analyze(byte[], int[], int, SkeletonGraph, int[], double[], double)}, reusing the mask's
	 * distance map to the background when the caller already has it.
	 *
	 * @param distanceToBackground {@code DistanceTransform.distance(mask, dims, spacing, false)}, or null
	 */
	public static Result analyze(final byte[] mask, final int[] labels, final int count, final SkeletonGraph graph, final int[] dims,
		final double[] spacing, final double regionAreaUm2, final float[] distanceToBackground) {
		return analyze(mask, labels, count, graph, dims, spacing, regionAreaUm2, distanceToBackground, null);
	}

	/**
	 * As {@link #analyze(byte[], int[], int, SkeletonGraph, int[], double[], double, float[])}, adding a
	 * length correction to each branch, e.g. {@link EndCorrection#corrections} of the free ends.
	 *
	 * @param endCorrection µm to add to each edge's length (indexed by edge id), or null for none
	 */
	public static Result analyze(final byte[] mask, final int[] labels, final int count, final SkeletonGraph graph, final int[] dims,
		final double[] spacing, final double regionAreaUm2, final float[] distanceToBackground, final double[] endCorrection) {
		return analyze(mask, labels, count, dims, spacing, regionAreaUm2, graph, i -> labels[i],
			distanceToBackground != null ? distanceToBackground : DistanceTransform.distance(mask, dims, spacing, false), endCorrection);
	}

	/**
	 * As {@link #analyze(byte[], int[], int, SkeletonGraph, int[], double[], double, float[], double[])}, for a
	 * graph on a finer grid than the mask's (e.g. a stack's skeleton on the z-resampled grid of
	 * {@link io.github.myomito.skeleton.ZUpsampling}): sizes, surfaces, volumes and the footprint are measured on
	 * the mask's grid, the object of each tree and the widths on the graph's grid.
	 *
	 * @param mask the objects' mask on its own grid ({@code dims}, {@code spacing})
	 * @param labels object labels on the mask's grid
	 * @param graph the skeleton graph, on its own grid ({@code graph.dims()})
	 * @param graphLabel the object label at a voxel of the graph's grid (read at skeleton voxels only)
	 * @param graphDistance distance to the background (µm) on the graph's grid
	 * @param endCorrection µm to add to each edge's length, or null for none
	 */
	public static Result analyze(final byte[] mask, final int[] labels, final int count, final int[] dims, final double[] spacing, final double regionAreaUm2,
		final SkeletonGraph graph, final java.util.function.IntUnaryOperator graphLabel, final float[] graphDistance, final double[] endCorrection) {
		return analyze(mask, labels, count, dims, spacing, regionAreaUm2, graph, graphLabel, graphDistance, endCorrection, null);
	}

	/**
	 * As {@link #analyze(byte[], int[], int, int[], double[], double, SkeletonGraph, java.util.function.IntUnaryOperator, float[], double[])},
	 * with the blur-corrected radius of each tree ({@link EndCorrection#radii}): widths, footprint and volume then
	 * follow from the image formation model instead of the mask (see {@link SizeModel}); the mask's own values stay
	 * in {@link Result#maskFootprint()}, {@link Result#maskVolume()} and {@link Result#maskWidth()}.
	 *
	 * @param treeRadius µm per tree id (NaN where unknown), or null to measure sizes on the mask
	 */
	public static Result analyze(final byte[] mask, final int[] labels, final int count, final int[] dims, final double[] spacing, final double regionAreaUm2,
		final SkeletonGraph graph, final java.util.function.IntUnaryOperator graphLabel, final float[] graphDistance, final double[] endCorrection,
		final double[] treeRadius) {
		if (treeRadius != null && treeRadius.length != graph.trees().size())
			throw new IllegalArgumentException("treeRadius has " + treeRadius.length + " values for " + graph.trees().size() + " trees");
		if (endCorrection != null && endCorrection.length != graph.edges().size())
			throw new IllegalArgumentException("endCorrection has " + endCorrection.length + " values for " + graph.edges().size() + " branches");
		long graphVoxels = 1;
		for (final int d : graph.dims()) graphVoxels *= d;
		if (graphDistance.length != graphVoxels)
			throw new IllegalArgumentException("graph distances (" + graphDistance.length + ") must cover the graph's " + graphVoxels + " voxels");
		final Shapes.Result shapes = Shapes.measure(labels, count, dims, spacing);
		final int[] objectOfTree = objectOfTree(graph, graphLabel);
		final int[] objectOfEdge = new int[graph.edges().size()];
		for (final SkeletonGraph.Edge e : graph.edges()) objectOfEdge[e.id()] = objectOfTree[e.treeId()];
		final double[] edgeLength = branchLengths(graph);
		if (endCorrection != null)
			for (int i = 0; i < edgeLength.length; i++) edgeLength[i] += endCorrection[i];
		final PerObject po = new PerObject(count);
		final double maxTree = po.addTrees(graph, objectOfTree, edgeLength);
		// width from the distance map on skeleton voxels
		final double[] allWidth = po.addWidths(graph.voxelTypes(), graphLabel, graphDistance, (spacing[0] + spacing[1]) / 2);
		final EnumMap<Metric, Double> summary;
		final List<ObjectMetrics> objs;
		final double maskFootprint, maskVolume, maskWidth;
		if (treeRadius == null) {
			objs = po.objects(shapes);
			summary = metrics(mask, graph, dims, spacing, regionAreaUm2, objs, edgeLength, maxTree, allWidth);
		}
		else {
			final List<ObjectMetrics> maskObjs = po.objects(shapes);
			final SizeModel model = SizeModel.of(graph, objectOfTree, count, treeRadius, edgeLength, dims.length > 2 && dims[2] > 1);
			objs = model.objects(maskObjs);
			summary = metrics(mask, graph, dims, spacing, regionAreaUm2, objs, edgeLength, maxTree, allWidth);
			maskFootprint = summary.get(Metric.FOOTPRINT);
			maskVolume = summary.get(Metric.VOLUME);
			maskWidth = summary.get(Metric.MEAN_WIDTH);
			model.summarise(summary, maskObjs, po.wN);
			return new Result(objs, summary, objectOfEdge, edgeLength, endCorrection == null ? null : endCorrection.clone(), maskFootprint, maskVolume, maskWidth);
		}
		return new Result(objs, summary, objectOfEdge, edgeLength, endCorrection == null ? null : endCorrection.clone(), summary.get(Metric.FOOTPRINT),
			summary.get(Metric.VOLUME), summary.get(Metric.MEAN_WIDTH));
	}

	/** Object label of each tree, through its first vertex voxel or else the first voxel of its first branch. */
	private static int[] objectOfTree(final SkeletonGraph graph, final java.util.function.IntUnaryOperator labels) {
		final int[] objectOfTree = new int[graph.trees().size()];
		for (final SkeletonGraph.Vertex v : graph.vertices())
			if (objectOfTree[v.treeId()] == 0) objectOfTree[v.treeId()] = labels.applyAsInt(v.firstVoxel());
		for (final SkeletonGraph.Edge e : graph.edges())
			if (e.pathLength() > 0 && objectOfTree[e.treeId()] == 0) objectOfTree[e.treeId()] = labels.applyAsInt(e.pathVoxel(0));
		return objectOfTree;
	}

	/** Per-object sums of the graph counts, lengths and widths (index = object label). */
	private static final class PerObject {
		final int count;
		final int[] br, ju, ep, lo;
		final double[] len, wSum;
		final long[] wN;

		PerObject(final int count) {
			this.count = count;
			br = new int[count + 1];
			ju = new int[count + 1];
			ep = new int[count + 1];
			lo = new int[count + 1];
			len = new double[count + 1];
			wSum = new double[count + 1];
			wN = new long[count + 1];
		}

		/** @return the longest tree's total branch length */
		double addTrees(final SkeletonGraph graph, final int[] objectOfTree, final double[] edgeLength) {
			final int nt = objectOfTree.length;
			final double[] treeLength = new double[nt];
			for (final SkeletonGraph.Edge e : graph.edges()) treeLength[e.treeId()] += edgeLength[e.id()];
			double maxTree = 0;
			for (int t = 0; t < nt; t++) {
				final SkeletonGraph.Tree tr = graph.trees().get(t);
				final int o = objectOfTree[tr.id()];
				maxTree = Math.max(maxTree, treeLength[tr.id()]);
				if (o <= 0) continue;
				br[o] += tr.branches();
				ju[o] += tr.junctions();
				ep[o] += tr.endPoints();
				lo[o] += tr.loops();
				len[o] += treeLength[tr.id()];
			}
			return maxTree;
		}

		/**
		 * Local width 2·d − s̄ on the skeleton voxels of each object.
		 *
		 * @return {@code {Σ width, n}} over all objects
		 */
		double[] addWidths(final byte[] types, final java.util.function.IntUnaryOperator labels, final float[] dist, final double s) {
			double allW = 0;
			long allN = 0;
			for (int i = 0; i < types.length; i++) {
				if (types[i] == 0) continue;
				final int l = labels.applyAsInt(i);
				if (l == 0) continue;
				final double w = 2 * dist[i] - s;
				wSum[l] += w;
				wN[l]++;
				allW += w;
				allN++;
			}
			return new double[] { allW, allN };
		}

		List<ObjectMetrics> objects(final Shapes.Result shapes) {
			final List<ObjectMetrics> objs = new ArrayList<>();
			for (int l = 1; l <= count; l++)
				if (shapes.pixels[l] != 0)
					objs.add(new ObjectMetrics(l, br[l], ju[l], ep[l], lo[l], len[l], shapes, wN[l] == 0 ? Double.NaN : wSum[l] / wN[l]));
			return objs;
		}
	}

	/** The region summary from the objects, the graph and the branch lengths. */
	private static EnumMap<Metric, Double> metrics(final byte[] mask, final SkeletonGraph graph, final int[] dims, final double[] spacing,
		final double regionAreaUm2, final List<ObjectMetrics> objs, final double[] edgeLength, final double maxTree, final double[] allWidth) {
		int puncta = 0, rods = 0, networks = 0, netBranches = 0;
		double ffSum = 0, arSum = 0;
		for (final ObjectMetrics m : objs) {
			switch (m.objectClass) {
				case PUNCTUM: puncta++; break;
				case ROD: rods++; break;
				default: networks++; netBranches += m.branches;
			}
			ffSum += m.formFactor;
			arSum += m.aspectRatio;
		}
		final SkeletonGraph.Summary gs = graph.summary();
		final int n = objs.size();
		final double[] lengths = edgeLength.clone();
		java.util.Arrays.sort(lengths);
		double totalLength = 0;
		for (final double l : lengths) totalLength += l;
		double degSum = 0;
		int endPoints = 0;
		for (final SkeletonGraph.Vertex v : graph.vertices()) {
			degSum += v.degree();
			if (v.type() == SkeletonGraph.VertexType.END_POINT && v.degree() > 0) endPoints++;
		}
		final boolean is3D = dims.length > 2;
		long fg = 0;
		for (final byte b : mask) if (b != 0) fg++;
		final double pixelArea = spacing[0] * spacing[1];
		final double footprint = is3D ? projectedCount(mask, dims) * pixelArea : fg * pixelArea;
		final EnumMap<Metric, Double> m = new EnumMap<>(Metric.class);
		m.put(Metric.OBJECTS, (double) n);
		m.put(Metric.INDIVIDUALS, (double) (puncta + rods));
		m.put(Metric.PUNCTA, (double) puncta);
		m.put(Metric.RODS, (double) rods);
		m.put(Metric.NETWORKS, (double) networks);
		m.put(Metric.BRANCHES, (double) gs.branches());
		m.put(Metric.JUNCTIONS, (double) gs.junctions());
		m.put(Metric.ENDPOINTS, (double) endPoints);
		m.put(Metric.TRIPLE_POINTS, (double) gs.triplePoints());
		m.put(Metric.QUADRUPLE_POINTS, (double) gs.quadruplePoints());
		m.put(Metric.LOOPS, (double) gs.loops());
		m.put(Metric.TOTAL_LENGTH, totalLength);
		m.put(Metric.MEAN_BRANCH_LENGTH, lengths.length == 0 ? Double.NaN : totalLength / lengths.length);
		m.put(Metric.MEDIAN_BRANCH_LENGTH, median(lengths, lengths.length));
		m.put(Metric.FOOTPRINT, footprint);
		m.put(Metric.VOLUME, is3D ? fg * pixelArea * spacing[2] : Double.NaN);
		m.put(Metric.REGION_AREA, regionAreaUm2);
		m.put(Metric.COVERAGE, ratio(footprint, regionAreaUm2));
		m.put(Metric.BRANCHES_PER_NETWORK, ratio(netBranches, networks));
		m.put(Metric.MEAN_FORM_FACTOR, ratio(ffSum, n));
		m.put(Metric.MEAN_ASPECT_RATIO, ratio(arSum, n));
		m.put(Metric.MEAN_WIDTH, allWidth[1] == 0 ? Double.NaN : allWidth[0] / allWidth[1]);
		m.put(Metric.BRANCHES_PER_OBJECT, ratio(gs.branches(), n));
		m.put(Metric.JUNCTIONS_PER_OBJECT, ratio(gs.junctions(), n));
		m.put(Metric.ENDPOINTS_PER_OBJECT, ratio(endPoints, n));
		m.put(Metric.OBJECTS_PER_100UM2, 100 * ratio(n, regionAreaUm2));
		m.put(Metric.BRANCHES_PER_100UM2, 100 * ratio(gs.branches(), regionAreaUm2));
		m.put(Metric.LOOPS_PER_100UM2, 100 * ratio(gs.loops(), regionAreaUm2));
		m.put(Metric.MEAN_DEGREE, ratio(degSum, graph.vertices().size()));
		m.put(Metric.FOUR_WAY_FRACTION, ratio(gs.quadruplePoints(), gs.junctions()));
		m.put(Metric.LARGEST_SHARE, Math.min(1, ratio(maxTree, totalLength))); // summation order can exceed 1 by an ulp
		m.put(Metric.FRAGMENTATION, ratio(n, n + gs.junctions()));
		return m;
	}

	/** Smoothed path length of each edge plus the distances from its junction ends to the junction centroids. */
	static double[] branchLengths(final SkeletonGraph graph) {
		final List<SkeletonGraph.Vertex> vs = graph.vertices();
		final double[] out = new double[graph.edges().size()];
		for (final SkeletonGraph.Edge e : graph.edges()) {
			double l = e.smoothedLength();
			final int np = e.pathLength();
			if (!e.isIsolatedLoop() && np > 0) {
				l += toCentroid(vs.get(e.vertexA()), e, 0);
				l += toCentroid(vs.get(e.vertexB()), e, np - 1);
			}
			out[e.id()] = l;
		}
		return out;
	}

	/** Distance from path voxel {@code i} of {@code e} to the centroid of junction {@code v} (0 for an end point). */
	private static double toCentroid(final SkeletonGraph.Vertex v, final SkeletonGraph.Edge e, final int i) {
		if (v.type() != SkeletonGraph.VertexType.JUNCTION) return 0;
		double d2 = 0;
		for (int k = 0; k < v.dimensions(); k++) {
			final double dk = e.coordinate(i, k) - v.centroid(k);
			d2 += dk * dk;
		}
		return Math.sqrt(d2);
	}

	private static long projectedCount(final byte[] mask, final int[] dims) {
		final int plane = dims[0] * dims[1];
		final boolean[] any = new boolean[plane];
		for (int i = 0; i < mask.length; i++) if (mask[i] != 0) any[i % plane] = true;
		long c = 0;
		for (final boolean b : any) if (b) c++;
		return c;
	}

	static double ratio(final double a, final double b) {
		return b == 0 ? Double.NaN : a / b;
	}

	/** Median of the ascending values {@code sorted[0..n)}, NaN for n = 0. */
	static double median(final double[] sorted, final int n) {
		if (n == 0) return Double.NaN;
		final int h = n / 2;
		return n % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
	}
}
