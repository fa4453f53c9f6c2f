package io.github.myomito.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.myomito.skeleton.SkeletonGraph.Summary;
import io.github.myomito.skeleton.SkeletonGraph.Vertex;
import io.github.myomito.skeleton.SkeletonGraph.VertexType;
import io.github.myomito.testing.ReferenceComponents;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The counts of {@link SkeletonAnalyzer} against a brute-force implementation of Fiji AnalyzeSkeleton's
 * counting rules (Arganda-Carreras et al. 2010), written here from the rules alone and independent of the
 * analyser's code: voxel tags by the number of 26- (8-) neighbours (&lt; 2 end point, 2 slab, &gt; 2
 * junction), junctions = 26-connected clusters of junction voxels, trees = 26-connected components, a triple
 * (quadruple) point = a junction whose voxels have, summed over the cluster, exactly 3 (4) slab or end-point
 * voxels among their neighbours. Branches by the handshake identity: every open branch has two ends, one at each
 * end-point voxel that has a neighbour and as many at a junction as that sum; plus one per component made only
 * of slab voxels (isolated loop).
 * <p>
 * Inputs are arbitrary random voxel sets (not only thinned masks), where every odd configuration occurs:
 * voxel blocks, slab voxels next to two voxels of the same junction cluster, junction–end-point contacts,
 * three-voxel triangles.
 */
class AnalyzeSkeletonCountsTest {

	@Test
	void randomVoxelSets2DMatchTheReferenceCounts() {
		final Random r = new Random(2010);
		for (int i = 0; i < 60; i++) {
			final int[] dims = { 24 + r.nextInt(20), 24 + r.nextInt(20) };
			check(random(dims, 0.12 + 0.3 * r.nextDouble(), r), dims);
		}
	}

	@Test
	void randomVoxelSets3DMatchTheReferenceCounts() {
		final Random r = new Random(1029);
		for (int i = 0; i < 40; i++) {
			final int[] dims = { 10 + r.nextInt(8), 10 + r.nextInt(8), 6 + r.nextInt(6) };
			check(random(dims, 0.04 + 0.12 * r.nextDouble(), r), dims);
		}
	}

	@Test
	void thinnedRandomBlobsMatchTheReferenceCounts() {
		for (final long seed : new long[] { 3, 4, 5, 6 }) {
			final SkeletonFixtures.Img im = SkeletonFixtures.randomBlobs(64, seed);
			check(Thinning.thin(im.data, im.dims), im.dims);
		}
	}

	@Test
	void slabTouchingTwoVoxelsOfOneJunctionIsCountedTwiceByBoth() {
		// junction cluster {(5,5), (6,6), (7,5)}; the slab voxel (6,4) touches (5,5) and (7,5) (a one-voxel
		// self-loop); arms end at (3,5), (6,8) and (8,5): AnalyzeSkeleton's sum 2 + 1 + 2 = 5 = degree 2 + 3
		final int[] dims = { 12, 12 };
		final byte[] m = new byte[144];
		for (final int[] p : new int[][] { { 5, 5 }, { 6, 6 }, { 7, 5 }, { 6, 4 }, { 6, 7 }, { 6, 8 }, { 4, 5 }, { 3, 5 }, { 8, 5 } })
			m[p[0] + 12 * p[1]] = 1;
		final SkeletonGraph g = SkeletonAnalyzer.analyze(m, dims, new double[] { 1, 1 });
		final Vertex j = g.vertices().stream().filter(v -> v.type() == VertexType.JUNCTION).findFirst().orElseThrow();
		assertThat(j.voxelCount()).isEqualTo(3);
		assertThat(j.branchEnds()).isEqualTo(5);
		assertThat(j.degree()).isEqualTo(5);
		assertThat(counts(g.summary())).containsExactly(1, 1, 3, 0, 0, 4);
		check(m, dims);
	}

