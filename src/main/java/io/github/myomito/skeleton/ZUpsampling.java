package io.github.myomito.skeleton;

import java.util.Arrays;

/**
 * Nearest-neighbour resampling of a stack along z onto a grid whose voxels are (nearly) cubic, for
 * thinning and graph analysis of anisotropic stacks.
 * <p>
 * <b>Why.</b> Thinning (Lee, Kashyap &amp; Chu 1994, {@link Thinning}) works in voxel units on the cubic
 * grid: it peels one voxel layer per pass from each of six directions, whatever the physical spacing. In a
 * confocal stack of 0.1 µm pixels and 0.3 µm slices a z link of 1.5 µm between two lattice levels is 5
 * voxels long and 5 wide, a blob to the thinning, which shrinks it to a clump of junction voxels that joins
 * the two levels' junctions into one vertex (measured: hyperfused phantoms of 2 levels, 126 branches and 47
 * junctions where the truth has 146 and 67, from the true mask). On a grid of cubic voxels the same link is
 * 15 voxels long, thins to a line and gives its own branch (146 and 67).
 * <p>
 * <b>The grid.</b> With {@code k = clamp(round(s_z / min(s_x, s_y)), 1, maxFactor)}, the grid has
 * {@code k·(d − 1) + 1} slices of spacing {@code s_z / k}; grid slice {@code j} lies at {@code j·s_z/k} µm and
 * takes the values of source slice {@code round(j / k)} (halves rounded up), so that source slice
 * {@code z} and grid slice {@code k·z} lie at the same position and every source slice is repeated over
 * the grid slices nearest to it. Position-based measures (branch coordinates, lengths) are therefore not
 * shifted. Repeating slices preserves digital topology (26-connected foreground, 6-connected background):
 * two grid voxels are adjacent exactly when their source voxels are the same or adjacent, so the numbers
 * of objects, tunnels and cavities do not change. The first and last source slices get only
 * {@code ⌊k/2⌋ + 1} grid slices: volumes and surfaces must be measured on the source grid.
 * <p>
 * Memory: the grid has about {@code k} times the source voxels (for each resampled array).
 */
public final class ZUpsampling {

	/**
	 * The factor cap MyoMito uses ({@code analyze}, {@code skeleton}): 0.1 µm pixels and 0.3 µm slices give 3;
	 * slices coarser than 4 pixels are resampled by 4 (the grid's memory grows with the factor).
	 */
	public static final int DEFAULT_MAX_FACTOR = 4;

	private final int k;
	private final int[] dims, gridDims;
	private final double[] spacing, gridSpacing;
	private final int[] sourceSlice;

	private ZUpsampling(final int[] dims, final double[] spacing, final int k) {
		this.k = k;
		this.dims = dims.clone();
		this.spacing = spacing.clone();
		gridDims = dims.clone();
		gridSpacing = spacing.clone();
		if (dims.length == 3 && k > 1) {
			gridDims[2] = Math.multiplyExact(k, dims[2] - 1) + 1;
			gridSpacing[2] = spacing[2] / k;
		}
		sourceSlice = new int[gridDims.length == 3 ? gridDims[2] : 1];
		for (int j = 0; j < sourceSlice.length; j++) sourceSlice[j] = (2 * j + k) / (2 * k);
	}

	/**
	 * The resampling for an image of the given size and spacing.
	 *
	 * @param dims image size (2 or 3 entries); a 2D image or a single slice is never resampled
	 * @param spacing µm per voxel along each axis
	 * @param maxFactor largest factor {@code k} (≥ 1; 1 turns the resampling off)
	 * @return the resampling (the identity when {@code k = 1})
	 */
	public static ZUpsampling of(final int[] dims, final double[] spacing, final int maxFactor) {
		if (dims == null || spacing == null || spacing.length != dims.length || dims.length < 2 || dims.length > 3)
			throw new IllegalArgumentException("dims and spacing must both have 2 or 3 entries");
		if (maxFactor < 1) throw new IllegalArgumentException("maxFactor must be at least 1, got " + maxFactor);
		for (int d = 0; d < dims.length; d++) {
			if (dims[d] < 1) throw new IllegalArgumentException("dimension " + d + " is " + dims[d]);
			if (!(spacing[d] > 0) || Double.isInfinite(spacing[d])) throw new IllegalArgumentException("spacing " + d + " must be positive and finite, got " + spacing[d]);
		}
		int k = 1;
		if (dims.length == 3 && dims[2] > 1) {
			final long r = Math.round(spacing[2] / Math.min(spacing[0], spacing[1]));
			k = (int) Math.max(1, Math.min(maxFactor, r));
		}
		return new ZUpsampling(dims, spacing, k);
	}

	/** @return the factor {@code k} (1: the grid is the source grid) */
	public int factor() {
		return k;
	}

	/** @return whether the grid is the source grid */
	public boolean isIdentity() {
		return k == 1;
	}

	/** @return the grid's size */
	public int[] gridDims() {
		return gridDims.clone();
	}

	/** @return the grid's spacing, µm */
	public double[] gridSpacing() {
		return gridSpacing.clone();
	}

	/**
	 * @param j a grid slice
	 * @return the source slice whose values it holds
	 */
	public int sourceSlice(final int j) {
		return sourceSlice[j];
	}

	/**
	 * @param gridIndex flat index on the grid
	 * @return flat index of the source voxel it was copied from
	 */
	public int sourceIndex(final int gridIndex) {
		if (k == 1) return gridIndex;
		final int plane = dims[0] * dims[1];
		return gridIndex % plane + plane * sourceSlice[gridIndex / plane];
	}

