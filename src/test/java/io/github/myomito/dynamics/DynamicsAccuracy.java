package io.github.myomito.dynamics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import io.github.myomito.dynamics.DynamicsResult.EventType;
import io.github.myomito.simulate.TimeLapseSettings;
import io.github.myomito.simulate.TimeLapseTruth;

/**
 * The accuracy sweep behind docs/dynamics.md: for each setting and seed a simulated series is analysed
 * by {@link DynamicsAnalyzer} and scored by {@link DynamicsScore}. Shared by {@link DynamicsAccuracyTest}
 * (which asserts the thresholds) and {@link #main} (which prints the Markdown table:
 * {@code bash docs/make-dynamics.sh}).
 */
public final class DynamicsAccuracy {

	/** One setting of the sweep: a name and the series of a seed. */
	static final class Setting {
		final String name;
		final LongFunction<TimeLapseSettings> series;

		Setting(final String name, final LongFunction<TimeLapseSettings> series) {
			this.name = name;
			this.series = series;
		}
	}

	/** Pooled scores of one setting over its seeds. */
	static final class Pooled {
		final String name;
		int seeds, trueEvents, detected, matched, trueLinks, correctLinks, ratesWithin10, rateCases;
		long trueFission, trueFusion, measuredFission, measuredFusion;
		double falseRateSum, falseRateMax, maxRateError;
		final List<String> worst = new ArrayList<>();

		Pooled(final String name) { this.name = name; }

		double recall() { return trueEvents == 0 ? Double.NaN : matched / (double) trueEvents; }
		double precision() { return detected == 0 ? Double.NaN : matched / (double) detected; }
		double links() { return correctLinks / (double) trueLinks; }
		double pooledRateError(final boolean fission) {
			final long t = fission ? trueFission : trueFusion, m = fission ? measuredFission : measuredFusion;
			return t == 0 ? Double.NaN : Math.abs(m - t) / (double) t;
		}
	}

	private DynamicsAccuracy() {}

	/** 30 frames of 2 s (about 1 min), the analyzer's defaults; 0.15 µm/s = 0.3 µm per frame. */
	static TimeLapseSettings.Builder base(final long seed, final int z) {
		return TimeLapseSettings.builder().seed(seed).frames(30).frameIntervalS(2).speedUmS(0.15).zSlices(z);
	}

	/** The event settings: rates 0.5, 2 and 5 per 100 µm per min, 2D (z = 1) or 3D (z = 5 slices of 0.3 µm). */
	static List<Setting> eventSettings(final int z) {
		final List<Setting> out = new ArrayList<>();
		final String d = z > 1 ? "3D" : "2D";
		for (final double r : new double[] { 0.5, 2, 5 })
			out.add(new Setting(d + ", fission = fusion = " + fmt(r), seed -> base(seed, z).fissionRate(r).fusionRate(r).build()));
		out.add(new Setting(d + ", hyperfused, fission = fusion = 5", seed -> base(seed, z).morphology(TimeLapseSettings.Morphology.HYPERFUSED).fissionRate(5).fusionRate(5).build()));
		return out;
	}

	/** No events: noise, bleaching (τ = 40 s) and drift (0.05 µm per frame). */
	static Setting noEvents(final int z) {
		return new Setting((z > 1 ? "3D" : "2D") + ", no events, bleaching τ 40 s, drift 0.05 µm/frame",
			seed -> base(seed, z).fissionRate(0).fusionRate(0).bleachTauS(40).driftUmPerFrame(0.05).build());
	}

