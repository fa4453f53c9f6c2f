package io.github.myomito.lattice;

import java.util.Arrays;

import io.github.myomito.segment.Gauss;

/**
 * Sarcomeric periodicity of an image along the fibre axis.
 * <p>
 * <b>Profile.</b> Each pixel (in 3D each voxel, by its x–y position: the axis lies in the imaging plane) of
 * the region is projected on the axis, {@code u = X·cos α − Y·sin α} with physical coordinates X, Y (pixel
 * orientation, y down) and ImageJ angle α. Values are averaged in bins of width {@code h = min(s_x, s_y)}
 * along u; empty bins are filled by linear interpolation. The profile's geometry does not depend on α
 * apart from the sampling, so the measure is rotation-invariant.
 * <p>
 * <b>Detrending.</b> The least-squares line is removed, then the slow background by subtracting a
 * Gaussian-smoothed copy (σ = max period / 2, {@link Gauss}); this high-pass passes a period P with gain
 * {@code 1 − exp(−2π²σ²/P²)} (≥ 0.992 inside the band, 0.24 for a 15 µm modulation when the band ends at
 * 3.5 µm), so slow intensity changes along the fibre affect neither the period nor the regularity much.
 * <p>
 * <b>Period.</b> Periodogram of the Hann-windowed detrended profile x, evaluated directly (a DFT at arbitrary
 * frequencies, i.e. a zoomed spectrum) {@code P(f) = |Σₖ wₖ xₖ e^{−2πi f k h}|²} on a grid of step
 * {@code 1/(8 N h)} over {@code f ∈ [1/maxPeriod, 1/minPeriod]}; the maximum is refined by parabolic
 * interpolation through its neighbours, {@code δ = ½ (P₋ − P₊)/(P₋ − 2P₀ + P₊)}, and the period is
 * {@code 1/f}. (F. J. Harris, Proc. IEEE 66:51–83, 1978, doi:10.1109/PROC.1978.10837, for windows and
 * interpolated peak estimation.)
 * <p>
 * <b>Regularity.</b> The Pearson correlation between x(u) and x(u + P) (x linearly interpolated at the
 * fractional lag), clipped to [0, 1]: the normalised autocorrelation at the period lag.
 * <p>
 * <b>I-band doublets.</b> The lightly smoothed profile (σ = one bin) is folded modulo P to a mean motif; the
 * profile is cut into whole periods starting at the motif's minimum (between sarcomeric groups). In each
 * period, local maxima with topographic prominence (height above the higher of the lowest points separating
 * it from a higher sample or the period's ends) ≥ {@link #DOUBLET_PROMINENCE} × the period's range count as
 * peaks (the period's highest peak counts from the period's minimum); a period with ≥ 2 peaks is a doublet and its spacing is the distance between its two highest peaks
 * (sub-bin by parabolic interpolation), taken as {@code min(s, P − s)}: the I-band pair straddles the Z-line
 * and is closer than half a sarcomere. Reported: the fraction of doublet periods and their median spacing.
 * Limits: resolved doublets need a peak separation of more than about 2.5 × the (optical + one-bin) blur σ;
 * noisy profiles produce spurious peaks, so interpret the doublet fraction together with the regularity.
 */
public final class Periodicity {

	/** Default lower end of the period search band, µm. */
	public static final double DEFAULT_MIN_PERIOD_UM = 1.5;
	/**
	 * Regularity below which no period is reported ({@link PeriodResult#isPeriodic()}): 0.45. The "dominant period"
	 * of a profile without one is the highest of its noise peaks, and the scattered objects of a fragmented or
	 * swollen network fake regularities of up to about 0.5. Chosen on the simulator (docs/lattice.md; 8 seeds each,
	 * 12 × 24 µm and default fibres): phantoms with a sarcomeric period measure 0.87–0.99 (lattice, hyperfused) and
	 * 0.46–0.78 (glycolytic), phantoms without one 0–0.41 (fission) and 0–0.55 (swollen, one of 16 above 0.45).
	 */
	public static final double MIN_REGULARITY = 0.45;
	/** Default upper end of the period search band, µm. */
	public static final double DEFAULT_MAX_PERIOD_UM = 3.5;
	/** Minimum peak prominence, as a fraction of the period's intensity range, for a doublet peak. */
	public static final double DOUBLET_PROMINENCE = 0.2;

