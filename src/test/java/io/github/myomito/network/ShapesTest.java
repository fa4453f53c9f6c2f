package io.github.myomito.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShapesTest {

	@Test
	void diskPerimeterAreaAndFormFactorWithAnisotropicSpacing() {
		// a physical disk of radius 3 µm sampled at 0.05 × 0.08 µm
		final double[] sp = { 0.05, 0.08 };
		final int w = 160, h = 100;
		final int[] lab = new int[w * h];
		long n = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double px = (x - 80) * sp[0], py = (y - 50) * sp[1];
				if (px * px + py * py <= 9) {
					lab[x + w * y] = 1;
					n++;
				}
			}
		final Shapes.Result r = Shapes.measure(lab, 1, new int[] { w, h }, sp);
		assertThat(r.pixels[1]).isEqualTo(n);
		assertThat(r.size[1]).isCloseTo(Math.PI * 9, within(0.02 * Math.PI * 9));
		assertThat(r.boundary[1]).isCloseTo(2 * Math.PI * 3, within(0.03 * 2 * Math.PI * 3));
		assertThat(r.formFactor[1]).isCloseTo(1.0, within(0.06));
		assertThat(r.aspectRatio[1]).isCloseTo(1.0, within(0.02));
		assertThat(r.centroid[1][0]).isCloseTo(80 * 0.05, within(0.01));
	}

	@Test
	void rectangleAspectRatioAndTwoLabels() {
		final int w = 60, h = 40;
		final int[] lab = new int[w * h];
		for (int y = 5; y < 15; y++)
			for (int x = 5; x < 45; x++) lab[x + w * y] = 1; // 40 × 10
		for (int y = 20; y < 30; y++)
			for (int x = 5; x < 15; x++) lab[x + w * y] = 2; // 10 × 10
		final Shapes.Result r = Shapes.measure(lab, 2, new int[] { w, h }, new double[] { 1, 1 });
		assertThat(r.aspectRatio[1]).isCloseTo(4.0, within(0.01));
		assertThat(r.aspectRatio[2]).isCloseTo(1.0, within(1e-9));
		assertThat(r.size[1]).isEqualTo(400);
		// Crofton with 4 directions on an axis-aligned rectangle: π/4·(2a + 2b + 2·(a+b)/√2·…) — compare with
		// the closed form π/4·(a + b)·(2 + √2)·… computed from entries: rows b, columns a, diagonals a+b−1 each
		final double a = 40, b = 10;
		final double expected = Math.PI / 4 * (b * 1 + a * 1 + 2 * (a + b - 1) / Math.sqrt(2));
		assertThat(r.boundary[1]).isCloseTo(expected, within(1e-9));
	}

	@Test
	void ballSurfaceAndVolume() {
		final int s = 40;
		final double[] sp = { 0.1, 0.1, 0.2 };
		final int[] lab = new int[s * s * s / 2 * 1];
		final int[] dims = { s, s, s / 2 };
		final double R = 1.5;
		for (int z = 0; z < dims[2]; z++)
			for (int y = 0; y < s; y++)
				for (int x = 0; x < s; x++) {
					final double px = (x - 20) * sp[0], py = (y - 20) * sp[1], pz = (z - 10) * sp[2];
					if (px * px + py * py + pz * pz <= R * R) lab[x + s * (y + s * z)] = 1;
				}
		final Shapes.Result r = Shapes.measure(lab, 1, dims, sp);
		assertThat(r.size[1]).isCloseTo(4.0 / 3 * Math.PI * R * R * R, within(0.05 * 4.0 / 3 * Math.PI * R * R * R));
		assertThat(r.boundary[1]).isCloseTo(4 * Math.PI * R * R, within(0.08 * 4 * Math.PI * R * R));
		assertThat(io.github.myomito.math.SymmetricEigen.values(new double[] { 2, 1, 0, 1, 2, 0, 0, 0, 5 }, 3)).containsExactly(new double[] { 5, 3, 1 }, within(1e-9));
	}
}
