package io.github.myomito.phenotype;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the observed dynamics balance and mitophagy direction against every row of the review's Table 3 (rules in
 * {@link Classifier}). Wording is "consistent with", never a diagnosis; conflicting rows are always listed.
 */
final class ModelMatcher {

	/** Consistent and conflicting rows, "; "-separated, each "model: reported change [refs]". */
	static final class Matches {
		final String consistent;
		final String conflicting;

		Matches(final String consistent, final String conflicting) {
			this.consistent = consistent;
			this.conflicting = conflicting;
		}
	}

	private final PatternLibrary lib;
	/** Each Table 3 row as it is listed: "model: reported change [refs]". */
	private final List<String> texts = new ArrayList<>();
	/** Matches by observation (a batch has few distinct ones; thread-safe, contents fixed by the library). */
	private final java.util.concurrent.ConcurrentHashMap<String, Matches> memo = new java.util.concurrent.ConcurrentHashMap<>();

	ModelMatcher(final PatternLibrary lib) {
		this.lib = lib;
		for (final PatternLibrary.ModelRow row : lib.table3()) texts.add(row.model + ": " + row.reported() + " " + PatternLibrary.cite(row.references));
	}

	/**
	 * @param balance observed net balance (+1 fission, −1 fusion, 0 none), or null when not assessable (swelling)
	 * @param mitophagy observed mitophagy sign, or null when not measured
	 * @param timepoint the sample's time point or stage ("" if none)
	 * @param riseThenFall true when a group's time course showed a rise then a fall of mitophagy
	 */
	Matches match(final Integer balance, final Integer mitophagy, final String timepoint, final boolean riseThenFall) {
		return memo.computeIfAbsent(balance + "\u0000" + mitophagy + "\u0000" + timepoint + "\u0000" + riseThenFall,
			k -> compute(balance, mitophagy, timepoint, riseThenFall));
	}

	private Matches compute(final Integer balance, final Integer mitophagy, final String timepoint, final boolean riseThenFall) {
		final List<String> ok = new ArrayList<>(), bad = new ArrayList<>();
		for (int i = 0; i < lib.table3().size(); i++) {
			final PatternLibrary.ModelRow row = lib.table3().get(i);
			final String text = texts.get(i);
			if ("dynamics".equals(row.readout)) {
				if (balance == null) continue;
				(row.balance() == balance ? ok : bad).add(text);
			}
			else if ("mitophagy".equals(row.readout)) {
				if (mitophagy == null) continue;
				if (row.direction.isTimeDependent()) {
					final String tp = timepoint.isEmpty() ? "no time point given" : "time point " + timepoint;
					if (riseThenFall) ok.add(text + " (time-dependent; the time course rises then falls)");
					else bad.add(text + " (time-dependent: consistent only with a rise early and a fall later; " + tp + ")");
				}
				else (row.direction.sign() == mitophagy ? ok : bad).add(text);
			}
		}
		return new Matches(String.join("; ", ok), String.join("; ", bad));
	}
}
