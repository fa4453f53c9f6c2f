package io.github.myomito.image.ij;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural check of a TIFF file before ImageJ reads it. ImageJ's reader fills what is missing from a
 * short file with zeros, or quietly reads fewer planes than the header promises; a damaged file then
 * gives numbers that look fine. This check walks the header itself (TIFF 6.0, Adobe 1992, and BigTIFF)
 * and fails with a one-line message naming the file and what is missing when
 * <ul>
 * <li>the header or an image file directory (IFD) lies beyond the end of the file, or the IFD chain loops;</li>
 * <li>a strip or tile the IFDs promise (offset + byte count) is not inside the file, or an uncompressed
 * plane's strips hold fewer bytes than width × height × samples × bits / 8;</li>
 * <li>an ImageJ description ({@code ImageJ=…}) says {@code images=n} but the file holds fewer planes
 * (ImageJ reads an ImageJ stack as {@code n} contiguous planes from the first strip, so these must fit
 * in the file), or its {@code channels × slices × frames} is not {@code images}.</li>
 * </ul>
 * It reads only the header, the IFDs and their arrays, never the pixel data (cost: a few seeks).
 */
public final class TiffIntegrity {

	/** At most this many IFDs are walked (a looping or absurd chain is an error, not a hang). */
	static final int MAX_IFDS = 1_000_000;

	private static final int NEW_SUBFILE_TYPE = 254, WIDTH = 256, HEIGHT = 257, BITS = 258, COMPRESSION = 259, DESCRIPTION = 270,
		STRIP_OFFSETS = 273, SAMPLES = 277, ROWS_PER_STRIP = 278, STRIP_BYTES = 279, PLANAR = 284, TILE_WIDTH = 322, TILE_LENGTH = 323,
		TILE_OFFSETS = 324, TILE_BYTES = 325;

	private static final Pattern KEY = Pattern.compile("(?m)^(images|channels|slices|frames)=(\\d+)\\s*$");

	/** What the check found in a sound file. */
	public static final class Summary {
		/** Full-resolution planes the file holds (IFDs, or {@code images=} of a contiguous ImageJ stack). */
		public final int planes;
		/** Width and height of the first plane. */
		public final long width, height;
		/** Bytes of the uncompressed pixels of all planes (what reading the image takes in memory). */
		public final long pixelBytes;
		/** Channels, slices and frames of the ImageJ description (1 when it says nothing; all 0 without one). */
		public final long channels, slices, frames;

		Summary(final int planes, final long width, final long height, final long[] czt, final long pixelBytes) {
			this.planes = planes;
			this.pixelBytes = pixelBytes;
			this.width = width;
			this.height = height;
			this.channels = czt[0];
			this.slices = czt[1];
			this.frames = czt[2];
		}
	}

	private TiffIntegrity() {}

	/** @return true when the file starts like a TIFF (II*\0, MM\0*, or BigTIFF's II+\0 / MM\0+). */
	public static boolean looksLikeTiff(final byte[] head) {
		if (head.length < 4) return false;
		final boolean ii = head[0] == 'I' && head[1] == 'I', mm = head[0] == 'M' && head[1] == 'M';
		if (ii) return head[3] == 0 && (head[2] == 42 || head[2] == 43);
		if (mm) return head[2] == 0 && (head[3] == 42 || head[3] == 43);
		return false;
	}

