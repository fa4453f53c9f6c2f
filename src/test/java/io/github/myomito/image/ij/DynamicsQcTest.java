package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import io.github.myomito.dynamics.DynamicsAnalyzer;
import io.github.myomito.dynamics.DynamicsResult;
import io.github.myomito.dynamics.DynamicsSettings;

/** The dynamics QC picture (#14): the kymograph of a dot moving along the axis is a line of known slope; the PNG is written. */
class DynamicsQcTest {

	/** A 3 × 3 px dot at x = 10 + 2t, y = 20 on a 64 × 40 frame (0.1 µm pixels). */
	private static float[] frame(final int t, final int w, final int h) {
		final float[] f = new float[w * h];
		java.util.Arrays.fill(f, 10);
		for (int y = 19; y <= 21; y++)
			for (int x = 9 + 2 * t; x <= 11 + 2 * t; x++) f[x + w * y] = 1000;
		return f;
	}

	@Test
	void aDotMovingAlongTheAxisDrawsALineOfItsSpeed() {
		final int w = 64, h = 40, nf = 12;
		final float[][] k = DynamicsQc.kymograph(t -> frame(t, w, h), nf, new int[] { w, h }, new double[] { 0.1, 0.1 }, 0);
		assertThat(k).hasNumberOfRows(nf);
		assertThat(k[0]).hasSize(w);
		for (int t = 0; t < nf; t++) {
			int arg = 0;
			for (int b = 0; b < w; b++) if (k[t][b] > k[t][arg]) arg = b;
			assertThat(arg).as("frame " + t).isEqualTo(9 + 2 * t); // first of the dot's 3 columns
			assertThat(k[t][10 + 2 * t]).isEqualTo(1000f);
			assertThat(k[t][0]).isEqualTo(10f);
		}
		// along the y axis (90°) the dot stands still: u = −y
		final float[][] ky = DynamicsQc.kymograph(t -> frame(t, w, h), nf, new int[] { w, h }, new double[] { 0.1, 0.1 }, 90);
		assertThat(ky[0]).hasSize(h);
		for (int t = 0; t < nf; t++) assertThat(ky[t][h - 1 - 20]).isEqualTo(1000f);
	}

	@Test
	void thePictureIsWrittenWithBothPanels(@TempDir final Path tmp) throws Exception {
		final int w = 64, h = 40, nf = 12;
		final DynamicsResult d = DynamicsAnalyzer.analyze(t -> frame(t, w, h), nf, new int[] { w, h }, new double[] { 0.1, 0.1 }, 1, DynamicsSettings.defaults(), null, null);
		assertThat(d.spots()).hasSize(nf); // one object per frame, one track
		assertThat(d.spots().stream().mapToInt(DynamicsResult.Spot::track).distinct().count()).isEqualTo(1);
		final Path png = tmp.resolve("x_dynamics.png");
		DynamicsQc.write(t -> frame(t, w, h), new int[] { w, h }, new double[] { 0.1, 0.1 }, d, 0, png);
		final ImagePlus imp = ij.IJ.openImage(png.toString());
		assertThat(imp.getWidth()).isGreaterThan(w + 260);
		assertThat(imp.getHeight()).isGreaterThanOrEqualTo(nf * 8);
	}
}
