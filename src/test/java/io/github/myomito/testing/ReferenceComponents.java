package io.github.myomito.testing;

import java.util.ArrayDeque;

/**
 * Test reference for connected components: breadth-first search from each unlabelled foreground pixel in
 * raster order, neighbours enumerated by brute force (no union-find, no clever indexing), so that the
 * production labelling, thinning and simulator can be checked against something obviously correct.
 */
public final class ReferenceComponents {

	private ReferenceComponents() {}

	/**
	 * @param full true: 8-connectivity in 2D / 26 in 3D; false: 4 / 6
	 * @return labels 1..n in raster order of the components' first pixel (0 = background)
	 */
	public static int[] label(final byte[] m, final int[] dims, final boolean full) {
		final int w = dims[0], h = dims[1], d = dims.length > 2 ? dims[2] : 1;
		final int[] lab = new int[m.length];
		final ArrayDeque<Integer> q = new ArrayDeque<>();
		int next = 0;
		for (int s = 0; s < m.length; s++) {
			if (m[s] == 0 || lab[s] != 0) continue;
			lab[s] = ++next;
			q.add(s);
			while (!q.isEmpty()) {
				final int p = q.poll();
				final int x = p % w, y = (p / w) % h, z = p / (w * h);
				for (int dz = -1; dz <= 1; dz++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							final int k = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
							if (k == 0 || (!full && k > 1)) continue;
							final int nx = x + dx, ny = y + dy, nz = z + dz;
							if (nx < 0 || ny < 0 || nz < 0 || nx >= w || ny >= h || nz >= d) continue;
							final int o = nx + w * (ny + h * nz);
							if (m[o] != 0 && lab[o] == 0) {
								lab[o] = next;
								q.add(o);
							}
						}
			}
		}
		return lab;
	}

	/** @return the number of 8-connected (2D) or 26-connected (3D) components. */
	public static int count(final byte[] m, final int[] dims) {
		int max = 0;
		for (final int l : label(m, dims, true)) max = Math.max(max, l);
		return max;
	}
}
