package io.github.myomito.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.MitophagyAnalysis;
import io.github.myomito.coloc.MitophagyResult;
import io.github.myomito.coloc.PixelColocalisation;
import io.github.myomito.coloc.PunctaDetector;
import io.github.myomito.coloc.Punctum;
import io.github.myomito.coloc.RankStatistics;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.lattice.AxisEstimate;
import io.github.myomito.lattice.FibreAxis;
import io.github.myomito.lattice.Orientation;
import io.github.myomito.lattice.Periodicity;
import io.github.myomito.network.EndCorrection;
import io.github.myomito.network.NetworkAnalysis;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.BenchStages;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.progress.Progress;
import io.github.myomito.segment.Segmentation;
import io.github.myomito.segment.Segmenter;
import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.skeleton.JunctionMerging;
import io.github.myomito.skeleton.SpurPruning;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.skeleton.SkeletonAnalyzer;
import io.github.myomito.skeleton.SkeletonGraph;
import io.github.myomito.skeleton.Thinning;

/**
 * In-process benchmarks. Usage: {@code Bench [CASE...]} with cases {@code skeleton}, {@code pipeline},
 * {@code coloc}, {@code kendall} (default: all), or {@code Bench mem2d|mem3d-512|mem3d-384|memjvm} (one run of
 * thinning + graph, for peak-RSS measurement with {@code /usr/bin/time -v}). Prints one markdown table row per case:
 * case, input, median, min, max (ms), median thread CPU time (ms), N, and a note (branch counts, n, …). Never fails on time.
 */
public final class Bench {

	/** µm per pixel used for the synthetic networks (the graph's lengths only; counts and timings do not depend on it). */
	private static final double PX = 0.1;

	private final int reps;

	private Bench(final int reps) {
		this.reps = reps;
	}

	/**
	 * Entry point.
	 *
	 * @param args case names (see the class comment); {@code -Dbench.reps=N} sets the timed repetitions (default 5)
	 * @throws Exception on I/O errors of the generators
	 */
	public static void main(final String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		final Bench b = new Bench(Integer.getInteger("bench.reps", 5));
		final List<String> cases = args.length == 0 ? List.of("skeleton", "pipeline", "coloc", "kendall") : Arrays.asList(args);
		if (cases.get(0).startsWith("mem")) {
			b.memory(cases.get(0));
			return;
		}
		System.out.println("| case | input | median ms | min ms | max ms | CPU ms (median) | N | note |");
		System.out.println("|---|---|---:|---:|---:|---:|---:|---|");
		for (final String c : cases) {
			switch (c) {
				case "skeleton": b.skeleton(); break;
				case "pipeline": b.pipeline(); break;
				case "coloc": b.coloc(); break;
				case "kendall": b.kendall(); break;
				case "reporter": b.reporter(); break;
				default: throw new IllegalArgumentException("unknown case '" + c + "' (skeleton, pipeline, coloc, kendall, mem2d, mem3d-512, mem3d-384, memjvm)");
			}
		}
	}

