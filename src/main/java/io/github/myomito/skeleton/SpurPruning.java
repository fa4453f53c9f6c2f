package io.github.myomito.skeleton;

import io.github.myomito.math.SymmetricEigen;
import java.util.Arrays;
import java.util.List;

/**
 * Removes thinning spurs: end branches that are artefacts of a thick object's boundary rather than real
 * mitochondrial branches, and reduces the skeletons of round objects to a point.
 * <ul>
 * <li><b>Junction spurs.</b> An end branch (one end point, one junction) is a spur when the ball at its tip
 * protrudes by at most {@value #PROTRUSION_PX} pixels beyond the maximal inscribed ball of its junction:
 * {@code ℓ + r_end − r_junction ≤ 2·s̄}, with ℓ the branch's smoothed length, r the distance to the background
 * (largest over the junction's voxels; at the end voxel) and s̄ the mean in-plane pixel size. This is the
 * significance measure of a medial-axis branch by how much of the shape it adds beyond its parent's ball (D.
 * Shaked and A. M. Bruckstein, "Pruning medial axes", Computer Vision and Image Understanding 69(2):156–169,
 * 1998, doi:10.1006/cviu.1997.0598), with the limit in pixels because thinning spurs come from boundary
 * irregularities of about one pixel. A real side arm protrudes by at least its length from the junction centre
 * plus its radius minus the junction's radius (≥ 5 px for the shortest arms the simulator draws), a spur by
 * 1–2 px. The skeleton of a blurred arm, however, stops short of the arm's end (see
 * {@code io.github.myomito.network.EndCorrection}), so that short real arms of a blurred image protrude by as
 * little as 0.7 px. When the free ends are corrected for the PSF, the protrusion is measured to the corrected
 * end, {@code ℓ + c + r_end − r_junction}, and a spur is a branch that protrudes at most
 * {@value #CORRECTED_PROTRUSION_PX} px: on the simulator's phantoms (glycolytic, fission, swollen and lattice
 * patterns, 10 noisy seeds each) thinning spurs reach at most 0.13 px this way, real branches at least 0.66 px.</li>
 * <li><b>Round objects.</b> An isolated branch (both ends free) is the medial axis of a rod only if its
 * object is elongated. With the object labels, the elongation is {@code √(λ₁/λ₂)} of the second central
 * moments of the object's voxels (λ₁ ≥ λ₂ the two largest eigenvalues: the axis ratio of the equivalent
 * ellipse / ellipsoid, R. Haralick and L. Shapiro, <i>Computer and Robot Vision</i> vol. 1, §10.1, 1992),
 * each voxel taken as a box (it adds its own variance s²/12 per axis, which keeps objects of a few pixels from
 * looking elongated) and, when an intensity image is given, weighted by its height above the segmentation
 * threshold {@code max(ε, I − T)}, so that a noisy, ragged boundary counts little and the bright core
 * decides. A branch of an object with elongation below {@value #ROD_ELONGATION} is reduced to its middle
 * voxel, a punctum. On the simulator's phantoms (PSF σ 0.12 µm; glycolytic, fission and swollen patterns,
 * 10 seeds each) the intensity-weighted elongation of true puncta is at most 1.35 without noise and 1.44 with
 * the default noise, that of true rods (down to the shortest drawn, centre line 3 radii + 2 px) at least 2.07
 * without noise (one noisy rod in ~700 falls to 1.44); 1.7 lies in the middle of the noise-free gap, and every
 * value from 1.6 to 2.0 gives the same counts on the noisy phantoms. Without labels, the branch is reduced
 * when its length does not exceed {@code factor · (r − s̄/2)} (r: the largest distance to the background along
 * it; the boundary lies half a pixel beyond the last pixel centre).</li>
 * </ul>
 * No object disappears and loops are untouched. When a spur was removed, the skeleton is thinned again
 * ({@link Thinning#thin}): the junction the spur left may hold voxels that have become simple, a one-voxel
 * bump (a junction of degree 2) or the corner of a three-voxel triangle (which the graph would count as a loop
 * around no hole). The result is a thinner skeleton to be analysed again.
 */
public final class SpurPruning {

	/** Objects with an isolated skeleton branch and an elongation below this are puncta (see the class notes). */
	public static final double ROD_ELONGATION = 1.7;

	/** Largest protrusion of a junction spur's tip ball beyond the junction's ball, in pixels. */
	public static final double PROTRUSION_PX = 2;

	/** Largest protrusion, in pixels, of a junction spur whose free end is corrected for the blur. */
	public static final double CORRECTED_PROTRUSION_PX = 0.5;

	private SpurPruning() {}

	/**
	 * Prunes junction spurs, and isolated branches by the radius rule (no object labels).
	 *
	 * @param skeleton the skeleton (not modified)
	 * @param graph its graph
	 * @param radius distance to background per voxel (same units as the graph's lengths), e.g.
	 *            {@code DistanceTransform.distance(mask, dims, spacing, false)}
	 * @param factor isolated-branch length limit in units of the local radius (e.g. 1.5)
	 * @return a new skeleton without the spurs (the same array contents when there are none)
	 */
	public static byte[] prune(final byte[] skeleton, final SkeletonGraph graph, final float[] radius, final double factor) {
		return prune(skeleton, graph, radius, factor, null, 0);
	}

