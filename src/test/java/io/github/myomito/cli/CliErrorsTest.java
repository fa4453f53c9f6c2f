package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad command lines and bad inputs: exit code 2 for usage errors, 1 for inputs that cannot be read,
 * and always one stderr line that names the option or file, never a stack trace.
 */
class CliErrorsTest {

	@TempDir
	static Path dir;

	static Path good;

	@BeforeAll
	static void image() {
		good = Cli.simulate(dir, "good.tif", 1);
	}

	/** Asserts exit code, exactly one stderr line naming {@code names}, no stack trace, nothing on stdout. */
	static void assertError(final Cli.Result r, final int code, final String... names) {
		assertThat(r.code).as("%s", r).isEqualTo(code);
		assertThat(r.errLines()).as("%s", r).hasSize(1);
		final String line = r.errLines().get(0);
		assertThat(line).startsWith("myomito").contains("error");
		for (final String n : names) assertThat(line).as("%s", r).contains(n);
		assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(r.out).isEmpty();
	}

	@Test
	void unknownPattern() {
		assertError(Cli.run("simulate", "--pattern", "spaghetti", "--out", dir.resolve("s.tif")), Main.USAGE, "spaghetti", "oxidative-lattice");
		assertThat(dir.resolve("s.tif")).doesNotExist();
	}

	@Test
	void negativeSize() {
		assertError(Cli.run("simulate", "--pattern", "oxidative-lattice", "--width-um", "-3", "--out", dir.resolve("n.tif")), Main.USAGE, "--width-um", "-3");
		assertError(Cli.run("simulate", "--pattern", "oxidative-lattice", "--length-um", "0", "--out", dir.resolve("n.tif")), Main.USAGE, "--length-um");
		assertThat(dir.resolve("n.tif")).doesNotExist();
	}

	@Test
	void badChunk() {
		for (final String c : new String[] { "4/3", "0/3", "x", "1/0", "1-3" })
			assertError(Cli.run("analyze", good, "--out", dir.resolve("c"), "--chunk", c), Main.USAGE, "--chunk", c);
		assertThat(dir.resolve("c")).doesNotExist();
	}

	@Test
	void unknownThresholdMethod() {
		assertError(Cli.run("analyze", good, "--out", dir.resolve("t"), "--threshold", "Bogus"), Main.USAGE, "--threshold", "Bogus", "Otsu");
		assertError(Cli.run("coloc", good, "--channels", "1,2", "--threshold", "Bogus"), Main.USAGE, "--threshold", "Bogus");
	}

	@Test
	void otherUsageErrors() {
		assertError(Cli.run("analyze", good, "--out", dir.resolve("t"), "--threads", "0"), Main.USAGE, "--threads");
		assertError(Cli.run("analyze", good, "--out", dir.resolve("t"), "--fibres", "some"), Main.USAGE, "--fibres", "some");
		assertError(Cli.run("coloc", good, "--channels", "1"), Main.USAGE, "--channels");
		assertError(Cli.run("coloc", good, "--format", "xml"), Main.USAGE, "--format", "xml");
		assertError(Cli.run("analyze", good, "--out", good), Main.USAGE, "--out", good.toString());
	}

	@Test
	void unknownOptionIsUsage() {
		final Cli.Result r = Cli.run("analyze", good, "--out", dir.resolve("u"), "--frobnicate");
		assertThat(r.code).isEqualTo(Main.USAGE);
		assertThat(r.errLines().get(0)).contains("--frobnicate");
		assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void missingFile() {
		final Path missing = dir.resolve("missing.tif");
		// a path on the command line that does not exist is a usage error (#16)
		assertError(Cli.run("coloc", missing, good), Main.USAGE, missing.toString(), "no such file");
		assertError(Cli.run("info", missing), Main.USAGE, missing.toString());
		assertError(Cli.run("skeleton", missing), Main.USAGE, missing.toString());
	}

	@Test
	void nonImageFile() throws Exception {
		final Path text = dir.resolve("notes.tif");
		Files.writeString(text, "not an image\n", StandardCharsets.UTF_8);
		assertError(Cli.run("coloc", text, "--channels", "1,2"), Main.SOME_FAILED, text.toString(), "not an image");
	}

	@Test
	void analyzeMissingFileGetsAnErrorRowAndExitTwo() throws Exception {
		final Path missing = dir.resolve("gone.tif"), out = dir.resolve("m");
		final Cli.Result r = Cli.run("analyze", missing, "--out", out, "--no-progress");
		// a missing input path is a usage error (#16); it still gets its error row
		assertThat(r.code).as("%s", r).isEqualTo(Main.USAGE);
		assertThat(r.errLines()).anySatisfy(l -> assertThat(l).contains(missing.toString()).contains("no such file"));
		assertThat(r.errLines()).allSatisfy(l -> assertThat(l).doesNotStartWith("\tat").doesNotContain("Exception"));
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		assertThat(images.rows).hasSize(1);
		assertThat(images.get(0, "status")).isEqualTo("error");
		assertThat(images.get(0, "message")).contains(missing.toString()).contains("no such file");
	}
}
