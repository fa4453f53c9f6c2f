package io.github.myomito.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ZUpsamplingTest {

	@Test
	void factorIsTheRoundedSpacingRatioWithinItsCap() {
		assertThat(ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1, 0.3 }, 4).factor()).isEqualTo(3);
		assertThat(ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.12, 0.24 }, 4).factor()).isEqualTo(2);
		assertThat(ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1, 1.0 }, 4).factor()).isEqualTo(4);
		assertThat(ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1, 0.14 }, 4).isIdentity()).isTrue();
		assertThat(ZUpsampling.of(new int[] { 4, 4 }, new double[] { 0.1, 0.1 }, 4).isIdentity()).isTrue();
		assertThat(ZUpsampling.of(new int[] { 4, 4, 1 }, new double[] { 0.1, 0.1, 0.5 }, 4).isIdentity()).isTrue();
		assertThat(ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1, 0.3 }, 1).isIdentity()).isTrue();
		assertThatThrownBy(() -> ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1 }, 4)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1, 0.3 }, 0)).hasMessageContaining("maxFactor");
		assertThatThrownBy(() -> ZUpsampling.of(new int[] { 4, 4, 5 }, new double[] { 0.1, 0.1, Double.NaN }, 4)).hasMessageContaining("spacing 2");
	}

	@Test
	void sourceSlicesAreNearestWithoutShift() {
		// k = 3, 4 slices: grid slices 0..9 at z = j·0.1 µm; source slice z at 0.3·z µm = grid slice 3z
		final ZUpsampling u = ZUpsampling.of(new int[] { 2, 1, 4 }, new double[] { 0.1, 0.1, 0.3 }, 4);
		assertThat(u.gridDims()).containsExactly(2, 1, 10);
		assertThat(u.gridSpacing()[2]).isCloseTo(0.1, within(1e-15));
		final int[] expected = { 0, 0, 1, 1, 1, 2, 2, 2, 3, 3 };
		for (int j = 0; j < 10; j++) assertThat(u.sourceSlice(j)).as("slice %d", j).isEqualTo(expected[j]);
		for (int z = 0; z < 4; z++) assertThat(u.sourceSlice(3 * z)).isEqualTo(z);
		final float[] v = { 1, 2, 3, 4, 5, 6, 7, 8 };
		final float[] g = u.up(v);
		assertThat(g).hasSize(20);
		for (int i = 0; i < g.length; i++) assertThat(g[i]).isEqualTo(v[u.sourceIndex(i)]);
		assertThat(g[2 * 9 + 1]).isEqualTo(8f);
		// k = 2: halves round up
		final ZUpsampling h = ZUpsampling.of(new int[] { 1, 1, 3 }, new double[] { 0.1, 0.1, 0.2 }, 4);
		assertThat(h.gridDims()[2]).isEqualTo(5);
		final int[] e2 = { 0, 1, 1, 2, 2 };
		for (int j = 0; j < 5; j++) assertThat(h.sourceSlice(j)).isEqualTo(e2[j]);
		assertThatThrownBy(() -> u.up(new byte[7])).hasMessageContaining("7 voxels");
	}

	@Test
	void repeatingSlicesKeepsTheTopologyOfRandomMasks() {
		final Random rnd = new Random(7);
		final int[] dims = { 9, 8, 5 };
		final ZUpsampling u = ZUpsampling.of(dims, new double[] { 0.1, 0.1, 0.3 }, 4);
		for (int trial = 0; trial < 40; trial++) {
			final byte[] m = new byte[9 * 8 * 5];
			final double p = 0.2 + 0.5 * rnd.nextDouble();
			for (int i = 0; i < m.length; i++) m[i] = (byte) (rnd.nextDouble() < p ? 1 : 0);
			final byte[] g = u.up(m);
			assertThat(TopologyReference.fgComponents(g, u.gridDims())).as("objects, trial %d", trial).isEqualTo(TopologyReference.fgComponents(m, dims));
			assertThat(TopologyReference.bgComponents(g, u.gridDims())).as("background components").isEqualTo(TopologyReference.bgComponents(m, dims));
			assertThat(TopologyReference.euler(g, u.gridDims())).as("Euler characteristic").isEqualTo(TopologyReference.euler(m, dims));
		}
	}

	@Test
	void refinedMaskFollowsTheInterpolatedSurfaceAndKeepsTheTopology() {
		final Random rnd = new Random(11);
		final int[] dims = { 10, 9, 6 };
		final double[] sp = { 0.1, 0.1, 0.3 };
		final ZUpsampling u = ZUpsampling.of(dims, sp, 4);
		for (int trial = 0; trial < 30; trial++) {
			final float[] v = new float[10 * 9 * 6];
			for (int i = 0; i < v.length; i++) v[i] = rnd.nextFloat();
			final double t = 0.3 + 0.4 * rnd.nextDouble();
			final byte[] m = new byte[v.length];
			for (int i = 0; i < v.length; i++) m[i] = (byte) (v[i] > t ? 1 : 0);
			final byte[] g = u.upMask(m, v, t);
			final byte[] plain = u.up(m);
			final int[] gd = u.gridDims();
			assertThat(TopologyReference.signature(g, gd)).as("topology, trial %d", trial).containsExactly(TopologyReference.signature(m, dims));
			for (int i = 0; i < g.length; i++) {
				if (g[i] != 0) assertThat(plain[i]).as("subset of the repeated mask").isEqualTo((byte) 1);
				final int j = i / 90;
				if (j % 3 == 0) assertThat(g[i]).as("source slices are kept").isEqualTo(plain[i]);
			}
		}
	}

	@Test
	void refinedMaskRoundsAnObjectsEndsAlongZ() {
		// one voxel column of values 0, 1, 1, 0: repeated, the object covers grid slices 2..7 (source slices 1 and 2
		// at grid slices 3 and 6); interpolated, grid slices 2 and 7 hold 2/3: kept for a threshold of 0.5, removed
		// (end voxels, simple) for 0.7
		final int[] dims = { 1, 1, 4 };
		final ZUpsampling u = ZUpsampling.of(dims, new double[] { 0.1, 0.1, 0.3 }, 4);
		final float[] v = { 0, 1, 1, 0 };
		final byte[] m = { 0, 1, 1, 0 };
		assertThat(u.up(m)).containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 0, 0);
		assertThat(u.upMask(m, v, 0.5)).containsExactly(u.up(m));
		assertThat(u.upMask(m, v, 0.7)).containsExactly(0, 0, 0, 1, 1, 1, 1, 0, 0, 0);
		assertThat(u.upMask(m, v, Double.NaN)).containsExactly(u.up(m));
	}

	@Test
	void aLinkBetweenTwoLevelsGetsItsOwnBranchOnTheGrid() {
		// two one-slice sheets' crossing lines 1.5 µm apart, joined by a 5 × 5 pixel pillar: 0.1 µm pixels, 0.3 µm slices
		final byte[] m = io.github.myomito.testing.StackFixtures.twoLevelCrosses();
		final int[] dims = io.github.myomito.testing.StackFixtures.twoLevelDims();
		final double[] sp = { 0.1, 0.1, 0.3 };
		final ZUpsampling u = ZUpsampling.of(dims, sp, 4);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(Thinning.thin(u.up(m), u.gridDims()), u.gridDims(), u.gridSpacing(), AnalyzerSettings.DEFAULT);
		// 8 arms to the image border, 2 junctions of degree 5, one link between them
		assertThat(g.summary().junctions()).isEqualTo(2);
		assertThat(g.summary().endPoints()).isEqualTo(8);
		assertThat(g.summary().branches()).isEqualTo(9);
	}
}
