package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.process.ColorProcessor;
import io.github.myomito.coloc.Punctum;
import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.RegionAnalysis;

/**
 * The QC picture (#16 items 4, 12), checked pixel by pixel against the analysis it shows: panels with captions and
 * legends outside the image, a scale bar of the right length, the LC3 channel with markers larger than a pixel in
 * colour-blind-safe colours at every punctum, the fibre outline and the mask outline.
 */
class QcImagesTest {

	static final Path FISSION = Path.of("sample-images", "fission-fragmented_seed7.tif");
	static final Path AXIS30 = Path.of("sample-images", "oxidative-lattice_axis30_mito0.6_seed8.tif");
	static ImageAnalysis.Result whole, auto;
	static ColorProcessor wholePic, autoPic;

	@BeforeAll
	static void analyse() throws Exception {
		final FibreImage a = ImageFiles.read(FISSION, ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		whole = ImageAnalysis.analyze(a, null, AnalysisSettings.builder().lc3Channel(2).build(), null);
		wholePic = QcImages.render(whole);
		final FibreImage b = ImageFiles.read(AXIS30, ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		auto = ImageAnalysis.analyze(b, null, AnalysisSettings.builder().lc3Channel(2).fibreMode(AnalysisSettings.FibreMode.AUTO).build(), null);
		autoPic = QcImages.render(auto);
	}

	private static int w(final ImageAnalysis.Result r) {
		return (int) r.image().dimensions()[0];
	}

	private static int h(final ImageAnalysis.Result r) {
		return (int) r.image().dimensions()[1];
	}

	@Test
	void threePanelsWithTheLc3ChannelAndBandsForCaptionAndLegend() {
		final int w = w(whole), h = h(whole);
		assertThat(wholePic.getWidth()).isEqualTo(3 * w + 2 * QcImages.GAP);
		final int top = QcImages.captionBand("segmentation (region: whole image)", w);
		assertThat(top).isPositive();
		// caption and legend are outside the image: the picture is taller than the image by both bands
		assertThat(wholePic.getHeight()).isGreaterThan(top + h);
		// the caption band has text (white pixels) and the image starts below it: its first row is the image's grey
		assertThat(count(wholePic, 0, 0, w, top, 0xffffff)).isPositive();
		// without LC3: two panels
		final FibreImage a = whole.image();
		final ColorProcessor two = QcImages.render(ImageAnalysis.analyze(a, null, AnalysisSettings.builder().build(), null));
		assertThat(two.getWidth()).isEqualTo(2 * w + QcImages.GAP);
	}

	@Test
	void captionsAreWrappedToThePanelNotCutOff() {
		final ColorProcessor probe = new ColorProcessor(1, 1);
		probe.setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, QcImages.fontSize(120)));
		final String caption = "LC3 channel 2: 36 puncta, 22 on mitochondria";
		final List<String> lines = QcImages.wrap(caption, 100, probe);
		assertThat(lines.size()).isGreaterThan(1);
		assertThat(String.join(" ", lines)).isEqualTo(caption);
		for (final String l : lines) assertThat(probe.getStringWidth(l)).isLessThanOrEqualTo(100);
	}

	@Test
	void scaleBarIsFiveMicronsOnA34MicronImage() {
		// 34.1 µm wide image: the largest step ≤ a fifth of it (6.8 µm) is 5 µm = 50 pixels of 0.1 µm
		assertThat(QcImages.scaleBarLength(34.1)).isEqualTo(5.0);
		assertThat(QcImages.scaleBarLength(60)).isEqualTo(10.0);
		assertThat(QcImages.scaleBarLength(3.0)).isNaN();
		final int w = w(whole), h = h(whole), top = QcImages.captionBand("segmentation (region: whole image)", w);
		// a 3-px white bar of exactly 50 pixels in the bottom part of the first panel
		int bars = 0;
		for (int y = top + h - 30; y < top + h; y++) {
			int run = 0, best = 0;
			for (int x = 0; x < w; x++) {
				run = (wholePic.get(x, y) & 0xffffff) == 0xffffff ? run + 1 : 0;
				best = Math.max(best, run);
			}
			if (best == 50) bars++;
		}
		assertThat(bars).isEqualTo(3);
	}

