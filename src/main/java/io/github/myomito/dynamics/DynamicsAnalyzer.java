package io.github.myomito.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import io.github.myomito.dynamics.DynamicsResult.EventType;
import io.github.myomito.network.NetworkAnalysis;
import io.github.myomito.progress.Progress;
import io.github.myomito.segment.Segmentation;
import io.github.myomito.segment.Segmenter;
import io.github.myomito.skeleton.SkeletonAnalyzer;
import io.github.myomito.skeleton.Thinning;

/**
 * Tracks mitochondrial objects through a 2D+t or 3D+t series and detects fission, fusion and
 * kiss-and-run events. Frames are read one at a time; only the previous frame's objects are kept.
 * <p>
 * <b>Per frame</b>: photobleaching correction ({@link Bleaching}, one pass over the frame means first),
 * the existing segmentation ({@link Segmenter}) and skeleton length ({@link Thinning},
 * {@link SkeletonAnalyzer}, {@link NetworkAnalysis}).
 * <p>
 * <b>Linking</b> frame t−1 → t as a linear assignment problem (Jaqaman et al., "Robust single-particle
 * tracking in live-cell time-lapse sequences", Nat. Methods 5:695, 2008, doi:10.1038/nmeth.1237): the
 * augmented (n+m)² cost matrix with link block {@code C_ij = 1 − ω_ij + ½·min(1, (d_ij/D)²)}, death and
 * birth alternatives of cost 1.2 on the diagonals and the transposed link block in the lower right,
 * solved by {@link Lap} on each connected component of the candidate graph. {@code ω_ij} is the overlap:
 * the labels of each frame are grown by ⌈D/s⌉ voxels (breadth-first, first label wins) into zones, and
 * {@code ω_ij = max(|Q_j ∩ Z_i|/|Q_j|, |P_i ∩ Z'_j|/|P_i|)}; d is the centroid distance. Candidates
 * overlap or are within D. Overlap- and topology-based costs follow MitoTNT (Wang et al., PLoS Comput.
 * Biol. 19:e1011060, 2023, doi:10.1371/journal.pcbi.1011060).
 * <p>
 * <b>Splitting and merging.</b> A new object Q_j (not linked) whose voxels lie ≥ 50 % in the zone of a
 * parent P_i is a fission child when P_i's linked child Q_k and Q_j together have
 * {@code (|Q_k| + |Q_j|)/|P_i| ∈ [1/(1+τ), 1+τ]} — the union is the parent, not a threshold flicker
 * that loses or gains mass. Fusion is the mirror image. When the LAP ends a parent and starts both
 * children, the larger child continues its track. A split into three or more pieces (a merge of three or more) is one
 * event per gap: the edges of the minimum spanning tree of the pieces by the gap between them ({@link #tree}).
 * <b>Transfer:</b> a linked object that loses more than the tolerance allows ({@code |Q|/|P| < 1/(1+τ)}, at least
 * one resolution element) while a neighbour's linked object gains as much ({@code gain/loss ∈ [1/(1+τ), 1+τ]}, at
 * least half the gain inside P's zone) lost a piece that joined the neighbour in the same frame (a cut and a bridge
 * that a faded frame makes at once): a fission of P at the cut, between Q and the neighbour at t, and a fusion of
 * P's piece with the neighbour at their closest points at t−1; when the bridge opens again the fusion and the
 * reopening are a kiss-and-run, and the fission stands. <b>Gap closing:</b> an unexplained new object
 * continues a track lost ≤ G frames before, nearest first within (G+1)·D. <b>Kiss-and-run and
 * chains:</b> a fission followed within k frames by a fusion of the same two tracks, or a fusion whose child splits
 * again within k frames near the same place, undo each other; such chains are reported by their net effect at the
 * first event's frame — net zero is one kiss-and-run (counted in neither rate), a split that shuts and reopens is one
 * fission. <b>Resolution:</b> a fission or fusion whose smaller piece is below one resolution element (the PSF's
 * FWHM ellipsoid) is no event. <b>Persistence:</b> a fission or fusion is kept only when the new topology lasts p
 * frames ({@link DynamicsSettings#persistenceFrames()}; both children present in t … t+p−1, for fusion both parents
 * in t−p … t−1 as well), which removes the splits and merges that a fading threshold makes and undoes a frame later.
 * See {@link #postProcess} for the exact rules.
 * <p>
 * The event position is the midpoint of the closest points of the two children (fission, frame t) or
 * parents (fusion, frame t−1), found by two alternating nearest-voxel searches.
 */
public final class DynamicsAnalyzer {

	private static final double ALT_COST = 1.2, FORBIDDEN = 1e6;

	private DynamicsAnalyzer() {}

	/** Receives each frame's labels as they are made (for overlays and tests); may keep nothing. */
	@FunctionalInterface
	public interface FrameListener {
		/**
		 * @param frame index
		 * @param labels object labels of the frame (0 = background)
		 * @param trackOfLabel {@code trackOfLabel[label]} (index 0 unused)
		 */
		void frame(int frame, int[] labels, int[] trackOfLabel);
	}

	private static final class Obj {
		final int label;
		final int[] vox;
		final double[] c = new double[3];
		int track = -1;
		int[] parents = new int[0];
		boolean plain;

		Obj(final int label, final int[] vox, final int[] dims, final double[] sp) {
			this.label = label;
			this.vox = vox;
			final int w = dims[0], h = dims[1];
			for (final int v : vox) {
				c[0] += (v % w) * sp[0];
				c[1] += ((v / w) % h) * sp[1];
				if (dims.length == 3) c[2] += (v / (w * h)) * sp[2];
			}
			for (int d = 0; d < 3; d++) c[d] /= vox.length;
		}
	}

	private static final class Lost {
		final int track, frame;
		final double[] c;
		final int size;

		Lost(final int track, final int frame, final double[] c, final int size) {
			this.track = track; this.frame = frame; this.c = c; this.size = size;
		}
	}

