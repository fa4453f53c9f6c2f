package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch behaviour of {@code analyze} and {@code merge}: threads and chunks do not change a byte of the
 * tables, chunks cover every file exactly once, reruns resume, and temporary files never become output.
 */
class BatchCommandsTest {

	@TempDir
	static Path dir;

	static Path in, single;
	static final int N = 4;

	@BeforeAll
	static void singleRun() throws Exception {
		in = Files.createDirectories(dir.resolve("in"));
		for (int s = 1; s <= N; s++) Cli.simulate(in, "x" + s + ".tif", 10 + s);
		// a stale temporary file of an interrupted simulate next to the images: not an input
		Files.writeString(in.resolve(".x9.tif1234567.part"), "half a tiff", StandardCharsets.UTF_8);
		single = dir.resolve("single");
		final Cli.Result r = Cli.ok("analyze", in, "--out", single, "--lc3-channel", 2, "--no-progress");
		assertThat(r.err).contains(N + " images, " + N + " analysed, 0 already complete, 0 failed");
		assertThat(Cli.csv(single.resolve("images.csv")).rows).hasSize(N);
	}

	@Test
	void twoAndFourThreadsGiveTheSameBytesAsOne() throws Exception {
		for (final int t : new int[] { 2, 4 }) {
			final Path out = dir.resolve("threads" + t);
			Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--threads", t, "--no-progress");
			Cli.assertSameTables(single, out);
		}
	}

	@Test
	void chunksCoverEveryFileOnceAndMergeToTheSingleRun() throws Exception {
		final List<Path> chunks = new ArrayList<>();
		final Map<String, Integer> seen = new HashMap<>();
		for (int i = 1; i <= 3; i++) {
			final Path c = dir.resolve("chunk-" + i);
			Cli.ok("analyze", in, "--out", c, "--lc3-channel", 2, "--chunk", i + "/3", "--no-progress");
			chunks.add(c);
			final Cli.Csv images = Cli.csv(c.resolve("images.csv"));
			// ⌊i·4/3⌋ − ⌊(i−1)·4/3⌋ = 1, 1, 2 files
			assertThat(images.rows).hasSize(i == 3 ? 2 : 1);
			for (int r = 0; r < images.rows.size(); r++) seen.merge(images.get(r, "file"), 1, Integer::sum);
		}
		final List<String> all = Cli.csv(single.resolve("images.csv")).rows.stream().map(r -> r.get(0)).collect(Collectors.toList());
		assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(all);
		assertThat(seen.values()).containsOnly(1);

		// merge in any order of arguments gives the single run's tables
		final Path merged = dir.resolve("merged");
		final Cli.Result r = Cli.ok("merge", chunks.get(2), chunks.get(0), chunks.get(1), "--out", merged);
		assertThat(r.err).contains("3 folders merged");
		Cli.assertSameTables(single, merged);
		// merging a merged folder again changes nothing
		final Path again = dir.resolve("merged-again");
		Cli.ok("merge", merged, chunks.get(1), "--out", again);
		Cli.assertSameTables(single, again);
	}

	@Test
	void mergeOfAFolderThatIsNotAnOutputIsAnError() {
		final Cli.Result r = Cli.run("merge", in, "--out", dir.resolve("m-bad"));
		assertThat(r.code).isEqualTo(Main.SOME_FAILED);
		assertThat(r.errLines()).hasSize(1);
		assertThat(r.errLines().get(0)).contains(in.toString()).contains("not a MyoMito output folder");
	}

	@Test
	void rerunResumesAndRedoesOnlyIncompleteImages() throws Exception {
		final Path out = dir.resolve("resume");
		Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--no-progress");
		final Map<Path, FileTime> before = statusTimes(out);
		assertThat(before).hasSize(N);

		// a second run skips everything and leaves the per-image results untouched
		Cli.Result r = Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--no-progress");
		assertThat(r.err).contains(N + " images, 0 analysed, " + N + " already complete, 0 failed");
		assertThat(statusTimes(out)).isEqualTo(before);
		Cli.assertSameTables(single, out);

		// an interrupted image (no status.json, a stale temporary file left) is analysed again, the others are not
		final Path part = before.keySet().iterator().next().getParent();
		Files.delete(part.resolve("status.json"));
		Files.writeString(part.resolve(".status.json987654.part"), "{\"status\":\"ok\"", StandardCharsets.UTF_8);
		Files.writeString(out.resolve(".images.csv555.part"), "file,status\nstale,ok\n", StandardCharsets.UTF_8);
		r = Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--no-progress");
		assertThat(r.err).contains(N + " images, 1 analysed, " + (N - 1) + " already complete, 0 failed");
		final Map<Path, FileTime> after = statusTimes(out);
		for (final Path p : before.keySet())
			if (!p.getParent().equals(part)) assertThat(after.get(p)).as("%s untouched", p).isEqualTo(before.get(p));
		Cli.assertSameTables(single, out);

		// other settings are not "complete": everything is analysed again
		r = Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--threshold", "Li", "--no-progress");
		assertThat(r.err).contains(N + " images, " + N + " analysed, 0 already complete");
		// --no-resume forces a rerun
		r = Cli.ok("analyze", in, "--out", out, "--lc3-channel", 2, "--threshold", "Li", "--no-resume", "--no-progress");
		assertThat(r.err).contains(N + " analysed, 0 already complete");

		// the stale temporary files are never output: not a row, not merged along
		for (final String t : Cli.TABLES) assertThat(Files.readString(out.resolve(t), StandardCharsets.UTF_8)).doesNotContain("stale").doesNotContain(".part");
		final Path merged = dir.resolve("resume-merged");
		Cli.ok("merge", out, "--out", merged);
		assertThat(Cli.tree(merged)).noneMatch(f -> f.endsWith(".part"));
	}

	@Test
	void noTemporaryFilesAreLeftBehind() throws Exception {
		assertThat(Cli.tree(single)).noneMatch(f -> f.endsWith(".part"));
		assertThat(Cli.csv(single.resolve("images.csv")).rows).noneMatch(r -> r.get(0).contains(".part"));
	}

	static Map<Path, FileTime> statusTimes(final Path out) throws Exception {
		try (Stream<Path> s = Files.walk(out.resolve(".parts"))) {
			final Map<Path, FileTime> m = new HashMap<>();
			for (final Path p : s.filter(p -> p.getFileName().toString().equals("status.json")).collect(Collectors.toList()))
				m.put(p, Files.getLastModifiedTime(p));
			return m;
		}
	}
}
