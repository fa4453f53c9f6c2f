package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.SciJava;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogListener;
import org.scijava.log.LogMessage;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.event.ModuleCanceledEvent;
import org.scijava.module.event.ModuleFinishedEvent;
import org.scijava.parse.ParseService;
import org.scijava.run.RunService;

import com.google.gson.JsonParser;

import ij.ImagePlus;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;

/**
 * Fiji's headless {@code --run} door, as close to Fiji as this build allows: each run is a fresh full SciJava
 * {@link Context} (every service and plugin on the classpath, as Fiji builds one) and the gateway's own
 * {@code launch(args)} (scijava-common's {@code AbstractGateway.launch}: {@code ConsoleService.processArgs},
 * then {@code StartupService.executeOperations}, then dispose when headless), i.e. scijava-common's
 * {@code HeadlessArgument}, {@code RunArgument}, {@code ParseService}, {@code RunService} and its
 * {@code CommandCodeRunner} with exactly the strings a user types after {@code ImageJ-linux64}. What is not
 * here: the Fiji launcher itself and ImageJ2 / imagej-legacy services (their extra code runners, converters,
 * pre- and post-processors, display of image outputs). Outputs are read from SciJava's module events, files
 * from a {@link TempDir}, and compared with the CLI and the simulator.
 */
class HeadlessRunTest {

	static {
		// as in Fiji, ImageJ 1.x is patched by ij1-patcher (headless-safe) before any ImageJ class loads
		net.imagej.patcher.LegacyInjector.preinit();
	}

	private static final String PKG = "io.github.myomito.fiji.";

	/** What one launch did: the modules that finished or were cancelled, and the log. */
	public static final class Launch {

		final List<Module> finished = new ArrayList<>();
		final List<Module> canceled = new ArrayList<>();
		final List<String> cancelReasons = new ArrayList<>();
		final List<String> warnings = new ArrayList<>();
		final List<String> errors = new ArrayList<>();

		@EventHandler
		public void onFinished(final ModuleFinishedEvent e) {
			finished.add(e.getModule());
		}

		@EventHandler
		public void onCanceled(final ModuleCanceledEvent e) {
			canceled.add(e.getModule());
			cancelReasons.add(e.getReason());
		}

		/** @return the one module that finished uncancelled (fails otherwise). */
		Module single() {
			assertThat(errors).as("errors").isEmpty();
			assertThat(canceled).as("cancelled: %s", cancelReasons).isEmpty();
			assertThat(finished).hasSize(1);
			return finished.get(0);
		}

		/** @return all log text (warnings and errors, with their exceptions' messages). */
		String log() {
			return String.join("\n", warnings) + "\n" + String.join("\n", errors);
		}
	}

	/**
	 * {@code ImageJ-linux64 --headless --run <command> <args>}: a full context, scijava-common's gateway
	 * {@code launch}, the context disposed at the end (as headless Fiji does).
	 */
	static Launch fiji(final String command, final String args) {
		final Context context = new Context();
		final Launch l = new Launch();
		context.service(EventService.class).subscribe(l); // EventService holds subscribers weakly; l stays referenced here
		final LogListener logs = (final LogMessage m) -> {
			final String text = m.text() + (m.throwable() == null ? "" : " " + m.throwable());
			if (m.level() == LogLevel.ERROR) l.errors.add(text);
			else if (m.level() == LogLevel.WARN) l.warnings.add(text);
		};
		context.service(LogService.class).addLogListener(logs);
		new SciJava(context).launch("--headless", "--run", command, args); // returns after the command; disposes the context
		return l;
	}

	/** The five commands: class, exact menu label (CommandInfo title). */
	private static final String[][] COMMANDS = {
		{ "SimulateFibreCommand", "Simulate Fibre..." },
		{ "AnalyzeNetworkCommand", "Analyze Mitochondrial Network" },
		{ "AnalyzeLatticeCommand", "Analyze Fibre Lattice" },
		{ "ColocalisationCommand", "Mitophagy Colocalisation" },
		{ "BatchAnalyzeCommand", "Batch Analyze Folder..." } };

