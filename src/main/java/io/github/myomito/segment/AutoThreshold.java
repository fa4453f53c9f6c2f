package io.github.myomito.segment;

/**
 * Global automatic thresholds computed from a histogram, with ImageJ's method names and convention:
 * {@link #bin} returns an index k and the foreground is the bins {@code > k}. Each method was written
 * from its paper; h_i is the count of bin i (grey level i), N = Σ h_i, p_i = h_i / N,
 * P(k) = Σ_{i≤k} p_i, and "classes" are B = {i ≤ k} (background) and O = {i > k} (object), with
 * means μ_B(k), μ_O(k). Unless stated otherwise, ties are resolved towards the lowest k and only k
 * with both classes non-empty are considered.
 * <ul>
 * <li>{@link ThresholdMethod#DEFAULT}: ImageJ's "IJ_IsoData" variant of intermeans: the first and
 * last bins are ignored (treated as 0), the mode is clipped to 1.5 × the second-highest count when it
 * is more than twice as high, then starting at the lowest occupied bin a, k is increased while
 * {@code k + 1 ≤ (μ_[a..k] + μ_[k+1..b])/2}; the result is that composite mean, rounded (T. W.
 * Ridler and S. Calvard, IEEE Trans. Syst. Man Cybern. 8:630–632, 1978,
 * doi:10.1109/TSMC.1978.4310039, as modified in ImageJ).</li>
 * <li>{@link ThresholdMethod#ISODATA}: Ridler &amp; Calvard 1978 (same reference): the lowest k
 * (from the first occupied bin up) with {@code k = round((μ_B(k) + μ_O(k))/2)}; if no such fixed
 * point exists, the k minimising {@code |k − (μ_B + μ_O)/2|}.</li>
 * <li>{@link ThresholdMethod#OTSU}: N. Otsu, IEEE Trans. Syst. Man Cybern. 9:62–66, 1979,
 * doi:10.1109/TSMC.1979.4310076: maximise the between-class variance
 * {@code σ²_b(k) = (μ_T P(k) − M(k))² / (P(k)(1 − P(k)))}, {@code M(k) = Σ_{i≤k} i p_i}.</li>
 * <li>{@link ThresholdMethod#LI}: C. H. Li and P. K. S. Tam, Pattern Recognit. Lett. 19:771–776,
 * 1998, doi:10.1016/S0167-8655(98)00057-9 (minimum cross entropy of C. H. Li and C. K. Lee, Pattern
 * Recognit. 26:617–625, 1993, doi:10.1016/0031-3203(93)90115-D): starting from t = μ_T iterate
 * {@code t ← (μ_O − μ_B)/(ln μ_O − ln μ_B)} (classes split at ⌊t⌋) until the change is below 0.5;
 * k = round(t). Grey levels are the bin indices as in ImageJ (a zero class mean gives t = 0).</li>
 * <li>{@link ThresholdMethod#TRIANGLE}: G. W. Zack, W. E. Rogers and S. A. Latt, J. Histochem.
 * Cytochem. 25:741–753, 1977, doi:10.1177/25.7.70454: a line joins the peak (p, h_p) to the empty
 * bin e just beyond the last occupied bin on the longer side of the peak; k is the bin between them
 * that lies furthest below the line, i.e. maximises {@code h_p (e − i)/(e − p) − h_i}.</li>
 * <li>{@link ThresholdMethod#HUANG}: L.-K. Huang and M.-J. J. Wang, Pattern Recognit. 28:41–51,
 * 1995, doi:10.1016/0031-3203(94)E0043-K: membership {@code u(i) = 1/(1 + |i − μ_class(i)|/C)} with
 * C = last − first occupied bin; minimise {@code Σ h_i S(u(i))},
 * {@code S(u) = −u ln u − (1−u) ln(1−u)}.</li>
 * <li>{@link ThresholdMethod#MEAN}: C. A. Glasbey, CVGIP Graph. Models Image Process. 55:532–537,
 * 1993, doi:10.1006/cgip.1993.1040: {@code k = ⌊μ_T⌋}.</li>
 * <li>{@link ThresholdMethod#PERCENTILE}: W. Doyle, J. ACM 9:259–267, 1962,
 * doi:10.1145/321119.321123: the k minimising {@code |P(k) − 0.5|}.</li>
 * <li>{@link ThresholdMethod#MAX_ENTROPY}: J. N. Kapur, P. K. Sahoo and A. K. C. Wong, Comput. Vis.
 * Graph. Image Process. 29:273–285, 1985, doi:10.1016/0734-189X(85)90125-2: maximise
 * {@code H_B + H_O}, {@code H_B = −Σ_{i≤k} (p_i/P) ln(p_i/P)}, likewise H_O with 1 − P.</li>
 * <li>{@link ThresholdMethod#RENYI_ENTROPY}: P. Sahoo, C. Wilkins and J. Yeager, Pattern Recognit.
 * 30:71–84, 1997, doi:10.1016/S0031-3203(96)00065-9: thresholds t1 ≤ t2 ≤ t3 maximising the sum of
 * the classes' Rényi entropies {@code H_α = ln(Σ (p_i/P)^α)/(1 − α)} for α = 0.5, 1, 2 (sorted); with
 * ω = P(t3) − P(t1) and weights (β1, β2, β3) = (1,2,1) or (0,1,3) / (3,1,0) when two of the
 * thresholds are within 5 bins, {@code k = round(t1 (P(t1) + ωβ1/4) + t2 ωβ2/4 + t3 (1 − P(t3) + ωβ3/4))}.</li>
 * <li>{@link ThresholdMethod#YEN}: J.-C. Yen, F.-J. Chang and S. Chang, IEEE Trans. Image Process.
 * 4:370–378, 1995, doi:10.1109/83.366472: maximise the correlation
 * {@code −ln(Σ_{i≤k} p_i² · Σ_{i>k} p_i²) + 2 ln(P(k)(1 − P(k)))}.</li>
 * <li>{@link ThresholdMethod#MOMENTS}: W.-H. Tsai, Comput. Vis. Graph. Image Process. 29:377–393,
 * 1985, doi:10.1016/0734-189X(85)90133-1: with moments m_j = Σ i^j p_i, the two grey levels z0 &lt; z1
 * preserving m1..m3 are the roots of {@code z² + c1 z + c0}, {@code c0 = (m1 m3 − m2²)/(m2 − m1²)},
 * {@code c1 = (m1 m2 − m3)/(m2 − m1²)}; the fraction below is {@code p0 = (z1 − m1)/(z1 − z0)} and
 * k is the smallest bin with P(k) ≥ p0.</li>
 * <li>{@link ThresholdMethod#INTERMODES} and {@link ThresholdMethod#MINIMUM}: J. M. S. Prewitt and
 * M. L. Mendelsohn, Ann. N. Y. Acad. Sci. 128:1035–1053, 1966,
 * doi:10.1111/j.1749-6632.1965.tb11715.x: the histogram is smoothed by 3-point running means (zero
 * outside) until it has exactly two strict local maxima j &lt; l (at most 10000 times, else −1);
 * Intermodes returns {@code ⌊(j + l)/2⌋}, Minimum the lowest bin of minimum smoothed count in (j, l).</li>
 * <li>{@link ThresholdMethod#MIN_ERROR}: J. Kittler and J. Illingworth, Pattern Recognit. 19:41–47,
 * 1986, doi:10.1016/0031-3203(86)90030-0: minimise
 * {@code J(k) = 1 + 2(P ln σ_B + (1−P) ln σ_O) − 2(P ln P + (1−P) ln(1−P))} over k where both class
 * variances are positive (exhaustive search rather than ImageJ's iteration).</li>
 * <li>{@link ThresholdMethod#SHANBHAG}: A. G. Shanbhag, CVGIP Graph. Models Image Process.
 * 56:414–419, 1994, doi:10.1006/cgip.1994.1037: memberships
 * {@code μ_B(i) = 0.5 + (P(k) − P(i−1))/(2P(k))} for i ≤ k and
 * {@code μ_O(i) = 0.5 + (P(i) − P(k))/(2(1 − P(k)))} for i &gt; k; information
 * {@code I_B = −Σ_{i≤k} (p_i/P(k)) ln μ_B(i)}, I_O likewise; minimise {@code |I_B − I_O|}.</li>
 * </ul>
 * Methods return −1 when undefined (e.g. a histogram with fewer than two occupied bins, or no
 * bimodal smoothing for Minimum/Intermodes).
 */
