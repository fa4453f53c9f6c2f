package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.simulate.Truth;

/** {@code myomito simulate}: the image and the truth it writes read back as simulated. */
class SimulateCommandTest {

	@TempDir
	Path dir;

	@Test
	void writesTwoChannelCalibratedTiffAndTruth() throws Exception {
		final Cli.Result r = Cli.ok("simulate", "--pattern", "oxidative-lattice", "--seed", 7, "--width-um", 12, "--length-um", 16,
			"--pixel-um", 0.12, "--out", dir.resolve("x.tif"));
		assertThat(r.out).contains("x.tif").contains("x.truth.json");
		assertThat(Cli.tree(dir)).containsExactly("x.tif", "x.truth.json");

		final ImagePlus imp = ImageFiles.open(dir.resolve("x.tif"));
		assertThat(imp.getNChannels()).isEqualTo(2);
		assertThat(imp.getCalibration().pixelWidth).isCloseTo(0.12, within(1e-6));
		assertThat(imp.getCalibration().pixelHeight).isCloseTo(0.12, within(1e-6));
		assertThat(imp.getCalibration().getUnit()).isIn("µm", "micron", "um");

		final FibreImage img = ImageFiles.read(dir.resolve("x.tif"));
		assertThat(img.numChannels()).isEqualTo(2);
		assertThat(img.spacing()).containsExactly(new double[] { 0.12, 0.12 }, within(1e-6)); // TIFF stores a rational

		final Truth t = Truth.fromJson(Files.readString(dir.resolve("x.truth.json"), StandardCharsets.UTF_8));
		final PhantomSettings expected = PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(7).fibreWidthUm(12).fibreLengthUm(16)
			.pixelUm(0.12).build();
		assertThat(t.settings()).isEqualTo(expected);
		assertThat(t.pattern()).isEqualTo(Pattern.OXIDATIVE_LATTICE);
		assertThat(t.spacing()).containsExactly(new double[] { 0.12, 0.12 }, within(1e-12));
		assertThat(t.dims()).containsExactly(imp.getWidth(), imp.getHeight());
		// the CLI's truth is the simulator's truth for the same settings
		final Truth direct = PhantomSimulator.simulate(expected).truth();
		assertThat(t.counts().objects()).isEqualTo(direct.counts().objects()).isPositive();
		assertThat(t.counts().branches()).isEqualTo(direct.counts().branches());
		assertThat(t.counts().loops()).isEqualTo(direct.counts().loops());
		assertThat(t.toJson()).isEqualTo(direct.toJson());
	}

	@Test
	void psfUmIsTheFwhmAsInAnalyzeAndColoc() throws Exception {
		// #16 item 9: one meaning of --psf-um: the same number gives the phantom and the analysis the same Gaussian
		Cli.ok("simulate", "--pattern", "swollen", "--seed", 3, "--width-um", 8, "--length-um", 8, "--psf-um", 0.4, "--out", dir.resolve("p.tif"));
		final Truth t = Truth.fromJson(Files.readString(dir.resolve("p.truth.json"), StandardCharsets.UTF_8));
		assertThat(t.settings().psfSigmaUm()).isCloseTo(0.4 / 2.3548200450309493, within(1e-12));
		final AnalyzeCommand a = new AnalyzeCommand();
		new picocli.CommandLine(a).parseArgs("--out", dir.resolve("o").toString(), "--psf-um", "0.4", dir.resolve("p.tif").toString());
		assertThat(a.settings().psfSigmaUm()).isCloseTo(t.settings().psfSigmaUm(), within(1e-12));
		// the help says so
		assertThat(Cli.ok("simulate", "--help").out).contains("FWHM");
	}

	@Test
	void sameSeedSameImage() throws Exception {
		Cli.simulate(dir, "a.tif", 3);
		Cli.simulate(dir, "b.tif", 3);
		Cli.simulate(dir, "c.tif", 4);
		assertThat(Files.readAllBytes(dir.resolve("b.tif"))).isEqualTo(Files.readAllBytes(dir.resolve("a.tif")));
		assertThat(Files.readAllBytes(dir.resolve("c.tif"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a.tif")));
	}

	@Test
	void maskOptionWritesTheTrueMask() throws Exception {
		Cli.ok("simulate", "--pattern", "glycolytic-fragmented", "--seed", 2, "--width-um", 12, "--length-um", 16, "--mask", "--out", dir.resolve("g.tif"));
		final Truth t = Truth.fromJson(Files.readString(dir.resolve("g.truth.json"), StandardCharsets.UTF_8));
		final ImagePlus m = ImageFiles.open(dir.resolve("g.mask.tif"));
		long on = 0;
		for (final float v : (float[]) m.getProcessor().convertToFloatProcessor().getPixels()) if (v != 0) on++;
		final double px = m.getCalibration().pixelWidth;
		assertThat(on * px * px).isCloseTo(t.maskAreaUm2(), within(1e-6));
	}

	/**
	 * A setting error names the option the user typed: 0.2 µm pixels cannot render the default 0.3 µm tubes without
	 * sub-pixels, and the error says {@code --supersample ≥ 2} (the field's name, supersample, is the option's own, so
	 * it is not repeated as "--supersample (supersample)").
	 */
	@Test
	void settingErrorsNameTheOptionsTyped() {
		final Cli.Result r = Cli.run("simulate", "--pattern", "oxidative-lattice", "--pixel-um", 0.2, "--out", dir.resolve("e.tif"));
		assertThat(r.code).isNotZero();
		assertThat(r.err).contains("--supersample ≥ 2").doesNotContain("(supersample)");
	}
}
