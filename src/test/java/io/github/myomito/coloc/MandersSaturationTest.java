package io.github.myomito.coloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * #16 item 9: Manders' M1 and M2 are 1 when no pixel is 0 (background not removed), and the result says so; with a
 * zero background they take their analytic values and no such warning is given.
 */
class MandersSaturationTest {

	private static final int W = 40, H = 40;

	/** Two half-overlapping squares: ch1 on x &lt; 24, ch2 on x ≥ 16 (columns 16–23 shared), value 10, background b. */
	private static ColocResult squares(final float background) {
		final float[] a = new float[W * H], b = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				a[x + W * y] = (x < 24 ? 10 : 0) + background + (x * 7 + y * 3) % 5 * 0.01f;
				b[x + W * y] = (x >= 16 ? 10 : 0) + background + (x * 3 + y * 7) % 5 * 0.01f;
			}
		return PixelColocalisation.compute(a, b, null, new int[] { W, H }, new double[] { 0.1, 0.1 }, ColocSettings.builder().randomisations(0).build());
	}

	@Test
	void anOffsetBackgroundSaturatesM1AndM2AndIsWarned() {
		final ColocResult r = squares(100);
		assertThat(r.mandersM1()).isEqualTo(1.0);
		assertThat(r.mandersM2()).isEqualTo(1.0);
		assertThat(r.warnings()).contains(PixelColocalisation.MANDERS_SATURATED_WARNING);
	}

	@Test
	void aZeroBackgroundGivesTheOverlapAndNoWarning() {
		final float[] a = new float[W * H], b = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				a[x + W * y] = x < 24 ? 10 + (x + y) % 3 : 0;
				b[x + W * y] = x >= 16 ? 10 + (x * y) % 4 : 0;
			}
		final ColocResult r = PixelColocalisation.compute(a, b, null, new int[] { W, H }, new double[] { 0.1, 0.1 }, ColocSettings.builder().randomisations(0).build());
		// M1 = Σ a over ch2 > 0 / Σ a: columns 16–23 of 0–23; M2 = columns 16–23 of 16–39
		double s1 = 0, s1c = 0, s2 = 0, s2c = 0;
		for (int i = 0; i < a.length; i++) {
			s1 += a[i];
			s2 += b[i];
			if (b[i] > 0) s1c += a[i];
			if (a[i] > 0) s2c += b[i];
		}
		assertThat(r.mandersM1()).isCloseTo(s1c / s1, within(1e-12)).isCloseTo(8.0 / 24, within(0.02));
		assertThat(r.mandersM2()).isCloseTo(s2c / s2, within(1e-12)).isCloseTo(8.0 / 24, within(0.02));
		assertThat(r.warnings()).doesNotContain(PixelColocalisation.MANDERS_SATURATED_WARNING);
	}
}
