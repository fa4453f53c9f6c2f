package io.github.myomito.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LatticeIndexTest {

	private static LatticeFeatures f(final double loops, final double four, final double t, final double l, final double r, final double c) {
		return LatticeFeatures.builder().loopsPer100um2(loops).fourWayJunctionFraction(four).transverseFraction(t).longitudinalFraction(l).periodRegularity(r).largestComponentShare(c).build();
	}

	private static double[] randomFeatures(final Random rnd) {
		final double t = rnd.nextDouble(), l = rnd.nextDouble() * (1 - t);
		return new double[] { rnd.nextDouble() * 20, rnd.nextDouble(), t, l, rnd.nextDouble(), rnd.nextDouble() };
	}

	private static double index(final double[] v) {
		return LatticeIndex.compute(f(v[0], v[1], v[2], v[3], v[4], v[5]));
	}

	@Test
	void indexIsInUnitIntervalAndMonotoneInEachFeature() {
		final Random rnd = new Random(7);
		for (int trial = 0; trial < 500; trial++) {
			final double[] v = randomFeatures(rnd);
			final double base = index(v);
			assertThat(base).isBetween(0.0, 1.0);
			for (int k = 0; k < 6; k++) {
				final double[] up = v.clone();
				final double room = k == 0 ? 5 : k == 2 ? 1 - v[2] - v[3] : k == 3 ? 1 - v[2] - v[3] : 1 - v[k];
				up[k] += rnd.nextDouble() * room;
				assertThat(index(up)).as("feature %d", k).isGreaterThanOrEqualTo(base - 1e-12).isLessThanOrEqualTo(1.0);
			}
		}
	}

	@Test
	void extremesAndKnownValues() {
		assertThat(LatticeIndex.compute(f(0, 0, 0, 0, 0, 0))).isEqualTo(0.0);
		// weights 0.25, 0.15, 0.25, 0.20, 0.15; loops term 1 − e^{−x/5}, four-way 1 − e^{−f/0.15}, balance 4TL/(T+L)
		final double v = LatticeIndex.compute(f(5, 0.15, 0.5, 0.5, 1, 1));
		final double expected = 0.25 * (1 - Math.exp(-1)) + 0.15 * (1 - Math.exp(-1)) + 0.25 * 1 + 0.20 + 0.15;
		assertThat(v).isCloseTo(expected, within(1e-12));
		final double[] terms = LatticeIndex.DEFAULT.terms(f(0, 0, 0.3, 0.1, 0, 0));
		assertThat(terms[2]).isCloseTo(4 * 0.3 * 0.1 / 0.4, within(1e-12));
		// balance is 1 only for an even, fully axis-aligned split
		assertThat(LatticeIndex.DEFAULT.terms(f(0, 0, 0.5, 0.5, 0, 0))[2]).isCloseTo(1, within(1e-12));
		assertThat(LatticeIndex.DEFAULT.terms(f(0, 0, 1, 0, 0, 0))[2]).isEqualTo(0.0);
	}

	@Test
	void unmeasuredFeaturesAreLeftOut() {
		assertThat(LatticeIndex.compute(LatticeFeatures.builder().periodRegularity(0.6).build())).isCloseTo(0.6, within(1e-12));
		assertThat(LatticeIndex.compute(LatticeFeatures.builder().build())).isNaN();
		// regularity 0.2 (w 0.20) and largest component 0.8 (w 0.15)
		assertThat(LatticeIndex.compute(LatticeFeatures.builder().periodRegularity(0.2).largestComponentShare(0.8).build())).isCloseTo((0.2 * 0.2 + 0.15 * 0.8) / 0.35, within(1e-12));
	}

	@Test
	void customConstantsAndValidation() {
		final LatticeIndex onlyLoops = LatticeIndex.builder().weights(1, 0, 0, 0, 0).loopScale(2).build();
		assertThat(onlyLoops.score(f(3, 1, 0.5, 0.5, 1, 1))).isCloseTo(1 - Math.exp(-1.5), within(1e-12));
		assertThat(onlyLoops.loopScale()).isEqualTo(2.0);
		assertThat(LatticeIndex.DEFAULT.loopScale()).isEqualTo(5.0);
		assertThatThrownBy(() -> LatticeIndex.builder().weights(0, 0, 0, 0, 0).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
		assertThatThrownBy(() -> LatticeIndex.builder().loopScale(0).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopScale");
		assertThatThrownBy(() -> LatticeFeatures.builder().transverseFraction(0.7).longitudinalFraction(0.6).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed 1");
		assertThatThrownBy(() -> LatticeFeatures.builder().periodRegularity(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodRegularity");
		assertThatThrownBy(() -> LatticeFeatures.builder().loopsPer100um2(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loops");
	}
}
