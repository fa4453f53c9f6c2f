package io.github.myomito.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.network.NetworkAnalysis.Metric;
import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

/** Degenerate images give a result with a clear warning, never a crash; impossible requests give a clear error. */
class BadInputTest {

	private static FibreImage image(final float[] data, final long... dims) {
		return FibreImage.builder().channel(ArrayImgs.floats(data, dims), ChannelRole.MITOCHONDRIA).spacing(dims.length == 3 ? new double[] { 0.1, 0.1, 0.3 }
			: new double[] { 0.1, 0.1 }).source("bad.tif").build();
	}

	@Test
	void allZeroAndSaturatedImagesGiveEmptyResultsWithWarnings() {
		// images and stacks (a stack is deconvolved along z by default; a constant one is not)
		for (final long[] dims : new long[][] { { 64, 48 }, { 64, 48, 5 } }) {
			for (final float v : new float[] { 0, 65535 }) {
				final float[] d = new float[(int) (dims[0] * dims[1] * (dims.length == 3 ? dims[2] : 1))];
				java.util.Arrays.fill(d, v);
				final ImageAnalysis.Result r = ImageAnalysis.analyze(image(d, dims), null, AnalysisSettings.defaults(), null);
				assertThat(r.whole().network().get(Metric.OBJECTS)).isZero();
				assertThat(r.warnings()).anyMatch(w -> w.contains("constant"));
				final ImageResult t = ResultTables.of(r, "bad.tif", "h");
				assertThat(t.status()).isEqualTo(ImageResult.Status.WARNING);
				assertThat(t.table("images").getText(0, "status")).isEqualTo("warning");
				assertThat(t.table("images").getText(0, "message")).contains("constant");
			}
		}
	}

	@Test
	void singlePixelImageIsAnalysedWithoutCrashing() {
		final ImageAnalysis.Result r = ImageAnalysis.analyze(image(new float[] { 5 }, 1, 1), null, AnalysisSettings.defaults(), null);
		assertThat(r.whole().network().get(Metric.OBJECTS)).isZero();
		assertThat(r.warnings()).isNotEmpty();
	}

	@Test
	void nonFiniteValuesAreReportedAndIgnored() {
		final float[] d = new float[64 * 48];
		for (int y = 20; y < 24; y++)
			for (int x = 5; x < 60; x++) d[x + 64 * y] = 1000;
		d[0] = Float.NaN;
		d[1] = Float.POSITIVE_INFINITY;
		final ImageAnalysis.Result r = ImageAnalysis.analyze(image(d, 64, 48), null, AnalysisSettings.builder().segmentation(
			io.github.myomito.segment.SegmentationSettings.defaults().toBuilder().backgroundRadiusUm(0).build()).build(), null);
		assertThat(r.whole().network().get(Metric.OBJECTS)).isEqualTo(1);
		assertThat(r.whole().network().get(Metric.BRANCHES)).isEqualTo(1);
		assertThat(r.warnings()).anyMatch(w -> w.contains("non-finite"));
		// a NaN just beyond the bar's end counts as 0 for the free-end correction too: the same length as with a 0
		final float[] nanEnd = d.clone(), zeroEnd = d.clone();
		nanEnd[62 + 64 * 21] = Float.NaN;
		zeroEnd[62 + 64 * 21] = 0;
		final AnalysisSettings noBg = AnalysisSettings.builder().segmentation(
			io.github.myomito.segment.SegmentationSettings.defaults().toBuilder().backgroundRadiusUm(0).build()).build();
		final double withNaN = ImageAnalysis.analyze(image(nanEnd, 64, 48), null, noBg, null).whole().network().get(Metric.TOTAL_LENGTH);
		assertThat(withNaN).isFinite().isEqualTo(ImageAnalysis.analyze(image(zeroEnd, 64, 48), null, noBg, null).whole().network().get(Metric.TOTAL_LENGTH));
		final float[] allNaN = new float[16];
		java.util.Arrays.fill(allNaN, Float.NaN);
		assertThatThrownBy(() -> ImageAnalysis.analyze(image(allNaN, 4, 4), null, AnalysisSettings.defaults(), null))
			.hasMessageContaining("bad.tif").hasMessageContaining("no finite");
	}

	@Test
	void missingChannelsAreNamed() {
		final FibreImage one = image(new float[64], 8, 8);
		assertThatThrownBy(() -> ImageAnalysis.analyze(one, null, AnalysisSettings.builder().lc3Channel(2).build(), null))
			.hasMessageContaining("bad.tif").hasMessageContaining("channel 2 does not exist");
		assertThatThrownBy(() -> AnalysisSettings.builder().mitoChannel(2).lc3Channel(2).build()).hasMessageContaining("differ");
		assertThatThrownBy(() -> AnalysisSettings.builder().pixelSizeUm(-1).build()).hasMessageContaining("pixel size");
	}
}
