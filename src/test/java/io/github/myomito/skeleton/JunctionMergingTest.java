package io.github.myomito.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class JunctionMergingTest {

	private static final int W = 21;

	/**
	 * A crossing thinned into two triple points: a horizontal line (y = 10), an arm up from (7, 10) and an arm
	 * down from (13, 10). In the 8-neighbourhood each T is a cluster of 4 junction voxels (centroids (7, 9.75)
	 * and (13, 10.25), 6.02 px apart), joined by the slab voxels (9..11, 10).
	 */
	private static byte[] splitCrossing(final int depth, final int slice) {
		final byte[] sk = new byte[W * W * depth];
		final int z = W * W * slice;
		for (int x = 0; x < W; x++) sk[z + x + W * 10] = 1;
		for (int y = 0; y < 10; y++) sk[z + 7 + W * y] = 1;
		for (int y = 11; y < W; y++) sk[z + 13 + W * y] = 1;
		return sk;
	}

	private static float[] radius(final int n, final float r) {
		final float[] d = new float[n];
		Arrays.fill(d, r);
		return d;
	}

	@Test
	void overlappingJunctionBallsBecomeOneQuadruplePoint() {
		final int[] dims = { W, W };
		final double[] sp = { 1, 1 };
		final byte[] sk = splitCrossing(1, 0);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, dims, sp);
		assertThat(g.summary().junctions()).isEqualTo(2);
		assertThat(g.summary().triplePoints()).isEqualTo(2);
		assertThat(g.summary().branches()).isEqualTo(5);
		// tubes of radius 3.5: balls of 3.5 + 3.5 ≥ the 6.02 px between the junctions
		final byte[] marks = JunctionMerging.marks(g, radius(W * W, 3.5f));
		assertThat(marks).isNotNull();
		for (int x = 0; x < W; x++) assertThat(marks[x + W * 10]).as("x = %d", x).isEqualTo((byte) (x >= 9 && x <= 11 ? 1 : 0));
		final SkeletonGraph m = SkeletonAnalyzer.analyze(sk, dims, sp, AnalyzerSettings.DEFAULT, marks);
		assertThat(m.summary().junctions()).isEqualTo(1);
		assertThat(m.summary().quadruplePoints()).isEqualTo(1);
		assertThat(m.summary().triplePoints()).isZero();
		assertThat(m.summary().branches()).isEqualTo(4);
		assertThat(m.summary().endPoints()).isEqualTo(4);
		assertThat(m.summary().loops()).isZero();
		assertThat(m.trees()).hasSize(1);
		// thinner tubes (radius 2.5): 5 < 6.02, two junctions stay
		assertThat(JunctionMerging.marks(g, radius(W * W, 2.5f))).isNull();
	}

	@Test
	void mergesInStacksAndKeepsRealLoops() {
		final int[] dims = { W, W, 3 };
		final double[] sp = { 1, 1, 1 };
		final byte[] sk = splitCrossing(3, 1);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, dims, sp);
		final SkeletonGraph m = SkeletonAnalyzer.analyze(sk, dims, sp, AnalyzerSettings.DEFAULT, JunctionMerging.marks(g, radius(sk.length, 3.5f)));
		assertThat(m.summary().quadruplePoints()).isEqualTo(1);
		assertThat(m.summary().branches()).isEqualTo(4);
		// a ring of radius 6 with two arms whose junctions are 12 px apart: nothing to merge at radius 1.5
		final int n = 31;
		final byte[] ring = new byte[n * n];
		for (int a = 0; a < 1440; a++)
			ring[(int) Math.round(15 + 6 * Math.cos(Math.toRadians(a / 4.0))) + n * (int) Math.round(15 + 6 * Math.sin(Math.toRadians(a / 4.0)))] = 1;
		for (int x = 22; x < n; x++) ring[x + n * 15] = 1;
		for (int x = 0; x < 9; x++) ring[x + n * 15] = 1;
		final byte[] thin = Thinning.thin(ring, new int[] { n, n });
		final SkeletonGraph rg = SkeletonAnalyzer.analyze(thin, new int[] { n, n }, new double[] { 1, 1 });
		assertThat(rg.summary().loops()).isEqualTo(1);
		assertThat(JunctionMerging.marks(rg, radius(n * n, 1.5f))).isNull();
	}

	@Test
	void badRadiusMapIsNamed() {
		final SkeletonGraph g = SkeletonAnalyzer.analyze(splitCrossing(1, 0), new int[] { W, W }, new double[] { 1, 1 });
		assertThatThrownBy(() -> JunctionMerging.marks(g, new float[3])).hasMessageContaining("radius must have " + W * W);
		assertThatThrownBy(() -> SkeletonAnalyzer.analyze(splitCrossing(1, 0), new int[] { W, W }, new double[] { 1, 1 }, AnalyzerSettings.DEFAULT, new byte[2]))
			.hasMessageContaining("junctionVoxels");
	}
}
