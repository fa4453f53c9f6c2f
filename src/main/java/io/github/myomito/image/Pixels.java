package io.github.myomito.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Flat-array access to imglib2 images, the representation MyoMito's inner loops run on.
 * <p>
 * Arrays are in imglib2's flat order: index {@code x + w*(y + h*z)}. Conversions from an
 * {@link ArrayImg} of the right type return its storage array without copying; other images are
 * copied once (flat iteration order of {@link Views#flatIterable}).
 * <p>
 * Conventions: masks are {@code UnsignedByteType} with 0 = background and any non-zero value =
 * foreground (MyoMito writes 255, as ImageJ does); label images are {@code IntType} with 0 =
 * background and 1..n = objects.
 */
public final class Pixels {

	private Pixels() {}

	/** @return dimensions of {@code img} as int (throws if an axis exceeds {@code Integer.MAX_VALUE}). */
	public static int[] dims(final RandomAccessibleInterval<?> img) {
		final int[] d = new int[img.numDimensions()];
		long n = 1;
		for (int i = 0; i < d.length; i++) {
			d[i] = Math.toIntExact(img.dimension(i));
			n *= d[i];
		}
		if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("image too large for one array: " + n + " pixels");
		return d;
	}

	/** @return number of pixels of an image with these dimensions. */
	public static int size(final int[] dims) {
		long n = 1;
		for (final int d : dims) n *= d;
		return Math.toIntExact(n);
	}

	/** Pixel values as float: the backing array when {@code img} is a float {@link ArrayImg}, else a copy. */
	public static float[] floats(final RandomAccessibleInterval<? extends RealType<?>> img) {
		if (img instanceof ArrayImg && ((ArrayImg<?, ?>) img).firstElement() instanceof FloatType) {
			final Object a = ((ArrayImg<?, ?>) img).update(null);
			if (a instanceof FloatArray) return ((FloatArray) a).getCurrentStorageArray();
		}
		final float[] out = new float[size(dims(img))];
		int i = 0;
		for (final RealType<?> t : Views.flatIterable(img)) out[i++] = t.getRealFloat();
		return out;
	}

	/** @return the number of NaN and ±∞ values in {@code data} */
	public static int nonFinite(final float[] data) {
		int bad = 0;
		for (final float v : data)
			if (!Float.isFinite(v)) bad++;
		return bad;
	}

	/**
	 * @return {@code data} itself when every value is finite, else a copy with NaN and ±∞ replaced by 0 (the
	 *         convention of the segmentation, which warns about them)
	 */
	public static float[] finiteOrZero(final float[] data) {
		float[] out = data;
		for (int i = 0; i < out.length; i++)
			if (!Float.isFinite(out[i])) {
				if (out == data) out = data.clone();
				out[i] = 0;
			}
		return out;
	}

	/**
	 * Foreground flags (1 = foreground, 0 = background) of a mask: any non-zero, non-NaN value is
	 * foreground. Always a fresh array, so callers may modify it.
	 */
	public static byte[] mask(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final byte[] out = new byte[size(dims(img))];
		int i = 0;
		for (final RealType<?> t : Views.flatIterable(img)) {
			final double v = t.getRealDouble();
			out[i++] = (byte) (v != 0 && !Double.isNaN(v) ? 1 : 0);
		}
		return out;
	}

	/** Wraps a float array as an image (no copy). */
	public static ArrayImg<FloatType, FloatArray> wrap(final float[] data, final int... dims) {
		return ArrayImgs.floats(data, toLong(dims));
	}

	/** Builds a 0/255 mask image from foreground flags (non-zero = foreground). */
	public static ArrayImg<UnsignedByteType, ByteArray> maskImage(final byte[] flags, final int... dims) {
		final byte[] b = new byte[flags.length];
		for (int i = 0; i < b.length; i++) b[i] = flags[i] != 0 ? (byte) 255 : 0;
		return ArrayImgs.unsignedBytes(b, toLong(dims));
	}

	private static long[] toLong(final int[] dims) {
		final long[] l = new long[dims.length];
		for (int i = 0; i < dims.length; i++) l[i] = dims[i];
		return l;
	}
}
