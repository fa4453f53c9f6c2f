package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of issue #13 on a real process (a forked JVM running {@link Main}): {@code kill -9} and SIGTERM in
 * the middle of a batch, then a rerun, give tables byte-identical to an uninterrupted run, and provenance
 * identical but for its timing fields; no half-written file is ever under a final name. The reruns run
 * under {@code -Duser.language=de -Duser.country=DE} and {@code TZ=Asia/Kolkata}: locale and time zone change
 * no byte either.
 */
class ResilienceTest {

	@TempDir
	static Path dir;

	static Path in, reference;

	@BeforeAll
	static void batch() throws IOException {
		in = Files.createDirectories(dir.resolve("in"));
		for (int s = 1; s <= 8; s++) Cli.simulate(in, "fibre" + s + ".tif", s);
		reference = dir.resolve("reference");
		Cli.ok("analyze", in, "--out", reference, "--lc3-channel", "2", "--no-progress");
	}

	private static Process start(final Path out, final boolean german) throws IOException {
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
			"-Djava.awt.headless=true"));
		if (german) cmd.addAll(List.of("-Duser.language=de", "-Duser.country=DE"));
		cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "analyze", in.toString(), "--out", out.toString(),
			"--lc3-channel", "2", "--no-progress"));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
		if (german) pb.environment().put("TZ", "Asia/Kolkata");
		Files.createDirectories(out);
		return pb.start();
	}

	private static long finished(final Path out) throws IOException {
		final Path parts = out.resolve(".parts");
		if (!Files.isDirectory(parts)) return 0;
		// the run creates and renames files while this looks: list the image folders only, never stat a file
		try (Stream<Path> s = Files.list(parts)) {
			return s.filter(p -> Files.exists(p.resolve("status.json"))).count();
		}
		catch (final java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
			return 0;
		}
	}

	/** Starts a run, stops it (SIGKILL or SIGTERM) once two images are done, and returns its log. */
	private static String interrupt(final Path out, final boolean kill) throws Exception {
		final Process p = start(out, false);
		final long t0 = System.nanoTime();
		while (finished(out) < 2 && p.isAlive() && System.nanoTime() - t0 < 120e9) Thread.sleep(20);
		assertThat(p.isAlive()).as("the run is still busy when it is stopped (else the test proves nothing)").isTrue();
		if (kill) p.destroyForcibly();
		else p.destroy();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(finished(out)).as("stopped in the middle").isLessThan(8);
		noPartialFileUnderAFinalName(out);
		return Files.readString(out.resolveSibling(out.getFileName() + ".log"), StandardCharsets.UTF_8);
	}

	/** Every file under a final name is complete: CSVs end with a newline and have the header's number of cells on each line. */
	private static void noPartialFileUnderAFinalName(final Path out) throws IOException {
		try (Stream<Path> s = Files.walk(out)) {
			for (final Path f : (Iterable<Path>) s::iterator) {
				final String n = f.getFileName().toString();
				if (!Files.isRegularFile(f) || n.endsWith(".part")) continue;
				if (n.endsWith(".csv")) {
					final String t = Files.readString(f, StandardCharsets.UTF_8);
					assertThat(t).as("%s is complete", f).endsWith("\n");
					Cli.csv(f);
				}
				if (n.endsWith(".json")) assertThat(Files.readString(f, StandardCharsets.UTF_8).trim()).as("%s is complete", f).endsWith("}");
			}
		}
	}

	private static void resumeAndCompare(final Path out) throws Exception {
		final Process p = start(out, true);
		assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
		final String log = Files.readString(out.resolveSibling(out.getFileName() + ".log"), StandardCharsets.UTF_8);
		assertThat(p.exitValue()).as(log).isZero();
		assertThat(log).contains("already complete");
		Cli.assertSameTables(reference, out);
		assertThat(provenanceWithoutTiming(out)).isEqualTo(provenanceWithoutTiming(reference));
		try (Stream<Path> s = Files.walk(out)) {
			assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
		}
	}

	private static String provenanceWithoutTiming(final Path out) throws IOException {
		return Files.readString(out.resolve("provenance.json"), StandardCharsets.UTF_8).replaceAll("\"(seconds|wall_seconds)\": [0-9.]+", "\"$1\": T")
			.replaceAll("\"(date|command_line)\": \"[^\"]*\"", "\"$1\": T");
	}

	@Test
	@Timeout(600)
	void killMinus9ThenRerunGivesTheSameBytes() throws Exception {
		final Path out = dir.resolve("killed");
		interrupt(out, true);
		resumeAndCompare(out);
	}

	@Test
	@Timeout(600)
	void sigtermStopsCleanlyWithAMessageThenResumes() throws Exception {
		final Path out = dir.resolve("terminated");
		final String log = interrupt(out, false);
		assertThat(log).contains("stopped by a signal").contains("rerun the same command to resume").doesNotContain("\tat ");
		resumeAndCompare(out);
	}
}
