package io.github.myomito.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The robust frame statistics of the noise floor against analytic values. */
class NoiseFloorTest {

	@Test
	void smallSetByHand() {
		// median 3; |x − 3| = {2, 1, 0, 1, 97} → MAD 1; p99 by nearest rank = the 5th value, 100
		final NoiseFloor nf = NoiseFloor.of(new float[] { 4, 1, 100, 3, 2 });
		assertEquals(3, nf.median, 0);
		assertEquals(1.4826, nf.sigma, 1e-12);
		assertEquals(100, nf.p99, 0);
		assertEquals(3 + 4 * 1.4826, nf.floor(4), 1e-12);
		assertEquals(97 / 1.4826, nf.contrast(), 1e-12);
		// non-finite pixels are ignored; an even count takes the mean of the middle two
		final NoiseFloor even = NoiseFloor.of(new float[] { 1, Float.NaN, 2, 3, Float.POSITIVE_INFINITY, 10 });
		assertEquals(2.5, even.median, 0);
		assertEquals(1.4826 * 1, even.sigma, 1e-12); // |x − 2.5| = {1.5, 0.5, 0.5, 7.5} → median 1
		// a flat frame has no noise: contrast +∞, floor = the median
		final NoiseFloor flat = NoiseFloor.of(new float[] { 7, 7, 7, 7 });
		assertEquals(0, flat.sigma, 0);
		assertEquals(7, flat.floor(4), 0);
		assertEquals(Double.POSITIVE_INFINITY, flat.contrast());
	}

	@Test
	void gaussianNoiseGivesItsSigmaEvenWithBrightObjects() {
		final Random r = new Random(3);
		final int n = 200_000;
		final float[] f = new float[n];
		for (int i = 0; i < n; i++) f[i] = (float) (100 + 5 * r.nextGaussian());
		final NoiseFloor clean = NoiseFloor.of(f);
		assertEquals(100, clean.median, 0.05);
		assertEquals(5, clean.sigma, 0.05); // the MAD's standard error is ≈ 1.17·σ/√n = 0.013
		// 5 % of the pixels are bright objects (+1000): the standard deviation would be ≈ 218, the MAD moves a little:
		// the median shifts to the Gaussian's 0.5/0.95 quantile (z = 0.066) and the MAD widens by ≈ 5.5 %
		for (int i = 0; i < n; i += 20) f[i] += 1000;
		final NoiseFloor objects = NoiseFloor.of(f);
		assertEquals(100 + 5 * 0.066, objects.median, 0.06);
		assertTrue(objects.sigma > 5.1 && objects.sigma < 5.5, "σ_MAD " + objects.sigma);
		// p99 inside the objects (the top fifth of them, ≈ 1104): (1104 − 100.3)/5.31 ≈ 189
		assertEquals(189, objects.contrast(), 3);
	}
}
