package io.github.myomito.network;

import java.util.Arrays;
import java.util.List;

import io.github.myomito.skeleton.SkeletonGraph;

/**
 * PSF-aware correction of the free ends of skeleton branches (2D and 3D), so that branch lengths measure the
 * centre line of a blurred tube rather than its thinned mask.
 * <p>
 * <b>Why.</b> A threshold of a blurred tube recedes further at its ends than at its sides (the end gets
 * light from one side only), so the mask ends are blunt and thinning stops short of the centre line's end:
 * at the default confocal blur, a 1 µm rod loses about 15 % of its length. The error depends on the blur,
 * the tube radius and the threshold, so no correction from the mask alone can be right for sharp and blurred
 * images at once. This class uses the grey levels instead, with the microscope's PSF as the one outside fact.
 * <p>
 * <b>Model.</b> A tube is a capsule: the set within distance r of a segment, of uniform brightness P, seen
 * through an isotropic Gaussian PSF of standard deviation σ (the PSF's σ combined with the Gaussian
 * pre-smoothing of the measured image: σ² = σ<sub>PSF</sub>² + σ<sub>s</sub>²). With Φ the standard
 * normal distribution function and g<sub>σ</sub> the 1D Gaussian density:
 * <ul>
 * <li>across the tube, at distance d from its centre line: {@code C(d) = P [Φ((r − d)/σ) − Φ((−r − d)/σ)]};
 * the half-maximum half-width {@code w(r, σ)} solves {@code C(w) = C(0)/2}, increases with r and runs
 * from {@code σ √(2 ln 2)} (r = 0, a blurred line) to r (σ = 0);</li>
 * <li>along the centre line, at distance x beyond the end of the segment (outwards positive):
 * {@code A(x) = P [(2Φ(r/σ) − 1) Φ(−x/σ) + ∫₀^r g_σ(x − u) (2Φ(√(r² − u²)/σ) − 1) du]} (the strip up to
 * the end plus the half-disc cap); the half-maximum point {@code a(r, σ)} solves {@code A(a) = C(0)/2} and runs
 * from 0 (r = 0: a blurred line is at half its brightness exactly at its end) to r (σ = 0: the tip of the cap).</li>
 * </ul>
 * This is the error-function model of a blurred filament end used to locate microtubule tips to a few
 * nanometres (Demchouk, Gardner &amp; Odde, "Microtubule tip tracking and tip structures at the nanometer
 * scale using digital fluorescence microscopy", Cell. Mol. Bioeng. 4:192, 2011, doi:10.1007/s12195-010-0155-6),
 * extended here by the tube's radius.
 * <p>
 * <b>Measurement</b>, on the pre-smoothed intensity, per tree (skeleton component) from its branches with at
 * least one end-point vertex (a fragment's rod halves and side arms, a network's stubs):
 * <ol>
 * <li>across the branch at up to {@value #PROFILES_PER_BRANCH} evenly spaced voxels (normal from the path five
 * voxels wide): the ridge maximum within ±1.5 px, the baseline (minimum of the profile within ±W,
 * {@code W = 2·max(d) + 4σ} with d the mask's distance map on the branch), the amplitude (maximum − baseline)
 * and the half-maximum half-width; voxels within {@code max(d) + 2σ} of a junction, which sees the junction's
 * extra light, are left out when there are others;</li>
 * <li>the plateau: the voxels whose 3-voxel running mean of the amplitude along their branch is ≥
 * {@value #PLATEAU_SHARE} × the tree's largest; the tree's amplitude {@code P̂} = their median amplitude, its
 * half-width {@code ŵ} = their median half-width, its baseline the median baseline; the tube radius
 * {@code r̂ = w⁻¹(ŵ; σ)} (0 when ŵ ≤ σ√(2 ln 2)). The maximum, or the mean of the voxels at the top, is biased
 * upwards by pixel-grid and photon noise, which the axial deconvolution of stacks amplifies: with the mean of the
 * voxels whose own amplitude was ≥ 0.9 × the largest running mean, fragment lengths came out 1.2–1.3 % short in
 * 2D and 2.6–3.4 % in 3D, with this rule 0.7–0.9 % and 1.6–2.3 % (shares from 0.5 to 0.8 give within about 0.5 % of
 * the same);</li>
 * <li>at each free end: the end direction by a least-squares line through the last
 * {@value #FIT_VOXELS} path voxels; from the end voxel's projection on that line, the distance t along it
 * to where the intensity falls to baseline + P̂/2; the segment's end lies {@code a(r̂, σ)} before that
 * point, so the branch is lengthened by {@code t − a(r̂, σ)} (negative when the skeleton overshoots).</li>
 * </ol>
 * Crossings are found on the bilinearly interpolated image in steps of {@value #STEP_PX} px and refined by
 * bisection; {@code w(ρ)} and {@code a(ρ)} are tabulated once in units of σ ({@link Capsule}).
 * <p>
 * On the simulator's fragmented phantoms (10 seeds each, default noise and blur, the phantom's PSF given) the
 * total length error falls from 7–14 % short to about 1 % (docs/accuracy.md); synthetic rods of 1 and 2 µm
 * at random angles, sharp or blurred, are measured within 2 % (the unit tests).
 * <p>
 * An end whose profile does not fall to half within W (another object in the way) is left as it is; each
 * correction is clamped to [−L/2, W] for a branch of smoothed length L. Sharp images (σ → 0) reduce to the
 * familiar correction "tip of the object minus its radius". The lengths of junction-to-junction branches
 * and loops are not changed.
 * <p>
 * <b>3D.</b> The tube is a spherocylinder (all points within r of a segment) and the PSF an isotropic 3D
 * Gaussian ({@link Capsule#SOLID}: a stack deconvolved along z to its lateral blur, or one whose axial PSF is no
 * longer than the lateral one). The measurement is the same, with trilinear interpolation: the cross profiles
 * run within the slice plane, perpendicular to the branch (the normal of the branch's projection, which is
 * perpendicular to the branch itself), the end direction is the principal axis of the last voxels' 3×3 scatter
 * matrix. The graph may lie on a finer z grid than the image ({@link #corrections(SkeletonGraph, float[], int[],
 * double[], float[], double)}). Synthetic rods of 1.5 µm at random directions up to 40° out of the plane, blurred
 * isotropically, are measured within 3 % in total (the unit tests); on the simulator's deconvolved stacks the
 * fragment lengths come within 1–4 % (docs/accuracy.md).
 */
