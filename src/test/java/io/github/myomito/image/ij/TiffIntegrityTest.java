package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;

/** Damaged TIFFs are errors naming the file and what is missing; sound ones read as before. */
class TiffIntegrityTest {

	static final Path SAMPLE = Path.of("sample-images", "fission-fragmented_seed7.tif");
	static final Path STACK = Path.of("sample-images", "oxidative-lattice_3d_seed7.tif");

	@TempDir
	Path dir;

	private Path write(final String name, final byte[] b) throws IOException {
		final Path p = dir.resolve(name);
		Files.write(p, b);
		return p;
	}

	@Test
	void soundFilesPass() throws IOException {
		final TiffIntegrity.Summary s = TiffIntegrity.check(SAMPLE);
		assertThat(s.planes).isEqualTo(2);
		assertThat(s.width).isEqualTo(341);
		assertThat(s.height).isEqualTo(241);
		assertThat(s.channels).isEqualTo(2);
		final ImagePlus imp = ImageFiles.open(STACK);
		assertThat(imp.getNChannels()).isEqualTo(2);
		assertThat(imp.getNSlices()).isEqualTo(6);
		assertThat(TiffIntegrity.check(STACK).planes).isEqualTo(12);
	}

	@Test
	void theIssuesTruncatedFileIsAnError() throws IOException {
		// head -c 3000 sample-images/fission-fragmented_seed7.tif: was read as a 1-channel image, status ok
		final Path t = write("truncated.tif", Arrays.copyOf(Files.readAllBytes(SAMPLE), 3000));
		assertThatThrownBy(() -> ImageFiles.open(t)).isInstanceOf(IOException.class).hasMessageContaining(t.toString())
			.hasMessageContaining("damaged TIFF").hasMessageContaining("truncated").hasMessageContaining("3000 bytes");
	}

	@Test
	void everyShorteningIsAnError() throws IOException {
		// cut at 60 places from the header to the last byte: never read
		for (final Path src : new Path[] { SAMPLE, STACK }) {
			final byte[] b = Files.readAllBytes(src);
			for (int k = 0; k < 60; k++) {
				final int len = 1 + (int) ((long) (b.length - 2) * k / 59);
				final Path t = write("cut" + len + ".tif", Arrays.copyOf(b, len));
				assertThatThrownBy(() -> ImageFiles.open(t)).as("%s cut to %d of %d bytes", src, len, b.length).isInstanceOf(IOException.class)
					.hasMessageContaining(t.toString());
			}
		}
	}

	@Test
	void aHeaderPromisingMorePlanesThanTheFileHoldsIsAnError() throws IOException {
		// one plane of a 2-channel ImageJ TIFF plus a description claiming 3 channels (same byte length)
		final byte[] b = Files.readAllBytes(SAMPLE);
		final String s = new String(b, StandardCharsets.ISO_8859_1);
		final byte[] more = s.replace("images=2\n", "images=3\n").replace("channels=2\n", "channels=3\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(more).isNotEqualTo(b).hasSameSizeAs(b);
		final Path p = write("more.tif", more);
		assertThatThrownBy(() -> ImageFiles.open(p)).hasMessageContaining(p.toString()).hasMessageContaining("3 planes").hasMessageContaining("holds 2");
		// channels × slices × frames must be images
		final Path q = write("odd.tif", s.replace("channels=2\n", "channels=4\n").getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> ImageFiles.open(q)).hasMessageContaining(q.toString()).hasMessageContaining("channels=4").hasMessageContaining("images=2");
	}

	@Test
	void zeroByteJunkAndTextFilesAreErrors() throws IOException {
		final Path zero = write("zero.tif", new byte[0]);
		assertThatThrownBy(() -> ImageFiles.open(zero)).hasMessageContaining(zero.toString()).hasMessageContaining("empty file");
		final byte[] junk = new byte[5000];
		new java.util.Random(3).nextBytes(junk);
		final Path j = write("junk.tif", junk);
		assertThatThrownBy(() -> ImageFiles.open(j)).hasMessageContaining(j.toString()).hasMessageContaining("not an image");
		final Path text = write("notes.tif", "file,condition\na.tif,ctrl\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> ImageFiles.open(text)).hasMessageContaining(text.toString()).hasMessageContaining("not an image");
		// a TIFF header and nothing else
		final Path head = write("head.tif", new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 });
		assertThatThrownBy(() -> ImageFiles.open(head)).hasMessageContaining(head.toString()).hasMessageContaining("damaged TIFF");
	}

	@Test
	void memoryEstimateFollowsItsModelAndRefusesBeforeTheWork() throws IOException {
		final TiffIntegrity.Summary s = TiffIntegrity.check(STACK);
		// 201 x 161 x 6 slices x 2 channels, 32-bit
		assertThat(s.pixelBytes).isEqualTo(201L * 161 * 6 * 2 * 4);
		assertThat(MemoryEstimate.bytesNeeded(s)).isEqualTo(s.pixelBytes + MemoryEstimate.BYTES_PER_VOXEL * 201 * 161 * 6);
		MemoryEstimate.check(STACK, 1L << 30);
		assertThatThrownBy(() -> MemoryEstimate.check(STACK, 1_000_000)).hasMessageContaining(STACK.toString()).hasMessageContaining("not enough memory")
			.hasMessageContaining("-Xmx1g");
	}

	@Test
	void aLoopingIfdChainIsAnErrorNotAHang() throws IOException {
		final byte[] b = Files.readAllBytes(SAMPLE);
		// the first IFD's next-IFD pointer, pointed back at the first IFD
		final int ifd = (b[4] & 0xff) | (b[5] & 0xff) << 8 | (b[6] & 0xff) << 16 | (b[7] & 0xff) << 24;
		final int n = (b[ifd] & 0xff) | (b[ifd + 1] & 0xff) << 8;
		final int next = ifd + 2 + 12 * n;
		for (int k = 0; k < 4; k++) b[next + k] = b[4 + k];
		final Path p = write("loop.tif", b);
		assertThatThrownBy(() -> ImageFiles.open(p)).hasMessageContaining(p.toString()).hasMessageContaining("loops");
	}
}
