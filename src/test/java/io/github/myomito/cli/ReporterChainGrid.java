package io.github.myomito.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.myomito.reporter.Reporter;

/**
 * The reporter phantom grid through the whole chain (#15 "Done when"): {@code myomito simulate --reporter}
 * writes the images and their truth JSON, one {@code myomito analyze DIR --fibres auto --reporter …} run
 * analyses the folder (fibre detection, network chain, mitolysosomes per fibre), and each fibre's
 * {@code mitolysosomes} (fibres.csv) and positions (mitolysosomes.csv) are compared with the truth JSON.
 * Test support for {@link ReporterChainAccuracyTest} and the docs/accuracy.md generator
 * ({@code pipeline.ReporterAccuracy}); not a test.
 * <p>
 * Seeds 1..n, oxidative-lattice for even and glycolytic-fragmented for odd seeds; levels
 * {@link #LEVELS} per 100 µm² on 16 × 12 µm fibres ({@link Cli#SMALL}); the no-acid-puncta images
 * ({@code --mitolysosomes 0}) are the simulator's default 30 × 20 µm fibres. A true mitolysosome is matched
 * when a detection's centroid lies within its radius (one to one, nearest first).
 */
public final class ReporterChainGrid {

	private ReporterChainGrid() {}

	/** Mitolysosome levels, per 100 µm² of fibre. */
	public static final double[] LEVELS = { 2, 4, 6, 8, 10 };
	/** Fibre size of the no-acid-puncta images. */
	static final String[] ZERO_SIZE = { "--width-um", "20", "--length-um", "30" };

	/** One analysed image against its truth. */
	public static final class Image {
		/** seed */
		public final int seed;
		/** level, per 100 µm² (0 = no acid puncta) */
		public final double level;
		/** true mitolysosomes */
		public final int truth;
		/** mitolysosomes of the image's fibres (fibres.csv, region all) */
		public final int found;
		/** true mitolysosomes with a detection within their radius (one to one) */
		public final int matched;
		/** fibres found in the image */
		public final int fibres;
		/** true fibre area, µm² */
		public final double fibreAreaUm2;

		Image(final int seed, final double level, final int truth, final int found, final int matched, final int fibres, final double fibreAreaUm2) {
			this.seed = seed;
			this.level = level;
			this.truth = truth;
			this.found = found;
			this.matched = matched;
			this.fibres = fibres;
			this.fibreAreaUm2 = fibreAreaUm2;
		}

		/** @return |found − truth| / truth */
		public double error() {
			return Math.abs(found - truth) / (double) truth;
		}

		@Override
		public String toString() {
			return "seed " + seed + " level " + level + ": " + found + " found (" + matched + " matched) of " + truth + " true in " + fibres + " fibre(s)";
		}
	}

	/** @return the CLI's channel options of a reporter: acid then neutral */
	static String[] channelOptions(final Reporter r) {
		return r == Reporter.MITO_QC ? new String[] { "--red-channel", "--green-channel" } : new String[] { "--acid-channel", "--neutral-channel" };
	}

	static String name(final int seed, final double level) {
		return String.format(Locale.ROOT, "s%02d_l%02d.tif", seed, (int) level);
	}

