package io.github.myomito.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.myomito.dynamics.DynamicsResult.EventType;
import io.github.myomito.simulate.TimeLapseSettings;
import io.github.myomito.simulate.TimeLapseTruth;

/** Tracking and event detection against simulated 2D+t series with known events (see docs/dynamics.md). */
class DynamicsAnalyzerTest {

	private static TimeLapseSettings.Builder base(final long seed) {
		return TimeLapseSettings.builder().seed(seed).frames(30).frameIntervalS(2).speedUmS(0.15);
	}

	@Test
	void eventsRatesAndLinksMatchTheTruth() {
		int trueEv = 0, detected = 0, matched = 0, links = 0, correct = 0;
		for (long seed = 1; seed <= 3; seed++) {
			final DynamicsScore sc = new DynamicsScore(base(seed).fissionRate(5).fusionRate(5).build());
			trueEv += sc.trueEvents;
			detected += sc.detectedEvents;
			matched += sc.matchedEvents;
			links += sc.trueLinks;
			correct += sc.correctLinks;
			for (final EventType t : new EventType[] { EventType.FISSION, EventType.FUSION }) {
				final double truth = sc.truth.rate(TimeLapseTruth.EventType.valueOf(t.name()));
				assertEquals(truth, sc.result.rate(t), 0.1 * truth + 1e-9, "seed " + seed + " " + t + ": " + sc);
			}
		}
		assertTrue(trueEv >= 15, "too few events to score: " + trueEv);
		assertTrue(matched >= 0.9 * trueEv, "recall " + matched + "/" + trueEv);
		assertTrue(matched >= 0.9 * detected, "precision " + matched + "/" + detected);
		assertTrue(correct >= 0.95 * links, "link accuracy " + correct + "/" + links);
	}

	@Test
	void aSeriesWithoutEventsReportsNoneDespiteNoiseBleachingAndDrift() {
		final DynamicsScore sc = new DynamicsScore(base(7).fissionRate(0).fusionRate(0).bleachTauS(40).driftUmPerFrame(0.05).build());
		assertEquals(0, sc.truth.events().size());
		final double falseRate = (sc.result.count(EventType.FISSION) + sc.result.count(EventType.FUSION)) / (sc.result.meanLengthUm() / 100)
			/ (29 * 2 / 60.0);
		assertTrue(falseRate <= 0.1, "false events per 100 µm per min: " + falseRate + " (" + sc + ")");
		assertTrue(sc.linkAccuracy() >= 0.95, sc.toString());
	}

	@Test
	void fissionDominantAndFusionDominantSeriesAreToldApart() {
		for (long seed = 11; seed <= 12; seed++) {
			final DynamicsResult fis = new DynamicsScore(base(seed).fissionRate(5).fusionRate(0.5).build()).result;
			final DynamicsResult fus = new DynamicsScore(base(seed).fissionRate(0.5).fusionRate(5).build()).result;
			assertTrue(fis.rate(EventType.FISSION) > fis.rate(EventType.FUSION), "seed " + seed + " fission-dominant");
			assertTrue(fus.rate(EventType.FUSION) > fus.rate(EventType.FISSION), "seed " + seed + " fusion-dominant");
		}
	}