	static Pooled score(final Setting s, final long firstSeed, final int seeds) {
		final Pooled p = new Pooled(s.name);
		// the seeds in parallel (the simulator and the analyzer share no state), pooled in seed order
		final List<DynamicsScore> scores = java.util.stream.LongStream.range(firstSeed, firstSeed + seeds).boxed().parallel()
			.map(seed -> new DynamicsScore(s.series.apply(seed), settings(s.series.apply(seed)))).collect(java.util.stream.Collectors.toList());
		for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
			final TimeLapseSettings ts = s.series.apply(seed);
			final DynamicsScore sc = scores.get((int) (seed - firstSeed));
			p.seeds++;
			p.trueEvents += sc.trueEvents;
			p.detected += sc.detectedEvents;
			p.matched += sc.matchedEvents;
			p.trueLinks += sc.trueLinks;
			p.correctLinks += sc.correctLinks;
			p.trueFission += sc.truth.count(TimeLapseTruth.EventType.FISSION);
			p.trueFusion += sc.truth.count(TimeLapseTruth.EventType.FUSION);
			p.measuredFission += sc.result.count(EventType.FISSION);
			p.measuredFusion += sc.result.count(EventType.FUSION);
			for (final EventType t : new EventType[] { EventType.FISSION, EventType.FUSION }) {
				final double truth = sc.truth.rate(TimeLapseTruth.EventType.valueOf(t.name())), m = sc.result.rate(t);
				if (truth > 0) {
					p.rateCases++;
					final double e = Math.abs(m - truth) / truth;
					if (e <= 0.1) p.ratesWithin10++;
					p.maxRateError = Math.max(p.maxRateError, e);
				}
			}
			final double minutes = (ts.frames() - 1) * ts.frameIntervalS() / 60;
			final double falseRate = (sc.detectedEvents - sc.matchedEvents) / (sc.result.meanLengthUm() / 100) / minutes;
			p.falseRateSum += falseRate;
			p.falseRateMax = Math.max(p.falseRateMax, falseRate);
			if (sc.detectedEvents != sc.matchedEvents || sc.trueEvents != sc.matchedEvents) p.worst.add("seed " + seed + ": " + sc);
		}
		return p;
	}

	/** Series (fibres) per batch in {@link #separation}. */
	static final int BATCH = 3;

	private static long[] counts(final TimeLapseSettings ts) {
		final DynamicsScore sc = new DynamicsScore(ts, settings(ts));
		return new long[] { sc.result.count(EventType.FISSION), sc.result.count(EventType.FUSION), sc.truth.count(TimeLapseTruth.EventType.FISSION),
			sc.truth.count(TimeLapseTruth.EventType.FUSION) };
	}

	private static void add(final long[] acc, final long[] c) {
		for (int i = 0; i < 4; i++) acc[i] += c[i];
	}

	/**
	 * The analyzer's settings as {@code analyze} builds them for this series (the same method,
	 * {@code SeriesFrames.dynamicsSettings}: defaults, stacks deconvolved along z), with the phantom's PSF given (as
	 * {@code --psf-um}, {@code --psf-z-um}).
	 */
	static DynamicsSettings settings(final TimeLapseSettings ts) {
		final double fwhm = io.github.myomito.pipeline.AnalysisSettings.FWHM_PER_SIGMA;
		final int[] dims = ts.zSlices() > 1 ? new int[] { 8, 8, ts.zSlices() } : new int[] { 8, 8 };
		return io.github.myomito.image.ij.SeriesFrames.dynamicsSettings(io.github.myomito.pipeline.AnalysisSettings.builder().psfUm(fwhm * ts.psfSigmaUm())
			.psfAxialUm(fwhm * ts.psfSigmaZUm()).build(), dims);
	}

	/**
	 * Fission-dominant (5 vs 0.5) against fusion-dominant (0.5 vs 5) batches of {@value #BATCH} series each,
	 * per seed: told apart when the measured fission/fusion order is right in both batches.
	 */
	static int[] separation(final int z, final long firstSeed, final int seeds, final List<String> failures) {
		int ok = 0;
		// every series of every batch in parallel (k = 0 … BATCH−1 fission-dominant, BATCH … 2·BATCH−1 fusion-dominant)
		final List<long[]> counts = java.util.stream.LongStream.range(0, (long) seeds * 2 * BATCH).boxed().parallel().map(i -> {
			final long seed = firstSeed + i / (2 * BATCH);
			final int k = (int) (i % (2 * BATCH));
			final boolean fissionDominant = k < BATCH;
			return counts(base(seed * 100 + k % BATCH, z).fissionRate(fissionDominant ? 5 : 0.5).fusionRate(fissionDominant ? 0.5 : 5).build());
		}).collect(java.util.stream.Collectors.toList());
		for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
			// a batch: three fibres (series) per condition, their events pooled
			final long[] fis = new long[4], fus = new long[4]; // measured fission, fusion, true fission, true fusion
			for (int k = 0; k < BATCH; k++) {
				add(fis, counts.get((int) ((seed - firstSeed) * 2 * BATCH + k)));
				add(fus, counts.get((int) ((seed - firstSeed) * 2 * BATCH + BATCH + k)));
			}
			if (fis[0] > fis[1] && fus[1] > fus[0]) ok++;
			else failures.add("seed " + seed + ": fission-dominant batch " + fis[0] + " fission / " + fis[1] + " fusion (truth " + fis[2] + " / " + fis[3]
				+ "), fusion-dominant batch " + fus[0] + " / " + fus[1] + " (truth " + fus[2] + " / " + fus[3] + ")");
		}
		return new int[] { ok, seeds };
	}

	static String fmt(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

	static String pct(final double v) {
		return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
	}

	/** @param args seeds per setting (default 10), output file (default: stdout) */
	public static void main(final String[] args) throws IOException {
		final int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		final StringBuilder md = new StringBuilder();
		final StringBuilder notes = new StringBuilder();
		md.append("| setting | seeds | true events | detected | recall | precision | fission count (measured/true) | fusion count | rates within 10 % (per seed) | link accuracy | false events /100 µm/min (mean, max) |\n")
			.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (final int z : new int[] { 1, 5 }) {
			final List<Setting> all = new ArrayList<>(eventSettings(z));
			all.add(noEvents(z));
			for (final Setting s : all) {
				final Pooled p = score(s, 1, seeds);
				md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %d/%d | %d/%d | %d/%d | %s | %.3f, %.3f |%n", p.name, p.seeds, p.trueEvents, p.detected,
					pct(p.recall()), pct(p.precision()), p.measuredFission, p.trueFission, p.measuredFusion, p.trueFusion, p.ratesWithin10, p.rateCases, pct(p.links()),
					p.falseRateSum / p.seeds, p.falseRateMax));
				for (final String w : p.worst) notes.append("- ").append(p.name).append(", ").append(w).append('\n');
				System.err.println(p.name + " done");
			}
		}
		md.append("\n| fission-dominant (5 / 0.5) vs fusion-dominant (0.5 / 5) | seeds told apart |\n|---|---|\n");
		for (final int z : new int[] { 1, 5 }) {
			final List<String> f = new ArrayList<>();
			final int[] r = separation(z, 101, seeds, f);
			md.append("| ").append(z > 1 ? "3D" : "2D").append(" | ").append(r[0]).append(" / ").append(r[1]).append(" |\n");
			for (final String w : f) notes.append("- separation ").append(z > 1 ? "3D" : "2D").append(", ").append(w).append('\n');
		}
		md.append("\nSeeds with any missed or extra event:\n\n").append(notes.length() == 0 ? "(none)\n" : notes);
		if (args.length > 1) Files.writeString(Path.of(args[1]), md, StandardCharsets.UTF_8);
		else System.out.print(md);
	}
}