	/**
	 * @param frames frame t → its pixels (flat, x fastest); called twice per frame (means, then analysis); a fresh array each call, read and not changed (the last frame's is kept one frame for the intensity step)
	 * @param n number of frames (≥ 1)
	 * @param dims spatial size (2 or 3 axes)
	 * @param spacing µm per pixel
	 * @param intervalS seconds between frames (positive)
	 * @param s settings
	 * @param listener receives each frame's labels, or null
	 * @param progress progress sink, or null
	 * @return the tracks, events and summary
	 */
	public static DynamicsResult analyze(final IntFunction<float[]> frames, final int n, final int[] dims, final double[] spacing, final double intervalS,
		final DynamicsSettings s, final FrameListener listener, final Progress progress) {
		return analyze(frames, n, dims, spacing, intervalS, s, listener, progress, null);
	}

	/** One frame's segmentation and network, computed ahead of the linking (see the {@code helpers} parameter). */
	private static final class FrameWork {
		final Segmentation seg;
		final NetworkAnalysis.Result net;
		final double factor, contrast;
		/** the raw frame, for {@link #intensityStep} (null when the step rule is off) */
		final Raw raw;

		FrameWork(final Segmentation seg, final NetworkAnalysis.Result net, final double factor, final double contrast, final Raw raw) {
			this.seg = seg; this.net = net; this.factor = factor; this.contrast = contrast; this.raw = raw;
		}
	}

	/** A raw frame and its median (kept for the previous frame only: one frame of memory). */
	private static final class Raw {
		final float[] f;
		final double median;

		Raw(final float[] f, final double median) {
			this.f = f; this.median = median;
		}
	}

	private static FrameWork work(final IntFunction<float[]> frames, final int t, final double lambda, final double intervalS, final int[] dims,
		final double[] spacing, final DynamicsSettings s) {
		final float[] raw = frames.apply(t);
		final double factor = Bleaching.factor(lambda, t * intervalS);
		final float[] f = new float[raw.length];
		for (int i = 0; i < f.length; i++) f[i] = (float) (raw[i] * factor);
		Segmentation seg = Segmenter.segment(f, dims, spacing, s.segmentation(), null);
		// the noise floor: a global threshold is raised to median + k·σ_MAD of the enhanced frame
		if (s.noiseFloor() > 0 && !Double.isNaN(seg.threshold())) {
			final double floor = NoiseFloor.of(seg.enhanced()).floor(s.noiseFloor());
			if (floor > seg.threshold()) seg = Segmenter.rethreshold(seg, floor, s.segmentation());
		}
		final NoiseFloor stats = s.contrastFloor() > 0 || s.minIntensityStep() > 0 ? NoiseFloor.of(raw) : null;
		final double contrast = s.contrastFloor() > 0 ? stats.contrast() : Double.POSITIVE_INFINITY;
		final byte[] mask = seg.mask();
		final NetworkAnalysis.Result net = NetworkAnalysis.analyze(mask, seg.labels().labels(), seg.labels().count(),
			SkeletonAnalyzer.analyze(Thinning.thin(mask, dims), dims, spacing), dims, spacing, dims[0] * dims[1] * spacing[0] * spacing[1]);
		return new FrameWork(seg, net, factor, contrast, s.minIntensityStep() > 0 ? new Raw(raw, stats.median) : null);
	}

	private static java.util.concurrent.CompletableFuture<FrameWork> submit(final IntFunction<float[]> frames, final int t, final double lambda,
		final double intervalS, final int[] dims, final double[] spacing, final DynamicsSettings s, final java.util.concurrent.Executor helpers) {
		if (helpers == null) return java.util.concurrent.CompletableFuture.completedFuture(work(frames, t, lambda, intervalS, dims, spacing, s));
		return java.util.concurrent.CompletableFuture.supplyAsync(() -> work(frames, t, lambda, intervalS, dims, spacing, s), helpers);
	}

	private static FrameWork join(final java.util.concurrent.CompletableFuture<FrameWork> f) {
		try {
			return f.join();
		}
		catch (final java.util.concurrent.CompletionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			if (e.getCause() instanceof Error) throw (Error) e.getCause();
			throw e;
		}
	}

