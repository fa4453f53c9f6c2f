package io.github.myomito.coloc;

import java.util.SplittableRandom;

/**
 * Costes block randomisation restricted to a mask (package-private engine of
 * {@link PixelColocalisation}).
 * <p>
 * The image is tiled from the origin into blocks of {@code block[d]} pixels per axis. A block is
 * <em>full</em> when it lies completely inside the image and every one of its pixels is in the mask;
 * full blocks are permuted among themselves as rigid blocks (the pixel at offset o of block k receives
 * the ch1 value at offset o of block π(k)), which keeps the PSF-scale autocorrelation of ch1, as in
 * Costes et al. 2004 (doi:10.1529/biophysj.103.038422). All other mask pixels — those of
 * <em>partial</em> blocks at the mask border or the image border — are permuted individually among
 * themselves. Hence every mask pixel receives a value from a mask pixel, no value enters from outside
 * the mask and no value leaves it. (Fiji's Coloc 2 shuffles the bounding box of the ROI instead, which
 * mixes in background and inflates false positives.) Permutations are uniform Fisher–Yates shuffles
 * drawn from a {@link SplittableRandom}.
 */
final class BlockShuffle {

	private final int[] offsets; // flat offsets of the pixels of one block relative to its origin
	private final int[] fullStarts; // flat origin of every full block
	private final int[] partial; // flat indices of mask pixels not in a full block

	BlockShuffle(final byte[] mask, final int[] dims, final int[] block) {
		final int nd = dims.length;
		final int[] stride = new int[nd];
		int s = 1;
		for (int d = 0; d < nd; d++) {
			stride[d] = s;
			s *= dims[d];
		}
		int bsize = 1;
		for (int d = 0; d < nd; d++) bsize *= Math.min(block[d], dims[d]);
		final int[] bl = new int[nd];
		for (int d = 0; d < nd; d++) bl[d] = Math.min(block[d], dims[d]);
		offsets = new int[bsize];
		final int[] c = new int[nd];
		for (int i = 0; i < bsize; i++) {
			int off = 0;
			for (int d = 0; d < nd; d++) off += c[d] * stride[d];
			offsets[i] = off;
			increment(c, bl);
		}
		final int[] grid = new int[nd];
		int nBlocks = 1;
		for (int d = 0; d < nd; d++) {
			grid[d] = (dims[d] + bl[d] - 1) / bl[d];
			nBlocks *= grid[d];
		}
		int nMask = 0;
		for (final byte b : mask)
			if (b != 0) nMask++;
		final int[] starts = new int[nBlocks];
		final int[] part = new int[nMask];
		int nFull = 0, nPart = 0;
		final int[] g = new int[nd];
		final int[] lo = new int[nd], hi = new int[nd], p = new int[nd];
		for (int k = 0; k < nBlocks; k++) {
			boolean inside = true;
			int origin = 0;
			for (int d = 0; d < nd; d++) {
				lo[d] = g[d] * bl[d];
				hi[d] = Math.min(lo[d] + bl[d], dims[d]);
				if (hi[d] - lo[d] < bl[d]) inside = false;
				origin += lo[d] * stride[d];
			}
			boolean full = inside;
			if (full)
				for (final int o : offsets)
					if (mask[origin + o] == 0) {
						full = false;
						break;
					}
			if (full) starts[nFull++] = origin;
			else {
				// visit the block's in-image pixels and keep those in the mask
				System.arraycopy(lo, 0, p, 0, nd);
				while (true) {
					int idx = 0;
					for (int d = 0; d < nd; d++) idx += p[d] * stride[d];
					if (mask[idx] != 0) part[nPart++] = idx;
					int d = 0;
					while (d < nd) {
						if (++p[d] < hi[d]) break;
						p[d] = lo[d];
						d++;
					}
					if (d == nd) break;
				}
			}
			increment(g, grid);
		}
		fullStarts = java.util.Arrays.copyOf(starts, nFull);
		partial = java.util.Arrays.copyOf(part, nPart);
	}

	private static void increment(final int[] c, final int[] limit) {
		for (int d = 0; d < c.length; d++) {
			if (++c[d] < limit[d]) return;
			c[d] = 0;
		}
	}

	int fullBlocks() {
		return fullStarts.length;
	}

	int partialPixels() {
		return partial.length;
	}