	@Test
	void theRandomSetsContainTripleAndQuadruplePoints() {
		final Random r = new Random(2010);
		long triple = 0, quadruple = 0;
		for (int i = 0; i < 60; i++) {
			final int[] dims = { 24 + r.nextInt(20), 24 + r.nextInt(20) };
			final long[] ref = reference(random(dims, 0.12 + 0.3 * r.nextDouble(), r), dims);
			triple += ref[3];
			quadruple += ref[4];
		}
		assertThat(triple).isGreaterThan(100);
		assertThat(quadruple).isGreaterThan(20);
	}

	private static void check(final byte[] m, final int[] dims) {
		final SkeletonGraph g = SkeletonAnalyzer.analyze(m, dims, dims.length == 2 ? new double[] { 1, 1 } : new double[] { 1, 1, 1 });
		assertThat(counts(g.summary())).as("trees, junctions, end points, triple, quadruple, branches").containsExactly(reference(m, dims));
		for (final Vertex v : g.vertices())
			if (v.type() == VertexType.JUNCTION) assertThat(v.branchEnds()).as("branch ends = degree at %s", v).isEqualTo(v.degree());
	}

	private static long[] counts(final Summary s) {
		return new long[] { s.trees(), s.junctions(), s.endPoints(), s.triplePoints(), s.quadruplePoints(), s.branches() };
	}

	private static byte[] random(final int[] dims, final double density, final Random r) {
		int n = 1;
		for (final int d : dims) n *= d;
		final byte[] m = new byte[n];
		for (int i = 0; i < n; i++) m[i] = (byte) (r.nextDouble() < density ? 1 : 0);
		return m;
	}

	/** {@code {trees, junctions, endPoints, triple, quadruple, branches}} by the rules above. */
	static long[] reference(final byte[] m, final int[] dims) {
		final int w = dims[0], h = dims[1], d = dims.length > 2 ? dims[2] : 1;
		final int n = w * h * d;
		final int[] tag = new int[n]; // 0 background, 1 end, 2 slab, 3 junction
		for (int i = 0; i < n; i++)
			if (m[i] != 0) {
				final int c = neighbours(m, dims, i, null);
				tag[i] = c < 2 ? 1 : c == 2 ? 2 : 3;
			}
		long ends = 0, junctions = 0, triple = 0, quadruple = 0, branchEnds = 0;
		final boolean[] seen = new boolean[n];
		final int[] nb = new int[26];
		for (int i = 0; i < n; i++) {
			if (tag[i] == 1) {
				ends++;
				branchEnds += neighbours(m, dims, i, null); // 0 for a lone voxel, else 1
			}
			if (tag[i] != 3 || seen[i]) continue;
			junctions++;
			int sum = 0;
			final ArrayDeque<Integer> q = new ArrayDeque<>();
			q.add(i);
			seen[i] = true;
			while (!q.isEmpty()) {
				final int p = q.poll();
				final int k = neighbours(m, dims, p, nb);
				for (int j = 0; j < k; j++) {
					final int t = tag[nb[j]];
					if (t == 1 || t == 2) sum++;
					if (t == 3 && !seen[nb[j]]) {
						seen[nb[j]] = true;
						q.add(nb[j]);
					}
				}
			}
			if (sum == 3) triple++;
			if (sum == 4) quadruple++;
			branchEnds += sum;
		}
		// components made only of slab voxels
		long slabOnly = 0;
		final boolean[] comp = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (m[i] == 0 || comp[i]) continue;
			boolean onlySlabs = true;
			final ArrayDeque<Integer> q = new ArrayDeque<>();
			q.add(i);
			comp[i] = true;
			while (!q.isEmpty()) {
				final int p = q.poll();
				if (tag[p] != 2) onlySlabs = false;
				final int k = neighbours(m, dims, p, nb);
				for (int j = 0; j < k; j++)
					if (!comp[nb[j]]) {
						comp[nb[j]] = true;
						q.add(nb[j]);
					}
			}
			if (onlySlabs) slabOnly++;
		}
		return new long[] { ReferenceComponents.count(m, dims), junctions, ends, triple, quadruple, branchEnds / 2 + slabOnly };
	}

	private static int neighbours(final byte[] m, final int[] dims, final int i, final int[] out) {
		return TopologyReference.neighbours(m, dims, i, out);
	}
}
