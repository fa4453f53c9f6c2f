package io.github.myomito.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Table#readLines} cuts a CSV into records as a line reader does (\n, \r and \r\n end a line; a record
 * whose quotes are open goes on over the next line, its lines joined with \n): checked against that reader
 * algorithm itself on seeded random files.
 */
class TableReadLinesTest {

	@TempDir
	Path dir;

	/** The record cutting of BufferedReader.readLine with quote tracking: the oracle. */
	private static List<String> byLineReader(final Path file) throws IOException {
		final List<String> lines = new ArrayList<>();
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			final StringBuilder rec = new StringBuilder();
			boolean inQuote = false;
			String line;
			while ((line = r.readLine()) != null) {
				if (rec.length() > 0) rec.append('\n');
				rec.append(line);
				for (int i = 0; i < line.length(); i++)
					if (line.charAt(i) == '"') inQuote = !inQuote;
				if (!inQuote) {
					lines.add(rec.toString());
					rec.setLength(0);
				}
			}
			if (inQuote) lines.add(rec.toString()); // kept (the reader before 2026-12 dropped it)
		}
		return lines;
	}

	private static final String[] PIECES = { "a", "12.5", "NaN", "µm", "δ", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "", "fibre-1", "x,y" };

	private static String randomCsv(final Random rnd) {
		final StringBuilder sb = new StringBuilder();
		final int rows = rnd.nextInt(12);
		for (int i = 0; i < rows; i++) {
			final int cells = 1 + rnd.nextInt(5);
			for (int c = 0; c < cells; c++) {
				if (c > 0) sb.append(',');
				if (rnd.nextInt(3) == 0) {
					// a quoted cell, may hold commas, doubled quotes and line ends
					sb.append('"');
					for (int k = rnd.nextInt(4); k > 0; k--) {
						final String p = PIECES[rnd.nextInt(PIECES.length)];
						sb.append(p.equals("\"") ? "\"\"" : p);
					}
					sb.append('"');
				}
				else sb.append(PIECES[rnd.nextInt(4)]);
			}
			sb.append(new String[] { "\n", "\r\n", "\r" }[rnd.nextInt(3)]);
		}
		// sometimes damaged: a stray quote, no final line end, an empty line
		if (rnd.nextInt(5) == 0) sb.insert(rnd.nextInt(sb.length() + 1), '"');
		if (rnd.nextInt(4) == 0 && sb.length() > 0) sb.setLength(sb.length() - 1);
		if (rnd.nextInt(6) == 0) sb.append("\n\n");
		return sb.toString();
	}

	@Test
	void sameRecordsAsTheLineReaderOnRandomFiles() throws IOException {
		final Random rnd = new Random(20261205);
		final Path f = dir.resolve("t.csv");
		int multiLine = 0, openAtEnd = 0;
		for (int i = 0; i < 5000; i++) {
			final String text = randomCsv(rnd);
			Files.writeString(f, text, StandardCharsets.UTF_8);
			final List<String> expected = byLineReader(f);
			assertThat(Table.readLines(f)).as("file %d: %s", i, text.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(expected);
			if (expected.stream().anyMatch(s -> s.indexOf('\n') >= 0)) multiLine++;
			if (text.chars().filter(c -> c == '"').count() % 2 == 1) openAtEnd++;
		}
		// the random files did reach the cases that matter
		assertThat(multiLine).isGreaterThan(500);
		assertThat(openAtEnd).isGreaterThan(200);
	}

	@Test
	void lineEndsAndQuotedLineBreaks() throws IOException {
		final Path f = dir.resolve("e.csv");
		Files.writeString(f, "file,note\r\na.tif,\"two\r\nlines\"\rb.tif,x\n\nc.tif,\"a \"\"q\"\", b\"", StandardCharsets.UTF_8);
		assertThat(Table.readLines(f)).containsExactly("file,note", "a.tif,\"two\nlines\"", "b.tif,x", "", "c.tif,\"a \"\"q\"\", b\"");
	}

	@Test
	void aQuoteOpenAtTheEndIsKeptAsOneRecord() throws IOException {
		final Path f = dir.resolve("o.csv");
		Files.writeString(f, "file,note\na.tif,\"never closed\nsecond line\n", StandardCharsets.UTF_8);
		assertThat(Table.readLines(f)).containsExactly("file,note", "a.tif,\"never closed\nsecond line");
	}

	@Test
	void malformedUtf8IsAnError() throws IOException {
		final Path f = dir.resolve("latin1.csv");
		Files.write(f, "file\nm\u00fcscle.tif\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> Table.readLines(f)).isInstanceOf(CharacterCodingException.class);
	}

	@Test
	void emptyFileHasNoRecords() throws IOException {
		final Path f = dir.resolve("empty.csv");
		Files.writeString(f, "");
		assertThat(Table.readLines(f)).isEmpty();
	}
}
