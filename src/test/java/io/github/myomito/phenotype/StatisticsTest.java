package io.github.myomito.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The group statistics against hand-computed values. */
class StatisticsTest {

	@Test
	void cliffsDeltaCountsDominantPairs() {
		assertThat(Statistics.cliffsDelta(new double[] { 4, 5, 6 }, new double[] { 1, 2, 3 })).isEqualTo(1.0);
		// pairs of {1,3} vs {2,3}: (1,2)<, (1,3)<, (3,2)>, (3,3)= → (1 − 2)/4
		assertThat(Statistics.cliffsDelta(new double[] { 1, 3 }, new double[] { 2, 3 })).isEqualTo(-0.25);
	}

	@Test
	void hedgesGIsTheBiasCorrectedStandardisedDifference() {
		// a = {1,2,3}, b = {3,4,5}: means 2 and 4, both SD 1, s_p = 1, J = 1 − 3/(4·6 − 9) = 0.8
		assertThat(Statistics.hedgesG(new double[] { 1, 2, 3 }, new double[] { 3, 4, 5 })).isCloseTo(-1.6, within(1e-12));
	}

	@Test
	void mannWhitneyAndQuartiles() {
		final double[] uP = Statistics.mannWhitney(new double[] { 1, 2, 3, 4 }, new double[] { 5, 6, 7, 8 });
		assertThat(uP[0]).isEqualTo(16.0); // commons-math3 reports max(U_a, U_b)
		// normal approximation: z = (0 − 8) / √(16·9/12) = −2.309, two-sided p = 0.02092
		assertThat(uP[1]).isCloseTo(0.020921, within(1e-5));
		final double[] d = Statistics.describe(new double[] { 1, 2, 3, 4 });
		assertThat(d).containsExactly(4, 2.5, 1.75, 3.25);
	}

	@Test
	void benjaminiHochberg() {
		final double[] q = Statistics.benjaminiHochberg(new double[] { 0.01, 0.04, Double.NaN, 0.03 });
		// m = 3: sorted 0.01, 0.03, 0.04 → 0.03, 0.04 (min of 0.045, 0.04), 0.04
		assertThat(q[0]).isCloseTo(0.03, within(1e-12));
		assertThat(q[3]).isCloseTo(0.04, within(1e-12));
		assertThat(q[1]).isCloseTo(0.04, within(1e-12));
		assertThat(q[2]).isNaN();
	}
}