public final class AutoThreshold {

	/** Number of histogram bins used by {@link #threshold}. */
	public static final int BINS = 256;

	private AutoThreshold() {}

	/**
	 * @return the threshold bin k (foreground = bins &gt; k), or −1 when the method is undefined
	 *         for this histogram
	 */
	public static int bin(final int[] histogram, final ThresholdMethod method) {
		if (histogram == null || histogram.length < 2) throw new IllegalArgumentException("histogram needs at least 2 bins");
		if (method == null) throw new IllegalArgumentException("threshold method must not be null");
		long total = 0;
		int occupied = 0;
		for (final int c : histogram) {
			if (c < 0) throw new IllegalArgumentException("histogram counts must be ≥ 0");
			total += c;
			if (c > 0) occupied++;
		}
		if (occupied < 2) return -1;
		final int n = histogram.length;
		final double[] p = new double[n];
		for (int i = 0; i < n; i++) p[i] = histogram[i] / (double) total;
		final double[] cp = new double[n], cm = new double[n];
		double a = 0, m = 0;
		for (int i = 0; i < n; i++) {
			a += p[i];
			m += i * p[i];
			cp[i] = a;
			cm[i] = m;
		}
		switch (method) {
		case DEFAULT: return ijIsoData(histogram);
		case ISODATA: return isoData(p, cp, cm);
		case OTSU: return otsu(cp, cm);
		case LI: return li(p, cp, cm);
		case TRIANGLE: return triangle(histogram);
		case HUANG: return huang(histogram, p, cp, cm);
		case MEAN: return meanBin(histogram);
		case PERCENTILE: return percentile(cp);
		case MAX_ENTROPY: return renyiArgmax(p, cp, 1);
		case RENYI_ENTROPY: return renyi(p, cp);
		case YEN: return yen(p, cp);
		case MOMENTS: return moments(p, cp);
		case INTERMODES: return modes(histogram, false);
		case MINIMUM: return modes(histogram, true);
		case MIN_ERROR: return minError(p, cp, cm);
		case SHANBHAG: return shanbhag(p, cp);
		default: throw new IllegalArgumentException("unsupported method " + method);
		}
	}

