package io.github.myomito.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OrientationTest {

	@Test
	void angleToAxisFoldsToZeroToNinety() {
		assertThat(Orientation.angleToAxis(170, 10)).isCloseTo(20, within(1e-12));
		assertThat(Orientation.angleToAxis(100, 10)).isCloseTo(90, within(1e-12));
		assertThat(Orientation.angleToAxis(-30, 150)).isCloseTo(0, within(1e-12));
		assertThat(Orientation.angleToAxis(395, 20)).isCloseTo(15, within(1e-12));
		assertThat(Orientation.angleToAxis(75, 30)).isCloseTo(45, within(1e-12));
	}

	@Test
	void constructedBranchSetGivesExactFractionsHistogramAndOrder() {
		// axis 30°: φ = 0 (L, w1), 90 (T, w2), 45 (oblique, w3), 205° → φ = 5 (L, w4)
		final double[] ang = { 30, 120, 75, 205 };
		final double[] len = { 1, 2, 3, 4 };
		final OrientationStats s = Orientation.of(ang, len, 30, 20);
		assertThat(s.longitudinalFraction()).isCloseTo(0.5, within(1e-12));
		assertThat(s.transverseFraction()).isCloseTo(0.2, within(1e-12));
		assertThat(s.obliqueFraction()).isCloseTo(0.3, within(1e-12));
		final double[] hist = s.histogram();
		assertThat(hist).hasSize(9);
		assertThat(hist[0]).isCloseTo(0.5, within(1e-12));
		assertThat(hist[4]).isCloseTo(0.3, within(1e-12));
		assertThat(hist[8]).isCloseTo(0.2, within(1e-12));
		assertThat(hist[1] + hist[2] + hist[3] + hist[5] + hist[6] + hist[7]).isEqualTo(0.0);
		final double expectedS = (1 * 1 + 2 * -1 + 3 * 0 + 4 * Math.cos(Math.toRadians(10))) / 10;
		assertThat(s.orderParameter()).isCloseTo(expectedS, within(1e-12));
		assertThat(s.totalLengthUm()).isEqualTo(10.0);
		assertThat(s.branchCount()).isEqualTo(4);
		assertThat(s.binWidthDeg()).isEqualTo(10.0);
	}

	@Test
	void orderParameterIsOneForAllLongitudinalAndMinusOneForAllTransverse() {
		assertThat(Orientation.of(new double[] { 42, 222, 42 }, new double[] { 1, 2, 3 }, 42).orderParameter()).isCloseTo(1, within(1e-12));
		final OrientationStats t = Orientation.of(new double[] { 132, -48 }, new double[] { 1, 5 }, 42);
		assertThat(t.orderParameter()).isCloseTo(-1, within(1e-12));
		assertThat(t.transverseFraction()).isCloseTo(1, within(1e-12));
	}

	@Test
	void uniformAnglesGiveExactCountsAndZeroOrder() {
		// one branch per degree 0..179, equal lengths, axis 0, θ = 20: φ ≤ 20 for 0..20 and 160..179 (41),
		// φ ≥ 70 for 70..110 (41)
		final double[] ang = new double[180], len = new double[180];
		for (int i = 0; i < 180; i++) {
			ang[i] = i;
			len[i] = 2.5;
		}
		final OrientationStats s = Orientation.of(ang, len, 0);
		assertThat(s.longitudinalFraction()).isCloseTo(41 / 180.0, within(1e-12));
		assertThat(s.transverseFraction()).isCloseTo(41 / 180.0, within(1e-12));
		assertThat(s.obliqueFraction()).isCloseTo(98 / 180.0, within(1e-12));
		assertThat(s.orderParameter()).isCloseTo(0, within(1e-12));
		// φ per bin of 10°: bin 0 has φ = 0..9 (0..9 and 171..179: 19), bins 1..7 have 20, bin 8 has φ 80..90 (21)
		final double[] hist = s.histogram();
		assertThat(hist[0]).isCloseTo(19 / 180.0, within(1e-12));
		for (int b = 1; b < 8; b++) assertThat(hist[b]).isCloseTo(20 / 180.0, within(1e-12));
		assertThat(hist[8]).isCloseTo(21 / 180.0, within(1e-12));
	}

	@Test
	void principalDirectionOfPointsFollowsTheImageJConvention() {
		for (double a = 0; a < 180; a += 12.5) {
			final double r = Math.toRadians(a);
			final double[] xs = new double[40], ys = new double[40];
			for (int i = 0; i < 20; i++) {
				final double t = i * 0.3 - 3, e = (i % 3) * 0.05;
				// direction (cos a, −sin a) in y-down coordinates, normal (sin a, cos a); symmetric offsets ±e
				xs[2 * i] = 5 + t * Math.cos(r) + e * Math.sin(r);
				ys[2 * i] = 7 - t * Math.sin(r) + e * Math.cos(r);
				xs[2 * i + 1] = 5 + t * Math.cos(r) - e * Math.sin(r);
				ys[2 * i + 1] = 7 - t * Math.sin(r) - e * Math.cos(r);
			}
			assertThat(Orientation.angleToAxis(Orientation.angleDeg(xs, ys), a)).as("angle %s", a).isLessThan(1e-9);
		}
		// a segment going up-right on screen (y decreasing) is at +45°
		assertThat(Orientation.angleDeg(new double[] { 0, 1 }, new double[] { 1, 0 })).isCloseTo(45, within(1e-9));
		assertThat(Orientation.angleDeg(new double[] { 0, 0 }, new double[] { 0, 3 })).isCloseTo(90, within(1e-9));
		assertThat(Orientation.angleDeg(new double[] { 1, 1 }, new double[] { 2, 2 })).isNaN();
	}

	@Test
	void emptyAndBadInput() {
		final OrientationStats s = Orientation.of(new double[0], new double[0], 10);
		assertThat(s.transverseFraction()).isNaN();
		assertThat(s.orderParameter()).isNaN();
		assertThatThrownBy(() -> Orientation.of(new double[1], new double[2], 0, 20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths");
		assertThatThrownBy(() -> Orientation.of(new double[1], new double[] { -1 }, 0, 20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
		assertThatThrownBy(() -> Orientation.of(new double[1], new double[1], 0, 50)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
		assertThatThrownBy(() -> Orientation.angleDeg(new double[1], new double[1])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 points");
	}
}
