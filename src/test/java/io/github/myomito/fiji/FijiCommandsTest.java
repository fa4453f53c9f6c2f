package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.ImageRoi;
import ij.measure.ResultsTable;
import io.github.myomito.image.ij.Overlays;
import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.ij.FibreRois;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.image.ij.ImagePlusBridge;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.ImageResult;
import io.github.myomito.pipeline.ResultTables;
import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.PixelColocalisation;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.results.Column;
import io.github.myomito.results.Columns;
import io.github.myomito.results.Table;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.simulate.Truth;

/** Every Fiji command through SciJava's CommandService, headless, on simulated fibres with known truth. */
class FijiCommandsTest {

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

	static CommandModule run(final Class<? extends org.scijava.command.Command> c, final Object... inputs) throws Exception {
		return commands.run(c, true, inputs).get();
	}

	static Phantom phantom(final Pattern p, final long seed) {
		return PhantomSimulator.simulate(PhantomSettings.forPattern(p).toBuilder().seed(seed).fibreWidthUm(8).fibreLengthUm(12).build());
	}

	/** The simulator's true fibre outline as an area ROI. */
	static Roi fibreRoi(final Phantom ph) {
		final int[] d = ph.dims();
		final byte[] f = ph.fibreMask();
		final byte[] px = new byte[d[0] * d[1]];
		for (int i = 0; i < px.length; i++) px[i] = f[i] != 0 ? (byte) 255 : 0;
		final ij.process.ByteProcessor bp = new ij.process.ByteProcessor(d[0], d[1], px);
		bp.setThreshold(255, 255, ij.process.ImageProcessor.NO_LUT_UPDATE);
		final Roi r = new ij.plugin.filter.ThresholdToSelection().convert(bp);
		r.setName("fibre");
		return r;
	}

	@Test
	void simulateReturnsTheSimulatorsCalibratedTwoChannelImage() throws Exception {
		final CommandModule m = run(SimulateFibreCommand.class, "pattern", "oxidative-lattice", "seed", 7L, "width_um", 8.0, "length_um", 12.0, "pixel_um", 0.1);
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final ImagePlus imp = (ImagePlus) m.getOutput("image");
		final Phantom direct = phantom(Pattern.OXIDATIVE_LATTICE, 7);
		assertThat(imp.getNChannels()).isEqualTo(2);
		assertThat(imp.isHyperStack() || imp.getNChannels() == 2).isTrue();
		assertThat(imp.getCalibration().pixelWidth).isEqualTo(0.1);
		assertThat(imp.getCalibration().getUnit()).isEqualTo("micron");
		final int[] d = direct.dims();
		assertThat(new int[] { imp.getWidth(), imp.getHeight() }).containsExactly(d[0], d[1]);
		final float[] mito = Pixels.floats(direct.image().channel(0));
		imp.setC(1);
		assertThat(imp.getProcessor().getf(d[0] / 2, d[1] / 2)).isEqualTo(mito[d[0] / 2 + d[0] * (d[1] / 2)]);
		assertThat(Truth.fromJson((String) imp.getProperty("Info")).counts().objects()).isEqualTo(direct.truth().counts().objects());
	}

	@Test
	void simulateRejectsAnUnknownPatternWithoutThrowing() throws Exception {
		final CommandModule m = run(SimulateFibreCommand.class, "pattern", "spaghetti");
		assertThat(m.isCanceled()).isTrue();
		assertThat(m.getCancelReason()).startsWith("Simulate Fibre: ").contains("spaghetti");
	}

	@Test
	void analyzeNetworkCountsTheTrueObjectsAndLoopsAndMatchesTheCore() throws Exception {
		final Phantom ph = phantom(Pattern.OXIDATIVE_LATTICE, 7);
		final ImagePlus imp = ImagePlusBridge.toImagePlus(ph.image(), "lattice");
		final CommandModule m = run(AnalyzeNetworkCommand.class, "imp", imp, "show_mask", true, "show_labels", true);
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final ImageResult r = ((AnalyzeNetworkCommand) m.getCommand()).result;
		final Table images = r.table("images");
		assertThat(((Number) images.get(0, "objects")).intValue()).isEqualTo(ph.truth().counts().objects());
		assertThat(((Number) images.get(0, "loops")).intValue()).isEqualTo(ph.truth().counts().loops());
		// the ImageJ table has the catalogue's headers and the same values
		final ResultsTable rt = ResultsTables.of(images);
		for (final Column c : Columns.tables().get("images")) assertThat(rt.columnExists(c.key())).as(c.key()).isTrue();
		assertThat(rt.getValue("objects", 0)).isEqualTo(ph.truth().counts().objects());
		// same numbers as the core called directly
		final AnalysisSettings s = AnalysisSettings.builder().build();
		final ImageResult core = ResultTables.of(ImageAnalysis.analyze(ImagePlusBridge.wrap(imp, ChannelRole.MITOCHONDRIA, ChannelRole.OTHER), null, s, null), "lattice",
			io.github.myomito.results.Provenance.shortHash(s.toJson()));
		assertThat(r.table("objects").size()).isEqualTo(core.table("objects").size()).isEqualTo(ph.truth().counts().objects());
		for (final String k : new String[] { "branches", "junctions", "endpoints", "total_length_um", "threshold" })
			assertThat(images.get(0, k)).as(k).isEqualTo(core.table("images").get(0, k));
		// overlay: one skeleton image ROI; mask and labels agree with the table
		final Overlay o = imp.getOverlay();
		assertThat(o.size()).isEqualTo(1);
		assertThat(o.get(0)).isInstanceOf(ImageRoi.class);
		assertThat(o.get(0).getName()).isEqualTo("skeleton image");
		final ImagePlus labels = (ImagePlus) m.getOutput("labels");
		assertThat(labels.getStatistics().max).isEqualTo(ph.truth().counts().objects());
		final ImagePlus mask = (ImagePlus) m.getOutput("mask");
		assertThat(mask.getProcessor().isBinary()).isTrue();
	}