public final class EndCorrection {

	/** Path voxels of the least-squares end direction. */
	public static final int FIT_VOXELS = 7;
	/** Share of the largest running-mean amplitude of a tree that marks its plateau voxels. */
	static final double PLATEAU_SHARE = 0.7;
	/** Ridge-maximum search across the branch: ±this many tenths of a pixel. */
	private static final int RIDGE_SEARCH = 15;
	/** Coarse sampling step of crossings (refined by bisection), px. */
	public static final double STEP_PX = 0.25;
	/** Most cross profiles measured per branch (evenly spaced along it). */
	public static final int PROFILES_PER_BRANCH = 16;

	private EndCorrection() {}

	/**
	 * Per-branch length corrections of a 2D skeleton graph.
	 *
	 * @param graph the (pruned) skeleton graph
	 * @param intensity the channel the mask was made from, background not removed, smoothed with a
	 *        Gaussian of σ<sub>s</sub> (same dimensions as the graph)
	 * @param distance the mask's distance map to the background, µm
	 * @param sigmaUm effective blur σ = √(σ<sub>PSF</sub>² + σ<sub>s</sub>²), µm (&gt; 0)
	 * @return per edge id, the length to add (µm; 0 for branches without a free end); all zero for 3D graphs
	 */
	public static double[] corrections(final SkeletonGraph graph, final float[] intensity, final float[] distance, final double sigmaUm) {
		final int[] dims = graph.dims();
		if (dims.length != 2) return new double[graph.edges().size()];
		return corrections(graph, intensity, dims, graph.spacing(), distance, sigmaUm);
	}

	/**
	 * Per-branch length corrections of a 2D or 3D skeleton graph, the intensity on a grid of its own: a
	 * stack's skeleton may lie on a finer z grid than its image ({@link io.github.myomito.skeleton.ZUpsampling});
	 * both are addressed in µm. In 3D the tube is a spherocylinder and the PSF an isotropic 3D Gaussian of σ
	 * (the stack deconvolved along z to its lateral blur; see the class notes).
	 *
	 * @param graph the (pruned) skeleton graph
	 * @param intensity the smoothed channel (see {@link #corrections(SkeletonGraph, float[], float[], double)})
	 * @param intensityDims its size
	 * @param intensitySpacing its µm per voxel
	 * @param distance the mask's distance map to the background on the graph's grid, µm
	 * @param sigmaUm effective blur σ, µm (&gt; 0)
	 * @return per edge id, the length to add (µm; 0 for branches without a free end)
	 */
	public static double[] corrections(final SkeletonGraph graph, final float[] intensity, final int[] intensityDims, final double[] intensitySpacing,
		final float[] distance, final double sigmaUm) {
		final int[] dims = graph.dims();
		final double[] out = new double[graph.edges().size()];
		if (!(sigmaUm > 0) || Double.isInfinite(sigmaUm)) throw new IllegalArgumentException("blur sigma must be > 0 µm, got " + sigmaUm);
		if (intensityDims.length != dims.length || intensitySpacing.length != dims.length)
			throw new IllegalArgumentException("intensity has " + intensityDims.length + " dimensions, the graph " + dims.length);
		long voxels = 1, gridVoxels = 1;
		for (int d = 0; d < dims.length; d++) {
			voxels *= intensityDims[d];
			gridVoxels *= dims[d];
		}
		if (intensity.length != voxels || distance.length != gridVoxels)
			throw new IllegalArgumentException("intensity and distance must have " + voxels + " and " + gridVoxels + " voxels, got " + intensity.length + " and "
				+ distance.length);
		final boolean is3D = dims.length == 3 && intensityDims[2] > 1;
		final Sampler img = new Sampler(intensity, intensityDims, intensitySpacing);
		final List<SkeletonGraph.Vertex> vs = graph.vertices();
		final List<SkeletonGraph.Edge> edges = graph.edges();
		// the tube of a tree is measured on its branches with a free end (the rod halves and side arms of a
		// fragment, the stubs of a network)
		final Profiles[] tree = new Profiles[graph.trees().size()];
		final Path path = new Path(is3D);
		for (final SkeletonGraph.Edge e : edges) {
			if (e.isIsolatedLoop() || !(free(vs, e.vertexA()) || free(vs, e.vertexB()))) continue;
			if (tree[e.treeId()] == null) tree[e.treeId()] = new Profiles();
			path.load(e, vs, distance, sigmaUm);
			tree[e.treeId()].measure(img, path);
		}
		for (final SkeletonGraph.Edge e : edges) {
			if (e.isIsolatedLoop() || e.pathLength() < 2) continue;
			final boolean freeA = free(vs, e.vertexA()), freeB = free(vs, e.vertexB());
			if (!freeA && !freeB) continue;
			final Profiles p = tree[e.treeId()];
			if (!p.summarise()) continue;
			path.load(e, vs, distance, sigmaUm);
			final double a = sigmaUm * (is3D ? Capsule.SOLID : Capsule.FLAT).axialHalf(p.width / sigmaUm);
			final double level = p.base + p.peak / 2;
			final double cap = e.smoothedLength() / 2;
			double c = 0;
			if (freeA) c += endShift(img, path, 0, 1, level, a, cap);
			if (freeB) c += endShift(img, path, path.n - 1, -1, level, a, cap);
			out[e.id()] = c;
		}
		return out;
	}