	@Test
	void everyLc3PunctumHasAMarkerLargerThanAPixelInItsColour() {
		final int w = w(whole), top = QcImages.captionBand("LC3 channel 2: 36 puncta, 22 on mitochondria", w);
		final int x0 = 2 * (w + QcImages.GAP);
		int n = 0;
		for (final RegionAnalysis f : whole.fibres())
			for (final Punctum p : f.puncta()) {
				n++;
				final double[] px = p.positionPx();
				final int cx = (int) Math.round(px[0] + f.offset()[0]), cy = (int) Math.round(px[1] + f.offset()[1]);
				final int rgb = (p.onMitochondria() ? Overlays.ON_MITO : Overlays.OFF_MITO).getRGB() & 0xffffff;
				final int r = (int) Math.ceil(Math.max(Overlays.MIN_PUNCTUM_MARKER_PX, Math.sqrt(p.pixelCount() / Math.PI) + 1)) + 2;
				// a 2-px outline of radius ≥ 3: well over a dozen pixels
				assertThat(count(wholePic, x0 + cx - r, top + cy - r, 2 * r + 1, 2 * r + 1, rgb)).as("punctum %d", p.id()).isGreaterThan(12);
			}
		assertThat(n).isEqualTo(36);
		// colour-blind safe: on and off differ for a deuteranope too (Viénot, Brettel & Mollon 1999, Color Res Appl 24:243)
		final double[] on = deutan(Overlays.ON_MITO), off = deutan(Overlays.OFF_MITO);
		assertThat(Math.abs(on[2] - off[2])).isGreaterThan(0.3);
	}

	/** Linear-RGB simulation of deuteranopia (Viénot et al. 1999, their matrix in linear RGB). */
	private static double[] deutan(final java.awt.Color c) {
		final double[] l = { lin(c.getRed()), lin(c.getGreen()), lin(c.getBlue()) };
		return new double[] { 0.29275 * l[0] + 0.70725 * l[1], 0.29275 * l[0] + 0.70725 * l[1], -0.02234 * l[0] + 0.02234 * l[1] + l[2] };
	}

	private static double lin(final int v) {
		final double x = v / 255.0;
		return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
	}

	@Test
	void fibreOutlineAndMaskOutlineAreDrawn() {
		final int w = w(auto);
		final RegionAnalysis f = auto.fibres().stream().filter(x -> x.part() == RegionAnalysis.Part.ALL).findFirst().orElseThrow();
		assertThat(f.source()).isEqualTo("auto");
		final int top = QcImages.captionBand("segmentation (1 fibre)", w);
		final int[] d = f.dims(), off = f.offset();
		final byte[] region = f.region();
		int boundary = 0, drawn = 0;
		for (int y = 0; y < d[1]; y++)
			for (int x = 0; x < d[0]; x++) {
				final int i = x + d[0] * y;
				if (region[i] == 0) continue;
				final boolean edge = x == 0 || y == 0 || x == d[0] - 1 || y == d[1] - 1 || region[i - 1] == 0 || region[i + 1] == 0 || region[i - d[0]] == 0
					|| region[i + d[0]] == 0;
				if (!edge) continue;
				boundary++;
				// in the orientation panel (no mask outline) the fibre outline is white, unless a branch or the axis crosses it
				final int px = autoPic.get(w + QcImages.GAP + x + off[0], top + y + off[1]) & 0xffffff;
				// white, a branch colour, or (antialiased lines) a blend of the two: every channel at least the branch colour's
				if (atLeast(px, Overlays.TRANSVERSE) || atLeast(px, Overlays.LONGITUDINAL) || atLeast(px, Overlays.OBLIQUE)) drawn++;
			}
		assertThat(boundary).isGreaterThan(500);
		assertThat(drawn).isGreaterThan((int) (0.99 * boundary));
		// the mask outline: the mask's boundary pixels are drawn in its colour (or covered by the skeleton)
		final byte[] m = f.segmentation().mask();
		int mb = 0, md = 0;
		final int mrgb = Overlays.MASK_OUTLINE.getRGB() & 0xffffff;
		for (int y = 1; y < d[1] - 1; y++)
			for (int x = 1; x < d[0] - 1; x++) {
				final int i = x + d[0] * y;
				if (m[i] == 0 || (m[i - 1] != 0 && m[i + 1] != 0 && m[i - d[0]] != 0 && m[i + d[0]] != 0)) continue;
				mb++;
				final int px = autoPic.get(x + off[0], top + y + off[1]) & 0xffffff;
				if (px == mrgb || px == (Overlays.SLAB.getRGB() & 0xffffff) || px == (Overlays.END_POINT.getRGB() & 0xffffff)
					|| px == (Overlays.JUNCTION.getRGB() & 0xffffff) || px == 0xffffff) md++;
			}
		assertThat(mb).isGreaterThan(1000);
		assertThat(md).isEqualTo(mb);
	}

	private static boolean atLeast(final int px, final java.awt.Color c) {
		return (px >> 16 & 0xff) >= c.getRed() && (px >> 8 & 0xff) >= c.getGreen() && (px & 0xff) >= c.getBlue();
	}

	private static int count(final ColorProcessor cp, final int x0, final int y0, final int w, final int h, final int rgb) {
		int n = 0;
		for (int y = Math.max(0, y0); y < Math.min(cp.getHeight(), y0 + h); y++)
			for (int x = Math.max(0, x0); x < Math.min(cp.getWidth(), x0 + w); x++)
				if ((cp.get(x, y) & 0xffffff) == rgb) n++;
		return n;
	}
}
