package io.github.myomito.bench;

import java.util.SplittableRandom;

/**
 * Synthetic benchmark inputs: a 2D lattice-like network (jittered grid of nodes joined to their right and lower
 * neighbours with probability {@code p}, drawn as lines of a given half-width) and a 3D network (jittered 3D grid,
 * joined along x, y and z, drawn as tubes). Seeded, so every run sees the same pixels.
 */
public final class Networks {

	private Networks() {}

	/**
	 * A 2D lattice mask.
	 *
	 * @param w width
	 * @param h height
	 * @param spacing grid period in pixels
	 * @param p probability that a grid segment is present
	 * @param halfWidth 0 = one-pixel (8-connected) lines, r = square brush of side 2r+1
	 * @param seed random seed
	 * @return 0/1 mask, flat {@code x + w*y}
	 */
	public static byte[] lattice2D(final int w, final int h, final int spacing, final double p, final int halfWidth, final long seed) {
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int nx = (w - 2 * halfWidth - 4) / spacing + 1, ny = (h - 2 * halfWidth - 4) / spacing + 1;
		final int jit = Math.max(0, spacing / 6);
		final int[][] px = new int[nx][ny], py = new int[nx][ny];
		for (int i = 0; i < nx; i++)
			for (int j = 0; j < ny; j++) {
				px[i][j] = clamp(2 + halfWidth + i * spacing + (jit > 0 ? rnd.nextInt(-jit, jit + 1) : 0), halfWidth, w - 1 - halfWidth);
				py[i][j] = clamp(2 + halfWidth + j * spacing + (jit > 0 ? rnd.nextInt(-jit, jit + 1) : 0), halfWidth, h - 1 - halfWidth);
			}
		final byte[] m = new byte[w * h];
		for (int i = 0; i < nx; i++)
			for (int j = 0; j < ny; j++) {
				if (i + 1 < nx && rnd.nextDouble() < p) line(m, w, px[i][j], py[i][j], px[i + 1][j], py[i + 1][j], halfWidth);
				if (j + 1 < ny && rnd.nextDouble() < p) line(m, w, px[i][j], py[i][j], px[i][j + 1], py[i][j + 1], halfWidth);
			}
		return m;
	}

	/**
	 * A 3D network mask of tubes.
	 *
	 * @param w width
	 * @param h height
	 * @param d depth
	 * @param spacing grid period in voxels (x, y and z)
	 * @param p probability that a grid segment is present
	 * @param radius tube radius in voxels
	 * @param seed random seed
	 * @return 0/1 mask, flat {@code x + w*(y + h*z)}
	 */
	public static byte[] network3D(final int w, final int h, final int d, final int spacing, final double p, final double radius, final long seed) {
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int r = (int) Math.ceil(radius);
		final int nx = (w - 2 * r - 4) / spacing + 1, ny = (h - 2 * r - 4) / spacing + 1, nz = (d - 2 * r - 4) / spacing + 1;
		final int jit = Math.max(0, spacing / 5);
		final double[][][][] c = new double[nx][ny][nz][];
		for (int i = 0; i < nx; i++)
			for (int j = 0; j < ny; j++)
				for (int k = 0; k < nz; k++)
					c[i][j][k] = new double[] { clamp(2 + r + i * spacing + rnd.nextInt(-jit, jit + 1), r + 1, w - 2 - r),
						clamp(2 + r + j * spacing + rnd.nextInt(-jit, jit + 1), r + 1, h - 2 - r),
						clamp(2 + r + k * spacing + rnd.nextInt(-jit, jit + 1), r + 1, d - 2 - r) };
		final byte[] m = new byte[w * h * d];
		final int[] dims = { w, h, d };
		for (int i = 0; i < nx; i++)
			for (int j = 0; j < ny; j++)
				for (int k = 0; k < nz; k++) {
					if (i + 1 < nx && rnd.nextDouble() < p) tube(m, dims, c[i][j][k], c[i + 1][j][k], radius);
					if (j + 1 < ny && rnd.nextDouble() < p) tube(m, dims, c[i][j][k], c[i][j + 1][k], radius);
					if (k + 1 < nz && rnd.nextDouble() < p) tube(m, dims, c[i][j][k], c[i][j][k + 1], radius);
				}
		return m;
	}

	/** Number of non-zero entries. */
	public static long count(final byte[] m) {
		long n = 0;
		for (final byte b : m) if (b != 0) n++;
		return n;
	}

	private static int clamp(final int v, final int lo, final int hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	private static void line(final byte[] m, final int w, int x0, int y0, final int x1, final int y1, final int r) {
		final int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
		int err = dx + dy;
		while (true) {
			for (int v = -r; v <= r; v++)
				for (int u = -r; u <= r; u++) m[(x0 + u) + w * (y0 + v)] = 1;
			if (x0 == x1 && y0 == y1) break;
			final int e2 = 2 * err;
			if (e2 >= dy) {
				err += dy;
				x0 += sx;
			}
			if (e2 <= dx) {
				err += dx;
				y0 += sy;
			}
		}
	}

	private static void tube(final byte[] m, final int[] dims, final double[] a, final double[] b, final double radius) {
		final int w = dims[0], h = dims[1];
		final double len = Math.sqrt(sq(b[0] - a[0]) + sq(b[1] - a[1]) + sq(b[2] - a[2]));
		final int steps = Math.max(1, (int) Math.ceil(len * 2));
		final int r = (int) Math.ceil(radius);
		final double r2 = radius * radius;
		for (int s = 0; s <= steps; s++) {
			final double t = s / (double) steps;
			final double cx = a[0] + t * (b[0] - a[0]), cy = a[1] + t * (b[1] - a[1]), cz = a[2] + t * (b[2] - a[2]);
			final int ix = (int) Math.round(cx), iy = (int) Math.round(cy), iz = (int) Math.round(cz);
			for (int z = iz - r; z <= iz + r; z++)
				for (int y = iy - r; y <= iy + r; y++)
					for (int x = ix - r; x <= ix + r; x++)
						if (sq(x - cx) + sq(y - cy) + sq(z - cz) <= r2) m[x + w * (y + h * z)] = 1;
		}
	}

	private static double sq(final double v) {
		return v * v;
	}
}
