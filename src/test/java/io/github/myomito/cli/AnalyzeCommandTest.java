package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.myomito.simulate.Truth;

/**
 * {@code myomito analyze} over a folder of simulated images: the contract columns, one row per file,
 * object counts equal to the simulator's truth, LC3 columns, and a bad file among good ones.
 */
class AnalyzeCommandTest {

	static final List<String> IMAGE_CONTRACT = List.of("file", "status", "message", "objects", "individuals", "networks", "branches", "junctions",
		"endpoints", "loops", "total_length_um", "mean_branch_length_um", "footprint_um2", "fragmentation_index");
	static final List<String> FIBRE_CONTRACT = List.of("file", "fibre", "area_um2", "axis_deg", "transverse_fraction", "longitudinal_fraction",
		"period_um", "lattice_index", "loops_per_100um2");
	static final List<String> LC3_CONTRACT = List.of("lc3_puncta", "lc3_on_mito_fraction", "pearson", "manders_m1", "manders_m2");

	@TempDir
	static Path dir;

	static Path in;
	static final int N = 3;

	@BeforeAll
	static void images() throws Exception {
		in = Files.createDirectories(dir.resolve("in"));
		for (int s = 1; s <= N; s++) Cli.simulate(in, "x" + s + ".tif", s);
	}

	static Truth truth(final String tif) throws Exception {
		return Truth.fromJson(Files.readString(Path.of(tif.replaceFirst("\\.tif$", ".truth.json")), StandardCharsets.UTF_8));
	}