	/**
	 * Blur-corrected radius of each skeleton tree's mitochondrion (2D or 3D), for the widths, footprints and
	 * volumes of {@link NetworkAnalysis}.
	 * <p>
	 * A tree with branches is a tube: its cross profiles are measured as for the end correction, but on every
	 * branch (junction-to-junction branches and loops included, voxels near junctions left out), and the radius is
	 * the capsule model's inverse {@code r̂ = σ ŵ⁻¹(ŵ/σ)} of their plateau's median half-maximum half-width ŵ
	 * (class notes). A tree without branches (a punctum) is a disc (2D) or ball (3D) of radius R: the profile
	 * through its centre is {@code B(d) = ∫_{−R}^{R} g_σ(d − u) D(√(R² − u²)) du} with D the centre share of a disc
	 * in its plane ({@code 2Φ(q/σ) − 1} in 2D, {@code 1 − e^{−q²/2σ²}} in 3D); its half-maximum half-width
	 * {@code h(R, σ) = σ ĥ(R/σ)}, measured as the mean over 8 in-plane directions from the ridge maximum near the
	 * punctum's voxel down to baseline + amplitude/2, gives {@code R̂ = σ ĥ⁻¹(h/σ)}. Both inverses are 0 below the
	 * blurred point's or line's own half-width √(2 ln 2) σ.
	 *
	 * @param graph the (pruned) skeleton graph
	 * @param intensity the smoothed channel (see {@link #corrections(SkeletonGraph, float[], float[], double)})
	 * @param intensityDims its size
	 * @param intensitySpacing its µm per voxel
	 * @param distance the mask's distance map to the background on the graph's grid, µm
	 * @param sigmaUm effective blur σ, µm (&gt; 0)
	 * @return per tree id, the radius in µm (NaN where no profile could be measured)
	 */
	public static double[] radii(final SkeletonGraph graph, final float[] intensity, final int[] intensityDims, final double[] intensitySpacing,
		final float[] distance, final double sigmaUm) {
		if (!(sigmaUm > 0) || Double.isInfinite(sigmaUm)) throw new IllegalArgumentException("blur sigma must be > 0 µm, got " + sigmaUm);
		final int[] dims = graph.dims();
		final boolean is3D = dims.length == 3 && intensityDims[2] > 1;
		final Capsule model = is3D ? Capsule.SOLID : Capsule.FLAT;
		final Sampler img = new Sampler(intensity, intensityDims, intensitySpacing);
		final List<SkeletonGraph.Vertex> vs = graph.vertices();
		final Profiles[] tree = new Profiles[graph.trees().size()];
		final Path path = new Path(is3D);
		for (final SkeletonGraph.Edge e : graph.edges()) {
			if (e.pathLength() < 1) continue;
			if (tree[e.treeId()] == null) tree[e.treeId()] = new Profiles();
			path.load(e, vs, distance, sigmaUm);
			tree[e.treeId()].measure(img, path);
		}
		final double[] out = new double[tree.length];
		Arrays.fill(out, Double.NaN);
		final boolean[] branched = new boolean[tree.length];
		for (final SkeletonGraph.Edge e : graph.edges()) branched[e.treeId()] = true;
		for (int t = 0; t < tree.length; t++)
			if (tree[t] != null && tree[t].summarise()) out[t] = sigmaUm * model.radius(tree[t].width / sigmaUm);
		for (final SkeletonGraph.Vertex v : vs) {
			final int t = v.treeId();
			if (branched[t] || !Double.isNaN(out[t])) continue;
			final double h = punctumHalfWidth(img, v, distance[v.firstVoxel()], sigmaUm, is3D);
			if (h > 0) out[t] = sigmaUm * model.ballRadius(h / sigmaUm);
		}
		return out;
	}

