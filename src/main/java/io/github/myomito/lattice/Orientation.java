package io.github.myomito.lattice;

/**
 * Orientation of network branches relative to the fibre axis.
 * <p>
 * The angle of a branch to the axis is {@code φ = min(d, 180° − d)} with {@code d = |β − α| mod 180°}
 * (β branch angle, α axis angle, both undirected), so φ ∈ [0°, 90°]. Branches with φ ≤ θ are longitudinal,
 * φ ≥ 90° − θ transverse, the rest oblique (θ = {@link #DEFAULT_TOLERANCE_DEG} by default). The order
 * parameter is the 2D nematic order parameter {@code S = ⟨cos 2φ⟩} (length-weighted), the projection on the
 * axis of the mean orientation tensor (P.-G. de Gennes and J. Prost, "The Physics of Liquid Crystals",
 * 2nd ed., Clarendon Press, Oxford 1993, ch. 2): S = 1 when every branch is parallel to
 * the axis, −1 when every branch is perpendicular, 0 for an isotropic set.
 */
public final class Orientation {

	/** Default tolerance θ (degrees) for transverse/longitudinal classification. */
	public static final double DEFAULT_TOLERANCE_DEG = 20;
	/** Default number of histogram bins over [0°, 90°] (10° each). */
	public static final int DEFAULT_BINS = 9;

	private Orientation() {}

	/**
	 * Length-weighted orientation statistics with {@link #DEFAULT_BINS} histogram bins.
	 *
	 * @param branchAngleDeg branch angles in degrees (ImageJ convention, any range)
	 * @param branchLengthUm branch lengths in µm (≥ 0, used as weights)
	 * @param axisDeg fibre axis angle in degrees
	 * @param toleranceDeg θ in [0, 45]
	 * @return the statistics; fractions, histogram and S are NaN when the total length is 0
	 */
	public static OrientationStats of(final double[] branchAngleDeg, final double[] branchLengthUm, final double axisDeg, final double toleranceDeg) {
		return of(branchAngleDeg, branchLengthUm, axisDeg, toleranceDeg, DEFAULT_BINS);
	}

	/** As {@link #of(double[], double[], double, double)} with θ = {@link #DEFAULT_TOLERANCE_DEG}. */
	public static OrientationStats of(final double[] branchAngleDeg, final double[] branchLengthUm, final double axisDeg) {
		return of(branchAngleDeg, branchLengthUm, axisDeg, DEFAULT_TOLERANCE_DEG, DEFAULT_BINS);
	}

	/**
	 * Length-weighted orientation statistics with a chosen number of histogram bins of width 90°/bins.
	 *
	 * @throws IllegalArgumentException for null or differently sized arrays, negative or non-finite lengths,
	 *             non-finite angles, θ outside [0, 45] or bins &lt; 1
	 */
	public static OrientationStats of(final double[] branchAngleDeg, final double[] branchLengthUm, final double axisDeg, final double toleranceDeg, final int bins) {
		if (branchAngleDeg == null || branchLengthUm == null) throw new IllegalArgumentException("branch angles and lengths must not be null");
		if (branchAngleDeg.length != branchLengthUm.length)
			throw new IllegalArgumentException("got " + branchAngleDeg.length + " branch angles but " + branchLengthUm.length + " lengths");
		if (!Double.isFinite(axisDeg)) throw new IllegalArgumentException("axis angle must be finite, got " + axisDeg);
		if (!(toleranceDeg >= 0 && toleranceDeg <= 45)) throw new IllegalArgumentException("tolerance must be in [0, 45] degrees, got " + toleranceDeg);
		if (bins < 1) throw new IllegalArgumentException("need at least one histogram bin, got " + bins);
		final double[] hist = new double[bins];
		double total = 0, t = 0, l = 0, s = 0;
		for (int i = 0; i < branchAngleDeg.length; i++) {
			final double w = branchLengthUm[i];
			if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("branch " + i + " has an invalid length " + w);
			if (!Double.isFinite(branchAngleDeg[i])) throw new IllegalArgumentException("branch " + i + " has an invalid angle " + branchAngleDeg[i]);
			final double phi = angleToAxis(branchAngleDeg[i], axisDeg);
			total += w;
			final String kind = classify(phi, toleranceDeg);
			if (kind.equals(LONGITUDINAL)) l += w;
			else if (kind.equals(TRANSVERSE)) t += w;
			hist[Math.min(bins - 1, (int) (phi / (90.0 / bins)))] += w;
			s += w * Math.cos(Math.toRadians(2 * phi));
		}
		if (total == 0) {
			java.util.Arrays.fill(hist, Double.NaN);
			return new OrientationStats(Double.NaN, Double.NaN, Double.NaN, hist, Double.NaN, 0, branchAngleDeg.length, Checks.fold180(axisDeg), toleranceDeg);
		}
		for (int b = 0; b < bins; b++) hist[b] /= total;
		final double tf = t / total, lf = l / total;
		return new OrientationStats(tf, lf, Math.max(0, 1 - tf - lf), hist, s / total, total, branchAngleDeg.length, Checks.fold180(axisDeg), toleranceDeg);
	}