	/**
	 * As {@link #analyze(IntFunction, int, int[], double[], double, DynamicsSettings, FrameListener, Progress)};
	 * with {@code helpers}, frame t+1 is segmented on a helper thread while frame t is linked (one frame
	 * ahead: the results are identical to a serial run, the memory grows by one frame's working copies).
	 *
	 * @param helpers executor for the next frame's segmentation, or null (serial)
	 */
	public static DynamicsResult analyze(final IntFunction<float[]> frames, final int n, final int[] dims, final double[] spacing, final double intervalS,
		final DynamicsSettings s, final FrameListener listener, final Progress progress, final java.util.concurrent.Executor helpers) {
		if (!(intervalS > 0) || Double.isInfinite(intervalS)) throw new IllegalArgumentException("frame interval must be positive, got " + intervalS + " s");
		if (n < 1) throw new IllegalArgumentException("a series needs at least one frame");
		final Progress pr = progress == null ? Progress.NONE : progress;
		double lambda = 0;
		if (s.bleachCorrection() && n > 1) {
			final double[] means = new double[n];
			for (int t = 0; t < n; t++) {
				final float[] f = frames.apply(t);
				double sum = 0;
				for (final float v : f) sum += v;
				means[t] = sum / f.length;
			}
			lambda = Bleaching.decayRate(means, intervalS);
		}
		final List<DynamicsResult.Frame> frameRows = new ArrayList<>();
		final List<DynamicsResult.Spot> spots = new ArrayList<>();
		final List<DynamicsResult.Event> events = new ArrayList<>();
		final Map<Integer, double[]> speed = new TreeMap<>(); // track → {Σ d, links}
		final List<Lost> lost = new ArrayList<>();
		final int[] nextTrack = { 1 };
		final int grow = (int) Math.ceil(s.maxDisplacementUm() / spacing[0] - 1e-9);
		List<Obj> prev = null;
		int[] prevZones = null;
		Raw prevRaw = null;
		final double lam = lambda;
		final boolean[] faint = new boolean[n];
		java.util.concurrent.CompletableFuture<FrameWork> next = submit(frames, 0, lam, intervalS, dims, spacing, s, helpers);
		for (int t = 0; t < n; t++) {
			pr.checkCancelled();
			pr.progress(t, n);
			final FrameWork fw = join(next);
			if (t + 1 < n) next = submit(frames, t + 1, lam, intervalS, dims, spacing, s, helpers);
			final double factor = fw.factor;
			faint[t] = fw.contrast < s.contrastFloor();
			final Segmentation seg = fw.seg;
			final int[] labels = seg.labels().labels();
			final int count = seg.labels().count();
			final NetworkAnalysis.Result net = fw.net;
			final List<Obj> cur = objects(labels, count, dims, spacing);
			final int[] zones = grow(labels, dims, grow);
			if (prev == null) {
				for (final Obj o : cur) o.track = nextTrack[0]++;
			} else {
				link(prev, prevZones, cur, zones, t, intervalS, s, events, lost, nextTrack, speed, dims, spacing, prevRaw, fw.raw);
			}
			final int[] trackOf = new int[count + 1];
			for (final Obj o : cur) {
				trackOf[o.label] = o.track;
				spots.add(new DynamicsResult.Spot(t, o.label, o.track, o.parents, o.c[0], o.c[1], o.c[2], o.vox.length));
			}
			if (listener != null) listener.frame(t, labels, trackOf);
			frameRows.add(new DynamicsResult.Frame(t, t * intervalS, count, net.get(NetworkAnalysis.Metric.TOTAL_LENGTH),
				net.get(NetworkAnalysis.Metric.FOOTPRINT), seg.threshold(), factor));
			prev = cur;
			prevZones = zones;
			prevRaw = fw.raw;
		}
		final List<DynamicsResult.Event> merged = postProcess(events, spots, n, spacing, s, faint);
		double sumD = 0, links = 0;
		int tracks = 0, motile = 0;
		for (final double[] v : speed.values()) {
			sumD += v[0];
			links += v[1];
			if (v[1] >= 3) {
				tracks++;
				if (v[0] / v[1] / intervalS >= s.motileSpeedUmS()) motile++;
			}
		}
		return new DynamicsResult(frameRows, spots, merged, intervalS, links > 0 ? sumD / links / intervalS : Double.NaN,
			tracks > 0 ? motile / (double) tracks : Double.NaN);
	}

	private static List<Obj> objects(final int[] labels, final int count, final int[] dims, final double[] sp) {
		final int[] size = new int[count + 1];
		for (final int l : labels) size[l]++;
		final int[][] vox = new int[count + 1][];
		for (int l = 1; l <= count; l++) vox[l] = new int[size[l]];
		final int[] fill = new int[count + 1];
		for (int i = 0; i < labels.length; i++) if (labels[i] > 0) vox[labels[i]][fill[labels[i]]++] = i;
		final List<Obj> out = new ArrayList<>();
		for (int l = 1; l <= count; l++) if (size[l] > 0) out.add(new Obj(l, vox[l], dims, sp));
		return out;
	}

	/** Labels grown breadth-first by r steps of the 8/26-neighbourhood; the first label to reach a voxel keeps it. */
	static int[] grow(final int[] labels, final int[] dims, final int r) {
		final int[] z = labels.clone();
		final int w = dims[0], h = dims[1], d = dims.length == 3 ? dims[2] : 1;
		int[] front = new int[64];
		int nf = 0;
		for (int i = 0; i < z.length; i++)
			if (z[i] > 0) {
				if (nf == front.length) front = Arrays.copyOf(front, 2 * nf);
				front[nf++] = i;
			}
		for (int step = 0; step < r && nf > 0; step++) {
			int[] next = new int[Math.max(64, nf)];
			int nn = 0;
			for (int q = 0; q < nf; q++) {
				final int p = front[q];
				final int x = p % w, y = (p / w) % h, k = p / (w * h);
				for (int dz = d > 1 ? -1 : 0; dz <= (d > 1 ? 1 : 0); dz++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							final int xx = x + dx, yy = y + dy, kk = k + dz;
							if (xx < 0 || yy < 0 || kk < 0 || xx >= w || yy >= h || kk >= d) continue;
							final int o = xx + w * (yy + h * kk);
							if (z[o] != 0) continue;
							z[o] = -z[p];
							if (nn == next.length) next = Arrays.copyOf(next, 2 * nn);
							next[nn++] = o;
						}
			}
			// the voxels reached in this step are marked negative until the step ends, so that ties go to the lowest scan order
			for (int q = 0; q < nn; q++) z[next[q]] = Math.abs(z[next[q]]);
			front = next;
			nf = nn;
		}
		return z;
	}

	/** counts[a][label b] of a's voxels in zone b, as one map per object. */
	private static List<Map<Integer, Integer>> zoneCounts(final List<Obj> objs, final int[] zones) {
		final List<Map<Integer, Integer>> out = new ArrayList<>();
		for (final Obj o : objs) {
			final Map<Integer, Integer> m = new TreeMap<>();
			for (final int v : o.vox) if (zones[v] > 0) m.merge(zones[v], 1, Integer::sum);
			out.add(m);
		}
		return out;
	}

