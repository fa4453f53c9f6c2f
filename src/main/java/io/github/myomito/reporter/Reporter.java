package io.github.myomito.reporter;

import java.util.Locale;

/**
 * A pH-sensitive mitophagy reporter. Both are read as two channels: an <i>acid</i> channel whose
 * signal persists (or rises) in the lysosome and a <i>neutral</i> channel that is quenched (or falls)
 * there, so that mitolysosomes are puncta of high acid/neutral ratio.
 */
public enum Reporter {
	/**
	 * mito-QC, mCherry-GFP-FIS1(101–152) on the outer membrane: GFP is quenched at lysosomal pH, mCherry is
	 * not; acid = red (mCherry), neutral = green (GFP). McWilliams et al. 2016, J Cell Biol 214:333,
	 * doi:10.1083/jcb.201603039; the mQC-counter macro: Montava-Garriga et al. 2020, Mech Ageing Dev
	 * 185:111196, doi:10.1016/j.mad.2019.111196.
	 */
	MITO_QC("mito-qc"),
	/**
	 * mt-Keima, matrix-targeted Keima: one emission band, excitation peak at 440 nm at neutral pH and at
	 * 586 nm at acidic pH, so the 561/440 nm excitation ratio rises in the lysosome; acid = 561 nm
	 * excitation, neutral = 440 nm excitation. Sun et al. 2017, Nat Protoc 12:1576, doi:10.1038/nprot.2017.060.
	 */
	MT_KEIMA("mt-keima");

	private final String id;

	Reporter(final String id) {
		this.id = id;
	}

	/** @return the CLI / macro spelling ({@code mito-qc}, {@code mt-keima}). */
	public String id() {
		return id;
	}

	/**
	 * @param s {@code mito-qc} or {@code mt-keima} (case and {@code _} / {@code -} insensitive)
	 * @return the reporter
	 * @throws IllegalArgumentException for anything else, naming the accepted values
	 */
	public static Reporter fromId(final String s) {
		final String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (final Reporter r : values())
			if (r.id.equals(k) || r.id.replace("-", "").equals(k.replace("-", ""))) return r;
		throw new IllegalArgumentException("reporter must be mito-qc or mt-keima, got '" + s + "'");
	}
}