	/**
	 * Simulates the grid of one reporter in {@code dir/in}, analyses it into {@code dir/out} and compares.
	 *
	 * @param r reporter
	 * @param seeds seeds per level
	 * @param dir an empty working folder
	 * @return one entry per image: seeds × levels (seed-major), then the seeds at level 0
	 */
	public static List<Image> run(final Reporter r, final int seeds, final Path dir) throws IOException {
		final Path in = dir.resolve("in"), out = dir.resolve("out");
		Files.createDirectories(in);
		for (int seed = 1; seed <= seeds; seed++) {
			final String pattern = seed % 2 == 0 ? "oxidative-lattice" : "glycolytic-fragmented";
			for (final double level : LEVELS)
				simulate(in.resolve(name(seed, level)), pattern, seed, r, level, Cli.SMALL);
			simulate(in.resolve(name(seed, 0)), pattern, seed, r, 0, ZERO_SIZE);
		}
		final String[] ch = channelOptions(r);
		Cli.ok("analyze", in, "--out", out, "--fibres", "auto", "--reporter", r.id(), ch[0], 1, ch[1], 2, "--threads", 2, "--no-progress");
		final Cli.Csv fibres = Cli.csv(out.resolve("fibres.csv")), lyso = Cli.csv(out.resolve("mitolysosomes.csv"));
		final Map<String, int[]> perFile = new HashMap<>();
		for (int i = 0; i < fibres.rows.size(); i++) {
			if (!"all".equals(fibres.get(i, "region"))) continue;
			final int[] c = perFile.computeIfAbsent(Path.of(fibres.get(i, "file")).getFileName().toString(), k -> new int[2]);
			c[0] += Integer.parseInt(fibres.get(i, "mitolysosomes"));
			c[1]++;
		}
		final Map<String, List<double[]>> spots = new HashMap<>();
		for (int i = 0; i < lyso.rows.size(); i++)
			spots.computeIfAbsent(Path.of(lyso.get(i, "file")).getFileName().toString(), k -> new ArrayList<>())
				.add(new double[] { Double.parseDouble(lyso.get(i, "x_um")), Double.parseDouble(lyso.get(i, "y_um")) });
		final List<Image> res = new ArrayList<>();
		for (int seed = 1; seed <= seeds; seed++)
			for (final double level : LEVELS) res.add(compare(in, seed, level, perFile, spots));
		for (int seed = 1; seed <= seeds; seed++) res.add(compare(in, seed, 0, perFile, spots));
		return res;
	}

	private static void simulate(final Path file, final String pattern, final int seed, final Reporter r, final double level, final String[] size) {
		final List<Object> a = new ArrayList<>(List.of("simulate", "--pattern", pattern, "--seed", seed, "--out", file, "--reporter", r.id(), "--mitolysosomes", level));
		a.addAll(List.of((Object[]) size));
		Cli.ok(a.toArray());
	}

	private static Image compare(final Path in, final int seed, final double level, final Map<String, int[]> perFile, final Map<String, List<double[]>> spots)
		throws IOException {
		final String file = name(seed, level);
		final JsonObject t = JsonParser.parseString(Files.readString(in.resolve(file.replaceFirst("\\.tif$", ".reporter.json")))).getAsJsonObject();
		final List<double[]> truth = new ArrayList<>();
		for (final JsonElement e : t.getAsJsonArray("mitolysosomes")) {
			final JsonObject o = e.getAsJsonObject();
			truth.add(new double[] { o.get("x").getAsDouble(), o.get("y").getAsDouble(), o.get("radiusUm").getAsDouble() });
		}
		final int[] c = perFile.getOrDefault(file, new int[2]);
		return new Image(seed, level, truth.size(), c[0], matched(truth, spots.getOrDefault(file, List.of())), c[1], t.get("fibreAreaUm2").getAsDouble());
	}

	/** One-to-one matches, nearest pairs first, of true balls {x, y, r} and detected centroids {x, y} within r. */
	static int matched(final List<double[]> truth, final List<double[]> found) {
		final List<double[]> pairs = new ArrayList<>();
		for (int i = 0; i < truth.size(); i++)
			for (int j = 0; j < found.size(); j++) {
				final double d = Math.hypot(truth.get(i)[0] - found.get(j)[0], truth.get(i)[1] - found.get(j)[1]);
				if (d <= truth.get(i)[2]) pairs.add(new double[] { d, i, j });
			}
		pairs.sort((p, q) -> Double.compare(p[0], q[0]));
		final boolean[] ut = new boolean[truth.size()], uf = new boolean[found.size()];
		int m = 0;
		for (final double[] p : pairs) {
			final int i = (int) p[1], j = (int) p[2];
			if (ut[i] || uf[j]) continue;
			ut[i] = uf[j] = true;
			m++;
		}
		return m;
	}

