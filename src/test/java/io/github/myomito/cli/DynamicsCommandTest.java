package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import io.github.myomito.image.ij.ImageFiles;

/** {@code simulate --frames} writes a calibrated hyperstack with its truth; {@code analyze} measures its dynamics (#14). */
class DynamicsCommandTest {

	@TempDir
	Path dir;

	@Test
	void aSimulatedSeriesIsAnalysedIntoRatesTracksAndEvents() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		final Cli.Result s = Cli.ok("simulate", "--pattern", "fission-fragmented", "--seed", 3, "--frames", 12, "--frame-interval-s", 2, "--fission-rate", 5,
			"--fusion-rate", 5, "--speed-um-s", 0.15, "--width-um", 6, "--length-um", 16, "--out", in.resolve("s.tif"));
		assertThat(s.out).contains("time-lapse");
		final ImagePlus imp = ImageFiles.open(in.resolve("s.tif"));
		assertThat(imp.getNFrames()).isEqualTo(12);
		assertThat(imp.getCalibration().frameInterval).isCloseTo(2, within(1e-9));
		final JsonObject truth = JsonParser.parseString(Files.readString(in.resolve("s.truth.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		final int trueEvents = truth.getAsJsonArray("events").size();
		assertThat(trueEvents).isPositive();
		Files.move(in.resolve("s.truth.json"), dir.resolve("s.truth.json"));

		Cli.ok("analyze", in, "--out", dir.resolve("out"), "--no-qc", "--no-progress");
		final Cli.Csv fibres = Cli.csv(dir.resolve("out/fibres.csv"));
		assertThat(fibres.rows).hasSize(1);
		final double fis = Double.parseDouble(fibres.get(0, "fission_rate_per_100um_min")), fus = Double.parseDouble(fibres.get(0, "fusion_rate_per_100um_min"));
		assertThat(fis).isFinite().isPositive();
		assertThat(fus).isFinite();
		final Cli.Csv events = Cli.csv(dir.resolve("out/events.csv"));
		assertThat(events.rows.size()).isBetween(trueEvents - 1, trueEvents + 1);
		assertThat(Long.parseLong(fibres.get(0, "fission_events")) + Long.parseLong(fibres.get(0, "fusion_events")))
			.isEqualTo(events.rows.stream().filter(r -> !r.get(events.header.indexOf("type")).equals("kiss-and-run")).count());
		assertThat(Cli.csv(dir.resolve("out/frames.csv")).rows).hasSize(12);
		assertThat(Cli.csv(dir.resolve("out/tracks.csv")).rows).isNotEmpty();
	}

	@Test
	void aSeriesWithoutIntervalIsAClearError() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Cli.ok("simulate", "--pattern", "fission-fragmented", "--frames", 3, "--width-um", 6, "--length-um", 10, "--out", in.resolve("s.tif"));
		final ImagePlus imp = ImageFiles.open(in.resolve("s.tif"));
		imp.getCalibration().frameInterval = 0;
		ImageFiles.writeTiff(imp, in.resolve("s.tif"));
		Files.delete(in.resolve("s.truth.json"));
		Cli.run("analyze", in, "--out", dir.resolve("out"), "--no-qc", "--no-progress");
		final Cli.Csv images = Cli.csv(dir.resolve("out/images.csv"));
		assertThat(images.get(0, "status")).isEqualTo("error");
		assertThat(images.get(0, "message")).contains("s.tif").contains("no frame interval").contains("--frame-interval-s");
		// the override makes it analysable
		Cli.ok("analyze", in, "--out", dir.resolve("out2"), "--no-qc", "--no-progress", "--frame-interval-s", 1.5);
		assertThat(Cli.csv(dir.resolve("out2/frames.csv")).get(2, "time_s")).isEqualTo("3.0");
	}

	@Test
	void stillImagesGetNaNDynamics() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Cli.simulate(in, "a.tif", 1);
		Files.delete(in.resolve("a.truth.json"));
		Cli.ok("analyze", in, "--out", dir.resolve("out"), "--no-qc", "--no-progress");
		final Cli.Csv fibres = Cli.csv(dir.resolve("out/fibres.csv"));
		for (final String k : new String[] { "fission_events", "fusion_events", "fission_rate_per_100um_min", "fusion_rate_per_100um_min", "fission_fusion_ratio",
			"mean_speed_um_s", "motile_fraction" })
			assertThat(fibres.get(0, k)).as(k).isEqualTo("NaN");
		assertThat(Cli.csv(dir.resolve("out/events.csv")).rows).isEmpty();
	}
}
