package io.github.myomito.coloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.myomito.math.Selection;
import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.segment.Gauss;

/**
 * Object-based LC3 puncta detection in 2D or 3D.
 * <ol>
 * <li>Difference of Gaussians {@code D = G_σ1 * I − G_σ2 * I} with {@code σ1 = r/√d} µm (the scale at which
 * the normalised Laplacian of a blob of radius r peaks, T. Lindeberg, Int J Comput Vis 30:79–116, 1998,
 * doi:10.1023/A:1008045108935) and {@code σ2 = 1.6·σ1}, the ratio at which DoG approximates the
 * Laplacian of Gaussian (D. Marr and E. Hildreth, Proc R Soc Lond B 207:187–217, 1980,
 * doi:10.1098/rspb.1980.0020); σ converted to pixels per axis with the spacing ({@link Gauss}).</li>
 * <li>Threshold: {@code t = median(D) + k·1.4826·MAD(D)} over the region pixels (the robust noise
 * estimate, 1.4826·MAD = σ for Gaussian noise), or the user's absolute DoG threshold.</li>
 * <li>Candidates: region pixels with {@code D > t} that are local maxima in their 3^d neighbourhood
 * ({@code D ≥} every neighbour and {@code D >} every neighbour earlier in flat order, so a plateau
 * yields one maximum).</li>
 * <li>Optional minimum separation: candidates in order of decreasing D are accepted unless within
 * {@code minSeparationUm} of an accepted one.</li>
 * <li>Measurement: the punctum's pixels are those 3^d-connected to the peak with {@code D ≥ D(peak)/2}
 * and within {@code 2r} µm of the peak (breadth-first, explicit queue); size = count × pixel measure;
 * position = D-weighted centroid of those pixels.</li>
 * </ol>
 * Mitochondrial context ({@link #annotate}): on mitochondria when the mask is set at the peak or covers
 * ≥ 50 % of the punctum's pixels; distance from the peak to the nearest mitochondrial pixel with the
 * exact anisotropic {@link DistanceTransform} (0 when on mitochondria); label = the label at the peak,
 * else the most frequent non-zero label among the punctum's pixels (smallest on ties), 0 when off.
 */
public final class PunctaDetector {

	private PunctaDetector() {}

	/**
	 * Detects puncta (not yet annotated with mitochondria).
	 *
	 * @param lc3 LC3 channel, flat order
	 * @param dims 2 or 3 axes
	 * @param spacing µm per pixel per axis
	 * @param s settings
	 * @param regionMaskOrNull maxima are searched (and the threshold estimated) only where non-zero;
	 *            {@code null} = whole image
	 * @return puncta in order of decreasing DoG response, ids 1..n; unmodifiable
	 */
	public static List<Punctum> detect(final float[] lc3, final int[] dims, final double[] spacing, final PunctaSettings s,
		final byte[] regionMaskOrNull) {
		if (lc3 == null) throw new IllegalArgumentException("LC3 image must not be null");
		final int size = PixelColocalisation.checkDims(dims, spacing);
		if (lc3.length != size) throw new IllegalArgumentException("LC3 length " + lc3.length + " does not match dims (" + size + " pixels)");
		if (regionMaskOrNull != null && regionMaskOrNull.length != size)
			throw new IllegalArgumentException("region mask length " + regionMaskOrNull.length + " does not match dims (" + size + " pixels)");
		if (s == null) throw new IllegalArgumentException("puncta settings must not be null");
		for (final float v : lc3)
			if (!Float.isFinite(v)) throw new IllegalArgumentException("LC3 image contains NaN or infinite values");
		final float[] dog = differenceOfGaussians(lc3, dims, spacing, s);
		final double thr = Double.isNaN(s.absoluteThreshold()) ? robustThreshold(dog, regionMaskOrNull, s.k()) : s.absoluteThreshold();
		final Grid grid = new Grid(dims);
		final long[] key = maxima(dog, grid, thr, regionMaskOrNull);
		final int nd = dims.length;
		final double minSep2 = s.minSeparationUm() * s.minSeparationUm();
		final List<int[]> acceptedCoords = new ArrayList<>();
		final List<Punctum> out = new ArrayList<>();
		final Region region = new Region(size);
		final double pixelMeasure = measure(spacing);
		final double r2 = 4 * s.radiusUm() * s.radiusUm();
		for (final long k : key) {
			final int peak = (int) (k & 0xFFFFFFFFL);
			final int[] pc = grid.coords(peak, new int[nd]);
			if (minSep2 > 0) {
				if (tooClose(pc, acceptedCoords, spacing, minSep2)) continue;
				acceptedCoords.add(pc);
			}
			final int id = out.size() + 1;
			final int[] pix = region.grow(dog, grid, peak, pc, id, spacing, r2);
			out.add(punctum(id, peak, pc, pix, lc3, dog, grid, spacing, pixelMeasure));
		}
		return Collections.unmodifiableList(out);
	}