	/**
	 * Threshold in data units of the finite values (inside the mask, if one is given): a
	 * {@value #BINS}-bin histogram spans [min, max] with bin width {@code w = (max − min)/256}, value v
	 * in bin {@code min(255, ⌊(v − min)/w⌋)} (ImageJ's convention for 32-bit images); the bin k of
	 * {@link #bin} becomes {@code t = min + (k + 1) w}, and the foreground is {@code value > t} (which
	 * equals "bin &gt; k" except for values exactly on that bin edge). Returns {@code max} when all
	 * values are equal (empty foreground) and NaN when the method is undefined or there are no finite
	 * values.
	 *
	 * @param maskOrNull when non-null, only pixels with a non-zero mask value are used
	 */
	public static double threshold(final float[] values, final byte[] maskOrNull, final ThresholdMethod method) {
		if (values == null) throw new IllegalArgumentException("values must not be null");
		if (maskOrNull != null && maskOrNull.length != values.length) throw new IllegalArgumentException("mask length " + maskOrNull.length + " differs from values length " + values.length);
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < values.length; i++) {
			if (maskOrNull != null && maskOrNull[i] == 0) continue;
			final float v = values[i];
			if (!Float.isFinite(v)) continue;
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (min > max) return Double.NaN;
		if (min == max) return max;
		final int[] h = histogram(values, maskOrNull, min, max);
		final int k = bin(h, method);
		if (k < 0) return Double.NaN;
		return min + (k + 1) * ((max - min) / BINS);
	}

	/** @return the {@value #BINS}-bin histogram of finite (masked) values over [min, max], as in {@link #threshold}. */
	static int[] histogram(final float[] values, final byte[] maskOrNull, final double min, final double max) {
		final int[] h = new int[BINS];
		final double scale = BINS / (max - min);
		for (int i = 0; i < values.length; i++) {
			if (maskOrNull != null && maskOrNull[i] == 0) continue;
			final float v = values[i];
			if (!Float.isFinite(v)) continue;
			int b = (int) ((v - min) * scale);
			if (b >= BINS) b = BINS - 1;
			if (b < 0) b = 0;
			h[b]++;
		}
		return h;
	}

	private static double mean(final double[] cp, final double[] cm, final int lo, final int hi) {
		// mean grey level of bins lo..hi (inclusive) from cumulative sums
		final double w = cp[hi] - (lo > 0 ? cp[lo - 1] : 0);
		final double s = cm[hi] - (lo > 0 ? cm[lo - 1] : 0);
		return w > 0 ? s / w : Double.NaN;
	}

