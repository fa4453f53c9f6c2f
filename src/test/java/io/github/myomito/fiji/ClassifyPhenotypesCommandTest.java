package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** Plugins › MyoMito › Classify Phenotypes through the CommandService gives the CLI's classify bytes. */
class ClassifyPhenotypesCommandTest {

	private static Context context;
	private static CommandService commands;

	@TempDir
	Path tmp;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, LogService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static int cli(final Object... args) {
		final String[] a = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
		return io.github.myomito.cli.Main.run(a, new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
	}

	@Test
	void sameCallsAsTheCli() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final StringBuilder sheet = new StringBuilder("file,condition\n");
		for (int i = 1; i <= 3; i++) {
			assertThat(cli("simulate", "--pattern", "oxidative-lattice", "--seed", i, "--out", in.resolve("c" + i + ".tif"), "--width-um", "12", "--length-um", "16")).isZero();
			assertThat(cli("simulate", "--pattern", "fission-fragmented", "--seed", i, "--out", in.resolve("h" + i + ".tif"), "--width-um", "12", "--length-um", "16")).isZero();
			sheet.append("c").append(i).append(".tif,sham\nh").append(i).append(".tif,treated\n");
		}
		final Path ss = tmp.resolve("sheet.csv");
		Files.writeString(ss, sheet.toString(), StandardCharsets.UTF_8);
		final Path out = tmp.resolve("out");
		assertThat(cli("analyze", in, "--out", out, "--no-progress", "--no-qc", "--sample-sheet", ss, "--control", "sham")).isZero();
		final byte[] cliBytes = Files.readAllBytes(out.resolve("phenotypes.csv"));
		Files.delete(out.resolve("phenotypes.csv"));
		final CommandModule m = commands.run(ClassifyPhenotypesCommand.class, true, "folder", out.toFile(), "sample_sheet", ss.toFile(), "control", "sham").get();
		assertThat(m.isCanceled()).as("%s", m.getCancelReason()).isFalse();
		assertThat(Files.readAllBytes(out.resolve("phenotypes.csv"))).isEqualTo(cliBytes);
		final ClassifyPhenotypesCommand c = (ClassifyPhenotypesCommand) m.getCommand();
		assertThat(c.result.calls()).hasSize(6);
		assertThat(c.result.calls().stream().filter(f -> f.fibre.condition.equals("sham"))).allSatisfy(f -> assertThat(f.reference).isEqualTo("control:sham"));
		// the simulator's fission-fragmented fibres against its lattice controls: fission-dominant, from the same numbers the CLI saw
		assertThat(c.result.calls().stream().filter(f -> f.fibre.condition.equals("treated"))).allSatisfy(f -> assertThat(f.dynamicsState).isEqualTo("fission-dominant"));
		final CommandModule bad = commands.run(ClassifyPhenotypesCommand.class, true, "folder", tmp.resolve("none").toFile()).get();
		assertThat(bad.isCanceled()).isTrue();
		assertThat(bad.getCancelReason()).contains("no fibres.csv");
	}

	/**
	 * Without a folder the command classifies the open MyoMito Fibres table (found by title in Fiji's window list,
	 * which headless ImageJ does not keep): its rows, read back from the ImageJ results table the command showed,
	 * give the same calls that table already carries.
	 */
	@Test
	void theFibresResultsTableIsClassifiedLikeTheFibresTableShowsIt() throws Exception {
		final Path f = tmp.resolve("f.tif");
		assertThat(cli("simulate", "--pattern", "fission-fragmented", "--seed", 4, "--out", f)).isZero();
		final ij.ImagePlus imp = io.github.myomito.image.ij.ImageFiles.open(f);
		final CommandModule a = commands.run(AnalyzeNetworkCommand.class, true, "imp", imp, "lc3_channel", 2).get();
		assertThat(a.isCanceled()).as("%s", a.getCancelReason()).isFalse();
		final io.github.myomito.results.Table fibres = ((AnalyzeNetworkCommand) a.getCommand()).result.table("fibres");
		final java.util.List<java.util.Map<String, String>> rows = ClassifyPhenotypesCommand.rows(ResultsTables.of(fibres));
		final io.github.myomito.phenotype.Classification c = io.github.myomito.phenotype.Classification.of(
			io.github.myomito.phenotype.PhenotypeRun.records(rows, null), io.github.myomito.phenotype.ClassificationSettings.defaults());
		assertThat(c.calls()).hasSize(fibres.size());
		final io.github.myomito.phenotype.FibreCall call = c.calls().get(0);
		assertThat(call.networkType).isEqualTo("glycolytic-fragmented").isEqualTo(fibres.getText(0, "network_type"));
		assertThat(call.dynamicsState).isEqualTo("fission-dominant").isEqualTo(fibres.getText(0, "dynamics_state"));
		assertThat(call.mitophagyState).isEqualTo(fibres.getText(0, "mitophagy_state"));
		assertThat(call.evidence).isEqualTo(fibres.getText(0, "evidence"));
		assertThat(call.reference).isEqualTo("built-in:glycolytic-fragmented");
		// headless, no such window: a clear message, not a crash
		final CommandModule none = commands.run(ClassifyPhenotypesCommand.class, true).get();
		assertThat(none.getCancelReason()).contains("no folder given and no open MyoMito Fibres table");
	}
}