	/** DoG response {@code G(σ₁) ∗ I − G(1.6·σ₁) ∗ I} with σ₁ = r/√n per axis, in pixels. */
	private static float[] differenceOfGaussians(final float[] lc3, final int[] dims, final double[] spacing, final PunctaSettings s) {
		final int nd = dims.length;
		final double[] s1 = new double[nd], s2 = new double[nd];
		for (int d = 0; d < nd; d++) {
			s1[d] = s.radiusUm() / Math.sqrt(nd) / spacing[d];
			s2[d] = 1.6 * s1[d];
		}
		final float[] g1 = Gauss.smooth(lc3, dims, s1);
		final float[] dog = Gauss.smooth(lc3, dims, s2);
		for (int i = 0; i < dog.length; i++) dog[i] = g1[i] - dog[i];
		return dog;
	}

	/** Local maxima above {@code thr} in the region, as sort keys in order of decreasing response (ties: flat index). */
	private static long[] maxima(final float[] dog, final Grid grid, final double thr, final byte[] regionMaskOrNull) {
		int[] cand = new int[64];
		int nc = 0;
		final int[] c = new int[3], cn = new int[3];
		for (int i = 0; i < dog.length; i++) {
			if (!(dog[i] > thr) || (regionMaskOrNull != null && regionMaskOrNull[i] == 0)) continue;
			if (!grid.isLocalMax(dog, i, c, cn)) continue;
			if (nc == cand.length) cand = Arrays.copyOf(cand, 2 * nc);
			cand[nc++] = i;
		}
		final long[] key = new long[nc];
		for (int j = 0; j < nc; j++) key[j] = ((long) ~RankStatistics.orderBits(dog[cand[j]]) << 32) | cand[j];
		Arrays.sort(key);
		return key;
	}

	private static boolean tooClose(final int[] pc, final List<int[]> accepted, final double[] spacing, final double minSep2) {
		for (final int[] q : accepted)
			if (dist2(pc, q, spacing) < minSep2) return true;
		return false;
	}

	/** Breadth-first growth of a punctum's pixels; the stamp array is shared by all puncta of one image. */
	private static final class Region {
		final int[] stamp;
		int[] queue = new int[64];
		final int[] qc = new int[3], nb = new int[3];

		Region(final int size) {
			stamp = new int[size];
		}

		/** @return the sorted pixels with D ≥ D(peak)/2 connected to the peak within 2r of it */
		int[] grow(final float[] dog, final Grid grid, final int peak, final int[] pc, final int id, final double[] spacing, final double r2) {
			final float half = dog[peak] / 2;
			int head = 0, tail = 0;
			queue[tail++] = peak;
			stamp[peak] = id;
			while (head < tail) {
				final int p = queue[head++];
				grid.coords(p, qc);
				for (int o = 0; o < grid.nOffsets; o++) {
					if (!grid.neighbour(qc, o, nb)) continue;
					final int q = grid.index(nb);
					if (stamp[q] == id || dog[q] < half || dist2(nb, pc, spacing) > r2) continue;
					stamp[q] = id;
					if (tail == queue.length) queue = Arrays.copyOf(queue, 2 * tail);
					queue[tail++] = q;
				}
			}
			final int[] pix = Arrays.copyOf(queue, tail);
			Arrays.sort(pix);
			return pix;
		}
	}