	/** @return {@code a} on the grid (the same array for the identity) */
	public byte[] up(final byte[] a) {
		return repeat(a, a.length, byte[]::new);
	}

	/** @return {@code a} on the grid (the same array for the identity) */
	public int[] up(final int[] a) {
		return repeat(a, a.length, int[]::new);
	}

	/** @return {@code a} on the grid (the same array for the identity) */
	public float[] up(final float[] a) {
		return repeat(a, a.length, float[]::new);
	}

	/** Copies each grid slice's source slice into a new primitive array of the grid's size. */
	private <A> A repeat(final A a, final int length, final java.util.function.IntFunction<A> alloc) {
		check(length);
		if (k == 1) return a;
		final int plane = dims[0] * dims[1];
		final A out = alloc.apply(plane * gridDims[2]);
		for (int j = 0; j < gridDims[2]; j++) System.arraycopy(a, plane * sourceSlice[j], out, plane * j, plane);
		return out;
	}

	/**
	 * A mask on the grid that follows the threshold's iso-surface between source slices while keeping the
	 * source mask's topology: the repeated mask ({@link #up(byte[])}) less every voxel between source slices
	 * whose value, linearly interpolated along z between the two nearest source slices, is at most
	 * {@code threshold}, as far as it is a simple point (its removal changes no object, tunnel or cavity; Lee,
	 * Kashyap &amp; Chu 1994, the test of {@link Thinning}). Candidates are removed lowest value first, in
	 * repeated passes until none is removable. Voxels on source slices are never removed. Repeated slices make
	 * objects blocky along z, with square corners at every slice step that thinning turns into forked ends; the
	 * refined mask has the rounded ends of the interpolated image.
	 *
	 * @param mask the source mask (0/1)
	 * @param values the image the mask was thresholded from, on the source grid
	 * @param threshold its threshold (foreground = value &gt; threshold); NaN gives the repeated mask
	 * @return the refined mask on the grid (the same array for the identity)
	 */
	public byte[] upMask(final byte[] mask, final float[] values, final double threshold) {
		check(values.length);
		final byte[] g = up(mask);
		if (k == 1 || Double.isNaN(threshold)) return g;
		final int w = dims[0], h = dims[1], plane = w * h, nz = gridDims[2];
		// candidates between source slices at or below the threshold, with their interpolated values
		int n = 0;
		for (int j = 0; j < nz; j++) {
			if (j % k == 0) continue;
			for (int p = 0; p < plane; p++)
				if (g[p + plane * j] != 0 && interpolate(values, p, j) <= threshold) n++;
		}
		final long[] order = new long[n];
		n = 0;
		for (int j = 0; j < nz; j++) {
			if (j % k == 0) continue;
			for (int p = 0; p < plane; p++) {
				final int i = p + plane * j;
				if (g[i] != 0) {
					final float v = interpolate(values, p, j);
					// sortable key: the value's order-preserving bits, then the index (ties in raster order)
					if (v <= threshold) order[n++] = ((long) sortable(v) << 32) | (i & 0xffffffffL);
				}
			}
		}
		java.util.Arrays.sort(order);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (final long key : order) {
				final int i = (int) key;
				if (g[i] == 0) continue;
				final int nb = neighbours(g, i, w, h, nz) & ~(1 << 13);
				if (nb != 0 && Thinning.eulerInvariant(nb) && Thinning.oneComponent(nb)) {
					g[i] = 0;
					changed = true;
				}
			}
		}
		return g;
	}

	/** Value at grid slice {@code j}, pixel {@code p}: linear along z between the source slices around it. */
	private float interpolate(final float[] values, final int p, final int j) {
		final int plane = dims[0] * dims[1];
		final int z0 = j / k, z1 = Math.min(z0 + 1, dims[2] - 1);
		final float t = (j - z0 * k) / (float) k;
		return (1 - t) * values[p + plane * z0] + t * values[p + plane * z1];
	}

	/** Maps a float to an int whose signed order is the float's (−0 just below +0). */
	private static int sortable(final float v) {
		final int b = Float.floatToIntBits(v);
		return b >= 0 ? b : b ^ 0x7fffffff;
	}

	/** 3×3×3 neighbourhood bits of grid voxel {@code i} (bit (dz+1)·9 + (dy+1)·3 + dx+1), outside = background. */
	private static int neighbours(final byte[] g, final int i, final int w, final int h, final int d) {
		final int plane = w * h, x = i % w, y = (i / w) % h, z = i / plane;
		int bits = 0;
		for (int dz = -1; dz <= 1; dz++) {
			final int zz = z + dz;
			if (zz < 0 || zz >= d) continue;
			for (int dy = -1; dy <= 1; dy++) {
				final int yy = y + dy;
				if (yy < 0 || yy >= h) continue;
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx;
					if (xx < 0 || xx >= w) continue;
					if (g[xx + w * (yy + h * zz)] != 0) bits |= 1 << ((dz + 1) * 9 + (dy + 1) * 3 + dx + 1);
				}
			}
		}
		return bits;
	}

	private void check(final int n) {
		long v = 1;
		for (final int d : dims) v *= d;
		if (n != v) throw new IllegalArgumentException("array has " + n + " voxels, the source grid " + v + " (" + Arrays.toString(dims) + ")");
	}

	@Override
	public String toString() {
		return "ZUpsampling[k=" + k + " " + Arrays.toString(dims) + " -> " + Arrays.toString(gridDims) + "]";
	}
}
