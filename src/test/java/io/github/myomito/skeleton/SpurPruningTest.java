package io.github.myomito.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.myomito.segment.Connectivity;
import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.segment.Labeling;
import io.github.myomito.segment.Labels;
import io.github.myomito.skeleton.SkeletonGraph.Summary;
import org.junit.jupiter.api.Test;

/** {@link SpurPruning}: the elongation measure against closed forms, and the two pruning rules on drawn shapes. */
class SpurPruningTest {

	private static final double[] SP = { 0.1, 0.1 };

	@Test
	void elongationOfPixelBoxesIsTheSideRatioExactly() {
		// a block of n × m pixels taken as boxes has variances n²s²/12 and m²s²/12: elongation n/m
		final int[] dims = { 30, 20 };
		final int[] labels = new int[600];
		fill(labels, dims, 1, 1, 1, 9, 3); // 9 × 3
		fill(labels, dims, 2, 12, 1, 5, 5); // 5 × 5
		fill(labels, dims, 3, 20, 1, 1, 1); // one pixel
		fill(labels, dims, 4, 1, 8, 2, 10); // 2 × 10, upright
		final double[] e = SpurPruning.elongations(labels, 4, dims, SP);
		assertThat(e[1]).isCloseTo(3, within(1e-9));
		assertThat(e[2]).isCloseTo(1, within(1e-9));
		assertThat(e[3]).isEqualTo(1);
		assertThat(e[4]).isCloseTo(5, within(1e-9));
	}

	@Test
	void intensityWeightsLetTheBrightCoreDecide() {
		// a 9 × 3 block whose two end thirds are only just above the threshold: the weighted moments see the
		// bright 3 × 3 core (elongation → 1); with uniform weights it is the plain block again (3)
		final int[] dims = { 12, 6 };
		final int[] labels = new int[72];
		fill(labels, dims, 1, 1, 1, 9, 3);
		final float[] uniform = new float[72], core = new float[72];
		for (int i = 0; i < 72; i++) {
			uniform[i] = 5;
			final int x = i % 12;
			core[i] = x >= 4 && x <= 6 ? 1000 : 10.001f;
		}
		assertThat(SpurPruning.elongations(labels, 1, dims, SP, uniform, 1)[1]).isCloseTo(3, within(1e-9));
		final double weighted = SpurPruning.elongations(labels, 1, dims, SP, core, 10)[1];
		// the faint ends still add a little variance along x: just above 1
		assertThat(weighted).isGreaterThan(1).isLessThan(1.01);
	}

	@Test
	void elongationUsesPhysicalSpacingIn3D() {
		// 4 × 4 × 2 voxels of 0.1 × 0.1 × 0.3 µm: a 0.4 × 0.4 × 0.6 µm box, axis ratio 0.6 / 0.4
		final int[] dims = { 6, 6, 4 };
		final int[] labels = new int[144];
		for (int z = 1; z <= 2; z++)
			for (int y = 1; y <= 4; y++)
				for (int x = 1; x <= 4; x++) labels[x + 6 * (y + 6 * z)] = 1;
		assertThat(SpurPruning.elongations(labels, 1, dims, new double[] { 0.1, 0.1, 0.3 })[1]).isCloseTo(1.5, within(1e-9));
	}

	@Test
	void roundBlobBecomesAPunctumAndAShortRodStaysARod() {
		final int[] dims = { 40, 24 };
		final byte[] mask = new byte[dims[0] * dims[1]];
		disc(mask, dims, 8, 12, 3.2); // round: elongation 1
		fillMask(mask, dims, 20, 10, 11, 4); // 11 × 4 rod: elongation 2.75
		final Summary pruned = prune(mask, dims).summary();
		assertThat(pruned.trees()).isEqualTo(2);
		assertThat(pruned.branches()).as("the rod keeps its one branch, the disc has none").isEqualTo(1);
		assertThat(pruned.endPoints()).isEqualTo(3); // the disc's single voxel + the rod's two ends
	}

	@Test
	void spursOfAThickBarGoAndARealSideArmStays() {
		// a 60 × 9 px bar with a 3 px wide side arm of 14 px and three small bumps: one junction, three branches
		// after pruning
		final int[] dims = { 80, 40 };
		final byte[] mask = new byte[dims[0] * dims[1]];
		fillMask(mask, dims, 10, 5, 60, 9);
		fillMask(mask, dims, 39, 14, 3, 14);
		// boundary bumps of 2 × 2 px, which thinning turns into spurs
		fillMask(mask, dims, 20, 3, 2, 2);
		fillMask(mask, dims, 55, 3, 2, 2);
		fillMask(mask, dims, 25, 14, 2, 2);
		final byte[] skeleton = Thinning.thin(mask, dims);
		final SkeletonGraph raw = SkeletonAnalyzer.analyze(skeleton, dims, SP);
		final SkeletonGraph g = prune(mask, dims);
		assertThat(raw.summary().branches()).as("thinning leaves spurs at the bumps").isGreaterThan(3);
		assertThat(g.summary().junctions()).isEqualTo(1);
		assertThat(g.summary().branches()).isEqualTo(3);
		assertThat(g.summary().endPoints()).isEqualTo(3);
		// the arm's branch reaches from the bar's centre line (y ≈ 9) to near the arm's tip (y = 27)
		double longestDown = 0;
		for (final SkeletonGraph.Edge e : g.edges()) {
			double ymax = 0, ymin = 1e9;
			for (int i = 0; i < e.pathLength(); i++) {
				ymax = Math.max(ymax, e.coordinate(i, 1));
				ymin = Math.min(ymin, e.coordinate(i, 1));
			}
			longestDown = Math.max(longestDown, ymax - ymin);
		}
		assertThat(longestDown).as("vertical extent of the arm's branch, µm").isGreaterThan(1.4);
	}

