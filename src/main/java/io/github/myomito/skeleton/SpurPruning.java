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
 * 1–2 px.</li>
 * <li><b>Round objects.</b> An isolated branch (both ends free) is the medial axis of a rod only if its
 * object is elongated. With the object labels, the elongation is {@code √(λ₁/λ₂)} of the second central
 * moments of the object's voxels taken as boxes (each voxel adds its own variance s²/12 per axis, which keeps
 * objects of a few pixels from looking elongated; λ₁ ≥ λ₂ the two largest eigenvalues, i.e. the axis ratio of
 * the equivalent ellipse / ellipsoid, R. Haralick and L. Shapiro, <i>Computer and Robot Vision</i> vol. 1,
 * §10.1, 1992); a branch of an object with elongation below {@value #ROD_ELONGATION} is reduced to its middle
 * voxel, a punctum. On the simulator's noise-free phantoms (PSF σ 0.12 µm; glycolytic, fission and swollen
 * patterns, 10 seeds each) true puncta reach an elongation of at most 1.55 and true rods (down to the shortest
 * drawn, centre line 3 radii + 2 px) at least 1.67, so 1.6 separates them; with photon and read noise the two
 * ranges overlap (puncta up to 2.0, rods down to 1.46), and some puncta are then called rods. Without labels, the branch is reduced
 * when its length does not exceed {@code factor · (r − s̄/2)} (r: the largest distance to the background along
 * it; the boundary lies half a pixel beyond the last pixel centre).</li>
 * </ul>
 * No object disappears and loops are untouched. The result is a thinner skeleton to be analysed again.
 */
public final class SpurPruning {

	/** Objects with an isolated skeleton branch and an elongation below this are puncta (see the class notes). */
	public static final double ROD_ELONGATION = 1.6;

	/** Largest protrusion of a junction spur's tip ball beyond the junction's ball, in pixels. */
	public static final double PROTRUSION_PX = 2;

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
		final byte[] out = skeleton.clone();
		final double[] sp = graph.spacing();
		final double half = (sp[0] + sp[1]) / 4;
		final double[] elongation = labels == null ? null : elongations(labels, count, graph.dims(), sp);
		final List<SkeletonGraph.Vertex> vs = graph.vertices();
		for (final SkeletonGraph.Edge e : graph.edges()) {
			if (e.isIsolatedLoop() || e.vertexA() == e.vertexB()) continue;
			final SkeletonGraph.Vertex a = vs.get(e.vertexA()), b = vs.get(e.vertexB());
			final boolean aEnd = a.type() == SkeletonGraph.VertexType.END_POINT, bEnd = b.type() == SkeletonGraph.VertexType.END_POINT;
			final int n = e.pathLength();
			if (aEnd && bEnd) {
				if (round(e, radius, factor, half, elongation, labels)) {
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
			if (e.smoothedLength() + rEnd - r > PROTRUSION_PX * 2 * half) continue;
			for (int i = 0; i < n; i++)
				if (Arrays.binarySearch(keep, e.pathVoxel(i)) < 0) out[e.pathVoxel(i)] = 0;
		}
		return out;
	}

	private static boolean round(final SkeletonGraph.Edge e, final float[] radius, final double factor, final double half, final double[] elongation,
		final int[] labels) {
		if (elongation != null) {
			final int l = labels[e.pathVoxel(0)];
			if (l > 0) return elongation[l] < ROD_ELONGATION;
		}
		double r = 0;
		for (int i = 0; i < e.pathLength(); i++) r = Math.max(r, radius[e.pathVoxel(i)]);
		return e.smoothedLength() <= factor * (r - half);
	}

	/**
	 * @return per label, {@code √(λ₁/λ₂)} of the covariance of its voxel positions in µm (∞ for a degenerate
	 *         object whose λ₂ is 0, e.g. a one-voxel-wide line; 1 for a single voxel)
	 */
	static double[] elongations(final int[] labels, final int count, final int[] dims, final double[] sp) {
		final int nd = dims.length, w = dims[0], h = dims[1];
		final long[] n = new long[count + 1];
		final double[][] m = new double[count + 1][nd + nd * (nd + 1) / 2]; // Σx, Σy[, Σz], Σxx, Σxy[, Σxz], Σyy[, Σyz, Σzz]
		for (int i = 0; i < labels.length; i++) {
			final int l = labels[i];
			if (l <= 0) continue;
			final double x = (i % w) * sp[0], y = ((i / w) % h) * sp[1], z = nd == 3 ? (i / (w * h)) * sp[2] : 0;
			final double[] s = m[l];
			n[l]++;
			s[0] += x;
			s[1] += y;
			if (nd == 2) {
				s[2] += x * x;
				s[3] += x * y;
				s[4] += y * y;
			} else {
				s[2] += z;
				s[3] += x * x;
				s[4] += x * y;
				s[5] += x * z;
				s[6] += y * y;
				s[7] += y * z;
				s[8] += z * z;
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
			final double k = n[l];
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
