package io.github.myomito.reporter;

import java.util.ArrayList;
import java.util.List;

import io.github.myomito.math.Selection;
import io.github.myomito.segment.AutoThreshold;
import io.github.myomito.segment.Connectivity;
import io.github.myomito.segment.Gauss;
import io.github.myomito.segment.Labeling;
import io.github.myomito.segment.Labels;
import io.github.myomito.segment.ThresholdMethod;

/**
 * Mitolysosomes of a pH-sensitive reporter in 2D or 3D: puncta whose acid/neutral ratio is far above the
 * ratio of the region's mitochondria, and whose acid signal is above a floor.
 * <p>
 * mito-QC (mCherry-GFP on the outer mitochondrial membrane) loses its GFP signal in the acid lysosome while
 * mCherry persists, so mitolysosomes are mCherry-only puncta (McWilliams et al. 2016, J Cell Biol 214:333,
 * doi:10.1083/jcb.201603039; counted as red-only puncta by the mQC-counter macro, Montava-Garriga et al.
 * 2020, Mech Ageing Dev 185:111196, doi:10.1016/j.mad.2019.111196). mt-Keima's 561/440 nm excitation ratio
 * rises at lysosomal pH (Sun et al. 2017, Nat Protoc 12:1576, doi:10.1038/nprot.2017.060). Both are read as
 * an acid channel A and a neutral channel N.
 * <ol>
 * <li>Both channels are smoothed with a Gaussian of σ = {@link ReporterSettings#smoothingUm()} (per axis in
 * pixels from the spacing), and their backgrounds {@code b_A, b_N} (the 5th percentile over the region)
 * subtracted: {@code a = G*A − b_A, g = G*N − b_N}.</li>
 * <li>Reporter-positive pixels: {@code a + g > t}, t = Otsu's threshold (N. Otsu, IEEE Trans Syst Man Cybern
 * 9:62, 1979, doi:10.1109/TSMC.1979.4310076) of {@code a + g} over the region; the acid floor is
 * {@code t/2}.</li>
 * <li>Log-ratio {@code ℓ = ln max(a, ε) − ln max(g, ε)} with {@code ε = 0.02·median(a + g)} over the
 * reporter-positive pixels (so that a fully quenched pixel has a finite ratio).</li>
 * <li>Objective threshold per region (a robust outlier rule on the region's own ratio distribution, which
 * mitochondria dominate): {@code T = m + max(k·1.4826·MAD, ln f)}, m and MAD the median and median absolute
 * deviation of ℓ over the reporter-positive pixels, k = {@link ReporterSettings#k()} (4 by default) and
 * f = {@link ReporterSettings#minFold()} (2: a mitolysosome's ratio is at least twice the mitochondrial one).
 * 1.4826·MAD estimates σ for Gaussian noise (P. J. Rousseeuw and C. Croux, J Am Stat Assoc 88:1273, 1993,
 * doi:10.1080/01621459.1993.10476408). A user threshold ρ gives {@code T = ln ρ}.</li>
 * <li>Mitolysosome pixels: reporter-positive, {@code ℓ > T} and {@code a > t/2}; 8/26-connected components
 * of at least {@link ReporterSettings#minSizeUm2()} are the mitolysosomes. Per component: size = count ×
 * pixel measure, position = a-weighted centroid, ratio = {@code exp(mean ℓ)}, object = the most frequent
 * non-zero mitochondrial label among its pixels and their face neighbours (smallest on ties; 0 = none).</li>
 * </ol>
 * Ratios include the channels' bleed-through; the threshold is relative to the region's own mitochondrial
 * ratio, so a constant bleed-through shifts m and T alike.
 */
public final class MitolysosomeDetector {

	private MitolysosomeDetector() {}

	/** Percentile of the region's smoothed values taken as the background. */
	static final double BACKGROUND_PERCENTILE = 0.05;
	/** ε of the log-ratio as a fraction of the median summed signal. */
	static final double EPSILON_FRACTION = 0.02;