	/** @return seeds whose counts rise strictly with the level */
	public static int rankedSeeds(final List<Image> grid) {
		final Map<Integer, List<Image>> bySeed = new HashMap<>();
		for (final Image im : grid) if (im.level > 0) bySeed.computeIfAbsent(im.seed, k -> new ArrayList<>()).add(im);
		int ok = 0;
		for (final List<Image> s : bySeed.values()) {
			s.sort((a, b) -> Double.compare(a.level, b.level));
			boolean up = true;
			for (int k = 1; k < s.size(); k++) up &= s.get(k).found > s.get(k - 1).found;
			if (up) ok++;
		}
		return ok;
	}

	/** @return false mitolysosomes per 1,000 µm² of fibre over the level-0 images */
	public static double falsePer1000(final List<Image> grid) {
		int f = 0;
		double area = 0;
		for (final Image im : grid)
			if (im.level == 0) {
				f += im.found;
				area += im.fibreAreaUm2;
			}
		return f / area * 1000;
	}

	/**
	 * @param seeds seeds per level
	 * @param dir an empty working folder (one sub-folder per reporter is made)
	 * @return the Markdown table of both reporters and the command that regenerates it
	 */
	public static String markdown(final int seeds, final Path dir) throws IOException {
		final StringBuilder md = new StringBuilder()
			.append("Through the whole chain (`cli.ReporterChainAccuracyTest`, `cli.ReporterChainGrid`): `myomito simulate --reporter R --mitolysosomes L` ")
			.append("writes each image and its truth JSON (seeds 1–").append(seeds).append(", oxidative-lattice for even and glycolytic-fragmented for odd seeds; ")
			.append("16 × 12 µm fibres at the levels, the default 30 × 20 µm at level 0); one `myomito analyze DIR --fibres auto --reporter R` run per reporter ")
			.append("detects the fibres, runs the network chain and counts each fibre's mitolysosomes with the objective threshold. ")
			.append("Per image: count error = |fibres.csv `mitolysosomes` − true| / true; matched = true mitolysosomes with a detected centroid ")
			.append("(mitolysosomes.csv) within their radius, one to one.\n\n")
			.append("| reporter | mitolysosomes /100 µm² | images | fibres found | true (total) | detected (total) | matched (total) | worst count error | seeds ranked right |\n")
			.append("|---|---|---|---|---|---|---|---|---|\n");
		for (final Reporter r : Reporter.values()) {
			final Path d = dir.resolve(r.id());
			Files.createDirectories(d);
			final List<Image> grid = run(r, seeds, d);
			for (final double level : LEVELS) {
				int n = 0, fib = 0, t = 0, f = 0, m = 0;
				double worst = 0;
				for (final Image im : grid)
					if (im.level == level) {
						n++;
						fib += im.fibres;
						t += im.truth;
						f += im.found;
						m += im.matched;
						worst = Math.max(worst, im.error());
					}
				md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %d | %d | %.3f | %s |\n", r.id(), level, n, fib, t, f, m, worst,
					level == LEVELS[LEVELS.length - 1] ? rankedSeeds(grid) + " / " + seeds : ""));
			}
			int n = 0, fib = 0, f = 0;
			double area = 0;
			for (final Image im : grid)
				if (im.level == 0) {
					n++;
					fib += im.fibres;
					f += im.found;
					area += im.fibreAreaUm2;
				}
			md.append(String.format(Locale.ROOT, "| %s | 0 (no acid puncta) | %d | %d | 0 | %d | | %.2f false per 1,000 µm² of fibre (%.0f µm²) | |\n", r.id(), n, fib, f,
				f / area * 1000, area));
		}
		return md.toString();
	}
}