	private static void link(final List<Obj> prev, final int[] prevZones, final List<Obj> cur, final int[] zones, final int t, final double dt,
		final DynamicsSettings s, final List<DynamicsResult.Event> events, final List<Lost> lost, final int[] nextTrack, final Map<Integer, double[]> speed,
		final int[] dims, final double[] sp, final Raw prevRaw, final Raw curRaw) {
		// the intensity step of an event: the joined object (fission: the parent at t−1, fusion: the child at t) against
		// the parted frame (fission: t, fusion: t−1), where the event position was found; NaN with the rule off
		final java.util.function.BiFunction<Obj, double[], Double> fissionStep = (joined, at) -> curRaw == null || prevRaw == null ? Double.NaN
			: intensityStep(prevRaw.f, prevRaw.median, joined.vox, curRaw.f, curRaw.median, at, dims, sp);
		final java.util.function.BiFunction<Obj, double[], Double> fusionStep = (joined, at) -> curRaw == null || prevRaw == null ? Double.NaN
			: intensityStep(curRaw.f, curRaw.median, joined.vox, prevRaw.f, prevRaw.median, at, dims, sp);
		final int np = prev.size(), nc = cur.size();
		final Map<Integer, Integer> prevIdx = new HashMap<>(), curIdx = new HashMap<>();
		for (int i = 0; i < np; i++) prevIdx.put(prev.get(i).label, i);
		for (int j = 0; j < nc; j++) curIdx.put(cur.get(j).label, j);
		final List<Map<Integer, Integer>> cInP = zoneCounts(cur, prevZones), pInC = zoneCounts(prev, zones);
		final double D = s.maxDisplacementUm();
		// candidate pairs with cost
		final Map<Long, Double> cost = new TreeMap<>();
		final double[][] ov = new double[1][];
		for (int j = 0; j < nc; j++)
			for (final Map.Entry<Integer, Integer> e : cInP.get(j).entrySet()) cost.put((long) prevIdx.get(e.getKey()) * nc + j, 0.0);
		for (int i = 0; i < np; i++)
			for (final Map.Entry<Integer, Integer> e : pInC.get(i).entrySet()) cost.put((long) i * nc + curIdx.get(e.getKey()), 0.0);
		for (int i = 0; i < np; i++)
			for (int j = 0; j < nc; j++)
				if (dist(prev.get(i).c, cur.get(j).c) <= D) cost.put((long) i * nc + j, 0.0);
		assert ov.length == 1;
		for (final Map.Entry<Long, Double> e : cost.entrySet()) {
			final int i = (int) (e.getKey() / nc), j = (int) (e.getKey() % nc);
			final Obj p = prev.get(i), q = cur.get(j);
			final double w = Math.max(cInP.get(j).getOrDefault(p.label, 0) / (double) q.vox.length, pInC.get(i).getOrDefault(q.label, 0) / (double) p.vox.length);
			final double d = dist(p.c, q.c) / D;
			e.setValue(1 - w + 0.5 * Math.min(1, d * d));
		}
		// connected components of the candidate graph (union–find over prev ∪ cur)
		final int[] parent = new int[np + nc];
		for (int k = 0; k < parent.length; k++) parent[k] = k;
		for (final long key : cost.keySet()) union(parent, (int) (key / nc), np + (int) (key % nc));
		final Map<Integer, List<Integer>> comps = new TreeMap<>();
		for (int k = 0; k < parent.length; k++) comps.computeIfAbsent(find(parent, k), x -> new ArrayList<>()).add(k);
		final int[] linkOf = new int[np], linkedFrom = new int[nc];
		Arrays.fill(linkOf, -1);
		Arrays.fill(linkedFrom, -1);
		for (final List<Integer> comp : comps.values()) {
			final List<Integer> ri = new ArrayList<>(), cj = new ArrayList<>();
			for (final int k : comp) if (k < np) ri.add(k); else cj.add(k - np);
			if (ri.isEmpty() || cj.isEmpty()) continue;
			final int a = ri.size(), b = cj.size(), m = a + b;
			final double[][] c = new double[m][m];
			for (final double[] row : c) Arrays.fill(row, FORBIDDEN);
			for (int x = 0; x < a; x++)
				for (int y = 0; y < b; y++) {
					final Double v = cost.get((long) ri.get(x) * nc + cj.get(y));
					if (v != null) {
						c[x][y] = v;
						c[a + y][b + x] = v;
					}
				}
			for (int x = 0; x < a; x++) c[x][b + x] = ALT_COST;
			for (int y = 0; y < b; y++) c[a + y][y] = ALT_COST;
			final int[] col = Lap.solve(c);
			for (int x = 0; x < a; x++)
				if (col[x] < b && c[x][col[x]] < FORBIDDEN) {
					linkOf[ri.get(x)] = cj.get(col[x]);
					linkedFrom[cj.get(col[x])] = ri.get(x);
				}
		}
		final double lo = 1 / (1 + s.sizeTolerance()), hi = 1 + s.sizeTolerance();
		final boolean[] explained = new boolean[nc], ended = new boolean[np];
		// fission: births grouped by their zone parent
		final Map<Integer, List<Integer>> births = new TreeMap<>();
		for (int j = 0; j < nc; j++) {
			if (linkedFrom[j] >= 0) continue;
			final int best = best(cInP.get(j), cur.get(j).vox.length);
			if (best > 0) births.computeIfAbsent(prevIdx.get(best), x -> new ArrayList<>()).add(j);
		}
		for (final Map.Entry<Integer, List<Integer>> e : births.entrySet()) {
			final int i = e.getKey();
			final Obj p = prev.get(i);
			final List<Integer> kids = new ArrayList<>(e.getValue());
			int keep = linkOf[i];
			if (keep < 0) {
				if (kids.size() < 2) continue;
				kids.sort((x, y) -> cur.get(y).vox.length != cur.get(x).vox.length ? cur.get(y).vox.length - cur.get(x).vox.length : x - y);
				keep = kids.remove(0);
			}
			long total = cur.get(keep).vox.length;
			for (final int j : kids) total += cur.get(j).vox.length;
			final double ratio = total / (double) p.vox.length;
			if (ratio < lo || ratio > hi) continue;
			linkOf[i] = keep;
			linkedFrom[keep] = i;
			explained[keep] = true;
			final List<Integer> pieces = new ArrayList<>();
			pieces.add(keep);
			for (final int j : kids) {
				final Obj q = cur.get(j);
				q.track = nextTrack[0]++;
				q.parents = new int[] { p.track };
				explained[j] = true;
				pieces.add(j);
			}
			// one fission per gap: the edges of the tree of touching pieces (two pieces: the one gap between them)
			for (final int[] edge : tree(pieces, cur, dims, sp)) {
				final int a = pieces.get(edge[0]), j = pieces.get(edge[1]);
				final Obj q = cur.get(j);
				final double[] at = between(cur.get(a), q, dims, sp);
				final double conf = Math.max(0, Math.min(1, (1 - Math.abs(ratio - 1)) * cInP.get(j).getOrDefault(p.label, 0) / (double) q.vox.length));
				events.add(new DynamicsResult.Event(EventType.FISSION, t, t * dt, at[0], at[1], at[2], new int[] { p.track },
					new int[] { a == keep ? p.track : cur.get(a).track, q.track }, conf, fissionStep.apply(p, at)));
			}
			cur.get(keep).parents = new int[] { p.track };
		}
		// fusion: deaths grouped by their zone child
		final Map<Integer, List<Integer>> deaths = new TreeMap<>();
		for (int i = 0; i < np; i++) {
			if (linkOf[i] >= 0) continue;
			final int best = best(pInC.get(i), prev.get(i).vox.length);
			if (best > 0) deaths.computeIfAbsent(curIdx.get(best), x -> new ArrayList<>()).add(i);
		}
		for (final Map.Entry<Integer, List<Integer>> e : deaths.entrySet()) {
			final int j = e.getKey();
			final Obj q = cur.get(j);
			final List<Integer> olds = new ArrayList<>(e.getValue());
			int keep = linkedFrom[j];
			if (keep < 0) {
				if (olds.size() < 2) continue;
				olds.sort((x, y) -> prev.get(y).vox.length != prev.get(x).vox.length ? prev.get(y).vox.length - prev.get(x).vox.length : x - y);
				keep = olds.remove(0);
			}
			long total = prev.get(keep).vox.length;
			for (final int i : olds) total += prev.get(i).vox.length;
			final double ratio = total / (double) q.vox.length;
			if (ratio < lo || ratio > hi) continue;
			linkOf[keep] = j;
			linkedFrom[j] = keep;
			explained[j] = true;
			final int[] ps = new int[olds.size() + 1];
			ps[0] = prev.get(keep).track;
			final List<Integer> pieces = new ArrayList<>();
			pieces.add(keep);
			for (int k = 0; k < olds.size(); k++) {
				ps[k + 1] = prev.get(olds.get(k)).track;
				ended[olds.get(k)] = true;
				pieces.add(olds.get(k));
			}
			// one fusion per junction: the edges of the tree of touching parents (frame t−1)
			for (final int[] edge : tree(pieces, prev, dims, sp)) {
				final Obj a = prev.get(pieces.get(edge[0])), p = prev.get(pieces.get(edge[1]));
				final double[] at = between(a, p, dims, sp);
				final double conf = Math.max(0, Math.min(1, (1 - Math.abs(ratio - 1)) * pInC.get(pieces.get(edge[1])).getOrDefault(q.label, 0) / (double) p.vox.length));
				events.add(new DynamicsResult.Event(EventType.FUSION, t, t * dt, at[0], at[1], at[2], new int[] { a.track, p.track },
					new int[] { prev.get(keep).track }, conf, fusionStep.apply(q, at)));
			}
			q.parents = ps;
		}
		// transfer: a piece of P that joined a neighbour in the same frame (P → Q lost what N → M gained, inside P's zone)
		final long minPiece = minPieceVoxels(s, sp);
		for (int i = 0; i < np; i++) {
			final int j = linkOf[i];
			if (j < 0 || explained[j]) continue;
			final Obj p = prev.get(i), q = cur.get(j);
			final double loss = p.vox.length - q.vox.length;
			if (q.vox.length >= lo * p.vox.length || loss < minPiece) continue;
			int best = -1;
			int bestIn = 0;
			for (int m = 0; m < nc; m++) {
				if (m == j || explained[m] || linkedFrom[m] < 0 || linkedFrom[m] == i) continue;
				final int in = cInP.get(m).getOrDefault(p.label, 0);
				final double gain = cur.get(m).vox.length - prev.get(linkedFrom[m]).vox.length, r = gain / loss;
				if (r >= lo && r <= hi && in >= 0.5 * gain && in > bestIn) {
					best = m;
					bestIn = in;
				}
			}
			if (best < 0) continue;
			final Obj n0 = prev.get(linkedFrom[best]), mm = cur.get(best);
			final double r = (mm.vox.length - n0.vox.length) / loss;
			final double conf = Math.max(0, Math.min(1, (1 - Math.abs(r - 1)) * Math.min(1, bestIn / (mm.vox.length - (double) n0.vox.length))));
			final double[] cut = between(q, mm, dims, sp), join = between(p, n0, dims, sp);
			events.add(new DynamicsResult.Event(EventType.FISSION, t, t * dt, cut[0], cut[1], cut[2], new int[] { p.track }, new int[] { p.track, n0.track }, conf,
				fissionStep.apply(p, cut)));
			events.add(new DynamicsResult.Event(EventType.FUSION, t, t * dt, join[0], join[1], join[2], new int[] { n0.track, p.track }, new int[] { n0.track }, conf,
				fusionStep.apply(mm, join)));
			explained[j] = true;
			explained[best] = true;
			q.parents = new int[] { p.track };
			mm.parents = new int[] { n0.track, p.track };
		}
		// continued tracks and plain links
		for (int j = 0; j < nc; j++) {
			final int i = linkedFrom[j];
			final Obj q = cur.get(j);
			if (i < 0) continue;
			q.track = prev.get(i).track;
			if (!explained[j]) {
				q.parents = new int[] { q.track };
				final double[] v = speed.computeIfAbsent(q.track, x -> new double[2]);
				v[0] += dist(prev.get(i).c, q.c);
				v[1]++;
			}
		}
		// lost tracks: remember; gap closing for unexplained births
		for (int i = 0; i < np; i++)
			if (linkOf[i] < 0 && !ended[i]) lost.add(new Lost(prev.get(i).track, t - 1, prev.get(i).c, prev.get(i).vox.length));
		lost.removeIf(l -> t - 1 - l.frame > s.gapFrames());
		for (int j = 0; j < nc; j++) {
			final Obj q = cur.get(j);
			if (q.track >= 0) continue;
			Lost bestL = null;
			double bd = Double.POSITIVE_INFINITY;
			for (final Lost l : lost) {
				if (l.frame >= t - 1) continue;
				final double d = dist(l.c, q.c), r = q.vox.length / (double) l.size;
				if (d <= (s.gapFrames() + 1) * D && r >= 0.5 && r <= 2 && d < bd) {
					bd = d;
					bestL = l;
				}
			}
			if (bestL != null) {
				lost.remove(bestL);
				q.track = bestL.track;
				q.parents = new int[] { q.track };
			}
			else q.track = nextTrack[0]++;
		}
	}

