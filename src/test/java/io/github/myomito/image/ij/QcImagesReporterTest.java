package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ij.process.ColorProcessor;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.RegionAnalysis;
import io.github.myomito.reporter.Mitolysosome;
import io.github.myomito.reporter.Reporter;
import io.github.myomito.reporter.ReporterSettings;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.ReporterPhantom;
import io.github.myomito.simulate.ReporterSimulator;

/** #15: the QC picture of a reporter run has a third panel with each detected mitolysosome drawn in its colour. */
class QcImagesReporterTest {

	@Test
	void reporterRunsGetAMitolysosomePanelWithEveryDetection() {
		final ReporterPhantom ph = ReporterSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(6).fibreWidthUm(10).fibreLengthUm(14).build(),
			Reporter.MITO_QC, 10, false);
		final AnalysisSettings with = AnalysisSettings.builder().mitoChannel(2).reporter(ReporterSettings.builder(Reporter.MITO_QC, 1, 2).build()).build();
		final ImageAnalysis.Result r = ImageAnalysis.analyze(ph.image(), null, with, null);
		final ImageAnalysis.Result plain = ImageAnalysis.analyze(ph.image(), null, AnalysisSettings.builder().mitoChannel(2).build(), null);
		final int w = ph.network().dims()[0], h = ph.network().dims()[1];
		final ColorProcessor qc = QcImages.render(r);
		assertThat(QcImages.render(plain).getWidth()).isEqualTo(2 * w + QcImages.GAP);
		assertThat(qc.getWidth()).isEqualTo(3 * w + 2 * QcImages.GAP);
		final int top = QcImages.captionBand(QcImages.reporterCaption(r), w);
		assertThat(QcImages.reporterCaption(r)).startsWith("mito-qc acid channel 1: " + r.mitolysosomes().get(0).count() + " mitolysosomes")
			.endsWith("per fibre image: " + r.mitolysosomes().get(0).count());
		final int truth = ph.truth().mitolysosomes().size();
		final java.util.List<Mitolysosome> found = r.mitolysosomes().get(0).mitolysosomes();
		assertThat(Math.abs(found.size() - truth)).as("%d found, %d true", found.size(), truth).isLessThanOrEqualTo((int) Math.floor(0.1 * truth));
		final RegionAnalysis f = r.fibres().get(0);
		final double[] sp = f.graph().spacing();
		final int x0 = 2 * (w + QcImages.GAP), top0 = QcImages.captionBand("segmentation (region: whole image)", w);
		int drawn = 0;
		for (final Mitolysosome m : found) {
			final int want = (m.mitoLabel() > 0 ? Overlays.MITOLYSOSOME_ON : Overlays.MITOLYSOSOME_OFF).getRGB() & 0xffffff;
			final double cx = m.positionUm()[0] / sp[0] + f.offset()[0] + 0.5, cy = m.positionUm()[1] / sp[1] + f.offset()[1] + 0.5;
			final double rad = Math.max(Overlays.MIN_PUNCTUM_MARKER_PX, Math.sqrt(m.pixels() / Math.PI));
			boolean hit = false, elsewhere = false;
			for (int y = (int) (cy - rad - 2); y <= cy + rad + 2; y++)
				for (int x = (int) (cx - rad - 2); x <= cx + rad + 2; x++) {
					if (x < 0 || y < 0 || x >= w || y >= h) continue; // within the image part of each panel
					if ((qc.getPixel(x0 + x, top + y) & 0xffffff) == want) hit = true;
					if ((qc.getPixel(x, top0 + y) & 0xffffff) == want) elsewhere = true;
				}
			if (hit) drawn++;
			assertThat(elsewhere).as("the skeleton panel has no mitolysosome circles").isFalse();
		}
		assertThat(drawn).as("circles drawn in the third panel").isEqualTo(found.size());
	}
}
