package io.github.myomito.skeleton;

import java.util.Random;

/** Named analytic skeleton and mask fixtures with exactly known graph properties. */
final class SkeletonFixtures {

	/** A flat 0/1 array with its dimensions. */
	static final class Img {
		final byte[] data;
		final int[] dims;

		Img(final int... dims) {
			this.dims = dims;
			int n = 1;
			for (final int d : dims) n *= d;
			this.data = new byte[n];
		}

		int index(final int x, final int y, final int z) {
			return x + dims[0] * (y + dims[1] * z);
		}

		Img set(final int x, final int y) {
			data[index(x, y, 0)] = 1;
			return this;
		}

		Img set(final int x, final int y, final int z) {
			data[index(x, y, z)] = 1;
			return this;
		}

		int count() {
			int c = 0;
			for (final byte b : data) c += b != 0 ? 1 : 0;
			return c;
		}
	}

	private SkeletonFixtures() {}

	/** Horizontal line of {@code n} pixels from (x0, y). */
	static Img straightLine(final int n) {
		final Img im = new Img(n + 10, 11);
		for (int k = 0; k < n; k++) im.set(5 + k, 5);
		return im;
	}

	/**
	 * Digital line y = round(x·tan θ), x = 0..dx (one pixel per column, so every inner pixel has exactly 2
	 * 8-neighbours, valid for θ ≤ 45°).
	 */
	static Img obliqueLine(final int dx, final double thetaDeg) {
		final double t = Math.tan(Math.toRadians(thetaDeg));
		final int dy = (int) Math.round(dx * t);
		final Img im = new Img(dx + 3, dy + 3);
		for (int x = 0; x <= dx; x++) im.set(x + 1, (int) Math.round(x * t) + 1);
		return im;
	}

	/** Y: a vertical arm of length {@code up} and two diagonal arms of length {@code diag} from a single-voxel junction at (c, c). */
	static Img yJunction(final int up, final int diag) {
		final int c = Math.max(up, diag) + 2;
		final Img im = new Img(2 * c + 1, 2 * c + 1);
		im.set(c, c);
		for (int k = 1; k <= up; k++) im.set(c, c - k);
		for (int k = 1; k <= diag; k++) {
			im.set(c - k, c + k);
			im.set(c + k, c + k);
		}
		return im;
	}

	/** Diagonal X: four diagonal arms of length {@code arm} from a single-voxel junction. */
	static Img diagonalX(final int arm) {
		final int c = arm + 2;
		final Img im = new Img(2 * c + 1, 2 * c + 1);
		im.set(c, c);
		for (int k = 1; k <= arm; k++) {
			im.set(c - k, c - k);
			im.set(c + k, c - k);
			im.set(c - k, c + k);
			im.set(c + k, c + k);
		}
		return im;
	}

	/** Upright plus: four axis arms of length {@code arm}; centre and the 4 first arm pixels form a 5-pixel junction cluster. */
	static Img plus(final int arm) {
		final int c = arm + 2;
		final Img im = new Img(2 * c + 1, 2 * c + 1);
		im.set(c, c);
		for (int k = 1; k <= arm; k++) {
			im.set(c - k, c);
			im.set(c + k, c);
			im.set(c, c - k);
			im.set(c, c + k);
		}
		return im;
	}

	/** Diamond ring |x−c| + |y−c| = r: 4r pixels, each with exactly two 8-neighbours. */
	static Img diamondRing(final int r) {
		final int c = r + 2;
		final Img im = new Img(2 * c + 1 + 30, 2 * c + 1);
		drawDiamond(im, c, c, r);
		return im;
	}

	static void drawDiamond(final Img im, final int cx, final int cy, final int r) {
		for (int k = 0; k < r; k++) {
			im.set(cx + r - k, cy + k);
			im.set(cx - k, cy + r - k);
			im.set(cx - r + k, cy - k);
			im.set(cx + k, cy - r + k);
		}
	}

	/** Diamond ring of radius r plus a horizontal tail of {@code tail} pixels leaving its rightmost pixel. */
	static Img loopWithTail(final int r, final int tail) {
		final int c = r + 2;
		final Img im = new Img(2 * c + 1 + tail + 2, 2 * c + 1);
		drawDiamond(im, c, c, r);
		for (int k = 1; k <= tail; k++) im.set(c + r + k, c);
		return im;
	}

	/**
	 * "#" lattice: {@code n} vertical and {@code m} horizontal one-pixel lines with period {@code p}, each
	 * extending {@code t} pixels beyond the outermost crossing lines (so every crossing is an interior "+").
	 */
	static Img lattice2D(final int n, final int m, final int p, final int t) {
		final int w = (n - 1) * p + 2 * t + 3, h = (m - 1) * p + 2 * t + 3;
		final Img im = new Img(w, h);
		final int x0 = t + 1, y0 = t + 1;
		for (int i = 0; i < n; i++)
			for (int y = y0 - t; y <= y0 + (m - 1) * p + t; y++) im.set(x0 + i * p, y);
		for (int j = 0; j < m; j++)
			for (int x = x0 - t; x <= x0 + (n - 1) * p + t; x++) im.set(x, y0 + j * p);
		return im;
	}

	/** 3D cross: three axis lines of arm length {@code arm} through the centre. */
	static Img cross3D(final int arm) {
		final int c = arm + 2, s = 2 * c + 1;
		final Img im = new Img(s, s, s);
		im.set(c, c, c);
		for (int k = 1; k <= arm; k++) {
			im.set(c - k, c, c);
			im.set(c + k, c, c);
			im.set(c, c - k, c);
			im.set(c, c + k, c);
			im.set(c, c, c - k);
			im.set(c, c, c + k);
		}
		return im;
	}

