package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.process.ShortProcessor;
import io.github.myomito.results.SampleSheet;

/**
 * Seeded mutation fuzzing of the three readers of outside bytes: the image reader ({@link ImageFiles#open},
 * TIFF), the ROI reader ({@link FibreRois#read}) and the sample-sheet parser ({@link SampleSheet#read}).
 * Each case flips, overwrites, inserts or deletes bytes of a valid file, or cuts it short. Every case
 * must end either in a result or in the documented {@link IOException} whose one-line message names the
 * file; any other exception fails, a case may not hang, and a shortened TIFF must never be read. The
 * number of cases is {@code myomito.fuzz.cases} (500 by default; {@code mvn -Pfuzz test} runs 10,000).
 */
class FuzzTest {

	static final int CASES = Integer.getInteger("myomito.fuzz.cases", 500);

	@TempDir
	Path dir;

	/** A small two-channel 16-bit ImageJ TIFF (calibrated), as the analysis reads them. */
	private byte[] tiff() throws IOException {
		final ImageStack st = new ImageStack(40, 30);
		final Random rnd = new Random(1);
		for (int c = 0; c < 2; c++) {
			final short[] px = new short[40 * 30];
			for (int i = 0; i < px.length; i++) px[i] = (short) rnd.nextInt(4000);
			st.addSlice(new ShortProcessor(40, 30, px, null));
		}
		final ImagePlus imp = new ImagePlus("f", st);
		imp.setDimensions(2, 1, 1);
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 0.1;
		imp.getCalibration().setUnit("micron");
		final Path p = dir.resolve("seed.tif");
		ImageFiles.writeTiff(imp, p);
		return Files.readAllBytes(p);
	}