	private static int best(final Map<Integer, Integer> counts, final int size) {
		int best = 0, bc = 0;
		for (final Map.Entry<Integer, Integer> e : counts.entrySet())
			if (e.getValue() > bc) {
				bc = e.getValue();
				best = e.getKey();
			}
		return bc >= 0.5 * size ? best : 0;
	}

	/**
	 * The intensity step at an event's site, in units of the joined object's brightness:
	 * {@code [(I_joined − m_joined) − (I_parted − m_parted)] / (p90 − m_joined)}, I the mean of the 3 × 3 in-plane
	 * neighbourhood (clipped at the border) of the voxel nearest {@code at} in its slice, m each raw frame's median
	 * (the background) and p90 the 90th percentile (nearest rank) of the joined object's voxels in its frame (its bright
	 * core, whatever share of the frame the objects fill). The parted frame is the one where the event position was
	 * found (fission: t, fusion: t−1), so there I samples the gap; in the joined frame the same place lies on the joined
	 * object (a motion of 0.3 µm per frame moves it along a rod, not off it). A gap that really opened is about as dark
	 * as the background (step ≈ 1); a cut or bridge that the threshold makes in a faded frame changes the site little
	 * (docs/dynamics.md: the simulator's 3D series).
	 *
	 * @param joined the raw frame where the site is joined
	 * @param joinedMedian its median
	 * @param object the joined object's voxels (indices into {@code joined})
	 * @param parted the raw frame where the site is parted
	 * @param partedMedian its median
	 * @return the step, NaN when the object's p90 is not above the median
	 */
	static double intensityStep(final float[] joined, final double joinedMedian, final int[] object, final float[] parted, final double partedMedian,
		final double[] at, final int[] dims, final double[] sp) {
		final float[] v = new float[object.length];
		for (int i = 0; i < v.length; i++) v[i] = joined[object[i]];
		Arrays.sort(v);
		final double p90 = v[Math.min(v.length - 1, Math.max(0, (int) Math.ceil(0.9 * v.length) - 1))];
		if (!(p90 > joinedMedian)) return Double.NaN;
		return ((mean3x3(joined, at, dims, sp) - joinedMedian) - (mean3x3(parted, at, dims, sp) - partedMedian)) / (p90 - joinedMedian);
	}

