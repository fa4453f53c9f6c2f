package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ij.gui.Roi;
import ij.macro.Interpreter;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.image.ij.Overlays;

/**
 * #15 through the macro interpreter (headless, {@link LegacyCommandShim}): the reporter and fibre-type keys of
 * Analyze Mitochondrial Network, Batch Analyze Folder and Mitophagy Reporter give the CLI's numbers cell for cell,
 * and the mitolysosome counts and fibre types match the truth JSON that {@code myomito simulate --reporter} writes.
 */
class ReporterMacrosTest extends MacroTestBase {


	/** Simulates with the CLI; @return the truth JSON it wrote next to the image. */
	static JsonObject simulate(final Path tif, final String pattern, final int seed, final String reporter, final double density, final boolean marker) throws Exception {
		final List<String> a = new ArrayList<>(List.of("simulate", "--pattern", pattern, "--seed", Integer.toString(seed), "--out", tif.toString()));
		if (reporter != null) a.addAll(List.of("--reporter", reporter, "--mitolysosomes", Double.toString(density)));
		if (marker) a.add("--fibre-type-marker");
		assertThat(MacrosTest.cli(a.toArray(new String[0]))).isZero();
		final String stem = tif.getFileName().toString().replaceFirst("\\.tif$", "");
		return new Gson().fromJson(Files.readString(tif.resolveSibling(stem + ".reporter.json")), JsonObject.class);
	}

	static int trueCount(final JsonObject truth) {
		return truth.getAsJsonArray("mitolysosomes").size();
	}

	private static String slash(final Path p) {
		return p.toString().replace("\\", "/");
	}

