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

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
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
			.replaceAll("held by pid \\d+ on [^,]*, started [^)]*\\)", "held by pid P on HOST, started T)")
			// a part folder's key hashes the image's full (temporary) path
			.replaceAll("(\\.parts/[^/]+)-[0-9a-f]{12}/", "$1-KEY/");
	}

	/** Runs a CLI case, asserts the exit code and that stderr names {@code names}; records it. */
	private Cli.Result cli(final String name, final int code, final String[] names, final Object... args) {
		final Cli.Result r = Cli.run(args);
		assertThat(r.code).as("%s: %s", name, r).isEqualTo(code);
		assertThat(r.err).as("%s: no stack trace", name).doesNotContain("\tat ").doesNotContain("Exception");
		// the error lines; without any (exit 0), the warning lines
		final List<String> said = new ArrayList<>();
		for (final String l : r.errLines())
			if (l.contains("error")) said.add(l);
		if (said.isEmpty())
			for (final String l : r.errLines())
				if (l.contains("warning")) said.add(l);
		if (names.length > 0) {
			assertThat(said).as("%s: an error or warning line: %s", name, r).isNotEmpty();
			for (final String n : names) assertThat(String.join("\n", said)).as("%s names %s: %s", name, n, r).contains(n);
		}
		// observed: the last line that names everything asked for (in a batch, the bad file's line), else the last one
		String observed = said.isEmpty() ? null : said.get(said.size() - 1);
		for (final String l : said)
			if (Arrays.stream(names).allMatch(l::contains)) observed = l;
		final StringBuilder cmd = new StringBuilder("myomito");
		for (final Object a : args) cmd.append(' ').append(rel(a));
		cases.add(new Case(name, cmd.toString(), Integer.toString(r.code), observed == null ? (r.errLines().isEmpty() ? "(nothing on stderr)" : rel(r.errLines().get(0))) : rel(observed)));
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

		oddImages(good);
		channelsAndDimensions(good);
		fibresGiven(good);
		sampleSheets(good);
		outputFaults(good);
		writeDoc();
	}

	// ---- images that read but are odd: each analysed beside good.tif, each a warning row (never a silent ok), the good file analysed

	private static Path save(final ImagePlus imp, final Path p) {
		assertThat(new FileSaver(imp).saveAsTiff(p.toString())).as("wrote %s", p).isTrue();
		return p;
	}

	private static ImagePlus stack(final String title, final int c, final int z, final int t, final double px, final ImageProcessor... planes) {
		final ImageStack st = new ImageStack(planes[0].getWidth(), planes[0].getHeight());
		for (final ImageProcessor ip : planes) st.addSlice(ip);
		final ImagePlus imp = new ImagePlus(title, st);
		imp.setDimensions(c, z, t);
		if (c > 1 || z > 1 || t > 1) imp.setOpenAsHyperStack(true);
		final Calibration cal = new Calibration();
		if (px > 0) {
			cal.pixelWidth = cal.pixelHeight = cal.pixelDepth = px;
			cal.setUnit("micron");
		}
		imp.setCalibration(cal);
		return imp;
	}

	/** A copy of {@code src} with each plane passed through {@code f}, calibration kept. */
	private static ImagePlus mapPlanes(final Path src, final java.util.function.UnaryOperator<ImageProcessor> f) {
		final ImagePlus imp = IJ.openImage(src.toString());
		final ImageStack st = imp.getStack(), out = new ImageStack(imp.getWidth(), imp.getHeight());
		for (int i = 1; i <= st.getSize(); i++) out.addSlice(f.apply(st.getProcessor(i).duplicate()));
		final ImagePlus r = new ImagePlus(imp.getTitle(), out);
		r.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
		if (st.getSize() > 1) r.setOpenAsHyperStack(true);
		r.setCalibration(imp.getCalibration().copy());
		return r;
	}

	/** The images.csv row of {@code file} in {@code out}. */
	private static java.util.Map<String, String> row(final Path out, final Path file) throws IOException {
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		for (int r = 0; r < images.rows.size(); r++)
			if (images.get(r, "file").equals(file.toString())) return images.row(r);
		throw new AssertionError(file + " not in " + out.resolve("images.csv"));
	}

	/** Runs {@code analyze bad good.tif}, asserts the exit code, the bad file's status and message, and that good.tif is analysed. */
	private java.util.Map<String, String> pair(final String name, final Path bad, final Path good, final int code, final String status, final String[] names,
		final Object... extra) throws IOException {
		final Path out = dir.resolve("out-" + bad.getFileName());
		final List<Object> a = new ArrayList<>(Arrays.asList("analyze", bad, good, "--out", out, "--no-progress"));
		a.addAll(Arrays.asList(extra));
		final String[] n = Arrays.copyOf(names, names.length + 1);
		n[names.length] = bad.toString();
		cli(name, code, n, a.toArray());
		final java.util.Map<String, String> r = row(out, bad);
		assertThat(r.get("status")).as("%s: %s", name, r.get("message")).isEqualTo(status);
		for (final String m : names) assertThat(r.get("message")).as(name).contains(m);
		assertThat(row(out, good).get("status")).as("%s: good.tif beside it", name).isNotEqualTo("error");
		return r;
	}

	private void oddImages(final Path good) throws Exception {
		final Path odd = Files.createDirectories(dir.resolve("odd"));
		final Path good3d = Cli.simulate(dir, "good3d.tif", 1, "--slices", "5");
		final Path one = save(stack("one", 2, 1, 1, 0.1, new ShortProcessor(1, 1), new ShortProcessor(1, 1)), odd.resolve("one.tif"));
		final Path zero = save(stack("zero", 2, 1, 1, 0.1, new ShortProcessor(64, 64), new ShortProcessor(64, 64)), odd.resolve("all-zero.tif"));
		// the mitochondria ×100: the detector clipped the bright half of the network at 65535
		final ImagePlus satImp = mapPlanes(good, ip -> ip);
		satImp.getStack().getProcessor(1).multiply(100);
		final Path sat = save(satImp, odd.resolve("saturated.tif"));
		final ImagePlus nanImp = mapPlanes(good, ip -> {
			final ImageProcessor fp = ip.convertToFloat();
			fp.setf(3, 3, Float.NaN);
			fp.setf(4, 4, Float.POSITIVE_INFINITY);
			fp.setf(5, 5, Float.NEGATIVE_INFINITY);
			return fp;
		});
		final Path nan = save(nanImp, odd.resolve("nan-inf-32bit.tif"));
		// an RGB snapshot of the two channels: red = mitochondria, green = LC3 (8 bits of display colour)
		final ImagePlus g = IJ.openImage(good.toString());
		final ImageProcessor r8 = g.getStack().getProcessor(1).convertToByte(true), g8 = g.getStack().getProcessor(2).convertToByte(true);
		final ColorProcessor cp = new ColorProcessor(g.getWidth(), g.getHeight());
		cp.setChannel(1, (ij.process.ByteProcessor) r8);
		cp.setChannel(2, (ij.process.ByteProcessor) g8);
		final ImagePlus rgbImp = new ImagePlus("rgb", cp);
		rgbImp.setCalibration(g.getCalibration().copy());
		final Path rgb = save(rgbImp, odd.resolve("rgb.tif"));
		final ImagePlus nocalImp = mapPlanes(good, ip -> ip);
		nocalImp.setCalibration(new Calibration());
		final Path nocal = save(nocalImp, odd.resolve("no-calibration.tif"));
		final ImagePlus coarseImp = mapPlanes(good, ip -> ip);
		coarseImp.getCalibration().pixelWidth = coarseImp.getCalibration().pixelHeight = 1000;
		final Path coarse = save(coarseImp, odd.resolve("1000um-pixels.tif"));
		final ImagePlus zImp = mapPlanes(good3d, ip -> ip);
		zImp.getCalibration().pixelDepth = 100 * zImp.getCalibration().pixelWidth;
		final Path zfar = save(zImp, odd.resolve("z-step-100x.tif"));

		final java.util.Map<String, String> r1 = pair("1×1 image", one, good, Main.OK, "warning", new String[] { "only 1 pixel", "nothing to segment" }, "--lc3-channel", "2");
		assertThat(r1.get("objects")).isEqualTo("0");
		final java.util.Map<String, String> r0 = pair("all-zero image", zero, good, Main.OK, "warning", new String[] { "image is constant (value 0.0)" },
			"--lc3-channel", "2");
		assertThat(r0.get("objects")).isEqualTo("0");
		final java.util.Map<String, String> rs = pair("saturated image (mitochondria ×100, clipped at 65535)", sat, good, Main.OK, "warning",
			new String[] { "mitochondria channel saturated", "16-bit maximum" }, "--lc3-channel", "2");
		assertThat(Integer.parseInt(rs.get("objects"))).isPositive();
		final java.util.Map<String, String> rn = pair("NaN, +Inf, −Inf in a 32-bit image", nan, good, Main.OK, "warning",
			new String[] { "3 non-finite pixel values (NaN/Inf) treated as 0", "3 non-finite LC3 pixel values" }, "--lc3-channel", "2");
		// 3 background pixels set to 0: the network is the good image's
		assertThat(Integer.parseInt(rn.get("objects"))).isPositive();
		final java.util.Map<String, String> rr = pair("RGB image instead of channels", rgb, good, Main.OK, "warning",
			new String[] { "RGB colour image", "Image > Color > Split Channels", "Make Composite" }, "--lc3-channel", "2");
		assertThat(Integer.parseInt(rr.get("objects"))).isPositive();
		final java.util.Map<String, String> rc = pair("calibration missing (no unit in the file)", nocal, good, Main.OK, "warning",
			new String[] { "no spatial calibration", "in pixels", io.github.myomito.pipeline.PixelScale.PERIOD_UNCALIBRATED }, "--lc3-channel", "2");
		assertThat(rc.get("message")).doesNotContain("pixels of 1 µm");
		assertThat(rc.get("unit")).isEqualTo("pixel");
		pair("1000 µm per pixel (in the file)", coarse, good, Main.OK, "warning", new String[] { "pixel size 1000 µm is coarser than a mitochondrion" },
			"--lc3-channel", "2");
		cli("--pixel-size 1000", Main.OK, new String[] { "pixel size 1000 µm is coarser than a mitochondrion", "good.tif" }, "analyze", good, "--out",
			dir.resolve("o-px1000"), "--pixel-size", "1000", "--no-progress");
		pair("z step 100× the pixel size (in the file)", zfar, good, Main.OK, "warning", new String[] { "z step 10 µm is 100× the pixel size 0.1 µm" },
			"--lc3-channel", "2");
		cli("--z-step 30 on a stack of 0.1 µm pixels", Main.OK, new String[] { "z step 30 µm is 300× the pixel size", "good3d.tif" }, "analyze", good3d,
			"--out", dir.resolve("o-z30"), "--z-step", "30", "--no-progress");
		assertThat(row(dir.resolve("o-z30"), good3d).get("status")).isEqualTo("warning");

		// the same folder through the Fiji batch command: the same statuses and messages
		Files.copy(good, odd.resolve("good.tif"));
		final String[][] expected = { { "1000um-pixels.tif", "coarser than a mitochondrion" }, { "all-zero.tif", "image is constant" },
			{ "good.tif", io.github.myomito.pipeline.ImageAnalysis.OUTSIDE_FIBRE }, { "nan-inf-32bit.tif", "non-finite LC3 pixel values" },
			{ "no-calibration.tif", "no spatial calibration" }, { "one.tif", "only 1 pixel" }, { "rgb.tif", "Split Channels" },
			{ "saturated.tif", "mitochondria channel saturated" }, { "z-step-100x.tif", "100× the pixel size" } };
		cases.add(new Case("Fiji Batch Analyze Folder: odd images", "Batch Analyze Folder input=DIR/odd pattern=*.tif lc3_channel=2", "-",
			fiji(odd, dir.resolve("fiji-odd"), expected, "lc3_channel", 2)));
	}

	/** Runs the Fiji batch command over {@code in}; asserts each file's status (warning, or error when the expectation starts with "error:") and message. */
	private String fiji(final Path in, final Path out, final String[][] expected, final Object... extra) throws Exception {
		final Context context = new Context(CommandService.class, StatusService.class, LogService.class);
		try {
			final List<Object> a = new ArrayList<>(Arrays.asList("input", in.toFile(), "pattern", "*.tif", "output", out.toFile()));
			a.addAll(Arrays.asList(extra));
			final CommandModule m = context.service(CommandService.class).run(io.github.myomito.fiji.BatchAnalyzeCommand.class, true, a.toArray()).get();
			assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
			final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
			assertThat(images.rows).hasSize(expected.length);
			final StringBuilder seen = new StringBuilder();
			for (int r = 0; r < images.rows.size(); r++) {
				final String name = Path.of(images.get(r, "file")).getFileName().toString();
				final String[] e = Arrays.stream(expected).filter(x -> x[0].equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
				final boolean error = e[1].startsWith("error:");
				assertThat(images.get(r, "status")).as(name + ": " + images.get(r, "message")).isEqualTo(error ? "error" : "warning");
				assertThat(images.get(r, "message")).as(name).contains(error ? e[1].substring("error:".length()) : e[1]);
				seen.append(name).append(' ').append(images.get(r, "status")).append("; ");
			}
			return seen.toString().trim();
		}
		finally {
			context.dispose();
		}
	}

	// ---- channels, 2D/3D and time series

	private void channelsAndDimensions(final Path good) throws Exception {
		final Cli.Result none = cli("--lc3-channel 0 (no LC3)", Main.OK, new String[0], "analyze", good, "--out", dir.resolve("o-lc0"), "--no-progress");
		assertThat(none.code).isZero();
		assertThat(row(dir.resolve("o-lc0"), good).get("status")).isNotEqualTo("error");
		cli("--lc3-channel -1", Main.USAGE, new String[] { "--lc3-channel", "-1" }, "analyze", good, "--out", dir.resolve("o-lcm"), "--lc3-channel", "-1");
		cli("--mito-channel 0", Main.USAGE, new String[] { "--mito-channel", "≥ 1" }, "analyze", good, "--out", dir.resolve("o-m0"), "--mito-channel", "0");
		cli("mitochondria channel that does not exist", Main.SOME_FAILED, new String[] { "good.tif", "channel 3 does not exist" }, "analyze", good, "--out",
			dir.resolve("o-m3"), "--mito-channel", "3", "--no-progress");
		// a 2D image where 3D is expected: --z-step is said to be ignored
		cli("--z-step on a 2D image", Main.OK, new String[] { "good.tif", "the image is 2D", "ignored" }, "analyze", good, "--out", dir.resolve("o-z2d"),
			"--z-step", "0.3", "--no-progress");
		assertThat(row(dir.resolve("o-z2d"), good).get("spacing")).isEqualTo("0.1x0.1");
		// a time series where one time point is expected
		final Path series = dir.resolve("series.tif");
		Cli.ok("simulate", "--pattern", "fission-fragmented", "--seed", 1, "--frames", 3, "--out", series, "--width-um", 12, "--length-um", 16);
		cli("time series given to coloc", Main.USAGE, new String[] { "series.tif", "time series (3 frames)", "one time point" }, "coloc", series,
			"--randomisations", 0);
		final Path seriesMask = save(mapPlanes(series, ip -> {
			final ImageProcessor b = ip.convertToByte(true);
			b.threshold(128);
			return b;
		}), dir.resolve("series-mask.tif"));
		cli("time series given to skeleton", Main.USAGE, new String[] { "series-mask.tif", "time series (3 frames)", "one time point" }, "skeleton", seriesMask);
		final Cli.Result info = Cli.run("info", series);
		assertThat(info.code).as("%s", info).isZero();
		assertThat(info.out).contains("199x151 px").contains("3 frames").contains("a time series");
		cases.add(new Case("time series given to info", "myomito info DIR/series.tif", "0", rel(info.out.trim())));
		cli("time series given to analyze (dynamics)", Main.OK, new String[0], "analyze", series, "--out", dir.resolve("o-series"), "--no-progress");
		assertThat(row(dir.resolve("o-series"), series).get("status")).isNotEqualTo("error");
		assertThat(Cli.csv(dir.resolve("o-series").resolve("frames.csv")).rows).hasSize(3);
	}

	// ---- fibres given as ROIs or label images

	private static Path roiZip(final Path p, final Roi... rois) throws IOException {
		try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
			for (final Roi r : rois) {
				z.putNextEntry(new java.util.zip.ZipEntry(r.getName() + ".roi"));
				new RoiEncoder(z).write(r);
				z.flush();
				z.closeEntry();
			}
		}
		return p;
	}

	private static Roi named(final Roi r, final String name) {
		r.setName(name);
		return r;
	}

	private void fibresGiven(final Path good) throws Exception {
		final Path rois = Files.createDirectories(dir.resolve("rois"));
		final Path outside = roiZip(rois.resolve("good.zip"), named(new Roi(20, 20, 150, 120), "inside"), named(new Roi(500, 500, 50, 50), "outside"));
		cli("a ROI outside the image", Main.OK, new String[] { "good.tif", "fibre outside is empty or outside the image" }, "analyze", good, "--out",
			dir.resolve("o-roi-out"), "--rois", outside, "--no-progress");
		final Cli.Csv fibres = Cli.csv(dir.resolve("o-roi-out").resolve("fibres.csv"));
		assertThat(fibres.rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(fibres.header.indexOf("fibre"))).isEqualTo("inside"));
		final Path empty = roiZip(dir.resolve("empty-set.zip"));
		cli("an empty ROI set", Main.SOME_FAILED, new String[] { "good.tif", "empty-set.zip", "contains no ROI" }, "analyze", good, "--out",
			dir.resolve("o-roi-empty"), "--rois", empty, "--no-progress");
		final Path small = save(stack("labels", 1, 1, 1, 0.1, fill(new ShortProcessor(50, 40), 1)), dir.resolve("labels-50x40.tif"));
		cli("a label image of the wrong size", Main.SOME_FAILED, new String[] { "good.tif", "labels-50x40.tif", "50×40 but the image is 201×161" }, "analyze",
			good, "--out", dir.resolve("o-lab-size"), "--fibre-labels", small, "--no-progress");
		final Path zeros = save(stack("labels", 1, 1, 1, 0.1, new ShortProcessor(201, 161)), dir.resolve("labels-zero.tif"));
		cli("a label image without a label", Main.SOME_FAILED, new String[] { "good.tif", "labels-zero.tif", "hold no fibre" }, "analyze", good, "--out",
			dir.resolve("o-lab-zero"), "--fibre-labels", zeros, "--no-progress");
		final Path stack3 = save(stack("labels", 1, 3, 1, 0.1, fill(new ShortProcessor(201, 161), 1), fill(new ShortProcessor(201, 161), 1),
			fill(new ShortProcessor(201, 161), 1)), dir.resolve("labels-3d.tif"));
		cli("a 3D label stack (labels are 2D)", Main.SOME_FAILED, new String[] { "good.tif", "labels-3d.tif", "one 2D label image" }, "analyze", good, "--out",
			dir.resolve("o-lab-3d"), "--fibre-labels", stack3, "--no-progress");
		final Path labels = save(stack("labels", 1, 1, 1, 0.1, fill(new ShortProcessor(201, 161), 1)), dir.resolve("labels-ok.tif"));
		Cli.ok("analyze", good, "--out", dir.resolve("o-lab-ok"), "--fibre-labels", labels, "--no-progress");
		assertThat(Cli.csv(dir.resolve("o-lab-ok").resolve("fibres.csv")).rows).isNotEmpty();

		// the same through the Fiji batch command's ROI folder
		final Path in = Files.createDirectories(dir.resolve("roi-images"));
		for (final String n : new String[] { "a.tif", "b.tif", "c.tif" }) Files.copy(good, in.resolve(n));
		final Path roiDir = Files.createDirectories(dir.resolve("roi-folder"));
		roiZip(roiDir.resolve("a.zip"), named(new Roi(20, 20, 150, 120), "inside"), named(new Roi(500, 500, 50, 50), "outside"));
		roiZip(roiDir.resolve("b.zip"));
		cases.add(new Case("Fiji Batch Analyze Folder: ROI outside, empty ROI set, no ROI file", "Batch Analyze Folder input=DIR/roi-images rois=DIR/roi-folder",
			"-", fiji(in, dir.resolve("fiji-rois"), new String[][] { { "a.tif", "fibre outside is empty or outside the image" }, { "b.tif", "error:contains no ROI" },
				{ "c.tif", "error:no ROI file c.zip" } }, "rois", roiDir.toFile())));
	}

	private static ImageProcessor fill(final ImageProcessor ip, final int v) {
		ip.setValue(v);
		ip.fill();
		return ip;
	}

	// ---- sample sheets

	private void sampleSheets(final Path good) throws Exception {
		final Path other = dir.resolve("other.tif");
		Files.copy(good, other);
		final Path unknown = bytes("sheet-unknown.csv", "file,condition\ngood.tif,control\nother.tif,control\nmissing.tif,atrophy\n".getBytes(StandardCharsets.UTF_8));
		cli("sample sheet with an unknown file", Main.OK, new String[] { "sheet-unknown.csv", "missing.tif", "matches no input image" }, "analyze", good, other,
			"--out", dir.resolve("o-sh-unknown"), "--sample-sheet", unknown, "--no-progress");
		final Path unlisted = bytes("sheet-unlisted.csv", "file,condition\ngood.tif,control\n".getBytes(StandardCharsets.UTF_8));
		cli("image missing from the sample sheet", Main.OK, new String[] { "sheet-unlisted.csv", "other.tif", "not in the sample sheet" }, "analyze", good, other,
			"--out", dir.resolve("o-sh-unlisted"), "--sample-sheet", unlisted, "--no-progress");
		final Path dup = bytes("sheet-duplicate.csv", "file,condition\ngood.tif,control\nother.tif,control\ngood.tif,control\n".getBytes(StandardCharsets.UTF_8));
		cli("sample sheet with a duplicate row", Main.OK, new String[] { "sheet-duplicate.csv", "good.tif is listed twice (lines 2 and 4)" }, "analyze", good,
			other, "--out", dir.resolve("o-sh-dup"), "--sample-sheet", dup, "--no-progress");
		final Path conflict = bytes("sheet-conflict.csv", "file,condition\ngood.tif,control\nother.tif,control\ngood.tif,atrophy\n".getBytes(StandardCharsets.UTF_8));
		cli("sample sheet with conflicting duplicate rows", Main.SOME_FAILED, new String[] { "sheet-conflict.csv", "listed twice with different values" },
			"analyze", good, other, "--out", dir.resolve("o-sh-conflict"), "--sample-sheet", conflict, "--no-progress");
		// encodings and quoting: the condition must arrive as written (summary.html groups by it)
		final Object[][] read = { { "sample sheet with a UTF-8 BOM", "sheet-bom.csv", "\uFEFFfile,condition\ngood.tif,bom-control\nother.tif,bom-control\n"
			.getBytes(StandardCharsets.UTF_8), "bom-control" },
			{ "sample sheet in Latin-1", "sheet-latin1.csv", "file,condition\ngood.tif,Kontrolle ä\nother.tif,Kontrolle ä\n".getBytes(StandardCharsets.ISO_8859_1),
				"Kontrolle ä" },
			{ "sample sheet with a quoted comma", "sheet-quoted.csv", "file,condition\n\"good.tif\",\"atrophy, 7 d\"\nother.tif,\"atrophy, 7 d\"\n"
				.getBytes(StandardCharsets.UTF_8), "atrophy, 7 d" } };
		for (final Object[] c : read) {
			final Path sheet = bytes((String) c[1], (byte[]) c[2]);
			final Path out = dir.resolve("o-" + c[1]);
			final Cli.Result r = Cli.run("analyze", good, other, "--out", out, "--sample-sheet", sheet, "--no-progress");
			assertThat(r.code).as("%s", r).isEqualTo(Main.OK);
			assertThat(r.err).doesNotContain("sample sheet").doesNotContain("Exception");
			final String html = Files.readString(out.resolve("summary.html"), StandardCharsets.UTF_8);
			assertThat(html).as((String) c[0]).contains((String) c[3]);
			cases.add(new Case((String) c[0], "myomito analyze DIR/good.tif DIR/other.tif --out DIR/o --sample-sheet DIR/" + c[1] + " --no-progress", "0",
				"condition read as '" + c[3] + "' (summary.html groups both images under it); no warning"));
		}
	}

	// ---- output folder not writable, disk full

	private void outputFaults(final Path good) throws Exception {
		// the tests run as root, whom chmod does not stop: /proc takes neither a new folder nor a file
		if (Files.isDirectory(Path.of("/proc/self"))) {
			cli("output folder that cannot be created (/proc; chmod does not stop root)", Main.USAGE, new String[] { "--out", "/proc/myomito-out",
				"cannot create the output folder" }, "analyze", good, "--out", "/proc/myomito-out", "--no-progress");
			cli("output folder that takes no file (/proc/self)", Main.USAGE, new String[] { "--out", "/proc/self", "cannot write into this folder" }, "analyze",
				good, "--out", "/proc/self", "--no-progress");
		}
		// a disk that fills up mid-run (AtomicFiles' fault seam): a clear stop, no partial file under a final name, and a rerun completes
		final Path other = dir.resolve("other.tif");
		final Path full = dir.resolve("o-full");
		System.setProperty("myomito.fault.full-disk", "images.csv");
		try {
			cli("disk full while writing (injected writer failure)", Main.SOME_FAILED, new String[] { "images.csv", "cannot write", "No space left on device" },
				"analyze", good, other, "--out", full, "--no-progress");
		}
		finally {
			System.clearProperty("myomito.fault.full-disk");
		}
		assertThat(full.resolve("images.csv")).doesNotExist();
		try (java.util.stream.Stream<Path> all = Files.walk(full)) {
			assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
		}
		Cli.ok("analyze", good, other, "--out", full, "--no-progress");
		Cli.ok("analyze", good, other, "--out", dir.resolve("o-clean"), "--no-progress");
		Cli.assertSameTables(dir.resolve("o-clean"), full);
	}

	private void writeDoc() throws IOException {
		final StringBuilder sb = new StringBuilder("# Reliability: what MyoMito does with bad input\n\n")
			.append("Generated by `ReliabilityMatrixTest`, `TiffIntegrityTest`, `FuzzTest` and `ResilienceIT` (do not edit: `mvn -o test -Dtest=ReliabilityMatrixTest` rewrites it).\n")
			.append("Each line is a case the test suite ran, with the exit code and the last error line it observed (`DIR` is the test's temporary folder).\n")
			.append("Exit codes: 0 every input analysed (warnings included: the row's status is `warning` and its message says why), 1 some input failed (its row says why), "
				+ "2 usage error (an option, an input path that does not exist, an output folder that cannot be written, or an image that the single-image commands "
				+ "`coloc` and `skeleton` cannot take).\n\n")
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
