package io.github.myomito.skeleton;

import io.github.myomito.image.Pixels;
import io.github.myomito.progress.Progress;
import java.util.Arrays;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Topology-preserving thinning of 2D and 3D binary masks to one-voxel-wide curve skeletons.
 * <p>
 * Implements the medial-axis variant of T.-C. Lee, R. L. Kashyap and C.-N. Chu, "Building skeleton
 * models via 3-D medial surface/axis thinning algorithms", CVGIP: Graphical Models and Image
 * Processing 56(6):462–478, 1994, doi:10.1006/cgip.1994.1042. Foreground is 26-connected, background
 * 6-connected (in 2D: 8 / 4). The algorithm repeats, until nothing changes, six directional
 * sub-iterations (border direction N = −y, S = +y, E = +x, W = −x, U = +z, B = −z; the z directions
 * are skipped in 2D). In each sub-iteration
 * <ol>
 * <li>all foreground voxels p whose 6-neighbour in the current direction is background (border points)
 * are tested in parallel: p is a <em>candidate</em> if it is not an end point (it has ≠ 1
 * 26-neighbour), it is <em>Euler invariant</em> and it is <em>simple</em>;</li>
 * <li>candidates are then removed one after the other, each one only if it is still a non-end,
 * Euler-invariant, simple point of the current (partly thinned) image (the paper's sequential
 * re-checking, which is what makes the parallel candidate set safe).</li>
 * </ol>
 * <b>Euler invariance.</b> The Euler characteristic χ of the union of closed unit cubes (26/6
 * topology) is a sum of local contributions over the 8 octants (2×2×2 blocks) of the 3×3×3
 * neighbourhood. Removing p deletes every cell of its cube that no other foreground voxel shares:
 * in the octant with corner c, the corner c (shared by the 7 other voxels of the octant, weight 1),
 * the 3 edges of p through c (each shared by 3 voxels of the octant and split between 2 octants,
 * weight ½), the 3 faces of p through c (shared with one face neighbour, split between 4 octants,
 * weight ¼) and the cube itself (weight ⅛). Hence, with δ in units of ⅛,
 * {@code 8 Δχ_oct = −8·[corner lost] + 4·#[edges lost] − 2·#[faces lost] + 1} and
 * {@code Δχ = Σ_oct Δχ_oct}. The 128-entry table of {@code 8 Δχ_oct} over the 7 other octant voxels
 * is Lee et al.'s octant look-up table (Table 2 of the paper, up to sign and scale), derived here
 * from this cell count instead of being typed in. p is Euler invariant iff Σ = 0.
 * <p>
 * <b>Simple point.</b> With Euler invariance, p is simple iff the number of 26-connected objects
 * does not change, i.e. iff its 26 neighbours (without p) form exactly one 26-connected component
 * (Lee et al., section 4). The paper finds the components by recursive octant labelling; here the
 * same components are found by an iterative bit-mask flood fill over the 26 neighbours (no recursion).
 * <p>
 * <b>2D.</b> A 2D image (or a 3D image with one slice) is treated as one z slice with empty slices
 * above and below, with the four in-plane sub-iterations only; this is the same algorithm restricted
 * to a plane (8-connected objects, 4-connected background) and preserves the number of objects and
 * holes exactly. (Fiji's Skeletonize3D also runs the U/B passes on a single slice, where every voxel is a
 * border point in those directions, which makes its 2D result depend on raster order; we skip them, so
 * 2D results can differ from Fiji's by a pixel here and there while having the same topology.)
 * <p>
 * <b>Guarantees.</b> Only simple points are removed, so the number of objects, holes (2D) and
 * tunnels/cavities (3D) are preserved exactly. At convergence every remaining non-end voxel is
 * non-simple (a simple voxel always has a background 6-neighbour, so it would be a border point in some
 * direction): the skeleton is one voxel wide in the sense that no voxel can be removed without changing
 * topology, apart from end points, which are kept (curve skeleton, not shrinking to a point; blob-like
 * objects without elongation end up as very short curves or a single voxel).
 * <p>
 * <b>Cost.</b> Only border voxels are examined: an active list (int array) of foreground voxels that
 * have a background 6-neighbour is kept and extended by the neighbours of removed voxels; per voxel
 * the 26-neighbourhood is packed into an int bit mask, no objects are allocated per voxel.
 */
public final class Thinning {

	private static final int CENTER = 13;
	/** {@code EULER_LUT[c]} = 8·Δχ contributed by one octant whose 7 other voxels have configuration c. */
	private static final int[] EULER_LUT = eulerTable();
	/** Neighbourhood positions (0..26 excluding 13) of the 7 other voxels of each octant, canonical order. */
	private static final int[][] OCTANTS = octants();
	/** 26-adjacency inside the 3×3×3 neighbourhood, as bit masks (center excluded). */
	private static final int[] ADJ = adjacency();

	private Thinning() {}

	/**
	 * Thins a binary mask.
	 *
	 * @param mask foreground flags (non-zero = foreground), flat order {@code x + w*(y + h*z)}; not modified
	 * @param dims {@code {w, h}} or {@code {w, h, d}}
	 * @return a new 0/1 array of the same size holding the skeleton
	 * @throws IllegalArgumentException if dims are not 2D/3D, not positive, or do not match the mask length
	 */
	public static byte[] thin(final byte[] mask, final int[] dims) {
		return thin(mask, dims, Progress.NONE);
	}

	/**
	 * {@link #thin(byte[], int[])} with progress and cancellation: reports the number of removed voxels against
	 * the initial foreground count (an upper bound) and checks for cancellation before every directional
	 * sub-iteration.
	 *
	 * @throws java.util.concurrent.CancellationException if {@code progress} is cancelled
	 */
	public static byte[] thin(final byte[] mask, final int[] dims, final Progress progress) {
		checkDims(mask, dims);
		if (progress == null) throw new IllegalArgumentException("progress must not be null (use Progress.NONE)");
		progress.status("Thinning " + (dims.length == 3 && dims[2] > 1 ? "3D" : "2D") + " mask");
		final Work t = new Work(mask, dims);
		int changed;
		long removed = 0;
		do {
			changed = 0;
			for (final int dOff : t.dirs) {
				progress.checkCancelled();
				final int c = t.sweep(dOff);
				changed += c;
				removed += c;
				progress.progress(Math.min(removed, t.n), t.n);
			}
		} while (changed > 0);
		return t.unpad(mask.length);
	}

	/**
	 * State of one thinning run: the padded volume (0 background, 1 interior, 2 border voxel on the active
	 * list), the active border voxels and the candidate buffer. Split into short methods so that the JIT
	 * compiles each loop quickly.
	 */
	private static final class Work {
		final int w, h, d, W, H, zOff, n;
		final byte[] v;
		final int[] off = new int[27], nbPos, dirs;
		int[] active, cand;
		int nActive;

		Work(final byte[] mask, final int[] dims) {
			w = dims[0];
			h = dims[1];
			d = dims.length == 3 ? dims[2] : 1;
			final boolean is3D = d > 1;
			W = w + 2;
			H = h + 2;
			zOff = is3D ? 1 : 0;
			v = new byte[Math.multiplyExact(Math.multiplyExact(W, H), is3D ? d + 2 : 1)];
			for (int dz = -1; dz <= 1; dz++)
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++)
						off[(dz + 1) * 9 + (dy + 1) * 3 + dx + 1] = dx + W * (dy + H * dz);
			// neighbourhood positions actually read (26 in 3D, the 8 in-plane ones in 2D)
			nbPos = neighbourPositions(is3D);
			dirs = is3D ? new int[] { -W, W, 1, -1, W * H, -W * H } : new int[] { -W, W, 1, -1 };
			n = pad(mask);
			border();
			cand = new int[Math.max(16, nActive)];
		}

		private int pad(final byte[] mask) {
			int c = 0;
			for (int z = 0; z < d; z++)
				for (int y = 0; y < h; y++) {
					final int src = w * (y + h * z);
					final int dst = 1 + W * (y + 1 + H * (z + zOff));
					for (int x = 0; x < w; x++)
						if (mask[src + x] != 0) {
							v[dst + x] = 1;
							c++;
						}
				}
			return c;
		}

		/** The initial active list: foreground voxels with a 6- (4-) neighbour in the background. */
		private void border() {
			active = new int[Math.max(16, n / 4)];
			for (int i = 0; i < v.length; i++)
				if (v[i] != 0 && touchesBackground(i)) {
					push(i);
					v[i] = 2;
				}
		}

		private boolean touchesBackground(final int i) {
			for (final int o : dirs)
				if (v[i + o] == 0) return true;
			return false;
		}

		private void push(final int p) {
			if (nActive == active.length) active = Arrays.copyOf(active, grow(active.length, n));
			active[nActive++] = p;
		}

		/**
		 * One sub-iteration for border direction {@code dOff}: collects the removable border voxels open in
		 * that direction, then deletes those still removable one after another (sequential re-check).
		 *
		 * @return number of deleted voxels
		 */
		int sweep(final int dOff) {
			int nc = 0;
			for (int a = 0; a < nActive; a++) {
				final int p = active[a];
				if (v[p + dOff] != 0) continue;
				if (removable(gather(v, p, off, nbPos))) {
					if (nc == cand.length) cand = Arrays.copyOf(cand, grow(cand.length, n));
					cand[nc++] = p;
				}
			}
			int changed = 0;
			for (int c = 0; c < nc; c++) {
				final int p = cand[c];
				if (!removable(gather(v, p, off, nbPos))) continue;
				v[p] = 0;
				changed++;
				activateNeighbours(p);
			}
			if (nc > 0) compact();
			return changed;
		}

		private void activateNeighbours(final int p) {
			for (final int o : dirs) {
				final int q = p + o;
				if (v[q] == 1) {
					v[q] = 2;
					push(q);
				}
			}
		}

		private void compact() {
			int k = 0;
			for (int a = 0; a < nActive; a++)
				if (v[active[a]] != 0) active[k++] = active[a];
			nActive = k;
		}

		byte[] unpad(final int length) {
			final byte[] out = new byte[length];
			for (int z = 0; z < d; z++)
				for (int y = 0; y < h; y++) {
					final int dst = w * (y + h * z);
					final int src = 1 + W * (y + 1 + H * (z + zOff));
					for (int x = 0; x < w; x++)
						if (v[src + x] != 0) out[dst + x] = 1;
				}
			return out;
		}
	}

	/**
	 * Thins an imglib2 mask (any non-zero value = foreground), see {@link #thin(byte[], int[])}.
	 *
	 * @return a new 0/255 unsigned-byte image of the same dimensions
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> thin(final RandomAccessibleInterval<? extends RealType<?>> mask) {
		final int[] dims = Pixels.dims(mask);
		return Pixels.maskImage(thin(Pixels.mask(mask), dims), dims);
	}

	/**
	 * Whether the centre of a 3×3×3 neighbourhood may be deleted: it is foreground, not an end point,
	 * Euler invariant and simple.
	 *
	 * @param bits bit k set iff neighbour k = (dz+1)·9 + (dy+1)·3 + (dx+1) is foreground (bit 13 = centre)
	 */
	static boolean removable(final int bits) {
		final int nb = bits & ~(1 << CENTER);
		if (Integer.bitCount(nb) <= 1) return false; // end point or isolated voxel
		return eulerInvariant(nb) && oneComponent(nb);
	}

	/** {@code Σ_oct EULER_LUT == 0}: deleting the centre keeps the Euler characteristic. */
	static boolean eulerInvariant(final int nb) {
		int sum = 0;
		for (final int[] oct : OCTANTS) {
			int c = 0;
			for (int j = 0; j < 7; j++)
				c |= ((nb >>> oct[j]) & 1) << j;
			sum += EULER_LUT[c];
		}
		return sum == 0;
	}

	/** Whether the set neighbours (centre excluded) form exactly one 26-connected component. */
	static boolean oneComponent(final int nb) {
		if (nb == 0) return false;
		int comp = Integer.lowestOneBit(nb);
		int done = 0;
		while (true) {
			final int todo = comp & ~done;
			if (todo == 0) break;
			final int k = Integer.numberOfTrailingZeros(todo);
			done |= 1 << k;
			comp |= ADJ[k] & nb;
		}
		return comp == nb;
	}

	private static int gather(final byte[] v, final int p, final int[] off, final int[] nbPos) {
		int bits = 0;
		for (final int k : nbPos)
			if (v[p + off[k]] != 0) bits |= 1 << k;
		return bits;
	}

	private static int[] neighbourPositions(final boolean is3D) {
		final int[] pos = new int[is3D ? 26 : 8];
		int i = 0;
		for (int k = 0; k < 27; k++) {
			if (k == CENTER) continue;
			if (!is3D && k / 9 != 1) continue;
			pos[i++] = k;
		}
		return pos;
	}

	private static int grow(final int len, final int max) {
		return (int) Math.min(Math.max(16L, 2L * len), Math.max(max, len + 1L));
	}

	private static int pos(final int dx, final int dy, final int dz) {
		return (dz + 1) * 9 + (dy + 1) * 3 + dx + 1;
	}

	private static int[][] octants() {
		final int[][] o = new int[8][];
		int i = 0;
		for (int sz = -1; sz <= 1; sz += 2)
			for (int sy = -1; sy <= 1; sy += 2)
				for (int sx = -1; sx <= 1; sx += 2)
					o[i++] = new int[] { pos(sx, 0, 0), pos(0, sy, 0), pos(0, 0, sz), pos(sx, sy, 0), pos(sx, 0, sz),
						pos(0, sy, sz), pos(sx, sy, sz) };
		return o;
	}

	/**
	 * 8·Δχ of one octant when the centre is deleted; bits: 0 x-face, 1 y-face, 2 z-face neighbour,
	 * 3 xy-, 4 xz-, 5 yz-edge neighbour, 6 corner neighbour.
	 */
	private static int[] eulerTable() {
		final int[] lut = new int[128];
		for (int c = 0; c < 128; c++) {
			final boolean fx = (c & 1) != 0, fy = (c & 2) != 0, fz = (c & 4) != 0;
			final boolean exy = (c & 8) != 0, exz = (c & 16) != 0, eyz = (c & 32) != 0;
			final int cornerLost = c == 0 ? 1 : 0;
			// edge of p parallel to x is shared with the voxels having dx = 0: fy, fz, eyz
			final int edgesLost = (!fy && !fz && !eyz ? 1 : 0) + (!fx && !fz && !exz ? 1 : 0) + (!fx && !fy && !exy ? 1 : 0);
			final int facesLost = (!fx ? 1 : 0) + (!fy ? 1 : 0) + (!fz ? 1 : 0);
			lut[c] = -8 * cornerLost + 4 * edgesLost - 2 * facesLost + 1;
		}
		return lut;
	}

	private static int[] adjacency() {
		final int[] adj = new int[27];
		for (int k = 0; k < 27; k++) {
			if (k == CENTER) continue;
			final int kx = k % 3, ky = (k / 3) % 3, kz = k / 9;
			for (int j = 0; j < 27; j++) {
				if (j == CENTER || j == k) continue;
				if (Math.abs(j % 3 - kx) <= 1 && Math.abs((j / 3) % 3 - ky) <= 1 && Math.abs(j / 9 - kz) <= 1) adj[k] |= 1 << j;
			}
		}
		return adj;
	}

	static void checkDims(final byte[] mask, final int[] dims) {
		if (mask == null || dims == null) throw new IllegalArgumentException("mask and dims must not be null");
		if (dims.length != 2 && dims.length != 3)
			throw new IllegalArgumentException("dims must have 2 or 3 entries, got " + dims.length);
		long size = 1;
		for (final int dd : dims) {
			if (dd < 1) throw new IllegalArgumentException("dims must be positive: " + Arrays.toString(dims));
			size *= dd;
		}
		if (size != mask.length)
			throw new IllegalArgumentException("mask length " + mask.length + " does not match dims " + Arrays.toString(dims));
	}
}