	private static double mean3x3(final float[] f, final double[] at, final int[] dims, final double[] sp) {
		final int w = dims[0], h = dims[1], d = dims.length == 3 ? dims[2] : 1;
		final int cx = clamp((int) Math.round(at[0] / sp[0]), w), cy = clamp((int) Math.round(at[1] / sp[1]), h), cz = dims.length == 3 ? clamp((int) Math.round(at[2] / sp[2]), d) : 0;
		double sum = 0;
		int c = 0;
		for (int y = Math.max(0, cy - 1); y <= Math.min(h - 1, cy + 1); y++)
			for (int x = Math.max(0, cx - 1); x <= Math.min(w - 1, cx + 1); x++) {
				sum += f[x + w * (y + h * cz)];
				c++;
			}
		return sum / c;
	}

	private static int clamp(final int v, final int n) {
		return Math.max(0, Math.min(n - 1, v));
	}

	/** @return the midpoint of the closest voxels of a and b ({@link #closest}) */
	private static double[] between(final Obj a, final Obj b, final int[] dims, final double[] sp) {
		final double[][] xy = closest(a, b, dims, sp);
		final double[] x = xy[0], y = xy[1];
		return new double[] { (x[0] + y[0]) / 2, (x[1] + y[1]) / 2, (x[2] + y[2]) / 2 };
	}

	/**
	 * The closest voxels of two objects, µm, by alternating nearest-voxel searches (a's voxel nearest b's centroid,
	 * b's voxel nearest that, a's voxel nearest that): exact for convex pieces end to end, as a split rod's.
	 */
	private static double[][] closest(final Obj a, final Obj b, final int[] dims, final double[] sp) {
		int pa = nearest(a, b.c, dims, sp);
		final int pb = nearest(b, pos(pa, dims, sp), dims, sp);
		pa = nearest(a, pos(pb, dims, sp), dims, sp);
		return new double[][] { pos(pa, dims, sp), pos(pb, dims, sp) };
	}

	/**
	 * The pieces of one split (the children at t) or one merge (the parents at t−1) joined where they touch: the
	 * minimum spanning tree (Prim 1957, Bell Syst. Tech. J. 36:1389, doi:10.1002/j.1538-7305.1957.tb01515.x) over the
	 * pieces, edge weight the gap between their closest voxels ({@link #closest}), grown from piece 0 (the object that
	 * keeps the parent's track). Each edge is one event, at that gap: a rod cut twice is two fissions at its two cuts,
	 * three rods merged end to end are two fusions at their two junctions — not every piece against piece 0, whose
	 * midpoint with a far piece lies where nothing happened. Two pieces: the one edge {0, 1}.
	 *
	 * @param pieces indices into objs, the first the track keeper
	 * @return edges {a, b} (indices into pieces; a already in the tree, b added), in the order they join
	 */
	private static List<int[]> tree(final List<Integer> pieces, final List<Obj> objs, final int[] dims, final double[] sp) {
		final int k = pieces.size();
		final List<int[]> edges = new ArrayList<>();
		if (k == 2) {
			edges.add(new int[] { 0, 1 });
			return edges;
		}
		final double[][] w = new double[k][k];
		for (int a = 0; a < k; a++)
			for (int b = a + 1; b < k; b++) {
				final double[][] xy = closest(objs.get(pieces.get(a)), objs.get(pieces.get(b)), dims, sp);
				w[a][b] = w[b][a] = dist(xy[0], xy[1]);
			}
		final boolean[] in = new boolean[k];
		final double[] d = new double[k];
		final int[] from = new int[k];
		in[0] = true;
		for (int b = 1; b < k; b++) d[b] = w[0][b];
		for (int step = 1; step < k; step++) {
			int b = -1;
			for (int x = 1; x < k; x++) if (!in[x] && (b < 0 || d[x] < d[b])) b = x;
			in[b] = true;
			edges.add(new int[] { from[b], b });
			for (int x = 1; x < k; x++)
				if (!in[x] && w[b][x] < d[x]) {
					d[x] = w[b][x];
					from[x] = b;
				}
		}
		return edges;
	}

