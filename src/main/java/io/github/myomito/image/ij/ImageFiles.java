package io.github.myomito.image.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.results.AtomicFiles;

/**
 * Reading and writing image files with ImageJ 1.x: every TIFF ImageJ reads (ImageJ hyperstacks,
 * 8/16/32-bit, RGB, OME-TIFF read as plain TIFF), PNG and the other formats of {@link Opener}.
 * Errors name the file and the problem. Writes are atomic: a temporary file in the target folder is
 * renamed over the destination, so a killed run never leaves a half-written image.
 */
public final class ImageFiles {

	private ImageFiles() {}

	/**
	 * Opens an image file as an ImagePlus.
	 *
	 * @throws IOException with a one-line message naming the file when it is missing or not an image
	 */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.exists(file)) throw new IOException(file + ": no such file");
		if (Files.isDirectory(file)) throw new IOException(file + ": is a folder, not an image");
		if (!Files.isReadable(file)) throw new IOException(file + ": not readable");
		if (Files.size(file) == 0) throw new IOException(file + ": empty file");
		if (io.github.myomito.image.MicroscopeFormats.formatOf(file) != null) throw new IOException(io.github.myomito.image.MicroscopeFormats.skipped(file));
		final TiffIntegrity.Summary tiff = isTiff(file) ? TiffIntegrity.check(file) : null;
		if (tiff != null && tiff.pixelBytes > Runtime.getRuntime().maxMemory())
			throw new IOException(String.format(java.util.Locale.ROOT, "%s: not enough memory: reading this image needs ~%.1f GB, the heap is %.1f GB; give java -Xmx%dg (see README, memory)",
				file, tiff.pixelBytes / 1e9, Runtime.getRuntime().maxMemory() / 1e9, (long) Math.ceil(MemoryEstimate.bytesNeeded(tiff) * 1.25 / (1L << 30))));
		final ImagePlus imp;
		final Opener opener = new Opener();
		final int type = opener.getFileType(file.toAbsolutePath().toString());
		if (type == Opener.UNKNOWN || type == Opener.TEXT || type == Opener.JAVA_OR_TEXT || type == Opener.ROI || type == Opener.ZIP)
			throw new IOException(file + ": not an image ImageJ can read (TIFF, PNG, JPEG, GIF, BMP, PGM, FITS, DICOM)");
		try {
			imp = opener.openImage(file.toAbsolutePath().toString());
		}
		catch (final RuntimeException e) {
			throw new IOException(file + ": cannot be read as an image (" + e.getMessage() + ")", e);
		}
		if (imp == null || imp.getStackSize() == 0)
			throw new IOException(file + ": not an image ImageJ can read (TIFF, PNG, JPEG, GIF, BMP, PGM, FITS, DICOM)");
		if (tiff != null) matches(file, imp, tiff);
		imp.setTitle(file.getFileName().toString());
		return imp;
	}

	private static boolean isTiff(final Path file) throws IOException {
		final byte[] head = new byte[4];
		try (java.io.InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(head, 0, 4) == 4 && TiffIntegrity.looksLikeTiff(head);
		}
	}

	/** What ImageJ read must be what the file holds: every plane, and the description's channels/slices/frames. */
	private static void matches(final Path file, final ImagePlus imp, final TiffIntegrity.Summary tiff) throws IOException {
		if (imp.getWidth() != tiff.width || imp.getHeight() != tiff.height)
			throw new IOException(file + ": damaged TIFF: ImageJ read a " + imp.getWidth() + "x" + imp.getHeight() + " image, the header says " + tiff.width + "x" + tiff.height);
		if (imp.getStackSize() != tiff.planes)
			throw new IOException(file + ": damaged TIFF: ImageJ read " + imp.getStackSize() + " of the " + tiff.planes + " planes the header promises");
		if (tiff.channels > 0 && (imp.getNChannels() != tiff.channels || imp.getNSlices() != tiff.slices || imp.getNFrames() != tiff.frames))
			throw new IOException(file + ": damaged TIFF: ImageJ read channels=" + imp.getNChannels() + ", slices=" + imp.getNSlices() + ", frames=" + imp.getNFrames()
				+ ", the description says channels=" + tiff.channels + ", slices=" + tiff.slices + ", frames=" + tiff.frames);
	}

	/** Opens and wraps an image file, assigning roles to channels in order. */
	public static FibreImage read(final Path file, final ChannelRole... roles) throws IOException {
		return wrap(file, open(file), roles);
	}

	/**
	 * Wraps an image opened from {@code file} (or a part of it, such as a series' first frame), with the warnings
	 * the file's format calls for (JPEG: lossy).
	 */
	public static FibreImage wrap(final Path file, final ImagePlus imp, final ChannelRole... roles) {
		final FibreImage img = ImagePlusBridge.wrap(imp, roles);
		return isJpeg(file) ? img.toBuilder().warning(JPEG_WARNING).build() : img;
	}

	/** The warning attached to JPEG input: its block compression alters intensities and edges. */
	public static final String JPEG_WARNING = "JPEG input: lossy compression alters intensities, edges and colocalisation (8×8 blocks, "
		+ "ringing); use the microscope's TIFF for measurements";

	private static boolean isJpeg(final Path file) {
		final String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return n.endsWith(".jpg") || n.endsWith(".jpeg");
	}

	/** Writes an ImagePlus as TIFF (hyperstack-aware), atomically. */
	public static void writeTiff(final ImagePlus imp, final Path file) throws IOException {
		AtomicFiles.writeFile(file, tmp -> {
			final FileSaver fs = new FileSaver(imp);
			if (!(imp.getStackSize() > 1 ? fs.saveAsTiffStack(tmp.toString()) : fs.saveAsTiff(tmp.toString())))
				throw new IOException(file + ": could not write TIFF");
		});
	}

	/** Writes a FibreImage as an ImageJ TIFF hyperstack with its calibration, atomically. */
	public static void writeTiff(final FibreImage img, final Path file) throws IOException {
		writeTiff(ImagePlusBridge.toImagePlus(img, file.getFileName().toString()), file);
	}

	/** Writes an ImagePlus as PNG (e.g. a QC overlay, flattened first), atomically. */
	public static void writePng(final ImagePlus imp, final Path file) throws IOException {
		AtomicFiles.writeFile(file, tmp -> {
			if (!new FileSaver(imp).saveAsPng(tmp.toString())) throw new IOException(file + ": could not write PNG");
		});
	}
}