	private static byte[] roiZip() throws IOException {
		final ByteArrayOutputStream bo = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(bo)) {
			final Roi[] rois = { new Roi(2, 3, 20, 10), new OvalRoi(5, 5, 12, 8),
				new PolygonRoi(new int[] { 1, 30, 25, 3 }, new int[] { 1, 4, 20, 25 }, 4, Roi.POLYGON) };
			for (int i = 0; i < rois.length; i++) {
				z.putNextEntry(new ZipEntry("fibre" + i + ".roi"));
				z.write(RoiEncoder.saveAsByteArray(rois[i]));
				z.closeEntry();
			}
		}
		return bo.toByteArray();
	}

	/** One seeded mutation; {@code shortened[0]} is set when the result is a prefix of the input. */
	static byte[] mutate(final byte[] in, final Random r, final boolean[] shortened) {
		shortened[0] = false;
		byte[] b = in.clone();
		final int kind = r.nextInt(6);
		switch (kind) {
			case 0: // cut short
				shortened[0] = true;
				return Arrays.copyOf(b, r.nextInt(b.length));
			case 1: // flip bits
				for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
				return b;
			case 2: // overwrite with interesting values
				for (int k = 1 + r.nextInt(3); k > 0; k--) {
					final int at = r.nextInt(b.length);
					final byte[] v = { 0, (byte) 0xff, 0x7f, (byte) 0x80, 1 };
					for (int j = 0; j < 1 + r.nextInt(4) && at + j < b.length; j++) b[at + j] = v[r.nextInt(v.length)];
				}
				return b;
			case 3: { // delete a range
				final int at = r.nextInt(b.length), len = 1 + r.nextInt(Math.min(64, b.length - at));
				final byte[] o = new byte[b.length - len];
				System.arraycopy(b, 0, o, 0, at);
				System.arraycopy(b, at + len, o, at, b.length - at - len);
				return o;
			}
			case 4: { // insert random bytes
				final int at = r.nextInt(b.length + 1), len = 1 + r.nextInt(32);
				final byte[] o = new byte[b.length + len];
				System.arraycopy(b, 0, o, 0, at);
				final byte[] ins = new byte[len];
				r.nextBytes(ins);
				System.arraycopy(ins, 0, o, at, len);
				System.arraycopy(b, at, o, at + len, b.length - at);
				return o;
			}
			default: // random byte values
				for (int k = 1 + r.nextInt(8); k > 0; k--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
				return b;
		}
	}

	private static void documented(final IOException e, final Path p, final String what) {
		assertThat(e.getMessage()).as("%s: the message names the file", what).contains(p.toString());
		assertThat(e.getMessage()).as("%s: one line", what).doesNotContain("\n");
	}

	@Test
	@Timeout(600)
	void tiffReader() throws IOException {
		final byte[] seed = tiff();
		assertThat(ImageFiles.open(dir.resolve("seed.tif")).getNChannels()).isEqualTo(2);
		final Random r = new Random(20261204L);
		final boolean[] shortened = new boolean[1];
		int read = 0, refused = 0;
		for (int i = 0; i < CASES; i++) {
			final byte[] m = mutate(seed, r, shortened);
			final Path p = dir.resolve("m.tif");
			Files.write(p, m);
			try {
				final ImagePlus imp = ImageFiles.open(p);
				if (shortened[0]) fail("case %d: a TIFF cut to %d of %d bytes was read (%s)", i, m.length, seed.length, imp);
				read++;
			}
			catch (final IOException e) {
				documented(e, p, "case " + i);
				refused++;
			}
			catch (final RuntimeException e) {
				throw new AssertionError("case " + i + ": undocumented exception", e);
			}
		}
		assertThat(read + refused).isEqualTo(CASES);
		assertThat(refused).as("cuts are always refused: at least a sixth of the cases").isGreaterThan(CASES / 10);
	}

	@Test
	@Timeout(600)
	void roiReader() throws IOException {
		final byte[] seed = roiZip();
		final Path ok = dir.resolve("seed.zip");
		Files.write(ok, seed);
		assertThat(FibreRois.read(ok)).hasSize(3);
		final Random r = new Random(7L);
		final boolean[] shortened = new boolean[1];
		for (int i = 0; i < CASES; i++) {
			final Path p = dir.resolve(i % 2 == 0 ? "m.zip" : "m.roi");
			final byte[] src = i % 2 == 0 ? seed : RoiEncoder.saveAsByteArray(new OvalRoi(5, 5, 12, 8));
			Files.write(p, mutate(src, r, shortened));
			try {
				FibreRois.read(p);
			}
			catch (final IOException e) {
				documented(e, p, "ROI case " + i);
			}
			catch (final RuntimeException e) {
				throw new AssertionError("ROI case " + i + ": undocumented exception", e);
			}
		}
	}

	@Test
	@Timeout(600)
	void sampleSheetParser() throws IOException {
		final byte[] seed = ("\uFEFFfile,condition,animal,timepoint,stage\n\"a,1.tif\",control,m1,0,\"early\"\nb.tif,atrophy,m2,7,late\n"
			+ "sub/c.tif,\"con\"\"trol\",m3,14,late\n").getBytes(StandardCharsets.UTF_8);
		final Path ok = dir.resolve("seed.csv");
		Files.write(ok, seed);
		final SampleSheet s = SampleSheet.read(ok);
		assertThat(s.value("a,1.tif", "condition")).isEqualTo("control");
		assertThat(s.value("/data/sub/c.tif", "condition")).isEqualTo("con\"trol");
		final Random r = new Random(11L);
		final boolean[] shortened = new boolean[1];
		for (int i = 0; i < CASES; i++) {
			final Path p = dir.resolve("m.csv");
			Files.write(p, mutate(seed, r, shortened));
			try {
				final SampleSheet m = SampleSheet.read(p);
				for (final String f : m.files()) assertThat(m.row(f)).isNotNull();
			}
			catch (final IOException e) {
				documented(e, p, "sheet case " + i);
			}
			catch (final RuntimeException e) {
				throw new AssertionError("sheet case " + i + ": undocumented exception", e);
			}
		}
	}

	@Test
	void mutationsAreSeeded() {
		final byte[] in = new byte[100];
		final boolean[] s = new boolean[1];
		assertThat(mutate(in, new Random(3), s)).isEqualTo(mutate(in, new Random(3), s));
		assertThatThrownBy(() -> SampleSheet.read(dir.resolve("none.csv"))).hasMessageContaining("none.csv");
	}
}