	private static int nearest(final Obj o, final double[] c, final int[] dims, final double[] sp) {
		int best = o.vox[0];
		double bd = Double.POSITIVE_INFINITY;
		for (final int v : o.vox) {
			final double d = dist(pos(v, dims, sp), c);
			if (d < bd) {
				bd = d;
				best = v;
			}
		}
		return best;
	}

	private static double[] pos(final int v, final int[] dims, final double[] sp) {
		final int w = dims[0], h = dims[1];
		return new double[] { (v % w) * sp[0], ((v / w) % h) * sp[1], dims.length == 3 ? (v / (w * h)) * sp[2] : 0 };
	}

	private static double dist(final double[] a, final double[] b) {
		final double x = a[0] - b[0], y = a[1] - b[1], z = a[2] - b[2];
		return Math.sqrt(x * x + y * y + z * z);
	}

	private static int find(final int[] p, int x) {
		while (p[x] != x) x = p[x] = p[p[x]];
		return x;
	}

	private static void union(final int[] p, final int a, final int b) {
		final int x = find(p, a), y = find(p, b);
		if (x != y) p[Math.max(x, y)] = Math.min(x, y);
	}

	/**
	 * The rules applied to the raw events of the linking, in this order (all package-private so that the accuracy
	 * sweep can replay them on stored raw events):
	 * <ol>
	 * <li><b>chains</b> ({@link #chains}): each event and the events that undo it within k frames, reported by their
	 * net effect — fission then fusion of the same two tracks is a kiss-and-run; split, shut and split again is one
	 * fission at the first split;</li>
	 * <li><b>resolution</b>: a chain reported as fission (fusion) whose first event's smaller child at t (smaller
	 * parent at t−1) has fewer than {@code ⌈e·V_res/V_voxel⌉} voxels is dropped (e =
	 * {@link DynamicsSettings#minPieceElements()}, V_res = {@link DynamicsSettings#resolutionElement(int)});</li>
	 * <li><b>persistence</b> (p frames): a fission is kept only when both child tracks of the chain's last event are
	 * present in t_last … t_last+p−1, a fusion only when its child track is present there and each parent track of the
	 * chain's first event in t_first−p … t_first−1 — the new topology (and, for fusion, the old one) lasts p frames, so
	 * that a split or merge that the threshold undoes a frame later (one piece lost or gained by noise) is no event.
	 * The window is clipped to the series (an event in the last frame is kept unconfirmed: dropping them lost a true
	 * 2D event), except in a faint frame ({@code faint[t_first]}, contrast below
	 * {@link DynamicsSettings#contrastFloor()}, window max(p, p_faint)): there a fission's whole window must lie
	 * inside the series, unless its intensity step is at least {@link DynamicsSettings#faintMinIntensityStep()}, and a
	 * fusion's parent window (the two objects seen apart). Kiss-and-runs are always kept.</li>
	 * <li><b>intensity step</b> (before persistence): a chain reported as fission or fusion whose first event's step is
	 * below {@link DynamicsSettings#minIntensityStep()} is dropped.</li>
	 * </ol>
	 * The result is sorted by frame (stable).
	 *
	 * @param raw the linking's events in frame order
	 * @param spots every object of every frame (track presence and sizes)
	 * @param n frames
	 * @param spacing µm per voxel (2 or 3 axes)
	 * @param s settings
	 * @param faint per frame: contrast below the floor
	 * @return the reported events
	 */
	static List<DynamicsResult.Event> postProcess(final List<DynamicsResult.Event> raw, final List<DynamicsResult.Spot> spots, final int n,
		final double[] spacing, final DynamicsSettings s, final boolean[] faint) {
		final int p = s.persistenceFrames(), pf = Math.max(p, s.faintPersistenceFrames());
		final Map<Integer, java.util.BitSet> present = new HashMap<>();
		final Map<Long, Long> size = new HashMap<>();
		for (final DynamicsResult.Spot sp : spots) {
			present.computeIfAbsent(sp.track(), x -> new java.util.BitSet(n)).set(sp.frame());
			size.merge(key(sp.track(), sp.frame()), sp.voxels(), Long::sum);
		}
		final long minVoxels = minPieceVoxels(s, spacing);
		final List<DynamicsResult.Event> out = new ArrayList<>();
		for (final List<DynamicsResult.Event> chain : chains(raw, s)) {
			final DynamicsResult.Event first = chain.get(0), last = chain.get(chain.size() - 1);
			final DynamicsResult.Event e = merged(chain);
			if (e.type() == EventType.KISS_AND_RUN) {
				out.add(e);
				continue;
			}
			final int t0 = first.frame(), t1 = last.frame();
			// resolution: the smaller piece of the first event
			if (minVoxels > 1) {
				final boolean fis = first.type() == EventType.FISSION;
				final int[] pieces = fis ? first.childTracks() : first.parentTracks();
				long smallest = Long.MAX_VALUE;
				for (final int tr : pieces) smallest = Math.min(smallest, size.getOrDefault(key(tr, fis ? t0 : t0 - 1), Long.MAX_VALUE));
				if (smallest < minVoxels) continue;
			}
			// the intensity step at the first event's site (NaN, not measured, passes)
			if (s.minIntensityStep() > 0 && first.intensityStep() < s.minIntensityStep()) continue;
			final int q = faint[t0] ? pf : p;
			if (q <= 1) {
				out.add(e);
				continue;
			}
			boolean ok = true;
			for (final int tr : e.childTracks()) ok &= lasts(present.get(tr), t1, t1 + q - 1, n);
			if (e.type() == EventType.FUSION) for (final int tr : e.parentTracks()) ok &= lasts(present.get(tr), t0 - q, t0 - 1, n);
			// in a faint frame the window is not clipped: a fission that cannot be confirmed is dropped, a fusion needs its parents seen apart
			// (unless the step at its site is as large as a gap that opened: {@link DynamicsSettings#faintMinIntensityStep()})
			if (faint[t0]) ok &= e.type() == EventType.FUSION ? t0 - q >= 0 : t1 + q - 1 <= n - 1 || first.intensityStep() >= s.faintMinIntensityStep();
			if (ok) out.add(e);
		}
		out.sort(java.util.Comparator.comparingInt(DynamicsResult.Event::frame));
		return out;
	}

