package io.github.myomito.segment;

/**
 * Binary clean-up of segmentation masks: removal of small objects and hole filling.
 */
public final class Morphology {

	private Morphology() {}

	/**
	 * Removes connected components whose physical size {@code n_pixels · Π_d spacing_d} is smaller
	 * than {@code minSizeUm} (µm² in 2D, µm³ in 3D). Returns a new 0/1 mask.
	 */
	public static byte[] removeSmall(final byte[] mask, final int[] dims, final double[] spacing, final double minSizeUm, final Connectivity connectivity) {
		Labeling.check(mask, dims);
		Labeling.checkSpacing(spacing, dims);
		if (!(minSizeUm >= 0) || Double.isInfinite(minSizeUm)) throw new IllegalArgumentException("minimum size must be finite and ≥ 0, got " + minSizeUm);
		double voxel = 1;
		for (final double s : spacing) voxel *= s;
		final Labels l = Labeling.label(mask, dims, connectivity);
		final boolean[] keep = new boolean[l.count() + 1];
		for (int k = 1; k <= l.count(); k++) keep[k] = l.size(k) * voxel >= minSizeUm * (1 - 1e-9);
		final byte[] out = new byte[mask.length];
		for (int i = 0; i < out.length; i++) out[i] = (byte) (keep[l.label(i)] && l.label(i) != 0 ? 1 : 0);
		return out;
	}

	/**
	 * Fills holes: background components (face connectivity: 4 in 2D, 6 in 3D) that do not touch the
	 * image border become foreground. Returns a new 0/1 mask.
	 */
	public static byte[] fillHoles(final byte[] mask, final int[] dims) {
		Labeling.check(mask, dims);
		final byte[] inv = new byte[mask.length];
		for (int i = 0; i < inv.length; i++) inv[i] = (byte) (mask[i] == 0 ? 1 : 0);
		final Labels bg = Labeling.label(inv, dims, Connectivity.FACE);
		final int n = dims.length;
		final boolean[] hole = new boolean[bg.count() + 1];
		for (int k = 1; k <= bg.count(); k++) {
			final int[] b = bg.bounds(k);
			boolean border = false;
			for (int d = 0; d < n; d++)
				if (b[d] == 0 || b[n + d] == dims[d] - 1) border = true;
			hole[k] = !border;
		}
		final byte[] out = new byte[mask.length];
		for (int i = 0; i < out.length; i++) out[i] = (byte) (mask[i] != 0 || hole[bg.label(i)] ? 1 : 0);
		return out;
	}
}