	/** Mean half-maximum half-width of a punctum's profile over 8 in-plane directions from its ridge maximum; NaN if none is found. */
	private static double punctumHalfWidth(final Sampler img, final SkeletonGraph.Vertex v, final double dmax, final double sigma, final boolean is3D) {
		final double px = img.pixel;
		final double z = is3D ? v.centroid(2) : 0;
		double best = Double.NEGATIVE_INFINITY, bx = 0, by = 0;
		for (int i = -RIDGE_SEARCH; i <= RIDGE_SEARCH; i++)
			for (int j = -RIDGE_SEARCH; j <= RIDGE_SEARCH; j++) {
				final double x = v.centroid(0) + i * 0.1 * px, y = v.centroid(1) + j * 0.1 * px;
				final double val = img.value(x, y, z);
				if (val > best) {
					best = val;
					bx = x;
					by = y;
				}
			}
		final double window = 2 * dmax + 4 * sigma;
		final int steps = (int) Math.ceil(window / (0.25 * px));
		double low = best;
		final double[][] dirs = new double[8][];
		for (int k = 0; k < 8; k++) dirs[k] = new double[] { Math.cos(k * Math.PI / 4), Math.sin(k * Math.PI / 4) };
		for (final double[] d : dirs)
			for (int k = 1; k <= steps; k++) low = Math.min(low, img.value(bx + k * 0.25 * px * d[0], by + k * 0.25 * px * d[1], z));
		final double amp = best - low;
		if (!(amp > 0)) return Double.NaN;
		double sum = 0;
		for (final double[] d : dirs) {
			final double c = img.crossing(bx, by, z, d[0], d[1], 0, low + amp / 2, window, false);
			if (Double.isNaN(c)) return Double.NaN;
			sum += c;
		}
		return sum / dirs.length;
	}

	private static boolean free(final List<SkeletonGraph.Vertex> vs, final int v) {
		return v >= 0 && vs.get(v).type() == SkeletonGraph.VertexType.END_POINT;
	}

	/** {@code t − a} at one free end (0 when the profile does not cross the level within the window). */
	private static double endShift(final Sampler img, final Path p, final int end, final int dir, final double level, final double a, final double cap) {
		if (p.is3D) return endShift3(img, p, end, dir, level, a, cap);
		final int k = Math.min(p.n, FIT_VOXELS);
		double mx = 0, my = 0;
		for (int j = 0; j < k; j++) {
			mx += p.x[end + dir * j];
			my += p.y[end + dir * j];
		}
		mx /= k;
		my /= k;
		double sxx = 0, sxy = 0, syy = 0;
		for (int j = 0; j < k; j++) {
			final double dx = p.x[end + dir * j] - mx, dy = p.y[end + dir * j] - my;
			sxx += dx * dx;
			sxy += dx * dy;
			syy += dy * dy;
		}
		if (sxx + syy == 0) return 0;
		// principal axis of the last voxels, pointing out of the branch
		final double theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
		double ux = Math.cos(theta), uy = Math.sin(theta);
		double proj = (p.x[end] - mx) * ux + (p.y[end] - my) * uy;
		if (proj < 0) {
			ux = -ux;
			uy = -uy;
			proj = -proj;
		}
		final double ex = mx + proj * ux, ey = my + proj * uy;
		final double t = img.value(ex, ey, 0) >= level ? img.crossing(ex, ey, 0, ux, uy, 0, level, p.window, false)
			: -img.crossing(ex, ey, 0, -ux, -uy, 0, level, p.window, true);
		if (Double.isNaN(t)) return 0;
		return Math.max(-cap, Math.min(p.window, t - a));
	}

