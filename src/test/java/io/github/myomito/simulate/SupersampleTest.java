package io.github.myomito.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.myomito.image.ChannelRole;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Supersampled (pixel-integrated) rendering of the phantom against analytic answers: block means, the area and
 * centroid of a disc, photon conservation between k = 1 and k = 4, and tubes thinner than 2 camera pixels.
 */
class SupersampleTest {

	@Test
	void binIsTheMeanOfEachBlock() {
		final int k = 3, w = 4, h = 2, nz = 2;
		final int[] rd = { w * k, h * k, nz };
		final float[] fine = new float[rd[0] * rd[1] * nz];
		final Random r = new Random(5);
		for (int i = 0; i < fine.length; i++) fine[i] = r.nextInt(1000);
		final float[] out = PhantomSimulator.bin(fine, rd, k);
		assertThat(out).hasSize(w * h * nz);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double s = 0;
					for (int m = 0; m < k; m++)
						for (int l = 0; l < k; l++) s += fine[(x * k + l) + rd[0] * ((y * k + m) + rd[1] * z)];
					assertThat((double) out[x + w * (y + h * z)]).isCloseTo(s / (k * k), within(1e-3));
				}
	}

	/**
	 * A disc of radius R = 0.37 µm at an off-grid centre (1.234, 0.987) µm on 0.2 µm camera pixels: the camera-pixel
	 * area fractions (the binned sub-pixel mask) sum to πR²/p² with an error that falls with k (digitisation error
	 * ~ perimeter × p/k), and their centroid is the disc centre — a sub-pixel grid that were not centred on its
	 * camera pixels would shift it by (k − 1)/(2k) pixel.
	 */
	@Test
	void areaAndCentroidOfADiscConvergeWithTheSubPixelCount() {
		final double p = 0.2, rad = 0.37, x0 = 1.234, y0 = 0.987;
		final int w = 14, h = 12;
		double previous = Double.POSITIVE_INFINITY;
		for (final int k : new int[] { 1, 2, 4, 8 }) {
			final int[] rd = { w * k, h * k };
			final byte[] fine = new byte[rd[0] * rd[1]];
			final double off = (k - 1) / 2.0 * p / k;
			PhantomSimulator.render(List.of(new Truth.Node(0, x0, y0, 0, 0, rad)), List.of(), fine, rd, new double[] { p / k, p / k }, off);
			final float[] f = new float[fine.length];
			for (int i = 0; i < f.length; i++) f[i] = fine[i];
			final float[] cam = PhantomSimulator.bin(f, rd, k);
			double s = 0, sx = 0, sy = 0;
			for (int i = 0; i < cam.length; i++) {
				s += cam[i];
				sx += cam[i] * (i % w) * p;
				sy += cam[i] * (i / w) * p;
			}
			final double areaError = Math.abs(s * p * p - Math.PI * rad * rad) / (Math.PI * rad * rad);
			if (k > 1) {
				assertThat(sx / s).as("centroid x, k = %d", k).isCloseTo(x0, within(0.15 * p / k));
				assertThat(sy / s).as("centroid y, k = %d", k).isCloseTo(y0, within(0.15 * p / k));
			}
			if (k == 8) assertThat(areaError).as("area error at k = 8").isLessThan(0.03);
			assertThat(areaError).as("area error at k = %d not above k/2's", k).isLessThanOrEqualTo(previous + 0.02);
			previous = areaError;
		}
	}

	/** Mean of a channel's grey values over the image. */
	private static double mean(final Phantom ph, final ChannelRole role) {
		double s = 0;
		long n = 0;
		final net.imglib2.RandomAccessibleInterval<UnsignedShortType> c = ph.image().channel(ph.image().indexOf(role));
		for (final UnsignedShortType t : net.imglib2.view.Views.iterable(c)) {
			s += t.get();
			n++;
		}
		return s / n;
	}

	/**
	 * The same fibre at 0.1 µm pixels point-sampled (k = 1) and pixel-integrated (k = 4): the same image size, the
	 * same mitochondrial photons within 3 % (the area integral and the point samples estimate the same tube area),
	 * and a camera-grid truth mask (sub-pixels at least half foreground) whose area is the photons' area within 5 %.
	 */
	@Test
	void supersamplingConservesPhotonsAndArea() {
		final PhantomSettings.Builder b = PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(3).fibreLengthUm(12).fibreWidthUm(8)
			.backgroundPhotons(0).gaussianNoise(0).signalPhotons(5000);
		final Phantom one = PhantomSimulator.simulate(b.supersample(1).build());
		final Phantom four = PhantomSimulator.simulate(b.supersample(4).build());
		assertThat(four.dims()).containsExactly(one.dims());
		assertThat(mean(four, ChannelRole.MITOCHONDRIA)).isCloseTo(mean(one, ChannelRole.MITOCHONDRIA), within(0.03 * mean(one, ChannelRole.MITOCHONDRIA)));
		long a1 = 0, a4 = 0;
		for (final byte v : one.trueMask()) a1 += v;
		for (final byte v : four.trueMask()) a4 += v;
		// the area the photons give: Σ grey / (gain · photons per pixel); the blur conserves it (the fibre is far from the edge)
		final long n = (long) one.dims()[0] * one.dims()[1];
		final double photonArea = mean(four, ChannelRole.MITOCHONDRIA) * n / (4 * 5000.0);
		System.out.println("area px: point-sampled mask " + a1 + ", pixel-integrated mask " + a4 + ", from photons " + photonArea);
		assertThat((double) a4).isCloseTo(photonArea, within(0.05 * photonArea));
	}

	/**
	 * 0.3 µm tubes at 0.2 µm pixels (1.5 pixels): refused point-sampled, rendered with k = 2; the truth mask on the
	 * camera grid keeps each lattice connected piece in one 8-connected component as often as not broken: the
	 * lattice (connectivity 1, no fission) is one component.
	 */
	@Test
	void tubesThinnerThanTwoPixelsRenderConnectedWhenSupersampled() {
		final PhantomSettings.Builder b = PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(2).pixelUm(0.2).fibreLengthUm(16)
			.fibreWidthUm(10).connectivity(1).fragmentation(0).subsarcolemmal(false).axisDeg(33);
		assertThatThrownBy(b::build).hasMessageContaining("thinner than 2 pixels").hasMessageContaining("supersample ≥ 2");
		final Phantom ph = PhantomSimulator.simulate(b.supersample(2).build());
		assertThat(components8(ph.trueMask(), ph.dims()[0], ph.dims()[1])).isEqualTo(1);
		assertThat(ph.image().spacing()[0]).isEqualTo(0.2);
	}

	private static int components8(final byte[] m, final int w, final int h) {
		final int[] lab = new int[m.length];
		final int[] q = new int[m.length];
		int n = 0;
		for (int s = 0; s < m.length; s++) {
			if (m[s] == 0 || lab[s] != 0) continue;
			n++;
			int head = 0, tail = 0;
			q[tail++] = s;
			lab[s] = n;
			while (head < tail) {
				final int p = q[head++], x = p % w, y = p / w;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
						final int o = xx + w * yy;
						if (m[o] != 0 && lab[o] == 0) {
							lab[o] = n;
							q[tail++] = o;
						}
					}
			}
		}
		return n;
	}
}
