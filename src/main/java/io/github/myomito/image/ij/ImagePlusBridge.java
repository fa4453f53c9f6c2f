package io.github.myomito.image.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * The one place where ImageJ 1.x {@link ImagePlus} meets MyoMito's {@link FibreImage}.
 * <p>
 * 8-, 16- and 32-bit channels are wrapped without copying: a single plane as an {@link ArrayImg},
 * a z-stack as a {@link PlanarImg} over the stack's own slice arrays. RGB images become three
 * 8-bit channels (copied, since ImageJ packs them in one int), with {@link #RGB_WARNING}. Hyperstacks with several time points
 * are rejected with a clear message. The calibration is converted to micrometres; an image without
 * a spatial calibration yields an uncalibrated FibreImage (unit "pixel", with a warning).
 */
public final class ImagePlusBridge {

	/**
	 * Said for every RGB image: it is read as three 8-bit channels, but an RGB file is usually a rendered
	 * view (lookup tables, brightness and contrast, 8 bits), not the measured channels.
	 */
	public static final String RGB_WARNING = "RGB colour image: read as 3 channels (1 red, 2 green, 3 blue) of its display colours, "
		+ "not the measured intensities; analyse the original multi-channel file, or split it in Fiji (Image > Color > Split Channels, "
		+ "or Image > Color > Make Composite) and save it as a multi-channel TIFF";

	private ImagePlusBridge() {}

	/**
	 * Wraps an ImagePlus. Roles are given per channel in order (missing roles become OTHER).
	 *
	 * @throws IllegalArgumentException for time series or unknown pixel types, naming the image
	 */
	public static FibreImage wrap(final ImagePlus imp, final ChannelRole... roles) {
		final String name = imp.getTitle();
		if (imp.getNFrames() > 1)
			throw new IllegalArgumentException(name + ": time series (" + imp.getNFrames() + " frames) are not supported here: this takes one time point; take one frame first (Fiji: Image > Duplicate…, frames 1-1), "
				+ "or give the series to analyze, which measures its dynamics");
		final int nc = imp.getNChannels();
		final int nz = imp.getNSlices();
		final int w = imp.getWidth(), h = imp.getHeight();
		final ImageStack stack = imp.getStack();
		final FibreImage.Builder b = FibreImage.builder().source(name);
		int roleIndex = 0;
		for (int c = 0; c < nc; c++) {
			final List<Object> planes = new ArrayList<>(nz);
			for (int z = 0; z < nz; z++) planes.add(stack.getPixels(imp.getStackIndex(c + 1, z + 1, 1)));
			final Object first = planes.get(0);
			if (first instanceof int[]) {
				if (c == 0) b.warning(RGB_WARNING);
				for (int rgb = 0; rgb < 3; rgb++) {
					final List<Object> split = new ArrayList<>(nz);
					for (final Object p : planes) split.add(channelOfRgb((int[]) p, rgb));
					b.channel(planes(split, w, h), role(roles, roleIndex++));
				}
			} else {
				b.channel(planes(planes, w, h), role(roles, roleIndex++));
			}
		}
		applyCalibration(b, imp.getCalibration(), nz > 1, name);
		return b.build();
	}

	private static ChannelRole role(final ChannelRole[] roles, final int i) {
		return i < roles.length && roles[i] != null ? roles[i] : ChannelRole.OTHER;
	}

	private static byte[] channelOfRgb(final int[] rgb, final int which) {
		final int shift = 16 - 8 * which;
		final byte[] out = new byte[rgb.length];
		for (int i = 0; i < rgb.length; i++) out[i] = (byte) ((rgb[i] >> shift) & 0xff);
		return out;
	}

	/** Wraps a list of same-typed plane arrays as a 2D ArrayImg (one plane) or a 3D PlanarImg. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RandomAccessibleInterval<? extends RealType<?>> planes(final List<Object> planes, final int w, final int h) {
		final Object first = planes.get(0);
		if (planes.size() == 1) {
			if (first instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) first, w, h);
			if (first instanceof short[]) return ArrayImgs.unsignedShorts((short[]) first, w, h);
			if (first instanceof float[]) return ArrayImgs.floats((float[]) first, w, h);
			throw new IllegalArgumentException("unsupported pixel type " + first.getClass().getSimpleName());
		}
		final long[] dims = { w, h, planes.size() };
		if (first instanceof byte[]) {
			final List<ByteArray> l = new ArrayList<>();
			for (final Object p : planes) l.add(new ByteArray((byte[]) p));
			final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(l, dims, new Fraction());
			img.setLinkedType(new UnsignedByteType(img));
			return img;
		}
		if (first instanceof short[]) {
			final List<ShortArray> l = new ArrayList<>();
			for (final Object p : planes) l.add(new ShortArray((short[]) p));
			final PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(l, dims, new Fraction());
			img.setLinkedType(new UnsignedShortType(img));
			return img;
		}
		if (first instanceof float[]) {
			final List<FloatArray> l = new ArrayList<>();
			for (final Object p : planes) l.add(new FloatArray((float[]) p));
			final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(l, dims, new Fraction());
			img.setLinkedType(new FloatType(img));
			return img;
		}
		throw new IllegalArgumentException("unsupported pixel type " + first.getClass().getSimpleName());
	}

	/** Micrometres per unit for the length units ImageJ users write, or NaN if unknown. */
	static double micronsPer(final String unit) {
		if (unit == null) return Double.NaN;
		switch (unit.trim().toLowerCase(Locale.ROOT)) {
			case "µm": case "um": case "micron": case "microns": case "micrometer": case "micrometre": case "micrometers": case "micrometres": case "\u03bcm":
				return 1;
			case "nm": case "nanometer": case "nanometre": case "nanometers":
				return 1e-3;
			case "mm": case "millimeter": case "millimetre":
				return 1e3;
			case "cm":
				return 1e4;
			case "m": case "meter": case "metre":
				return 1e6;
			default:
				return Double.NaN;
		}
	}

	private static void applyCalibration(final FibreImage.Builder b, final Calibration cal, final boolean stack, final String name) {
		final double f = cal == null ? Double.NaN : micronsPer(cal.getUnit());
		if (cal == null || !cal.scaled() || Double.isNaN(f)) {
			b.uncalibrated();
			if (cal != null && cal.scaled() && Double.isNaN(f))
				b.warning("unknown length unit '" + cal.getUnit() + "' in " + name + ": no spatial calibration used, lengths and areas are in pixels");
			return;
		}
		if (stack) b.spacing(cal.pixelWidth * f, cal.pixelHeight * f, cal.pixelDepth * f);
		else b.spacing(cal.pixelWidth * f, cal.pixelHeight * f);
	}

	/**
	 * Returns an ImagePlus (hyperstack for several channels or z) showing the given images. 8-bit,
	 * 16-bit and float ArrayImg/PlanarImg are shown without copying; other types are copied to float.
	 * The calibration is written in µm when the FibreImage is calibrated.
	 */
	public static ImagePlus toImagePlus(final FibreImage img, final String title) {
		final long[] d = img.dimensions();
		final int w = (int) d[0], h = (int) d[1], nz = d.length > 2 ? (int) d[2] : 1;
		final ImageStack stack = new ImageStack(w, h);
		final List<List<Object>> perChannel = new ArrayList<>();
		boolean mixed = false;
		Class<?> type = null;
		for (final RandomAccessibleInterval<? extends RealType<?>> c : img.channels()) {
			final List<Object> planes = planesOf(c, w, h, nz);
			perChannel.add(planes);
			if (type == null) type = planes.get(0).getClass();
			else if (type != planes.get(0).getClass()) mixed = true;
		}
		for (int z = 0; z < nz; z++)
			for (final List<Object> planes : perChannel) {
				Object p = planes.get(z);
				if (mixed && !(p instanceof float[])) p = toFloat(p);
				stack.addSlice(null, processor(p, w, h));
			}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(img.numChannels(), nz, 1);
		if (img.numChannels() > 1) imp.setOpenAsHyperStack(true);
		if (img.isCalibrated()) {
			final double[] s = img.spacing();
			final Calibration cal = imp.getCalibration();
			cal.setUnit("micron");
			cal.pixelWidth = s[0];
			cal.pixelHeight = s[1];
			cal.pixelDepth = s.length > 2 ? s[2] : 1;
		}
		return imp;
	}

	private static ImageProcessor processor(final Object p, final int w, final int h) {
		if (p instanceof byte[]) return new ByteProcessor(w, h, (byte[]) p);
		if (p instanceof short[]) return new ShortProcessor(w, h, (short[]) p, null);
		if (p instanceof float[]) return new FloatProcessor(w, h, (float[]) p);
		if (p instanceof int[]) return new ColorProcessor(w, h, (int[]) p);
		throw new IllegalArgumentException("unsupported plane " + p.getClass());
	}

	private static float[] toFloat(final Object p) {
		if (p instanceof byte[]) {
			final byte[] b = (byte[]) p;
			final float[] f = new float[b.length];
			for (int i = 0; i < b.length; i++) f[i] = b[i] & 0xff;
			return f;
		}
		final short[] s = (short[]) p;
		final float[] f = new float[s.length];
		for (int i = 0; i < s.length; i++) f[i] = s[i] & 0xffff;
		return f;
	}

	@SuppressWarnings("rawtypes")
	private static List<Object> planesOf(final RandomAccessibleInterval<? extends RealType<?>> c, final int w, final int h, final int nz) {
		final List<Object> out = new ArrayList<>(nz);
		if (c instanceof ArrayImg) {
			final Object a = ((ArrayImg) c).update(null);
			final Object data = storage(a);
			if (data != null && nz == 1 && isWrappable((ArrayImg) c)) {
				out.add(data);
				return out;
			}
		}
		if (c instanceof PlanarImg && nz > 1) {
			final PlanarImg pi = (PlanarImg) c;
			final Object t = pi.firstElement();
			if (t instanceof UnsignedByteType || t instanceof UnsignedShortType || t instanceof FloatType) {
				for (int z = 0; z < nz; z++) out.add(storage(pi.getPlane(z)));
				return out;
			}
		}
		// copy through float
		final float[] all = Pixels.floats(c);
		final int plane = w * h;
		for (int z = 0; z < nz; z++) {
			final float[] p = new float[plane];
			System.arraycopy(all, z * plane, p, 0, plane);
			out.add(p);
		}
		return out;
	}

	private static boolean isWrappable(final ArrayImg<?, ?> img) {
		final Object t = img.firstElement();
		return t instanceof UnsignedByteType || t instanceof UnsignedShortType || t instanceof FloatType;
	}

	private static Object storage(final Object access) {
		if (access instanceof ByteArray) return ((ByteArray) access).getCurrentStorageArray();
		if (access instanceof ShortArray) return ((ShortArray) access).getCurrentStorageArray();
		if (access instanceof FloatArray) return ((FloatArray) access).getCurrentStorageArray();
		return null;
	}
}
