package io.github.myomito.reporter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.myomito.image.Pixels;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.ReporterPhantom;
import io.github.myomito.simulate.ReporterSimulator;

/** The per-batch fibre-type call: analytic splits, and a mixed simulated batch against the truth. */
class FibreTypeTest {

	private static final FibreTypeSettings TWO = FibreTypeSettings.of(3, 2, null);

	@Test
	void twoSeparatedGroupsAreSplitBetweenThemInAnyOrder() {
		final double[] v = { 10, 11, 12, 9, 40, 42, 41, 39 };
		final String[] c = FibreTypeCaller.call(v, TWO);
		for (int i = 0; i < v.length; i++) assertEquals(v[i] > 20 ? FibreTypeCaller.TYPE_I : FibreTypeCaller.TYPE_II, c[i]);
		// the cut lies half-way between the groups' neighbouring values
		assertArrayEquals(new double[] { (12 + 39) / 2.0 }, FibreTypeCaller.cuts(v, TWO), 0);
		final double[] shuffled = { 41, 9, 40, 12, 39, 11, 42, 10 };
		assertArrayEquals(FibreTypeCaller.cuts(v, TWO), FibreTypeCaller.cuts(shuffled, TWO), 0);
	}

	@Test
	void oneGroupOrTooFewFibresAreNotCalled() {
		// unimodal: 400 fibres of one Gaussian (the best split of a Gaussian gives D ≈ 2.65 < 3)
		final double[] u = new double[400];
		final java.util.Random g = new java.util.Random(7);
		for (int i = 0; i < u.length; i++) u[i] = 100 + 15 * g.nextGaussian();
		for (final String c : FibreTypeCaller.call(u, TWO)) assertEquals("", c);
		for (final String c : FibreTypeCaller.call(new double[] { 1, 50, 51 }, TWO)) assertEquals("", c);
		// NaN (no marker) stays uncalled, the rest is split
		final String[] c = FibreTypeCaller.call(new double[] { 10, Double.NaN, 11, 50, 52 }, TWO);
		assertArrayEquals(new String[] { FibreTypeCaller.TYPE_II, "", FibreTypeCaller.TYPE_II, FibreTypeCaller.TYPE_I, FibreTypeCaller.TYPE_I }, c);
	}

	@Test
	void threeClassesAndUserThresholds() {
		final double[] v = { 10, 11, 12, 30, 31, 32, 60, 61, 62 };
		final String[] c = FibreTypeCaller.call(v, FibreTypeSettings.of(3, 3, null));
		for (int i = 0; i < v.length; i++)
			assertEquals(i < 3 ? FibreTypeCaller.TYPE_II : i < 6 ? FibreTypeCaller.TYPE_IIA : FibreTypeCaller.TYPE_I, c[i]);
		final String[] u = FibreTypeCaller.call(new double[] { 5, 25 }, FibreTypeSettings.of(3, 2, new double[] { 20 }));
		assertArrayEquals(new String[] { FibreTypeCaller.TYPE_II, FibreTypeCaller.TYPE_I }, u);
	}

	/** A mixed batch of 40 phantoms (oxidative lattices and glycolytic fibres): ≥ 95 % called right. */
	@Test
	void mixedSimulatedBatchIsCalledRight() {
		final int n = 40;
		final double[] marker = new double[n];
		final String[] truth = new String[n];
		for (int i = 0; i < n; i++) {
			final Pattern p = i % 2 == 0 ? Pattern.OXIDATIVE_LATTICE : Pattern.GLYCOLYTIC_FRAGMENTED;
			final PhantomSettings s = PhantomSettings.forPattern(p).toBuilder().seed(100 + i).fibreWidthUm(12).fibreLengthUm(16).build();
			final ReporterPhantom ph = ReporterSimulator.simulate(s, null, 0, true);
			final float[] m = Pixels.floats(ph.image().channel(2));
			final byte[] fibre = ph.network().fibreMask();
			final int[] labels = new int[fibre.length];
			for (int k = 0; k < fibre.length; k++) labels[k] = fibre[k];
			marker[i] = MarkerIntensity.measure(m, fibre, MarkerIntensity.background(m, fibre.length, labels)).mean();
			truth[i] = ph.truth().fibreType();
		}
		final String[] c = FibreTypeCaller.call(marker, TWO);
		int right = 0;
		for (int i = 0; i < n; i++) if (c[i].equals(truth[i])) right++;
		System.out.println("fibre types: " + right + "/" + n + " right");
		assertTrue(right >= 0.95 * n, right + "/" + n + " right");
	}
}
