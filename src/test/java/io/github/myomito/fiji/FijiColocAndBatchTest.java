package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.PixelColocalisation;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.image.ij.ImagePlusBridge;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;

/** The colocalisation and batch commands through CommandService, against the core and the CLI. */
class FijiColocAndBatchTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, StatusService.class, LogService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Phantom phantom(final Pattern p, final long seed, final double mitophagy) {
		return PhantomSimulator.simulate(PhantomSettings.forPattern(p).toBuilder().seed(seed).fibreWidthUm(8).fibreLengthUm(12).mitophagyLevel(mitophagy).build());
	}

	@Test
	void colocEqualsTheCoreAndTheCliAndFollowsTheTrueMitophagy() throws Exception {
		final Phantom high = phantom(Pattern.OXIDATIVE_LATTICE, 11, 0.9);
		final ImagePlus imp = ImagePlusBridge.toImagePlus(high.image(), "high");
		final CommandModule m = commands.run(ColocalisationCommand.class, true, "imp", imp, "randomisations", 10, "seed", 3L).get();
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final ColocalisationCommand c = (ColocalisationCommand) m.getCommand();
		final ResultsTable t = c.table;
		final float[] a = Pixels.floats(high.image().channel(0)), b = Pixels.floats(high.image().channel(1));
		final ColocResult core = PixelColocalisation.compute(a, b, null, Pixels.dims(high.image().channel(0)), high.image().spacing(),
			ColocSettings.builder().randomisations(10).seed(3).build());
		assertThat(t.getValue("pearson", 0)).isEqualTo(core.pearson());
		assertThat(t.getValue("manders_m1", 0)).isEqualTo(core.mandersM1());
		assertThat(t.getValue("costes_p", 0)).isEqualTo(core.costesP());
		// the CLI's coloc on the same file gives the same numbers under the same keys
		final Path dir = Files.createTempDirectory("myomito-coloc");
		ImageFiles.writeTiff(high.image(), dir.resolve("high.tif"));
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final int rc = io.github.myomito.cli.Main.run(new String[] { "coloc", dir.resolve("high.tif").toString(), "--randomisations", "10", "--seed", "3" },
			new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(rc).isZero();
		final JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
		for (final String k : new String[] { "pearson", "manders_m1", "manders_m2", "manders_tm1", "manders_tm2", "spearman", "kendall_tau", "li_icq", "costes_p" })
			assertThat(t.getValue(k, 0)).as(k).isEqualTo(json.get(k).getAsDouble());
		// overlay puncta: on-mitochondria share follows the truth (high vs low mitophagy)
		final double onHigh = onShare(imp);
		final Phantom low = phantom(Pattern.OXIDATIVE_LATTICE, 11, 0.1);
		final ImagePlus lowImp = ImagePlusBridge.toImagePlus(low.image(), "low");
		final CommandModule ml = commands.run(ColocalisationCommand.class, true, "imp", lowImp, "randomisations", 0).get();
		assertThat(ml.isCanceled()).as(ml.getCancelReason()).isFalse();
		assertThat(onHigh).isGreaterThan(onShare(lowImp));
	}

	@Test
	void colocUsesTheRoiAsMask() throws Exception {
		final Phantom ph = phantom(Pattern.GLYCOLYTIC_FRAGMENTED, 2, 0.5);
		final ImagePlus imp = ImagePlusBridge.toImagePlus(ph.image(), "roi");
		imp.setRoi(new Roi(5, 5, 60, 50));
		final CommandModule m = commands.run(ColocalisationCommand.class, true, "imp", imp, "randomisations", 0, "threshold", "Otsu").get();
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		assertThat(((ColocalisationCommand) m.getCommand()).table.getValue("n", 0)).isEqualTo(60 * 50);
		final CommandModule bad = commands.run(ColocalisationCommand.class, true, "imp", imp, "threshold", "manual:1").get();
		assertThat(bad.getCancelReason()).isEqualTo("Mitophagy Colocalisation: threshold manual:T1,T2 needs two numbers, got 'manual:1'");
	}

	private static double onShare(final ImagePlus imp) {
		int on = 0, all = 0;
		for (final Roi r : imp.getOverlay().toArray()) {
			if (r.getName().startsWith("on ")) on++;
			if (r.getName().startsWith("on ") || r.getName().startsWith("off ")) all++;
		}
		assertThat(all).isPositive();
		return on / (double) all;
	}

	@Test
	void batchWritesTheSameTablesAsTheCli(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Phantom a = phantom(Pattern.OXIDATIVE_LATTICE, 1, 0.5), b = phantom(Pattern.FISSION_FRAGMENTED, 2, 0.5);
		ImageFiles.writeTiff(a.image(), in.resolve("a.tif"));
		ImageFiles.writeTiff(b.image(), in.resolve("b.tif"));
		Files.writeString(in.resolve("notes.txt"), "not an image");
		final CommandModule m = commands.run(BatchAnalyzeCommand.class, true, "input", in.toFile(), "pattern", "*.tif", "output", tmp.resolve("fiji").toFile(),
			"lc3_channel", 2, "threads", 2).get();
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		assertThat(((BatchAnalyzeCommand) m.getCommand()).summary.analysed).isEqualTo(2);
		final int rc = io.github.myomito.cli.Main.run(new String[] { "analyze", in.resolve("a.tif").toString(), in.resolve("b.tif").toString(), "--out",
			tmp.resolve("cli").toString(), "--lc3-channel", "2", "--no-progress" }, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
		assertThat(rc).isZero();
		for (final String t : new String[] { "images.csv", "fibres.csv", "objects.csv", "puncta.csv", "phenotypes.csv", "groups.csv" })
			assertThat(Files.readAllLines(tmp.resolve("fiji").resolve(t))).as(t).isEqualTo(Files.readAllLines(tmp.resolve("cli").resolve(t)));
		assertThat(tmp.resolve("fiji").resolve("report.html")).exists();
		assertThat(tmp.resolve("fiji").resolve("summary.html")).exists();
		final List<String> images = Files.readAllLines(tmp.resolve("fiji").resolve("images.csv"));
		final List<String> header = List.of(images.get(0).split(","));
		final int objects = header.indexOf("objects");
		assertThat(Integer.parseInt(images.get(1).split(",")[objects])).isEqualTo(a.truth().counts().objects());
		final CommandModule none = commands.run(BatchAnalyzeCommand.class, true, "input", in.toFile(), "pattern", "*.png", "output", tmp.resolve("x").toFile()).get();
		assertThat(none.getCancelReason()).isEqualTo("Batch Analyze Folder: input " + in.toFile() + ": no file matches *.png");
	}
}
