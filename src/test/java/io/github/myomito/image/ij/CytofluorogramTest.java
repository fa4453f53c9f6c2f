package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import ij.ImagePlus;
import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.PixelColocalisation;

import org.junit.jupiter.api.Test;

class CytofluorogramTest {

	@Test
	void identicalChannelsFallOnTheDiagonalAndCountsArePreserved() {
		final Random r = new Random(1);
		final float[] a = new float[5000];
		for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() * 1000;
		final byte[] mask = new byte[a.length];
		for (int i = 0; i < mask.length; i += 2) mask[i] = 1;
		final ImagePlus imp = Cytofluorogram.render(a, a.clone(), mask, PixelColocalisation.compute(a, a.clone(), mask, new int[] { 100, 50 },
			new double[] { 0.1, 0.1 }, ColocSettings.builder().randomisations(0).build()));
		final float[] h = (float[]) imp.getProcessor().getPixels();
		double total = 0, offDiagonal = 0;
		for (int y = 0; y < Cytofluorogram.BINS; y++)
			for (int x = 0; x < Cytofluorogram.BINS; x++) {
				final double count = Math.expm1(h[x + Cytofluorogram.BINS * y]);
				total += count;
				if (x != Cytofluorogram.BINS - 1 - y) offDiagonal += count;
			}
		assertThat(total).isCloseTo(2500, org.assertj.core.api.Assertions.within(1e-3));
		assertThat(offDiagonal).isZero();
		assertThat(imp.getOverlay().size()).isGreaterThanOrEqualTo(1);
	}
}