	@Test
	void folderGivesOneRowPerImageWithTruthObjectCounts() throws Exception {
		final Path out = dir.resolve("res");
		final Cli.Result r = Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--axis-deg", 0, "--no-progress");
		assertThat(r.err).contains(N + " images, " + N + " analysed, 0 already complete, 0 failed");
		assertThat(Cli.tree(out)).contains("images.csv", "fibres.csv", "objects.csv", "branches.csv", "puncta.csv", "provenance.json");

		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		assertThat(images.header).containsAll(IMAGE_CONTRACT);
		assertThat(images.header.subList(0, 3)).containsExactly("file", "status", "message");
		assertThat(images.rows).hasSize(N);
		final Cli.Csv objects = Cli.csv(out.resolve("objects.csv"));
		final Cli.Csv puncta = Cli.csv(out.resolve("puncta.csv"));
		for (int i = 0; i < N; i++) {
			final String file = images.get(i, "file");
			assertThat(Path.of(file).getFileName().toString()).isEqualTo("x" + (i + 1) + ".tif");
			// the phantom's background is never 0, so M1 = M2 = 1 and the row says that they measure nothing (#16 item 9)
			assertThat(Double.parseDouble(Cli.csv(out.resolve("fibres.csv")).get(i, "manders_m1"))).isGreaterThanOrEqualTo(0.999);
			assertThat(images.get(i, "status")).isEqualTo("warning");
			// and that the whole-image region is mostly not fibre (the phantom's border, #16 item 2)
			assertThat(images.get(i, "message")).startsWith(io.github.myomito.coloc.PixelColocalisation.MANDERS_SATURATED_WARNING + "; ")
				.contains(io.github.myomito.pipeline.ImageAnalysis.OUTSIDE_FIBRE);
			final Truth t = truth(file);
			final int objs = Integer.parseInt(images.get(i, "objects"));
			assertThat(objs).as("objects of %s", file).isEqualTo(t.counts().objects());
			// the objects table has one row per object of this file, numbered 1..n
			assertThat(objects.rows.stream().filter(row -> row.get(0).equals(file)).count()).isEqualTo(objs);
			assertThat(Integer.parseInt(images.get(i, "individuals")) + Integer.parseInt(images.get(i, "networks"))).isEqualTo(objs);
			assertThat(Integer.parseInt(images.get(i, "loops"))).as("loops of %s", file).isEqualTo(t.counts().loops());
			final double len = Double.parseDouble(images.get(i, "total_length_um"));
			assertThat(len).as("skeleton length of %s", file).isCloseTo(t.counts().totalLengthUm(), within(0.15 * t.counts().totalLengthUm()));
			assertThat(Double.parseDouble(images.get(i, "mean_branch_length_um")))
				.isCloseTo(len / Integer.parseInt(images.get(i, "branches")), within(1e-9));
			// mask area: the objects' areas summed; the blurred, thresholded network is wider than the true tubes, within reason;
			// the footprint is corrected for the blur (network.SizeModel): with the default PSF (smaller than the phantom's,
			// not given here) it is closer to the true mask than the mask area (within 10 % with the PSF given: SizeAccuracyTest)
			final double maskArea = Double.parseDouble(images.get(i, "mask_area_um2"));
			final int area = objects.header.indexOf("area_um2");
			assertThat(maskArea).isCloseTo(objects.rows.stream().filter(row -> row.get(0).equals(file)).mapToDouble(row -> Double.parseDouble(row.get(area))).sum(),
				within(1e-6));
			assertThat(maskArea / t.maskAreaUm2()).isBetween(0.8, 1.6);
			final double footprint = Double.parseDouble(images.get(i, "footprint_um2"));
			assertThat(Math.abs(footprint - t.maskAreaUm2())).as("footprint of %s", file).isLessThan(Math.abs(maskArea - t.maskAreaUm2()));
			assertThat(footprint / t.maskAreaUm2()).isBetween(0.8, 1.3);
			assertThat(Double.parseDouble(images.get(i, "fragmentation_index"))).isBetween(0.0, 1.0);
			// puncta table: one row per detected LC3 punctum of this file
			final Cli.Csv fib = Cli.csv(out.resolve("fibres.csv"));
			assertThat(puncta.rows.stream().filter(row -> row.get(0).equals(file)).count()).isEqualTo(Long.parseLong(fib.get(i, "lc3_puncta")));
		}

		final Cli.Csv fibres = Cli.csv(out.resolve("fibres.csv"));
		assertThat(fibres.header).containsAll(FIBRE_CONTRACT).containsAll(LC3_CONTRACT);
		assertThat(fibres.rows).hasSize(N);
		for (int i = 0; i < N; i++) {
			final Truth t = truth(fibres.get(i, "file"));
			assertThat(fibres.get(i, "fibre")).isEqualTo("image");
			assertThat(Double.parseDouble(fibres.get(i, "area_um2")))
				.isCloseTo(t.dims()[0] * t.dims()[1] * t.spacing()[0] * t.spacing()[1], within(1e-6));
			assertThat(Double.parseDouble(fibres.get(i, "axis_deg"))).isEqualTo(0.0);
			assertThat(Double.parseDouble(fibres.get(i, "period_um"))).as("period").isCloseTo(t.periodUm(), within(0.1));
			final double tf = Double.parseDouble(fibres.get(i, "transverse_fraction")), lf = Double.parseDouble(fibres.get(i, "longitudinal_fraction"));
			assertThat(tf).isBetween(0.0, 1.0);
			assertThat(tf + lf).isBetween(0.0, 1.0 + 1e-9);
			// the lattice is mostly longitudinal in truth and so it is measured
			assertThat(lf).isGreaterThan(tf);
			assertThat(t.longitudinalFraction()).isGreaterThan(t.transverseFraction());
			assertThat(Double.parseDouble(fibres.get(i, "lattice_index"))).isBetween(0.0, 1.0);
			final double area = Double.parseDouble(fibres.get(i, "area_um2"));
			final double loopsPer100 = Double.parseDouble(fibres.get(i, "loops_per_100um2"));
			assertThat(loopsPer100).isCloseTo(100.0 * t.counts().loops() / area, within(1e-6));
			// LC3: every simulated punctum found, the on-mitochondria fraction near the truth's
			assertThat(Integer.parseInt(fibres.get(i, "lc3_puncta"))).isCloseTo(t.lc3Puncta().size(), within(2));
			assertThat(Double.parseDouble(fibres.get(i, "lc3_on_mito_fraction"))).isCloseTo(t.lc3OnMitoFraction(), within(0.2));
			assertThat(Double.parseDouble(fibres.get(i, "pearson"))).isBetween(-1.0, 1.0);
			assertThat(Double.parseDouble(fibres.get(i, "manders_m1"))).isBetween(0.0, 1.0);
			assertThat(Double.parseDouble(fibres.get(i, "manders_m2"))).isBetween(0.0, 1.0);
		}
	}

	@Test
	void withoutLc3ChannelTheLc3ColumnsAreEmpty() throws Exception {
		final Path out = dir.resolve("nolc3");
		Cli.ok("analyze", in.resolve("x1.tif"), "--out", out, "--no-progress");
		final Cli.Csv fibres = Cli.csv(out.resolve("fibres.csv"));
		assertThat(fibres.rows).hasSize(1);
		for (final String c : LC3_CONTRACT)
			if (fibres.header.contains(c)) assertThat(fibres.get(0, c)).as(c).isIn("", "NaN", "0");
	}