	private Periodicity() {}

	/** As {@link #along(float[], byte[], int[], double[], double, double, double)} with the default 1.5–3.5 µm band. */
	public static PeriodResult along(final float[] img, final byte[] regionOrNull, final int[] dims, final double[] spacing, final double axisDeg) {
		return along(img, regionOrNull, dims, spacing, axisDeg, DEFAULT_MIN_PERIOD_UM, DEFAULT_MAX_PERIOD_UM);
	}

	/**
	 * Dominant period of the image along the axis, its regularity, and I-band doublets.
	 *
	 * @param img image, flat order
	 * @param regionOrNull region to analyse (non-zero = inside), or {@code null} for the whole image
	 * @param dims 2 or 3 axes
	 * @param spacing µm per pixel per axis
	 * @param axisDeg fibre axis, ImageJ convention
	 * @param minPeriodUm lower end of the search band (µm, &gt; 0)
	 * @param maxPeriodUm upper end of the search band (µm, &gt; minPeriodUm)
	 * @return the result; not {@link PeriodResult#valid() valid} when the profile spans less than 2·maxPeriod
	 * @throws IllegalArgumentException for bad sizes, a bad band or an empty region
	 */
	public static PeriodResult along(final float[] img, final byte[] regionOrNull, final int[] dims, final double[] spacing, final double axisDeg, final double minPeriodUm, final double maxPeriodUm) {
		final int total = Checks.image(dims, spacing);
		if (regionOrNull != null) Checks.length("region", regionOrNull.length, total);
		return alongRuns(img, Runs.of(regionOrNull, dims), dims, spacing, axisDeg, minPeriodUm, maxPeriodUm);
	}

	/**
	 * As {@link #along(float[], byte[], int[], double[], double, double, double)} on a region prepared once as
	 * {@link Runs} (for many directions over the same region, e.g. an axis scan): the same result, without
	 * rescanning the region mask for every direction.
	 *
	 * @param region the region as runs, from {@link Runs#of} with the same dims
	 */
	public static PeriodResult alongRuns(final float[] img, final Runs region, final int[] dims, final double[] spacing, final double axisDeg, final double minPeriodUm, final double maxPeriodUm) {
		final int total = Checks.image(dims, spacing);
		if (img == null) throw new IllegalArgumentException("img must not be null");
		Checks.length("img", img.length, total);
		if (region == null) throw new IllegalArgumentException("region runs must not be null");
		if (region.w != dims[0] || region.total != total) throw new IllegalArgumentException("region runs were made for other dims");
		if (!Double.isFinite(axisDeg)) throw new IllegalArgumentException("axis angle must be finite, got " + axisDeg);
		Checks.positive("minPeriodUm", minPeriodUm);
		Checks.positive("maxPeriodUm", maxPeriodUm);
		if (maxPeriodUm <= minPeriodUm) throw new IllegalArgumentException("maxPeriodUm (" + maxPeriodUm + ") must exceed minPeriodUm (" + minPeriodUm + ")");
		if (minPeriodUm < 2 * Math.min(spacing[0], spacing[1]))
			throw new IllegalArgumentException("minPeriodUm " + minPeriodUm + " is below the Nyquist limit 2·" + Math.min(spacing[0], spacing[1]) + " µm");
		final double axis = Checks.fold180(axisDeg);
		final double[] prof = profile(img, region, spacing, axis);
		final double h = Math.min(spacing[0], spacing[1]);
		final int n = prof.length;
		if (n * h < 2 * maxPeriodUm || n < 8) return new PeriodResult(false, Double.NaN, 0, Double.NaN, Double.NaN, 0, prof, h, axis);

		// detrend: remove the least-squares line, then subtract a Gaussian low-pass (σ = max period / 2)
		double sk = 0, sv = 0, skk = 0, skv = 0;
		for (int i = 0; i < n; i++) {
			sk += i;
			sv += prof[i];
			skk += (double) i * i;
			skv += i * prof[i];
		}
		final double slope = (n * skv - sk * sv) / (n * skk - sk * sk), icpt = (sv - slope * sk) / n;
		final float[] pf = new float[n];
		for (int i = 0; i < n; i++) pf[i] = (float) (prof[i] - icpt - slope * i);
		final float[] low = Gauss.smooth(pf, new int[] { n }, 0.5 * maxPeriodUm / h);
		final double[] x = new double[n];
		double mean = 0;
		for (int i = 0; i < n; i++) mean += x[i] = pf[i] - low[i];
		mean /= n;
		for (int i = 0; i < n; i++) x[i] -= mean;

		final double period = dominantPeriod(x, h, minPeriodUm, maxPeriodUm);
		final double regularity = Double.isNaN(period) ? 0 : Math.max(0, lagCorrelation(x, period / h));
		final float[] xf = new float[n];
		for (int i = 0; i < n; i++) xf[i] = (float) x[i];
		final float[] sm = Gauss.smooth(xf, new int[] { n }, 1.0);
		final double[] doublets = Double.isNaN(period) ? new double[] { Double.NaN, Double.NaN, 0 } : doublets(sm, h, period);
		return new PeriodResult(true, period, regularity, doublets[0], doublets[1], (int) doublets[2], prof, h, axis);
	}

