package io.github.myomito.segment;

/**
 * Pixel adjacency used for connected components.
 * <p>
 * {@link #FULL}: pixels are neighbours when every coordinate differs by at most 1 (8-connectivity in
 * 2D, 26-connectivity in 3D). {@link #FACE}: neighbours share a face, i.e. exactly one coordinate
 * differs by 1 (4-connectivity in 2D, 6-connectivity in 3D).
 */
public enum Connectivity {
	/** 8-connectivity in 2D, 26 in 3D. */
	FULL,
	/** 4-connectivity in 2D, 6 in 3D. */
	FACE;

	/**
	 * Offsets {@code {dx, dy, dz}} of the neighbours that precede a pixel in raster order (half of
	 * the neighbourhood): 4 (2D) / 13 (3D) for {@link #FULL}, 2 / 3 for {@link #FACE}.
	 */
	int[][] previousOffsets(final boolean threeD) {
		final java.util.List<int[]> l = new java.util.ArrayList<>();
		for (int dz = threeD ? -1 : 0; dz <= 0; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final boolean before = dz < 0 || (dz == 0 && (dy < 0 || (dy == 0 && dx < 0)));
					if (!before) continue;
					final int nz = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
					if (this == FACE && nz != 1) continue;
					l.add(new int[] { dx, dy, dz });
				}
		return l.toArray(new int[0][]);
	}
}
