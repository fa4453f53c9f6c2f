package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.macro.Interpreter;
import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.Pixels;
import io.github.myomito.image.ij.FibreRois;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.results.Table;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.simulate.Truth;

/**
 * Runs the exact files of {@code macros/} with ImageJ's macro interpreter, headless (ij1-patcher's
 * {@code LegacyInjector.preinit()} before any ImageJ class loads; {@link LegacyCommandShim} makes the
 * SciJava commands callable with {@code run("…")}), on simulated images, and checks their output tables
 * against the simulator's truth, the core, the CommandService door and the CLI.
 */
class MacrosTest extends MacroTestBase {


	/** Runs macros/NAME with the argument string; a macro error fails the test. */
	static void macro(final String name, final String args) throws Exception {
		final String code = Files.readString(Path.of("macros", name));
		new Interpreter().run(code, args);
		ij.WindowManager.closeAllWindows();
	}

	static Phantom phantom(final Pattern p, final long seed) {
		return PhantomSimulator.simulate(PhantomSettings.forPattern(p).toBuilder().seed(seed).fibreWidthUm(8).fibreLengthUm(12).build());
	}

	/** @return the rows of a CSV written by MyoMito (no quoted commas in the tested columns). */
	static List<Map<String, String>> csv(final Path file) throws Exception {
		final List<String> lines = Files.readAllLines(file);
		final String[] head = lines.get(0).split(",", -1);
		final List<Map<String, String>> rows = new ArrayList<>();
		for (final String l : lines.subList(1, lines.size())) {
			final String[] v = l.split(",", -1);
			final Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < head.length && i < v.length; i++) m.put(head[i], v[i]);
			rows.add(m);
		}
		return rows;
	}

	static int cli(final String... args) {
		final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		return io.github.myomito.cli.Main.run(args, quiet, quiet);
	}

	@Test
	void simulateAndSaveWritesTheSimulatorsImageWithItsTruth(@TempDir final Path tmp) throws Exception {
		final Path out = tmp.resolve("my fibre.tif");
		macro("simulate_and_save.ijm", "out=[" + out + "] pattern=hyperfused seed=4 width_um=8 length_um=12");
		final Phantom direct = phantom(Pattern.HYPERFUSED, 4);
		final ImagePlus saved = ImageFiles.open(out);
		assertThat(saved.getNChannels()).isEqualTo(2);
		assertThat(saved.getCalibration().pixelWidth).isEqualTo(direct.image().spacing()[0]);
		final float[] mito = Pixels.floats(ImageFiles.read(out, ChannelRole.MITOCHONDRIA, ChannelRole.LC3).channel(0));
		assertThat(mito).containsExactly(Pixels.floats(direct.image().channel(0)));
		final Truth t = Truth.fromJson((String) saved.getProperty("Info"));
		assertThat(t.counts().objects()).isEqualTo(direct.truth().counts().objects());
		assertThat(t.counts().loops()).isEqualTo(direct.truth().counts().loops());
	}

	/** The same image through the three doors: CommandService, macro, CLI — identical images rows. */
	@Test
	void threeDoorsGiveIdenticalNumbers(@TempDir final Path tmp) throws Exception {
		final Phantom ph = phantom(Pattern.OXIDATIVE_LATTICE, 7);
		final Path img = tmp.resolve("lattice.tif");
		ImageFiles.writeTiff(ph.image(), img);
		// macro
		macro("analyze_one_image.ijm", "image=[" + img + "] out=[" + tmp.resolve("macro") + "] lc3_channel=2");
		final Map<String, String> viaMacro = csv(tmp.resolve("macro").resolve("lattice_images.csv")).get(0);
		// CommandService
		final CommandModule m = context.service(CommandService.class).run(AnalyzeNetworkCommand.class, true, "imp", ImageFiles.open(img), "lc3_channel", 2).get();
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final Table viaCommand = ((AnalyzeNetworkCommand) m.getCommand()).result.table("images");
		// CLI
		assertThat(cli("analyze", img.toString(), "--out", tmp.resolve("cli").toString(), "--lc3-channel", "2", "--no-progress")).isZero();
		final Map<String, String> viaCli = csv(tmp.resolve("cli").resolve("images.csv")).get(0);
		assertThat(viaCli.get("objects")).isEqualTo(Integer.toString(ph.truth().counts().objects()));
		assertThat(viaCli.get("loops")).isEqualTo(Integer.toString(ph.truth().counts().loops()));
		int compared = 0;
		for (final String k : viaCli.keySet()) {
			if (k.equals("file")) continue;
			assertThat(viaMacro.get(k)).as("macro " + k).isEqualTo(viaCli.get(k));
			assertThat(Table.format(viaCommand.get(0, k))).as("command " + k).isEqualTo(viaCli.get(k));
			compared++;
		}
		assertThat(compared).isGreaterThan(30);
		assertThat(viaMacro.get("file")).isEqualTo("lattice.tif");
	}

	@Test
	void batchFolderWritesPerFileResultsAndTheirSummary(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Pattern[] ps = { Pattern.OXIDATIVE_LATTICE, Pattern.SWOLLEN };
		final Phantom[] phs = new Phantom[ps.length];
		for (int i = 0; i < ps.length; i++) {
			phs[i] = phantom(ps[i], 7 + i);
			ImageFiles.writeTiff(phs[i].image(), in.resolve("f" + i + ".tif"));
		}
		final Path out = tmp.resolve("out");
		macro("batch_folder.ijm", "input=[" + in + "] output=[" + out + "] lc3_channel=2 threads=2");
		final List<Map<String, String>> images = csv(out.resolve("images.csv"));
		assertThat(images).hasSize(2);
		double objects = 0, length = 0;
		for (int i = 0; i < 2; i++) {
			assertThat(images.get(i).get("file")).endsWith("f" + i + ".tif");
			assertThat(images.get(i).get("status")).isNotEqualTo("error");
			objects += Double.parseDouble(images.get(i).get("objects"));
			length += Double.parseDouble(images.get(i).get("total_length_um"));
		}
		assertThat(images.get(0).get("objects")).isEqualTo(Integer.toString(phs[0].truth().counts().objects()));
		final Map<String, String> summary = csv(out.resolve("summary.csv")).get(0);
		assertThat(summary.get("images")).isEqualTo("2");
		assertThat(Double.parseDouble(summary.get("mean_objects"))).isCloseTo(objects / 2, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(Double.parseDouble(summary.get("mean_total_length_um"))).isCloseTo(length / 2, org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void batchWithRoisAnalysesEveryFibreOfEveryRoiSet(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Phantom a = phantom(Pattern.GLYCOLYTIC_FRAGMENTED, 1), b = phantom(Pattern.OXIDATIVE_LATTICE, 2);
		ImageFiles.writeTiff(a.image(), in.resolve("a.tif"));
		ImageFiles.writeTiff(b.image(), in.resolve("b.tif"));
		final int w = a.dims()[0], h = a.dims()[1];
		final List<Roi> rois = List.of(named(new Roi(0, 0, w / 2, h), "left"), named(new Roi(w / 2, 0, w - w / 2, h), "right"));
		for (final String stem : new String[] { "a", "b" })
			try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(in.resolve(stem + ".zip")))) {
				for (final Roi r : rois) {
					z.putNextEntry(new ZipEntry(r.getName() + ".roi"));
					z.write(RoiEncoder.saveAsByteArray(r));
					z.closeEntry();
				}
			}
		final Path out = tmp.resolve("out");
		macro("batch_with_rois.ijm", "input=[" + in + "] output=[" + out + "]");
		final List<Map<String, String>> fibres = csv(out.resolve("fibres.csv"));
		assertThat(fibres).extracting(r -> r.get("fibre")).containsExactly("left", "right", "left", "right");
		assertThat(fibres).extracting(r -> r.get("fibre_source")).containsOnly("roi");
		final ImageAnalysis.Result core = ImageAnalysis.analyze(a.image(), FibreRois.fromRois(rois, w, h),
			AnalysisSettings.builder().fibreMode(AnalysisSettings.FibreMode.GIVEN).build(), null);
		assertThat(fibres.get(0).get("objects")).isEqualTo(Integer.toString(core.fibres().get(0).network().objects().size()));
		assertThat(fibres.get(1).get("objects")).isEqualTo(Integer.toString(core.fibres().get(1).network().objects().size()));
	}

	private static Roi named(final Roi r, final String name) {
		r.setName(name);
		return r;
	}

	/** The shim's key rules: bare keys are true checkboxes, outputs become the current image, errors abort. */
	@Test
	void shimPassesCheckboxesAndShowsOutputs() throws Exception {
		final String code = "setBatchMode(true);\n"
			+ "run(\"Simulate Fibre...\", \"pattern=swollen seed=2 width_um=8 length_um=12\");\n"
			+ "id = getImageID();\n"
			+ "run(\"Analyze Mitochondrial Network\", \"threshold=Li show_labels\");\n"
			+ "return \"\" + nImages + \" \" + getTitle() + \" \" + getValue(\"Max\");";
		final String r = new Interpreter().run(code, "");
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.SWOLLEN).toBuilder().seed(2).fibreWidthUm(8).fibreLengthUm(12).build());
		final ImageAnalysis.Result core = ImageAnalysis.analyze(ph.image(), null, AnalysisSettings.builder().segmentation(
			io.github.myomito.segment.SegmentationSettings.defaults().toBuilder().thresholdMethod(io.github.myomito.segment.ThresholdMethod.fromName("Li")).build()).build(), null);
		assertThat(r).isEqualTo("2 swollen-seed2 labels " + core.whole().segmentation().labels().count());
		ij.WindowManager.closeAllWindows();
		final String err = new Interpreter().run("setBatchMode(true);\nrun(\"Simulate Fibre...\", \"pattern=swollen seed=2 width_um=8 length_um=12\");\nrun(\"Analyze Mitochondrial Network\", \"mito_channel=5\");\nreturn \"went on\";", "");
		assertThat(err).isNotEqualTo("went on");
	}

	/** The optics keys reach the command as the CLI's options reach analyze: the same images.csv. */
	@Test
	void opticsKeysMatchTheCliOptions(@TempDir final Path tmp) throws Exception {
		final Path img = tmp.resolve("f.tif");
		ImageFiles.writeTiff(phantom(Pattern.FISSION_FRAGMENTED, 2).image(), img);
		// with and without the correction the lengths differ: the checkbox reached the command
		keysMatchTheCliOptions(tmp, img, "total_length_um", new String[][] { { "psf_um=0.28", "--psf-um", "0.28" },
			{ "psf_um=0.28 no_end_correction", "--psf-um", "0.28", "--no-end-correction" } });
	}

	/** The tubeness key (#16 item 10) reaches Analyze Mitochondrial Network as --tubeness reaches analyze. */
	@Test
	void tubenessKeyMatchesTheCliOption(@TempDir final Path tmp) throws Exception {
		final Path img = tmp.resolve("t.tif");
		ImageFiles.writeTiff(phantom(Pattern.FISSION_FRAGMENTED, 5).image(), img);
		// with and without the Hessian enhancement the mask differs: the checkbox reached the command
		keysMatchTheCliOptions(tmp, img, "total_length_um", new String[][] { { "mito_channel=1" }, { "tubeness", "--tubeness" } });
	}

	/** The axial-deconvolution key reaches the command as the CLI's option reaches analyze, on a stack. */
	@Test
	void axialDeconvolutionKeyMatchesTheCliOption(@TempDir final Path tmp) throws Exception {
		final Path img = tmp.resolve("s.tif");
		ImageFiles.writeTiff(PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.FISSION_FRAGMENTED).toBuilder().seed(3).zSlices(6).fibreWidthUm(6)
			.fibreLengthUm(8).build()).image(), img);
		// with and without the deconvolution the objects differ: the checkbox reached the command
		keysMatchTheCliOptions(tmp, img, "objects", new String[][] { { "psf_z_um=0.82", "--psf-z-um", "0.82" },
			{ "psf_z_um=0.82 no_axial_deconvolution", "--psf-z-um", "0.82", "--no-axial-deconvolution" } });
	}

	/**
	 * Runs Analyze Mitochondrial Network on {@code img} with each run's macro keys (element 0) and the CLI with its
	 * options (the rest): the images.csv rows must be equal, and {@code differing} must change from run to run.
	 */
	private static void keysMatchTheCliOptions(final Path tmp, final Path img, final String differing, final String[][] runs) throws Exception {
		final String dir = tmp.resolve("m").toString().replace("\\", "/");
		String previous = null;
		for (int k = 0; k < runs.length; k++) {
			final String code = "setBatchMode(true);\nopen(\"" + img.toString().replace("\\", "/") + "\");\nrename(\"r" + k + "\");\n"
				+ "run(\"Analyze Mitochondrial Network\", \"" + runs[k][0] + " save_dir=[" + dir + "]\");\n";
			new Interpreter().run(code, "");
			ij.WindowManager.closeAllWindows();
			final java.util.List<String> cliArgs = new ArrayList<>(List.of("analyze", img.toString(), "--out", tmp.resolve("cli" + k).toString(), "--no-progress"));
			cliArgs.addAll(List.of(runs[k]).subList(1, runs[k].length));
			assertThat(cli(cliArgs.toArray(new String[0]))).isZero();
			final Map<String, String> viaMacro = new LinkedHashMap<>(csv(tmp.resolve("m").resolve("r" + k + "_images.csv")).get(0));
			final Map<String, String> viaCli = new LinkedHashMap<>(csv(tmp.resolve("cli" + k).resolve("images.csv")).get(0));
			viaMacro.remove("file");
			viaCli.remove("file");
			assertThat(viaMacro).isEqualTo(viaCli);
			if (previous != null) assertThat(viaCli.get(differing)).isNotEqualTo(previous);
			previous = viaCli.get(differing);
		}
	}

	/** A selection made by the macro is the fibre (ImageJ's headless mode has no ROI Manager). */
	@Test
	void macroSelectionIsTheFibre(@TempDir final Path tmp) throws Exception {
		final String code = "setBatchMode(true);\n"
			+ "run(\"Simulate Fibre...\", \"pattern=glycolytic-fragmented seed=1 width_um=8 length_um=12\");\n"
			+ "rename(\"g\");\n"
			+ "makeRectangle(60, 0, 60, 80);\n"
			+ "run(\"Analyze Fibre Lattice\", \"tolerance_deg=15 save_dir=[" + tmp.toString().replace("\\", "/") + "]\");\n";
		new Interpreter().run(code, "");
		ij.WindowManager.closeAllWindows();
		final List<Map<String, String>> fibres = csv(tmp.resolve("g_fibres.csv"));
		assertThat(fibres).extracting(r -> r.get("fibre_source")).containsExactly("roi");
		final Phantom ph = phantom(Pattern.GLYCOLYTIC_FRAGMENTED, 1);
		final ImageAnalysis.Result core = ImageAnalysis.analyze(ph.image(), FibreRois.fromRois(List.of(new Roi(60, 0, 60, 80)), ph.dims()[0], ph.dims()[1]),
			AnalysisSettings.builder().fibreMode(AnalysisSettings.FibreMode.GIVEN).toleranceDeg(15).build(), null);
		assertThat(fibres.get(0).get("objects")).isEqualTo(Integer.toString(core.fibres().get(0).network().objects().size()));
		assertThat(fibres.get(0).get("transverse_fraction")).isEqualTo(Table.format(core.fibres().get(0).orientation().transverseFraction()));
	}

	@Test
	void headlessClusterTakesItsSettingsFromTheArgumentAndMatchesTheCli(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in").resolve("sub"));
		ImageFiles.writeTiff(phantom(Pattern.FISSION_FRAGMENTED, 3).image(), in.resolve("c.tif"));
		ImageFiles.writeTiff(phantom(Pattern.OXIDATIVE_LATTICE, 4).image(), tmp.resolve("in").resolve("d.tif"));
		final Path out = tmp.resolve("out");
		macro("headless_cluster.ijm", "input=[" + tmp.resolve("in") + "] output=[" + out + "] recursive threads=2 lc3_channel=2 prune_um=0.2 threshold=Li");
		assertThat(cli("analyze", tmp.resolve("in").toString(), "--out", tmp.resolve("cli").toString(), "--lc3-channel", "2", "--prune-um", "0.2",
			"--threshold", "Li", "--no-progress")).isZero();
		final List<Map<String, String>> viaMacro = csv(out.resolve("images.csv")), viaCli = csv(tmp.resolve("cli").resolve("images.csv"));
		assertThat(viaMacro).hasSize(2);
		for (int i = 0; i < 2; i++) {
			final Map<String, String> mm = new LinkedHashMap<>(viaMacro.get(i)), cm = new LinkedHashMap<>(viaCli.get(i));
			assertThat(Path.of(mm.remove("file")).getFileName()).isEqualTo(Path.of(cm.remove("file")).getFileName());
			assertThat(mm).isEqualTo(cm);
		}
	}

	/** @return the rows of a CSV with quoted cells (the phenotype columns hold commas). */
	static List<Map<String, String>> quotedCsv(final Path file) throws Exception {
		final List<String> lines = Table.readLines(file);
		final List<String> head = Table.splitRecord(lines.get(0));
		final List<Map<String, String>> rows = new ArrayList<>();
		for (final String l : lines.subList(1, lines.size())) {
			final List<String> v = Table.splitRecord(l);
			final Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < head.size(); i++) m.put(head.get(i), v.get(i));
			rows.add(m);
		}
		return rows;
	}

	/** Analyze Mitochondrial Network's Fibres table carries the phenotype calls (#12), against the built-in references. */
	@Test
	void analyzeNetworkFibresTableCarriesThePhenotypeCalls(@TempDir final Path tmp) throws Exception {
		final String dir = tmp.toString().replace("\\", "/");
		final String code = "setBatchMode(true);\n"
			+ "run(\"Simulate Fibre...\", \"pattern=glycolytic-fragmented seed=1\");\n"
			+ "rename(\"g\");\n"
			+ "run(\"Analyze Mitochondrial Network\", \"lc3_channel=2 save_dir=[" + dir + "]\");\n"
			+ "run(\"Simulate Fibre...\", \"pattern=oxidative-lattice seed=2\");\n"
			+ "rename(\"o\");\n"
			+ "run(\"Analyze Mitochondrial Network\", \"lc3_channel=2 save_dir=[" + dir + "]\");\n";
		new Interpreter().run(code, "");
		ij.WindowManager.closeAllWindows();
		final Map<String, String> g = quotedCsv(tmp.resolve("g_fibres.csv")).get(0), o = quotedCsv(tmp.resolve("o_fibres.csv")).get(0);
		assertThat(g.get("network_type")).isEqualTo("glycolytic-fragmented");
		assertThat(o.get("network_type")).isEqualTo("oxidative-lattice");
		for (final Map<String, String> f : List.of(g, o)) {
			assertThat(f.get("reference")).isEqualTo("built-in:" + f.get("network_type"));
			// the simulator's own pattern (default size, whole image) against the simulator-derived reference of its type: no shift
			assertThat(f.get("dynamics_state")).isEqualTo("balanced");
			assertThat(f.get("mitophagy_state")).isIn("basal", "elevated", "reduced");
			assertThat(Double.parseDouble(f.get("confidence"))).isBetween(0.0, 1.0);
			assertThat(f.get("evidence")).contains("lattice_index").contains("built-in");
		}
	}

	/** Plugins > MyoMito > Classify Phenotypes from a macro gives the CLI's phenotypes.csv bytes and real calls. */
	@Test
	void classifyPhenotypesFromAMacroMatchesTheCli(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final StringBuilder sheet = new StringBuilder("file,condition\n");
		for (int i = 1; i <= 3; i++) {
			ImageFiles.writeTiff(phantom(Pattern.OXIDATIVE_LATTICE, i).image(), in.resolve("c" + i + ".tif"));
			ImageFiles.writeTiff(phantom(Pattern.FISSION_FRAGMENTED, i).image(), in.resolve("f" + i + ".tif"));
			sheet.append("c").append(i).append(".tif,sham\nf").append(i).append(".tif,denervated\n");
		}
		final Path ss = tmp.resolve("sheet.csv");
		Files.writeString(ss, sheet.toString());
		final Path out = tmp.resolve("out");
		assertThat(cli("analyze", in.toString(), "--out", out.toString(), "--no-progress", "--no-qc", "--sample-sheet", ss.toString(), "--control", "sham"))
			.isZero();
		final byte[] viaCli = Files.readAllBytes(out.resolve("phenotypes.csv"));
		Files.delete(out.resolve("phenotypes.csv"));
		new Interpreter().run("run(\"Classify Phenotypes\", \"folder=[" + out.toString().replace("\\", "/") + "] sample_sheet=["
			+ ss.toString().replace("\\", "/") + "] control=sham unit=image\");\n", "");
		assertThat(Files.readAllBytes(out.resolve("phenotypes.csv"))).isEqualTo(viaCli);
		final List<Map<String, String>> calls = quotedCsv(out.resolve("phenotypes.csv"));
		assertThat(calls).hasSize(6);
		assertThat(calls).filteredOn(r -> r.get("condition").equals("denervated")).extracting(r -> r.get("dynamics_state")).containsOnly("fission-dominant");
		assertThat(calls).filteredOn(r -> r.get("condition").equals("denervated")).allSatisfy(r -> assertThat(r.get("consistent_models")).contains("enervation"));
	}
}