	int blockPixels() {
		return offsets.length;
	}

	/** Draws the two permutations (blocks, partial pixels) into the given arrays. */
	void draw(final SplittableRandom rnd, final int[] blockPerm, final int[] pixelPerm) {
		fisherYates(rnd, blockPerm);
		fisherYates(rnd, pixelPerm);
	}

	int[] newBlockPerm() {
		return new int[fullStarts.length];
	}

	int[] newPixelPerm() {
		return new int[partial.length];
	}

	private static void fisherYates(final SplittableRandom rnd, final int[] perm) {
		for (int i = 0; i < perm.length; i++) perm[i] = i;
		for (int i = perm.length - 1; i > 0; i--) {
			final int j = rnd.nextInt(i + 1);
			final int t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
	}

	/**
	 * Centred cross-product {@code Σ (ch1[src(i)] − m1)(ch2[i] − m2)} over all mask pixels i for the
	 * shuffle given by the permutations, without building the shuffled image.
	 */
	double centredCrossProduct(final float[] ch1, final float[] ch2, final double m1, final double m2, final int[] blockPerm,
		final int[] pixelPerm) {
		double s = 0;
		for (int k = 0; k < fullStarts.length; k++) {
			final int t = fullStarts[k], src = fullStarts[blockPerm[k]];
			for (final int o : offsets) s += (ch1[src + o] - m1) * (ch2[t + o] - m2);
		}
		for (int j = 0; j < partial.length; j++) s += (ch1[partial[pixelPerm[j]]] - m1) * (ch2[partial[j]] - m2);
		return s;
	}

	/**
	 * The values of {@link #centredCrossProduct} laid out for fast repeated shuffles: {@code [0]} = ch1 − m1 per
	 * full block (block-major, {@link #blockPixels()} values each), {@code [1]} = ch2 − m2 in the same order,
	 * {@code [2]} and {@code [3]} the same for the partial pixels. Each value is computed exactly as in
	 * {@link #centredCrossProduct}, so {@link #centredCrossProduct(double[][], int[], int[])} returns the identical sum.
	 */
	double[][] centred(final float[] ch1, final float[] ch2, final double m1, final double m2) {
		final int b = offsets.length;
		final double[] c1 = new double[fullStarts.length * b], c2 = new double[fullStarts.length * b];
		for (int k = 0, i = 0; k < fullStarts.length; k++) {
			final int t = fullStarts[k];
			for (final int o : offsets) {
				c1[i] = ch1[t + o] - m1;
				c2[i++] = ch2[t + o] - m2;
			}
		}
		final double[] p1 = new double[partial.length], p2 = new double[partial.length];
		for (int j = 0; j < partial.length; j++) {
			p1[j] = ch1[partial[j]] - m1;
			p2[j] = ch2[partial[j]] - m2;
		}
		return new double[][] { c1, c2, p1, p2 };
	}

	/**
	 * {@link #centredCrossProduct(float[], float[], double, double, int[], int[])} from the arrays of
	 * {@link #centred}: same products, same order, same result; each source block is one contiguous run.
	 */
	double centredCrossProduct(final double[][] centred, final int[] blockPerm, final int[] pixelPerm) {
		final double[] c1 = centred[0], c2 = centred[1], p1 = centred[2], p2 = centred[3];
		final int b = offsets.length;
		double s = 0;
		for (int k = 0, i = 0; k < blockPerm.length; k++) {
			final int src = blockPerm[k] * b;
			for (int o = 0; o < b; o++) s += c1[src + o] * c2[i++];
		}
		for (int j = 0; j < p2.length; j++) s += p1[pixelPerm[j]] * p2[j];
		return s;
	}

	/**
	 * The source map of one shuffle: {@code map[i]} = flat index whose ch1 value pixel i receives, −1
	 * outside the mask. For tests and for building a shuffled image.
	 */
	int[] sourceMap(final int size, final int[] blockPerm, final int[] pixelPerm) {
		final int[] map = new int[size];
		java.util.Arrays.fill(map, -1);
		for (int k = 0; k < fullStarts.length; k++) {
			final int t = fullStarts[k], src = fullStarts[blockPerm[k]];
			for (final int o : offsets) map[t + o] = src + o;
		}
		for (int j = 0; j < partial.length; j++) map[partial[j]] = partial[pixelPerm[j]];
		return map;
	}
}