	/** The punctum of these pixels: DoG-weighted centroid, intensities, size. */
	private static Punctum punctum(final int id, final int peak, final int[] pc, final int[] pix, final float[] lc3, final float[] dog, final Grid grid,
		final double[] spacing, final double pixelMeasure) {
		final int nd = pc.length;
		final int[] qc = new int[3];
		double w = 0, sumI = 0;
		final double[] cen = new double[nd];
		for (final int p : pix) {
			grid.coords(p, qc);
			final double wt = dog[p];
			w += wt;
			for (int d = 0; d < nd; d++) cen[d] += wt * qc[d];
			sumI += lc3[p];
		}
		final double[] um = new double[nd];
		for (int d = 0; d < nd; d++) {
			cen[d] = w > 0 ? cen[d] / w : pc[d];
			um[d] = cen[d] * spacing[d];
		}
		return new Punctum(id, peak, pc, cen, um, lc3[peak], sumI / pix.length, dog[peak], pix.length * pixelMeasure, pix, false, false, Double.NaN, 0);
	}

	/**
	 * Detects and annotates in one call: {@link #detect} then {@link #annotate}.
	 *
	 * @param mitoMask mitochondrial foreground (non-zero), required
	 * @param mitoLabelsOrNull mitochondrial object labels (0 = background) or {@code null}
	 */
	public static List<Punctum> detect(final float[] lc3, final int[] dims, final double[] spacing, final PunctaSettings s,
		final byte[] regionMaskOrNull, final byte[] mitoMask, final int[] mitoLabelsOrNull) {
		return annotate(detect(lc3, dims, spacing, s, regionMaskOrNull), mitoMask, mitoLabelsOrNull, dims, spacing);
	}

	/**
	 * Adds the mitochondrial context to puncta (rules in the class description).
	 *
	 * @param puncta puncta from {@link #detect} on an image of these dims
	 * @param mitoMask mitochondrial foreground (non-zero), required
	 * @param mitoLabelsOrNull labels (0 = background) or {@code null} (then every label is 0)
	 * @return new, annotated puncta in the same order; unmodifiable
	 */
	public static List<Punctum> annotate(final List<Punctum> puncta, final byte[] mitoMask, final int[] mitoLabelsOrNull,
		final int[] dims, final double[] spacing) {
		final int size = PixelColocalisation.checkDims(dims, spacing);
		if (puncta == null) throw new IllegalArgumentException("puncta list must not be null");
		if (mitoMask == null || mitoMask.length != size)
			throw new IllegalArgumentException("mitochondrial mask is required and must have " + size + " pixels");
		if (mitoLabelsOrNull != null && mitoLabelsOrNull.length != size)
			throw new IllegalArgumentException("mitochondrial labels length " + mitoLabelsOrNull.length + " does not match dims (" + size + " pixels)");
		final float[] dist = puncta.isEmpty() ? null : DistanceTransform.distance(mitoMask, dims, spacing, true);
		final List<Punctum> out = new ArrayList<>(puncta.size());
		for (final Punctum p : puncta) {
			final int[] pix = p.pixelsNoCopy();
			for (final int q : pix)
				if (q < 0 || q >= size) throw new IllegalArgumentException("punctum " + p.id() + " lies outside an image of these dims");
			int over = 0;
			for (final int q : pix)
				if (mitoMask[q] != 0) over++;
			final boolean on = mitoMask[p.peakIndex()] != 0 || 2 * over >= pix.length;
			final double d = on ? 0 : Float.isInfinite(dist[p.peakIndex()]) ? Double.NaN : dist[p.peakIndex()];
			int label = 0;
			if (on && mitoLabelsOrNull != null) {
				label = mitoLabelsOrNull[p.peakIndex()];
				if (label == 0) label = mostFrequentNonZero(mitoLabelsOrNull, pix);
			}
			out.add(p.annotated(on, d, label));
		}
		return Collections.unmodifiableList(out);
	}