	/** {@link #endShift} in 3D: the principal axis of the last voxels by power iteration on their 3×3 scatter matrix. */
	private static double endShift3(final Sampler img, final Path p, final int end, final int dir, final double level, final double a, final double cap) {
		final int k = Math.min(p.n, FIT_VOXELS);
		double mx = 0, my = 0, mz = 0;
		for (int j = 0; j < k; j++) {
			mx += p.x[end + dir * j];
			my += p.y[end + dir * j];
			mz += p.z[end + dir * j];
		}
		mx /= k;
		my /= k;
		mz /= k;
		double sxx = 0, sxy = 0, sxz = 0, syy = 0, syz = 0, szz = 0;
		for (int j = 0; j < k; j++) {
			final double dx = p.x[end + dir * j] - mx, dy = p.y[end + dir * j] - my, dz = p.z[end + dir * j] - mz;
			sxx += dx * dx;
			sxy += dx * dy;
			sxz += dx * dz;
			syy += dy * dy;
			syz += dy * dz;
			szz += dz * dz;
		}
		if (sxx + syy + szz == 0) return 0;
		// start from the end voxel's offset from the mean (it points out of the branch), then power iteration
		double ux = p.x[end] - mx, uy = p.y[end] - my, uz = p.z[end] - mz;
		double norm = Math.sqrt(ux * ux + uy * uy + uz * uz);
		if (norm == 0) return 0;
		ux /= norm;
		uy /= norm;
		uz /= norm;
		for (int it = 0; it < 50; it++) {
			final double vx = sxx * ux + sxy * uy + sxz * uz, vy = sxy * ux + syy * uy + syz * uz, vz = sxz * ux + syz * uy + szz * uz;
			norm = Math.sqrt(vx * vx + vy * vy + vz * vz);
			if (norm == 0) break;
			ux = vx / norm;
			uy = vy / norm;
			uz = vz / norm;
		}
		double proj = (p.x[end] - mx) * ux + (p.y[end] - my) * uy + (p.z[end] - mz) * uz;
		if (proj < 0) {
			ux = -ux;
			uy = -uy;
			uz = -uz;
			proj = -proj;
		}
		final double ex = mx + proj * ux, ey = my + proj * uy, ez = mz + proj * uz;
		final double t = img.value(ex, ey, ez) >= level ? img.crossing(ex, ey, ez, ux, uy, uz, level, p.window, false)
			: -img.crossing(ex, ey, ez, -ux, -uy, -uz, level, p.window, true);
		if (Double.isNaN(t)) return 0;
		return Math.max(-cap, Math.min(p.window, t - a));
	}

	/** The µm coordinates of one branch's path (buffers reused between branches), its profile window, and which voxels are clear of its junctions. */
	private static final class Path {
		final boolean is3D;
		double[] x = new double[16], y = new double[16], z = new double[16];
		boolean[] far = new boolean[16];
		int n;
		double window;

		Path(final boolean is3D) {
			this.is3D = is3D;
		}

		void load(final SkeletonGraph.Edge e, final List<SkeletonGraph.Vertex> vs, final float[] distance, final double sigma) {
			n = e.pathLength();
			if (x.length < n) {
				x = new double[2 * n];
				y = new double[2 * n];
				z = new double[2 * n];
				far = new boolean[2 * n];
			}
			double dmax = 0;
			for (int i = 0; i < n; i++) {
				x[i] = e.coordinate(i, 0);
				y[i] = e.coordinate(i, 1);
				z[i] = is3D ? e.coordinate(i, 2) : 0;
				dmax = Math.max(dmax, distance[e.pathVoxel(i)]);
				far[i] = true;
			}
			window = 2 * dmax + 4 * sigma;
			// voxels within dmax + 2σ of a junction end see the junction's extra light
			final double reach = dmax + 2 * sigma;
			if (!free(vs, e.vertexA())) markNear(0, 1, reach);
			if (!free(vs, e.vertexB())) markNear(n - 1, -1, reach);
		}

		private void markNear(final int end, final int dir, final double reach) {
			for (int i = end; i >= 0 && i < n; i += dir) {
				final double d = is3D ? Math.sqrt((x[i] - x[end]) * (x[i] - x[end]) + (y[i] - y[end]) * (y[i] - y[end]) + (z[i] - z[end]) * (z[i] - z[end]))
					: Math.hypot(x[i] - x[end], y[i] - y[end]);
				if (d >= reach) break;
				far[i] = false;
			}
		}
	}

	/**
	 * The cross profiles of one tree: per measured voxel its amplitude, half-width, baseline, whether it is
	 * clear of junctions, and the 3-voxel running mean of the amplitude along its branch.
	 */
	private static final class Profiles {
		double[] amplitude = new double[16], halfWidth = new double[16], baseline = new double[16], smooth = new double[16];
		boolean[] far = new boolean[16];
		int count;
		/** Median plateau amplitude, median plateau half-width and median baseline, set by {@link #summarise()}. */
		double peak, width, base;
		private boolean summarised, valid;

		void measure(final Sampler img, final Path p) {
			final int first = count;
			// at most PROFILES_PER_BRANCH voxels, evenly spaced, keep long branches cheap
			final int stride = (p.n + PROFILES_PER_BRANCH - 1) / PROFILES_PER_BRANCH;
			for (int i = 0; i < p.n; i += stride) {
				if (count == amplitude.length) grow();
				if (crossProfile(img, p, i)) far[count++] = p.far[i];
			}
			for (int i = first; i < count; i++) {
				final int lo = Math.max(first, i - 1), hi = Math.min(count - 1, i + 1);
				double s = 0;
				for (int k = lo; k <= hi; k++) s += amplitude[k];
				smooth[i] = s / (hi - lo + 1);
			}
		}