	/**
	 * Mean profile along the axis in bins of min(s_x, s_y), gaps linearly interpolated.
	 * <p>
	 * The pixels are visited run by run in raster order, each bin's sum accumulated in the same order as a
	 * per-pixel raster scan (so the sums are bit-identical to it). The extent {@code [u_min, u_max]} is taken
	 * from the ends of the runs only: along a run y is fixed and {@code u = fl(fl(x·c_x) + fl(y·c_y))} is
	 * monotonic in x (rounding is monotonic), so its extreme values lie at the run's ends.
	 */
	static double[] profile(final float[] img, final Runs reg, final double[] sp, final double axisDeg) {
		final double a = Math.toRadians(axisDeg);
		final double cx = Math.cos(a) * sp[0], cy = -Math.sin(a) * sp[1];
		final double h = Math.min(sp[0], sp[1]);
		final int nr = reg.count;
		final int[] rx = reg.x, ry = reg.y, rs = reg.start, rl = reg.length;
		double umin = Double.POSITIVE_INFINITY, umax = Double.NEGATIVE_INFINITY;
		for (int r = 0; r < nr; r++) {
			final int y = ry[r], x0 = rx[r], x1 = x0 + rl[r] - 1;
			final double u0 = x0 * cx + y * cy, u1 = x1 * cx + y * cy;
			if (u0 < umin) umin = u0;
			if (u0 > umax) umax = u0;
			if (u1 < umin) umin = u1;
			if (u1 > umax) umax = u1;
		}
		if (umin > umax) throw new IllegalArgumentException("the region is empty");
		final int n = (int) Math.floor((umax - umin) / h + 1e-9) + 1;
		final double[] sum = new double[n];
		final int[] cnt = new int[n];
		for (int r = 0; r < nr; r++) {
			final double yc = ry[r] * cy;
			final int x0 = rx[r], x1 = x0 + rl[r];
			// the current bin's sum and count are kept in registers until the bin changes
			int cur = -1, cc = 0;
			double acc = 0;
			for (int x = x0, i = rs[r]; x < x1; x++, i++) {
				final double u = x * cx + yc;
				final int b = Math.min(n - 1, (int) ((u - umin) / h + 1e-9));
				if (b != cur) {
					if (cur >= 0) {
						sum[cur] = acc;
						cnt[cur] = cc;
					}
					cur = b;
					acc = sum[b];
					cc = cnt[b];
				}
				acc += img[i];
				cc++;
			}
			if (cur >= 0) {
				sum[cur] = acc;
				cnt[cur] = cc;
			}
		}
		int prev = -1;
		for (int b = 0; b < n; b++) {
			if (cnt[b] == 0) continue;
			sum[b] /= cnt[b];
			if (prev < 0) Arrays.fill(sum, 0, b, sum[b]);
			else for (int k = prev + 1; k < b; k++) sum[k] = sum[prev] + (sum[b] - sum[prev]) * (k - prev) / (double) (b - prev);
			prev = b;
		}
		for (int k = prev + 1; k < n; k++) sum[k] = sum[prev];
		return sum;
	}

	/**
	 * A region of a 2D/3D image as runs of consecutive region pixels along x (raster order): the form in
	 * which {@link #alongRuns(float[], Runs, int[], double[], double, double, double)} visits it. Immutable.
	 */
	public static final class Runs {
		final int w, total, count;
		/** Per run: flat index of the first pixel, its x, its y, and the number of pixels. */
		final int[] start, x, y, length;