	@Test
	void aHelperThreadGivesTheSerialResult() {
		final io.github.myomito.simulate.TimeLapse tl = io.github.myomito.simulate.TimeLapseSimulator.simulate(base(5).frames(12).fissionRate(5).fusionRate(5).build());
		final java.util.function.IntFunction<float[]> frames = t -> {
			final short[] f = tl.frame(t);
			final float[] o = new float[f.length];
			for (int i = 0; i < f.length; i++) o[i] = f[i] & 0xffff;
			return o;
		};
		final DynamicsResult serial = DynamicsAnalyzer.analyze(frames, tl.frameCount(), tl.dims(), tl.spacing(), 2, DynamicsSettings.defaults(), null, null);
		final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
		final DynamicsResult parallel;
		try {
			parallel = DynamicsAnalyzer.analyze(frames, tl.frameCount(), tl.dims(), tl.spacing(), 2, DynamicsSettings.defaults(), null, null, pool);
		}
		finally {
			pool.shutdownNow();
		}
		assertTrue(serial.events().size() > 0, "events to compare");
		assertEquals(serial.events().size(), parallel.events().size());
		for (int k = 0; k < serial.events().size(); k++) {
			assertEquals(serial.events().get(k).type(), parallel.events().get(k).type());
			assertEquals(serial.events().get(k).frame(), parallel.events().get(k).frame());
			assertEquals(serial.events().get(k).x(), parallel.events().get(k).x());
		}
		assertEquals(serial.spots().size(), parallel.spots().size());
		for (int k = 0; k < serial.spots().size(); k++) assertEquals(serial.spots().get(k).track(), parallel.spots().get(k).track());
		assertEquals(serial.meanLengthUm(), parallel.meanLengthUm());
	}

