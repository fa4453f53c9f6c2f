package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #16 item 5: {@code merge} refuses folders with different settings, an incomplete chunk set and one image with
 * different results in two folders (each with a message naming the problem; {@code --force} merges anyway), and
 * merges the QC pictures and the real settings too.
 */
class MergeChecksTest {

	@TempDir
	static Path dir;

	static Path in, c1, c2, single;

	@BeforeAll
	static void chunks() {
		in = dir.resolve("in");
		for (int s = 1; s <= 3; s++) Cli.simulate(in, "m" + s + ".tif", 30 + s);
		c1 = dir.resolve("c1");
		c2 = dir.resolve("c2");
		single = dir.resolve("single");
		Cli.ok("analyze", in, "--out", c1, "--chunk", "1/2", "--no-progress");
		Cli.ok("analyze", in, "--out", c2, "--chunk", "2/2", "--no-progress");
		Cli.ok("analyze", in, "--out", single, "--no-progress");
	}

	@Test
	void aCompleteChunkSetMergesWithItsSettingsAndQcPictures() throws Exception {
		final Path m = dir.resolve("merged");
		Cli.ok("merge", c2, c1, "--out", m);
		Cli.assertSameTables(single, m);
		assertThat(Cli.tree(m.resolve("qc"))).isEqualTo(Cli.tree(single.resolve("qc"))).hasSize(3);
		final String prov = Files.readString(m.resolve("provenance.json"), StandardCharsets.UTF_8);
		final String hash = Files.readString(single.resolve("provenance.json"), StandardCharsets.UTF_8).replaceAll("(?s).*\"settings_hash\": \"([0-9a-f]+)\".*", "$1");
		assertThat(prov).contains("\"settings_hash\": \"" + hash + "\"").contains("\"thresholdMethod\": \"OTSU\"").contains("\"1/2\"").contains("\"2/2\"");
	}

	@Test
	void anIncompleteChunkSetIsRefusedUnlessForced() throws Exception {
		final Cli.Result r = Cli.run("merge", c1, "--out", dir.resolve("m1"));
		assertThat(r.code).isEqualTo(Main.SOME_FAILED);
		assertThat(r.errLines()).singleElement().asString().contains("merge refused: incomplete chunk set: chunk 2/2 missing").contains("--force");
		assertThat(dir.resolve("m1/images.csv")).doesNotExist();
		final Cli.Result f = Cli.ok("merge", c1, "--out", dir.resolve("m1f"), "--force");
		assertThat(f.err).contains("warning: merged anyway (--force): incomplete chunk set: chunk 2/2 missing");
		assertThat(Cli.csv(dir.resolve("m1f/images.csv")).rows).hasSize(1);
	}

	@Test
	void differentSettingsAreRefused() throws Exception {
		final Path li = dir.resolve("c2-li");
		Cli.ok("analyze", in, "--out", li, "--chunk", "2/2", "--threshold", "Li", "--no-progress");
		final Cli.Result r = Cli.run("merge", c1, li, "--out", dir.resolve("m2"));
		assertThat(r.code).isEqualTo(Main.SOME_FAILED);
		assertThat(r.err).contains("merge refused: the folders were analysed with different settings").contains(c1.toString()).contains(li.toString());
		Cli.ok("merge", c1, li, "--out", dir.resolve("m2f"), "--force");
		assertThat(Files.readString(dir.resolve("m2f/provenance.json"), StandardCharsets.UTF_8)).doesNotContain("\"settings\": {");
	}

	@Test
	void oneImageWithDifferentResultsInTwoFoldersIsRefused() throws Exception {
		// the same path, analysed before and after the image was replaced
		final Path in2 = dir.resolve("in2");
		Cli.simulate(in2, "d.tif", 1);
		final Path a = dir.resolve("da"), b = dir.resolve("db");
		Cli.ok("analyze", in2, "--out", a, "--no-progress");
		Files.delete(in2.resolve("d.tif"));
		Cli.simulate(in2, "d.tif", 2);
		Cli.ok("analyze", in2, "--out", b, "--no-progress");
		final Cli.Result r = Cli.run("merge", a, b, "--out", dir.resolve("m3"));
		assertThat(r.code).isEqualTo(Main.SOME_FAILED);
		assertThat(r.err).contains(in2.resolve("d.tif") + " has different results in " + a + " and " + b);
		// identical duplicates are one image, not a conflict
		Cli.ok("merge", a, a, "--out", dir.resolve("m3same"));
		assertThat(Cli.csv(dir.resolve("m3same/images.csv")).rows).hasSize(1);
	}
}
