package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phenotype doors of the CLI: analyze calls phenotypes at the end of the batch, chunk + merge gives the same
 * phenotypes.csv and groups.csv bytes, classify re-reads a folder with other options, and usage errors are rc 2.
 */
class ClassifyCommandTest {

	@TempDir
	Path tmp;

	@Test
	void analyzeCallsPhenotypesAndChunksMergeToTheSameBytes() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final StringBuilder sheet = new StringBuilder("file,condition,animal\n");
		for (int i = 1; i <= 3; i++) {
			Cli.ok("simulate", "--pattern", "glycolytic-fragmented", "--seed", i, "--out", in.resolve("ctl" + i + ".tif"), "--width-um", "12", "--length-um", "16");
			Cli.ok("simulate", "--pattern", "fission-fragmented", "--seed", i, "--out", in.resolve("fis" + i + ".tif"), "--width-um", "12", "--length-um", "16");
			sheet.append("ctl").append(i).append(".tif,control,c").append(i).append('\n').append("fis").append(i).append(".tif,fission,f").append(i).append('\n');
		}
		final Path ss = tmp.resolve("sheet.csv");
		Files.writeString(ss, sheet.toString(), StandardCharsets.UTF_8);
		final Path one = tmp.resolve("one");
		Cli.ok("analyze", in, "--out", one, "--lc3-channel", "2", "--sample-sheet", ss, "--no-progress", "--no-qc");
		final Cli.Csv ph = Cli.csv(one.resolve("phenotypes.csv"));
		assertThat(ph.rows).hasSize(6);
		for (final List<String> r : ph.rows) {
			final String file = r.get(ph.header.indexOf("file"));
			assertThat(r.get(ph.header.indexOf("reference"))).isEqualTo("control:control");
			assertThat(r.get(ph.header.indexOf("network_type"))).isEqualTo("glycolytic-fragmented");
			assertThat(r.get(ph.header.indexOf("dynamics_state"))).as(file).isEqualTo(file.contains("fis") ? "fission-dominant" : "balanced");
			assertThat(r.get(ph.header.indexOf("evidence"))).contains("objects_per_100um2").contains("vs control control median");
		}
		final Cli.Csv gr = Cli.csv(one.resolve("groups.csv"));
		assertThat(gr.rows.stream().filter(r -> r.get(gr.header.indexOf("record")).equals("call") && r.get(gr.header.indexOf("condition")).equals("fission")))
			.allSatisfy(r -> assertThat(r.get(gr.header.indexOf("replication_unit"))).isEqualTo("animal"));
		final String prov = Files.readString(one.resolve("provenance.json"));
		assertThat(prov).contains("\"patterns_sha256\"").contains("\"patterns\": \"built-in:lei2024.json\"");
		assertThat(Files.readString(one.resolve("report.html"))).contains("Table 3").contains("<svg").contains("fission-dominant");

		final Path c1 = tmp.resolve("c1"), c2 = tmp.resolve("c2"), merged = tmp.resolve("merged");
		Cli.ok("analyze", in, "--out", c1, "--lc3-channel", "2", "--chunk", "1/2", "--no-progress", "--no-qc");
		Cli.ok("analyze", in, "--out", c2, "--lc3-channel", "2", "--chunk", "2/2", "--no-progress", "--no-qc");
		Cli.ok("merge", c1, c2, "--out", merged, "--sample-sheet", ss);
		for (final String t : new String[] { "phenotypes.csv", "groups.csv", "fibres.csv" })
			assertThat(Files.readAllBytes(merged.resolve(t))).as(t).isEqualTo(Files.readAllBytes(one.resolve(t)));

		// classify re-reads the folder with other options
		Cli.ok("classify", one, "--sample-sheet", ss, "--unit", "fibre");
		final Cli.Csv gr2 = Cli.csv(one.resolve("groups.csv"));
		assertThat(gr2.rows).allSatisfy(r -> assertThat(r.get(gr2.header.indexOf("replication_unit"))).isEqualTo("fibre"));
		// without a sheet: no control, built-in reference named in every row
		Cli.ok("classify", one);
		final Cli.Csv ph3 = Cli.csv(one.resolve("phenotypes.csv"));
		assertThat(ph3.rows).allSatisfy(r -> assertThat(r.get(ph3.header.indexOf("reference"))).startsWith("built-in:"));
	}

	@Test
	void usageErrors() throws Exception {
		final Cli.Result help = Cli.run("classify", "--help");
		assertThat(help.code).isEqualTo(Main.OK);
		assertThat(help.out).contains("Usage: myomito classify").contains("--control").contains("--patterns").doesNotContain("Usage: myomito [");
		assertThat(Cli.run("classify", tmp.resolve("nothing")).code).isEqualTo(Main.USAGE);
		final Path dir = Files.createDirectories(tmp.resolve("d"));
		Files.writeString(dir.resolve("fibres.csv"), "file,fibre,region\n");
		final Cli.Result bad = Cli.run("classify", dir, "--unit", "mouse");
		assertThat(bad.code).isEqualTo(Main.USAGE);
		assertThat(bad.err).contains("unit must be fibre, image or animal");
		final Path pat = tmp.resolve("p.json");
		Files.writeString(pat, "{\"schema\": \"myomito-patterns/1\"}");
		final Cli.Result badPat = Cli.run("classify", dir, "--patterns", pat);
		assertThat(badPat.code).isEqualTo(Main.USAGE);
		assertThat(badPat.err).contains(pat.toString());
	}
}
