package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test support: runs the CLI in-process and reads what it wrote. */
final class Cli {

	/** Phantom size used by the CLI tests: small, so that a whole folder analyses in about a second. */
	static final String[] SMALL = { "--width-um", "12", "--length-um", "16" };

	/** Exit code, stdout and stderr of one in-process run. */
	static final class Result {
		final int code;
		final String out;
		final String err;

		Result(final int code, final String out, final String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}

		/** Non-blank stderr lines. */
		List<String> errLines() {
			return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank()).collect(Collectors.toList());
		}

		@Override
		public String toString() {
			return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}
	}

	private Cli() {}

	/** Runs {@code myomito args…} through {@link Main#run}. */
	static Result run(final Object... args) {
		final String[] a = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			code = Main.run(a, o, e);
		}
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Runs and asserts the exit code, showing stdout/stderr on failure. */
	static Result ok(final Object... args) {
		final Result r = run(args);
		assertThat(r.code).as("%s", r).isEqualTo(Main.OK);
		return r;
	}

	/** Simulates a small oxidative-lattice phantom {@code dir/name} with the given seed. */
	static Path simulate(final Path dir, final String name, final long seed, final String... extra) {
		final List<Object> a = new ArrayList<>(Arrays.asList("simulate", "--pattern", "oxidative-lattice", "--seed", seed, "--out", dir.resolve(name)));
		a.addAll(Arrays.asList((Object[]) SMALL));
		a.addAll(Arrays.asList((Object[]) extra));
		ok(a.toArray());
		return dir.resolve(name);
	}

	/** A parsed CSV: header and rows (cells unquoted). */
	static final class Csv {
		final List<String> header;
		final List<List<String>> rows;

		Csv(final List<String> header, final List<List<String>> rows) {
			this.header = header;
			this.rows = rows;
		}

		/** @return the cell of {@code column} in row {@code r}. */
		String get(final int r, final String column) {
			final int c = header.indexOf(column);
			assertThat(c).as("column %s in %s", column, header).isGreaterThanOrEqualTo(0);
			return rows.get(r).get(c);
		}

		/** @return the row of a file as column → value. */
		Map<String, String> row(final int r) {
			final Map<String, String> m = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) m.put(header.get(c), rows.get(r).get(c));
			return m;
		}
	}

	/** Reads a CSV written by MyoMito (RFC 4180 quoting; no newlines inside cells). */
	static Csv csv(final Path file) throws IOException {
		final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		final List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			final List<String> row = split(lines.get(i));
			assertThat(row).as("%s line %d has as many cells as the header", file, i + 1).hasSameSizeAs(split(lines.get(0)));
			rows.add(row);
		}
		return new Csv(split(lines.get(0)), rows);
	}

	static List<String> split(final String line) {
		final List<String> cells = new ArrayList<>();
		final StringBuilder sb = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					sb.append('"');
					i++;
				}
				else if (ch == '"') quoted = false;
				else sb.append(ch);
			}
			else if (ch == '"') quoted = true;
			else if (ch == ',') {
				cells.add(sb.toString());
				sb.setLength(0);
			}
			else sb.append(ch);
		}
		cells.add(sb.toString());
		return cells;
	}

	/** The five tables of an output folder. */
	static final List<String> TABLES = List.of("images.csv", "fibres.csv", "objects.csv", "branches.csv", "puncta.csv", "phenotypes.csv", "groups.csv");

	/** Asserts that two output folders hold byte-identical tables. */
	static void assertSameTables(final Path expected, final Path actual) throws IOException {
		for (final String t : TABLES) {
			assertThat(actual.resolve(t)).as("%s exists", actual.resolve(t)).exists();
			assertThat(Files.readAllBytes(actual.resolve(t))).as("%s equals %s byte for byte", actual.resolve(t), expected.resolve(t))
				.isEqualTo(Files.readAllBytes(expected.resolve(t)));
		}
	}

	/** All files under a folder, relative, sorted. */
	static List<String> tree(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
		}
	}
}