	/**
	 * 3D "jungle gym": {@code nx·ny·nz} grid points with period p, joined by axis lines that extend t voxels
	 * beyond the outermost grid points.
	 */
	static Img lattice3D(final int nx, final int ny, final int nz, final int p, final int t) {
		final int w = (nx - 1) * p + 2 * t + 3, h = (ny - 1) * p + 2 * t + 3, d = (nz - 1) * p + 2 * t + 3;
		final Img im = new Img(w, h, d);
		final int o = t + 1;
		for (int j = 0; j < ny; j++)
			for (int k = 0; k < nz; k++)
				for (int x = o - t; x <= o + (nx - 1) * p + t; x++) im.set(x, o + j * p, o + k * p);
		for (int i = 0; i < nx; i++)
			for (int k = 0; k < nz; k++)
				for (int y = o - t; y <= o + (ny - 1) * p + t; y++) im.set(o + i * p, y, o + k * p);
		for (int i = 0; i < nx; i++)
			for (int j = 0; j < ny; j++)
				for (int z = o - t; z <= o + (nz - 1) * p + t; z++) im.set(o + i * p, o + j * p, z);
		return im;
	}

	// ---- thick masks for thinning ----

	/** Filled rectangle [x0, x1] × [y0, y1] in a w × h image. */
	static Img thickBar(final int w, final int h, final int x0, final int x1, final int y0, final int y1) {
		final Img im = new Img(w, h);
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++) im.set(x, y);
		return im;
	}

	/** Bar of length {@code len} and width {@code width} rotated by θ about the image centre. */
	static Img rotatedBar(final int w, final int h, final double len, final double width, final double thetaDeg) {
		final Img im = new Img(w, h);
		final double c = Math.cos(Math.toRadians(thetaDeg)), s = Math.sin(Math.toRadians(thetaDeg));
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double dx = x - w / 2.0, dy = y - h / 2.0;
				final double u = dx * c + dy * s, v = -dx * s + dy * c;
				if (Math.abs(u) <= len / 2 && Math.abs(v) <= width / 2) im.set(x, y);
			}
		return im;
	}

	/** Annulus r0 ≤ |p − c| ≤ r1. */
	static Img annulus(final int size, final double r0, final double r1) {
		final Img im = new Img(size, size);
		final double c = (size - 1) / 2.0;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final double r = Math.hypot(x - c, y - c);
				if (r >= r0 && r <= r1) im.set(x, y);
			}
		return im;
	}

	/** Thick "#" grid: n×n lines of width {@code width} with period p forming (n−1)² closed holes. */
	static Img thickGrid(final int n, final int p, final int width) {
		final int size = (n - 1) * p + width + 10;
		final Img im = new Img(size, size);
		for (int i = 0; i < n; i++)
			for (int a = 0; a < width; a++) {
				final int line = 5 + i * p + a;
				for (int b = 5; b < 5 + (n - 1) * p + width; b++) {
					im.set(line, b);
					im.set(b, line);
				}
			}
		return im;
	}

	/** Seeded random blobs: thresholded sum of random discs (many objects and holes). */
	static Img randomBlobs(final int size, final long seed) {
		final Random rnd = new Random(seed);
		final Img im = new Img(size, size);
		for (int k = 0; k < size / 3; k++) {
			final double cx = rnd.nextDouble() * size, cy = rnd.nextDouble() * size, r = 1.5 + rnd.nextDouble() * 4;
			for (int y = 0; y < size; y++)
				for (int x = 0; x < size; x++)
					if (Math.hypot(x - cx, y - cy) <= r) im.set(x, y);
		}
		return im;
	}

	/** Straight 3D tube of radius r along x. */
	static Img tube3D(final int len, final double r) {
		final int s = (int) Math.ceil(2 * r) + 5;
		final Img im = new Img(len + 6, s, s);
		final double c = (s - 1) / 2.0;
		for (int z = 0; z < s; z++)
			for (int y = 0; y < s; y++)
				if (Math.hypot(y - c, z - c) <= r) for (int x = 3; x < len + 3; x++) im.set(x, y, z);
		return im;
	}

	/** Solid torus in the xy plane: major radius R, tube radius r. */
	static Img torus3D(final double R, final double r) {
		final int s = (int) Math.ceil(2 * (R + r)) + 5, d = (int) Math.ceil(2 * r) + 5;
		final Img im = new Img(s, s, d);
		final double c = (s - 1) / 2.0, cz = (d - 1) / 2.0;
		for (int z = 0; z < d; z++)
			for (int y = 0; y < s; y++)
				for (int x = 0; x < s; x++) {
					final double q = Math.hypot(x - c, y - c) - R;
					if (q * q + (z - cz) * (z - cz) <= r * r) im.set(x, y, z);
				}
		return im;
	}

	/** Thick 3D "#": two tubes along x and two along y (radius r) crossing in one z plane: one object, one tunnel. */
	static Img thickGrid3D(final int size, final double r) {
		final int d = (int) Math.ceil(2 * r) + 5;
		final Img im = new Img(size, size, d);
		final double cz = (d - 1) / 2.0;
		final int a = size / 3, b = 2 * size / 3;
		for (int z = 0; z < d; z++)
			for (int y = 2; y < size - 2; y++)
				for (int x = 2; x < size - 2; x++) {
					final double dz = z - cz;
					final boolean tube = Math.hypot(y - a, dz) <= r || Math.hypot(y - b, dz) <= r || Math.hypot(x - a, dz) <= r
						|| Math.hypot(x - b, dz) <= r;
					if (tube) im.set(x, y, z);
				}
		return im;
	}
}