	/**
	 * @param acid acid channel (mito-QC red, mt-Keima 561 nm), flat order
	 * @param neutral neutral channel (mito-QC green, mt-Keima 440 nm), flat order
	 * @param dims 2 or 3 axes
	 * @param spacing µm per pixel per axis
	 * @param region region flags (null = all pixels)
	 * @param mitoLabels mitochondrial object labels of the same array (null = none)
	 * @param s settings
	 * @return the mitolysosomes, ids 1..n in flat order of their first pixel
	 */
	public static MitolysosomeResult detect(final float[] acid, final float[] neutral, final int[] dims, final double[] spacing, final byte[] region,
		final int[] mitoLabels, final ReporterSettings s) {
		int n = 1;
		for (final int d : dims) n *= d;
		if (acid.length != n || neutral.length != n) throw new IllegalArgumentException("reporter channels do not match the dimensions (" + n + " pixels)");
		if (region != null && region.length != n) throw new IllegalArgumentException("region length " + region.length + " does not match " + n + " pixels");
		final float[] a = smooth(acid, dims, spacing, s.smoothingUm()), g = smooth(neutral, dims, spacing, s.smoothingUm());
		final float ba = percentile(a, region, BACKGROUND_PERCENTILE), bg = percentile(g, region, BACKGROUND_PERCENTILE);
		final float[] sum = new float[n];
		for (int i = 0; i < n; i++) {
			a[i] -= ba;
			g[i] -= bg;
			sum[i] = a[i] + g[i];
		}
		final double t = AutoThreshold.threshold(sum, region, ThresholdMethod.OTSU);
		final List<Mitolysosome> none = new ArrayList<>();
		if (Double.isNaN(t)) return new MitolysosomeResult(none, Double.NaN, Double.NaN, Double.NaN, !Double.isNaN(s.ratioThreshold()));
		final double floor = t / 2;
		int np = 0;
		final float[] buf = new float[n];
		for (int i = 0; i < n; i++)
			if ((region == null || region[i] != 0) && sum[i] > t) buf[np++] = sum[i];
		if (np == 0) return new MitolysosomeResult(none, Double.NaN, Double.NaN, floor, !Double.isNaN(s.ratioThreshold()));
		final double eps = Math.max(1e-6, EPSILON_FRACTION * Selection.select(buf, np, np / 2));
		final float[] lr = new float[n];
		int m = 0;
		for (int i = 0; i < n; i++) {
			lr[i] = (float) (Math.log(Math.max(a[i], eps)) - Math.log(Math.max(g[i], eps)));
			if ((region == null || region[i] != 0) && sum[i] > t) buf[m++] = lr[i];
		}
		final double med = Selection.select(buf, m, m / 2);
		for (int i = 0; i < m; i++) buf[i] = (float) Math.abs(buf[i] - med);
		final double mad = Selection.select(buf, m, m / 2);
		final boolean user = !Double.isNaN(s.ratioThreshold());
		final double T = user ? Math.log(s.ratioThreshold()) : med + Math.max(s.k() * 1.4826 * mad, Math.log(s.minFold()));
		final byte[] hit = new byte[n];
		for (int i = 0; i < n; i++)
			if ((region == null || region[i] != 0) && sum[i] > t && lr[i] > T && a[i] > floor) hit[i] = 1;
		final Labels lab = Labeling.label(hit, dims, Connectivity.FULL);
		final int k = lab.count();
		final int[] l = lab.labels();
		final long[] cnt = new long[k + 1];
		final double[] wa = new double[k + 1], sl = new double[k + 1];
		final double[][] c = new double[k + 1][dims.length];
		for (int i = 0; i < n; i++) {
			final int q = l[i];
			if (q == 0) continue;
			cnt[q]++;
			final double w = Math.max(a[i], 0);
			wa[q] += w;
			sl[q] += lr[i];
			int r = i;
			for (int d = 0; d < dims.length; d++) {
				c[q][d] += w * (r % dims[d]) * spacing[d];
				r /= dims[d];
			}
		}
		double px = 1;
		for (int d = 0; d < dims.length; d++) px *= spacing[d];
		final int[] object = mitoLabels == null ? new int[k + 1] : objects(l, k, mitoLabels, dims);
		final List<Mitolysosome> out = new ArrayList<>();
		for (int q = 1; q <= k; q++) {
			final double size = cnt[q] * px;
			if (size < s.minSizeUm2() - 1e-12) continue;
			final double[] pos = new double[dims.length];
			for (int d = 0; d < dims.length; d++) pos[d] = wa[q] > 0 ? c[q][d] / wa[q] : Double.NaN;
			out.add(new Mitolysosome(out.size() + 1, pos, size, cnt[q], Math.exp(sl[q] / cnt[q]), wa[q] / cnt[q], object[q]));
		}
		return new MitolysosomeResult(out, Math.exp(T), Math.exp(med), floor, user);
	}

	/** Most frequent non-zero mitochondrial label among each component's pixels and their face neighbours. */
	private static int[] objects(final int[] l, final int k, final int[] mito, final int[] dims) {
		final java.util.Map<Long, Integer> votes = new java.util.HashMap<>();
		final int n = l.length;
		final int[] stride = new int[dims.length];
		int st = 1;
		for (int d = 0; d < dims.length; d++) {
			stride[d] = st;
			st *= dims[d];
		}
		for (int i = 0; i < n; i++) {
			final int q = l[i];
			if (q == 0) continue;
			vote(votes, q, mito[i]);
			int r = i;
			for (int d = 0; d < dims.length; d++) {
				final int x = r % dims[d];
				r /= dims[d];
				if (x > 0) vote(votes, q, mito[i - stride[d]]);
				if (x < dims[d] - 1) vote(votes, q, mito[i + stride[d]]);
			}
		}
		final int[] best = new int[k + 1], bestN = new int[k + 1];
		for (final java.util.Map.Entry<Long, Integer> e : votes.entrySet()) {
			final int q = (int) (e.getKey() >>> 32), lab = (int) (long) e.getKey();
			final int v = e.getValue();
			if (v > bestN[q] || (v == bestN[q] && lab < best[q])) {
				bestN[q] = v;
				best[q] = lab;
			}
		}
		return best;
	}

	private static void vote(final java.util.Map<Long, Integer> votes, final int q, final int label) {
		if (label <= 0) return;
		votes.merge(((long) q << 32) | label, 1, Integer::sum);
	}

	private static float[] smooth(final float[] data, final int[] dims, final double[] sp, final double sigmaUm) {
		final float[] f = new float[data.length];
		for (int i = 0; i < f.length; i++) f[i] = Float.isFinite(data[i]) ? data[i] : 0f;
		if (sigmaUm <= 0) return f;
		final double[] sg = new double[dims.length];
		for (int d = 0; d < dims.length; d++) sg[d] = d < 2 ? sigmaUm / sp[d] : 0;
		return Gauss.smooth(f, dims, sg);
	}

	/** The q-quantile of the region's values (whole array when region is null); 0 when empty. */
	static float percentile(final float[] v, final byte[] region, final double q) {
		final float[] b = new float[v.length];
		int n = 0;
		for (int i = 0; i < v.length; i++)
			if (region == null || region[i] != 0) b[n++] = v[i];
		if (n == 0) return 0f;
		return Selection.select(b, n, (int) Math.min(n - 1, Math.floor(q * n)));
	}
}
