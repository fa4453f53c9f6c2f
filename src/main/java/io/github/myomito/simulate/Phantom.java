package io.github.myomito.simulate;

import io.github.myomito.image.FibreImage;

/**
 * A simulated fibre image with its exact ground truth ({@link PhantomSimulator#simulate}).
 * <p>
 * {@link #image()} has channel 0 = mitochondria ({@code ChannelRole.MITOCHONDRIA}) and channel 1 = LC3
 * ({@code ChannelRole.LC3}), both 16-bit {@code UnsignedShortType} array images, spacing in µm.
 */
public final class Phantom {

	private final FibreImage image;
	private final Truth truth;
	private final byte[] trueMask;
	private final byte[] fibreMask;
	private final int[] dims;

	Phantom(final FibreImage image, final Truth truth, final byte[] trueMask, final byte[] fibreMask, final int[] dims) {
		this.image = image;
		this.truth = truth;
		this.trueMask = trueMask;
		this.fibreMask = fibreMask;
		this.dims = dims.clone();
	}

	/** @return the two-channel 16-bit image. */
	public FibreImage image() { return image; }

	/** @return the ground truth. */
	public Truth truth() { return truth; }

	/** @return a copy of the rendered mitochondria mask (1 = inside, 0 = outside), before blur and noise, flat order. */
	public byte[] trueMask() { return trueMask.clone(); }

	/**
	 * @return a copy of the fibre footprint (1 = voxel centre inside the fibre rectangle
	 *         {@code |u| ≤ L/2, |v| ≤ W/2}, every slice), flat order; every mitochondrion lies inside it
	 */
	public byte[] fibreMask() { return fibreMask.clone(); }

	/** @return image size per axis in pixels (a copy). */
	public int[] dims() { return dims.clone(); }

	@Override
	public String toString() {
		return "Phantom[" + image + ", " + truth + "]";
	}
}
