package io.github.myomito.skeleton;

import static io.github.myomito.skeleton.SkeletonFixtures.Img;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.myomito.skeleton.SkeletonGraph.Edge;
import io.github.myomito.skeleton.SkeletonGraph.Summary;
import io.github.myomito.skeleton.SkeletonGraph.Tree;
import io.github.myomito.skeleton.SkeletonGraph.Vertex;
import io.github.myomito.skeleton.SkeletonGraph.VertexType;
import org.junit.jupiter.api.Test;

class SkeletonAnalyzerTest {

	private static final double EPS = 1e-9;

	@Test
	void straightLine() {
		final Img im = SkeletonFixtures.straightLine(21);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 0.1, 0.1 });
		final Summary s = g.summary();
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(1);
		assertThat(s.endPoints()).isEqualTo(2);
		assertThat(s.junctions()).isZero();
		assertThat(s.slabVoxels()).isEqualTo(19);
		assertThat(s.loops()).isZero();
		final Edge e = g.edges().get(0);
		assertThat(e.path()).hasSize(21);
		assertThat(e.slabVoxels()).isEqualTo(19);
		assertThat(e.voxelLength()).isCloseTo(2.0, within(EPS));
		assertThat(e.smoothedLength()).isCloseTo(2.0, within(EPS));
		assertThat(e.euclideanLength()).isCloseTo(2.0, within(EPS));
		assertThat(e.direction()).containsExactly(new double[] { 1, 0 }, within(1e-9));
		assertThat(e.points()[0]).containsExactly(new double[] { 0.5, 0.5 }, within(EPS));
		assertThat(s.longestShortestPath()).isCloseTo(2.0, within(EPS));
		final byte[] types = g.voxelTypes();
		assertThat(types[im.index(5, 5, 0)]).isEqualTo(SkeletonGraph.END_POINT_VOXEL);
		assertThat(types[im.index(15, 5, 0)]).isEqualTo(SkeletonGraph.SLAB_VOXEL);
		assertThat(types[im.index(25, 5, 0)]).isEqualTo(SkeletonGraph.END_POINT_VOXEL);
		assertThat(types[im.index(15, 6, 0)]).isEqualTo(SkeletonGraph.BACKGROUND);
	}

	@Test
	void obliqueLinesSmoothedLengthIsAccurateVoxelLengthIsNot() {
		for (final double theta : new double[] { 22.5, 26.565, 30, 40 })
			for (final double[] sp : new double[][] { { 1, 1 }, { 0.2, 0.3 } }) {
				final int dx = 200;
				final Img im = SkeletonFixtures.obliqueLine(dx, theta);
				final int dy = (int) Math.round(dx * Math.tan(Math.toRadians(theta)));
				final double truth = Math.hypot(dx * sp[0], dy * sp[1]);
				final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, sp);
				assertThat(g.summary().branches()).isEqualTo(1);
				final Edge e = g.edges().get(0);
				assertThat(e.euclideanLength()).isCloseTo(truth, within(1e-9));
				assertThat(Math.abs(e.smoothedLength() - truth) / truth).as("smoothed, θ=%s", theta).isLessThan(0.02);
				if (sp[0] == sp[1] && theta < 35) assertThat(e.voxelLength()).as("voxel steps, θ=%s", theta).isGreaterThan(1.05 * truth);
				final double[] dir = e.direction();
				final double norm = Math.hypot(dx * sp[0], dy * sp[1]);
				assertThat(dir).containsExactly(new double[] { dx * sp[0] / norm, dy * sp[1] / norm }, within(0.01));
			}
	}

	@Test
	void yJunction() {
		final Img im = SkeletonFixtures.yJunction(20, 20);
		final double sp = 0.5;
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { sp, sp });
		final Summary s = g.summary();
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(3);
		assertThat(s.junctions()).isEqualTo(1);
		assertThat(s.endPoints()).isEqualTo(3);
		assertThat(s.triplePoints()).isEqualTo(1);
		assertThat(s.quadruplePoints()).isZero();
		assertThat(s.junctionVoxels()).isEqualTo(1);
		assertThat(s.slabVoxels()).isEqualTo(57);
		assertThat(s.loops()).isZero();
		assertThat(s.totalVoxelLength()).isCloseTo((20 + 2 * 20 * Math.sqrt(2)) * sp, within(EPS));
		assertThat(s.totalLength()).isCloseTo((20 + 2 * 20 * Math.sqrt(2)) * sp, within(1e-6));
		assertThat(s.meanBranchLength()).isCloseTo(s.totalLength() / 3, within(EPS));
		assertThat(s.longestShortestPath()).isCloseTo(2 * 20 * Math.sqrt(2) * sp, within(1e-6));
		final Vertex j = g.vertices().stream().filter(v -> v.type() == VertexType.JUNCTION).findFirst().get();
		final int c = 22;
		assertThat(j.degree()).isEqualTo(3);
		assertThat(j.voxels()).containsExactly(im.index(c, c, 0));
		assertThat(j.centroid()).containsExactly(new double[] { c * sp, c * sp }, within(EPS));
		assertThat(g.voxelTypes()[im.index(c, c, 0)]).isEqualTo(SkeletonGraph.JUNCTION_VOXEL);
		for (final Edge e : g.edges()) {
			assertThat(e.vertexA() == j.id() || e.vertexB() == j.id()).isTrue();
			assertThat(e.path()[0] == im.index(c, c, 0) || e.path()[e.path().length - 1] == im.index(c, c, 0)).isTrue();
		}
		final Tree t = g.trees().get(0);
		assertThat(t.branches()).isEqualTo(3);
		assertThat(t.endPointVoxels()).isEqualTo(3);
	}

	@Test
	void diagonalXIsAQuadruplePointWithOneVoxel() {
		final Img im = SkeletonFixtures.diagonalX(15);
		final Summary s = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 }).summary();
		assertThat(s.junctions()).isEqualTo(1);
		assertThat(s.junctionVoxels()).isEqualTo(1);
		assertThat(s.quadruplePoints()).isEqualTo(1);
		assertThat(s.triplePoints()).isZero();
		assertThat(s.branches()).isEqualTo(4);
		assertThat(s.endPoints()).isEqualTo(4);
		assertThat(s.totalVoxelLength()).isCloseTo(4 * 15 * Math.sqrt(2), within(EPS));
	}

	@Test
	void uprightPlusIsAQuadruplePointWithAFiveVoxelCluster() {
		final Img im = SkeletonFixtures.plus(15);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 });
		final Summary s = g.summary();
		assertThat(s.junctions()).isEqualTo(1);
		assertThat(s.junctionVoxels()).isEqualTo(5);
		assertThat(s.quadruplePoints()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(4);
		assertThat(s.slabVoxels()).isEqualTo(4 * 13);
		// each branch runs from the arm's first (junction) voxel to its end point: 14 steps
		for (final Edge e : g.edges()) assertThat(e.voxelLength()).isCloseTo(14, within(EPS));
		// vertex graph distances: end → junction → end (intra-cluster distance is not counted)
		assertThat(s.longestShortestPath()).isCloseTo(28, within(1e-6));
	}

	@Test
	void diamondRingIsAnIsolatedLoop() {
		final Img im = SkeletonFixtures.diamondRing(10);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 });
		final Summary s = g.summary();
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(1);
		assertThat(s.junctions()).isZero();
		assertThat(s.endPoints()).isZero();
		assertThat(s.loops()).isEqualTo(1);
		assertThat(s.slabVoxels()).isEqualTo(40);
		assertThat(g.vertices()).isEmpty();
		final Edge e = g.edges().get(0);
		assertThat(e.isIsolatedLoop()).isTrue();
		assertThat(e.vertexA()).isEqualTo(-1);
		assertThat(e.vertexB()).isEqualTo(-1);
		assertThat(e.path()).hasSize(40);
		assertThat(e.voxelLength()).isCloseTo(40 * Math.sqrt(2), within(EPS)); // the square's perimeter 4·10√2
		// Gaussian smoothing cuts the four sharp 90° corners of this small square (side 10 steps) a little
		assertThat(e.smoothedLength()).isBetween(0.85 * 40 * Math.sqrt(2), 40 * Math.sqrt(2));
		assertThat(e.euclideanLength()).isZero();
		assertThat(g.trees().get(0).loops()).isEqualTo(1);
		assertThat(s.longestShortestPath()).isCloseTo(e.smoothedLength() / 2, within(EPS));
	}

	@Test
	void roundRingSmoothedLengthMatchesCircumference() {
		// thinned annulus 20 ≤ r ≤ 26: the medial circle has radius 23 (± half a pixel)
		final int size = 80;
		final Img im = SkeletonFixtures.annulus(size, 20, 26);
		final byte[] sk = Thinning.thin(im.data, im.dims);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, im.dims, new double[] { 0.25, 0.25 });
		assertThat(g.summary().loops()).isEqualTo(1);
		assertThat(g.summary().branches()).isEqualTo(1);
		assertThat(g.edges().get(0).isIsolatedLoop()).isTrue();
		final double truth = 2 * Math.PI * 23 * 0.25;
		assertThat(Math.abs(g.summary().totalLength() - truth) / truth).isLessThan(0.02);
		assertThat(g.summary().totalVoxelLength()).isGreaterThan(1.04 * truth);
	}

	@Test
	void loopWithTail() {
		final Img im = SkeletonFixtures.loopWithTail(10, 15);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 });
		final Summary s = g.summary();
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(2);
		assertThat(s.junctions()).isEqualTo(1);
		assertThat(s.endPoints()).isEqualTo(1);
		assertThat(s.triplePoints()).isEqualTo(1); // self-loop counts 2 + tail 1
		assertThat(s.loops()).isEqualTo(1);
		assertThat(s.slabVoxels()).isEqualTo(39 + 14);
		final Edge self = g.edges().stream().filter(e -> e.vertexA() == e.vertexB()).findFirst().get();
		assertThat(self.voxelLength()).isCloseTo(40 * Math.sqrt(2), within(EPS));
		assertThat(self.isIsolatedLoop()).isFalse();
		final Edge tail = g.edges().stream().filter(e -> e.vertexA() != e.vertexB()).findFirst().get();
		assertThat(tail.voxelLength()).isCloseTo(15, within(EPS));
		assertThat(s.longestShortestPath()).isCloseTo(15, within(1e-6));
	}

	@Test
	void lattice2DCountsInClosedForm() {
		final int n = 4, m = 3, p = 10, t = 6;
		final double sx = 0.2, sy = 0.3;
		final Img im = SkeletonFixtures.lattice2D(n, m, p, t);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { sx, sy });
		final Summary s = g.summary();
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.junctions()).isEqualTo(n * m);
		assertThat(s.quadruplePoints()).isEqualTo(n * m);
		assertThat(s.junctionVoxels()).isEqualTo(5 * n * m);
		assertThat(s.endPoints()).isEqualTo(2 * (n + m));
		assertThat(s.branches()).isEqualTo(n * (m + 1) + m * (n + 1));
		assertThat(s.loops()).isEqualTo((n - 1) * (m - 1));
		assertThat(s.slabVoxels()).isEqualTo(im.count() - 5 * n * m - 2 * (n + m));
		final double total = n * ((m - 1) * (p - 2) + 2 * (t - 1)) * sy + m * ((n - 1) * (p - 2) + 2 * (t - 1)) * sx;
		assertThat(s.totalVoxelLength()).isCloseTo(total, within(1e-9));
		assertThat(s.totalLength()).isCloseTo(total, within(1e-6));
		final double lsp = 2 * (t - 1) * Math.max(sx, sy) + (n - 1) * (p - 2) * sx + (m - 1) * (p - 2) * sy;
		assertThat(s.longestShortestPath()).isCloseTo(lsp, within(1e-6));
		for (final Vertex v : g.vertices()) assertThat(v.degree()).isEqualTo(v.type() == VertexType.JUNCTION ? 4 : 1);
		// the same lattice as a one-slice stack gives the same graph
		final Summary s3 = SkeletonAnalyzer.analyze(im.data, new int[] { im.dims[0], im.dims[1], 1 }, new double[] { sx, sy, 1 }).summary();
		assertThat(s3.toString()).isEqualTo(s.toString());
	}

	@Test
	void cross3DAnisotropic() {
		final int arm = 8;
		final Img im = SkeletonFixtures.cross3D(arm);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 0.1, 0.1, 0.3 });
		final Summary s = g.summary();
		assertThat(s.junctions()).isEqualTo(1);
		assertThat(s.junctionVoxels()).isEqualTo(7);
		assertThat(s.triplePoints()).isZero();
		assertThat(s.quadruplePoints()).isZero();
		assertThat(g.vertices().stream().filter(v -> v.type() == VertexType.JUNCTION).findFirst().get().degree()).isEqualTo(6);
		assertThat(s.endPoints()).isEqualTo(6);
		assertThat(s.branches()).isEqualTo(6);
		assertThat(s.slabVoxels()).isEqualTo(6 * (arm - 2));
		assertThat(s.totalVoxelLength()).isCloseTo(4 * (arm - 1) * 0.1 + 2 * (arm - 1) * 0.3, within(1e-9));
		assertThat(s.longestShortestPath()).isCloseTo(2 * (arm - 1) * 0.3, within(1e-6));
		final Edge zArm = g.edges().stream().filter(e -> Math.abs(e.direction()[2]) > 0.99).findFirst().get();
		assertThat(zArm.voxelLength()).isCloseTo((arm - 1) * 0.3, within(1e-9));
	}

	@Test
	void lattice3DAnisotropic() {
		final int n = 2, p = 8, t = 4;
		final double sx = 0.2, sy = 0.2, sz = 0.5;
		final Img im = SkeletonFixtures.lattice3D(n, n, n, p, t);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { sx, sy, sz });
		final Summary s = g.summary();
		final int lines = 3 * n * n, junctions = n * n * n;
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.junctions()).isEqualTo(junctions);
		assertThat(s.junctionVoxels()).isEqualTo(7 * junctions);
		assertThat(s.endPoints()).isEqualTo(2 * lines);
		assertThat(s.branches()).isEqualTo(lines * (n + 1));
		assertThat(s.loops()).isEqualTo(lines * (n + 1) - junctions - 2 * lines + 1); // 5 for the cube frame
		assertThat(s.loops()).isEqualTo(5);
		final double perLine = (n - 1) * (p - 2) + 2 * (t - 1);
		assertThat(s.totalVoxelLength()).isCloseTo(n * n * perLine * (sx + sy + sz), within(1e-9));
		for (final Vertex v : g.vertices()) assertThat(v.degree()).isEqualTo(v.type() == VertexType.JUNCTION ? 6 : 1);
	}

	/** Reference: Floyd–Warshall over the returned vertex graph, max finite distance. */
	private static double floydWarshallDiameter(final SkeletonGraph g) {
		final int n = g.vertices().size();
		final double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			java.util.Arrays.fill(d[i], Double.POSITIVE_INFINITY);
			d[i][i] = 0;
		}
		for (final Edge e : g.edges())
			if (!e.isIsolatedLoop() && e.vertexA() != e.vertexB()) {
				final double w = Math.min(d[e.vertexA()][e.vertexB()], e.smoothedLength());
				d[e.vertexA()][e.vertexB()] = w;
				d[e.vertexB()][e.vertexA()] = w;
			}
		for (int k = 0; k < n; k++)
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++)
					if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
		double max = 0;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				if (d[i][j] < Double.POSITIVE_INFINITY) max = Math.max(max, d[i][j]);
		return max;
	}

	@Test
	void longestShortestPathEqualsFloydWarshallOnThinnedNetworks() {
		for (final long seed : new long[] { 21, 22, 23 }) {
			final Img im = SkeletonFixtures.randomBlobs(64, seed);
			final byte[] sk = Thinning.thin(im.data, im.dims);
			final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, im.dims, new double[] { 1, 1 });
			assertThat(g.vertices().size()).isLessThanOrEqualTo(SkeletonAnalyzer.EXACT_LSP_MAX_VERTICES);
			double maxTree = 0;
			for (final Tree t : g.trees())
				if (!Double.isNaN(t.longestShortestPath()) && t.branches() > 0
					&& g.edges().stream().noneMatch(e -> e.treeId() == t.id() && e.isIsolatedLoop()))
					maxTree = Math.max(maxTree, t.longestShortestPath());
			assertThat(maxTree).isCloseTo(floydWarshallDiameter(g), within(1e-9));
		}
	}

	@Test
	void largeLatticeLongestShortestPathByIteratedSweepsIsExact() {
		final int n = 17, p = 6, t = 3; // 289 junctions + 68 end points > EXACT_LSP_MAX_VERTICES
		final Img im = SkeletonFixtures.lattice2D(n, n, p, t);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 });
		assertThat(g.vertices().size()).isGreaterThan(SkeletonAnalyzer.EXACT_LSP_MAX_VERTICES);
		assertThat(g.summary().loops()).isEqualTo((n - 1) * (n - 1));
		assertThat(g.summary().longestShortestPath()).isCloseTo(2 * (t - 1) + 2 * (n - 1) * (p - 2), within(1e-6));
	}

	@Test
	void imglib2OverloadGivesTheSameGraph() {
		final Img im = SkeletonFixtures.lattice2D(3, 2, 8, 4);
		final SkeletonGraph a = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 0.5, 0.5 });
		final SkeletonGraph b = SkeletonAnalyzer.analyze(io.github.myomito.image.Pixels.maskImage(im.data, im.dims), new double[] { 0.5, 0.5 },
			AnalyzerSettings.DEFAULT);
		assertThat(b.summary().toString()).isEqualTo(a.summary().toString());
		assertThat(b.voxelTypes()).containsExactly(a.voxelTypes());
	}

	@Test
	void singleVoxelAndTwoVoxels() {
		final Img one = new Img(5, 5).set(2, 2);
		final SkeletonGraph g1 = SkeletonAnalyzer.analyze(one.data, one.dims, new double[] { 1, 1 });
		assertThat(g1.summary().trees()).isEqualTo(1);
		assertThat(g1.summary().branches()).isZero();
		assertThat(g1.summary().endPoints()).isEqualTo(1);
		assertThat(g1.summary().meanBranchLength()).isZero();
		assertThat(g1.summary().longestShortestPath()).isZero();
		assertThat(g1.vertices().get(0).type()).isEqualTo(VertexType.END_POINT);
		assertThat(g1.vertices().get(0).degree()).isZero();
		assertThat(g1.trees().get(0).loops()).isZero();

		final Img two = new Img(5, 5).set(2, 2).set(3, 3);
		final SkeletonGraph g2 = SkeletonAnalyzer.analyze(two.data, two.dims, new double[] { 0.5, 2.0 });
		assertThat(g2.summary().trees()).isEqualTo(1);
		assertThat(g2.summary().endPoints()).isEqualTo(2);
		assertThat(g2.summary().branches()).isEqualTo(1);
		assertThat(g2.summary().slabVoxels()).isZero();
		final Edge e = g2.edges().get(0);
		assertThat(e.path()).containsExactly(two.index(2, 2, 0), two.index(3, 3, 0));
		assertThat(e.voxelLength()).isCloseTo(Math.hypot(0.5, 2.0), within(EPS));
		assertThat(g2.summary().longestShortestPath()).isCloseTo(Math.hypot(0.5, 2.0), within(EPS));
	}

	@Test
	void severalTreesAreCountedSeparatelyIsolatedLoopsLast() {
		final Img im = new Img(80, 40);
		SkeletonFixtures.drawDiamond(im, 15, 15, 8); // ring, first in raster order
		for (int x = 40; x < 60; x++) im.set(x, 30); // line
		im.set(70, 5); // lone voxel
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 });
		final Summary s = g.summary();
		assertThat(s.trees()).isEqualTo(3);
		assertThat(s.branches()).isEqualTo(2);
		assertThat(s.endPoints()).isEqualTo(3);
		assertThat(s.loops()).isEqualTo(1);
		assertThat(g.trees().get(2).loops()).isEqualTo(1);
		assertThat(g.trees().get(2).branches()).isEqualTo(1);
		assertThat(s.totalVoxelLength()).isCloseTo(19 + 32 * Math.sqrt(2), within(1e-9));
		for (final Edge e : g.edges())
			if (!e.isIsolatedLoop()) assertThat(g.vertices().get(e.vertexA()).treeId()).isEqualTo(e.treeId());
	}

	@Test
	void pruningRemovesShortEndBranchesOnly() {
		final Img im = SkeletonFixtures.yJunction(3, 20); // short vertical arm: 3 steps of 0.1 µm
		final double[] sp = { 0.1, 0.1 };
		assertThat(SkeletonAnalyzer.analyze(im.data, im.dims, sp).summary().branches()).isEqualTo(3);
		final SkeletonGraph kept = SkeletonAnalyzer.analyze(im.data, im.dims, sp,
			AnalyzerSettings.builder().pruneEndBranchesShorterThanUm(0.25).build());
		assertThat(kept.summary().branches()).isEqualTo(3);
		final SkeletonGraph pruned = SkeletonAnalyzer.analyze(im.data, im.dims, sp,
			AnalyzerSettings.builder().pruneEndBranchesShorterThanUm(0.35).build());
		final Summary s = pruned.summary();
		assertThat(s.branches()).isEqualTo(1);
		assertThat(s.junctions()).isZero();
		assertThat(s.endPoints()).isEqualTo(2);
		assertThat(s.totalVoxelLength()).isCloseTo(40 * Math.sqrt(2) * 0.1, within(1e-9));
		final int c = 22;
		assertThat(pruned.voxelTypes()[im.index(c, c, 0)]).isEqualTo(SkeletonGraph.SLAB_VOXEL);
		assertThat(pruned.voxelTypes()[im.index(c, c - 1, 0)]).isEqualTo(SkeletonGraph.BACKGROUND);
		// an isolated segment is never pruned, however short
		final Img line = SkeletonFixtures.straightLine(3);
		assertThat(SkeletonAnalyzer.analyze(line.data, line.dims, sp, AnalyzerSettings.builder().pruneEndBranchesShorterThanUm(5).build())
			.summary().branches()).isEqualTo(1);
	}

	@Test
	void thinnedRandomMasksGiveConsistentGraphs() {
		for (final long seed : new long[] { 11, 12 }) {
			final Img im = SkeletonFixtures.randomBlobs(64, seed);
			final byte[] sk = Thinning.thin(im.data, im.dims);
			final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, im.dims, new double[] { 1, 1 });
			final Summary s = g.summary();
			assertThat(s.trees()).isEqualTo(TopologyReference.fgComponents(sk, im.dims));
			assertThat(s.slabVoxels() + s.junctionVoxels() + s.endPointVoxels()).isEqualTo(countOnes(sk));
			// cyclomatic number of the graph = number of holes of the 2D skeleton
			assertThat(s.loops()).isEqualTo(TopologyReference.bgComponents(sk, im.dims) - 1);
			int degreeSum = 0;
			for (final Vertex v : g.vertices()) degreeSum += v.degree();
			int ends = 0;
			for (final Edge e : g.edges()) ends += e.isIsolatedLoop() ? 0 : 2;
			assertThat(degreeSum).isEqualTo(ends);
			// every edge path is a chain of 8-adjacent voxels
			for (final Edge e : g.edges()) {
				final int[] path = e.path();
				for (int i = 1; i < path.length; i++) {
					final int a = path[i - 1], b = path[i];
					assertThat(Math.abs(a % 64 - b % 64)).isLessThanOrEqualTo(1);
					assertThat(Math.abs(a / 64 - b / 64)).isLessThanOrEqualTo(1);
				}
			}
		}
	}

	private static int countOnes(final byte[] b) {
		int c = 0;
		for (final byte x : b) c += x != 0 ? 1 : 0;
		return c;
	}

	@Test
	void lspCanBeSwitchedOffAndBadInputIsRejected() {
		final Img im = SkeletonFixtures.yJunction(5, 5);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, 1 },
			AnalyzerSettings.builder().computeLongestShortestPath(false).build());
		assertThat(g.summary().longestShortestPath()).isNaN();
		assertThatThrownBy(() -> SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1 })).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spacing");
		assertThatThrownBy(() -> SkeletonAnalyzer.analyze(im.data, im.dims, new double[] { 1, -1 }))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
		assertThatThrownBy(() -> AnalyzerSettings.builder().pruneEndBranchesShorterThanUm(-1)).isInstanceOf(IllegalArgumentException.class);
	}
}
