package io.github.myomito.reporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.myomito.image.Pixels;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.ReporterPhantom;
import io.github.myomito.simulate.ReporterSimulator;

/**
 * Mitolysosome counts against the reporter phantoms' truth: 10 seeds × 5 levels per reporter, within 10 % of
 * the true count, levels always ranked right, and (no acid puncta) at most 0.5 false mitolysosomes per
 * 1,000 µm² of fibre.
 */
class MitolysosomeAccuracyTest {

	/** Mitolysosome levels, per 100 µm² of fibre. */
	static final double[] LEVELS = { 2, 4, 6, 8, 10 };
	static final int SEEDS = 10;

	/** @return detected count in the phantom's fibre footprint */
	static int detect(final ReporterPhantom ph, final ReporterSettings rs) {
		final float[] a = Pixels.floats(ph.image().channel(0)), n = Pixels.floats(ph.image().channel(1));
		return MitolysosomeDetector.detect(a, n, ph.network().dims(), ph.image().spacing(), ph.network().fibreMask(), null, rs).count();
	}

	static PhantomSettings settings(final int seed) {
		return PhantomSettings.forPattern(seed % 2 == 0 ? Pattern.OXIDATIVE_LATTICE : Pattern.GLYCOLYTIC_FRAGMENTED).toBuilder().seed(seed).build();
	}

	@ParameterizedTest
	@EnumSource(Reporter.class)
	void countsWithinTenPercentAndLevelsRanked(final Reporter r) {
		final ReporterSettings rs = ReporterSettings.builder(r, 1, 2).build();
		double worst = 0;
		for (int seed = 1; seed <= SEEDS; seed++) {
			int previous = -1;
			for (final double level : LEVELS) {
				final ReporterPhantom ph = ReporterSimulator.simulate(settings(seed), r, level, false);
				final int truth = ph.truth().mitolysosomes().size();
				final int found = detect(ph, rs);
				final double err = Math.abs(found - truth) / (double) truth;
				worst = Math.max(worst, err);
				assertTrue(err <= 0.10, r.id() + " seed " + seed + " level " + level + ": found " + found + ", truth " + truth);
				assertTrue(found > previous, r.id() + " seed " + seed + ": level " + level + " found " + found + " not above the level below (" + previous + ")");
				previous = found;
			}
		}
		System.out.println(r.id() + ": worst relative count error " + worst);
	}

	@ParameterizedTest
	@EnumSource(Reporter.class)
	void fewFalseMitolysosomesWithoutAcidPuncta(final Reporter r) {
		final ReporterSettings rs = ReporterSettings.builder(r, 1, 2).build();
		int falses = 0;
		double area = 0;
		for (int seed = 1; seed <= SEEDS; seed++) {
			final ReporterPhantom ph = ReporterSimulator.simulate(settings(seed), r, 0, false);
			assertEquals(0, ph.truth().mitolysosomes().size());
			falses += detect(ph, rs);
			area += ph.truth().fibreAreaUm2();
		}
		final double per1000 = falses / area * 1000;
		System.out.println(r.id() + ": " + falses + " false mitolysosomes in " + area + " µm² = " + per1000 + " per 1000 µm²");
		assertTrue(per1000 <= 0.5, r.id() + ": " + per1000 + " false mitolysosomes per 1000 µm²");
	}
}