		private void grow() {
			final int c = 2 * amplitude.length;
			amplitude = Arrays.copyOf(amplitude, c);
			halfWidth = Arrays.copyOf(halfWidth, c);
			baseline = Arrays.copyOf(baseline, c);
			smooth = Arrays.copyOf(smooth, c);
			far = Arrays.copyOf(far, c);
		}

		/** Measures the profile across path voxel i into slot {@code count}; false if it has no half-maximum. */
		private boolean crossProfile(final Sampler img, final Path p, final int i) {
			final int a = Math.max(0, i - 2), b = Math.min(p.n - 1, i + 2);
			double tx = p.x[b] - p.x[a], ty = p.y[b] - p.y[a];
			final double tl = Math.hypot(tx, ty);
			final double nx, ny;
			if (tl > 0) {
				tx /= tl;
				ty /= tl;
				nx = -ty;
				ny = tx;
			}
			else if (p.is3D && p.z[b] != p.z[a]) { // a branch along z: any lateral direction is across it
				nx = 1;
				ny = 0;
			}
			else return false;
			// in 3D the profile runs across the branch within the plane (the best-sampled direction): for a branch
			// that is not in the plane it is oblique to the tube, and measures its width too wide; such branches are
			// rare in muscle fibres (z links) and have no free end in a lattice
			final double px = img.pixel;
			final double z = p.z[i];
			double best = Double.NEGATIVE_INFINITY, bo = 0;
			for (int k = -RIDGE_SEARCH; k <= RIDGE_SEARCH; k++) {
				final double o = k * 0.1 * px;
				final double v = img.value(p.x[i] + o * nx, p.y[i] + o * ny, z);
				if (v > best) {
					best = v;
					bo = o;
				}
			}
			final double cx = p.x[i] + bo * nx, cy = p.y[i] + bo * ny;
			double low = best;
			final int steps = (int) Math.ceil(p.window / (0.25 * px));
			for (int k = -steps; k <= steps; k++) {
				final double o = k * 0.25 * px;
				low = Math.min(low, img.value(cx + o * nx, cy + o * ny, z));
			}
			final double amp = best - low;
			if (!(amp > 0)) return false;
			final double level = low + amp / 2;
			final double d1 = img.crossing(cx, cy, z, nx, ny, 0, level, p.window, false), d2 = img.crossing(cx, cy, z, -nx, -ny, 0, level, p.window, false);
			if (Double.isNaN(d1) || Double.isNaN(d2)) return false;
			amplitude[count] = amp;
			halfWidth[count] = (d1 + d2) / 2;
			baseline[count] = low;
			return true;
		}

		/** Computes peak, width and base from the junction-clear voxels (all voxels if none is); false if nothing usable was measured. */
		boolean summarise() {
			if (summarised) return valid;
			summarised = true;
			if (count == 0) return false;
			boolean anyFar = false;
			for (int i = 0; i < count; i++) anyFar |= far[i];
			double maxSmooth = 0;
			for (int i = 0; i < count; i++) if (far[i] || !anyFar) maxSmooth = Math.max(maxSmooth, smooth[i]);
			// the plateau: the voxels whose running-mean amplitude is within PLATEAU_SHARE of the largest, away
			// from junctions; its median amplitude and median half-width (a maximum, or the mean of the voxels at
			// the top, is biased upwards by photon noise, which the deconvolution of stacks amplifies)
			final double[] h = new double[count], am = new double[count];
			int m = 0;
			for (int i = 0; i < count; i++)
				if ((far[i] || !anyFar) && smooth[i] >= PLATEAU_SHARE * maxSmooth) {
					h[m] = halfWidth[i];
					am[m++] = amplitude[i];
				}
			peak = median(am, m);
			width = median(h, m);
			base = median(Arrays.copyOf(baseline, count), count);
			valid = peak > 0 && width > 0;
			return valid;
		}

		/** Median of {@code v[0..m)}, which is sorted in place. */
		private static double median(final double[] v, final int m) {
			Arrays.sort(v, 0, m);
			return NetworkAnalysis.median(v, m);
		}
	}

	/** Bilinear (2D) or trilinear (3D) interpolation of an image at µm positions (edge voxels repeated outside). */
	static final class Sampler {
		private final float[] data;
		private final int w, h, d;
		private final double sx, sy, sz;
		final double pixel;

		Sampler(final float[] data, final int[] dims, final double[] spacing) {
			this.data = data;
			w = dims[0];
			h = dims[1];
			d = dims.length > 2 ? dims[2] : 1;
			sx = spacing[0];
			sy = spacing[1];
			sz = spacing.length > 2 ? spacing[2] : 1;
			pixel = Math.min(sx, sy);
		}

		double value(final double xu, final double yu, final double zu) {
			final double px = xu / sx, py = yu / sy;
			final int x0 = (int) Math.floor(px), y0 = (int) Math.floor(py);
			final double fx = px - x0, fy = py - y0;
			if (d == 1) return plane(0, x0, y0, fx, fy);
			final double pz = zu / sz;
			final int z0 = (int) Math.floor(pz);
			final double fz = pz - z0;
			final int za = Math.max(0, Math.min(d - 1, z0)), zb = Math.max(0, Math.min(d - 1, z0 + 1));
			return (1 - fz) * plane(za, x0, y0, fx, fy) + fz * plane(zb, x0, y0, fx, fy);
		}