	private static int ijIsoData(final int[] histogram) {
		final int n = histogram.length;
		final double[] h = new double[n];
		for (int i = 0; i < n; i++) h[i] = histogram[i];
		h[0] = 0;
		h[n - 1] = 0;
		int mode = 0;
		for (int i = 1; i < n; i++)
			if (h[i] > h[mode]) mode = i;
		double second = 0;
		for (int i = 0; i < n; i++)
			if (i != mode && h[i] > second) second = h[i];
		if (h[mode] > 2 * second && second != 0) h[mode] = Math.floor(1.5 * second);
		int lo = 0;
		while (lo < n - 1 && h[lo] == 0) lo++;
		int hi = n - 1;
		while (hi > 0 && h[hi] == 0) hi--;
		if (lo >= hi) return n / 2;
		double totalW = 0, totalS = 0;
		for (int i = lo; i <= hi; i++) {
			totalW += h[i];
			totalS += i * h[i];
		}
		double w = 0, s = 0, result;
		int t = lo;
		do {
			w += h[t];
			s += t * h[t];
			result = (s / w + (totalS - s) / (totalW - w)) / 2;
			t++;
		} while (t + 1 <= result && t < hi - 1);
		return (int) Math.round(result);
	}

	private static int isoData(final double[] p, final double[] cp, final double[] cm) {
		final int n = p.length;
		int first = 0;
		while (p[first] == 0) first++;
		int best = -1;
		double bestGap = Double.POSITIVE_INFINITY;
		for (int k = first; k < n - 1; k++) {
			if (cp[k] >= 1 - 1e-15 || 1 - cp[k] <= 0) break;
			final double mid = (mean(cp, cm, 0, k) + mean(cp, cm, k + 1, n - 1)) / 2;
			if (Double.isNaN(mid)) continue;
			if (k == Math.round(mid)) return k;
			if (Math.abs(k - mid) < bestGap) {
				bestGap = Math.abs(k - mid);
				best = k;
			}
		}
		return best;
	}

	private static int otsu(final double[] cp, final double[] cm) {
		final int n = cp.length;
		final double mt = cm[n - 1];
		int best = -1;
		double bestV = -1;
		for (int k = 0; k < n - 1; k++) {
			final double w = cp[k];
			if (w <= 0 || w >= 1) continue;
			final double d = mt * w - cm[k];
			final double v = d * d / (w * (1 - w));
			if (v > bestV * (1 + 1e-12)) {
				bestV = v;
				best = k;
			}
		}
		return best;
	}

	private static int li(final double[] p, final double[] cp, final double[] cm) {
		final int n = p.length;
		double t = cm[n - 1];
		for (int it = 0; it < 1000; it++) {
			final int k = Math.max(0, Math.min(n - 2, (int) Math.floor(t)));
			final double mb = mean(cp, cm, 0, k), mo = mean(cp, cm, k + 1, n - 1);
			if (Double.isNaN(mb) || Double.isNaN(mo)) break;
			final double next;
			if (mb <= 0) next = 0;
			else if (mo == mb) next = mb;
			else next = (mo - mb) / (Math.log(mo) - Math.log(mb));
			final boolean done = Math.abs(next - t) < 0.5;
			t = next;
			if (done) break;
		}
		return Math.max(0, Math.min(n - 2, (int) Math.round(t)));
	}

	private static int triangle(final int[] h) {
		final int n = h.length;
		int peak = 0, first = -1, last = -1;
		for (int i = 0; i < n; i++) {
			if (h[i] > h[peak]) peak = i;
			if (h[i] > 0) {
				if (first < 0) first = i;
				last = i;
			}
		}
		final boolean right = (last - peak) >= (peak - first);
		final int e = right ? last + 1 : first - 1;
		int best = -1;
		double bestD = Double.NEGATIVE_INFINITY;
		final int step = right ? 1 : -1;
		for (int i = peak + step; i != e; i += step) {
			final double d = h[peak] * (double) (e - i) / (e - peak) - h[i];
			if (d > bestD) {
				bestD = d;
				best = i;
			}
		}
		if (best < 0) return -1;
		// left tail: mirror of the right-tail rule (the knee bin joins the tail), so mirroring the
		// histogram maps k to n - 2 - k
		return right ? best : best - 1;
	}

