package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.myomito.segment.Segmenter;
import io.github.myomito.simulate.Truth;

/**
 * #16 items 7 and 10: the local threshold's block and offset and the Hessian tubeness are reachable from the CLI;
 * the local threshold's default offset C = 0 is warned about, and a negative offset finds the simulator's objects.
 */
class LocalThresholdOptionsTest {

	@TempDir
	Path dir;

	private Cli.Csv analyze(final Path img, final String name, final Object... extra) throws Exception {
		final Object[] a = new Object[6 + extra.length];
		a[0] = "analyze"; a[1] = img; a[2] = "--out"; a[3] = dir.resolve(name); a[4] = "--no-progress"; a[5] = "--no-qc";
		System.arraycopy(extra, 0, a, 6, extra.length);
		Cli.ok(a);
		return Cli.csv(dir.resolve(name).resolve("images.csv"));
	}

	@Test
	void theLocalOffsetDecidesWhetherNoiseBecomesObjects() throws Exception {
		final Path img = dir.resolve("in");
		java.nio.file.Files.createDirectories(img);
		final Path tif = img.resolve("f.tif");
		Cli.ok("simulate", "--pattern", "fission-fragmented", "--seed", 7, "--out", tif);
		final Truth truth = Truth.fromJson(java.nio.file.Files.readString(img.resolve("f.truth.json")));
		final int objects = truth.counts().objects();

		final Cli.Csv otsu = analyze(tif, "otsu");
		final Cli.Csv c0 = analyze(tif, "c0", "--threshold", "local");
		final Cli.Csv c30 = analyze(tif, "c30", "--threshold", "local", "--local-offset", "-30");
		// C = 0: background noise above its local mean becomes objects, and the row says so
		assertThat(Long.parseLong(c0.get(0, "objects"))).isGreaterThan((long) (1.3 * objects));
		assertThat(c0.get(0, "status")).isEqualTo("warning");
		assertThat(c0.get(0, "message")).contains(Segmenter.LOCAL_OFFSET_WARNING);
		// C = −30 (a few noise SDs): the true objects, as many as Otsu finds
		assertThat(Long.parseLong(c30.get(0, "objects"))).isBetween((long) (0.9 * objects), (long) (1.1 * objects));
		assertThat(c30.get(0, "message")).doesNotContain(Segmenter.LOCAL_OFFSET_WARNING);
		assertThat(Long.parseLong(otsu.get(0, "objects"))).isBetween((long) (0.9 * objects), (long) (1.1 * objects));
		// the block size is a setting of its own (other hash, other mask)
		final Cli.Csv b3 = analyze(tif, "b3", "--threshold", "local", "--local-offset", "-30", "--local-block-um", "3");
		assertThat(b3.get(0, "settings_hash")).isNotEqualTo(c30.get(0, "settings_hash"));
		assertThat(b3.get(0, "footprint_um2")).isNotEqualTo(c30.get(0, "footprint_um2"));

		// the local options need the local threshold
		final Cli.Result bad = Cli.run("analyze", tif, "--out", dir.resolve("bad"), "--local-offset", "-3");
		assertThat(bad.code).isEqualTo(Main.USAGE);
		assertThat(bad.err).contains("--local-block-um and --local-offset need --threshold local");
	}

	@Test
	void tubenessIsReachable() throws Exception {
		final Path img = java.nio.file.Files.createDirectories(dir.resolve("in"));
		final Path tif = Cli.simulate(img, "l.tif", 3);
		final Cli.Csv plain = analyze(tif, "plain"), tube = analyze(tif, "tube", "--tubeness");
		assertThat(tube.get(0, "settings_hash")).isNotEqualTo(plain.get(0, "settings_hash"));
		assertThat(tube.get(0, "threshold")).isNotEqualTo(plain.get(0, "threshold"));
		assertThat(java.nio.file.Files.readString(dir.resolve("tube/provenance.json"))).contains("\"tubeness\": true");
	}
}
