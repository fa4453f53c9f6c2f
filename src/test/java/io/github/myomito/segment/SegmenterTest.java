package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.github.myomito.image.Pixels;
import io.github.myomito.progress.Progress;

class SegmenterTest {

	/** Distance from point (px, py) to the segment (ax, ay)–(bx, by). */
	private static double segDist(final double px, final double py, final double ax, final double ay, final double bx, final double by) {
		final double vx = bx - ax, vy = by - ay;
		final double t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
		final double dx = px - (ax + t * vx), dy = py - (ay + t * vy);
		return Math.sqrt(dx * dx + dy * dy);
	}

	/** Lines 5 px (0.5 µm) wide: truth = pixel centre within 2.5 px of a segment. */
	private static final double[][] LINES = { { 15, 20, 185, 20 }, { 15, 90, 185, 120 }, { 40, 140, 40, 185 }, { 100, 40, 170, 180 }, { 60, 160, 180, 160 } };

	private static byte[] truth2D(final int w, final int h) {
		final byte[] t = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (final double[] l : LINES)
					if (segDist(x, y, l[0], l[1], l[2], l[3]) <= 2.5) t[x + w * y] = 1;
		return t;
	}

	/** Lines of intensity 100 on a sloped background 20 + 0.15 x, blurred (σ 0.8 px) with Gaussian noise σ = 6. */
	private static float[] image2D(final byte[] truth, final int w, final int h, final long seed) {
		final float[] f = new float[w * h];
		for (int i = 0; i < f.length; i++) f[i] = truth[i] * 100f;
		final float[] b = Gauss.smooth(f, new int[] { w, h }, 0.8, 0.8);
		final Random r = new Random(seed);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) b[x + w * y] += (float) (20 + 0.15 * x + 6 * r.nextGaussian());
		return b;
	}

	static double iou(final byte[] a, final byte[] b) {
		long inter = 0, union = 0;
		for (int i = 0; i < a.length; i++) {
			final boolean x = a[i] != 0, y = b[i] != 0;
			if (x && y) inter++;
			if (x || y) union++;
		}
		return union == 0 ? 1 : inter / (double) union;
	}

	@Test
	void defaultChainRecoversSyntheticLines2D() {
		final int w = 200, h = 200;
		final byte[] truth = truth2D(w, h);
		final float[] img = image2D(truth, w, h, 123);
		final float[] copy = img.clone();
		final Segmentation s = Segmenter.segment(img, new int[] { w, h }, new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), Progress.NONE);
		assertThat(iou(s.mask(), truth)).isGreaterThan(0.95);
		assertThat(s.labels().count()).isEqualTo(Labeling.label(truth, new int[] { w, h }, Connectivity.FULL).count());
		assertThat(s.threshold()).isGreaterThan(0).isLessThan(100);
		assertThat(s.warnings()).isEmpty();
		assertThat(img).containsExactly(copy); // input untouched
		// the enhanced image is exactly top-hat (2 µm) then median (0.1 µm) of the input
		assertThat(s.enhanced()).containsExactly(Denoise.median(Background.subtract(img, new int[] { w, h }, new double[] { 0.1, 0.1 }, 2.0), new int[] { w, h }, new double[] { 0.1, 0.1 }, 0.1));
		// the imglib2 overload gives the same mask
		final Segmentation s2 = Segmenter.segment(Pixels.wrap(img, w, h), new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), null);
		assertThat(s2.mask()).containsExactly(s.mask());
	}

	@Test
	void otherThresholdModesAndTubenessAlsoRecoverTheLines() {
		final int w = 200, h = 200;
		final byte[] truth = truth2D(w, h);
		final float[] img = image2D(truth, w, h, 7);
		final int[] d = { w, h };
		final double[] sp = { 0.1, 0.1 };
		final Segmentation stable = Segmenter.segment(img, d, sp, SegmentationSettings.builder().stableThreshold(64).build(), null);
		assertThat(iou(stable.mask(), truth)).isGreaterThan(0.95);
		final Segmentation local = Segmenter.segment(img, d, sp, SegmentationSettings.builder().localThreshold(2.0, -20, LocalThreshold.Weighting.GAUSSIAN).build(), null);
		assertThat(iou(local.mask(), truth)).isGreaterThan(0.9);
		assertThat(local.threshold()).isNaN();
		final Segmentation tube = Segmenter.segment(img, d, sp, SegmentationSettings.builder().tubeness(true).tubenessScalesUm(0.15, 0.25).build(), null);
		// Hessian filters narrow the objects: the tubeness mask lies on the lines
		final byte[] tm = tube.mask();
		long in = 0, n = 0;
		for (int i = 0; i < tm.length; i++)
			if (tm[i] != 0) {
				n++;
				in += truth[i];
			}
		assertThat(n).isGreaterThan(0);
		assertThat(in / (double) n).isGreaterThan(0.9);
	}

	@Test
	void threeDChainRecoversTubesWithAnisotropicSpacing() {
		final int nx = 60, ny = 50, nz = 14;
		final double[] sp = { 0.1, 0.1, 0.25 };
		final byte[] truth = new byte[nx * ny * nz];
		final float[] f = new float[truth.length];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					// a tube along x at y = 15 and a tube along y at x = 40, both radius 0.3 µm at z = 7
					final double dz = (z - 7) * sp[2];
					final double d1 = Math.hypot((y - 15) * sp[1], dz), d2 = Math.hypot((x - 40) * sp[0], dz);
					if (Math.min(d1, d2) <= 0.3) truth[x + nx * (y + ny * z)] = 1;
				}
		for (int i = 0; i < f.length; i++) f[i] = 100f * truth[i];
		final float[] b = Gauss.smooth(f, new int[] { nx, ny, nz }, 0.7, 0.7, 0.3);
		final Random r = new Random(99);
		for (int i = 0; i < b.length; i++) b[i] += (float) (15 + 5 * r.nextGaussian());
		final Segmentation s = Segmenter.segment(b, new int[] { nx, ny, nz }, sp, SegmentationSettings.defaults(), null);
		assertThat(iou(s.mask(), truth)).isGreaterThan(0.95);
		assertThat(s.labels().count()).isEqualTo(1);
	}

	@Test
	void degenerateInputsGiveWarningsNotExceptions() {
		final Segmentation zero = Segmenter.segment(new float[100], new int[] { 10, 10 }, new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), null);
		assertThat(zero.foregroundCount()).isZero();
		assertThat(zero.labels().count()).isZero();
		assertThat(zero.warnings()).anyMatch(m -> m.contains("constant"));
		final float[] c = new float[27];
		java.util.Arrays.fill(c, 5);
		assertThat(Segmenter.segment(c, new int[] { 3, 3, 3 }, new double[] { 0.1, 0.1, 0.3 }, SegmentationSettings.defaults(), null).foregroundCount()).isZero();
		final Segmentation one = Segmenter.segment(new float[] { 42 }, new int[] { 1, 1 }, new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), null);
		assertThat(one.mask()).containsExactly(0);
		assertThat(one.warnings()).isNotEmpty();
		// NaN / Inf become 0 with a warning; the rest is segmented normally
		final int w = 200, h = 200;
		final byte[] truth = truth2D(w, h);
		final float[] img = image2D(truth, w, h, 5);
		img[0] = Float.NaN;
		img[1] = Float.POSITIVE_INFINITY;
		img[2] = Float.NEGATIVE_INFINITY;
		final Segmentation s = Segmenter.segment(img, new int[] { w, h }, new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), null);
		assertThat(s.warnings()).anyMatch(m -> m.startsWith("3 non-finite"));
		assertThat(iou(s.mask(), truth)).isGreaterThan(0.85);
		assertThat(Float.isNaN(img[0])).isTrue(); // input untouched
	}

	@Test
	void badArgumentsAndCancellation() {
		assertThatThrownBy(() -> Segmenter.segment(new float[10], new int[] { 3, 3 }, new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), null))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
		assertThatThrownBy(() -> Segmenter.segment(new float[9], new int[] { 3, 3 }, new double[] { 0.1 }, SegmentationSettings.defaults(), null))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
		assertThatThrownBy(() -> SegmentationSettings.builder().minSizeUm(-1).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum object size");
		final SegmentationSettings s = SegmentationSettings.builder().thresholdMethod(ThresholdMethod.LI).fillHoles(false).build();
		assertThat(s.thresholdMethod()).isEqualTo(ThresholdMethod.LI);
		assertThat(s.toBuilder().build().toString()).isEqualTo(s.toString());
		final Progress cancelled = new Progress() {
			@Override
			public void status(final String message) {}

			@Override
			public void progress(final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		final float[] img = new float[100];
		img[55] = 1;
		assertThatThrownBy(() -> Segmenter.segment(img, new int[] { 10, 10 }, new double[] { 0.1, 0.1 }, SegmentationSettings.defaults(), cancelled)).isInstanceOf(CancellationException.class);
	}
}
