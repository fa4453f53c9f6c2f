package io.github.myomito.segment;

/**
 * Connected-component labelling of a binary mask in 2D or 3D by the two-pass union-find algorithm
 * (A. Rosenfeld and J. L. Pfaltz, "Sequential operations in digital picture processing", J. ACM
 * 13:471–494, 1966, doi:10.1145/321356.321357; union-find with path halving, R. E. Tarjan and J. van
 * Leeuwen, J. ACM 31:245–281, 1984, doi:10.1145/62.2160).
 * <p>
 * Pass 1 visits pixels in raster order, gives each foreground pixel the provisional label of a
 * preceding foreground neighbour (or a new one) and merges the sets of all preceding foreground
 * neighbours. Pass 2 replaces each provisional label by its set's final label; final labels are
 * numbered 1, 2, ... in raster order of each object's first pixel, so the result is deterministic.
 * Memory: one int per pixel plus one int per provisional label; no recursion.
 */
public final class Labeling {

	private Labeling() {}

	/**
	 * Labels the connected components of {@code mask} (non-zero = foreground).
	 *
	 * @param dims 1 to 3 dimensions (x, y[, z])
	 */
	public static Labels label(final byte[] mask, final int[] dims, final Connectivity connectivity) {
		check(mask, dims);
		if (connectivity == null) throw new IllegalArgumentException("connectivity must not be null");
		final int w = dims[0], h = dims.length > 1 ? dims[1] : 1, dd = dims.length > 2 ? dims[2] : 1;
		final int[][] off = connectivity.previousOffsets(dd > 1 || dims.length > 2);
		final int[] lab = new int[mask.length];
		int[] parent = new int[64];
		int next = 1;
		int i = 0;
		for (int z = 0; z < dd; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++, i++) {
					if (mask[i] == 0) continue;
					int cur = 0;
					for (final int[] o : off) {
						final int nx = x + o[0], ny = y + o[1], nz = z + o[2];
						if (nx < 0 || nx >= w || ny < 0 || ny >= h || nz < 0) continue;
						final int l = lab[nx + w * (ny + h * nz)];
						if (l == 0) continue;
						if (cur == 0) cur = l;
						else union(parent, cur, l);
					}
					if (cur == 0) {
						if (next == parent.length) parent = java.util.Arrays.copyOf(parent, parent.length * 2);
						parent[next] = next;
						cur = next++;
					}
					lab[i] = cur;
				}
		// final numbering in raster order of first appearance
		final int[] finalOf = new int[next];
		int count = 0;
		for (int p = 0; p < lab.length; p++) {
			if (lab[p] == 0) continue;
			final int r = find(parent, lab[p]);
			if (finalOf[r] == 0) finalOf[r] = ++count;
			lab[p] = finalOf[r];
		}
		final long[] sizes = new long[count + 1];
		final int[] bmin = new int[3 * (count + 1)];
		final int[] bmax = new int[3 * (count + 1)];
		java.util.Arrays.fill(bmin, Integer.MAX_VALUE);
		java.util.Arrays.fill(bmax, -1);
		i = 0;
		for (int z = 0; z < dd; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++, i++) {
					final int l = lab[i];
					sizes[l]++;
					if (l == 0) continue;
					final int b = 3 * l;
					if (x < bmin[b]) bmin[b] = x;
					if (x > bmax[b]) bmax[b] = x;
					if (y < bmin[b + 1]) bmin[b + 1] = y;
					if (y > bmax[b + 1]) bmax[b + 1] = y;
					if (z < bmin[b + 2]) bmin[b + 2] = z;
					if (z > bmax[b + 2]) bmax[b + 2] = z;
				}
		return new Labels(lab, dims, count, sizes, bmin, bmax);
	}

	private static int find(final int[] parent, int a) {
		while (parent[a] != a) {
			parent[a] = parent[parent[a]];
			a = parent[a];
		}
		return a;
	}

	private static void union(final int[] parent, final int a, final int b) {
		final int ra = find(parent, a), rb = find(parent, b);
		if (ra == rb) return;
		if (ra < rb) parent[rb] = ra;
		else parent[ra] = rb;
	}

	static void check(final byte[] mask, final int[] dims) {
		if (mask == null || dims == null) throw new IllegalArgumentException("mask and dims must not be null");
		checkDims(dims, mask.length);
	}

	static void checkDims(final int[] dims, final int length) {
		if (dims.length < 1 || dims.length > 3) throw new IllegalArgumentException("only 1D, 2D and 3D images are supported, got " + dims.length + " dimensions");
		long n = 1;
		for (final int d : dims) {
			if (d < 1) throw new IllegalArgumentException("dimensions must be positive: " + java.util.Arrays.toString(dims));
			n *= d;
		}
		if (n != length) throw new IllegalArgumentException("array length " + length + " does not match dims " + java.util.Arrays.toString(dims) + " (" + n + " pixels)");
	}

	static void checkSpacing(final double[] spacing, final int[] dims) {
		if (spacing == null || spacing.length != dims.length) throw new IllegalArgumentException("need one spacing value per axis (" + dims.length + "), got " + (spacing == null ? "null" : java.util.Arrays.toString(spacing)));
		for (final double s : spacing)
			if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("spacing must be positive and finite: " + java.util.Arrays.toString(spacing));
	}
}