	@Test
	void runResolvesTheClassNameTheCommandIdAndTheExactMenuLabelButNotOtherForms() {
		final Context context = new Context();
		try {
			final RunService run = context.service(RunService.class);
			final CommandService commands = context.service(CommandService.class);
			for (final String[] c : COMMANDS) {
				final CommandInfo info = commands.getCommand(PKG + c[0]);
				assertThat(info).as(c[0]).isNotNull();
				assertThat(info.getTitle()).isEqualTo(c[1]);
				assertThat(info.getMenuPath().stream().map(org.scijava.MenuEntry::getName)).containsExactly("Plugins", "MyoMito", c[1]);
				assertThat(run.supports(PKG + c[0])).as("class name").isTrue();
				assertThat(run.supports("command:" + PKG + c[0])).as("command id").isTrue();
				assertThat(run.supports(c[1])).as("label " + c[1]).isTrue();
				// not resolved: the simple class name, the menu path, the label without its "...", other case
				assertThat(run.supports(c[0])).isFalse();
				assertThat(run.supports("Plugins>MyoMito>" + c[1])).isFalse();
				assertThat(run.supports(c[1].toLowerCase(java.util.Locale.ROOT))).isFalse();
				if (c[1].endsWith("...")) assertThat(run.supports(c[1].substring(0, c[1].length() - 3))).isFalse();
			}
		}
		finally {
			context.dispose();
		}
		// an unresolved name: --run is not handled at all, nothing runs, only warnings
		final Launch l = fiji("Simulate Fibre", "pattern='hyperfused',seed=7");
		assertThat(l.finished).isEmpty();
		assertThat(l.canceled).isEmpty();
		assertThat(l.warnings).contains("Ignoring invalid argument: --run", "Ignoring invalid argument: Simulate Fibre");
	}

	@Test
	void argumentStringsAreExpressionsSoTextMustBeQuoted() {
		final Context context = new Context(ParseService.class);
		try {
			final ParseService p = context.service(ParseService.class);
			final Map<String, Object> m = p.parse("input='/data/my in',pattern=\"*.tif\",recursive=true,lc3_channel=2,prune_um=0.2,seed=7,rois=''").asMap();
			assertThat(m).containsExactly(Map.entry("input", "/data/my in"), Map.entry("pattern", "*.tif"), Map.entry("recursive", true),
				Map.entry("lc3_channel", 2), Map.entry("prune_um", 0.2), Map.entry("seed", 7), Map.entry("rois", ""));
			assertThat(p.parse("out=\"/data/it's\",win='C:\\data\\in'").asMap()).containsEntry("out", "/data/it's").containsEntry("win", "C:\\data\\in");
			assertThatThrownBy(() -> p.parse("input=/data/in")).hasMessageContaining("Invalid character");
			assertThatThrownBy(() -> p.parse("threshold=Otsu")).hasMessageContaining("Unknown variable: Otsu");
			assertThatThrownBy(() -> p.parse("pattern=oxidative-lattice")).hasMessageContaining("Unknown variable: oxidative");
			assertThatThrownBy(() -> p.parse("mitophagy=.6")).hasMessageContaining("Invalid character");
			assertThatThrownBy(() -> p.parse("input='/data/in',recursive")).hasMessageContaining("Unknown variable: recursive");
		}
		finally {
			context.dispose();
		}
		// through the door, an unquoted path stops before the command runs, with the parser's error logged
		final Launch l = fiji("Batch Analyze Folder...", "input=/data/in,output='/data/out'");
		assertThat(l.finished).isEmpty();
		assertThat(l.errors).anySatisfy(e -> assertThat(e).contains("Invalid character"));
		// a misspelt key stops the run too: the command is never started
		final Launch typo = fiji("Simulate Fibre...", "pattern='swollen',sed=3");
		assertThat(typo.finished).isEmpty();
		assertThat(typo.canceled).isEmpty();
		assertThat(typo.errors).anySatisfy(e -> assertThat(e).contains("No such input: sed"));
	}