	@Test
	void withoutLabelsTheRadiusRuleJudgesIsolatedBranches() {
		final int[] dims = { 40, 24 };
		final byte[] mask = new byte[dims[0] * dims[1]];
		fillMask(mask, dims, 20, 10, 15, 4); // 15 × 4 rod
		final byte[] skeleton = Thinning.thin(mask, dims);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(skeleton, dims, SP);
		final float[] radius = DistanceTransform.distance(mask, dims, SP, false);
		assertThat(SkeletonAnalyzer.analyze(SpurPruning.prune(skeleton, g, radius, 1.5), dims, SP).summary().branches()).isEqualTo(1);
		// a factor far above length / radius reduces the rod to a point
		assertThat(SkeletonAnalyzer.analyze(SpurPruning.prune(skeleton, g, radius, 100), dims, SP).summary().branches()).isZero();
	}

	@Test
	void withCorrectedEndsAShortArmIsJudgedAtItsCorrectedTip() {
		// a bar (rows 8..12) with a 3-voxel skeleton arm up from its middle: protrusion ℓ + r_end − r_J below
		// 2 px, so the uncorrected rule prunes it; corrected by +1 px at its free end it protrudes more than
		// 0.5 px and stays; corrected by −1 px it is a spur again
		final int[] dims = { 40, 21 };
		final byte[] mask = new byte[dims[0] * dims[1]];
		fillMask(mask, dims, 2, 8, 36, 5);
		fillMask(mask, dims, 19, 5, 3, 3);
		final byte[] sk = new byte[mask.length];
		for (int x = 4; x < 36; x++) sk[x + dims[0] * 10] = 1;
		for (int y = 7; y < 10; y++) sk[20 + dims[0] * y] = 1;
		final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, dims, SP);
		assertThat(g.summary().branches()).isEqualTo(3);
		final float[] radius = DistanceTransform.distance(mask, dims, SP, false);
		final Labels l = Labeling.label(mask, dims, Connectivity.FULL);
		final double[] plus = new double[3], minus = new double[3];
		int arm = -1;
		for (final SkeletonGraph.Edge e : g.edges())
			if (Math.abs(e.coordinate(0, 0) - e.coordinate(e.pathLength() - 1, 0)) < 0.05) arm = e.id();
		assertThat(arm).isNotNegative();
		plus[arm] = 0.1;
		minus[arm] = -0.1;
		// pruned, the arm leaves no bump: one straight branch, no junction, no loop
		final SkeletonGraph.Summary un = SkeletonAnalyzer.analyze(SpurPruning.prune(sk, g, radius, 1.5, l.labels(), l.count(), null, 0, null), dims, SP).summary();
		assertThat(un.branches()).as("uncorrected").isEqualTo(1);
		assertThat(un.junctions()).isZero();
		assertThat(un.loops()).isZero();
		assertThat(un.endPoints()).isEqualTo(2);
		assertThat(SkeletonAnalyzer.analyze(SpurPruning.prune(sk, g, radius, 1.5, l.labels(), l.count(), null, 0, plus), dims, SP).summary().branches())
			.as("corrected tip beyond the junction ball").isEqualTo(3);
		assertThat(SkeletonAnalyzer.analyze(SpurPruning.prune(sk, g, radius, 1.5, l.labels(), l.count(), null, 0, minus), dims, SP).summary().branches())
			.as("corrected tip inside the junction ball").isEqualTo(1);
	}

	private static SkeletonGraph prune(final byte[] mask, final int[] dims) {
		final byte[] skeleton = Thinning.thin(mask, dims);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(skeleton, dims, SP);
		final Labels l = Labeling.label(mask, dims, Connectivity.FULL);
		final float[] radius = DistanceTransform.distance(mask, dims, SP, false);
		return SkeletonAnalyzer.analyze(SpurPruning.prune(skeleton, g, radius, 1.5, l.labels(), l.count()), dims, SP);
	}

	private static void fill(final int[] labels, final int[] dims, final int label, final int x0, final int y0, final int w, final int h) {
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++) labels[x + dims[0] * y] = label;
	}

	private static void fillMask(final byte[] mask, final int[] dims, final int x0, final int y0, final int w, final int h) {
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++) mask[x + dims[0] * y] = 1;
	}

	private static void disc(final byte[] mask, final int[] dims, final int cx, final int cy, final double r) {
		for (int y = 0; y < dims[1]; y++)
			for (int x = 0; x < dims[0]; x++)
				if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) mask[x + dims[0] * y] = 1;
	}
}