	/** Class label of a branch within the tolerance of parallel to the axis. */
	public static final String LONGITUDINAL = "longitudinal";
	/** Class label of a branch within the tolerance of perpendicular to the axis. */
	public static final String TRANSVERSE = "transverse";
	/** Class label of any other branch. */
	public static final String OBLIQUE = "oblique";

	/**
	 * The orientation class of one branch, as counted by {@link #of}: longitudinal when its angle to the
	 * axis is ≤ θ, else transverse when ≥ 90° − θ, else oblique.
	 *
	 * @param angleToAxisDeg angle to the axis in [0, 90] ({@link #angleToAxis})
	 * @param toleranceDeg θ
	 * @return {@link #LONGITUDINAL}, {@link #TRANSVERSE} or {@link #OBLIQUE}
	 */
	public static String classify(final double angleToAxisDeg, final double toleranceDeg) {
		return angleToAxisDeg <= toleranceDeg ? LONGITUDINAL : angleToAxisDeg >= 90 - toleranceDeg ? TRANSVERSE : OBLIQUE;
	}

	/**
	 * Angle between an undirected branch and the undirected axis: {@code min(d, 180 − d)}, {@code d = |β − α| mod 180}.
	 *
	 * @return degrees in [0, 90]
	 */
	public static double angleToAxis(final double branchDeg, final double axisDeg) {
		final double d = Checks.fold180(branchDeg - axisDeg);
		return Math.min(d, 180 - d);
	}

	/**
	 * Principal direction of a branch's points by total least squares (PCA): with the centred covariance
	 * {@code Sxx, Syy, Sxy} the direction minimising the summed squared perpendicular distances has pixel-
	 * orientation angle {@code ½·atan2(2Sxy, Sxx − Syy)}; the ImageJ angle is its negative (y points down),
	 * folded to [0, 180).
	 *
	 * @param xs x coordinates in µm
	 * @param ys y coordinates in µm, pixel orientation (y down)
	 * @return angle in degrees in [0, 180), NaN when all points coincide
	 * @throws IllegalArgumentException for null or differently sized arrays or fewer than 2 points
	 */
	public static double angleDeg(final double[] xs, final double[] ys) {
		if (xs == null || ys == null) throw new IllegalArgumentException("coordinates must not be null");
		if (xs.length != ys.length) throw new IllegalArgumentException("got " + xs.length + " x but " + ys.length + " y coordinates");
		return angleDeg(xs, ys, xs.length);
	}

	/**
	 * Direction of every branch of a skeleton graph, indexed by edge id: {@link #angleDeg(double[], double[])}
	 * of its path voxels' in-plane µm coordinates; NaN for isolated loops and paths of one voxel.
	 *
	 * @param graph the skeleton graph
	 * @return one angle in degrees [0, 180) per edge
	 */
	public static double[] branchAngles(final io.github.myomito.skeleton.SkeletonGraph graph) {
		final double[] angles = new double[graph.edges().size()];
		double[] xs = new double[64], ys = new double[64];
		for (final io.github.myomito.skeleton.SkeletonGraph.Edge e : graph.edges()) {
			final int np = e.pathLength();
			double a = Double.NaN;
			if (np >= 2 && !e.isIsolatedLoop()) {
				if (xs.length < np) {
					xs = new double[2 * np];
					ys = new double[2 * np];
				}
				for (int i = 0; i < np; i++) {
					xs[i] = e.coordinate(i, 0);
					ys[i] = e.coordinate(i, 1);
				}
				a = angleDeg(xs, ys, np);
			}
			angles[e.id()] = a;
		}
		return angles;
	}

	/**
	 * As {@link #angleDeg(double[], double[])} over the first {@code n} points of reusable buffers.
	 *
	 * @param xs x coordinates (µm), at least {@code n}
	 * @param ys y coordinates (µm), at least {@code n}
	 * @param n number of points, ≥ 2
	 * @return direction in degrees [0, 180), NaN when all points coincide
	 */
	public static double angleDeg(final double[] xs, final double[] ys, final int n) {
		if (xs == null || ys == null) throw new IllegalArgumentException("coordinates must not be null");
		if (xs.length < n || ys.length < n) throw new IllegalArgumentException("fewer than " + n + " coordinates");
		if (n < 2) throw new IllegalArgumentException("a direction needs at least 2 points, got " + n);
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += xs[i];
			my += ys[i];
		}
		mx /= n;
		my /= n;
		double sxx = 0, syy = 0, sxy = 0;
		for (int i = 0; i < n; i++) {
			final double dx = xs[i] - mx, dy = ys[i] - my;
			sxx += dx * dx;
			syy += dy * dy;
			sxy += dx * dy;
		}
		if (sxx + syy == 0) return Double.NaN;
		return Checks.fold180(-Math.toDegrees(0.5 * Math.atan2(2 * sxy, sxx - syy)));
	}
}
