package io.github.myomito.skeleton;

import io.github.myomito.image.Pixels;
import io.github.myomito.skeleton.SkeletonGraph.Edge;
import io.github.myomito.skeleton.SkeletonGraph.Summary;
import io.github.myomito.skeleton.SkeletonGraph.Tree;
import io.github.myomito.skeleton.SkeletonGraph.Vertex;
import io.github.myomito.skeleton.SkeletonGraph.VertexType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Builds the graph of a skeleton (end points, junctions, branches, trees) with the counting conventions
 * of Fiji's AnalyzeSkeleton (I. Arganda-Carreras, R. Fernández-González, A. Muñoz-Barrutia and C.
 * Ortiz-de-Solórzano, "3D reconstruction of histological sections: Application to mammary gland
 * tissue", Microsc. Res. Tech. 73:1019–1029, 2010, doi:10.1002/jemt.20829).
 * <p>
 * <b>Conventions.</b>
 * <ul>
 * <li>Adjacency is the 26-neighbourhood in 3D, the 8-neighbourhood in 2D (a 3D image with one slice is
 * 2D). Voxels outside the image are background.</li>
 * <li>A skeleton voxel with fewer than 2 skeleton neighbours is an <em>end-point voxel</em>, exactly 2 a
 * <em>slab voxel</em>, more than 2 a <em>junction voxel</em>.</li>
 * <li>Vertices: every end-point voxel is one END_POINT vertex; every 26-connected cluster of junction voxels
 * is one JUNCTION vertex.</li>
 * <li>Branches (edges): every maximal path of slab voxels between two vertex voxels (both ends may be the
 * same vertex: a self-loop, counted twice in the degree), and every direct adjacency between an end point
 * and another vertex (a branch without slab voxels, e.g. the single branch of a two-voxel component).</li>
 * <li>A component made only of slab voxels (a ring) is an <em>isolated loop</em>: one tree with one branch
 * ({@code vertexA = vertexB = -1}), no vertex, 0 junctions, 0 end points and 1 loop. These are
 * AnalyzeSkeleton's counts for such "circular trees" (it visits them from an unvisited slab voxel, counts one
 * branch and, internally, uses that slab voxel as a pseudo-vertex with a self-loop edge, which is not a
 * junction). A lone voxel is one tree with one END_POINT vertex and no branch; two adjacent voxels are two
 * END_POINT vertices joined by one branch without slab voxels (as in AnalyzeSkeleton).</li>
 * <li>Trees are the connected components (26-connected skeleton components); tree ids follow the raster
 * order of their first vertex, isolated loops come after all trees with vertices, in raster order.</li>
 * <li>Triple / quadruple points: AnalyzeSkeleton's rule — JUNCTION vertices whose voxels have, summed over
 * the cluster, exactly 3 / 4 slab or end-point voxels in their 26-neighbourhood ({@link Vertex#branchEnds()}).
 * This equals the vertex degree (number of branch ends, a self-loop counting 2): a slab voxel has exactly two
 * skeleton neighbours, so one touching two voxels of the same cluster is a one-voxel self-loop. The test suite
 * checks both against a brute-force implementation of AnalyzeSkeleton's counting on random 2D and 3D voxel
 * sets.</li>
 * <li>Loops of a tree: the cyclomatic number E − V + 1 of its vertex graph (isolated loop: 1); image
 * total E − V + C.</li>
 * </ul>
 * <b>Lengths.</b> {@code voxelLength} = Σ |s ⊙ (p_{i+1} − p_i)| over the path including the steps into the
 * end vertices' voxels; it over-estimates oblique digital lines (e.g. +8 % at slope ½). {@code smoothedLength}
 * is the polyline length of the path after smoothing its coordinates with a Gaussian of σ =
 * {@link AnalyzerSettings#smoothingSigmaSteps()} path steps,
 * {@code q_i = Σ_{|k|≤r_i} g_k p_{i+k} / Σ_{|k|≤r_i} g_k}, {@code g_k = exp(−k²/2σ²)},
 * with the symmetric window radius {@code r_i = min(⌈3σ⌉, i, n−1−i)} so that the end points stay pinned
 * and straight digital lines stay on their line (a Gaussian-smoothed polyline length estimator, cf. the
 * smoothing-based digital curve length estimators reviewed by Coeurjolly &amp; Klette, "A comparative evaluation
 * of length estimators of digital curves", IEEE TPAMI 26(2):252–258, 2004, doi:10.1109/TPAMI.2004.1262194).
 * Isolated loops are smoothed cyclically.
 * <p>
 * <b>Longest shortest path.</b> Per tree, the graph diameter over vertices with branch smoothed lengths as
 * weights: exact by two Dijkstra sweeps when the tree's graph is acyclic (E = V − 1; the farthest vertex
 * from any vertex is an end of a diameter), exact by Dijkstra from every vertex when it has cycles and at most
 * {@value #EXACT_LSP_MAX_VERTICES} vertices, otherwise a lower bound from 4 iterated double sweeps (exact
 * in most sparse networks, never an over-estimate). Isolated loop: half its length.
 * <p>
 * Paths are followed iteratively (no recursion); memory is O(number of voxels).
 */
public final class SkeletonAnalyzer {

	/** Trees with cycles up to this many vertices get the exact all-sources longest shortest path. */
	public static final int EXACT_LSP_MAX_VERTICES = 256;

	private static final int TYPE_MASK = 3;
	private static final int VISITED = 4;

	private SkeletonAnalyzer() {}

	/** {@link #analyze(byte[], int[], double[], AnalyzerSettings)} with {@link AnalyzerSettings#DEFAULT}. */
	public static SkeletonGraph analyze(final byte[] skeleton, final int[] dims, final double[] spacing) {
		return analyze(skeleton, dims, spacing, AnalyzerSettings.DEFAULT);
	}

	/**
	 * Analyses a skeleton (e.g. the output of {@link Thinning#thin(byte[], int[])}).
	 *
	 * @param skeleton non-zero = skeleton voxel, flat order {@code x + w*(y + h*z)}; not modified
	 * @param dims {@code {w, h}} or {@code {w, h, d}}
	 * @param spacing µm per voxel per axis (same length as dims, each finite and &gt; 0)
	 * @param settings pruning and length options
	 * @return the immutable graph
	 * @throws IllegalArgumentException on inconsistent dims, spacing or array length
	 */
	public static SkeletonGraph analyze(final byte[] skeleton, final int[] dims, final double[] spacing, final AnalyzerSettings settings) {
		return analyze(skeleton, dims, spacing, settings, null);
	}

	/**
	 * As {@link #analyze(byte[], int[], double[], AnalyzerSettings)}, with voxels that count as junction
	 * voxels whatever their number of neighbours, so that they join the junction clusters they touch (see
	 * {@link JunctionMerging}). With {@code junctionVoxels == null} the counts are AnalyzeSkeleton's.
	 *
	 * @param junctionVoxels non-zero = a skeleton voxel to type as a junction voxel (same length as the
	 *        skeleton; non-skeleton voxels are ignored), or null
	 */
	public static SkeletonGraph analyze(final byte[] skeleton, final int[] dims, final double[] spacing, final AnalyzerSettings settings,
		final byte[] junctionVoxels) {
		Thinning.checkDims(skeleton, dims);
		if (junctionVoxels != null && junctionVoxels.length != skeleton.length)
			throw new IllegalArgumentException("junctionVoxels has " + junctionVoxels.length + " voxels, skeleton " + skeleton.length);
		if (spacing == null || spacing.length != dims.length)
			throw new IllegalArgumentException("spacing must have " + dims.length + " entries, got " + Arrays.toString(spacing));
		for (final double s : spacing)
			if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("spacing must be finite and > 0: " + Arrays.toString(spacing));
		if (settings == null) throw new IllegalArgumentException("settings must not be null");
		SkeletonGraph g = build(skeleton, dims, spacing, settings, junctionVoxels);
		final double minLen = settings.pruneEndBranchesShorterThanUm();
		if (minLen > 0) {
			final byte[] pruned = new byte[skeleton.length];
			for (int i = 0; i < pruned.length; i++) pruned[i] = (byte) (skeleton[i] != 0 ? 1 : 0);
			boolean changed = false;
			final List<Vertex> vs = g.vertices();
			for (final Edge e : g.edges()) {
				if (e.isIsolatedLoop() || e.smoothedLength() >= minLen) continue;
				final Vertex a = vs.get(e.vertexA()), b = vs.get(e.vertexB());
				final Vertex end = isPrunableEnd(a, b) ? a : isPrunableEnd(b, a) ? b : null;
				if (end == null) continue;
				final int[] path = e.path();
				for (int i = 1; i < path.length - 1; i++) pruned[path[i]] = 0;
				pruned[end.voxels()[0]] = 0;
				changed = true;
			}
			if (changed) g = build(pruned, dims, spacing, settings, junctionVoxels);
		}
		return g;
	}

	/**
	 * Analyses an imglib2 skeleton image (non-zero = skeleton).
	 *
	 * @see #analyze(byte[], int[], double[], AnalyzerSettings)
	 */
	public static SkeletonGraph analyze(final RandomAccessibleInterval<? extends RealType<?>> skeleton, final double[] spacing,
		final AnalyzerSettings settings) {
		return analyze(Pixels.mask(skeleton), Pixels.dims(skeleton), spacing, settings);
	}

	private static boolean isPrunableEnd(final Vertex end, final Vertex other) {
		return end.type() == VertexType.END_POINT && end.degree() == 1 && other.type() == VertexType.JUNCTION;
	}

	private static SkeletonGraph build(final byte[] skeleton, final int[] dims, final double[] spacing, final AnalyzerSettings settings,
		final byte[] junctionVoxels) {
		final Builder b = new Builder(dims, spacing);
		b.copy(skeleton);
		b.classify(skeleton.length, junctionVoxels);
		b.vertices();
		b.edges();
		b.isolatedLoops();
		b.trees();
		final List<Vertex> vertices = b.vertexList();
		final double[] eLen = new double[b.nE];
		final List<Edge> edges = b.edgeList(settings.smoothingSigmaSteps(), eLen);
		final double[] lsp = new double[b.nT];
		if (settings.computeLongestShortestPath())
			longestShortestPaths(b.nV, b.nOpen, b.eA, b.eB, eLen, b.vTree, b.nVertexTrees, lsp);
		else Arrays.fill(lsp, Double.NaN);
		for (int e = b.nOpen; e < b.nE; e++)
			if (settings.computeLongestShortestPath()) lsp[b.eTree[e]] = eLen[e] / 2;
		return summarise(dims, spacing, vertices, edges, b.nT, b.nVertexTrees, b.nSkel, lsp, settings.computeLongestShortestPath(), b.types);
	}

	/**
	 * Per-tree and image counts. Triple / quadruple points follow AnalyzeSkeleton's rule (see the class
	 * documentation): the number of slab and end-point voxels 26-adjacent to the junction's voxels, summed over
	 * its voxels ({@link Vertex#branchEnds()}).
	 */
	private static SkeletonGraph summarise(final int[] dims, final double[] spacing, final List<Vertex> vertices, final List<Edge> edges,
		final int nT, final int nVertexTrees, final int nSkel, final double[] lsp, final boolean withLsp, final byte[] types) {
		final int[] tBr = new int[nT], tJ = new int[nT], tEp = new int[nT], t3 = new int[nT], t4 = new int[nT], tSlab = new int[nT],
			tJv = new int[nT], tV = new int[nT];
		final double[] tLen = new double[nT], tVLen = new double[nT];
		for (final Vertex v : vertices) {
			final int t = v.treeId();
			tV[t]++;
			if (v.type() == VertexType.END_POINT) tEp[t]++;
			else {
				tJ[t]++;
				tJv[t] += v.voxelCount();
				if (v.branchEnds() == 3) t3[t]++;
				if (v.branchEnds() == 4) t4[t]++;
			}
		}
		for (final Edge e : edges) {
			final int t = e.treeId();
			tBr[t]++;
			tSlab[t] += e.slabVoxels();
			tLen[t] += e.smoothedLength();
			tVLen[t] += e.voxelLength();
		}
		final List<Tree> trees = new ArrayList<>(nT);
		int sBr = 0, sJ = 0, sEp = 0, s3 = 0, s4 = 0, sSlab = 0, sJv = 0, sLoops = 0;
		double sLen = 0, sVLen = 0, sLsp = withLsp ? 0 : Double.NaN;
		for (int t = 0; t < nT; t++) {
			final int loops = t < nVertexTrees ? tBr[t] - tV[t] + 1 : 1;
			trees.add(new Tree(t, tBr[t], tJ[t], tEp[t], t3[t], t4[t], tSlab[t], tJv[t], tEp[t], tLen[t], tVLen[t], lsp[t], loops));
			sBr += tBr[t];
			sJ += tJ[t];
			sEp += tEp[t];
			s3 += t3[t];
			s4 += t4[t];
			sSlab += tSlab[t];
			sJv += tJv[t];
			sLoops += loops;
			sLen += tLen[t];
			sVLen += tVLen[t];
			if (withLsp) sLsp = Math.max(sLsp, lsp[t]);
		}
		if (sSlab + sJv + sEp != nSkel) throw new IllegalStateException("voxel bookkeeping failed: " + (sSlab + sJv + sEp) + " != " + nSkel);
		final Summary summary = new Summary(nT, sBr, sJ, sEp, sEp, sJv, sSlab, s3, s4, sLoops, sLen, sVLen, sBr == 0 ? 0 : sLen / sBr, sLsp);
		return new SkeletonGraph(dims, spacing, vertices, edges, trees, summary, types);
	}

	/**
	 * The stages of one graph construction over a padded copy of the skeleton, each a small method (short
	 * methods also keep the JIT's compile time low when many small images are analysed).
	 */
	private static final class Builder {
		final int[] dims;
		final double[] spacing;
		final int w, h, d, W, H, zOff, nd;
		final boolean is3D;
		final double sx, sy, sz;
		final int[] off;
		byte[] sk, types;
		int[] vid; // vertex id by skeleton-voxel rank (index into skPad), -1 for slab voxels
		int nSkel, nV, nOpen, nE, nT, nVertexTrees;
		final IntBuf skPad = new IntBuf(1024), skFlat = new IntBuf(1024);
		final IntBuf vVox = new IntBuf(64), vStart = new IntBuf(64);
		final IntBuf eA = new IntBuf(64), eB = new IntBuf(64), ePath = new IntBuf(256), eStart = new IntBuf(64);
		final IntBuf path = new IntBuf(64);
		int[] vTree, eTree;

		Builder(final int[] dims, final double[] spacing) {
			this.dims = dims;
			this.spacing = spacing;
			w = dims[0];
			h = dims[1];
			d = dims.length == 3 ? dims[2] : 1;
			is3D = d > 1;
			W = w + 2;
			H = h + 2;
			zOff = is3D ? 1 : 0;
			nd = dims.length;
			sx = spacing[0];
			sy = spacing[1];
			sz = dims.length == 3 ? spacing[2] : 0;
			off = new int[is3D ? 26 : 8];
			int k = 0;
			for (int dz = is3D ? -1 : 0; dz <= (is3D ? 1 : 0); dz++)
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++)
						if (dx != 0 || dy != 0 || dz != 0) off[k++] = dx + W * (dy + H * dz);
		}

		/** Padded copy; records the skeleton voxels in raster order (padded and original index). */
		void copy(final byte[] skeleton) {
			sk = new byte[Math.multiplyExact(Math.multiplyExact(W, H), is3D ? d + 2 : 1)];
			for (int z = 0; z < d; z++)
				for (int y = 0; y < h; y++) {
					final int src = w * (y + h * z), dst = 1 + W * (y + 1 + H * (z + zOff));
					for (int x = 0; x < w; x++)
						if (skeleton[src + x] != 0) {
							sk[dst + x] = 1;
							skPad.add(dst + x);
							skFlat.add(src + x);
						}
				}
			nSkel = skPad.size();
		}

		/** End point (&lt; 2 neighbours), slab (2) or junction (&gt; 2, or forced) voxel. */
		void classify(final int length, final byte[] forced) {
			types = new byte[length];
			for (int i = 0; i < nSkel; i++) {
				final int p = skPad.get(i);
				final int c = neighbours(p);
				final byte t = forced != null && forced[skFlat.get(i)] != 0 && c >= 2 ? SkeletonGraph.JUNCTION_VOXEL
					: c < 2 ? SkeletonGraph.END_POINT_VOXEL : c == 2 ? SkeletonGraph.SLAB_VOXEL : SkeletonGraph.JUNCTION_VOXEL;
				sk[p] = t;
				types[skFlat.get(i)] = t;
			}
		}

		private int neighbours(final int p) {
			int c = 0;
			for (final int o : off)
				if (sk[p + o] != 0) c++;
			return c;
		}

		/** One vertex per end-point voxel and per 26-connected cluster of junction voxels, in raster order. */
		void vertices() {
			// vertex id per skeleton voxel, by rank in the (ascending) list of skeleton voxels: memory grows
			// with the skeleton, not with the image
			vid = new int[nSkel];
			Arrays.fill(vid, -1);
			final IntBuf queue = new IntBuf(64);
			for (int i = 0; i < nSkel; i++) {
				final int p = skPad.get(i);
				final int t = sk[p];
				if (t == 0 || t == SkeletonGraph.SLAB_VOXEL || vid[i] >= 0) continue;
				final int id = vStart.size();
				vStart.add(vVox.size());
				vid[i] = id;
				vVox.add(p);
				if (t == SkeletonGraph.JUNCTION_VOXEL) cluster(p, id, queue);
			}
			nV = vStart.size();
			vStart.add(vVox.size());
		}

		/** Rank of skeleton voxel {@code p} (padded index) among the skeleton voxels. */
		private int rank(final int p) {
			return skPad.indexOfSorted(p);
		}

		private void cluster(final int seed, final int id, final IntBuf queue) {
			queue.clear();
			queue.add(seed);
			for (int qi = 0; qi < queue.size(); qi++) {
				final int q = queue.get(qi);
				for (final int o : off) {
					final int r = q + o;
					if (sk[r] != SkeletonGraph.JUNCTION_VOXEL) continue;
					final int k = rank(r);
					if (vid[k] < 0) {
						vid[k] = id;
						vVox.add(r);
						queue.add(r);
					}
				}
			}
		}

		/** Branches from every vertex voxel: slab paths, and direct adjacencies to a later vertex. */
		void edges() {
			for (int v = 0; v < nV; v++)
				for (int j = vStart.get(v); j < vStart.get(v + 1); j++) {
					final int p = vVox.get(j);
					for (final int o : off) {
						final int n = p + o;
						final int t = sk[n];
						if (t == 0) continue;
						if ((t & TYPE_MASK) == SkeletonGraph.SLAB_VOXEL) {
							if ((t & VISITED) == 0) follow(v, p, n);
						} else {
							final int w = vid[rank(n)];
							if (w > v) {
								path.clear();
								path.add(p);
								path.add(n);
								addEdge(eA, eB, ePath, eStart, v, w, path);
							}
						}
					}
				}
			nOpen = eA.size();
		}

		/** Follows the slab path that leaves vertex {@code v}'s voxel {@code p} through slab voxel {@code n}. */
		private void follow(final int v, final int p, final int n) {
			path.clear();
			path.add(p);
			int prev = p, cur = n;
			while (true) {
				sk[cur] |= VISITED;
				path.add(cur);
				final int next = nextOnPath(cur, prev);
				if (next < 0) throw new IllegalStateException("slab voxel without a second neighbour");
				if ((sk[next] & TYPE_MASK) != SkeletonGraph.SLAB_VOXEL) {
					path.add(next);
					addEdge(eA, eB, ePath, eStart, v, vid[rank(next)], path);
					return;
				}
				if ((sk[next] & VISITED) != 0) throw new IllegalStateException("slab path revisited a voxel");
				prev = cur;
				cur = next;
			}
		}

		/** The first skeleton neighbour of {@code cur} other than {@code prev}, -1 if none. */
		private int nextOnPath(final int cur, final int prev) {
			for (final int o : off) {
				final int m = cur + o;
				if (sk[m] != 0 && m != prev) return m;
			}
			return -1;
		}

		/** Components made only of slab voxels (never visited from a vertex). */
		void isolatedLoops() {
			for (int i = 0; i < nSkel; i++) {
				final int s = skPad.get(i);
				if (sk[s] != SkeletonGraph.SLAB_VOXEL) continue; // visited slabs have the VISITED bit
				path.clear();
				path.add(s);
				sk[s] |= VISITED;
				int prev = s, cur = nextOnPath(s, -1);
				while (cur != s) {
					sk[cur] |= VISITED;
					path.add(cur);
					final int next = nextOnPath(cur, prev);
					prev = cur;
					cur = next;
				}
				addEdge(eA, eB, ePath, eStart, -1, -1, path);
			}
			nE = eA.size();
			eStart.add(ePath.size());
		}

		/** Trees: union-find over vertices; isolated loops get the ids after all trees with vertices. */
		void trees() {
			final int[] parent = new int[nV];
			for (int i = 0; i < nV; i++) parent[i] = i;
			for (int e = 0; e < nOpen; e++) union(parent, eA.get(e), eB.get(e));
			final int[] treeOfRoot = new int[nV];
			Arrays.fill(treeOfRoot, -1);
			vTree = new int[nV];
			int t = 0;
			for (int v = 0; v < nV; v++) {
				final int r = find(parent, v);
				if (treeOfRoot[r] < 0) treeOfRoot[r] = t++;
				vTree[v] = treeOfRoot[r];
			}
			nVertexTrees = t;
			eTree = new int[nE];
			for (int e = 0; e < nE; e++) eTree[e] = e < nOpen ? vTree[eA.get(e)] : t++;
			nT = t;
		}

		/** Vertices with original voxel indices, centroid, degree and AnalyzeSkeleton's branch-end count. */
		List<Vertex> vertexList() {
			final int[] degree = new int[nV];
			for (int e = 0; e < nOpen; e++) {
				degree[eA.get(e)]++;
				degree[eB.get(e)]++;
			}
			final List<Vertex> vertices = new ArrayList<>(nV);
			for (int v = 0; v < nV; v++) {
				final int from = vStart.get(v), to = vStart.get(v + 1);
				final int[] vox = new int[to - from];
				final double[] c = new double[nd];
				int ends = 0;
				for (int j = from; j < to; j++) {
					final int p = vVox.get(j);
					vox[j - from] = toFlat(p, W, H, w, h, zOff);
					c[0] += (p % W - 1) * sx;
					c[1] += ((p / W) % H - 1) * sy;
					if (nd == 3) c[2] += (p / (W * H) - zOff) * sz;
					ends += slabOrEndNeighbours(p);
				}
				for (int k = 0; k < c.length; k++) c[k] /= vox.length;
				Arrays.sort(vox);
				final boolean end = (sk[vVox.get(from)] & TYPE_MASK) == SkeletonGraph.END_POINT_VOXEL;
				vertices.add(new Vertex(v, end ? VertexType.END_POINT : VertexType.JUNCTION, vox, c, degree[v], end ? 0 : ends, vTree[v]));
			}
			return vertices;
		}

		private int slabOrEndNeighbours(final int p) {
			int c = 0;
			for (final int o : off) {
				final int t = sk[p + o] & TYPE_MASK;
				if (t == SkeletonGraph.SLAB_VOXEL || t == SkeletonGraph.END_POINT_VOXEL) c++;
			}
			return c;
		}

		/** Edges with original voxel paths and their voxel-step, smoothed and end-to-end lengths. */
		List<Edge> edgeList(final double sigma, final double[] eLen) {
			final int[] dimsCopy = dims.clone();
			final double[] spacingCopy = spacing.clone();
			final List<Edge> edges = new ArrayList<>(nE);
			double[] pts = new double[64], sm = new double[64];
			for (int e = 0; e < nE; e++) {
				final int from = eStart.get(e), to = eStart.get(e + 1), n = to - from;
				final boolean closed = e >= nOpen;
				final int[] flat = new int[n];
				if (pts.length < n * nd) {
					pts = new double[2 * n * nd];
					sm = new double[2 * n * nd];
				}
				for (int j = 0; j < n; j++) {
					final int p = ePath.get(from + j);
					flat[j] = toFlat(p, W, H, w, h, zOff);
					pts[j * nd] = (p % W - 1) * sx;
					pts[j * nd + 1] = ((p / W) % H - 1) * sy;
					if (nd == 3) pts[j * nd + 2] = (p / (W * H) - zOff) * sz;
				}
				final double vl = polylineLength(pts, n, nd, closed);
				double sl = vl;
				if (sigma > 0) {
					smooth(pts, n, nd, sigma, closed, sm);
					sl = polylineLength(sm, n, nd, closed);
				}
				final double el = closed ? 0 : chord(pts, n, nd);
				eLen[e] = sl;
				edges.add(new Edge(e, eA.get(e), eB.get(e), flat, closed, vl, sl, el, eTree[e], dimsCopy, spacingCopy));
			}
			return edges;
		}

		private static double chord(final double[] pts, final int n, final int nd) {
			double el = 0;
			for (int c = 0; c < nd; c++) {
				final double dd = pts[(n - 1) * nd + c] - pts[c];
				el += dd * dd;
			}
			return Math.sqrt(el);
		}
	}

	private static void addEdge(final IntBuf eA, final IntBuf eB, final IntBuf ePath, final IntBuf eStart, final int a, final int b,
		final IntBuf path) {
		eA.add(a);
		eB.add(b);
		eStart.add(ePath.size());
		for (int i = 0; i < path.size(); i++) ePath.add(path.get(i));
	}

	private static int toFlat(final int p, final int W, final int H, final int w, final int h, final int zOff) {
		final int x = p % W - 1, y = (p / W) % H - 1, z = p / (W * H) - zOff;
		return x + w * (y + h * z);
	}

	/** µm position {@code (x·s_x, y·s_y[, z·s_z])} of a flat index. */
	static double[] position(final int flat, final int[] dims, final double[] spacing) {
		final double[] p = new double[dims.length];
		for (int a = 0; a < p.length; a++) p[a] = coordinate(flat, dims, spacing, a);
		return p;
	}

	/** One µm coordinate of a flat index: {@code x·s_x}, {@code y·s_y} or {@code z·s_z} (0 for z of a 2D image). */
	static double coordinate(final int flat, final int[] dims, final double[] spacing, final int axis) {
		final int w = dims[0], h = dims[1];
		switch (axis) {
			case 0:
				return (flat % w) * spacing[0];
			case 1:
				return ((flat / w) % h) * spacing[1];
			case 2:
				return dims.length == 3 ? (flat / (w * h)) * spacing[2] : 0;
			default:
				throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
		}
	}

	/** Length of the polyline through {@code n} points stored as {@code pts[i*nd + c]}, closed if asked. */
	static double polylineLength(final double[] pts, final int n, final int nd, final boolean closed) {
		double l = 0;
		for (int i = 1; i < n; i++) l += segment(pts, i - 1, i, nd);
		if (closed && n > 1) l += segment(pts, n - 1, 0, nd);
		return l;
	}

	private static double segment(final double[] pts, final int a, final int b, final int nd) {
		double s = 0;
		for (int c = 0; c < nd; c++) {
			final double d = pts[b * nd + c] - pts[a * nd + c];
			s += d * d;
		}
		return Math.sqrt(s);
	}

	/**
	 * Gaussian smoothing along the path into {@code out}: symmetric truncated windows (ends pinned), cyclic
	 * when closed.
	 */
	static void smooth(final double[] pts, final int n, final int nd, final double sigma, final boolean closed, final double[] out) {
		final int R = (int) Math.ceil(3 * sigma);
		final double[] g = new double[R + 1];
		for (int k = 0; k <= R; k++) g[k] = Math.exp(-k * k / (2 * sigma * sigma));
		for (int i = 0; i < n; i++) {
			final int r = closed ? Math.min(R, (n - 1) / 2) : Math.min(R, Math.min(i, n - 1 - i));
			double wsum = 0;
			for (int c = 0; c < nd; c++) out[i * nd + c] = 0;
			for (int k = -r; k <= r; k++) {
				final int j = closed ? Math.floorMod(i + k, n) : i + k;
				final double wk = g[Math.abs(k)];
				wsum += wk;
				for (int c = 0; c < nd; c++) out[i * nd + c] += wk * pts[j * nd + c];
			}
			for (int c = 0; c < nd; c++) out[i * nd + c] /= wsum;
		}
	}

	/** Power iteration on the covariance matrix of the points. */
	static double[] principalDirection(final double[][] pts) {
		final int n = pts.length;
		final int nd = n == 0 ? 0 : pts[0].length;
		final double[] dir = new double[nd];
		if (n < 2) return dir;
		final double[] mean = new double[nd];
		for (final double[] p : pts)
			for (int c = 0; c < nd; c++) mean[c] += p[c] / n;
		final double[][] cov = new double[nd][nd];
		for (final double[] p : pts)
			for (int a = 0; a < nd; a++)
				for (int b = 0; b < nd; b++) cov[a][b] += (p[a] - mean[a]) * (p[b] - mean[b]);
		double[] v = new double[nd];
		for (int c = 0; c < nd; c++) v[c] = pts[n - 1][c] - pts[0][c] + 1e-3 * (c + 1);
		for (int it = 0; it < 200; it++) {
			final double[] u = new double[nd];
			for (int a = 0; a < nd; a++)
				for (int b = 0; b < nd; b++) u[a] += cov[a][b] * v[b];
			double norm = 0;
			for (final double x : u) norm += x * x;
			norm = Math.sqrt(norm);
			if (norm == 0) return dir;
			for (int a = 0; a < nd; a++) u[a] /= norm;
			v = u;
		}
		int first = 0;
		while (first < nd && Math.abs(v[first]) < 1e-12) first++;
		final double sign = first < nd && v[first] < 0 ? -1 : 1;
		for (int c = 0; c < nd; c++) dir[c] = sign * v[c];
		return dir;
	}

	private static int find(final int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(final int[] parent, final int a, final int b) {
		final int ra = find(parent, a), rb = find(parent, b);
		if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
	}

	private static void longestShortestPaths(final int nV, final int nOpen, final IntBuf eA, final IntBuf eB, final double[] eLen,
		final int[] vTree, final int nVertexTrees, final double[] lsp) {
		// CSR adjacency without self-loops
		final int[] deg = new int[nV + 1];
		for (int e = 0; e < nOpen; e++)
			if (eA.get(e) != eB.get(e)) {
				deg[eA.get(e)]++;
				deg[eB.get(e)]++;
			}
		final int[] start = new int[nV + 1];
		for (int v = 0; v < nV; v++) start[v + 1] = start[v] + deg[v];
		final int[] fill = Arrays.copyOf(start, nV);
		final int[] nbr = new int[start[nV]];
		final double[] wt = new double[start[nV]];
		for (int e = 0; e < nOpen; e++) {
			final int a = eA.get(e), b = eB.get(e);
			if (a == b) continue;
			nbr[fill[a]] = b;
			wt[fill[a]++] = eLen[e];
			nbr[fill[b]] = a;
			wt[fill[b]++] = eLen[e];
		}
		// vertices and edges per tree
		final int[] tV = new int[nVertexTrees], tE = new int[nVertexTrees], tFirst = new int[nVertexTrees];
		Arrays.fill(tFirst, -1);
		for (int v = 0; v < nV; v++) {
			tV[vTree[v]]++;
			if (tFirst[vTree[v]] < 0) tFirst[vTree[v]] = v;
		}
		for (int e = 0; e < nOpen; e++) tE[vTree[eA.get(e)]]++;
		final IntBuf members = new IntBuf(64);
		final Dijkstra dj = new Dijkstra(nV, start, nbr, wt);
		for (int t = 0; t < nVertexTrees; t++) {
			if (tV[t] == 1) {
				lsp[t] = 0;
				continue;
			}
			if (tE[t] == tV[t] - 1 || tV[t] > EXACT_LSP_MAX_VERTICES) {
				final int sweeps = tE[t] == tV[t] - 1 ? 1 : 4;
				int src = tFirst[t];
				double best = 0;
				for (int s = 0; s < sweeps; s++) {
					dj.run(src, null);
					final int far = dj.farthest;
					dj.run(far, null);
					best = Math.max(best, dj.maxDist);
					if (dj.farthest == src) break;
					src = dj.farthest;
				}
				lsp[t] = best;
			} else {
				members.clear();
				dj.run(tFirst[t], members);
				double best = 0;
				for (int i = 0; i < members.size(); i++) {
					dj.run(members.get(i), null);
					best = Math.max(best, dj.maxDist);
				}
				lsp[t] = best;
			}
		}
	}

	/** Dijkstra with a lazy binary heap on primitive arrays; distances reset only where touched. */
	private static final class Dijkstra {
		private final int[] start, nbr;
		private final double[] wt, dist;
		private final IntBuf touched = new IntBuf(64);
		private int[] hv = new int[64];
		private double[] hk = new double[64];
		private int hn;
		int farthest;
		double maxDist;

		Dijkstra(final int nV, final int[] start, final int[] nbr, final double[] wt) {
			this.start = start;
			this.nbr = nbr;
			this.wt = wt;
			this.dist = new double[nV];
			Arrays.fill(dist, Double.POSITIVE_INFINITY);
		}

		void run(final int src, final IntBuf reached) {
			for (int i = 0; i < touched.size(); i++) dist[touched.get(i)] = Double.POSITIVE_INFINITY;
			touched.clear();
			hn = 0;
			dist[src] = 0;
			touched.add(src);
			push(src, 0);
			farthest = src;
			maxDist = 0;
			while (hn > 0) {
				final int v = hv[0];
				final double k = hk[0];
				pop();
				if (k > dist[v]) continue;
				if (reached != null) reached.add(v);
				if (k > maxDist) {
					maxDist = k;
					farthest = v;
				}
				for (int j = start[v]; j < start[v + 1]; j++) {
					final int u = nbr[j];
					final double nd = k + wt[j];
					if (nd < dist[u]) {
						if (dist[u] == Double.POSITIVE_INFINITY) touched.add(u);
						dist[u] = nd;
						push(u, nd);
					}
				}
			}
		}

		private void push(final int v, final double k) {
			if (hn == hv.length) {
				hv = Arrays.copyOf(hv, 2 * hn);
				hk = Arrays.copyOf(hk, 2 * hn);
			}
			int i = hn++;
			while (i > 0) {
				final int p = (i - 1) / 2;
				if (hk[p] <= k) break;
				hv[i] = hv[p];
				hk[i] = hk[p];
				i = p;
			}
			hv[i] = v;
			hk[i] = k;
		}

		private void pop() {
			final int v = hv[--hn];
			final double k = hk[hn];
			int i = 0;
			while (true) {
				int c = 2 * i + 1;
				if (c >= hn) break;
				if (c + 1 < hn && hk[c + 1] < hk[c]) c++;
				if (hk[c] >= k) break;
				hv[i] = hv[c];
				hk[i] = hk[c];
				i = c;
			}
			if (hn > 0) {
				hv[i] = v;
				hk[i] = k;
			}
		}
	}
}