	@Test
	void simulateFibreGivesTheSimulatorsImagePixelForPixel() {
		// the documented string, by label
		final Launch l = fiji("Simulate Fibre...", "pattern='oxidative-lattice',seed=7");
		assertSamePhantom(l.single(), PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(7).build(), "oxidative-lattice-seed7");
		// by class name, numbers given as integers and decimals, a 3D stack
		final Launch byClass = fiji(PKG + "SimulateFibreCommand",
			"pattern='hyperfused',seed=3,width_um=8,length_um=12,pixel_um=0.1,slices=3,z_step_um=0.3,mitophagy=0.6,axis_deg=30");
		assertSamePhantom(byClass.single(), PhantomSettings.forPattern(Pattern.HYPERFUSED).toBuilder().seed(3).fibreWidthUm(8).fibreLengthUm(12).pixelUm(0.1)
			.zSlices(3).zStepUm(0.3).mitophagyLevel(0.6).axisDeg(30).build(), "hyperfused-seed3");
		// by command id
		final Launch byId = fiji("command:" + PKG + "SimulateFibreCommand", "pattern=\"swollen\",seed=5,width_um=6,length_um=6");
		assertSamePhantom(byId.single(), PhantomSettings.forPattern(Pattern.SWOLLEN).toBuilder().seed(5).fibreWidthUm(6).fibreLengthUm(6).build(), "swollen-seed5");
		// a bad value cancels with the command's one-line reason
		final Launch bad = fiji("Simulate Fibre...", "pattern='spaghetti'");
		assertThat(bad.finished).isEmpty();
		assertThat(bad.errors).anySatisfy(e -> assertThat(e).startsWith("Simulate Fibre: ").contains("spaghetti"));
	}