		private Runs(final int w, final int total, final int count, final int[] start, final int[] x, final int[] y, final int[] length) {
			this.w = w;
			this.total = total;
			this.count = count;
			this.start = start;
			this.x = x;
			this.y = y;
			this.length = length;
		}

		/**
		 * @param regionOrNull non-zero = inside, flat order; {@code null} = the whole image
		 * @param dims 2 or 3 axes
		 * @return the region's runs
		 */
		public static Runs of(final byte[] regionOrNull, final int[] dims) {
			if (dims == null || dims.length < 2 || dims.length > 3) throw new IllegalArgumentException("only 2D and 3D images are supported");
			final int w = dims[0], hgt = dims[1], nz = dims.length > 2 ? dims[2] : 1;
			final int total = w * hgt * nz;
			if (regionOrNull != null) Checks.length("region", regionOrNull.length, total);
			int cap = regionOrNull == null ? hgt * nz : 64;
			int[] st = new int[cap], xs = new int[cap], ys = new int[cap], ls = new int[cap];
			int c = 0;
			for (int z = 0, i = 0; z < nz; z++)
				for (int yy = 0; yy < hgt; yy++, i += w) {
					int x = 0;
					while (x < w) {
						if (regionOrNull != null) {
							while (x < w && regionOrNull[i + x] == 0) x++;
							if (x == w) break;
						}
						final int x0 = x;
						if (regionOrNull == null) x = w;
						else while (x < w && regionOrNull[i + x] != 0) x++;
						if (c == cap) {
							cap *= 2;
							st = Arrays.copyOf(st, cap);
							xs = Arrays.copyOf(xs, cap);
							ys = Arrays.copyOf(ys, cap);
							ls = Arrays.copyOf(ls, cap);
						}
						st[c] = i + x0;
						xs[c] = x0;
						ys[c] = yy;
						ls[c] = x - x0;
						c++;
					}
				}
			return new Runs(w, total, c, st, xs, ys, ls);
		}
	}

	/** Maximum of the Hann-windowed periodogram over the band, refined parabolically; @return period in µm. */
	static double dominantPeriod(final double[] x, final double h, final double minP, final double maxP) {
		final int n = x.length;
		final double[] xw = new double[n];
		for (int k = 0; k < n; k++) xw[k] = x[k] * 0.5 * (1 - Math.cos(2 * Math.PI * k / (n - 1)));
		final double fLo = 1 / maxP, fHi = 1 / minP, df = 1 / (8.0 * n * h);
		final int m = (int) Math.ceil((fHi - fLo) / df) + 1;
		final double[] pow = new double[m];
		int best = 0;
		for (int j = 0; j < m; j++) {
			pow[j] = power(xw, 2 * Math.PI * (fLo + j * df) * h);
			if (pow[j] > pow[best]) best = j;
		}
		if (!(pow[best] > 0)) return Double.NaN;
		double delta = 0;
		if (best > 0 && best < m - 1) {
			final double den = pow[best - 1] - 2 * pow[best] + pow[best + 1];
			if (den < 0) delta = 0.5 * (pow[best - 1] - pow[best + 1]) / den;
		}
		return 1 / (fLo + (best + delta) * df);
	}

	/** |Σ xₖ e^{−iωk}|², with the phasor advanced by a rotation (no trigonometry per sample). */
	private static double power(final double[] x, final double omega) {
		final double c = Math.cos(omega), s = Math.sin(omega);
		double re = 0, im = 0, pr = 1, pi = 0;
		for (final double v : x) {
			re += v * pr;
			im -= v * pi;
			final double t = pr * c - pi * s;
			pi = pr * s + pi * c;
			pr = t;
		}
		return re * re + im * im;
	}

	/** Pearson correlation of x(k) and x(k + lag), x linearly interpolated at the fractional lag. */
	static double lagCorrelation(final double[] x, final double lag) {
		final int n = x.length;
		final int m = (int) Math.floor(n - 1 - lag);
		if (m < 2) return 0;
		final int il = (int) Math.floor(lag);
		final double fr = lag - il;
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		for (int k = 0; k < m; k++) {
			final double a = x[k];
			final double b = x[k + il] * (1 - fr) + x[Math.min(n - 1, k + il + 1)] * fr;
			sa += a;
			sb += b;
			saa += a * a;
			sbb += b * b;
			sab += a * b;
		}
		final double va = saa - sa * sa / m, vb = sbb - sb * sb / m;
		if (!(va > 0 && vb > 0)) return 0;
		return (sab - sa * sb / m) / Math.sqrt(va * vb);
	}