	private static int mostFrequentNonZero(final int[] labels, final int[] pix) {
		final int[] v = new int[pix.length];
		for (int i = 0; i < pix.length; i++) v[i] = labels[pix[i]];
		Arrays.sort(v);
		int best = 0, bestCount = 0;
		for (int i = 0; i < v.length;) {
			int j = i;
			while (j < v.length && v[j] == v[i]) j++;
			if (v[i] != 0 && j - i > bestCount) {
				best = v[i];
				bestCount = j - i;
			}
			i = j;
		}
		return best;
	}

	/**
	 * {@code median + k·1.4826·MAD} of {@code v} over the region (whole array when null). The medians are
	 * found by selection ({@link #select}) instead of sorting: the same order statistics, in linear time.
	 */
	static double robustThreshold(final float[] v, final byte[] region, final double k) {
		int n = 0;
		for (int i = 0; i < v.length; i++)
			if (region == null || region[i] != 0) n++;
		if (n == 0) return Double.POSITIVE_INFINITY;
		final float[] a = new float[n];
		n = 0;
		for (int i = 0; i < v.length; i++)
			if (region == null || region[i] != 0) a[n++] = v[i];
		final double med = median(a);
		for (int i = 0; i < n; i++) a[i] = (float) Math.abs(a[i] - med);
		return med + k * 1.4826 * median(a);
	}

	/** The median of {@code a} (reordered): the middle value, or the mean of the two middle values (n even). */
	private static double median(final float[] a) {
		final int n = a.length;
		final float hi = select(a, n / 2);
		if ((n & 1) == 1) return hi;
		// after selection a[0 .. n/2 − 1] hold the n/2 smallest values: the lower middle is their maximum
		float lo = a[0];
		for (int i = 1; i < n / 2; i++) if (a[i] > lo) lo = a[i];
		return 0.5 * ((double) lo + hi);
	}

	/** The k-th smallest value of {@code a}, see {@link Selection#select(float[], int, int)}. */
	static float select(final float[] a, final int k) {
		return Selection.select(a, a.length, k);
	}


	private static double dist2(final int[] a, final int[] b, final double[] spacing) {
		double s = 0;
		for (int d = 0; d < spacing.length; d++) {
			final double t = (a[d] - b[d]) * spacing[d];
			s += t * t;
		}
		return s;
	}

	static double measure(final double[] spacing) {
		double m = 1;
		for (final double s : spacing) m *= s;
		return m;
	}

	/** Coordinates and the 3^d − 1 neighbour offsets of a 2D/3D grid. */
	private static final class Grid {
		final int[] dims;
		final int nd, nOffsets;
		final int[][] offsets;

		Grid(final int[] dims) {
			this.dims = dims;
			this.nd = dims.length;
			int total = 1;
			for (int d = 0; d < nd; d++) total *= 3;
			nOffsets = total - 1;
			offsets = new int[nOffsets][nd];
			int k = 0;
			for (int t = 0; t < total; t++) {
				int r = t;
				boolean zero = true;
				final int[] o = new int[nd];
				for (int d = 0; d < nd; d++) {
					o[d] = r % 3 - 1;
					r /= 3;
					if (o[d] != 0) zero = false;
				}
				if (!zero) offsets[k++] = o;
			}
		}

		int[] coords(final int idx, final int[] c) {
			int r = idx;
			for (int d = 0; d < nd; d++) {
				c[d] = r % dims[d];
				r /= dims[d];
			}
			return c;
		}

		int index(final int[] c) {
			int idx = 0;
			for (int d = nd - 1; d >= 0; d--) idx = idx * dims[d] + c[d];
			return idx;
		}

		boolean neighbour(final int[] c, final int o, final int[] out) {
			for (int d = 0; d < nd; d++) {
				out[d] = c[d] + offsets[o][d];
				if (out[d] < 0 || out[d] >= dims[d]) return false;
			}
			return true;
		}

		boolean isLocalMax(final float[] v, final int i, final int[] c, final int[] nb) {
			coords(i, c);
			for (int o = 0; o < nOffsets; o++) {
				if (!neighbour(c, o, nb)) continue;
				final int q = index(nb);
				if (v[q] > v[i] || (q < i && v[q] == v[i])) return false;
			}
			return true;
		}
	}
}