	/**
	 * Prunes junction spurs and judges isolated branches by their object's elongation.
	 *
	 * @param labels object label per voxel (1..count, 0 background) of the mask the skeleton was thinned
	 *            from, or null for the radius rule
	 * @param count number of labels
	 * @see #prune(byte[], SkeletonGraph, float[], double)
	 */
	public static byte[] prune(final byte[] skeleton, final SkeletonGraph graph, final float[] radius, final double factor, final int[] labels,
		final int count) {
		return prune(skeleton, graph, radius, factor, labels, count, null, 0);
	}

	/**
	 * As {@link #prune(byte[], SkeletonGraph, float[], double, int[], int)}, with the elongation of each object
	 * weighted by the intensity above the threshold (see the class notes).
	 *
	 * @param intensity the image the mask was thresholded from (e.g. the segmentation's enhanced image), or null
	 *            for unweighted moments
	 * @param threshold the threshold applied to it (foreground = intensity &gt; threshold)
	 */
	public static byte[] prune(final byte[] skeleton, final SkeletonGraph graph, final float[] radius, final double factor, final int[] labels,
		final int count, final float[] intensity, final double threshold) {
		return prune(skeleton, graph, radius, factor, labels, count, intensity, threshold, null);
	}

	/**
	 * As {@link #prune(byte[], SkeletonGraph, float[], double, int[], int, float[], double)}, with each end
	 * branch's free end corrected for the blur ({@code io.github.myomito.network.EndCorrection}): a junction
	 * spur is then a branch whose corrected protrusion {@code ℓ + c + r_end − r_junction} is at most
	 * {@value #CORRECTED_PROTRUSION_PX} px (see the class notes).
	 *
	 * @param endCorrection per edge of {@code graph}, the length its free end is corrected by (same units as the
	 *            graph's lengths), or null for the uncorrected {@value #PROTRUSION_PX}-pixel rule
	 */
	public static byte[] prune(final byte[] skeleton, final SkeletonGraph graph, final float[] radius, final double factor, final int[] labels,
		final int count, final float[] intensity, final double threshold, final double[] endCorrection) {
		final double[] elongation = labels == null ? null : elongations(labels, count, graph.dims(), graph.spacing(), intensity, threshold);
		return prune(skeleton, graph, radius, factor, labels == null ? null : i -> labels[i], elongation, endCorrection);
	}

	/**
	 * The pruning with the objects given by their elongations, computed beforehand (e.g. on the image's own grid
	 * for a skeleton on a resampled one, {@link ZUpsampling}).
	 *
	 * @param labelAt the object label (1..) at a voxel of the graph's grid, or null for the radius rule
	 * @param elongation per label, {@link #elongations(int[], int, int[], double[], float[], double)}; null for the radius rule
	 * @param endCorrection as in {@link #prune(byte[], SkeletonGraph, float[], double, int[], int, float[], double, double[])}
	 * @return a new skeleton without the spurs
	 */
	public static byte[] prune(final byte[] skeleton, final SkeletonGraph graph, final float[] radius, final double factor,
		final java.util.function.IntUnaryOperator labelAt, final double[] elongation, final double[] endCorrection) {
		if (endCorrection != null && endCorrection.length != graph.edges().size())
			throw new IllegalArgumentException("endCorrection has " + endCorrection.length + " values for " + graph.edges().size() + " branches");
		final double limitPx = endCorrection == null ? PROTRUSION_PX : CORRECTED_PROTRUSION_PX;
		final byte[] out = skeleton.clone();
		final double[] sp = graph.spacing();
		final double half = (sp[0] + sp[1]) / 4;
		final List<SkeletonGraph.Vertex> vs = graph.vertices();
		boolean spur = false;
		for (final SkeletonGraph.Edge e : graph.edges()) {
			if (e.isIsolatedLoop() || e.vertexA() == e.vertexB()) continue;
			final SkeletonGraph.Vertex a = vs.get(e.vertexA()), b = vs.get(e.vertexB());
			final boolean aEnd = a.type() == SkeletonGraph.VertexType.END_POINT, bEnd = b.type() == SkeletonGraph.VertexType.END_POINT;
			final int n = e.pathLength();
			if (aEnd && bEnd) {
				if (round(e, radius, factor, half, labelAt == null ? null : elongation, labelAt)) {
					for (int i = 0; i < n; i++) out[e.pathVoxel(i)] = 0;
					out[e.pathVoxel(n / 2)] = 1;
				}
				continue;
			}
			if (aEnd == bEnd) continue;
			final SkeletonGraph.Vertex junction = aEnd ? b : a;
			final int[] keep = junction.voxels(); // ascending
			double r = 0;
			for (final int v : keep) r = Math.max(r, radius[v]);
			final float rEnd = radius[aEnd ? e.pathVoxel(0) : e.pathVoxel(n - 1)];
			if (e.smoothedLength() + (endCorrection == null ? 0 : endCorrection[e.id()]) + rEnd - r > limitPx * 2 * half) continue;
			for (int i = 0; i < n; i++)
				if (Arrays.binarySearch(keep, e.pathVoxel(i)) < 0) {
					out[e.pathVoxel(i)] = 0;
					spur = true;
				}
		}
		// the junction a spur left may hold voxels that have become simple (a one-voxel bump, the corner of a
		// three-voxel triangle that the graph would count as a loop around no hole): thinning again removes
		// them and nothing else, since everything else was already thin; end points stay
		return spur ? Thinning.thin(out, graph.dims()) : out;
	}


