package io.github.myomito.image.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The heap an analysis of one image needs, checked before the work starts so that a stack too large for
 * the Java heap gives "not enough memory: this image needs ~X GB, give java -Xmx…" instead of an
 * {@link OutOfMemoryError} half-way.
 * <p>
 * Model: the pixels as read ({@link TiffIntegrity.Summary#pixelBytes}) plus {@value #BYTES_PER_VOXEL} bytes
 * per voxel of one channel (the float working copies of segmentation, skeleton and lattice). Measured
 * (2026-12-04, OpenJDK 17, {@code analyze --no-qc}): a 441×341×24 two-channel 32-bit stack (3.6 M voxels per
 * channel, 28.9 MB of pixels) fails with {@code -Xmx400m} and runs with {@code -Xmx640m}, i.e. between 110
 * and 175 bytes per voxel; the model gives 533 MB. A time series counts the voxels of one frame (its frames are
 * segmented one at a time).
 */
public final class MemoryEstimate {

	/** Working bytes per voxel of one channel (between the measured 110 and 175). */
	public static final long BYTES_PER_VOXEL = 140;

	private MemoryEstimate() {}

	/** @return the estimated heap (bytes) the analysis of this TIFF needs. */
	public static long bytesNeeded(final TiffIntegrity.Summary s) {
		// a time series is analysed one frame at a time (#14): the working copies are those of one frame
		final long voxels = s.width * s.height * s.planes / Math.max(1, s.channels) / Math.max(1, s.frames);
		return s.pixelBytes + BYTES_PER_VOXEL * voxels;
	}

	/**
	 * Refuses a TIFF whose analysis would not fit in {@code maxHeap} bytes; other files are not checked.
	 *
	 * @throws IOException "FILE: not enough memory: this image needs ~X GB, …; give java -Xmx…"
	 */
	public static void check(final Path file, final long maxHeap) throws IOException {
		final byte[] head = new byte[4];
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
			if (in.readNBytes(head, 0, 4) < 4 || !TiffIntegrity.looksLikeTiff(head)) return; // not a TIFF: the reader says what it is
		}
		final long need = bytesNeeded(TiffIntegrity.check(file));
		if (need > maxHeap)
			throw new IOException(String.format(Locale.ROOT, "%s: not enough memory: this image needs ~%.1f GB, the Java heap is %.1f GB; give java -Xmx%dg",
				file, need / 1e9, maxHeap / 1e9, (long) Math.ceil(need * 1.25 / (1L << 30))));
	}
}
