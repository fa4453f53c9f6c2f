package io.github.myomito.phenotype;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Calls each fibre's phenotype against a {@link PatternLibrary}.
 * <ol>
 * <li><b>network_type</b> from the network score N = Σ wᵢ tᵢ(xᵢ) / Σ wᵢ over the file's score terms (lattice
 * index, loops, 4-way junctions, transverse/longitudinal balance, period regularity, 1 − fragmentation, coverage;
 * t = identity, 1 − e^(−x/s), 1 − x or min/max), then the first type whose {@code min_score} N reaches. It is an
 * absolute call (every term is scale-free or per area), so it needs no reference: the fibre-type baseline of [53].</li>
 * <li><b>dynamics_state</b> relative to the reference: each feature is standardised, z = (x − m) / max(1.4826 · MAD,
 * floor), clipped to ±{@value #Z_CLIP}; a state's signature score is the weighted Stouffer combination
 * S = Σ wᵢ dᵢ zᵢ / √(Σ wᵢ²) (dᵢ = ±1 its expected direction; Stouffer et al. 1949; Lipták 1958), over the features
 * the fibre and reference both have (at least two; a feature expected to fall is left out when the reference is all
 * zero, as it cannot fall). The best state is called when S ≥ the file's threshold (3 by
 * default: a combined shift of three robust standard deviations), otherwise {@code balanced}.</li>
 * <li><b>mitophagy_state</b> the same way from the LC3 (and pH-reporter) readouts with d = +1: {@code elevated}
 * when S ≥ threshold, {@code reduced} when S ≤ −threshold, else {@code basal}; {@code not-measured} when the fibre
 * has no mitophagy readout (no LC3 channel) — never a guess.</li>
 * <li>Table 3 rows: a dynamics row predicts the net morphological balance sign(fission − fusion) (↑ = +1,
 * ↓ = −1, NS/unchanged = 0); it is consistent when it equals the observed balance (fission-dominant +1,
 * fusion-dominant −1, balanced 0) and conflicting otherwise; swelling has no Table 3 balance. A mitophagy row is
 * consistent when its sign equals the observed one (elevated +1, basal 0, reduced −1); a time-dependent row
 * ("first ↑ then ↓") is listed as conflicting with its time dependence named, unless a group's time course shows
 * the rise and the fall. ROS and respiration rows have no image readout and are never matched.</li>
 * <li>Confidence Φ(·) of the margins (Φ the standard normal CDF): a call Φ(S − t)·… see {@link #callConfidence};
 * network type Φ(d / 0.05), d the distance of N to the nearest type bound; halved against a built-in reference;
 * the row's {@code confidence} is the smallest of its calls'.</li>
 * </ol>
 * Every feature is per area, a fraction or in µm, so the calls do not depend on image size or pixel size, and none
 * depends on the fibre's orientation.
 */
public final class Classifier {

	/** Clip of the standardised differences (one feature cannot carry a call alone). */
	public static final double Z_CLIP = 4.0;
	/** Width of the network-type boundaries in network-score units (confidence Φ(d / width)). */
	public static final double NETWORK_BOUNDARY = 0.05;
	/** Factor on the confidence of calls against a built-in reference. */
	public static final double BUILT_IN_CONFIDENCE = 0.5;
	/** The label of no dynamics shift. */
	public static final String BALANCED = "balanced";

	private static final NormalDistribution PHI = new NormalDistribution(null, 0, 1);

	private final PatternLibrary lib;
	private final ModelMatcher matcher;

	/** @param lib the knowledge base */
	public Classifier(final PatternLibrary lib) {
		this.lib = lib;
		this.matcher = new ModelMatcher(lib);
	}

	/** @return the network score N ∈ [0, 1] of a fibre (NaN when no term is available). */
	public double networkScore(final FibreRecord r) {
		double sw = 0, s = 0;
		for (final PatternLibrary.ScoreTerm t : lib.networkScore()) {
			double x = r.value(t.feature);
			double v;
			switch (t.transform) {
				case "saturate": v = 1 - Math.exp(-x / t.scale); break;
				case "complement": v = 1 - x; break;
				case "balance": {
					final double y = r.value(t.with);
					v = Math.max(x, y) > 0 ? Math.min(x, y) / Math.max(x, y) : Double.NaN;
					break;
				}
				default: v = x;
			}
			if (Double.isNaN(v)) v = t.missing;
			if (Double.isNaN(v)) continue;
			v = Math.max(0, Math.min(1, v));
			s += t.weight * v;
			sw += t.weight;
		}
		return sw > 0 ? s / sw : Double.NaN;
	}

	/** @return the network type of a score (the first type whose min_score it reaches). */
	public String networkType(final double score) {
		for (final PatternLibrary.NetworkType t : lib.networkTypes())
			if (score >= t.minScore) return t.id;
		return lib.networkTypes().get(lib.networkTypes().size() - 1).id;
	}

	/** @return Φ(d / {@value #NETWORK_BOUNDARY}), d the distance of the score to the nearest bound of its type. */
	double networkConfidence(final double score) {
		if (Double.isNaN(score)) return 0;
		double d = Double.POSITIVE_INFINITY;
		final List<PatternLibrary.NetworkType> ts = lib.networkTypes();
		for (int i = 0; i < ts.size(); i++) {
			final double lo = ts.get(i).minScore;
			if (lo > 0) d = Math.min(d, Math.abs(score - lo));
		}
		return Double.isInfinite(d) ? 1 : PHI.cumulativeProbability(d / NETWORK_BOUNDARY);
	}

	/** One state's combined score and the features behind it. */
	static final class Score {
		final String state;
		final double s;
		final boolean rates;
		/** Per feature: key, value, reference median, z, Cliff's δ — formatted only for the state that is reported. */
		private final List<Object[]> items;
		private final String refName;

		Score(final String state, final double s, final List<Object[]> items, final String refName, final boolean rates) {
			this.state = state;
			this.s = s;
			this.items = items;
			this.refName = refName;
			this.rates = rates;
		}

		/** @return one evidence item per feature, e.g. "fragmentation_index 0.91 vs control sham median 0.42 (z +4.0, Cliff's δ 0.88)". */
		List<String> evidence() {
			final List<String> ev = new ArrayList<>(items.size());
			for (final Object[] it : items) {
				final double x = (Double) it[1], med = (Double) it[2], z = (Double) it[3], delta = (Double) it[4];
				ev.add(it[0] + " " + fmt(x) + " vs " + refName + " median " + fmt(med) + " (z " + signed(z) + (Double.isNaN(delta) ? "" : ", Cliff's δ " + fmt2(delta)) + ")");
			}
			return ev;
		}
	}

	/**
	 * @return the weighted Stouffer score of the features against the reference (NaN with fewer than two), with one
	 *         evidence item per feature
	 */
	Score score(final String state, final Map<String, Direction> features, final FibreRecord r, final Reference ref) {
		double num = 0, w2 = 0;
		int m = 0;
		boolean rates = false;
		final List<Object[]> ev = new ArrayList<>();
		for (final Map.Entry<String, Direction> e : features.entrySet()) {
			final PatternLibrary.Feature f = lib.feature(e.getKey());
			final Reference.Stat st = ref.stat(f.key);
			final double x = r.value(f);
			if (st == null || Double.isNaN(x) || Double.isNaN(st.median)) continue;
			// every feature is ≥ 0: one expected to fall cannot, against a reference that is all zero (no loops to lose)
			if (e.getValue() == Direction.DOWN && st.median <= 0 && !(st.rawScale > 0)) continue;
			final double scale = Math.max(Double.isNaN(st.rawScale) ? 0 : st.rawScale, f.scaleFloor);
			final double z = Math.max(-Z_CLIP, Math.min(Z_CLIP, (x - st.median) / scale));
			num += f.weight * e.getValue().sign() * z;
			w2 += f.weight * f.weight;
			m++;
			if (f.key.endsWith("_rate_per_100um_min")) rates = true;
			ev.add(new Object[] { f.key, x, st.median, z, st.cliffsDelta(x) });
		}
		return new Score(state, m >= 2 ? num / Math.sqrt(w2) : Double.NaN, ev, ref.isBuiltIn() ? "built-in" : ref.label().replace("control:", "control "), rates);
	}

	/** @return the dynamics scores of every state of the file, in file order. */
	List<Score> dynamicsScores(final FibreRecord r, final Reference ref) {
		final List<Score> out = new ArrayList<>();
		for (final PatternLibrary.Signature s : lib.signatures()) out.add(score(s.id, s.features, r, ref));
		return out;
	}

	/**
	 * Confidence of a call with score s against threshold t and runner-up s₂: min(Φ(s − t), Φ(s − s₂)); of no call
	 * (balanced / basal) with best |score| s: Φ(t − s).
	 */
	static double callConfidence(final boolean called, final double s, final double t, final double runnerUp) {
		if (Double.isNaN(s)) return 0;
		if (!called) return PHI.cumulativeProbability(t - s);
		final double a = PHI.cumulativeProbability(s - t);
		return Double.isNaN(runnerUp) ? a : Math.min(a, PHI.cumulativeProbability(s - runnerUp));
	}

	/**
	 * Classifies one fibre against a reference (null: no reference, then only the network type is called and the
	 * relative calls are balanced/basal with confidence 0).
	 */
	public FibreCall classify(final FibreRecord r, final Reference ref) {
		final double ns = networkScore(r);
		final String type = networkType(ns);
		final double nconf = networkConfidence(ns);
		final List<String> evidence = new ArrayList<>();
		evidence.add(networkEvidence(type, ns, r));
		String dyn = BALANCED;
		double dscore = Double.NaN, dconf = 0;
		boolean rates = false;
		String mito = MitophagyCall.NOT_MEASURED;
		double mscore = Double.NaN, mconf = 0;
		String signatures = "";
		Integer balance = null, mitoSign = null;
		if (ref != null) {
			final List<Score> sc = dynamicsScores(r, ref);
			Score best = null, second = null;
			for (final Score s : sc) {
				if (Double.isNaN(s.s)) continue;
				if (best == null || s.s > best.s) {
					second = best;
					best = s;
				}
				else if (second == null || s.s > second.s) second = s;
			}
			final double t = lib.dynamicsThreshold();
			if (best != null) {
				final boolean called = best.s >= t;
				dyn = called ? best.state : BALANCED;
				dscore = best.s;
				rates = best.rates;
				dconf = callConfidence(called, best.s, t, second == null ? Double.NaN : second.s);
				final PatternLibrary.Signature sig = called ? signature(best.state) : null;
				balance = sig == null ? Integer.valueOf(0) : "fission".equals(sig.balance) ? Integer.valueOf(1) : "fusion".equals(sig.balance) ? Integer.valueOf(-1) : null;
				if (sig != null) signatures = sig.id + ": " + sig.summary + " " + PatternLibrary.cite(sig.references);
				evidence.add("dynamics " + dyn + (rates ? " (measured rates)" : " (morphology)") + ": " + best.state + " score " + fmt2(best.s)
					+ (called ? " ≥ " : " < ") + fmt(t) + " vs " + ref.label() + "; " + String.join("; ", best.evidence()));
			}
			else evidence.add("dynamics balanced: too few features to compare with " + ref.label());
			final MitophagyCall mc = MitophagyCall.of(this, lib, r, ref);
			mito = mc.state;
			mscore = mc.score;
			mconf = mc.confidence;
			if (!MitophagyCall.NOT_MEASURED.equals(mito)) mitoSign = mc.sign();
			evidence.add(mc.evidence);
		}
		else evidence.add("dynamics and mitophagy not called: no control fibres and no built-in reference for " + type);
		final ModelMatcher.Matches mm = matcher.match(balance, mitoSign, r.timepoint, false);
		final boolean builtIn = ref != null && ref.isBuiltIn();
		final double f = builtIn ? BUILT_IN_CONFIDENCE : 1;
		dconf *= f;
		mconf *= f;
		double conf = Math.min(nconf, ref == null ? 0 : dconf);
		if (!MitophagyCall.NOT_MEASURED.equals(mito)) conf = Math.min(conf, mconf);
		return new FibreCall(r, type, ns, dyn, dscore, mito, mscore, mm.consistent, mm.conflicting, signatures, conf, nconf, dconf,
			MitophagyCall.NOT_MEASURED.equals(mito) ? Double.NaN : mconf, ref == null ? "none" : ref.label(), String.join(" | ", evidence), rates);
	}

	PatternLibrary.Signature signature(final String id) {
		for (final PatternLibrary.Signature s : lib.signatures())
			if (s.id.equals(id)) return s;
		return null;
	}

	String networkEvidence(final String type, final double ns, final FibreRecord r) {
		final Map<String, String> vals = new LinkedHashMap<>();
		for (final PatternLibrary.ScoreTerm t : lib.networkScore()) {
			vals.put(t.feature, fmt(r.value(t.feature)));
			if (t.with != null) vals.put(t.with, fmt(r.value(t.with)));
		}
		final StringBuilder sb = new StringBuilder("network_type ").append(type).append(": network score ").append(fmt(ns));
		for (final PatternLibrary.NetworkType t : lib.networkTypes())
			if (t.id.equals(type)) sb.append(" (≥ ").append(fmt(t.minScore)).append(" for ").append(type).append(' ').append(PatternLibrary.cite(t.references)).append(')');
		sb.append(" from ");
		final List<String> parts = new ArrayList<>();
		for (final Map.Entry<String, String> e : vals.entrySet()) parts.add(e.getKey() + " " + e.getValue());
		return sb.append(String.join(", ", parts)).toString();
	}

	/** @return x with three significant digits, plain notation, e.g. 0.912, 22.5, 1230 (NaN as NaN). */
	public static String fmt(final double x) {
		if (Double.isNaN(x)) return "NaN";
		if (Double.isInfinite(x)) return x > 0 ? "Inf" : "-Inf";
		if (x == 0) return "0";
		final double ax = Math.abs(x);
		final int dec = 2 - (int) Math.floor(Math.log10(ax));
		// the usual range by integer arithmetic (a formatter per number is most of classify's time on 10,000 rows)
		if (dec >= 0 && dec <= 12) {
			long m = Math.round(ax * POW10[dec]);
			int d = dec;
			if (m >= 1000 && d > 0) {
				m = Math.round(ax * POW10[--d]);
			}
			while (d > 0 && m % 10 == 0) {
				m /= 10;
				d--;
			}
			return (x < 0 ? "-" : "") + fixed(m, d);
		}
		return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
	}

	private static final double[] POW10 = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12 };

	/** @return m / 10^d in plain decimal notation with exactly d decimals (m ≥ 0). */
	private static String fixed(final long m, final int d) {
		final String digits = Long.toString(m);
		if (d == 0) return digits;
		final StringBuilder sb = new StringBuilder(digits.length() + d + 2);
		if (digits.length() <= d) {
			sb.append("0.");
			for (int i = digits.length(); i < d; i++) sb.append('0');
			return sb.append(digits).toString();
		}
		return sb.append(digits, 0, digits.length() - d).append('.').append(digits, digits.length() - d, digits.length()).toString();
	}

	/** @return x with two decimals, e.g. 0.88, -1.00. */
	static String fmt2(final double x) {
		if (Double.isNaN(x)) return "NaN";
		if (!(Math.abs(x) < 1e15)) return String.format(Locale.ROOT, "%.2f", x);
		final long m = Math.round(Math.abs(x) * 100);
		return (x < 0 && m != 0 ? "-" : "") + fixed(m, 2);
	}

	/** @return x with one decimal, e.g. 12.3, -0.5 (SVG coordinates). */
	static String dec1(final double x) {
		if (!(Math.abs(x) < 1e15)) return String.format(Locale.ROOT, "%.1f", x);
		final long m = Math.round(Math.abs(x) * 10);
		return (x < 0 && m != 0 ? "-" : "") + fixed(m, 1);
	}

	/** @return x with a sign and one decimal, e.g. +4.0. */
	static String signed(final double x) {
		if (!(Math.abs(x) < 1e15)) return String.format(Locale.ROOT, "%+.1f", x);
		final long m = Math.round(Math.abs(x) * 10);
		return (x < 0 && m != 0 ? "-" : "+") + fixed(m, 1);
	}
}