	private static double fuzzyEntropy(final double u) {
		if (u <= 0 || u >= 1) return 0;
		return -u * Math.log(u) - (1 - u) * Math.log(1 - u);
	}

	private static int huang(final int[] h, final double[] p, final double[] cp, final double[] cm) {
		final int n = h.length;
		int first = 0, last = n - 1;
		while (h[first] == 0) first++;
		while (h[last] == 0) last--;
		final double c = last - first;
		int best = -1;
		double bestE = Double.POSITIVE_INFINITY;
		for (int k = first; k < last; k++) {
			final double mb = mean(cp, cm, first, k), mo = mean(cp, cm, k + 1, last);
			double e = 0;
			for (int i = first; i <= last; i++) {
				if (p[i] == 0) continue;
				final double u = 1 / (1 + Math.abs(i - (i <= k ? mb : mo)) / c);
				e += p[i] * fuzzyEntropy(u);
			}
			if (e < bestE - 1e-15) {
				bestE = e;
				best = k;
			}
		}
		return best;
	}

	/** ⌊Σ i h_i / Σ h_i⌋ computed from the integer counts (exact sums). */
	private static int meanBin(final int[] h) {
		double s = 0, c = 0;
		for (int i = 0; i < h.length; i++) {
			s += (double) i * h[i];
			c += h[i];
		}
		return Math.min(h.length - 2, (int) Math.floor(s / c));
	}

	private static int percentile(final double[] cp) {
		int best = -1;
		double bestD = Double.POSITIVE_INFINITY;
		for (int k = 0; k < cp.length; k++) {
			final double d = Math.abs(cp[k] - 0.5);
			if (d < bestD - 1e-15) {
				bestD = d;
				best = k;
			}
		}
		return best;
	}

