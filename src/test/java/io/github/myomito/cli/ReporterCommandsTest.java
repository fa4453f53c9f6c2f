package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code simulate --reporter} / {@code --fibre-type-marker} and {@code analyze --reporter … --fibre-type-channel}:
 * mitolysosomes against the truth, the per-batch fibre-type call, and chunk + merge giving the single run's tables.
 */
class ReporterCommandsTest {

	@TempDir
	Path dir;

	private int trueCount(final Path image) throws Exception {
		final String stem = image.getFileName().toString().replaceFirst("\\.tif$", "");
		final JsonObject o = JsonParser.parseString(Files.readString(image.resolveSibling(stem + ".reporter.json"))).getAsJsonObject();
		return o.getAsJsonArray("mitolysosomes").size();
	}

	@Test
	void mitoQcAndMtKeimaMitolysosomesMatchTheTruth() throws Exception {
		for (final String[] r : new String[][] { { "mito-qc", "--red-channel", "--green-channel" }, { "mt-keima", "--acid-channel", "--neutral-channel" } }) {
			final Path in = dir.resolve(r[0]);
			Files.createDirectories(in);
			final Path img = Cli.simulate(in, "x.tif", 3, "--reporter", r[0], "--mitolysosomes", "8");
			final int truth = trueCount(img);
			assertThat(truth).isGreaterThan(5);
			final Path out = dir.resolve("out-" + r[0]);
			Cli.ok("analyze", img, "--out", out, "--reporter", r[0], r[1], 1, r[2], 2, "--band-um", 2, "--no-progress");
			final Cli.Csv lyso = Cli.csv(out.resolve("mitolysosomes.csv"));
			assertThat((double) lyso.rows.size()).isBetween(0.9 * truth, 1.1 * truth);
			final Cli.Csv fibres = Cli.csv(out.resolve("fibres.csv"));
			assertThat(fibres.get(0, "reporter")).isEqualTo(r[0]);
			assertThat(Integer.parseInt(fibres.get(0, "mitolysosomes"))).isEqualTo(lyso.rows.size());
			assertThat(Double.parseDouble(fibres.get(0, "mitolysosome_area_fraction"))).isBetween(0.0, 1.0);
			assertThat(Double.parseDouble(fibres.get(0, "mitolysosome_mean_size_um2"))).isBetween(0.05, 0.6);
		}
	}

	@Test
	void wrongReporterOptionsAreOneLineErrors() {
		final Cli.Result r = Cli.run("analyze", dir, "--out", dir.resolve("o"), "--reporter", "mito-qc", "--red-channel", 1);
		assertThat(r.code).isNotEqualTo(Main.OK);
		assertThat(r.err).contains("--green-channel");
		final Cli.Result k = Cli.run("analyze", dir, "--out", dir.resolve("o"), "--reporter", "keima2", "--acid-channel", 1, "--neutral-channel", 2);
		assertThat(k.err).contains("mito-qc or mt-keima");
	}

	@Test
	void fibreTypesOfAMixedBatchAndChunksMergeToTheSingleRun() throws Exception {
		final Path in = dir.resolve("in");
		Files.createDirectories(in);
		for (int i = 0; i < 6; i++)
			Cli.ok("simulate", "--pattern", i % 2 == 0 ? "oxidative-lattice" : "glycolytic-fragmented", "--seed", 10 + i, "--out", in.resolve("f" + i + ".tif"),
				"--width-um", 12, "--length-um", 16, "--fibre-type-marker");
		final Path single = dir.resolve("single");
		Cli.ok("analyze", in, "--out", single, "--lc3-channel", 2, "--fibre-type-channel", 3, "--threads", 2, "--no-progress");
		final Cli.Csv f = Cli.csv(single.resolve("fibres.csv"));
		assertThat(f.rows).hasSize(6);
		for (int r = 0; r < 6; r++) {
			final String file = f.get(r, "file");
			final int i = Integer.parseInt(file.replaceAll(".*f(\\d)\\.tif$", "$1"));
			assertThat(f.get(r, "fibre_type")).as(file).isEqualTo(i % 2 == 0 ? "type-I/oxidative" : "type-II/glycolytic");
		}
		final Path c1 = dir.resolve("c1"), c2 = dir.resolve("c2"), merged = dir.resolve("merged");
		Cli.ok("analyze", in, "--out", c1, "--lc3-channel", 2, "--fibre-type-channel", 3, "--chunk", "1/2", "--no-progress");
		Cli.ok("analyze", in, "--out", c2, "--lc3-channel", 2, "--fibre-type-channel", 3, "--chunk", "2/2", "--no-progress");
		Cli.ok("merge", c1, c2, "--out", merged);
		Cli.assertSameTables(single, merged);
	}
}