		private double plane(final int z, final int x0, final int y0, final double fx, final double fy) {
			return (1 - fy) * ((1 - fx) * at(x0, y0, z) + fx * at(x0 + 1, y0, z)) + fy * ((1 - fx) * at(x0, y0 + 1, z) + fx * at(x0 + 1, y0 + 1, z));
		}

		private double at(final int x, final int y, final int z) {
			return data[Math.max(0, Math.min(w - 1, x)) + Math.max(0, Math.min(h - 1, y)) * w + z * w * h];
		}

		/**
		 * Distance (µm) along the unit vector (dx, dy, dz) from (x, y, z) to the first crossing of {@code level}
		 * (downwards, or upwards when {@code rising}): samples {@value #STEP_PX} px apart, then bisection to
		 * 1/1024 px on the interpolated profile; NaN if none within {@code max} µm.
		 */
		double crossing(final double x, final double y, final double z, final double dx, final double dy, final double dz, final double level, final double max,
			final boolean rising) {
			final double step = STEP_PX * pixel;
			for (int i = 1; (i - 1) * step < max; i++) {
				final double t = Math.min(i * step, max);
				final double v = value(x + t * dx, y + t * dy, z + t * dz);
				if (rising ? v >= level : v < level) {
					// the crossing lies in ((i − 1)·step, t]: bisection to 1/1024 of a pixel
					double lo = (i - 1) * step, hi = t;
					while (hi - lo > pixel / 1024) {
						final double m = (lo + hi) / 2;
						final double vm = value(x + m * dx, y + m * dy, z + m * dz);
						if (rising ? vm >= level : vm < level) hi = m;
						else lo = m;
					}
					return (lo + hi) / 2;
				}
			}
			return Double.NaN;
		}
	}

	/**
	 * The capsule model in units of σ (it is scale-free: {@code w(r, σ) = σ ŵ(r/σ)}, {@code a(r, σ) = σ â(r/σ)}),
	 * tabulated once for ρ = r/σ ∈ [0, {@value #RHO_MAX}] in steps of 1/{@value #PER_UNIT}; beyond the
	 * table the tube is sharp at its scale and {@code â = ŵ = ρ}. {@link #FLAT}: the 2D capsule (a band with
	 * half-disc caps) under a 2D Gaussian, the formulas of the class notes. {@link #SOLID}: the 3D spherocylinder
	 * under an isotropic 3D Gaussian, where a disc of radius q blurred in its plane keeps at its centre the share
	 * {@code D(q) = 1 − exp(−q²/2)} (the Rayleigh distribution function), so that
	 * {@code C₃(d) = ∫_{−ρ}^{ρ} g(d − u) (2Φ(√(ρ² − u²)) − 1) du} across and
	 * {@code A₃(x) = D(ρ) Φ(−x) + ∫₀^ρ g(x − s) D(√(ρ² − s²)) ds} along the axis beyond the end.
	 */
	static final class Capsule {
		static final double RHO_MAX = 12;
		static final int PER_UNIT = 100;
		/** The 2D model. */
		static final Capsule FLAT = new Capsule(false);
		/** The 3D model. */
		static final Capsule SOLID = new Capsule(true);
		private final boolean solid;
		private final double[] W = new double[(int) (RHO_MAX * PER_UNIT) + 1], A = new double[W.length], B = new double[W.length];

		private Capsule(final boolean solid) {
			this.solid = solid;
			for (int i = 0; i < W.length; i++) {
				final double rho = (double) i / PER_UNIT;
				W[i] = halfWidthOf(rho);
				A[i] = tipHalf(rho);
				B[i] = ballHalfWidthOf(rho);
			}
		}

		/** Standard normal distribution function, Abramowitz &amp; Stegun 7.1.26 (|error| &lt; 1.5·10⁻⁷). */
		static double phi(final double z) {
			final double x = Math.abs(z) / Math.sqrt(2);
			final double t = 1 / (1 + 0.3275911 * x);
			final double y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
			final double erfc = y * Math.exp(-x * x);
			return z >= 0 ? 1 - erfc / 2 : erfc / 2;
		}

		/** {@code C(d)/P} at σ = 1 (2D). */
		static double cross(final double d, final double rho) {
			return phi(rho - d) - phi(-rho - d);
		}

		/** The centre-line share of a disc of radius q in its plane: 2D, the chord {@code 2Φ(q) − 1}; 3D, {@code 1 − e^{−q²/2}}. */
		private double section(final double q) {
			return solid ? -Math.expm1(-0.5 * q * q) : 2 * phi(q) - 1;
		}