	/** @return {doublet fraction, median doublet spacing µm, number of whole periods}. */
	static double[] doublets(final float[] y, final double h, final double period) {
		final int n = y.length;
		final int mb = Math.max(4, (int) Math.round(period / h));
		final double[] motif = new double[mb];
		final int[] mc = new int[mb];
		for (int k = 0; k < n; k++) {
			final double ph = (k * h) % period;
			final int b = Math.min(mb - 1, (int) (ph / period * mb));
			motif[b] += y[k];
			mc[b]++;
		}
		int bmin = -1;
		for (int b = 0; b < mb; b++) {
			if (mc[b] == 0) continue;
			motif[b] /= mc[b];
			if (bmin < 0 || motif[b] < motif[bmin]) bmin = b;
		}
		final double start0 = (bmin + 0.5) / mb * period;
		final double[] spacings = new double[(int) (n * h / period) + 2];
		int windows = 0, doubles = 0;
		for (double s = start0; s + period <= (n - 1) * h; s += period) {
			final int k0 = (int) Math.ceil(s / h - 1e-9);
			final int k1 = (int) Math.floor((s + period) / h - 1e-9);
			if (k1 - k0 < 3) continue;
			windows++;
			final double sp = pairSpacing(y, k0, k1, h);
			if (!Double.isNaN(sp)) {
				spacings[doubles++] = Math.min(sp, period - sp);
			}
		}
		if (windows == 0) return new double[] { Double.NaN, Double.NaN, 0 };
		double median = Double.NaN;
		if (doubles > 0) {
			final double[] d = Arrays.copyOf(spacings, doubles);
			Arrays.sort(d);
			median = doubles % 2 == 1 ? d[doubles / 2] : 0.5 * (d[doubles / 2 - 1] + d[doubles / 2]);
		}
		return new double[] { doubles / (double) windows, median, windows };
	}

	/** Spacing (µm) between the two highest prominent peaks in y[k0..k1], or NaN when fewer than two. */
	private static double pairSpacing(final float[] y, final int k0, final int k1, final double h) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int k = k0; k <= k1; k++) {
			lo = Math.min(lo, y[k]);
			hi = Math.max(hi, y[k]);
		}
		final double range = hi - lo;
		if (!(range > 0)) return Double.NaN;
		int p1 = -1, p2 = -1;
		for (int k = k0 + 1; k < k1; k++) {
			if (!(y[k] > y[k - 1] && y[k] >= y[k + 1])) continue;
			// prominence: walk each way until a higher sample or the window end, tracking the minimum
			double leftMin = y[k], rightMin = y[k];
			int jl = k - 1, jr = k + 1;
			for (; jl >= k0 && y[jl] <= y[k]; jl--) leftMin = Math.min(leftMin, y[jl]);
			for (; jr <= k1 && y[jr] <= y[k]; jr++) rightMin = Math.min(rightMin, y[jr]);
			// the period's summit (no higher sample on either side) has prominence over the period's minimum
			final double prom = jl < k0 && jr > k1 ? y[k] - lo : y[k] - Math.max(jl < k0 ? Double.NEGATIVE_INFINITY : leftMin, jr > k1 ? Double.NEGATIVE_INFINITY : rightMin);
			if (prom < DOUBLET_PROMINENCE * range) continue;
			if (p1 < 0 || y[k] > y[p1]) {
				p2 = p1;
				p1 = k;
			} else if (p2 < 0 || y[k] > y[p2]) p2 = k;
		}
		if (p2 < 0) return Double.NaN;
		return Math.abs(refine(y, p1) - refine(y, p2)) * h;
	}

	/** Sub-sample position of a maximum at k by a parabola through k−1, k, k+1. */
	private static double refine(final float[] y, final int k) {
		final double den = y[k - 1] - 2.0 * y[k] + y[k + 1];
		return den < 0 ? k + 0.5 * (y[k - 1] - y[k + 1]) / den : k;
	}
}