	private static boolean round(final SkeletonGraph.Edge e, final float[] radius, final double factor, final double half, final double[] elongation,
		final java.util.function.IntUnaryOperator labelAt) {
		if (elongation != null) {
			final int l = labelAt.applyAsInt(e.pathVoxel(0));
			if (l > 0) return elongation[l] < ROD_ELONGATION;
		}
		double r = 0;
		for (int i = 0; i < e.pathLength(); i++) r = Math.max(r, radius[e.pathVoxel(i)]);
		return e.smoothedLength() <= factor * (r - half);
	}

	/**
	 * @return per label, {@code √(λ₁/λ₂)} of the covariance of its voxel positions in µm plus the voxel-box
	 *         variance (1 for a single voxel)
	 */
	static double[] elongations(final int[] labels, final int count, final int[] dims, final double[] sp) {
		return elongations(labels, count, dims, sp, null, 0);
	}

	/**
	 * The elongation of each object that decides whether an isolated branch is a rod (see the class notes).
	 *
	 * @param labels object label per voxel (1..count, 0 background)
	 * @param count number of labels
	 * @param dims the labels' size
	 * @param sp the spacing in which positions are measured (µm per voxel)
	 * @param weights intensity per voxel, or null (every voxel weighs 1)
	 * @param base the weight of a voxel is {@code max(1e-6, weights[i] − base)}
	 * @return per label, {@code √(λ₁/λ₂)} of the weighted covariance of its voxel positions in µm plus the
	 *         voxel-box variance (1 for a single voxel)
	 */
	public static double[] elongations(final int[] labels, final int count, final int[] dims, final double[] sp, final float[] weights, final double base) {
		final int nd = dims.length, w = dims[0], h = dims[1];
		final long[] n = new long[count + 1];
		final double[] wt = new double[count + 1];
		final double[][] m = new double[count + 1][nd + nd * (nd + 1) / 2]; // Σx, Σy[, Σz], Σxx, Σxy[, Σxz], Σyy[, Σyz, Σzz]
		for (int i = 0; i < labels.length; i++) {
			final int l = labels[i];
			if (l <= 0) continue;
			final double x = (i % w) * sp[0], y = ((i / w) % h) * sp[1], z = nd == 3 ? (i / (w * h)) * sp[2] : 0;
			final double[] s = m[l];
			final double q = weights == null ? 1 : Math.max(1e-6, weights[i] - base);
			n[l]++;
			wt[l] += q;
			s[0] += q * x;
			s[1] += q * y;
			if (nd == 2) {
				s[2] += q * x * x;
				s[3] += q * x * y;
				s[4] += q * y * y;
			} else {
				s[2] += q * z;
				s[3] += q * x * x;
				s[4] += q * x * y;
				s[5] += q * x * z;
				s[6] += q * y * y;
				s[7] += q * y * z;
				s[8] += q * z * z;
			}
		}
		// each voxel is a box of sides s_i, not a point: its own variance s_i²/12 per axis
		final double[] px = new double[3];
		for (int i = 0; i < nd; i++) px[i] = sp[i] * sp[i] / 12;
		final double[] out = new double[count + 1];
		for (int l = 1; l <= count; l++) {
			if (n[l] <= 1) {
				out[l] = 1;
				continue;
			}
			final double k = wt[l];
			final double[] s = m[l];
			final double[] ev;
			if (nd == 2) {
				final double mx = s[0] / k, my = s[1] / k;
				ev = SymmetricEigen.values(new double[] { s[2] / k - mx * mx + px[0], s[3] / k - mx * my, s[3] / k - mx * my, s[4] / k - my * my + px[1] }, 2);
			} else {
				final double mx = s[0] / k, my = s[1] / k, mz = s[2] / k;
				final double xx = s[3] / k - mx * mx, xy = s[4] / k - mx * my, xz = s[5] / k - mx * mz, yy = s[6] / k - my * my,
					yz = s[7] / k - my * mz, zz = s[8] / k - mz * mz;
				ev = SymmetricEigen.values(new double[] { xx + px[0], xy, xz, xy, yy + px[1], yz, xz, yz, zz + px[2] }, 3);
			}
			out[l] = ev[1] <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(Math.max(0, ev[0]) / ev[1]);
		}
		return out;
	}
}
