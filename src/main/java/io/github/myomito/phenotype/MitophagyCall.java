package io.github.myomito.phenotype;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mitophagy call of one fibre: the LC3 readouts (LC3 puncta on mitochondria, mitophagosome density,
 * LC3-positive mitochondria) and, when a pH reporter was imaged, the mitolysosome readouts, combined as one
 * signature score (see {@link Classifier}); LC3 and reporter are also scored apart, and a disagreement between them
 * is written into the evidence.
 */
final class MitophagyCall {

	/** Label when the fibre has no mitophagy readout. */
	static final String NOT_MEASURED = "not-measured";

	final String state;
	final double score;
	final double confidence;
	final String evidence;

	private MitophagyCall(final String state, final double score, final double confidence, final String evidence) {
		this.state = state;
		this.score = score;
		this.confidence = confidence;
		this.evidence = evidence;
	}

	/** @return +1 elevated, −1 reduced, 0 basal. */
	int sign() {
		return "elevated".equals(state) ? 1 : "reduced".equals(state) ? -1 : 0;
	}

	static String state(final double s, final double t) {
		if (Double.isNaN(s)) return NOT_MEASURED;
		return s >= t ? "elevated" : s <= -t ? "reduced" : "basal";
	}

	static MitophagyCall of(final Classifier c, final PatternLibrary lib, final FibreRecord r, final Reference ref) {
		final double t = lib.mitophagyThreshold();
		final Classifier.Score lc3 = c.score("lc3", lib.mitophagyFeatures(), r, ref);
		final Classifier.Score rep = lib.reporterFeatures().isEmpty() ? null : c.score("reporter", lib.reporterFeatures(), r, ref);
		final boolean hasLc3 = !Double.isNaN(lc3.s), hasRep = rep != null && !Double.isNaN(rep.s);
		if (!hasLc3 && !hasRep) return new MitophagyCall(NOT_MEASURED, Double.NaN, Double.NaN, "mitophagy not-measured: no LC3 or reporter readout");
		final Classifier.Score all;
		if (hasLc3 && hasRep) {
			final Map<String, Direction> both = new LinkedHashMap<>(lib.mitophagyFeatures());
			both.putAll(lib.reporterFeatures());
			all = c.score("all", both, r, ref);
		}
		else all = hasLc3 ? lc3 : rep;
		final String st = state(all.s, t);
		final boolean called = !"basal".equals(st);
		final double conf = Classifier.callConfidence(called, Math.abs(all.s), t, Double.NaN);
		final StringBuilder ev = new StringBuilder("mitophagy ").append(st).append(" (").append(hasLc3 && hasRep ? "LC3 + reporter" : hasLc3 ? "LC3" : "reporter")
			.append(" ").append(PatternLibrary.cite(lib.mitophagyReferences())).append("): score ").append(Classifier.fmt2(all.s))
			.append(called ? (all.s > 0 ? " ≥ " : " ≤ -") : " within ±").append(Classifier.fmt(t)).append(" vs ").append(ref.label()).append("; ")
			.append(String.join("; ", all.evidence()));
		if (hasLc3 && hasRep) {
			final String a = state(lc3.s, t), b = state(rep.s, t);
			ev.append(a.equals(b) ? "; LC3 and reporter agree (" + a + ")" : "; LC3 and reporter DISAGREE: LC3 " + a + " (score " + Classifier.fmt2(lc3.s)
				+ "), reporter " + b + " (score " + Classifier.fmt2(rep.s) + ")");
		}
		return new MitophagyCall(st, all.s, conf, ev.toString());
	}
}