	private static void assertSamePhantom(final Module m, final PhantomSettings s, final String title) {
		final ImagePlus imp = (ImagePlus) m.getOutput("image");
		final Phantom direct = PhantomSimulator.simulate(s);
		final FibreImage img = direct.image();
		final int[] d = direct.dims();
		final int plane = d[0] * d[1], nz = d.length > 2 ? d[2] : 1;
		assertThat(imp.getTitle()).isEqualTo(title);
		assertThat(new int[] { imp.getWidth(), imp.getHeight(), imp.getNChannels(), imp.getNSlices(), imp.getNFrames() }).containsExactly(d[0], d[1], 2, nz, 1);
		for (int c = 0; c < 2; c++) {
			final float[] want = Pixels.floats(img.channel(c));
			for (int z = 0; z < nz; z++) {
				final ij.process.ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, 1));
				for (int i = 0; i < plane; i++)
					if (ip.getf(i) != want[i + z * plane]) throw new AssertionError("channel " + (c + 1) + " slice " + (z + 1) + " pixel " + i + ": " + ip.getf(i) + " != " + want[i + z * plane]);
			}
		}
		final double[] sp = img.spacing();
		assertThat(imp.getCalibration().getUnit()).isEqualTo("micron");
		assertThat(imp.getCalibration().pixelWidth).isEqualTo(sp[0]);
		assertThat(imp.getCalibration().pixelHeight).isEqualTo(sp[1]);
		if (nz > 1) assertThat(imp.getCalibration().pixelDepth).isEqualTo(sp[2]);
		assertThat(imp.getProperty("Info")).isEqualTo(direct.truth().toJson());
	}

	private static int cli(final String... args) {
		return io.github.myomito.cli.Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
			new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
	}

	/** Three sample images in a folder whose name has a space. */
	private static Path sampleFolder(final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("my images"));
		for (final String n : new String[] { "hyperfused_seed7.tif", "swollen_seed7.tif", "glycolytic-fragmented_seed7.tif" })
			Files.copy(Path.of("sample-images", n), in.resolve(n));
		Files.writeString(in.resolve("notes.txt"), "not an image");
		return in;
	}

	@Test
	void batchAnalyzeFolderWritesTheClisTablesFromPathsWithSpaces(@TempDir final Path tmp) throws Exception {
		final Path in = sampleFolder(tmp), out = tmp.resolve("batch out"), cliOut = tmp.resolve("cli out");
		// the documented string with the user's folders
		final Launch l = fiji("Batch Analyze Folder...", "input='" + in + "',pattern='*.tif',recursive=false,mito_channel=1,lc3_channel=2,prune_um=0,"
			+ "threshold='Otsu',rois='',output='" + out + "',threads=2");
		final BatchAnalyzeCommand c = (BatchAnalyzeCommand) ((org.scijava.command.CommandModule) l.single()).getCommand();
		assertThat(c.summary.analysed).isEqualTo(3);
		assertThat(c.summary.failed).isZero();
		assertThat(cli("analyze", in.toString(), "--out", cliOut.toString(), "--lc3-channel", "2", "--no-progress")).isZero();
		for (final String t : new String[] { "images.csv", "fibres.csv", "objects.csv", "branches.csv", "puncta.csv" })
			assertThat(Files.readAllLines(out.resolve(t))).as(t).isEqualTo(Files.readAllLines(cliOut.resolve(t)));
		// the numbers themselves, not just the text: three ok rows with real counts and lengths
		final List<String> rows = Files.readAllLines(out.resolve("images.csv"));
		final List<String> header = List.of(rows.get(0).split(","));
		assertThat(rows).hasSize(4);
		for (final String row : rows.subList(1, 4)) {
			final String[] v = row.split(",");
			assertThat(v[header.indexOf("file")]).startsWith(in.toString());
			// LC3 on a background that is never 0: M1 = M2 = 1, said in the row (#16 item 9)
			assertThat(v[header.indexOf("status")]).isEqualTo("warning");
			assertThat(row).contains(io.github.myomito.coloc.PixelColocalisation.MANDERS_SATURATED_WARNING);
			assertThat(Integer.parseInt(v[header.indexOf("objects")])).isPositive();
			assertThat(Double.parseDouble(v[header.indexOf("total_length_um")])).isPositive();
			assertThat(v[header.indexOf("mito_channel")]).isEqualTo("1");
		}
		// the same settings reached the analysis (the threads key too)
		final var fiji = JsonParser.parseString(Files.readString(out.resolve("provenance.json"))).getAsJsonObject();
		final var cliProv = JsonParser.parseString(Files.readString(cliOut.resolve("provenance.json"))).getAsJsonObject();
		assertThat(fiji.get("settings")).isEqualTo(cliProv.get("settings"));
		assertThat(fiji.get("settings_hash")).isEqualTo(cliProv.get("settings_hash"));
		assertThat(fiji.get("threads").getAsInt()).isEqualTo(2);
	}

	@Test
	void batchWithOnlySomeKeysRunsWithTheDefaultsForTheRest(@TempDir final Path tmp) throws Exception {
		final Path in = sampleFolder(tmp);
		// docs/fiji.md's class-name example: only the folders
		final Launch l = fiji(PKG + "BatchAnalyzeCommand", "input='" + in + "',output='" + tmp.resolve("out") + "',rois=''");
		assertThat(((BatchAnalyzeCommand) ((org.scijava.command.CommandModule) l.single()).getCommand()).summary.analysed).isEqualTo(3);
		assertThat(cli("analyze", in.toString(), "--out", tmp.resolve("cli").toString(), "--no-progress")).isZero();
		assertThat(Files.readAllLines(tmp.resolve("out").resolve("images.csv"))).isEqualTo(Files.readAllLines(tmp.resolve("cli").resolve("images.csv")));
		// README's example: the label, the folders and the LC3 channel
		final Launch r = fiji("Batch Analyze Folder...", "input='" + in + "',lc3_channel=2,rois='',output='" + tmp.resolve("out2") + "'");
		assertThat(((BatchAnalyzeCommand) ((org.scijava.command.CommandModule) r.single()).getCommand()).summary.analysed).isEqualTo(3);
		assertThat(cli("analyze", in.toString(), "--out", tmp.resolve("cli2").toString(), "--lc3-channel", "2", "--no-progress")).isZero();
		for (final String t : new String[] { "images.csv", "puncta.csv" })
			assertThat(Files.readAllLines(tmp.resolve("out2").resolve(t))).as(t).isEqualTo(Files.readAllLines(tmp.resolve("cli2").resolve(t)));
		// with and without the LC3 channel the tables differ (the key reached the command)
		assertThat(Files.readAllLines(tmp.resolve("out2").resolve("images.csv"))).isNotEqualTo(Files.readAllLines(tmp.resolve("out").resolve("images.csv")));
	}

	@Test
	void leavingOutTheOneFolderKeyRoisCancelsSilently(@TempDir final Path tmp) throws Exception {
		// every key but rois: scijava-common's FilePreprocessor asks the headless UI for the single unresolved
		// File input, gets none, and cancels with an empty reason before the command runs
		final Path in = sampleFolder(tmp), out = tmp.resolve("out");
		final Launch l = fiji("Batch Analyze Folder...", "input='" + in + "',pattern='*.tif',recursive=false,mito_channel=1,lc3_channel=2,prune_um=0,"
			+ "threshold='Otsu',psf_um=0,psf_z_um=0,no_end_correction=false,no_axial_deconvolution=false,output='" + out + "',threads=2,"
			+ "local_block_um=1.5,local_offset=0,tubeness=false,background_um=2,min_size_um=0.05,fibres='image',band_um=0,tolerance_deg=20,"
			+ "punctum_um=0.3,randomisations=0,seed=1,sample_sheet='',control='control'"
			+ ",reporter='none',red_channel=0,green_channel=0,acid_channel=0,neutral_channel=0,ratio_threshold=0,fibre_type_channel=0,fibre_type_classes=2,fibre_type_thresholds=''");
		assertThat(l.finished).isEmpty();
		assertThat(l.canceled).hasSize(1);
		assertThat(l.cancelReasons).containsExactly("");
		assertThat(l.errors).isEmpty();
		assertThat(out).doesNotExist();
		// with other keys left out as well, rois is not the single unresolved input: the batch runs on whole images
		final Path out2 = tmp.resolve("out2");
		final Launch l2 = fiji("Batch Analyze Folder...", "input='" + in + "',lc3_channel=2,output='" + out2 + "'");
		assertThat(l2.canceled).isEmpty();
		assertThat(((BatchAnalyzeCommand) ((org.scijava.command.CommandModule) l2.single()).getCommand()).summary.analysed).isEqualTo(3);
		assertThat(out2.resolve("images.csv")).exists();
	}

	@Test
	void imageCommandsHaveNoImageThroughRunAloneButTakeAPathAsImpHere(@TempDir final Path tmp) throws Exception {
		for (final String[] c : new String[][] { { "Analyze Mitochondrial Network", "mito_channel=1" }, { "Analyze Fibre Lattice", "mito_channel=1" },
			{ "Mitophagy Colocalisation", "mito_channel=1,lc3_channel=2" } }) {
			final Launch l = fiji(c[0], c[1]);
			assertThat(l.finished).as(c[0]).isEmpty();
			assertThat(l.errors).as(c[0]).containsExactly(c[0] + ": no image: open an image first (or pass one as the 'imp' input)");
		}
		// plain scijava-common converts imp='<path>' with its fallback converter, i.e. new ImagePlus(path), which opens
		// the file: the tables equal the CLI's for that file (file column: image title vs path)
		final Path in = sampleFolder(tmp), res = tmp.resolve("res dir"), cliOut = tmp.resolve("cli");
		final Path image = in.resolve("swollen_seed7.tif");
		final Launch l = fiji("Analyze Mitochondrial Network", "imp='" + image + "',mito_channel=1,lc3_channel=2,threshold='Otsu',save_dir='" + res + "'");
		l.single();
		assertThat(cli("analyze", image.toString(), "--out", cliOut.toString(), "--lc3-channel", "2", "--no-progress")).isZero();
		for (final String t : new String[] { "images", "fibres", "objects", "branches", "puncta" }) {
			final List<String> fiji = Files.readAllLines(res.resolve("swollen_seed7_" + t + ".csv"));
			final List<String> cli = Files.readAllLines(cliOut.resolve(t + ".csv"));
			// the command's Fibres table carries the phenotype call columns after the catalogue's fibres columns
			final String calls = t.equals("fibres") ? "," : "";
			assertThat(fiji).as(t).hasSameSizeAs(cli);
			assertThat(fiji.get(0) + (calls.isEmpty() ? "" : ",")).startsWith(cli.get(0) + calls);
			if (!calls.isEmpty()) assertThat(fiji.get(0)).endsWith(",network_type,dynamics_state,mitophagy_state,consistent_models,conflicting_models,confidence,reference,evidence");
			for (int i = 1; i < cli.size(); i++)
				assertThat(fiji.get(i) + (calls.isEmpty() ? "" : ",")).as(t + " row " + i).startsWith(cli.get(i).replace(image.toString(), "swollen_seed7.tif") + calls);
		}
		assertThat(Files.readAllLines(res.resolve("swollen_seed7_images.csv"))).hasSize(2);
	}
}
