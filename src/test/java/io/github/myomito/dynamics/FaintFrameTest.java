package io.github.myomito.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.github.myomito.dynamics.DynamicsResult.EventType;

/**
 * The faint-frame rule ({@link DynamicsSettings#contrastFloor()}): an event in a frame whose raw contrast
 * {@code (p99 − median)/σ_MAD} is below the floor must be confirmed over its whole persistence window inside the
 * series, so a split in the last frame of a faint series is dropped, while the same split in a bright series (and in
 * a faint one with the rule off) is kept unconfirmed, as the clipped window allows.
 */
class FaintFrameTest {

	private static final int W = 200, H = 200, N = 8;

	/**
	 * A 50 × 4 px rod (amplitude 400 over a background of 100 with Gaussian noise σ = 10) that is cut by a 4 px gap
	 * from frame {@code splitAt} on. With {@code padRows} &gt; 0 a stationary bright block of padRows × 100 px keeps
	 * more than 1 % of the pixels bright, so that p99 lies on an object and the frame is not faint; without it the rod
	 * is 0.5 % of the 40,000 pixels, p99 is a noise value and the contrast is about 2.6.
	 */
	private static IntFunction<float[]> series(final int splitAt, final int padRows) {
		return t -> {
			final Random r = new Random(1000 + t);
			final float[] f = new float[W * H];
			for (int i = 0; i < f.length; i++) f[i] = (float) (100 + 10 * r.nextGaussian());
			for (int y = 98; y <= 101; y++)
				for (int x = 75; x <= 124; x++)
					if (t < splitAt || x < 98 || x > 101) f[x + W * y] += 400;
			for (int y = 20; y < 20 + padRows; y++)
				for (int x = 50; x < 150; x++) f[x + W * y] += 400;
			return f;
		};
	}

	/** With the step rescue off ({@code faintMinIntensityStep} +∞): the faint-frame rule alone. */
	private static DynamicsResult run(final IntFunction<float[]> frames, final double contrastFloor, final int faintPersistence) {
		return run(frames, contrastFloor, faintPersistence, Double.POSITIVE_INFINITY);
	}

	private static DynamicsResult run(final IntFunction<float[]> frames, final double contrastFloor, final int faintPersistence, final double rescue) {
		return DynamicsAnalyzer.analyze(frames, N, new int[] { W, H }, new double[] { 0.1, 0.1 }, 2, DynamicsSettings.builder().bleachCorrection(false)
			.contrastFloor(contrastFloor).faintPersistenceFrames(faintPersistence).faintMinIntensityStep(rescue).build(), null, null);
	}

	@Test
	void theContrastOfTheSeriesIsWhatTheTestAssumes() {
		// faint: the rod's 200 px are the top 0.5 % of the pixels, so p99 is the noise quantile that leaves 0.5 % of the
		// 39,800 noise pixels above it: median + Φ⁻¹(1 − 0.005/0.995) σ = median + 2.575 σ
		final double faint = NoiseFloor.of(series(N - 1, 0).apply(N - 1)).contrast();
		assertEquals(2.575, faint, 0.1);
		// bright: with the 6 × 100 px block 1.5 % + 0.5 % of the pixels are ≈ 400 above the background, so p99 is ≈ 40 σ
		final double bright = NoiseFloor.of(series(N - 1, 6).apply(N - 1)).contrast();
		assertTrue(bright > 30, "bright contrast " + bright);
	}

	@Test
	void aSplitInTheLastFaintFrameIsDroppedAndKeptWithTheRuleOff() {
		final IntFunction<float[]> last = series(N - 1, 0);
		final DynamicsResult off = run(last, 0, 2);
		assertEquals(1, off.count(EventType.FISSION), "rule off: " + off.events());
		assertEquals(N - 1, off.events().get(0).frame());
		assertEquals(9.95, off.events().get(0).x(), 0.051); // midway between the pieces' closest pixels, x = 97 and 102
		assertEquals(9.95, off.events().get(0).y(), 0.051);
		final DynamicsResult on = run(last, 6, 2);
		assertEquals(0, on.count(EventType.FISSION), "rule on (contrast floor 6): " + on.events());
		assertEquals(0, on.count(EventType.FUSION));
		// the rescue: the 4 px gap falls to the background, 400 below the rod (step ≈ 1 ≥ 0.5), so the default keeps it
		final DynamicsResult rescued = run(last, 6, 2, DynamicsSettings.defaults().faintMinIntensityStep());
		assertEquals(1, rescued.count(EventType.FISSION), "rule on, rescue 0.5: " + rescued.events());
		assertEquals(1.0, rescued.events().get(0).intensityStep(), 0.15);
		assertEquals(0, run(last, 6, 2, 1.5).count(EventType.FISSION), "rescue 1.5");
	}

	@Test
	void aSplitInTheLastBrightFrameIsKept() {
		final DynamicsResult on = run(series(N - 1, 6), 6, 2);
		assertEquals(1, on.count(EventType.FISSION), "bright frame, rule on: " + on.events());
		assertEquals(N - 1, on.events().get(0).frame());
	}

	@Test
	void aConfirmedSplitInAFaintFrameIsKeptAndTheLongerFaintWindowIsApplied() {
		// split at frame N − 2: confirmed in N − 2 and N − 1, the p = 2 window lies inside the series
		final IntFunction<float[]> s = series(N - 2, 0);
		final DynamicsResult p2 = run(s, 6, 2);
		assertEquals(1, p2.count(EventType.FISSION), "faint, p = 2: " + p2.events());
		assertEquals(N - 2, p2.events().get(0).frame());
		// a faint window of 3 frames would need frame N, past the series' end: dropped; with the rule off it is kept
		assertEquals(0, run(s, 6, 3).count(EventType.FISSION));
		assertEquals(1, run(s, 0, 3).count(EventType.FISSION));
		// a split at frame 4 is confirmed over 4 … 6 inside the series: kept with the faint window of 3
		assertEquals(1, run(series(4, 0), 6, 3).count(EventType.FISSION));
	}
}