	/** @return ⌈e·V_res/V_voxel⌉ voxels, the smallest piece an event may cut off (0 with the rule off) */
	static long minPieceVoxels(final DynamicsSettings s, final double[] spacing) {
		double voxel = 1;
		for (final double v : spacing) voxel *= v;
		return s.minPieceElements() > 0 ? (long) Math.ceil(s.minPieceElements() * s.resolutionElement(spacing.length) / voxel - 1e-9) : 0;
	}

	private static long key(final int track, final int frame) {
		return ((long) track << 32) | (frame & 0xffffffffL);
	}

	private static boolean lasts(final java.util.BitSet frames, final int from, final int to, final int n) {
		if (frames == null) return false;
		for (int f = Math.max(0, from); f <= Math.min(n - 1, to); f++) if (!frames.get(f)) return false;
		return true;
	}

	/**
	 * Chains of events that undo each other within k frames ({@link DynamicsSettings#kissAndRunFrames()}). Event B
	 * undoes event A when t_A &lt; t_B ≤ t_A + k and either A is a fission and B a fusion of the same two tracks, or A
	 * is a fusion and B a fission of A's child track at less than {@link DynamicsSettings#kissAndRunDistanceUm()} from
	 * A's position (the mirrored kiss-and-run: two objects that touch and part again, or a threshold that bridges two
	 * neighbours for a frame). The pairs are taken closest in time, then in space, first (each event undoes at most one
	 * and is undone by at most one): of two fusions at one frame whose common child splits again, the reopening
	 * belongs to the nearer junction. The chain goes on from the undoing event: split, shut, split is one chain.
	 * Events in no chain are chains of one.
	 *
	 * @param ev raw events in frame order
	 * @param s settings
	 * @return the chains, each in frame order, by their first event's order
	 */
	static List<List<DynamicsResult.Event>> chains(final List<DynamicsResult.Event> ev, final DynamicsSettings s) {
		final int k = s.kissAndRunFrames();
		final double mirrorUm = s.kissAndRunDistanceUm();
		final int[] next = new int[ev.size()];
		final boolean[] taken = new boolean[ev.size()];
		Arrays.fill(next, -1);
		// every (A, B) with B undoing A, then taken closest in time, then in space, first: one event can be undone by
		// two (a merge of three pieces is two fusions, and the gap that reopens belongs to the nearer junction)
		final List<double[]> pairs = new ArrayList<>(); // {a, b, frames apart, distance}
		for (int a = 0; a < ev.size(); a++) {
			final DynamicsResult.Event x = ev.get(a);
			// ev is in frame order: the candidates follow a, up to k frames later
			for (int b = a + 1; b < ev.size() && ev.get(b).frame() - x.frame() <= k; b++) {
				final DynamicsResult.Event y = ev.get(b);
				if (y.frame() == x.frame()) continue;
				final double d = dist(new double[] { x.x(), x.y(), x.z() }, new double[] { y.x(), y.y(), y.z() });
				final boolean undoes;
				if (x.type() == EventType.FISSION && y.type() == EventType.FUSION) {
					final int[] c = x.childTracks().clone(), q = y.parentTracks().clone();
					Arrays.sort(c);
					Arrays.sort(q);
					undoes = Arrays.equals(c, q);
				}
				else undoes = x.type() == EventType.FUSION && y.type() == EventType.FISSION && y.parentTracks()[0] == x.childTracks()[0] && d < mirrorUm;
				if (undoes) pairs.add(new double[] { a, b, y.frame() - x.frame(), d });
			}
		}
		pairs.sort(java.util.Comparator.<double[]>comparingDouble(q -> q[2]).thenComparingDouble(q -> q[3]).thenComparingDouble(q -> q[0]).thenComparingDouble(q -> q[1]));
		for (final double[] q : pairs) {
			final int a = (int) q[0], b = (int) q[1];
			if (next[a] >= 0 || taken[b]) continue;
			next[a] = b;
			taken[b] = true;
		}
		final List<List<DynamicsResult.Event>> out = new ArrayList<>();
		for (int a = 0; a < ev.size(); a++) {
			if (taken[a]) continue;
			final List<DynamicsResult.Event> c = new ArrayList<>();
			for (int b = a; b >= 0; b = next[b]) c.add(ev.get(b));
			out.add(c);
		}
		return out;
	}

	/**
	 * A chain as one event by its net effect (fissions − fusions): 0 is a kiss-and-run, +1 a fission, −1 a fusion,
	 * at the first event's frame, time and position, with the first event's parents, the last event's children and
	 * the smallest confidence.
	 */
	private static DynamicsResult.Event merged(final List<DynamicsResult.Event> chain) {
		final DynamicsResult.Event f = chain.get(0), l = chain.get(chain.size() - 1);
		if (chain.size() == 1) return f;
		int net = 0;
		double conf = 1;
		for (final DynamicsResult.Event e : chain) {
			net += e.type() == EventType.FISSION ? 1 : e.type() == EventType.FUSION ? -1 : 0;
			conf = Math.min(conf, e.confidence());
		}
		final EventType type = net == 0 ? EventType.KISS_AND_RUN : net > 0 ? EventType.FISSION : EventType.FUSION;
		return new DynamicsResult.Event(type, f.frame(), f.timeS(), f.x(), f.y(), f.z(), f.parentTracks(), l.childTracks(), conf, f.intensityStep());
	}
}