	/**
	 * Reporter analysis (#15): the same 2048 × 2048 mito-QC phantom (oxidative lattice, 4 mitolysosomes per 100 µm²)
	 * analysed (A) without and (B) with {@code --reporter mito-qc}, and (C) the reporter step alone
	 * ({@code MitolysosomeDetector.detect} with A's mitochondrial labels: what {@code --reporter} adds), all on
	 * the calling thread, <b>interleaved</b> (A, B, C, A, B, C, …, after one untimed round) so that a change of the
	 * machine's load hits the three alike. CPU time of the calling thread is the measure (robust against other
	 * processes); the paired differences B − A of each round are summarised too. Prints the table rows and the
	 * load average before and after. {@code -Dbench.reps=N} rounds (default 5).
	 */
	private void reporter() {
		final double len = 200.7 - 1e-6;
		final io.github.myomito.simulate.ReporterPhantom ph = io.github.myomito.simulate.ReporterSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE)
			.toBuilder().fibreLengthUm(len).fibreWidthUm(len).pixelUm(0.1).seed(11).build(), io.github.myomito.reporter.Reporter.MITO_QC, 4, false);
		final FibreImage img = ph.image();
		final String input = Arrays.toString(ph.network().dims()) + " mito-QC phantom";
		final AnalysisSettings plain = AnalysisSettings.defaults().toBuilder().mitoChannel(2).build();
		final AnalysisSettings rep = plain.toBuilder().reporter(io.github.myomito.reporter.ReporterSettings.builder(io.github.myomito.reporter.Reporter.MITO_QC, 1, 2).build()).build();
		final float[] acid = io.github.myomito.image.Pixels.floats(img.channel(0)), neutral = io.github.myomito.image.Pixels.floats(img.channel(1));
		final io.github.myomito.reporter.ReporterSettings rs = rep.reporter();
		final java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		final double load0 = os.getSystemLoadAverage();
		final Object[] la = new Object[1], lb = new Object[1], lc = new Object[1];
		final int n = reps;
		final double[][] ms = new double[3][n], cpu = new double[3][n];
		final double[] diffCpu = new double[n];
		for (int i = -1; i < n; i++) {
			final double[] ta = once(() -> ImageAnalysis.analyze(img, null, plain, Progress.NONE), la);
			final double[] tb = once(() -> ImageAnalysis.analyze(img, null, rep, Progress.NONE), lb);
			final int[] labels = ((ImageAnalysis.Result) la[0]).whole().segmentation().labels().labels();
			final double[] tc = once(() -> io.github.myomito.reporter.MitolysosomeDetector.detect(acid, neutral, ph.network().dims(), img.spacing(), null, labels, rs), lc);
			if (i < 0) continue; // warm-up round
			final double[][] t = { ta, tb, tc };
			for (int k = 0; k < 3; k++) {
				ms[k][i] = t[k][0];
				cpu[k][i] = t[k][1];
			}
			diffCpu[i] = tb[1] - ta[1];
		}
		final double load1 = os.getSystemLoadAverage();
		final Timing.Stats a = new Timing.Stats(ms[0], cpu[0]), b = new Timing.Stats(ms[1], cpu[1]), c = new Timing.Stats(ms[2], cpu[2]);
		final ImageAnalysis.Result res = (ImageAnalysis.Result) lb[0];
		row("A: pipeline, green channel only", input, a, "");
		row("B: pipeline + --reporter mito-qc", input, b, String.format(Locale.ROOT, "%d of %d true mitolysosomes found; B/A − 1: %+.1f %% wall, %+.1f %% CPU (medians); "
			+ "paired B − A CPU median %+.0f ms = %+.1f %% of A", res.mitolysosomes().get(0).count(), ph.truth().mitolysosomes().size(), 100 * (b.medianMs / a.medianMs - 1),
			100 * (b.medianCpuMs / a.medianCpuMs - 1), median(diffCpu), 100 * median(diffCpu) / a.medianCpuMs));
		row("C: reporter step alone (MitolysosomeDetector)", input, c, String.format(Locale.ROOT, "%d found; C/A: %.1f %% of A's wall, %.1f %% of its CPU (medians)",
			((io.github.myomito.reporter.MitolysosomeResult) lc[0]).count(), 100 * c.medianMs / a.medianMs, 100 * c.medianCpuMs / a.medianCpuMs));
		System.out.printf(Locale.ROOT, "%nrounds: %d interleaved A/B/C after 1 untimed; 1-min load average %.2f before, %.2f after; %d processors; CPU ms per round A %s, B %s, C %s%n",
			n, load0, load1, Runtime.getRuntime().availableProcessors(), list(cpu[0]), list(cpu[1]), list(cpu[2]));
	}

	/** One timed run: {wall ms, calling-thread CPU ms}; the result goes to {@code last[0]}. */
	private static double[] once(final Supplier<?> work, final Object[] last) {
		final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		final long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
		last[0] = work.get();
		return new double[] { (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6 };
	}

	private static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	private static String list(final double[] v) {
		final StringBuilder sb = new StringBuilder();
		for (final double x : v) sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", x));
		return sb.toString();
	}

	/** The four skeleton inputs: name, dims, mask. */
	private static Map<String, Object[]> skeletonInputs() {
		final Map<String, Object[]> m = new LinkedHashMap<>();
		m.put("2D lattice 4096×4096", new Object[] { new int[] { 4096, 4096 }, Networks.lattice2D(4096, 4096, 24, 0.9, 2, 1) });
		m.put("2D lattice 2048×2048", new Object[] { new int[] { 2048, 2048 }, Networks.lattice2D(2048, 2048, 30, 0.92, 2, 2) });
		m.put("3D network 512×512×128", new Object[] { new int[] { 512, 512, 128 }, Networks.network3D(512, 512, 128, 24, 0.85, 2.0, 3) });
		m.put("3D network 384×384×96", new Object[] { new int[] { 384, 384, 96 }, Networks.network3D(384, 384, 96, 24, 0.95, 2.0, 4) });
		return m;
	}

	private static double[] spacing(final int[] dims) {
		final double[] s = new double[dims.length];
		Arrays.fill(s, PX);
		return s;
	}

	private void skeleton() {
		for (final Map.Entry<String, Object[]> e : skeletonInputs().entrySet()) {
			final int[] dims = (int[]) e.getValue()[0];
			final byte[] mask = (byte[]) e.getValue()[1];
			final Object[] last = new Object[1];
			final int r = dims.length == 3 || dims[0] > 2048 ? Math.max(3, reps - 2) : reps;
			final Timing.Stats t = Timing.time(1, r, () -> Thinning.thin(mask, dims), last);
			final byte[] skel = (byte[]) last[0];
			row("thinning", e.getKey(), t, Networks.count(mask) + " fg → " + Networks.count(skel) + " skeleton voxels");
			final double[] sp = spacing(dims);
			final Timing.Stats g = Timing.time(1, r, () -> SkeletonAnalyzer.analyze(skel, dims, sp), last);
			final SkeletonGraph graph = (SkeletonGraph) last[0];
			row("graph", e.getKey(), g, graph.edges().size() + " branches, " + graph.vertices().size() + " junctions+ends, " + graph.trees().size() + " trees");
		}
	}

	/** The large two-channel phantom (2048×2048 at 0.1 µm, oxidative lattice, with LC3). */
	static Phantom largePhantom() {
		// w = ceil((L + 2·border)/px) + 1 = 2048 for L = 200.7 µm, border 2 µm
		final double len = 200.7 - 1e-6;
		return PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().fibreLengthUm(len).fibreWidthUm(len)
			.pixelUm(0.1).seed(11).build());
	}

	private void pipeline() {
		final long t0 = System.nanoTime();
		final Phantom ph = largePhantom();
		final FibreImage img = ph.image();
		final String input = Arrays.toString(ph.dims()) + " 2-ch phantom";
		System.err.printf("simulated %s in %.1f s%n", input, (System.nanoTime() - t0) / 1e9);
		final AnalysisSettings s = AnalysisSettings.defaults().toBuilder().lc3Channel(2).build();
		final int r = Math.max(3, reps - 2);
		final Object[] last = new Object[1];
		final Timing.Stats full = Timing.time(1, r, () -> ImageAnalysis.analyze(img, null, s, Progress.NONE), last);
		final ImageAnalysis.Result res = (ImageAnalysis.Result) last[0];
		final String fp = BenchStages.fingerprint(res);
		row("pipeline (ImageAnalysis.analyze)", input, full, summary(res, s) + ", tables " + fp);
		// the same analysis with one helper thread (calling thread + 1 = 2 threads); CPU summed over both
		final List<Thread> helperThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
		final ExecutorService helpers = Executors.newFixedThreadPool(1, run -> {
			final Thread t = new Thread(run, "bench-helper");
			t.setDaemon(true);
			helperThreads.add(t);
			return t;
		});
		helpers.submit(() -> null); // start the thread, so that its CPU time is counted from the first run
		try {
			final Timing.Stats par = Timing.time(1, r, () -> ImageAnalysis.analyze(img, null, s, Progress.NONE, helpers), last, helperThreads);
			final ImageAnalysis.Result pr = (ImageAnalysis.Result) last[0];
			final String pfp = BenchStages.fingerprint(pr);
			row("pipeline, 1 helper thread (analyze(…, helpers))", input, par, summary(pr, s) + ", tables " + pfp + (pfp.equals(fp) ? " (= serial)" : " (DIFFERS from serial!)"));
		}
		finally {
			helpers.shutdownNow();
		}
		// the same chain stage by stage, as ImageAnalysis.region runs it on the whole image
		final int[] dims = ph.dims();
		final double[] sp = img.spacing();
		final float[] mito = Pixels.floats(img.channel(0)), lc3 = Pixels.floats(img.channel(1));
		final Segmentation seg = (Segmentation) stage("segmentation", input, r, () -> Segmenter.segment(mito, dims, sp, s.segmentation(), null, null));
		final byte[] mask = seg.mask();
		final byte[] skel = (byte[]) stage("thinning", input, r, () -> Thinning.thin(mask, dims));
		final SkeletonGraph graph0 = (SkeletonGraph) stage("graph", input, r, () -> SkeletonAnalyzer.analyze(skel, dims, sp, s.skeleton()));
		final float[] radius = (float[]) stage("distance map (widths, spur pruning)", input, r, () -> DistanceTransform.distance(mask, dims, sp, false));
		final float[] smooth = (float[]) stage("end correction: Gaussian image (1 px)", input, r, () -> BenchStages.endCorrectionImage(mito, dims, sp));
		final double sigma = BenchStages.endCorrectionSigma(s, sp);
		final double[] pre = (double[]) stage("end correction of the spur candidates", input, r, () -> EndCorrection.corrections(graph0, smooth, radius, sigma));
		final byte[] pruned = (byte[]) stage("spur pruning (+ thinning again)", input, r,
			() -> SpurPruning.prune(skel, graph0, radius, s.spurFactor(), seg.labels().labels(), seg.labels().count(), seg.enhanced(), seg.threshold(), pre));
		final SkeletonGraph graph1 = (SkeletonGraph) stage("second graph", input, r, () -> SkeletonAnalyzer.analyze(pruned, dims, sp, s.skeleton()));
		final SkeletonGraph graph = (SkeletonGraph) stage("junction merging + third graph", input, r, () -> {
			final byte[] m = JunctionMerging.marks(graph1, radius);
			return m == null ? graph1 : SkeletonAnalyzer.analyze(pruned, dims, sp, s.skeleton(), m);
		});
		final double[] ends = (double[]) stage("end correction of the final graph", input, r, () -> EndCorrection.corrections(graph, smooth, radius, sigma));
		final double area = (double) dims[0] * dims[1] * sp[0] * sp[1];
		stage("network metrics", input, r, () -> NetworkAnalysis.analyze(mask, seg.labels().labels(), seg.labels().count(), graph, dims, sp, area, radius, ends));
		final byte[] fibre = (byte[]) stage("fibre support (binned z-mean)", input, r, () -> BenchStages.support(mito, dims, sp, s));
		final AxisEstimate texture = (AxisEstimate) stage("axis: structure tensor", input, r, () -> FibreAxis.fromStructureTensor(mito, fibre, dims, sp, s.axisSigmaUm()));
		final double[] best = (double[]) stage("axis: periodicity scan (2×2-binned + refinement)", input, r,
			() -> BenchStages.periodicAxis(mito, fibre, dims, sp, s, texture.angleDeg()));
		stage("period along the axis + orientation", input, r, () -> {
			final List<SkeletonGraph.Edge> edges = graph.edges();
			final double[] all = Orientation.branchAngles(graph), ang = new double[edges.size()], len = new double[edges.size()];
			int n = 0;
			for (final SkeletonGraph.Edge e : edges)
				if (!Double.isNaN(all[e.id()])) {
					ang[n] = all[e.id()];
					len[n++] = e.smoothedLength();
				}
			Orientation.of(Arrays.copyOf(ang, n), Arrays.copyOf(len, n), best[0], s.toleranceDeg());
			return Periodicity.along(mito, fibre, dims, sp, best[0], s.minPeriodUm(), s.maxPeriodUm());
		});
		@SuppressWarnings("unchecked")
		final List<Punctum> puncta = (List<Punctum>) stage("LC3 puncta detection", input, r, () -> PunctaDetector.detect(lc3, dims, sp, s.punctaSettings(), null));
		stage("LC3 mitophagy (annotation)", input, r, () -> MitophagyAnalysis.analyze(puncta, mask, seg.labels().labels(), seg.labels().count(), null, dims, sp));
		stage("LC3 pixel colocalisation (incl. Spearman, Kendall)", input, r, () -> PixelColocalisation.compute(mito, lc3, null, dims, sp, s.colocSettings()));
	}

	private static String summary(final ImageAnalysis.Result res, final AnalysisSettings s) {
		final io.github.myomito.pipeline.RegionAnalysis w = res.whole();
		return w.graph().edges().size() + " branches, lattice index " + fmt(w.latticeIndex()) + ", axis " + fmt(w.axis().angleDeg()) + "°, period "
			+ fmt(w.period().periodUm()) + " µm, " + w.puncta().size() + " puncta, Pearson " + fmt(w.coloc().pearson()) + ", Kendall "
			+ fmt(w.coloc().kendallTau()) + ", randomisations " + s.randomisations();
	}

	private Object stage(final String name, final String input, final int r, final Supplier<Object> work) {
		final Object[] last = new Object[1];
		row("  stage: " + name, input, Timing.time(1, r, work, last), "");
		return last[0];
	}

	private void coloc() {
		final Phantom ph = largePhantom();
		final float[] a = Pixels.floats(ph.image().channel(0)), b = Pixels.floats(ph.image().channel(1));
		final int[] dims = ph.dims();
		final double[] sp = ph.image().spacing();
		final ColocSettings cs = ColocSettings.builder().randomisations(100).rankStatistics(true).build();
		final Object[] last = new Object[1];
		final Timing.Stats t = Timing.time(1, Math.max(3, reps - 2), () -> PixelColocalisation.compute(a, b, null, dims, sp, cs), last);
		final ColocResult r = (ColocResult) last[0];
		row("coloc, all statistics + 100 randomisations", Arrays.toString(dims) + " phantom pair", t,
			"Pearson " + fmt(r.pearson()) + ", Costes p " + fmt(r.costesP()) + ", " + r.randomisations() + " randomisations");
		final ColocSettings none = ColocSettings.builder().randomisations(0).rankStatistics(true).build();
		row("coloc, all statistics, no randomisation", Arrays.toString(dims) + " phantom pair",
			Timing.time(1, Math.max(3, reps - 2), () -> PixelColocalisation.compute(a, b, null, dims, sp, none), null), "");
	}

	private void kendall() {
		double prev = Double.NaN;
		for (final int n : new int[] { 100_000, 1_000_000, 4_000_000 }) {
			final SplittableRandom rnd = new SplittableRandom(n);
			final float[] x = new float[n], y = new float[n];
			for (int i = 0; i < n; i++) {
				// 12-bit camera-like values with ties, correlated
				final double u = rnd.nextDouble(), v = 0.6 * u + 0.4 * rnd.nextDouble();
				x[i] = (float) Math.floor(u * 4096);
				y[i] = (float) Math.floor(v * 4096);
			}
			final Object[] last = new Object[1];
			final Timing.Stats t = Timing.time(1, n > 1_000_000 ? 3 : reps, () -> RankStatistics.kendallTauB(x, y), last);
			final double perNLogN = t.medianMs * 1e6 / (n * (Math.log(n) / Math.log(2)));
			row("Kendall τ-b", "n = " + n + " (12-bit, ties)", t,
				"τ = " + fmt((Double) last[0]) + ", " + String.format("%.2f", perNLogN) + " ns per n·log2 n" + (Double.isNaN(prev) ? "" : ""));
			prev = perNLogN;
		}
	}

	/** One thinning + graph run for an RSS measurement of the 3D cases (and a JVM-only baseline). */
	private void memory(final String which) {
		if (which.equals("memjvm")) {
			System.out.println("baseline");
			return;
		}
		final String key = which.equals("mem3d-512") ? "3D network 512×512×128" : which.equals("mem3d-384") ? "3D network 384×384×96" : "2D lattice 4096×4096";
		final int[] dims;
		final byte[] mask;
		if (which.equals("mem3d-512")) {
			dims = new int[] { 512, 512, 128 };
			mask = Networks.network3D(512, 512, 128, 24, 0.85, 2.0, 3);
		}
		else if (which.equals("mem3d-384")) {
			dims = new int[] { 384, 384, 96 };
			mask = Networks.network3D(384, 384, 96, 24, 0.95, 2.0, 4);
		}
		else if (which.equals("mem2d")) {
			dims = new int[] { 4096, 4096 };
			mask = Networks.lattice2D(4096, 4096, 24, 0.9, 2, 1);
		}
		else throw new IllegalArgumentException("unknown memory case " + which);
		final SkeletonGraph g = SkeletonAnalyzer.analyze(Thinning.thin(mask, dims), dims, spacing(dims));
		long voxels = 1;
		for (final int d : dims) voxels *= d;
		System.out.println(key + ": " + voxels + " voxels, " + g.edges().size() + " branches");
	}

	private static void row(final String name, final String input, final Timing.Stats t, final String note) {
		System.out.printf("| %s | %s | %.0f | %.0f | %.0f | %.0f | %d | %s |%n", name, input, t.medianMs, t.minMs, t.maxMs, t.medianCpuMs, t.n, note);
		System.out.flush();
	}

	private static String fmt(final double v) {
		return String.format("%.3f", v);
	}
}
