package io.github.myomito.testing;

/** Test masks of anisotropic stacks. */
public final class StackFixtures {

	/** @return the size of {@link #twoLevelCrosses()}: 31 × 31 pixels, 8 slices (a new array) */
	public static int[] twoLevelDims() {
		return new int[] { 31, 31, 8 };
	}

	private StackFixtures() {}

	/**
	 * Two one-slice crosses (arms 5 pixels wide, to the image border) in slices 1 and 6, joined at their centres by
	 * a 5 × 5 pixel pillar through slices 1–6: at 0.1 µm pixels and 0.3 µm slices the pillar is 1.5 µm long and
	 * 0.5 µm wide, a cube of voxels to a thinning that works on the stack's own grid. Its skeleton has 8 arms to the
	 * border, 2 junctions of degree 5 and the link between them: 9 branches.
	 */
	public static byte[] twoLevelCrosses() {
		final int w = 31, h = 31, d = 8;
		final byte[] m = new byte[w * h * d];
		for (final int z : new int[] { 1, 6 })
			for (int t = 0; t < w; t++)
				for (int o = -2; o <= 2; o++) {
					m[t + w * (15 + o) + w * h * z] = 1;
					m[15 + o + w * t + w * h * z] = 1;
				}
		for (int z = 1; z <= 6; z++)
			for (int y = 13; y <= 17; y++)
				for (int x = 13; x <= 17; x++) m[x + w * y + w * h * z] = 1;
		return m;
	}
}
