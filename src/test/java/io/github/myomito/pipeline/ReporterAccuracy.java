package io.github.myomito.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.myomito.cli.ReporterChainGrid;
import io.github.myomito.image.Pixels;
import io.github.myomito.reporter.FibreTypeCaller;
import io.github.myomito.reporter.FibreTypeSettings;
import io.github.myomito.reporter.MarkerIntensity;
import io.github.myomito.reporter.MitolysosomeDetector;
import io.github.myomito.reporter.Reporter;
import io.github.myomito.reporter.ReporterSettings;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.ReporterPhantom;
import io.github.myomito.simulate.ReporterSimulator;

/**
 * The "Mitophagy reporters and fibre type" section of docs/accuracy.md (#15), part of {@link AccuracyReport}.
 * Not a test. {@code main(seeds, file)} regenerates only this section in an existing report (it replaces the
 * section, or inserts it before "## Notes").
 */
public final class ReporterAccuracy {

	private ReporterAccuracy() {}

	static final String HEADING = "## Mitophagy reporters and fibre type";
	static final double[] LEVELS = { 2, 4, 6, 8, 10 };

	/** @return the section's Markdown */
	static String section(final int seeds) throws IOException {
		final StringBuilder md = new StringBuilder("\n" + HEADING + "\n\n")
			.append("Reporter phantoms (`simulate --reporter`, `simulate.ReporterSimulator`): oxidative-lattice (even seeds) and glycolytic-fragmented ")
			.append("(odd seeds) fibres of 30 × 20 µm with mitolysosomes at the given density, GFP quenching (mito-QC) or the 561/440 nm excitation shift ")
			.append("(mt-Keima), bleed-through, PSF, Poisson and read noise; `reporter.MitolysosomeDetector` with its defaults on the fibre footprint. ")
			.append(seeds).append(" seeds per level; count error = |detected − true| / true. These phantoms are the easy case: mitolysosomes are ")
			.append("balls of 0.25–0.4 µm at least 0.6 µm apart edge to edge, with a 11-fold (mito-QC) or 30-fold (mt-Keima) ratio rise; touching ")
			.append("puncta, dim or uneven reporter expression, partial quenching and autofluorescent lipofuscin are not modelled.\n\n")
			.append("| reporter | mitolysosomes /100 µm² | true (total) | detected (total) | worst count error | seeds ranked right |\n|---|---|---|---|---|---|\n");
		for (final Reporter r : Reporter.values()) {
			final ReporterSettings rs = ReporterSettings.builder(r, 1, 2).build();
			final int[][] found = new int[seeds][LEVELS.length];
			for (int li = 0; li < LEVELS.length; li++) {
				int tt = 0, tf = 0;
				double worst = 0;
				for (int seed = 1; seed <= seeds; seed++) {
					final ReporterPhantom ph = ReporterSimulator.simulate(settings(seed), r, LEVELS[li], false);
					final int t = ph.truth().mitolysosomes().size(), f = detect(ph, rs);
					found[seed - 1][li] = f;
					tt += t;
					tf += f;
					worst = Math.max(worst, Math.abs(f - t) / (double) t);
				}
				int ranked = 0;
				if (li == LEVELS.length - 1)
					for (int s = 0; s < seeds; s++) {
						boolean ok = true;
						for (int k = 1; k < LEVELS.length; k++) ok &= found[s][k] > found[s][k - 1];
						if (ok) ranked++;
					}
				md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %.3f | %s |\n", r.id(), LEVELS[li], tt, tf, worst,
					li == LEVELS.length - 1 ? ranked + " / " + seeds : ""));
			}
			int falses = 0;
			double area = 0;
			for (int seed = 1; seed <= seeds; seed++) {
				final ReporterPhantom ph = ReporterSimulator.simulate(settings(seed), r, 0, false);
				falses += detect(ph, rs);
				area += ph.truth().fibreAreaUm2();
			}
			md.append(String.format(Locale.ROOT, "| %s | 0 (no acid puncta) | 0 | %d | %.2f false per 1,000 µm² of fibre | |\n", r.id(), falses, falses / area * 1000));
		}
		final int n = 4 * seeds;
		final double[] marker = new double[n];
		final String[] truth = new String[n];
		for (int i = 0; i < n; i++) {
			final PhantomSettings s = PhantomSettings.forPattern(i % 2 == 0 ? Pattern.OXIDATIVE_LATTICE : Pattern.GLYCOLYTIC_FRAGMENTED).toBuilder().seed(100 + i)
				.fibreWidthUm(12).fibreLengthUm(16).build();
			final ReporterPhantom ph = ReporterSimulator.simulate(s, null, 0, true);
			final float[] m = Pixels.floats(ph.image().channel(2));
			final byte[] fibre = ph.network().fibreMask();
			final int[] labels = new int[fibre.length];
			for (int k = 0; k < fibre.length; k++) labels[k] = fibre[k];
			marker[i] = MarkerIntensity.measure(m, fibre, MarkerIntensity.background(m, fibre.length, labels)).mean();
			truth[i] = ph.truth().fibreType();
		}
		final String[] c = FibreTypeCaller.call(marker, FibreTypeSettings.of(3, 2, null));
		int right = 0;
		for (int i = 0; i < n; i++) if (c[i].equals(truth[i])) right++;
		md.append(String.format(Locale.ROOT, "%nFibre-type marker (`simulate --fibre-type-marker`: oxidative fibres 120, glycolytic 40 photons/pixel, ×exp(0.25·Z) per fibre): "
			+ "a mixed batch of %d fibres (half oxidative-lattice, half glycolytic-fragmented, 16 × 12 µm) called by `reporter.FibreTypeCaller` "
			+ "(optimal 2-class split of the background-corrected mean marker, Ashman's D ≥ 3): **%d / %d right (%.1f %%)**.%n", n, right, n, 100.0 * right / n));
		md.append("\nThe first table runs the detector on the phantom's true fibre footprint. ");
		final Path tmp = Files.createTempDirectory("myomito-reporter-chain");
		try {
			md.append(ReporterChainGrid.markdown(seeds, tmp));
		}
		finally {
			deleteTree(tmp);
		}
		md.append(FIJI_DOORS);
		return md.toString();
	}

	/**
	 * The Fiji doors' whole-chain numbers, measured by {@code fiji.ReporterMacrosTest} (which asserts them; it
	 * prints the counts) and kept here as text so that regenerating the section keeps them.
	 */
	static final String FIJI_DOORS = String.join("\n", "",
		"Through the Fiji doors (`fiji.ReporterMacrosTest`, images and truth JSON from `myomito simulate --reporter`, the whole image as the fibre,",
		"objective threshold): Analyze Mitochondrial Network 36 / 36 (mito-QC, oxidative-lattice seed 3, 6 per 100 µm²) and",
		"36 / 36 (mt-Keima, glycolytic-fragmented seed 4); Mitophagy Reporter 48 / 48 (mt-Keima, oxidative-lattice seed 5,",
		"8 per 100 µm²; every true mitolysosome has a detection within its radius); Batch Analyze Folder on 8 mito-QC images",
		"(2–9 per 100 µm², alternating patterns, seeds 20–27) 264 found / 264 true and fibre types 8 / 8 right; every table",
		"equal to `myomito analyze`'s cell for cell. Network type vs marker fibre type (report.html, `FibreTypeConcordanceTest`:",
		"10 fibres, 5 oxidative-lattice and 5 glycolytic-fragmented, seeds 40–49): marker calls 9 / 10 right; the confusion table",
		"type-I × oxidative-lattice 4, type-II × glycolytic-fragmented 5, type-II × oxidative-lattice 1, concordance 9 / 10 (the",
		"one discordant fibre is a marker miscall, not a network miscall).", "",
		"This section alone: `mvn -o -q test-compile && mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath &&",
		"java -cp \"target/test-classes:target/classes:$(cat target/test.classpath)\" io.github.myomito.pipeline.ReporterAccuracy 10 docs/accuracy.md`",
		"(about 45 s; the whole report: `bash docs/make-accuracy.sh`).", "");

	private static void deleteTree(final Path dir) throws IOException {
		try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
		}
	}

	static PhantomSettings settings(final int seed) {
		return PhantomSettings.forPattern(seed % 2 == 0 ? Pattern.OXIDATIVE_LATTICE : Pattern.GLYCOLYTIC_FRAGMENTED).toBuilder().seed(seed).build();
	}

	static int detect(final ReporterPhantom ph, final ReporterSettings rs) {
		final float[] a = Pixels.floats(ph.image().channel(0)), n = Pixels.floats(ph.image().channel(1));
		return MitolysosomeDetector.detect(a, n, ph.network().dims(), ph.image().spacing(), ph.network().fibreMask(), null, rs).count();
	}

	/** {@code ReporterAccuracy SEEDS docs/accuracy.md}: regenerates this section only. */
	public static void main(final String[] args) throws IOException {
		final int seeds = Integer.parseInt(args[0]);
		final Path f = Path.of(args[1]);
		String doc = Files.readString(f);
		final String sec = section(seeds);
		final int at = doc.indexOf("\n" + HEADING + "\n");
		if (at >= 0) {
			final int end = doc.indexOf("\n## ", at + 2);
			doc = doc.substring(0, at) + sec + (end < 0 ? "" : doc.substring(end));
		}
		else {
			final int notes = doc.indexOf("\n## Notes");
			doc = notes < 0 ? doc + sec : doc.substring(0, notes) + sec + doc.substring(notes);
		}
		Files.writeString(f, doc);
		System.out.print(sec);
	}
}
