package io.github.myomito.simulate;

import java.util.ArrayDeque;
import java.util.List;

/** Test-only reference implementations, written independently of the simulator's code. */
final class PhantomTestSupport {

	private PhantomTestSupport() {}

	/** Brute-force rendering: voxel (i,j,k) is set iff its centre (i·s, j·s, k·sz) is within r of a segment or punctum. */
	static byte[] rerender(final Truth t) {
		final int[] d = t.dims();
		final double[] sp = t.spacing();
		final int w = d[0], h = d[1], nz = d.length == 3 ? d[2] : 1;
		final double sz = d.length == 3 ? sp[2] : 1;
		final byte[] m = new byte[w * h * nz];
		// all primitives as {ax, ay, az, bx, by, bz, r}
		final java.util.List<double[]> prims = new java.util.ArrayList<>();
		for (final Truth.Node n : t.nodes())
			if (n.degree() == 0) prims.add(new double[] { n.x(), n.y(), n.z(), n.x(), n.y(), n.z(), n.radiusUm() });
		for (final Truth.Branch b : t.branches()) {
			final double[][] p = b.path();
			for (int i = 0; i + 1 < p.length; i++)
				prims.add(new double[] { p[i][0], p[i][1], p[i][2], p[i + 1][0], p[i + 1][1], p[i + 1][2], b.radiusUm() });
		}
		for (final double[] q : prims) {
			final double r = q[6];
			final int i0 = (int) Math.floor((Math.min(q[0], q[3]) - r) / sp[0]) - 1, i1 = (int) Math.ceil((Math.max(q[0], q[3]) + r) / sp[0]) + 1;
			final int j0 = (int) Math.floor((Math.min(q[1], q[4]) - r) / sp[1]) - 1, j1 = (int) Math.ceil((Math.max(q[1], q[4]) + r) / sp[1]) + 1;
			final int k0 = nz == 1 ? 0 : (int) Math.floor((Math.min(q[2], q[5]) - r) / sz) - 1;
			final int k1 = nz == 1 ? 0 : (int) Math.ceil((Math.max(q[2], q[5]) + r) / sz) + 1;
			for (int k = Math.max(0, k0); k <= Math.min(nz - 1, k1); k++)
				for (int j = Math.max(0, j0); j <= Math.min(h - 1, j1); j++)
					for (int i = Math.max(0, i0); i <= Math.min(w - 1, i1); i++)
						if (distToSegment(i * sp[0], j * sp[1], nz == 1 ? 0 : k * sz, q) <= r) m[i + w * (j + h * k)] = 1;
		}
		// pinholes: enclosed background components of ≤ 2 voxels (4/6-connected) are part of the mask
		final boolean[] seen = new boolean[m.length];
		final java.util.List<Integer> comp = new java.util.ArrayList<>();
		for (int s = 0; s < m.length; s++) {
			if (m[s] != 0 || seen[s]) continue;
			comp.clear();
			final ArrayDeque<Integer> q = new ArrayDeque<>();
			q.add(s);
			seen[s] = true;
			boolean border = false;
			while (!q.isEmpty()) {
				final int p = q.poll();
				comp.add(p);
				final int x = p % w, y = (p / w) % h, z = p / (w * h);
				border |= x == 0 || y == 0 || x == w - 1 || y == h - 1 || nz > 1 && (z == 0 || z == nz - 1);
				final int[][] steps = { { -1, 0, 0 }, { 1, 0, 0 }, { 0, -1, 0 }, { 0, 1, 0 }, { 0, 0, -1 }, { 0, 0, 1 } };
				for (final int[] st : steps) {
					final int X = x + st[0], Y = y + st[1], Z = z + st[2];
					if (X < 0 || Y < 0 || Z < 0 || X >= w || Y >= h || Z >= nz) continue;
					final int n = X + w * (Y + h * Z);
					if (m[n] == 0 && !seen[n]) {
						seen[n] = true;
						q.add(n);
					}
				}
			}
			if (!border && comp.size() <= 2) for (final int p : comp) m[p] = 1;
		}
		return m;
	}

	/** Euclidean distance from point (x, y, z) to segment q = {a, b} (closest point by clamped projection). */
	static double distToSegment(final double x, final double y, final double z, final double[] q) {
		final double[] ab = { q[3] - q[0], q[4] - q[1], q[5] - q[2] };
		final double[] ap = { x - q[0], y - q[1], z - q[2] };
		final double len2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
		final double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / len2));
		final double dx = ap[0] - t * ab[0], dy = ap[1] - t * ab[1], dz = ap[2] - t * ab[2];
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	/**
	 * Holes of a 2D mask: 4-connected background components that do not touch the image border (the
	 * dual connectivity of 8-connected foreground). For a plane graph drawn without crossings, every
	 * independent cycle encloses exactly one such face, so holes = E − V + C.
	 */
	static int holes2D(final byte[] m, final int w, final int h) {
		final boolean[] seen = new boolean[m.length];
		final ArrayDeque<Integer> q = new ArrayDeque<>();
		int holes = 0;
		for (int s = 0; s < m.length; s++) {
			if (m[s] != 0 || seen[s]) continue;
			boolean border = false;
			seen[s] = true;
			q.add(s);
			while (!q.isEmpty()) {
				final int p = q.poll();
				final int x = p % w, y = p / w;
				if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border = true;
				final int[] nb = { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1 };
				for (final int n : nb)
					if (n >= 0 && m[n] == 0 && !seen[n]) {
						seen[n] = true;
						q.add(n);
					}
			}
			if (!border) holes++;
		}
		return holes;
	}

	/** All segments of the truth graph as {a, b, r} rows. */
	static List<double[]> segments(final Truth t) {
		final List<double[]> out = new java.util.ArrayList<>();
		for (final Truth.Branch b : t.branches()) {
			final double[][] p = b.path();
			for (int i = 0; i + 1 < p.length; i++)
				out.add(new double[] { p[i][0], p[i][1], p[i][2], p[i + 1][0], p[i + 1][1], p[i + 1][2], b.radiusUm() });
		}
		for (final Truth.Node n : t.nodes())
			if (n.degree() == 0) out.add(new double[] { n.x(), n.y(), n.z(), n.x(), n.y(), n.z(), n.radiusUm() });
		return out;
	}
}
