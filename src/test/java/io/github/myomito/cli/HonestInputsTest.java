package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.pipeline.PixelScale;

/**
 * Inputs a new user really has (#16 items 1 and 8): folders of microscope files, JPEGs and pixel sizes in the
 * wrong unit are named in plain words and change the exit code, never an empty "0 failed" run.
 */
class HonestInputsTest {

	@TempDir
	Path dir;

	@Test
	void aFolderOfMicroscopeFilesNamesEachAndFails() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("czi"));
		Files.writeString(in.resolve("a.czi"), "ZISRAWFILE", StandardCharsets.UTF_8);
		Files.writeString(in.resolve("b.nd2"), "nd2", StandardCharsets.UTF_8);
		Files.writeString(Files.createDirectories(in.resolve("sub")).resolve("c.LIF"), "lif", StandardCharsets.UTF_8);
		final Cli.Result r = Cli.run("analyze", in, "--out", dir.resolve("out"), "--no-progress");
		assertThat(r.code).as("%s", r).isEqualTo(Main.SOME_FAILED);
		assertThat(r.err).contains(in.resolve("a.czi") + ": Zeiss CZI file").contains(in.resolve("b.nd2") + ": Nikon ND2 file")
			.contains(in.resolve("sub/c.LIF") + ": Leica LIF file").contains("3 microscope files skipped").contains("Bio-Formats")
			.contains("Save As > Tiff").contains("no images to read");

		final Cli.Result info = Cli.run("info", in);
		assertThat(info.code).as("%s", info).isEqualTo(Main.SOME_FAILED);
		assertThat(info.err).contains("a.czi").contains("b.nd2").contains("c.LIF").contains("Bio-Formats");
	}

	@Test
	void aMicroscopeFileBesideATiffIsNamedAndTheTiffAnalysed() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("mixed"));
		Cli.simulate(in, "x.tif", 3);
		Files.writeString(in.resolve("y.oib"), "oib", StandardCharsets.UTF_8);
		final Cli.Result r = Cli.run("analyze", in, "--out", dir.resolve("out"), "--no-progress", "--no-qc");
		assertThat(r.code).as("%s", r).isEqualTo(Main.SOME_FAILED);
		assertThat(r.err).contains("y.oib: Olympus OIB file").contains("1 image, 1 analysed");
		assertThat(Cli.csv(dir.resolve("out/images.csv")).rows).hasSize(1);
		// given by name, it gets its own error row saying how to convert it
		final Cli.Result one = Cli.run("analyze", in.resolve("y.oib"), "--out", dir.resolve("one"), "--no-progress", "--no-qc");
		assertThat(one.code).isEqualTo(Main.SOME_FAILED);
		final Cli.Csv images = Cli.csv(dir.resolve("one/images.csv"));
		assertThat(images.get(0, "status")).isEqualTo("error");
		assertThat(images.get(0, "message")).contains("Olympus OIB").contains("Bio-Formats");
	}

	@Test
	void anEmptyFolderIsNotASuccess() throws Exception {
		final Cli.Result r = Cli.run("analyze", Files.createDirectories(dir.resolve("empty")), "--out", dir.resolve("out"), "--no-progress");
		assertThat(r.code).isEqualTo(Main.SOME_FAILED);
		assertThat(r.err).contains("no images to read");
	}

	@Test
	void jpegInputCarriesTheLossyWarning() throws Exception {
		final Path tif = Cli.simulate(dir, "x.tif", 4);
		final ImagePlus imp = ImageFiles.open(tif);
		imp.setC(1);
		final ImagePlus one = new ImagePlus("x", imp.getProcessor().convertToByte(true));
		one.setCalibration(imp.getCalibration());
		final Path jpg = dir.resolve("x.jpg");
		IJ.saveAs(one, "jpeg", jpg.toString());
		assertThat(ImageFiles.read(jpg).warnings()).contains(ImageFiles.JPEG_WARNING);
		assertThat(ImageFiles.read(tif).warnings()).doesNotContain(ImageFiles.JPEG_WARNING);
		final Cli.Result info = Cli.ok("info", jpg);
		assertThat(info.out).contains("JPEG input: lossy compression");
		Cli.ok("analyze", jpg, "--out", dir.resolve("out"), "--no-progress", "--no-qc", "--pixel-size", "0.1");
		final Cli.Csv images = Cli.csv(dir.resolve("out/images.csv"));
		assertThat(images.get(0, "status")).isEqualTo("warning");
		assertThat(images.get(0, "message")).contains("JPEG input: lossy compression");
	}

	@Test
	void aPixelSizeInTheWrongUnitIsSaidPlainly() throws Exception {
		final Path tif = Cli.simulate(dir, "x.tif", 5);
		final Cli.Result r = Cli.ok("analyze", tif, "--out", dir.resolve("out"), "--no-progress", "--no-qc", "--pixel-size", "100");
		assertThat(r.err).contains("--pixel-size 100.0 µm is outside the range of light microscopy");
		final String m = Cli.csv(dir.resolve("out/images.csv")).get(0, "message");
		assertThat(m).contains("pixel size 100 µm is coarser than a mitochondrion")
			.contains("pixels of 100 µm cannot sample sarcomere periods from 1.5 µm (needs ≤ 0.75 µm per pixel").doesNotContain("Nyquist")
			.doesNotContain("minPeriodUm");
	}

	@Test
	void pixelScaleLimits() {
		// a 3000 × 2000 px image at 1 nm per pixel is 3 × 2 µm
		assertThat(PixelScale.warnings(0.001, new long[] { 3000, 2000 })).singleElement().asString()
			.contains("0.001 µm is finer than light microscopy").contains("only 3 × 2 µm").contains("slow");
		assertThat(PixelScale.warnings(0.1, new long[] { 3000, 2000 })).isEmpty();
		assertThat(PixelScale.warnings(2.5, new long[] { 30, 20 })).singleElement().asString().contains("2.5 µm is coarser");
		// Nyquist: a 1.5 µm period needs pixels ≤ 0.75 µm
		assertThat(PixelScale.resolvesPeriod(0.75, 1.5)).isTrue();
		assertThat(PixelScale.resolvesPeriod(0.76, 1.5)).isFalse();
	}
}
