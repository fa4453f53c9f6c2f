package io.github.myomito.lattice;

/**
 * An estimated (or user-given) fibre axis: an immutable result of {@link FibreAxis}.
 * <p>
 * {@link #angleDeg()} follows the ImageJ convention (degrees counter-clockwise from the x axis of the
 * displayed image, folded to [0, 180)). {@link #coherency()} is {@code (λ1 − λ2)/(λ1 + λ2)} of the 2×2
 * tensor the estimate came from (shape covariance or structure tensor), in [0, 1]; {@link #elongation()}
 * is {@code sqrt(λ1/λ2)} of the region's coordinate covariance (the axis ratio of the equivalent ellipse),
 * NaN when no region was given.
 */
public final class AxisEstimate {

	/** How the axis was obtained. */
	public enum Method {
		/** Principal axis of the region's physical coordinates. */
		MASK_PCA,
		/** Dominant gradient direction of the structure tensor (striations perpendicular to the axis). */
		STRUCTURE_TENSOR,
		/** Structure-tensor angle, with its 90° ambiguity resolved by the region's principal axis. */
		COMBINED,
		/** Given by the user. */
		USER,
		/** Direction of the strongest sarcomeric periodicity of the signal (replacing the texture angle). */
		PERIODICITY
	}

	private final double angleDeg;
	private final double coherency;
	private final double elongation;
	private final double centroidXUm;
	private final double centroidYUm;
	private final Method method;

	AxisEstimate(final double angleDeg, final double coherency, final double elongation, final double cx, final double cy, final Method method) {
		this.angleDeg = Checks.fold180(angleDeg);
		this.coherency = coherency;
		this.elongation = elongation;
		this.centroidXUm = cx;
		this.centroidYUm = cy;
		this.method = method;
	}

	/**
	 * A user override: the caller skips estimation and passes the angle.
	 *
	 * @param angleDeg axis angle in degrees (ImageJ convention; any value, folded to [0, 180))
	 * @return an estimate with coherency 1, elongation and centroid NaN, method {@link Method#USER}
	 */
	public static AxisEstimate given(final double angleDeg) {
		if (!Double.isFinite(angleDeg)) throw new IllegalArgumentException("axis angle must be finite, got " + angleDeg);
		return new AxisEstimate(angleDeg, 1, Double.NaN, Double.NaN, Double.NaN, Method.USER);
	}

	/**
	 * The same estimate turned to another angle, marked {@link Method#PERIODICITY}: used when the
	 * sarcomeric periodicity shows that the fibre runs in another direction than the texture's estimate.
	 *
	 * @param e the original estimate (its coherency, elongation and centroid are kept)
	 * @param angleDeg the new axis angle in degrees
	 * @return the rotated estimate
	 */
	public static AxisEstimate rotated(final AxisEstimate e, final double angleDeg) {
		return new AxisEstimate(((angleDeg % 180) + 180) % 180, e.coherency(), e.elongation(), e.centroidXUm(), e.centroidYUm(), Method.PERIODICITY);
	}

	/** @return axis angle in degrees, ImageJ convention, in [0, 180). */
	public double angleDeg() {
		return angleDeg;
	}

	/** @return {@code (λ1 − λ2)/(λ1 + λ2)} of the tensor the estimate came from, in [0, 1]. */
	public double coherency() {
		return coherency;
	}

	/** @return {@code sqrt(λ1/λ2)} of the region's coordinate covariance (∞ for a line, NaN without region). */
	public double elongation() {
		return elongation;
	}

	/** @return x of the region's centroid in µm (NaN for a user axis). */
	public double centroidXUm() {
		return centroidXUm;
	}

	/** @return y of the region's centroid in µm, pixel orientation (y down; NaN for a user axis). */
	public double centroidYUm() {
		return centroidYUm;
	}

	/** @return how the axis was obtained. */
	public Method method() {
		return method;
	}

	@Override
	public String toString() {
		return String.format("AxisEstimate[%.2f°, coherency %.3f, elongation %.2f, %s]", angleDeg, coherency, elongation, method);
	}
}