	@Test
	void badFileAmongGoodOnesGetsAnErrorRowAndExitOne() throws Exception {
		final Path mixed = Files.createDirectories(dir.resolve("mixed"));
		Files.copy(in.resolve("x1.tif"), mixed.resolve("a.tif"));
		Files.writeString(mixed.resolve("b.tif"), "this is not a TIFF\n", StandardCharsets.UTF_8);
		Files.copy(in.resolve("x2.tif"), mixed.resolve("c.tif"));
		final Path out = dir.resolve("mixed-res");
		final Cli.Result r = Cli.run("analyze", mixed, "--out", out, "--no-progress");
		assertThat(r.code).as("%s", r).isEqualTo(Main.SOME_FAILED);
		assertThat(r.err).contains("3 images, 3 analysed, 0 already complete, 1 failed");
		assertThat(r.errLines()).anySatisfy(l -> assertThat(l).contains(mixed.resolve("b.tif").toString()).contains("error"));
		assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		assertThat(images.rows).hasSize(3);
		// the good ones: analysed, with the whole-image region warning only (the phantom's border around the fibre)
		assertThat(images.get(0, "status")).isEqualTo("warning");
		assertThat(images.get(0, "message")).startsWith(io.github.myomito.pipeline.ImageAnalysis.OUTSIDE_FIBRE).doesNotContain(";");
		assertThat(images.get(1, "status")).isEqualTo("error");
		assertThat(images.get(1, "file")).endsWith("b.tif");
		assertThat(images.get(1, "message")).contains("b.tif").contains("not an image");
		assertThat(images.get(1, "objects")).isEqualTo("NaN");
		assertThat(images.get(2, "status")).isEqualTo("warning");
		assertThat(Integer.parseInt(images.get(2, "objects"))).isEqualTo(truth(in.resolve("x2.tif").toString()).counts().objects());
		// the failed file has no rows in the other tables
		assertThat(Cli.csv(out.resolve("objects.csv")).rows).noneMatch(row -> row.get(0).endsWith("b.tif"));
	}

	@Test
	void thePsfOptionsCorrectFreeEndsToTheTruthsLength() throws Exception {
		// a fragmented phantom (PSF σ 0.12 µm): with its PSF as FWHM the total length is within 3 % of the truth,
		// without the correction ~15 % short; the branch table says by how much each branch was lengthened
		final Path f = Files.createDirectories(dir.resolve("psf"));
		final Path tif = f.resolve("fission.tif");
		Cli.ok("simulate", "--pattern", "fission-fragmented", "--seed", 2, "--out", tif, "--width-um", "20", "--length-um", "30");
		final double truth = truth(tif.toString()).counts().totalLengthUm();
		final double fwhm = 0.12 * io.github.myomito.pipeline.AnalysisSettings.FWHM_PER_SIGMA;
		Cli.ok("analyze", tif, "--out", dir.resolve("psf-given"), "--psf-um", fwhm, "--no-progress", "--no-qc");
		Cli.ok("analyze", tif, "--out", dir.resolve("psf-optics"), "--wavelength-nm", 600, "--na", 0.51 * 600 / 1000 / fwhm, "--no-progress", "--no-qc");
		Cli.ok("analyze", tif, "--out", dir.resolve("psf-off"), "--psf-um", fwhm, "--no-end-correction", "--no-progress", "--no-qc");
		final double given = Double.parseDouble(Cli.csv(dir.resolve("psf-given").resolve("images.csv")).get(0, "total_length_um"));
		final double optics = Double.parseDouble(Cli.csv(dir.resolve("psf-optics").resolve("images.csv")).get(0, "total_length_um"));
		final double off = Double.parseDouble(Cli.csv(dir.resolve("psf-off").resolve("images.csv")).get(0, "total_length_um"));
		assertThat(given).isCloseTo(truth, within(0.03 * truth));
		assertThat(optics).isCloseTo(given, within(1e-3 * truth));
		assertThat(off).isLessThan(0.9 * truth);
		final Cli.Csv branches = Cli.csv(dir.resolve("psf-given").resolve("branches.csv"));
		double sum = 0;
		for (int i = 0; i < branches.rows.size(); i++) sum += Double.parseDouble(branches.get(i, "end_correction_um"));
		assertThat(sum).isPositive();
		final Cli.Csv offBranches = Cli.csv(dir.resolve("psf-off").resolve("branches.csv"));
		for (int i = 0; i < offBranches.rows.size(); i++) assertThat(Double.parseDouble(offBranches.get(i, "end_correction_um"))).isZero();
		// bad PSF options are usage errors naming the option
		final Cli.Result zero = Cli.run("analyze", tif, "--out", dir.resolve("bad"), "--psf-um", 0);
		assertThat(zero.code).isEqualTo(Main.USAGE);
		assertThat(zero.err).contains("--psf-um must be a positive number of µm, got 0.0");
		final Cli.Result half = Cli.run("analyze", tif, "--out", dir.resolve("bad"), "--wavelength-nm", 520);
		assertThat(half.code).isEqualTo(Main.USAGE);
		assertThat(half.err).contains("--wavelength-nm and --na go together");
		final Cli.Result both = Cli.run("analyze", tif, "--out", dir.resolve("bad"), "--psf-um", 0.2, "--wavelength-nm", 520, "--na", 1.4);
		assertThat(both.err).contains("either as --psf-um or as --wavelength-nm");
		assertThat(dir.resolve("bad")).doesNotExist();
	}
}
