package io.github.myomito.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The issue's targets (#14) on the accuracy sweep of docs/dynamics.md ({@link DynamicsAccuracy}), in 2D and 3D, with
 * 10 seeds per setting: event recall and precision ≥ 90 % (matched within ±1 frame and ±0.5 µm), the pooled fission
 * and fusion counts and ≥ 90 % of the per-seed rates within 10 %, link accuracy ≥ 95 %, ≤ 0.1 false events per 100 µm
 * per min on series without events (worst seed), and fission- against fusion-dominant batches told apart in every
 * seed. The 3D series take ~10 s of CPU each (the seeds run in parallel).
 */
class DynamicsAccuracyTest {

	private static final int SEEDS = 10;

	/** Asserts the issue's thresholds on every event setting and the no-event series of one dimensionality. */
	private static void assertTargets(final int z) {
		for (final DynamicsAccuracy.Setting s : DynamicsAccuracy.eventSettings(z)) {
			final DynamicsAccuracy.Pooled p = DynamicsAccuracy.score(s, 1, SEEDS);
			assertThat(p.trueEvents).as(s.name + " true events").isGreaterThanOrEqualTo(10);
			assertThat(p.recall()).as(s.name + " recall " + p.worst).isGreaterThanOrEqualTo(0.9);
			assertThat(p.precision()).as(s.name + " precision " + p.worst).isGreaterThanOrEqualTo(0.9);
			assertThat(p.links()).as(s.name + " link accuracy").isGreaterThanOrEqualTo(0.95);
			assertThat(p.pooledRateError(true)).as(s.name + " fission count error").isLessThanOrEqualTo(0.1);
			assertThat(p.pooledRateError(false)).as(s.name + " fusion count error").isLessThanOrEqualTo(0.1);
			assertThat(p.ratesWithin10).as(s.name + " per-seed rates within 10 % " + p.worst).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * p.rateCases));
		}
		final DynamicsAccuracy.Pooled none = DynamicsAccuracy.score(DynamicsAccuracy.noEvents(z), 1, SEEDS);
		assertThat(none.falseRateMax).as(none.name + " false events per 100 µm per min, worst seed " + none.worst).isLessThanOrEqualTo(0.1);
		assertThat(none.links()).as(none.name + " link accuracy").isGreaterThanOrEqualTo(0.95);
	}

	private static void assertBatchesToldApart(final int z) {
		final List<String> f = new ArrayList<>();
		final int[] r = DynamicsAccuracy.separation(z, 101, SEEDS, f);
		assertThat(r[1]).isEqualTo(SEEDS);
		assertThat(r[0]).as((z > 1 ? "3D" : "2D") + " batches told apart " + f).isEqualTo(r[1]);
	}

	@Test
	void twoDimensionalSeriesMeetTheIssuesTargets() {
		assertTargets(1);
	}

	@Test
	void fissionAndFusionDominantBatchesAreToldApartIn2D() {
		assertBatchesToldApart(1);
	}

	/**
	 * Measured 2026-12-06 (τ = 0.8, intensity step 0.35): recall 100 / 97.1 / 100 / 98.8 %, precision 100 % (rates
	 * 0.5 / 2 / 5 / hyperfused 5), per-seed rates 60 of 62 within 10 %, links 98.5–99.0 %, no-event false rate 0.
	 * Before the day's changes the 3D series did not meet these (precision 75 % at rate 0.5) and this test asserted
	 * floors on 3 seeds.
	 */
	@Test
	void threeDimensionalSeriesMeetTheIssuesTargets() {
		assertTargets(5);
	}

	@Test
	void fissionAndFusionDominantBatchesAreToldApartIn3D() {
		assertBatchesToldApart(5);
	}
}