	@Test
	void simulatedStackGoesStraightIntoTheAnalysisIn3D() throws Exception {
		final CommandModule sim = run(SimulateFibreCommand.class, "pattern", "swollen", "seed", 5L, "width_um", 6.0, "length_um", 8.0, "slices", 4);
		assertThat(sim.isCanceled()).as(sim.getCancelReason()).isFalse();
		final ImagePlus stack = (ImagePlus) sim.getOutput("image");
		assertThat(stack.getNSlices()).isEqualTo(4);
		assertThat(stack.getNChannels()).isEqualTo(2);
		final CommandModule m = run(AnalyzeNetworkCommand.class, "imp", stack, "show_mask", true);
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final Phantom ph = ((SimulateFibreCommand) sim.getCommand()).phantom;
		final ImageAnalysis.Result core = ImageAnalysis.analyze(ph.image(), null, AnalysisSettings.builder().build(), null);
		final Table images = ((AnalyzeNetworkCommand) m.getCommand()).result.table("images");
		assertThat(images.get(0, "objects")).isEqualTo((long) core.whole().network().objects().size());
		assertThat(((ImagePlus) m.getOutput("mask")).getStackSize()).isEqualTo(4);
		assertThat(stack.getOverlay().get(0).getName()).isEqualTo("skeleton image");
	}

	@Test
	void analyzeNetworkUsesTheImageRoiAsTheFibre() throws Exception {
		final Phantom ph = phantom(Pattern.GLYCOLYTIC_FRAGMENTED, 3);
		final ImagePlus imp = ImagePlusBridge.toImagePlus(ph.image(), "glyco");
		final Roi roi = new Roi(10, 10, imp.getWidth() / 2, imp.getHeight() / 2);
		roi.setName("left");
		imp.setRoi(roi);
		final CommandModule m = run(AnalyzeNetworkCommand.class, "imp", imp);
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final ImageResult r = ((AnalyzeNetworkCommand) m.getCommand()).result;
		assertThat(r.table("fibres").size()).isEqualTo(1);
		assertThat(r.table("fibres").get(0, "fibre")).isEqualTo("left");
		assertThat(r.table("fibres").get(0, "fibre_source")).isEqualTo("roi");
		final AnalysisSettings s = AnalysisSettings.builder().fibreMode(AnalysisSettings.FibreMode.GIVEN).build();
		final ImageAnalysis.Result core = ImageAnalysis.analyze(ImagePlusBridge.wrap(imp, ChannelRole.MITOCHONDRIA), FibreRois.fromRois(List.of(roi), imp.getWidth(), imp.getHeight()), s, null);
		assertThat(r.table("fibres").get(0, "objects")).isEqualTo((long) core.fibres().get(0).network().objects().size());
		assertThat(imp.getOverlay().get(0).getName()).isEqualTo("skeleton left");
	}

	@Test
	void analyzeWithoutAnImageCancelsWithAClearMessage() throws Exception {
		final CommandModule m = run(AnalyzeNetworkCommand.class, "imp", null);
		assertThat(m.isCanceled()).isTrue();
		assertThat(m.getCancelReason()).isEqualTo("Analyze Mitochondrial Network: no image: open an image first (or pass one as the 'imp' input)");
		final CommandModule bad = run(AnalyzeNetworkCommand.class, "imp", ImagePlusBridge.toImagePlus(phantom(Pattern.SWOLLEN, 1).image(), "sw"), "mito_channel", 3);
		assertThat(bad.getCancelReason()).contains("sw: mito_channel 3 does not exist (the image has 2 channels)");
	}

	@Test
	void latticeFindsTheTrueAxisAndMostlyTransverseBranches() throws Exception {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(5).fibreWidthUm(8).fibreLengthUm(12).axisDeg(30).build());
		final ImagePlus imp = ImagePlusBridge.toImagePlus(ph.image(), "tilted");
		imp.setRoi(fibreRoi(ph));
		final CommandModule m = run(AnalyzeLatticeCommand.class, "imp", imp);
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final Table fibres = ((AnalyzeLatticeCommand) m.getCommand()).result.table("fibres");
		final double axis = ((Number) fibres.get(0, "axis_deg")).doubleValue();
		assertThat(Math.min(Math.abs(axis - 30), 180 - Math.abs(axis - 30))).isLessThan(5);
		final double trans = ((Number) fibres.get(0, "transverse_fraction")).doubleValue();
		assertThat(trans).isCloseTo(ph.truth().transverseFraction(), within(0.2));
		// overlay: one axis line, branches coloured by the same classification as the branches table
		final Overlay o = imp.getOverlay();
		long axes = 0, transverse = 0;
		for (final Roi r : o.toArray()) {
			if (r.getName().startsWith("axis ")) axes++;
			if (r.getName().startsWith("transverse ")) {
				transverse++;
				assertThat(r.getStrokeColor()).isEqualTo(Overlays.TRANSVERSE);
			}
		}
		assertThat(axes).isEqualTo(1);
		final Table branches = ((AnalyzeLatticeCommand) m.getCommand()).result.table("branches");
		long expected = 0;
		for (int i = 0; i < branches.size(); i++) if ("transverse".equals(branches.get(i, "orientation"))) expected++;
		assertThat(transverse).isEqualTo(expected).isPositive();
	}
}
