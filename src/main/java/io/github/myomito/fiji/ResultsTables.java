package io.github.myomito.fiji;

import ij.measure.ResultsTable;
import io.github.myomito.results.Column;
import io.github.myomito.results.Table;

/** Shows MyoMito {@link Table}s as ImageJ results tables (macro-readable with {@code Table.get}). */
final class ResultsTables {

	private ResultsTables() {}

	/** @return an ImageJ ResultsTable with the table's columns (numbers as numbers, text as text). */
	static ResultsTable of(final Table t) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (int r = 0; r < t.size(); r++) {
			rt.incrementCounter();
			for (final Column c : t.columns()) {
				final Object v = t.get(r, c.key());
				if (v instanceof Number) rt.addValue(c.key(), ((Number) v).doubleValue());
				else rt.addValue(c.key(), v == null ? "" : v.toString());
			}
		}
		return rt;
	}

	/** Shows (or, headless, registers) the table under {@code title}. */
	static ResultsTable show(final Table t, final String title) {
		final ResultsTable rt = of(t);
		rt.show(title);
		return rt;
	}
}
