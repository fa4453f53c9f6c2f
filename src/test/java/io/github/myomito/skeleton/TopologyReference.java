package io.github.myomito.skeleton;

import java.util.ArrayDeque;

/**
 * Brute-force topology of a whole image, independent of {@link Thinning}'s local tests: number of
 * foreground components (8 in 2D, 26 in 3D), background components of the image padded with background
 * (4 in 2D, 6 in 3D) and Euler characteristic χ = V − E + F − C of the union of closed voxel cubes.
 * Two images have the same topology iff these three numbers agree (for 2D: objects, holes = bg − 1; for
 * 3D: objects, cavities = bg − 1, tunnels = objects + cavities − χ).
 */
final class TopologyReference {

	private TopologyReference() {}

	/** {@code {fgComponents, bgComponents, euler}}. */
	static long[] signature(final byte[] m, final int[] dims) {
		return new long[] { fgComponents(m, dims), bgComponents(m, dims), euler(m, dims) };
	}

	/** Foreground components (26/8-connected), from the shared test reference. */
	static int fgComponents(final byte[] m, final int[] dims) {
		return io.github.myomito.testing.ReferenceComponents.count(m, dims);
	}

	static int bgComponents(final byte[] m, final int[] dims) {
		final int w = dims[0], h = dims[1], d = dims.length > 2 ? dims[2] : 1;
		final boolean is3D = d > 1;
		final int W = w + 2, H = h + 2, D = is3D ? d + 2 : 1;
		final boolean[] bg = new boolean[W * H * D];
		for (int z = 0; z < D; z++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final int ox = x - 1, oy = y - 1, oz = is3D ? z - 1 : 0;
					final boolean inside = ox >= 0 && oy >= 0 && oz >= 0 && ox < w && oy < h && oz < d;
					bg[x + W * (y + H * z)] = !inside || m[ox + w * (oy + h * oz)] == 0;
				}
		final int[][] nb = is3D ? new int[][] { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0, -1 } }
			: new int[][] { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 } };
		final boolean[] seen = new boolean[bg.length];
		final ArrayDeque<Integer> q = new ArrayDeque<>();
		int n = 0;
		for (int i = 0; i < bg.length; i++) {
			if (!bg[i] || seen[i]) continue;
			n++;
			seen[i] = true;
			q.add(i);
			while (!q.isEmpty()) {
				final int p = q.poll();
				final int x = p % W, y = (p / W) % H, z = p / (W * H);
				for (final int[] o : nb) {
					final int a = x + o[0], b = y + o[1], c = z + o[2];
					if (a < 0 || b < 0 || c < 0 || a >= W || b >= H || c >= D) continue;
					final int r = a + W * (b + H * c);
					if (bg[r] && !seen[r]) {
						seen[r] = true;
						q.add(r);
					}
				}
			}
		}
		return n;
	}

	/** χ of the union of closed unit cubes, counting lattice vertices, edges, faces and cubes of the complex. */
	static long euler(final byte[] m, final int[] dims) {
		final int w = dims[0], h = dims[1], d = dims.length > 2 ? dims[2] : 1;
		long V = 0, E = 0, F = 0, C = 0;
		for (int k = 0; k <= d; k++)
			for (int j = 0; j <= h; j++)
				for (int i = 0; i <= w; i++) {
					// vertex (i,j,k): voxels x in {i-1,i}, y in {j-1,j}, z in {k-1,k}
					if (any(m, w, h, d, i - 1, i, j - 1, j, k - 1, k)) V++;
					if (i < w && any(m, w, h, d, i, i, j - 1, j, k - 1, k)) E++; // x edge
					if (j < h && any(m, w, h, d, i - 1, i, j, j, k - 1, k)) E++; // y edge
					if (k < d && any(m, w, h, d, i - 1, i, j - 1, j, k, k)) E++; // z edge
					if (i < w && j < h && any(m, w, h, d, i, i, j, j, k - 1, k)) F++; // xy face
					if (i < w && k < d && any(m, w, h, d, i, i, j - 1, j, k, k)) F++; // xz face
					if (j < h && k < d && any(m, w, h, d, i - 1, i, j, j, k, k)) F++; // yz face
					if (i < w && j < h && k < d && m[i + w * (j + h * k)] != 0) C++;
				}
		return V - E + F - C;
	}

	private static boolean any(final byte[] m, final int w, final int h, final int d, final int x0, final int x1, final int y0,
		final int y1, final int z0, final int z1) {
		for (int z = Math.max(0, z0); z <= Math.min(d - 1, z1); z++)
			for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++)
				for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++)
					if (m[x + w * (y + h * z)] != 0) return true;
		return false;
	}

	/** Number of 8/26-neighbours of voxel i. */
	static int neighbours(final byte[] m, final int[] dims, final int i) {
		return neighbours(m, dims, i, null);
	}

	/** Number of foreground 26- (2D: 8-) neighbours of voxel {@code i}; their indices into {@code out} if given. */
	static int neighbours(final byte[] m, final int[] dims, final int i, final int[] out) {
		final int w = dims[0], h = dims[1], d = dims.length > 2 ? dims[2] : 1;
		final int x = i % w, y = (i / w) % h, z = i / (w * h);
		int c = 0;
		for (int dz = -1; dz <= 1; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					if (dx == 0 && dy == 0 && dz == 0) continue;
					final int xx = x + dx, yy = y + dy, zz = z + dz;
					if (xx < 0 || yy < 0 || zz < 0 || xx >= w || yy >= h || zz >= d) continue;
					final int j = xx + w * (yy + h * zz);
					if (m[j] != 0) {
						if (out != null) out[c] = j;
						c++;
					}
				}
		return c;
	}

	/** Voxels (not end points) whose deletion would keep the topology, found by global recounting. */
	static int removablePoints(final byte[] skel, final int[] dims) {
		final long[] ref = signature(skel, dims);
		final byte[] m = skel.clone();
		int n = 0;
		for (int i = 0; i < m.length; i++) {
			if (m[i] == 0 || neighbours(m, dims, i) < 2) continue;
			m[i] = 0;
			if (java.util.Arrays.equals(ref, signature(m, dims))) n++;
			m[i] = 1;
		}
		return n;
	}
}
