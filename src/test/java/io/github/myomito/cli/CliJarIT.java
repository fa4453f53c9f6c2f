package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it ({@code java -jar target/myomito-cli.jar}): real process exit codes
 * 0/1/2, one-line errors on stderr, and the same tables as the in-process door. Runs after
 * {@code package} (failsafe).
 */
class CliJarIT {

	@TempDir
	Path dir;

	static final class Proc {
		final int code;
		final String out, err;

		Proc(final int code, final String out, final String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}

		List<String> errLines() {
			return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank()).collect(Collectors.toList());
		}

		@Override
		public String toString() {
			return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}
	}

	static Path jar() {
		final Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "myomito-cli.jar").toAbsolutePath();
		Assumptions.assumeTrue(Files.isRegularFile(jar), "no " + jar + ": build it first (mvn package)");
		return jar;
	}

	Proc java(final Object... args) throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar().toString()));
		for (final Object a : args) cmd.add(String.valueOf(a));
		final Path o = Files.createTempFile(dir, "out", ".txt"), e = Files.createTempFile(dir, "err", ".txt");
		final Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
		p.getOutputStream().close();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("timed out: " + cmd);
		}
		return new Proc(p.exitValue(), Files.readString(o, StandardCharsets.UTF_8), Files.readString(e, StandardCharsets.UTF_8));
	}

	@Test
	void exitCodesAndTablesOfTheRealJar() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Proc p = java("simulate", "--pattern", "hyperfused", "--seed", 3, "--width-um", 12, "--length-um", 16, "--out", in.resolve("h.tif"));
		assertThat(p.code).as("%s", p).isZero();
		assertThat(in.resolve("h.truth.json")).exists();

		// 0: all analysed; the tables equal the in-process door's
		p = java("analyze", in, "--out", dir.resolve("jar-res"), "--lc3-channel", 2, "--no-progress");
		assertThat(p.code).as("%s", p).isZero();
		assertThat(p.err).contains("1 image, 1 analysed, 0 already complete, 0 failed");
		Cli.ok("analyze", in, "--out", dir.resolve("inproc-res"), "--lc3-channel", 2, "--no-progress");
		Cli.assertSameTables(dir.resolve("inproc-res"), dir.resolve("jar-res"));

		// 1: a bad file among good ones; the error names it; no stack trace
		Files.writeString(in.resolve("broken.tif"), "garbage", StandardCharsets.UTF_8);
		p = java("analyze", in, "--out", dir.resolve("jar-res2"), "--no-progress");
		assertThat(p.code).as("%s", p).isEqualTo(1);
		assertThat(p.errLines()).anySatisfy(l -> assertThat(l).contains("broken.tif").contains("error"));
		assertThat(p.err).doesNotContain("Exception").doesNotContain("\tat ");

		// 2: usage errors, one line naming the option
		for (final Object[] args : new Object[][] { { "analyze", in, "--out", dir.resolve("x"), "--chunk", "5/4" },
			{ "simulate", "--out", dir.resolve("n.tif"), "--pattern", "nope" }, { "analyze", in, "--out", dir.resolve("x"), "--threshold", "Nope" } }) {
			p = java(args);
			assertThat(p.code).as("%s", p).isEqualTo(2);
			assertThat(p.errLines()).as("%s", p).hasSize(1);
			assertThat(p.errLines().get(0)).contains(String.valueOf(args[args.length - 1]));
			assertThat(p.out).isEmpty();
		}
		// --version and --help go to stdout with exit 0
		p = java("--version");
		assertThat(p.code).isZero();
		assertThat(p.out).isNotBlank();
		p = java("analyze", "--help");
		assertThat(p.code).isZero();
		assertThat(p.out).contains("--chunk").contains("--threads");
	}
}
