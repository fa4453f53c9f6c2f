package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import io.github.myomito.pipeline.OutputLock;

/**
 * The bad-input matrix of issue #13, run through the CLI in-process (and the Fiji batch command for the
 * damaged files): every case must end with its documented exit code, one clear stderr line naming the
 * file or option and the problem, no stack trace, an {@code error} row for a bad file while the good
 * file of the same batch is analysed, and never an {@code ok} row from a damaged file. The observed
 * behaviour of every case is written to {@code docs/reliability.md} (temporary paths shown as
 * {@code DIR/…}), so the published table is what the suite saw.
 */
class ReliabilityMatrixTest {

	@TempDir
	Path dir;

	/** One observed case. */
	private static final class Case {
		final String name, command, exit, observed;

		Case(final String name, final String command, final String exit, final String observed) {
			this.name = name;
			this.command = command;
			this.exit = exit;
			this.observed = observed;
		}
	}

	private final List<Case> cases = new ArrayList<>();

	private String rel(final Object o) {
		// timings, process ids and times vary from run to run: the published table must not
		return String.valueOf(o).replace(dir.toString(), "DIR").replace('|', '/').replaceAll(" \\d+\\.\\d+ s$", "")
			.replaceAll("held by pid \\d+ on [^,]*, started [^)]*\\)", "held by pid P on HOST, started T)");
	}

	/** Runs a CLI case, asserts the exit code and that stderr names {@code names}; records it. */
	private Cli.Result cli(final String name, final int code, final String[] names, final Object... args) {
		final Cli.Result r = Cli.run(args);
		assertThat(r.code).as("%s: %s", name, r).isEqualTo(code);
		assertThat(r.err).as("%s: no stack trace", name).doesNotContain("\tat ").doesNotContain("Exception");
		final List<String> errors = new ArrayList<>();
		for (final String l : r.errLines())
			if (l.contains("error")) errors.add(l);
		if (names.length > 0) {
			assertThat(errors).as("%s: an error line: %s", name, r).isNotEmpty();
			for (final String n : names) assertThat(String.join("\n", errors)).as("%s names %s: %s", name, n, r).contains(n);
		}
		final StringBuilder cmd = new StringBuilder("myomito");
		for (final Object a : args) cmd.append(' ').append(rel(a));
		cases.add(new Case(name, cmd.toString(), Integer.toString(r.code), errors.isEmpty() ? (r.errLines().isEmpty() ? "(nothing on stderr)" : rel(r.errLines().get(0))) : rel(errors.get(errors.size() - 1))));
		return r;
	}

	private Path bytes(final String name, final byte[] b) throws IOException {
		final Path p = dir.resolve(name);
		Files.write(p, b);
		return p;
	}

