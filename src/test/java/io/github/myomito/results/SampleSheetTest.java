package io.github.myomito.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample sheets as spreadsheets write them, and CSV cells that a spreadsheet would run. */
class SampleSheetTest {

	@TempDir
	Path dir;

	private Path sheet(final String name, final byte[] b) throws IOException {
		final Path p = dir.resolve(name);
		Files.write(p, b);
		return p;
	}

	@Test
	void bomQuotesColumnsAndLookupByPathOrName() throws IOException {
		final Path p = sheet("s.csv", ("\uFEFF File , Condition,animal,timepoint,stage\r\n\"a,1.tif\",control,m1,0,\"early\"\r\n\r\n"
			+ "b.tif,\"atrophy, 7 d\",m2,7,late\r\nsub/c.tif,\"con\"\"trol\nline2\",m3,14,late\r\n").getBytes(StandardCharsets.UTF_8));
		final SampleSheet s = SampleSheet.read(p);
		assertThat(s.columns()).containsExactly("file", "condition", "animal", "timepoint", "stage");
		assertThat(s.files()).containsExactly("a,1.tif", "b.tif", "sub/c.tif");
		assertThat(s.value("a,1.tif", "condition")).isEqualTo("control");
		assertThat(s.value("/data/run/b.tif", "Condition")).isEqualTo("atrophy, 7 d");
		assertThat(s.value("sub/c.tif", "condition")).isEqualTo("con\"trol\nline2");
		assertThat(s.value("elsewhere/c.tif", "timepoint")).isEqualTo("14");
		assertThat(s.value("b.tif", "no_such_column")).isNull();
		assertThat(s.value("d.tif", "condition")).isNull();
		assertThat(s.column("animal")).containsExactly(java.util.Map.entry("a,1.tif", "m1"), java.util.Map.entry("b.tif", "m2"),
			java.util.Map.entry("sub/c.tif", "m3"));
		assertThat(s.unknown(List.of("/x/b.tif", "/x/a,1.tif"))).containsExactly("sub/c.tif");
		assertThat(HtmlSummary.readSampleSheet(p)).containsEntry("b.tif", "atrophy, 7 d");
	}

	@Test
	void latin1AndSemicolons() throws IOException {
		final Path p = sheet("l.csv", "file;condition\nmüde.tif;Kontrolle\nb.tif;Atrophie ä\n".getBytes(StandardCharsets.ISO_8859_1));
		final SampleSheet s = SampleSheet.read(p);
		assertThat(s.value("müde.tif", "condition")).isEqualTo("Kontrolle");
		assertThat(s.value("b.tif", "condition")).isEqualTo("Atrophie ä");
	}

	@Test
	void duplicatesAndErrors() throws IOException {
		final SampleSheet same = SampleSheet.read(sheet("d.csv", "file,condition\na.tif,x\na.tif,x\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(same.files()).containsExactly("a.tif");
		assertThat(same.warnings()).anyMatch(w -> w.contains("listed twice"));
		final Path conflict = sheet("c.csv", "file,condition\na.tif,x\nb.tif,y\na.tif,z\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> SampleSheet.read(conflict)).hasMessageContaining(conflict.toString()).hasMessageContaining("a.tif")
			.hasMessageContaining("lines 2 and 4");
		final Path noFile = sheet("n.csv", "image,condition\na.tif,x\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> SampleSheet.read(noFile)).hasMessageContaining("'file'");
		final Path open = sheet("o.csv", "file,condition\n\"a.tif,x\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> SampleSheet.read(open)).hasMessageContaining("line 2").hasMessageContaining("quote");
		assertThatThrownBy(() -> SampleSheet.read(sheet("e.csv", new byte[0]))).hasMessageContaining("empty");
		final Path noCond = sheet("nc.csv", "file,animal\na.tif,m1\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> HtmlSummary.readSampleSheet(noCond)).hasMessageContaining("condition");
		// the same file name in two folders: found by path only
		final SampleSheet two = SampleSheet.read(sheet("t.csv", "file,condition\nx/a.tif,1\ny/a.tif,2\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(two.value("y/a.tif", "condition")).isEqualTo("2");
		assertThat(two.value("z/a.tif", "condition")).isNull();
	}

	@Test
	void textCellsAreGuardedNumbersAreNot() throws IOException {
		assertThat(Table.safeText("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(Table.safeText("+1+cmd")).isEqualTo("'+1+cmd");
		assertThat(Table.safeText("-2+3")).isEqualTo("'-2+3");
		assertThat(Table.safeText("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Table.safeText("-1.5")).isEqualTo("-1.5");
		assertThat(Table.safeText("-Infinity")).isEqualTo("-Infinity");
		assertThat(Table.safeText("a=b")).isEqualTo("a=b");
		final Table t = new Table("t", List.of(Columns.tables().get("images").get(0), Columns.tables().get("images").get(1)));
		final String k0 = t.columns().get(0).key(), k1 = t.columns().get(1).key();
		t.addRow().set(k0, "=HYPERLINK(\"x\",\"y\")").set(k1, -2.5);
		final StringWriter w = new StringWriter();
		t.writeCsv(w);
		assertThat(w.toString()).endsWith("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",-2.5\n");
	}
}