	/**
	 * Checks a TIFF file's structure.
	 *
	 * @return the number of planes and the first plane's size
	 * @throws IOException one line, naming the file and what is missing or inconsistent
	 */
	public static Summary check(final Path file) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			return new Reader(file, raf).check();
		}
	}

	/** One pass over a file's header and IFDs. */
	private static final class Reader {
		private final Path file;
		private final RandomAccessFile raf;
		private final long size;
		private boolean little;
		private boolean big;

		Reader(final Path file, final RandomAccessFile raf) throws IOException {
			this.file = file;
			this.raf = raf;
			this.size = raf.length();
		}

		private IOException damaged(final String what) {
			return new IOException(file + ": damaged TIFF: " + what);
		}

		Summary check() throws IOException {
			if (size < 8) throw damaged("only " + size + " bytes, shorter than a TIFF header");
			final byte[] h = new byte[4];
			raf.readFully(h);
			if (!looksLikeTiff(h)) throw damaged("no TIFF header (II*/MM*)");
			little = h[0] == 'I';
			big = (little ? h[2] : h[3]) == 43;
			long ifd;
			if (big) {
				if (size < 16) throw damaged("only " + size + " bytes, shorter than a BigTIFF header");
				final int offSize = u16(4);
				if (offSize != 8) throw damaged("BigTIFF offset size " + offSize + ", not 8");
				ifd = u64(8);
			}
			else ifd = u32(4);
			final Set<Long> seen = new HashSet<>();
			final List<Ifd> ifds = new ArrayList<>();
			while (ifd != 0) {
				if (!seen.add(ifd)) throw damaged("IFD " + (ifds.size() + 1) + " at byte " + ifd + " loops back to an earlier IFD");
				if (ifds.size() >= MAX_IFDS) throw damaged("more than " + MAX_IFDS + " IFDs");
				final Ifd d = readIfd(ifds.size() + 1, ifd);
				ifds.add(d);
				ifd = d.next;
			}
			if (ifds.isEmpty()) throw damaged("no image (the first IFD offset is 0)");
			int planes = 0;
			final Ifd first = ifds.get(0);
			for (final Ifd d : ifds) {
				checkData(d);
				// reduced-resolution images and planes of another size (thumbnails) are not planes of the image
				if ((d.subfileType & 1) == 0 && d.width == first.width && d.height == first.height) planes++;
			}
			final long[] czt = { 0, 0, 0 };
			if (first.description != null && first.description.startsWith("ImageJ=")) planes = checkImageJ(first, ifds.size(), planes, czt);
			return new Summary(planes, first.width, first.height, czt, planes * first.planeBytes());
		}

		/** @return the planes ImageJ will read, after checking the description against the file. */
		private int checkImageJ(final Ifd first, final int nIfds, final int planes, final long[] czt) throws IOException {
			long images = -1, channels = 1, slices = 1, frames = 1;
			final Matcher m = KEY.matcher(first.description);
			while (m.find()) {
				final long v;
				try {
					v = Long.parseLong(m.group(2));
				}
				catch (final NumberFormatException e) {
					throw damaged("ImageJ description: " + m.group(1) + "=" + m.group(2) + " is not a number");
				}
				switch (m.group(1)) {
					case "images": images = v; break;
					case "channels": channels = v; break;
					case "slices": slices = v; break;
					default: frames = v; break;
				}
			}
			if (channels < 1 || slices < 1 || frames < 1) throw damaged("ImageJ description has channels=" + channels + ", slices=" + slices + ", frames=" + frames);
			czt[0] = channels;
			czt[1] = slices;
			czt[2] = frames;
			final long product = channels * slices * frames;
			if (images < 0) images = product;
			if (product > 1 && product != images)
				throw damaged(String.format(Locale.ROOT, "ImageJ description says channels=%d × slices=%d × frames=%d = %d planes but images=%d", channels, slices,
					frames, product, images));
			if (images <= 1) return planes;
			if (nIfds > 1 && nIfds < images)
				throw damaged(String.format(Locale.ROOT, "the header promises %d planes (channels=%d, slices=%d, frames=%d) but the file holds %d", images, channels,
					slices, frames, nIfds));
			// ImageJ reads the planes of an ImageJ stack contiguously from the first plane's data
			if (first.compression == 1 && first.offsets.length > 0) {
				final long start = first.offsets[0];
				final long need = start + images * first.planeBytes();
				if (need > size) {
					final long whole = Math.max(0, (size - start) / Math.max(1, first.planeBytes()));
					throw damaged(String.format(Locale.ROOT, "truncated: the header promises %d planes of %d bytes from byte %d (%d bytes), the file has %d bytes "
						+ "(%d whole planes)", images, first.planeBytes(), start, need, size, whole));
				}
			}
			return (int) Math.min(Integer.MAX_VALUE, images);
		}

		private void checkData(final Ifd d) throws IOException {
			final String where = "IFD " + d.index;
			if (d.width <= 0 || d.height <= 0) throw damaged(where + " has no image width/height (" + d.width + "x" + d.height + ")");
			final boolean tiled = d.tileWidth > 0;
			if (d.offsets == null) throw damaged(where + " has no " + (tiled ? "tile" : "strip") + " offsets");
			if (d.counts != null && d.counts.length != d.offsets.length)
				throw damaged(where + " has " + d.offsets.length + " data offsets but " + d.counts.length + " byte counts");
			final long expectedBlocks = expectedBlocks(d);
			if (expectedBlocks > 0 && d.offsets.length < expectedBlocks)
				throw damaged(String.format(Locale.ROOT, "%s: a %dx%d plane needs %d %s, the header lists %d", where, d.width, d.height, expectedBlocks,
					tiled ? "tiles" : "strips", d.offsets.length));
			long total = 0;
			for (int i = 0; i < d.offsets.length; i++) {
				final long count = d.counts != null ? d.counts[i] : d.compression == 1 ? blockBytes(d, i) : 0;
				if (d.offsets[i] < 0 || count < 0 || d.offsets[i] + count > size)
					throw damaged(String.format(Locale.ROOT, "truncated: %s %d of %d (%s) ends at byte %d, the file has %d bytes", tiled ? "tile" : "strip", i + 1,
						d.offsets.length, where, d.offsets[i] + count, size));
				total += count;
			}
			if (d.compression == 1 && d.counts != null && !tiled && total < d.planeBytes())
				throw damaged(String.format(Locale.ROOT, "%s: its strips hold %d bytes, an uncompressed %dx%d plane of %d-bit samples needs %d", where, total, d.width,
					d.height, d.bits, d.planeBytes()));
		}

		private long expectedBlocks(final Ifd d) {
			final long perPlane;
			if (d.tileWidth > 0) {
				if (d.tileLength <= 0) return 0;
				perPlane = ceilDiv(d.width, d.tileWidth) * ceilDiv(d.height, d.tileLength);
			}
			else perPlane = d.rowsPerStrip <= 0 ? 1 : ceilDiv(d.height, Math.min(d.rowsPerStrip, d.height));
			return d.planar == 2 ? perPlane * d.samples : perPlane;
		}

		private long blockBytes(final Ifd d, final int i) {
			if (d.tileWidth > 0) return 0;
			final long rows = d.rowsPerStrip <= 0 ? d.height : Math.min(d.rowsPerStrip, d.height);
			final long perPlane = ceilDiv(d.height, rows);
			final long lastRows = d.height - (perPlane - 1) * rows;
			final long r = (i % perPlane) == perPlane - 1 ? lastRows : rows;
			return r * d.rowBytes();
		}

		private Ifd readIfd(final int index, final long at) throws IOException {
			final int entrySize = big ? 20 : 12, countSize = big ? 8 : 2, nextSize = big ? 8 : 4;
			if (at < 8 || at + countSize > size)
				throw damaged(String.format(Locale.ROOT, "truncated: IFD %d at byte %d lies beyond the end of the file (%d bytes)", index, at, size));
			final long n = big ? u64(at) : u16(at);
			final long end = at + countSize + n * entrySize + nextSize;
			if (n == 0 || n > 100_000 || end > size)
				throw damaged(String.format(Locale.ROOT, "truncated: IFD %d at byte %d (%d entries) lies beyond the end of the file (%d bytes)", index, at, n, size));
			final Ifd d = new Ifd(index);
			for (long e = 0; e < n; e++) {
				final long p = at + countSize + e * entrySize;
				final int tag = u16(p), type = u16(p + 2);
				final long count = big ? u64(p + 4) : u32(p + 4);
				final long valueAt = p + (big ? 12 : 8);
				final int ts = typeSize(type);
				if (ts == 0) continue; // unknown type: readers skip it
				final long bytes = count * ts;
				final long dataAt = bytes <= (big ? 8 : 4) ? valueAt : big ? u64(valueAt) : u32(valueAt);
				if (count < 0 || count > Integer.MAX_VALUE || dataAt + bytes > size) {
					if (isDataTag(tag) || tag == WIDTH || tag == HEIGHT || tag == BITS)
						throw damaged(String.format(Locale.ROOT, "truncated: IFD %d's tag %d (%d values at byte %d) lies beyond the end of the file (%d bytes)", index,
							tag, count, dataAt, size));
					continue;
				}
				switch (tag) {
					case NEW_SUBFILE_TYPE: d.subfileType = first(type, dataAt); break;
					case WIDTH: d.width = first(type, dataAt); break;
					case HEIGHT: d.height = first(type, dataAt); break;
					case BITS: d.bits = (int) first(type, dataAt); break;
					case COMPRESSION: d.compression = (int) first(type, dataAt); break;
					case SAMPLES: d.samples = (int) Math.max(1, first(type, dataAt)); break;
					case ROWS_PER_STRIP: d.rowsPerStrip = first(type, dataAt); break;
					case PLANAR: d.planar = (int) first(type, dataAt); break;
					case TILE_WIDTH: d.tileWidth = first(type, dataAt); break;
					case TILE_LENGTH: d.tileLength = first(type, dataAt); break;
					case STRIP_OFFSETS:
					case TILE_OFFSETS: d.offsets = array(type, dataAt, (int) count); break;
					case STRIP_BYTES:
					case TILE_BYTES: d.counts = array(type, dataAt, (int) count); break;
					case DESCRIPTION:
						if (index == 1 && type == 2 && count < (1 << 24)) {
							final byte[] b = new byte[(int) count];
							raf.seek(dataAt);
							raf.readFully(b);
							int len = b.length;
							while (len > 0 && b[len - 1] == 0) len--;
							d.description = new String(b, 0, len, StandardCharsets.ISO_8859_1);
						}
						break;
					default: break;
				}
			}
			d.next = big ? u64(at + countSize + n * entrySize) : u32(at + countSize + n * entrySize);
			return d;
		}

		private static boolean isDataTag(final int tag) {
			return tag == STRIP_OFFSETS || tag == STRIP_BYTES || tag == TILE_OFFSETS || tag == TILE_BYTES;
		}

		private static int typeSize(final int type) {
			switch (type) {
				case 1: case 2: case 6: case 7: return 1; // BYTE ASCII SBYTE UNDEFINED
				case 3: case 8: return 2; // SHORT SSHORT
				case 4: case 9: case 11: case 13: return 4; // LONG SLONG FLOAT IFD
				case 5: case 10: case 12: case 16: case 17: case 18: return 8; // RATIONAL SRATIONAL DOUBLE LONG8 SLONG8 IFD8
				default: return 0;
			}
		}

		private long first(final int type, final long at) throws IOException {
			return value(type, at);
		}

		private long value(final int type, final long at) throws IOException {
			switch (type) {
				case 1: case 6: case 7: raf.seek(at); return raf.readUnsignedByte();
				case 3: case 8: return u16(at);
				case 16: case 17: case 18: return u64(at);
				default: return u32(at);
			}
		}

		private long[] array(final int type, final long at, final int count) throws IOException {
			final int ts = typeSize(type);
			final byte[] b = new byte[Math.multiplyExact(count, ts)];
			raf.seek(at);
			raf.readFully(b);
			final long[] v = new long[count];
			for (int i = 0; i < count; i++) {
				final int o = i * ts;
				switch (ts) {
					case 1: v[i] = b[o] & 0xff; break;
					case 2: v[i] = little ? (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 : (b[o] & 0xff) << 8 | (b[o + 1] & 0xff); break;
					case 4: v[i] = le(b, o, 4); break;
					default: v[i] = le(b, o, 8); break;
				}
			}
			return v;
		}

		private long le(final byte[] b, final int o, final int n) {
			long v = 0;
			for (int k = 0; k < n; k++) {
				final long byt = b[o + (little ? k : n - 1 - k)] & 0xffL;
				v |= byt << (8 * k);
			}
			return v;
		}

		private int u16(final long at) throws IOException {
			final byte[] b = read(at, 2);
			return (int) le(b, 0, 2);
		}

		private long u32(final long at) throws IOException {
			return le(read(at, 4), 0, 4);
		}

		private long u64(final long at) throws IOException {
			final long v = le(read(at, 8), 0, 8);
			if (v < 0) throw damaged("offset " + Long.toUnsignedString(v) + " at byte " + at + " is beyond any file");
			return v;
		}

		private byte[] read(final long at, final int n) throws IOException {
			if (at < 0 || at + n > size) throw damaged(String.format(Locale.ROOT, "truncated: needs bytes %d-%d, the file has %d bytes", at, at + n - 1, size));
			final byte[] b = new byte[n];
			raf.seek(at);
			try {
				raf.readFully(b);
			}
			catch (final EOFException e) {
				throw damaged("truncated at byte " + at);
			}
			return b;
		}
	}

	private static long ceilDiv(final long a, final long b) {
		return b <= 0 ? 0 : (a + b - 1) / b;
	}

	/** The fields of one IFD that say where its pixel data are. */
	private static final class Ifd {
		final int index;
		long next;
		long subfileType;
		long width = -1, height = -1;
		int bits = 1, compression = 1, samples = 1, planar = 1;
		long rowsPerStrip = -1, tileWidth = -1, tileLength = -1;
		long[] offsets, counts;
		String description;

		Ifd(final int index) {
			this.index = index;
		}

		long rowBytes() {
			return planar == 2 ? ceilDiv(width * bits, 8) : ceilDiv(width * bits * (long) samples, 8);
		}

		/** Bytes of an uncompressed plane (all samples). */
		long planeBytes() {
			return planar == 2 ? rowBytes() * height * samples : rowBytes() * height;
		}
	}
}