	@Test
	void badInputMatrix() throws Exception {
		final Path good = Cli.simulate(dir, "good.tif", 1);
		final byte[] sample = Files.readAllBytes(Path.of("sample-images", "fission-fragmented_seed7.tif"));
		final String latin = new String(sample, StandardCharsets.ISO_8859_1);
		final Path bad = Files.createDirectories(dir.resolve("bad"));
		final Path truncated = bytes("bad/truncated.tif", Arrays.copyOf(sample, 3000));
		final Path more = bytes("bad/more-planes.tif",
			latin.replace("images=2\n", "images=3\n").replace("channels=2\n", "channels=3\n").getBytes(StandardCharsets.ISO_8859_1));
		final Path zero = bytes("bad/zero.tif", new byte[0]);
		final Path text = bytes("bad/notes.tif", "not an image\n".getBytes(StandardCharsets.UTF_8));
		final Path half = bytes("bad/half.tif", Arrays.copyOf(sample, sample.length / 2));
		Files.copy(good, bad.resolve("good.tif"));

		// damaged files: an error row each, the good file analysed, no ok row from a damaged file
		for (final Path p : new Path[] { truncated, more, zero, text, half }) {
			final String what = p == zero ? "empty file" : p == text ? "not an image" : "damaged TIFF";
			final Path out = dir.resolve("out-" + p.getFileName());
			cli("analyze: " + p.getFileName(), Main.SOME_FAILED, new String[] { p.toString(), what }, "analyze", p, good, "--out", out, "--no-progress");
			final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
			assertThat(images.rows).hasSize(2);
			for (int r = 0; r < 2; r++) {
				if (images.get(r, "file").equals(p.toString())) assertThat(images.get(r, "status")).isEqualTo("error");
				else assertThat(images.get(r, "status")).isNotEqualTo("error");
			}
			cli("info: " + p.getFileName(), Main.SOME_FAILED, new String[] { p.toString(), what }, "info", p);
		}
		// the same folder through the Fiji batch command
		final Context context = new Context(CommandService.class, StatusService.class, LogService.class);
		try {
			final CommandModule m = context.service(CommandService.class).run(io.github.myomito.fiji.BatchAnalyzeCommand.class, true, "input", bad.toFile(),
				"pattern", "*.tif", "output", dir.resolve("fiji").toFile()).get();
			assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
			final Cli.Csv images = Cli.csv(dir.resolve("fiji").resolve("images.csv"));
			assertThat(images.rows).hasSize(6);
			final StringBuilder seen = new StringBuilder();
			for (int r = 0; r < images.rows.size(); r++) {
				final boolean isGood = images.get(r, "file").endsWith("good.tif");
				// the good phantom: analysed, its only warning that the whole image is mostly not fibre (#16 item 2)
				assertThat(images.get(r, "status")).as(images.get(r, "file")).isEqualTo(isGood ? "warning" : "error");
				if (isGood) assertThat(images.get(r, "message")).startsWith(io.github.myomito.pipeline.ImageAnalysis.OUTSIDE_FIBRE).doesNotContain(";");
				seen.append(Path.of(images.get(r, "file")).getFileName()).append(' ').append(images.get(r, "status")).append("; ");
			}
			cases.add(new Case("Fiji Batch Analyze Folder: damaged files", "Batch Analyze Folder input=DIR/bad pattern=*.tif", "-", seen.toString().trim()));
		}
		finally {
			context.dispose();
		}

		// inputs and options
		cli("missing file", Main.USAGE, new String[] { "gone.tif", "no such file" }, "analyze", dir.resolve("gone.tif"), "--out", dir.resolve("o1"),
			"--no-progress");
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		cli("folder with no images", Main.SOME_FAILED, new String[] { "no images to read", "empty" }, "analyze", empty, "--out", dir.resolve("o2"), "--no-progress");
		cli("LC3 channel that does not exist", Main.SOME_FAILED, new String[] { "good.tif", "channel 5 does not exist" }, "analyze", good, "--out",
			dir.resolve("o3"), "--lc3-channel", "5", "--no-progress");
		cli("same channel for mitochondria and LC3", Main.USAGE, new String[] { "--lc3-channel", "--mito-channel" }, "analyze", good, "--out",
			dir.resolve("o4"), "--mito-channel", "2", "--lc3-channel", "2");
		for (final String px : new String[] { "0", "-1", "NaN", "Infinity" })
			cli("--pixel-size " + px, Main.USAGE, new String[] { "--pixel-size", "positive" }, "analyze", good, "--out", dir.resolve("o5"), "--pixel-size", px);
		cli("--z-step 0", Main.USAGE, new String[] { "--z-step" }, "analyze", good, "--out", dir.resolve("o5"), "--z-step", "0");
		cli("--out is a file", Main.USAGE, new String[] { "--out", "is a file" }, "analyze", good, "--out", good);
		cli("--out inside a file", Main.USAGE, new String[] { "--out", "good.tif" }, "analyze", good, "--out", good.resolve("sub"));
		cli("unknown option", Main.USAGE, new String[0], "analyze", good, "--out", dir.resolve("o6"), "--frobnicate");
		final Cli.Result dbg = Cli.run("analyze", good, "--out", dir.resolve("o5"), "--pixel-size", "0", "--debug");
		assertThat(dbg.code).isEqualTo(Main.USAGE);
		assertThat(dbg.errLines().get(0)).contains("--pixel-size");
		assertThat(dbg.err).contains("\tat ").contains("UsageException");
		cases.add(new Case("--debug", "myomito analyze DIR/good.tif --out DIR/o5 --pixel-size 0 --debug", "2", rel(dbg.errLines().get(0))
			+ ", then the full stack trace"));

		// two runs into one --out: the second is refused while the first holds the lock
		final Path locked = dir.resolve("locked");
		try (OutputLock l = OutputLock.acquire(locked)) {
			cli("second analyze into the same --out", Main.SOME_FAILED, new String[] { OptionMessageNames.LOCK, "another analyze run" }, "analyze", good, "--out",
				locked, "--no-progress");
		}
		assertThat(locked.resolve("images.csv")).doesNotExist();
		Cli.ok("analyze", good, "--out", locked, "--no-progress");

		// CSV/HTML injection: a file name and a condition that a spreadsheet would run as a formula, or a browser as a script
		final Path evil = dir.resolve("=HYPERLINK(x)<script>.tif");
		Files.copy(good, evil);
		final Path sheet = bytes("sheet.csv", ("file,condition\n\"" + evil.getFileName() + "\",=cmd|' /C calc'!A0<script>alert(1)</script>\n")
			.getBytes(StandardCharsets.UTF_8));
		cli("file name and condition with =, <script>", Main.OK, new String[0], "analyze", evil, "--out", dir.resolve("o7"), "--no-progress", "--sample-sheet",
			sheet);
		for (final String t : Cli.TABLES)
			for (final String l : Files.readAllLines(dir.resolve("o7").resolve(t), StandardCharsets.UTF_8))
				assertThat(Cli.split(l)).as(t).noneMatch(c -> c.startsWith("=") || c.startsWith("@") || c.startsWith("+"));
		final String html = Files.readString(dir.resolve("o7").resolve("summary.html"), StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)");

		writeDoc();
	}