	/** @return the rows of a MyoMito CSV (RFC 4180: the evidence text has quoted commas). */
	static List<Map<String, String>> csv(final Path file) throws Exception {
		final List<String> lines = io.github.myomito.results.Table.readLines(file);
		final List<String> head = io.github.myomito.results.Table.splitRecord(lines.get(0));
		final List<Map<String, String>> out = new ArrayList<>();
		for (final String l : lines.subList(1, lines.size())) {
			final List<String> v = io.github.myomito.results.Table.splitRecord(l);
			final Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < head.size(); i++) m.put(head.get(i), v.get(i));
			out.add(m);
		}
		return out;
	}

	/** Rows of a CSV without the file column (a path for the CLI, the title for Fiji). */
	private static List<Map<String, String>> rows(final Path csv) throws Exception {
		final List<Map<String, String>> out = new ArrayList<>();
		for (final Map<String, String> r : csv(csv)) {
			final Map<String, String> m = new LinkedHashMap<>(r);
			assertThat(Path.of(m.remove("file")).getFileName().toString()).endsWith(".tif");
			out.add(m);
		}
		return out;
	}

	/** The phenotype call columns that the image commands append to their Fibres table (against the built-in references). */
	private static final java.util.Set<String> CALLS = java.util.Set.of("network_type", "dynamics_state", "mitophagy_state", "consistent_models", "conflicting_models",
		"confidence", "reference", "evidence");

	/** A Fiji fibres table equals the CLI's fibres.csv in every CLI column; its other columns are only the phenotype calls. */
	private static void sameAsCli(final List<Map<String, String>> fiji, final List<Map<String, String>> cli) {
		assertThat(fiji).hasSameSizeAs(cli);
		for (int i = 0; i < cli.size(); i++) {
			final Map<String, String> f = new LinkedHashMap<>(fiji.get(i));
			f.keySet().removeIf(k -> !cli.get(0).containsKey(k) && CALLS.contains(k));
			assertThat(f).as("row %d", i).isEqualTo(cli.get(i));
		}
	}

	/** mito-QC and mt-Keima through Analyze Mitochondrial Network's keys = the CLI's options; counts vs truth. */
	@Test
	void analyzeReporterKeysMatchTheCliAndTheTruth(@TempDir final Path tmp) throws Exception {
		final String[][] runs = { { "mito-qc", "red_channel=1 green_channel=2", "--red-channel", "1", "--green-channel", "2" },
			{ "mt-keima", "acid_channel=1 neutral_channel=2", "--acid-channel", "1", "--neutral-channel", "2" } };
		int k = 0;
		for (final String[] run : runs) {
			final Path img = tmp.resolve("r" + k + ".tif");
			final JsonObject truth = simulate(img, k == 0 ? "oxidative-lattice" : "glycolytic-fragmented", 3 + k, run[0], 6, true);
			final Path m = tmp.resolve("macro" + k);
			new Interpreter().run("setBatchMode(true);\nopen(\"" + slash(img) + "\");\nrun(\"Analyze Mitochondrial Network\", \"reporter=" + run[0] + " " + run[1]
				+ " fibre_type_channel=3 save_dir=[" + slash(m) + "]\");\n", "");
			ij.WindowManager.closeAllWindows();
			final Path c = tmp.resolve("cli" + k);
			assertThat(MacrosTest.cli("analyze", img.toString(), "--out", c.toString(), "--no-progress", "--reporter", run[0], run[2], run[3], run[4], run[5],
				"--fibre-type-channel", "3")).isZero();
			final List<Map<String, String>> mf = rows(m.resolve("r" + k + "_fibres.csv")), cf = rows(c.resolve("fibres.csv"));
			sameAsCli(mf, cf);
			assertThat(rows(m.resolve("r" + k + "_mitolysosomes.csv"))).isEqualTo(rows(c.resolve("mitolysosomes.csv")));
			assertThat(rows(m.resolve("r" + k + "_images.csv"))).isEqualTo(rows(c.resolve("images.csv")));
			// the keys reached the core: reporter columns filled, green/neutral = the mitochondrial channel
			assertThat(mf.get(0).get("reporter")).isEqualTo(run[0]);
			assertThat(mf.get(0).get("mito_channel")).isEqualTo("2");
			assertThat(Double.parseDouble(mf.get(0).get("fibre_type_marker"))).isGreaterThan(0);
			final int n = Integer.parseInt(mf.get(0).get("mitolysosomes")), t = trueCount(truth);
			System.out.println("Analyze Mitochondrial Network " + run[0] + ": " + n + " mitolysosomes found, " + t + " true");
			assertThat(t).isGreaterThan(20);
			assertThat(Math.abs(n - t)).as("%s: %d found, %d true", run[0], n, t).isLessThanOrEqualTo((int) Math.floor(0.1 * t));
			k++;
		}
	}

	/** Batch Analyze Folder: a mixed batch, the per-batch fibre-type call vs the truth, and = the CLI's tables. */
	@Test
	void batchReporterAndFibreTypeKeysMatchTheCliAndTheTruth(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Map<String, JsonObject> truth = new LinkedHashMap<>();
		for (int i = 0; i < 8; i++) {
			final String name = "b" + i + ".tif";
			truth.put(name, simulate(in.resolve(name), i % 2 == 0 ? "oxidative-lattice" : "glycolytic-fragmented", 20 + i, "mito-qc", 2 + i, true));
		}
		final Path out = tmp.resolve("out");
		new Interpreter().run("run(\"Batch Analyze Folder...\", \"input=[" + slash(in) + "] pattern=*.tif output=[" + slash(out)
			+ "] reporter=mito-qc red_channel=1 green_channel=2 fibre_type_channel=3 threads=2\");\n", "");
		assertThat(MacrosTest.cli("analyze", in.toString(), "--out", tmp.resolve("cli").toString(), "--no-progress", "--reporter", "mito-qc", "--red-channel", "1",
			"--green-channel", "2", "--fibre-type-channel", "3")).isZero();
		for (final String t : List.of("images.csv", "fibres.csv", "mitolysosomes.csv"))
			assertThat(rows(out.resolve(t))).as(t).isEqualTo(rows(tmp.resolve("cli").resolve(t)));
		int right = 0, fibres = 0, found = 0, real = 0;
		for (final Map<String, String> r : csv(out.resolve("fibres.csv"))) {
			if (!"all".equals(r.get("region"))) continue;
			final JsonObject tr = truth.get(Path.of(r.get("file")).getFileName().toString());
			fibres++;
			if (tr.get("fibreType").getAsString().equals(r.get("fibre_type"))) right++;
			found += Integer.parseInt(r.get("mitolysosomes"));
			real += trueCount(tr);
		}
		System.out.println("Batch Analyze Folder: fibre types " + right + " / " + fibres + " right; " + found + " mitolysosomes found, " + real + " true");
		assertThat(fibres).isEqualTo(8);
		assertThat(right).as("fibre types right").isEqualTo(8);
		assertThat(Math.abs(found - real)).as("%d found, %d true", found, real).isLessThanOrEqualTo((int) Math.floor(0.1 * real));
		final String prov = Files.readString(out.resolve("provenance.json"));
		assertThat(prov).contains("\"reporter\"").contains("\"MITO_QC\"").contains("\"fibreType\"");
	}

	/** The Mitophagy Reporter command: the macro file, its tables vs the CLI and the truth, its overlay vs the truth. */
	@Test
	void mitophagyReporterMacroCountsAndOverlayMatchTheTruth(@TempDir final Path tmp) throws Exception {
		final Path img = tmp.resolve("keima.tif");
		final JsonObject truth = simulate(img, "oxidative-lattice", 5, "mt-keima", 8, false);
		final Path m = tmp.resolve("m");
		MacrosTest.macro("mitophagy_reporter.ijm", "image=[" + img + "] out=[" + m + "] reporter=mt-keima acid_channel=1 neutral_channel=2");
		assertThat(MacrosTest.cli("analyze", img.toString(), "--out", tmp.resolve("cli").toString(), "--no-progress", "--reporter", "mt-keima", "--acid-channel", "1",
			"--neutral-channel", "2")).isZero();
		sameAsCli(rows(m.resolve("keima_fibres.csv")), rows(tmp.resolve("cli").resolve("fibres.csv")));
		// the appended phenotype calls are the CLI's (both against the built-in references, which hold no reporter
		// readouts: a reporter-only mitophagy_state needs a control condition, see Classify Phenotypes)
		final Map<String, String> call = rows(m.resolve("keima_fibres.csv")).get(0), cliCall = rows(tmp.resolve("cli").resolve("phenotypes.csv")).get(0);
		for (final String k : List.of("network_type", "dynamics_state", "mitophagy_state", "evidence")) assertThat(call.get(k)).as(k).isEqualTo(cliCall.get(k));
		System.out.println("Mitophagy Reporter: mitophagy_state " + call.get("mitophagy_state") + "; CLI phenotypes.csv: " + cliCall.get("mitophagy_state"));
		final List<Map<String, String>> lyso = rows(m.resolve("keima_mitolysosomes.csv"));
		assertThat(lyso).isEqualTo(rows(tmp.resolve("cli").resolve("mitolysosomes.csv")));
		final int t = trueCount(truth);
		assertThat(Math.abs(lyso.size() - t)).as("%d found, %d true", lyso.size(), t).isLessThanOrEqualTo((int) Math.floor(0.1 * t));
		// the overlay: one circle per row, at its position, coloured by on/off a mitochondrial object
		final ij.ImagePlus imp = ImageFiles.open(img);
		final CommandModule mod = context.service(CommandService.class).run(MitophagyReporterCommand.class, true, "imp", imp, "reporter", "mt-keima", "acid_channel", 1,
			"neutral_channel", 2).get();
		assertThat(mod.isCanceled()).as(mod.getCancelReason()).isFalse();
		final List<Roi> rois = ((MitophagyReporterCommand) mod.getCommand()).rois;
		assertThat(rois).hasSize(lyso.size());
		assertThat(imp.getOverlay().size()).isEqualTo(lyso.size());
		final double px = imp.getCalibration().pixelWidth;
		for (int i = 0; i < rois.size(); i++) {
			final Roi r = rois.get(i);
			final java.awt.geom.Rectangle2D.Double b = r.getFloatBounds();
			assertThat((b.getCenterX() - 0.5) * px).isCloseTo(Double.parseDouble(lyso.get(i).get("x_um")), org.assertj.core.data.Offset.offset(1e-3));
			assertThat((b.getCenterY() - 0.5) * px).isCloseTo(Double.parseDouble(lyso.get(i).get("y_um")), org.assertj.core.data.Offset.offset(1e-3));
			assertThat(b.getWidth()).isGreaterThanOrEqualTo(4);
			assertThat(r.getStrokeColor()).isEqualTo("0".equals(lyso.get(i).get("object")) ? Overlays.MITOLYSOSOME_OFF : Overlays.MITOLYSOSOME_ON);
			assertThat(r.getName()).startsWith(Overlays.MITOLYSOSOME_PREFIX);
		}
		// every true mitolysosome has a circle within its radius
		int matched = 0;
		for (final JsonElement e : truth.getAsJsonArray("mitolysosomes")) {
			final JsonObject o = e.getAsJsonObject();
			final double x = o.get("x").getAsDouble(), y = o.get("y").getAsDouble(), rad = o.get("radiusUm").getAsDouble();
			for (final Map<String, String> l : lyso)
				if (Math.hypot(Double.parseDouble(l.get("x_um")) - x, Double.parseDouble(l.get("y_um")) - y) <= rad) {
					matched++;
					break;
				}
		}
		System.out.println("Mitophagy Reporter: " + lyso.size() + " found, " + t + " true, " + matched + " true ones with a detection within their radius");
		assertThat(matched).as("true mitolysosomes with a detection within their radius").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * t));
		// with a selection as the fibre and band_um, the subsarcolemmal band and the IMF interior share the fibre's
		// mitolysosomes and add up to them
		final Path band = tmp.resolve("band");
		new Interpreter().run("setBatchMode(true);\nopen(\"" + slash(img) + "\");\nmakeRectangle(10, 10, getWidth() - 20, getHeight() - 20);\n"
			+ "run(\"Mitophagy Reporter\", \"reporter=mt-keima acid_channel=1 neutral_channel=2 band_um=4 save_dir=[" + slash(band) + "]\");\n", "");
		ij.WindowManager.closeAllWindows();
		final List<Map<String, String>> parts = csv(band.resolve("keima_fibres.csv"));
		assertThat(parts).extracting(r -> r.get("region")).containsExactly("all", "subsarcolemmal", "imf");
		final int whole = Integer.parseInt(parts.get(0).get("mitolysosomes"));
		assertThat(whole).isGreaterThan(t / 2);
		assertThat(Integer.parseInt(parts.get(1).get("mitolysosomes")) + Integer.parseInt(parts.get(2).get("mitolysosomes"))).isEqualTo(whole);
		assertThat(Integer.parseInt(parts.get(1).get("mitolysosomes"))).isPositive();
		// a bad key is one line and a cancel
		final CommandModule bad = context.service(CommandService.class).run(MitophagyReporterCommand.class, true, "imp", imp, "reporter", "mt-keima", "acid_channel", 5,
			"neutral_channel", 2).get();
		assertThat(bad.isCanceled()).isTrue();
		assertThat(bad.getCancelReason()).contains("keima.tif").contains("acid_channel 5 does not exist");
		final CommandModule none = context.service(CommandService.class).run(MitophagyReporterCommand.class, true, "imp", imp, "reporter", "none").get();
		assertThat(none.isCanceled()).isTrue();
		assertThat(none.getCancelReason()).isEqualTo("Mitophagy Reporter: reporter must be mito-qc or mt-keima, got 'none'");
	}

	/**
	 * {@code add_to_manager}: ImageJ cannot create a ROI Manager headless (its frame throws HeadlessException, even
	 * the hidden one of batch-mode macros), so this checks what the command hands to the manager: one copy of each
	 * overlay circle, same place, size, name and colour but a separate object, none of them taken as a fibre; and,
	 * headless, the one log line and no ROI added. Without the key nothing is handed over.
	 */
	@Test
	void addToManagerHandsCopiesOfTheOverlayCircles(@TempDir final Path tmp) throws Exception {
		final Path img = tmp.resolve("qc.tif");
		assertThat(MacrosTest.cli("simulate", "--pattern", "glycolytic-fragmented", "--seed", "7", "--out", img.toString(), "--width-um", "12", "--length-um", "16",
			"--reporter", "mito-qc", "--mitolysosomes", "6")).isZero();
		final int t = trueCount(new Gson().fromJson(Files.readString(tmp.resolve("qc.reporter.json")), JsonObject.class));
		final ij.ImagePlus imp = ImageFiles.open(img);
		final java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
		final java.io.PrintStream stdout = System.out;
		final CommandModule mod;
		System.setOut(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			mod = context.service(CommandService.class).run(MitophagyReporterCommand.class, true, "imp", imp, "reporter", "mito-qc", "red_channel", 1, "green_channel", 2,
				"add_to_manager", true).get();
		}
		finally {
			System.setOut(stdout);
		}
		assertThat(mod.isCanceled()).as(mod.getCancelReason()).isFalse();
		final MitophagyReporterCommand c = (MitophagyReporterCommand) mod.getCommand();
		assertThat(Math.abs(c.rois.size() - t)).as("%d circles, %d true mitolysosomes", c.rois.size(), t).isLessThanOrEqualTo((int) Math.floor(0.1 * t));
		assertThat(c.managerRois).hasSameSizeAs(c.rois);
		for (int i = 0; i < c.rois.size(); i++) {
			final Roi o = c.rois.get(i), m = c.managerRois.get(i);
			assertThat(m).isNotSameAs(o);
			assertThat(m.getClass()).isEqualTo(o.getClass());
			assertThat(m.getFloatBounds()).isEqualTo(o.getFloatBounds());
			assertThat(m.getName()).isEqualTo(o.getName()).startsWith(Overlays.MITOLYSOSOME_PREFIX);
			assertThat(m.getStrokeColor()).isEqualTo(o.getStrokeColor());
			assertThat(Doors.isFibreRoi(m)).as("%s taken as a fibre", m.getName()).isFalse();
			// identity, not Roi.equals (which compares type and bounds)
			assertThat(java.util.Arrays.stream(imp.getOverlay().toArray()).anyMatch(r -> r == o)).as("overlay holds the circle").isTrue();
			assertThat(java.util.Arrays.stream(imp.getOverlay().toArray()).anyMatch(r -> r == m)).as("overlay holds the manager's copy").isFalse();
		}
		// moving the manager's copy leaves the overlay circle where it was
		final java.awt.geom.Rectangle2D.Double before = c.rois.get(0).getFloatBounds();
		c.managerRois.get(0).setLocation(before.x + 5, before.y + 5);
		assertThat(c.rois.get(0).getFloatBounds()).isEqualTo(before);
		assertThat(c.managerRois.stream().map(Roi::getName).distinct().count()).as("distinct names").isEqualTo(c.managerRois.size());
		assertThat(Doors.isFibreRoi(new Roi(0, 0, 20, 20))).as("a plain rectangle is a fibre").isTrue();
		assertThat(c.addedToManager).as("headless: no ROI Manager took them").isZero();
		assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(MitophagyReporterCommand.NO_MANAGER);
		final CommandModule off = context.service(CommandService.class).run(MitophagyReporterCommand.class, true, "imp", ImageFiles.open(img), "reporter", "mito-qc",
			"red_channel", 1, "green_channel", 2).get();
		assertThat(((MitophagyReporterCommand) off.getCommand()).managerRois).isNull();
		assertThat(((MitophagyReporterCommand) off.getCommand()).rois).hasSameSizeAs(c.rois);
	}

	/** Asserts that two images have the same dimensions, calibration and pixels, slice by slice. */
	private static void samePixels(final ij.ImagePlus fiji, final ij.ImagePlus cli) {
		assertThat(new int[] { fiji.getWidth(), fiji.getHeight(), fiji.getNChannels(), fiji.getNSlices() })
			.containsExactly(cli.getWidth(), cli.getHeight(), cli.getNChannels(), cli.getNSlices());
		assertThat(fiji.getCalibration().pixelWidth).isEqualTo(cli.getCalibration().pixelWidth);
		assertThat(fiji.getStackSize()).isEqualTo(cli.getStackSize());
		for (int k = 1; k <= cli.getStackSize(); k++) {
			final Object a = fiji.getStack().getPixels(k), b = cli.getStack().getPixels(k);
			assertThat(a).as("slice %d pixel type", k).isInstanceOf(short[].class);
			assertThat((short[]) a).as("slice %d pixels", k).isEqualTo((short[]) b);
		}
	}

	/**
	 * Simulate Fibre's reporter keys ({@code reporter}, {@code mitolysosomes}, {@code fibre_type_marker}) give
	 * {@code myomito simulate --reporter … --mitolysosomes … --fibre-type-marker}'s phantom pixel for pixel, with
	 * the CLI's truth files as the Info property and the {@value SimulateFibreCommand#REPORTER_TRUTH} property;
	 * through the CommandService and through a macro that saves the image and the property.
	 */
	@Test
	void simulateFibreReporterKeysGiveTheCliPhantom(@TempDir final Path tmp) throws Exception {
		final Object[][] runs = { { "mito-qc", "glycolytic-fragmented", 3L, 6.0, false }, { "mt-keima", "oxidative-lattice", 8L, 9.0, true },
			{ "none", "oxidative-lattice", 4L, 4.0, true } };
		for (final Object[] r : runs) {
			final String rep = (String) r[0], pattern = (String) r[1];
			final long seed = (Long) r[2];
			final double density = (Double) r[3];
			final boolean marker = (Boolean) r[4];
			final Path tif = tmp.resolve(rep + ".tif");
			final List<String> a = new ArrayList<>(List.of("simulate", "--pattern", pattern, "--seed", Long.toString(seed), "--out", tif.toString(), "--width-um", "12",
				"--length-um", "16"));
			if (!"none".equals(rep)) a.addAll(List.of("--reporter", rep, "--mitolysosomes", Double.toString(density)));
			if (marker) a.add("--fibre-type-marker");
			assertThat(MacrosTest.cli(a.toArray(new String[0]))).isZero();
			final CommandModule m = context.service(CommandService.class).run(SimulateFibreCommand.class, true, "pattern", pattern, "seed", seed, "width_um", 12.0,
				"length_um", 16.0, "reporter", rep, "mitolysosomes", density, "fibre_type_marker", marker).get();
			assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
			final ij.ImagePlus fiji = (ij.ImagePlus) m.getOutput("image");
			final ij.ImagePlus cli = ImageFiles.open(tif);
			assertThat(fiji.getNChannels()).as(rep).isEqualTo(2 + (marker ? 1 : 0));
			samePixels(fiji, cli);
			assertThat(fiji.getTitle()).isEqualTo(pattern + "-seed" + seed + ("none".equals(rep) ? "" : "-" + rep));
			assertThat(((String) fiji.getProperty("Info")).strip()).isEqualTo(Files.readString(tmp.resolve(rep + ".truth.json")).strip());
			final String reporterJson = Files.readString(tmp.resolve(rep + ".reporter.json")).strip();
			assertThat(fiji.getProp(SimulateFibreCommand.REPORTER_TRUTH).strip()).isEqualTo(reporterJson);
			final JsonObject truth = new Gson().fromJson(reporterJson, JsonObject.class);
			if ("none".equals(rep)) assertThat(trueCount(truth)).isZero();
			else assertThat(trueCount(truth)).as(rep).isEqualTo((int) Math.round(density * 12 * 16 / 100));
			System.out.println("Simulate Fibre " + rep + (marker ? " + marker" : "") + ": " + fiji.getStackSize() + " planes equal to myomito simulate's, " + trueCount(truth)
				+ " mitolysosomes");
		}
		// the macro door: keys as documented, the image and the truth property saved by the macro
		final Path saved = tmp.resolve("macro.tif"), json = tmp.resolve("macro.reporter.json");
		new Interpreter().run("setBatchMode(true);\nrun(\"Simulate Fibre...\", \"pattern=glycolytic-fragmented seed=3 width_um=12 length_um=16 reporter=mito-qc mitolysosomes=6\");\n"
			+ "File.saveString(Property.get(\"" + SimulateFibreCommand.REPORTER_TRUTH + "\"), \"" + slash(json) + "\");\nsaveAs(\"Tiff\", \"" + slash(saved) + "\");\nclose(\"*\");\n", "");
		ij.WindowManager.closeAllWindows();
		samePixels(ImageFiles.open(saved), ImageFiles.open(tmp.resolve("mito-qc.tif")));
		assertThat(Files.readString(json).strip()).isEqualTo(Files.readString(tmp.resolve("mito-qc.reporter.json")).strip());
		// the property is saved in the TIFF
		assertThat(ij.IJ.openImage(saved.toString()).getProp(SimulateFibreCommand.REPORTER_TRUTH).strip()).isEqualTo(Files.readString(json).strip());
		// a reporter phantom is 2D: one line and a cancel
		final CommandModule bad = context.service(CommandService.class).run(SimulateFibreCommand.class, true, "pattern", "oxidative-lattice", "slices", 4, "reporter",
			"mt-keima").get();
		assertThat(bad.isCanceled()).isTrue();
		assertThat(bad.getCancelReason()).startsWith("Simulate Fibre: ").contains("2D");
	}
}
