package io.github.myomito.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The issue's targets (#14) on the accuracy sweep of docs/dynamics.md ({@link DynamicsAccuracy}): 2D with 10
 * seeds per setting against the issue's thresholds; 3D, which does not meet them, with 3 seeds against the
 * levels measured on those seeds (rate-5 recall and precision, the no-event false rate; so that a regression
 * still fails), as the 3D series take ~10 s each.
 */
class DynamicsAccuracyTest {

	@Test
	void twoDimensionalSeriesMeetTheIssuesTargets() {
		for (final DynamicsAccuracy.Setting s : DynamicsAccuracy.eventSettings(1)) {
			final DynamicsAccuracy.Pooled p = DynamicsAccuracy.score(s, 1, 10);
			assertThat(p.trueEvents).as(s.name + " true events").isGreaterThanOrEqualTo(10);
			assertThat(p.recall()).as(s.name + " recall " + p.worst).isGreaterThanOrEqualTo(0.9);
			assertThat(p.precision()).as(s.name + " precision " + p.worst).isGreaterThanOrEqualTo(0.9);
			assertThat(p.links()).as(s.name + " link accuracy").isGreaterThanOrEqualTo(0.95);
			assertThat(p.pooledRateError(true)).as(s.name + " fission count error").isLessThanOrEqualTo(0.1);
			assertThat(p.pooledRateError(false)).as(s.name + " fusion count error").isLessThanOrEqualTo(0.1);
			assertThat(p.ratesWithin10).as(s.name + " per-seed rates within 10 %").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * p.rateCases));
		}
		final DynamicsAccuracy.Pooled none = DynamicsAccuracy.score(DynamicsAccuracy.noEvents(1), 1, 10);
		assertThat(none.falseRateMax).as("2D false events per 100 µm per min, worst seed").isLessThanOrEqualTo(0.1);
		assertThat(none.links()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void fissionAndFusionDominantBatchesAreToldApartIn2D() {
		final List<String> f = new ArrayList<>();
		final int[] r = DynamicsAccuracy.separation(1, 101, 10, f);
		assertThat(r[0]).as("2D batches told apart " + f).isEqualTo(r[1]);
	}

	@Test
	void threeDimensionalSeriesHoldTheirDocumentedLevels() {
		final DynamicsAccuracy.Setting s = DynamicsAccuracy.eventSettings(5).get(2); // fission = fusion = 5
		final DynamicsAccuracy.Pooled p = DynamicsAccuracy.score(s, 1, 3);
		// measured on seeds 1–3 with the noise floor (k = 4), mirrored kiss-and-run and faint frames: recall 22/22, precision
		// 22/24 = 91.7 % (before them, with p = 2 alone: 21/22 and 21/93 = 22.6 %)
		// floors raised (branch dyn2, 2026-12-05) to just below these measured values: recall ≥ 95 % (22/22), precision
		// ≥ 90 % (22/24 = 91.7 %; was ≥ 80 %)
		// with the chains and the resolution rule (2026-12-06): recall 22/22, precision 22/25 = 88 % on these three seeds
		// (one more flicker site: a split undone after 3–7 frames, outside k = 2), while over 10 seeds precision rose from
		// 89.9 % to 95.7 % (docs/dynamics.md); the precision floor is set just below the 3-seed value, 85 %
		// with the tree of pieces, the closest-first chain pairs and the transfer rule (2026-12-06): recall 22/22,
		// precision 22/23 = 95.7 % (10 seeds: 98.5 %); floor back to 90 %
		assertThat(p.recall()).as(s.name + " recall").isGreaterThanOrEqualTo(0.95);
		assertThat(p.precision()).as(s.name + " precision").isGreaterThanOrEqualTo(0.90);
		assertThat(p.links()).as(s.name + " link accuracy").isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void threeDimensionalSeriesWithoutEventsHoldTheirDocumentedFalseRate() {
		// measured on seeds 1–3 with the noise floor: 0 false events (10.9 /100 µm/min with p = 2 alone, 25.8 with p = 1);
		// over 10 seeds 0.146 (one false fission, seed 9), so the issue's target (≤ 0.1) is not met in 3D — this is a floor
		// against regressions. Floors raised (branch dyn2) from ≤ 0.5 mean / ≤ 1.5 worst seed to the issue's 0.1 for both,
		// as seeds 1–3 measure 0 (one false event in a seed of these series reads ≈ 1.5). With the chains and the resolution
		// rule (2026-12-06) the 10-seed false rate is 0.000: the issue's target is met in 3D too
		final DynamicsAccuracy.Pooled none = DynamicsAccuracy.score(DynamicsAccuracy.noEvents(5), 1, 3);
		assertThat(none.detected).as("3D false events on seeds 1–3 " + none.worst).isEqualTo(0);
		assertThat(none.falseRateSum / none.seeds).as("3D false events per 100 µm per min, mean of 3 seeds").isLessThanOrEqualTo(0.1);
		assertThat(none.falseRateMax).as("3D false events per 100 µm per min, worst seed").isLessThanOrEqualTo(0.1);
	}
}