	/** Sum of the two classes' Rényi entropies of order α (α = 1: Shannon), maximised over k. */
	private static int renyiArgmax(final double[] p, final double[] cp, final double alpha) {
		final int n = p.length;
		int best = -1;
		double bestH = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < n - 1; k++) {
			final double pb = cp[k], po = 1 - cp[k];
			if (pb <= 1e-15 || po <= 1e-15) continue;
			final double hsum = entropy(p, 0, k, pb, alpha) + entropy(p, k + 1, n - 1, po, alpha);
			if (hsum > bestH + 1e-12) {
				bestH = hsum;
				best = k;
			}
		}
		return best;
	}

	private static double entropy(final double[] p, final int lo, final int hi, final double w, final double alpha) {
		double s = 0;
		for (int i = lo; i <= hi; i++) {
			if (p[i] <= 0) continue;
			final double q = p[i] / w;
			if (alpha == 1) s -= q * Math.log(q);
			else s += Math.pow(q, alpha);
		}
		return alpha == 1 ? s : Math.log(s) / (1 - alpha);
	}

	private static int renyi(final double[] p, final double[] cp) {
		final int[] t = { renyiArgmax(p, cp, 0.5), renyiArgmax(p, cp, 1), renyiArgmax(p, cp, 2) };
		java.util.Arrays.sort(t);
		if (t[0] < 0) return -1;
		final int b1, b2, b3;
		if (Math.abs(t[0] - t[1]) <= 5) {
			if (Math.abs(t[1] - t[2]) <= 5) {
				b1 = 1; b2 = 2; b3 = 1;
			} else {
				b1 = 0; b2 = 1; b3 = 3;
			}
		} else if (Math.abs(t[1] - t[2]) <= 5) {
			b1 = 3; b2 = 1; b3 = 0;
		} else {
			b1 = 1; b2 = 2; b3 = 1;
		}
		final double omega = cp[t[2]] - cp[t[0]];
		final double opt = t[0] * (cp[t[0]] + 0.25 * omega * b1) + 0.25 * t[1] * omega * b2 + t[2] * (1 - cp[t[2]] + 0.25 * omega * b3);
		return (int) Math.round(opt);
	}

	private static int yen(final double[] p, final double[] cp) {
		final int n = p.length;
		final double[] sq = new double[n];
		double s = 0;
		for (int i = 0; i < n; i++) {
			s += p[i] * p[i];
			sq[i] = s;
		}
		int best = -1;
		double bestC = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < n - 1; k++) {
			final double pb = cp[k], po = 1 - cp[k];
			final double gb = sq[k], go = sq[n - 1] - sq[k];
			if (pb <= 1e-15 || po <= 1e-15 || gb <= 0 || go <= 0) continue;
			final double c = -Math.log(gb * go) + 2 * Math.log(pb * po);
			if (c > bestC + 1e-12) {
				bestC = c;
				best = k;
			}
		}
		return best;
	}

	private static int moments(final double[] p, final double[] cp) {
		double m1 = 0, m2 = 0, m3 = 0;
		for (int i = 0; i < p.length; i++) {
			m1 += i * p[i];
			m2 += (double) i * i * p[i];
			m3 += (double) i * i * i * p[i];
		}
		final double cd = m2 - m1 * m1;
		if (cd <= 0) return -1;
		final double c0 = (m1 * m3 - m2 * m2) / cd;
		final double c1 = (m1 * m2 - m3) / cd;
		final double disc = Math.sqrt(Math.max(0, c1 * c1 - 4 * c0));
		final double z0 = 0.5 * (-c1 - disc), z1 = 0.5 * (-c1 + disc);
		final double p0 = (z1 - m1) / (z1 - z0);
		for (int k = 0; k < cp.length; k++)
			if (cp[k] >= p0 - 1e-12) return Math.min(k, cp.length - 2);
		return cp.length - 2;
	}

	private static int modes(final int[] histogram, final boolean minimum) {
		final int n = histogram.length;
		double[] y = new double[n];
		for (int i = 0; i < n; i++) y[i] = histogram[i];
		double[] tmp = new double[n];
		for (int it = 0; it <= 10000; it++) {
			int j = -1, l = -1, count = 0;
			for (int i = 1; i < n - 1; i++)
				if (y[i - 1] < y[i] && y[i + 1] < y[i]) {
					count++;
					if (j < 0) j = i;
					else l = i;
				}
			if (count == 2) {
				if (!minimum) return (j + l) / 2;
				int best = j + 1;
				for (int i = j + 1; i < l; i++)
					if (y[i] < y[best]) best = i;
				return best;
			}
			for (int i = 0; i < n; i++) tmp[i] = ((i > 0 ? y[i - 1] : 0) + y[i] + (i < n - 1 ? y[i + 1] : 0)) / 3;
			final double[] sw = y;
			y = tmp;
			tmp = sw;
		}
		return -1;
	}

	private static int minError(final double[] p, final double[] cp, final double[] cm) {
		final int n = p.length;
		final double[] c2 = new double[n];
		double s = 0;
		for (int i = 0; i < n; i++) {
			s += (double) i * i * p[i];
			c2[i] = s;
		}
		int best = -1;
		double bestJ = Double.POSITIVE_INFINITY;
		for (int k = 0; k < n - 1; k++) {
			final double pb = cp[k], po = 1 - cp[k];
			if (pb <= 1e-15 || po <= 1e-15) continue;
			final double mb = cm[k] / pb, mo = (cm[n - 1] - cm[k]) / po;
			final double vb = c2[k] / pb - mb * mb, vo = (c2[n - 1] - c2[k]) / po - mo * mo;
			if (vb <= 1e-12 || vo <= 1e-12) continue;
			final double j = 1 + (pb * Math.log(vb) + po * Math.log(vo)) - 2 * (pb * Math.log(pb) + po * Math.log(po));
			if (j < bestJ - 1e-12) {
				bestJ = j;
				best = k;
			}
		}
		return best;
	}

	private static int shanbhag(final double[] p, final double[] cp) {
		final int n = p.length;
		int best = -1;
		double bestD = Double.POSITIVE_INFINITY;
		for (int k = 0; k < n - 1; k++) {
			final double pb = cp[k], po = 1 - cp[k];
			if (pb <= 1e-15 || po <= 1e-15) continue;
			double ib = 0, io = 0;
			for (int i = 0; i <= k; i++) {
				if (p[i] == 0) continue;
				final double mu = 0.5 + (pb - (i > 0 ? cp[i - 1] : 0)) / (2 * pb);
				ib -= p[i] / pb * Math.log(mu);
			}
			for (int i = k + 1; i < n; i++) {
				if (p[i] == 0) continue;
				final double mu = 0.5 + (cp[i] - cp[k]) / (2 * po);
				io -= p[i] / po * Math.log(mu);
			}
			final double d = Math.abs(ib - io);
			if (d < bestD - 1e-15) {
				bestD = d;
				best = k;
			}
		}
		return best;
	}
}
