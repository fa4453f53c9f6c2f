package io.github.myomito.lattice;

/**
 * Length-weighted orientation statistics of network branches relative to the fibre axis: an immutable
 * result of {@link Orientation#of}.
 * <p>
 * With φ the angle of a branch to the axis (in [0°, 90°]), weights w = branch lengths and tolerance θ:
 * transverse = Σ w [φ ≥ 90° − θ] / Σ w, longitudinal = Σ w [φ ≤ θ] / Σ w, oblique = the rest;
 * histogram bin b holds Σ w [b·Δ ≤ φ &lt; (b+1)·Δ] / Σ w (φ = 90° in the last bin); order parameter
 * {@code S = Σ w cos 2φ / Σ w}.
 */
public final class OrientationStats {

	private final double transverseFraction;
	private final double longitudinalFraction;
	private final double obliqueFraction;
	private final double[] histogram;
	private final double orderParameter;
	private final double totalLengthUm;
	private final int branchCount;
	private final double axisDeg;
	private final double toleranceDeg;

	OrientationStats(final double t, final double l, final double o, final double[] hist, final double s, final double total, final int count, final double axisDeg, final double tol) {
		this.transverseFraction = t;
		this.longitudinalFraction = l;
		this.obliqueFraction = o;
		this.histogram = hist.clone();
		this.orderParameter = s;
		this.totalLengthUm = total;
		this.branchCount = count;
		this.axisDeg = axisDeg;
		this.toleranceDeg = tol;
	}

	/** @return length fraction of branches within ±θ of perpendicular to the axis (NaN when total length is 0). */
	public double transverseFraction() {
		return transverseFraction;
	}

	/** @return length fraction of branches within ±θ of the axis (NaN when total length is 0). */
	public double longitudinalFraction() {
		return longitudinalFraction;
	}

	/** @return length fraction of the remaining (oblique) branches (NaN when total length is 0). */
	public double obliqueFraction() {
		return obliqueFraction;
	}

	/** @return length-weighted histogram of the angle to the axis over [0°, 90°], fractions summing to 1 (a copy). */
	public double[] histogram() {
		return histogram.clone();
	}

	/** @return width of one histogram bin in degrees (90 / number of bins). */
	public double binWidthDeg() {
		return 90.0 / histogram.length;
	}

	/** @return nematic order parameter {@code S = Σ w cos 2φ / Σ w}: 1 all longitudinal, −1 all transverse. */
	public double orderParameter() {
		return orderParameter;
	}

	/** @return Σ of the branch lengths in µm. */
	public double totalLengthUm() {
		return totalLengthUm;
	}

	/** @return number of branches. */
	public int branchCount() {
		return branchCount;
	}

	/** @return the axis angle used, degrees in [0, 180). */
	public double axisDeg() {
		return axisDeg;
	}

	/** @return the tolerance θ used, degrees. */
	public double toleranceDeg() {
		return toleranceDeg;
	}

	@Override
	public String toString() {
		return String.format("OrientationStats[T %.3f, L %.3f, O %.3f, S %.3f, %d branches, %.1f µm]", transverseFraction, longitudinalFraction, obliqueFraction, orderParameter, branchCount, totalLengthUm);
	}
}