		/** The profile across at distance d from the centre line (σ = 1, P = 1). */
		double across(final double d, final double rho) {
			if (!solid) return cross(d, rho);
			if (rho == 0) return 0;
			return simpson(u -> Math.exp(-0.5 * (d - u) * (d - u)) * (2 * phi(Math.sqrt(Math.max(0, rho * rho - u * u))) - 1), -rho, rho) / Math.sqrt(2 * Math.PI);
		}

		/** The profile along the centre line at x beyond the end (σ = 1, P = 1). */
		double along(final double x, final double rho) {
			double v = section(rho) * phi(-x);
			if (rho > 0) v += simpson(u -> Math.exp(-0.5 * (x - u) * (x - u)) * section(Math.sqrt(Math.max(0, rho * rho - u * u))), 0, rho) / Math.sqrt(2 * Math.PI);
			return v;
		}

		/** Simpson's rule on 64 intervals. */
		private static double simpson(final java.util.function.DoubleUnaryOperator f, final double lo, final double hi) {
			final int n = 64;
			final double hh = (hi - lo) / n;
			double sum = 0;
			for (int i = 0; i <= n; i++) sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * hh);
			return sum * hh / 3;
		}

		/** {@code ŵ(ρ)}: half-maximum half-width across the tube (σ = 1); √(2 ln 2) at ρ = 0 (a blurred line, 2D or 3D). */
		double halfWidthOf(final double rho) {
			if (rho == 0) return Math.sqrt(2 * Math.log(2));
			return fallsToHalf(d -> across(d, rho), across(0, rho) / 2, 0, rho + 10);
		}

		/** The profile through the centre of a disc (2D) or ball (3D) of radius ρ at distance d (σ = 1, P = 1). */
		double ball(final double d, final double rho) {
			if (rho == 0) return 0;
			return simpson(u -> Math.exp(-0.5 * (d - u) * (d - u)) * section(Math.sqrt(Math.max(0, rho * rho - u * u))), -rho, rho) / Math.sqrt(2 * Math.PI);
		}

		/** {@code ĥ(ρ)}: half-maximum half-width of a blurred disc or ball (σ = 1); √(2 ln 2) at ρ = 0 (a blurred point). */
		double ballHalfWidthOf(final double rho) {
			if (rho == 0) return Math.sqrt(2 * Math.log(2));
			return fallsToHalf(d -> ball(d, rho), ball(0, rho) / 2, 0, rho + 10);
		}

		/** @return {@code ĥ⁻¹(h)}, a disc's or ball's radius in units of σ (0 below the blurred point's half-width) */
		double ballRadius(final double h) {
			if (!(h > B[0])) return 0;
			if (h >= B[B.length - 1]) return h;
			int lo = 0, hi = B.length - 1;
			while (hi - lo > 1) {
				final int m = (lo + hi) >>> 1;
				if (B[m] <= h) lo = m;
				else hi = m;
			}
			return (lo + (h - B[lo]) / (B[lo + 1] - B[lo])) / PER_UNIT;
		}

		/** {@code â(ρ)}: where the centre-line profile beyond the end is at half the tube's maximum (σ = 1); 0 at ρ = 0. */
		private double tipHalf(final double rho) {
			if (rho == 0) return 0;
			return fallsToHalf(x -> along(x, rho), across(0, rho) / 2, -10, rho + 10);
		}

		/** Where the decreasing profile {@code f} falls to {@code target} in [lo, hi]: 60 bisection steps. */
		private static double fallsToHalf(final java.util.function.DoubleUnaryOperator f, final double target, final double lo0, final double hi0) {
			double lo = lo0, hi = hi0;
			for (int k = 0; k < 60; k++) {
				final double m = (lo + hi) / 2;
				if (f.applyAsDouble(m) > target) lo = m;
				else hi = m;
			}
			return (lo + hi) / 2;
		}

		/**
		 * @param w measured half-maximum half-width in units of σ
		 * @return {@code â(ŵ⁻¹(w))}, linearly interpolated in the table (0 below the blurred line's half-width)
		 */
		double axialHalf(final double w) {
			if (!(w > W[0])) return 0;
			if (w >= W[W.length - 1]) return w;
			final int lo = bracket(w);
			final double f = (w - W[lo]) / (W[lo + 1] - W[lo]);
			return A[lo] + f * (A[lo + 1] - A[lo]);
		}

		/** @return {@code ŵ⁻¹(w)}, the radius in units of σ (0 below the blurred line's half-width) */
		double radius(final double w) {
			if (!(w > W[0])) return 0;
			if (w >= W[W.length - 1]) return w;
			final int lo = bracket(w);
			return (lo + (w - W[lo]) / (W[lo + 1] - W[lo])) / PER_UNIT;
		}

		/** @return the table index i with {@code W[i] ≤ w < W[i + 1]}, for W[0] &lt; w &lt; W[last] (W increases with ρ) */
		private int bracket(final double w) {
			int lo = 0, hi = W.length - 1;
			while (hi - lo > 1) {
				final int m = (lo + hi) >>> 1;
				if (W[m] <= w) lo = m;
				else hi = m;
			}
			return lo;
		}
	}
}