	private void writeDoc() throws IOException {
		final StringBuilder sb = new StringBuilder("# Reliability: what MyoMito does with bad input\n\n")
			.append("Generated by `ReliabilityMatrixTest`, `TiffIntegrityTest`, `FuzzTest` and `ResilienceIT` (do not edit: `mvn -o test -Dtest=ReliabilityMatrixTest` rewrites it).\n")
			.append("Each line is a case the test suite ran, with the exit code and the last error line it observed (`DIR` is the test's temporary folder).\n")
			.append("Exit codes: 0 every input analysed, 1 some input failed (its row says why), 2 usage error (an option, or an input path that does not exist).\n\n")
			.append("| case | command | exit | observed |\n|---|---|---|---|\n");
		for (final Case c : cases)
			sb.append("| ").append(c.name).append(" | `").append(c.command).append("` | ").append(c.exit).append(" | ").append(c.observed.replace("|", "/"))
				.append(" |\n");
		sb.append("\n## Reader checks (TiffIntegrityTest, FuzzTest)\n\n")
			.append("- A TIFF cut anywhere (60 cuts of a 2D and of a 3D sample, from the header to the last byte) is an error naming the file; never read.\n")
			.append("- A header whose IFD chain loops is an error (`loops back`), not a hang.\n")
			.append("- An ImageJ description promising more planes than the file holds, or whose channels × slices × frames is not images, is an error.\n")
			.append("- Seeded mutations of TIFF bytes, ROI bytes and sample sheets (500 in `mvn test`, 10,000 with `-Pfuzz`): no hang, no exception but the documented\n")
			.append("  `IOException` one-liner, and every shortened TIFF refused.\n");
		Files.writeString(Path.of("docs", "reliability.md"), sb.toString(), StandardCharsets.UTF_8);
	}

	/** Names the tests look for in messages. */
	private static final class OptionMessageNames {
		static final String LOCK = OutputLock.NAME;
	}
}