	@Test
	void lapSolverFindsTheOptimalAssignment() {
		// 3 × 3 with a unique optimum of cost 1 + 2 + 2 = 5 (rows → columns 1, 0, 2), checked by enumeration
		final double[][] c = { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
		assertArrayEquals(new int[] { 1, 0, 2 }, Lap.solve(c));
	}

	@Test
	void bleachingFitRecoversTheDecayRate() {
		final double[] m = new double[10];
		for (int t = 0; t < m.length; t++) m[t] = 500 * Math.exp(-0.02 * t * 3);
		assertEquals(0.02, Bleaching.decayRate(m, 3), 1e-12);
	}

	/** A rod that splits at frame 3 and loses one piece at frame 4: one fission without persistence, none with p = 2. */
	@Test
	void aSplitWhosePieceVanishesTheNextFrameIsNoFissionWithPersistence() {
		final int w = 60, h = 30;
		final java.util.function.IntFunction<float[]> frames = t -> {
			final float[] f = new float[w * h];
			java.util.Arrays.fill(f, 10);
			for (int y = 13; y <= 16; y++)
				for (int x = 5; x <= 54; x++) {
					final boolean gap = t >= 3 && x >= 28 && x <= 31, gone = t >= 4 && x > 31;
					if (!gap && !gone) f[x + w * y] = 200;
				}
			return f;
		};
		final double[] sp = { 0.1, 0.1 };
		final int[] dims = { w, h };
		final DynamicsResult off = DynamicsAnalyzer.analyze(frames, 8, dims, sp, 2, DynamicsSettings.builder().persistenceFrames(1).bleachCorrection(false).build(), null, null);
		final DynamicsResult on = DynamicsAnalyzer.analyze(frames, 8, dims, sp, 2, DynamicsSettings.builder().persistenceFrames(2).bleachCorrection(false).build(), null, null);
		assertEquals(1, off.count(EventType.FISSION), "p = 1: " + off.events().size() + " events");
		assertEquals(3, off.events().get(0).frame());
		assertEquals(0, on.count(EventType.FISSION));
		assertEquals(0, on.count(EventType.FUSION));
	}
	/**
	 * Two collinear rods bridged for one frame (3) and parted again (4): a fusion then a fission at the same place
	 * without the mirrored kiss-and-run, one kiss-and-run and neither event with it.
	 */
	@Test
	void aBridgeThatPartsAgainIsOneKissAndRun() {
		final int w = 60, h = 30;
		final java.util.function.IntFunction<float[]> frames = t -> {
			final float[] f = new float[w * h];
			java.util.Arrays.fill(f, 10);
			for (int y = 13; y <= 16; y++)
				for (int x = 5; x <= 54; x++)
					if (t == 3 || x <= 27 || x >= 32) f[x + w * y] = 200;
			return f;
		};
		final double[] sp = { 0.1, 0.1 };
		final int[] dims = { w, h };
		final DynamicsResult off = DynamicsAnalyzer.analyze(frames, 8, dims, sp, 2, DynamicsSettings.builder().kissAndRunDistanceUm(0).bleachCorrection(false).build(), null, null);
		final DynamicsResult on = DynamicsAnalyzer.analyze(frames, 8, dims, sp, 2, DynamicsSettings.builder().bleachCorrection(false).build(), null, null);
		assertEquals(1, off.count(EventType.FUSION), "off: " + off.events());
		assertEquals(1, off.count(EventType.FISSION), "off: " + off.events());
		assertEquals(0, off.count(EventType.KISS_AND_RUN));
		assertEquals(1, on.count(EventType.KISS_AND_RUN), "on: " + on.events());
		assertEquals(0, on.count(EventType.FUSION));
		assertEquals(0, on.count(EventType.FISSION));
		assertEquals(3, on.events().get(0).frame());
		assertEquals(2.95, on.events().get(0).x(), 0.051); // midway between the rods' closest pixels, x = 27 and 32
	}

	/**
	 * A 50 × 4 px rod on a noisy background (7–13, uniform, seeded by the frame) with a 4 px gap at x = 28…31 in the
	 * frames that {@code cut} says.
	 */
	private static java.util.function.IntFunction<float[]> rod(final java.util.function.IntPredicate cut) {
		final int w = 60, h = 30;
		return t -> {
			final java.util.Random r = new java.util.Random(t);
			final float[] f = new float[w * h];
			for (int i = 0; i < f.length; i++) f[i] = 7 + 6 * r.nextFloat();
			for (int y = 13; y <= 16; y++)
				for (int x = 5; x <= 54; x++)
					if (!(cut.test(t) && x >= 28 && x <= 31)) f[x + w * y] = 200;
			return f;
		};
	}

	private static DynamicsResult run(final java.util.function.IntFunction<float[]> frames, final int n, final DynamicsSettings.Builder b) {
		return DynamicsAnalyzer.analyze(frames, n, new int[] { 60, 30 }, new double[] { 0.1, 0.1 }, 2, b.bleachCorrection(false).build(), null, null);
	}

	/**
	 * The rod splits at frame 3, shuts at 4 and reopens for good at 5: with the chains (k = 2) one fission at the first
	 * split, midway between the pieces' closest pixels (x = 27 and 32, 2.95 µm); without them (k = 0) the first split
	 * fails persistence (a piece gone at 4), the shutting fusion too (one parent absent at 2), and the reopening is
	 * one fission at 5.
	 */
	@Test
	void aSplitThatFlickersShutAndReopensIsOneFissionAtItsFirstFrame() {
		final java.util.function.IntFunction<float[]> frames = rod(t -> t == 3 || t >= 5);
		final DynamicsResult on = run(frames, 10, DynamicsSettings.builder());
		assertEquals(1, on.events().size(), "chains: " + on.events());
		assertEquals(EventType.FISSION, on.events().get(0).type());
		assertEquals(3, on.events().get(0).frame());
		assertEquals(2.95, on.events().get(0).x(), 0.051);
		final DynamicsResult off = run(frames, 10, DynamicsSettings.builder().kissAndRunFrames(0));
		assertEquals(1, off.events().size(), "k = 0: " + off.events());
		assertEquals(EventType.FISSION, off.events().get(0).type());
		assertEquals(5, off.events().get(0).frame());
	}

	/**
	 * A 3 × 4 px piece (segmented as 12 px, 0.12 µm²) cut off the rod's end at frame 3 for good: a 2D resolution element
	 * of FWHM 0.4 µm is (π/4)·0.4² = 0.126 µm², ⌈12.6⌉ = 13 px, so no fission; with the rule off, or FWHM 0.2 µm
	 * (0.031 µm², 4 px), one fission at frame 3.
	 */
	@Test
	void aPieceBelowOneResolutionElementMakesNoFission() {
		final int w = 60, h = 30;
		final java.util.function.IntFunction<float[]> frames = t -> {
			final java.util.Random r = new java.util.Random(t);
			final float[] f = new float[w * h];
			for (int i = 0; i < f.length; i++) f[i] = 7 + 6 * r.nextFloat();
			for (int y = 13; y <= 16; y++)
				for (int x = 5; x <= 54; x++)
					if (t < 3 || x < 48 || x > 51) f[x + w * y] = 200;
			return f;
		};
		final DynamicsResult big = run(frames, 8, DynamicsSettings.builder().psfUm(0.4));
		assertEquals(0, big.count(EventType.FISSION), "FWHM 0.4 µm: " + big.events());
		final DynamicsResult off = run(frames, 8, DynamicsSettings.builder().psfUm(0.4).minPieceElements(0));
		assertEquals(1, off.count(EventType.FISSION), "rule off: " + off.events());
		final DynamicsResult small = run(frames, 8, DynamicsSettings.builder().psfUm(0.2));
		assertEquals(1, small.count(EventType.FISSION), "FWHM 0.2 µm: " + small.events());
		assertEquals(3, small.events().get(0).frame());
	}

	/**
	 * Two rods that meet in the last frame (fusion at 7 of 8) and a rod that splits in the last frame (fission at 7):
	 * when every frame counts as faint (contrast floor 10⁶), the fusion is kept (its parents were seen apart for p
	 * frames) and the fission is not (its pieces cannot be seen to last) — unless its intensity step (≈ 1 here: the gap
	 * falls to the background) reaches {@code faintMinIntensityStep}; with the faint rule off both are kept.
	 */
	@Test
	void inAFaintLastFrameAFusionCountsAndAFissionDoesNot() {
		final java.util.function.IntFunction<float[]> fusing = rod(t -> t < 7), splitting = rod(t -> t == 7);
		assertEquals(1, run(fusing, 8, DynamicsSettings.builder().contrastFloor(1e6)).count(EventType.FUSION), "faint fusion");
		assertEquals(0, run(splitting, 8, DynamicsSettings.builder().contrastFloor(1e6).faintMinIntensityStep(Double.POSITIVE_INFINITY)).count(EventType.FISSION),
			"faint fission");
		// unless its gap is as dark as a real one (the rescue, step ≈ 1 ≥ 0.5)
		assertEquals(1, run(splitting, 8, DynamicsSettings.builder().contrastFloor(1e6)).count(EventType.FISSION), "faint fission, rescued");
		assertEquals(1, run(fusing, 8, DynamicsSettings.builder().contrastFloor(0)).count(EventType.FUSION), "fusion, rule off");
		assertEquals(1, run(splitting, 8, DynamicsSettings.builder().contrastFloor(0)).count(EventType.FISSION), "fission, rule off");
	}

	/** A 4 px high row (y = 13…16) on the noisy background of {@link #rod}, bright where {@code on(t, x)}. */
	private static java.util.function.IntFunction<float[]> row(final java.util.function.BiPredicate<Integer, Integer> on) {
		final int w = 60, h = 30;
		return t -> {
			final java.util.Random r = new java.util.Random(t);
			final float[] f = new float[w * h];
			for (int i = 0; i < f.length; i++) f[i] = 7 + 6 * r.nextFloat();
			for (int y = 13; y <= 16; y++)
				for (int x = 0; x < w; x++)
					if (on.test(t, x)) f[x + w * y] = 200;
			return f;
		};
	}

	/**
	 * A rod (x = 5…54) cut twice at frame 3, at x = 30…33 and 44…47, into pieces of 25, 10 and 7 px: two fissions at
	 * the two cuts, (29 + 34)/2 and (43 + 48)/2 px = 3.15 and 4.55 µm — the edges of the tree of touching pieces, not
	 * each piece against the one that keeps the track (the long piece and the far short one have no gap between them:
	 * their closest pixels, x = 29 and 48, are 1.9 µm apart). The reverse (the three pieces meet at frame 3) is two
	 * fusions at the same two junctions.
	 */
	@Test
	void aRodCutTwiceIsTwoFissionsAtItsTwoCutsAndThreePiecesMeetingAreTwoFusions() {
		final java.util.function.BiPredicate<Integer, Integer> rod = (t, x) -> x >= 5 && x <= 54, cuts = (t, x) -> x >= 30 && x <= 33 || x >= 44 && x <= 47;
		final DynamicsResult split = run(row((t, x) -> rod.test(t, x) && !(t >= 3 && cuts.test(t, x))), 8, DynamicsSettings.builder());
		final DynamicsResult join = run(row((t, x) -> rod.test(t, x) && !(t < 3 && cuts.test(t, x))), 8, DynamicsSettings.builder());
		for (final DynamicsResult r : new DynamicsResult[] { split, join }) {
			final EventType type = r == split ? EventType.FISSION : EventType.FUSION;
			assertEquals(2, r.events().size(), type + ": " + r.events());
			final double[] x = new double[2];
			for (int k = 0; k < 2; k++) {
				assertEquals(type, r.events().get(k).type());
				assertEquals(3, r.events().get(k).frame());
				x[k] = r.events().get(k).x();
			}
			java.util.Arrays.sort(x);
			assertArrayEquals(new double[] { 3.15, 4.55 }, x, 0.051, type + " positions");
		}
	}

	/**
	 * A rod (x = 5…34) and its neighbour (40…54) in one row: at frame 3 the rod's end piece (23…34) breaks off and, in
	 * the same frame, bridges the 5 px gap to the neighbour (35…39 bright), so that no new object appears — the rod
	 * loses 60 px and the neighbour gains 68. That is one fission at the cut, (19 + 23)/2 px = 2.1 µm, at frame 3; the
	 * piece's fusion with the neighbour is reported too (at their closest pixels of frame 2, 3.7 µm) and, when the
	 * bridge opens again at frame 5, that fusion and the reopening are one kiss-and-run. Without the transfer rule the
	 * only event would be the reopening: a fission at frame 5 at 3.7 µm, two frames late and 1.6 µm off.
	 */
	@Test
	void aPieceThatBreaksOffAndJoinsItsNeighbourInOneFrameIsAFissionAtTheCut() {
		final java.util.function.BiPredicate<Integer, Integer> before = (t, x) -> x >= 5 && x <= 34 || x >= 40 && x <= 54;
		final java.util.function.BiPredicate<Integer, Integer> after = (t, x) -> x >= 5 && x <= 19 || x >= 23 && x <= 54;
		final DynamicsResult reopened = run(row((t, x) -> t < 3 ? before.test(t, x) : t < 5 ? after.test(t, x) : after.test(t, x) && !(x >= 35 && x <= 39)), 10,
			DynamicsSettings.builder());
		assertEquals(1, reopened.count(EventType.FISSION), "reopened: " + reopened.events());
		assertEquals(0, reopened.count(EventType.FUSION), "reopened: " + reopened.events());
		assertEquals(1, reopened.count(EventType.KISS_AND_RUN), "reopened: " + reopened.events());
		for (final DynamicsResult.Event e : reopened.events()) {
			assertEquals(3, e.frame());
			assertEquals(e.type() == EventType.FISSION ? 2.1 : 3.7, e.x(), 0.051, e.toString());
		}
		final DynamicsResult stays = run(row((t, x) -> t < 3 ? before.test(t, x) : after.test(t, x)), 10, DynamicsSettings.builder());
		assertEquals(2, stays.events().size(), "stays: " + stays.events());
		for (final DynamicsResult.Event e : stays.events()) {
			assertEquals(3, e.frame());
			assertEquals(e.type() == EventType.FISSION ? 2.1 : 3.7, e.x(), 0.051, e.toString());
		}
		assertEquals(1, stays.count(EventType.FISSION));
		assertEquals(1, stays.count(EventType.FUSION));
	}

	/**
	 * The intensity step, analytically: a 60 × 30 frame of 10 with a rod of 200 (x = 5…54, y = 13…16; median 10, the
	 * rod's p90 200) against the same frame with the rod cut at x = 28…31. Sampled at the cut (x = 2.95, y = 1.45 µm: the
	 * 3 × 3 pixels x = 28…30, y = 13…15): a cut to the background is a step of (190 − 0)/190 = 1; a cut only to 150 is
	 * (190 − 140)/190 = 0.263, below the default 0.35. The scale is the object's, not the frame's: the same with a frame
	 * of which the rod is only 0.5 % (a 200 × 200 frame).
	 */
	@Test
	void theIntensityStepIsTheChangeAtTheSiteInUnitsOfTheJoinedObjectsBrightness() {
		for (final int w : new int[] { 60, 200 }) {
			final int h = w == 60 ? 30 : 200;
			final java.util.function.IntFunction<float[]> frame = gap -> {
				final float[] f = new float[w * h];
				java.util.Arrays.fill(f, 10);
				for (int y = 13; y <= 16; y++)
					for (int x = 5; x <= 54; x++) f[x + w * y] = x >= 28 && x <= 31 ? gap : 200;
				return f;
			};
			final int[] rod = new int[4 * 50];
			for (int y = 13, k = 0; y <= 16; y++)
				for (int x = 5; x <= 54; x++) rod[k++] = x + w * y;
			final double[] at = { 2.95, 1.45, 0 }, sp = { 0.1, 0.1 };
			final int[] dims = { w, h };
			assertEquals(1.0, DynamicsAnalyzer.intensityStep(frame.apply(200), 10, rod, frame.apply(10), 10, at, dims, sp), 1e-9, "w " + w);
			assertEquals(1 - 140 / 190.0, DynamicsAnalyzer.intensityStep(frame.apply(200), 10, rod, frame.apply(150), 10, at, dims, sp), 1e-9, "w " + w);
			assertTrue(Double.isNaN(DynamicsAnalyzer.intensityStep(frame.apply(200), 200, rod, frame.apply(10), 10, at, dims, sp)), "object not above the median");
		}
		// end to end: the rod of the noisy series cut for good at frame 3 (background 7–13, so the step is about 1)
		final DynamicsResult r = run(rod(t -> t >= 3), 8, DynamicsSettings.builder());
		assertEquals(1, r.events().size(), r.events().toString());
		assertEquals(1.0, r.events().get(0).intensityStep(), 0.05);
	}

	/**
	 * The step rule on the linking's raw events: track 1 in frames 0–7 splits at frame 3 into 1 and 2 (both present to
	 * the end, 100 voxels each): with a step of 0.2 the fission is dropped by the default rule (0.35), kept with the
	 * rule off, with a step of 0.6, or with no step measured (NaN).
	 */
	@Test
	void aFissionWhoseSiteBarelyChangesIsNoEvent() {
		final java.util.List<DynamicsResult.Spot> spots = new java.util.ArrayList<>();
		for (int t = 0; t < 8; t++) {
			spots.add(new DynamicsResult.Spot(t, 1, 1, new int[] { 1 }, 1, 1, 0, 100));
			if (t >= 3) spots.add(new DynamicsResult.Spot(t, 2, 2, new int[] { 1 }, 3, 1, 0, 100));
		}
		final boolean[] faint = new boolean[8];
		final double[] sp = { 0.1, 0.1 };
		final java.util.function.DoubleFunction<java.util.List<DynamicsResult.Event>> raw = step -> java.util.List.of(
			new DynamicsResult.Event(EventType.FISSION, 3, 6, 2, 1, 0, new int[] { 1 }, new int[] { 1, 2 }, 0.9, step));
		final DynamicsSettings on = DynamicsSettings.builder().build(), off = DynamicsSettings.builder().minIntensityStep(0).build();
		assertEquals(0, DynamicsAnalyzer.postProcess(raw.apply(0.2), spots, 8, sp, on, faint).size());
		assertEquals(1, DynamicsAnalyzer.postProcess(raw.apply(0.2), spots, 8, sp, off, faint).size());
		assertEquals(1, DynamicsAnalyzer.postProcess(raw.apply(0.6), spots, 8, sp, on, faint).size());
		assertEquals(1, DynamicsAnalyzer.postProcess(raw.apply(Double.NaN), spots, 8, sp, on, faint).size());
	}
}
