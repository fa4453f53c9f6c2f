package io.github.myomito.segment;

import java.util.Locale;

/**
 * Global automatic threshold methods, named as in ImageJ's {@code AutoThresholder}; see
 * {@link AutoThreshold} for the exact criterion and reference of each.
 */
public enum ThresholdMethod {
	/** ImageJ's default: its variant of iterative intermeans (IsoData), see {@link AutoThreshold}. */
	DEFAULT("Default"),
	/** Huang &amp; Wang 1995 fuzzy entropy. */
	HUANG("Huang"),
	/** Prewitt &amp; Mendelsohn 1966, midpoint of the two modes. */
	INTERMODES("Intermodes"),
	/** Ridler &amp; Calvard 1978 iterative intermeans. */
	ISODATA("IsoData"),
	/** Li &amp; Tam 1998 minimum cross entropy. */
	LI("Li"),
	/** Kapur, Sahoo &amp; Wong 1985 maximum entropy. */
	MAX_ENTROPY("MaxEntropy"),
	/** Glasbey 1993: the mean. */
	MEAN("Mean"),
	/** Kittler &amp; Illingworth 1986 minimum error. */
	MIN_ERROR("MinError"),
	/** Prewitt &amp; Mendelsohn 1966, minimum between the two modes. */
	MINIMUM("Minimum"),
	/** Tsai 1985 moment preserving. */
	MOMENTS("Moments"),
	/** Otsu 1979 maximum between-class variance. */
	OTSU("Otsu"),
	/** Doyle 1962 p-tile with p = 50 %. */
	PERCENTILE("Percentile"),
	/** Kapur et al. 1985 / Sahoo et al. 1997 Rényi entropy. */
	RENYI_ENTROPY("RenyiEntropy"),
	/** Shanbhag 1994 fuzzy information measure. */
	SHANBHAG("Shanbhag"),
	/** Zack, Rogers &amp; Latt 1977 triangle. */
	TRIANGLE("Triangle"),
	/** Yen, Chang &amp; Chang 1995 maximum correlation. */
	YEN("Yen");

	private final String imageJName;

	ThresholdMethod(final String imageJName) {
		this.imageJName = imageJName;
	}

	/** @return the name ImageJ uses for this method (e.g. {@code "MaxEntropy"}). */
	public String imageJName() {
		return imageJName;
	}

	/**
	 * Parses a method name case-insensitively, accepting ImageJ spellings ({@code "Otsu"},
	 * {@code "MaxEntropy"}, {@code "IJ_IsoData"} = {@link #DEFAULT}), enum names
	 * ({@code "MAX_ENTROPY"}) and variants with spaces, dashes or underscores.
	 *
	 * @throws IllegalArgumentException naming the valid methods when {@code name} is unknown
	 */
	public static ThresholdMethod fromName(final String name) {
		if (name == null) throw new IllegalArgumentException("threshold method name is null; valid: " + validNames());
		final String k = key(name);
		if (k.equals("ijisodata")) return DEFAULT;
		for (final ThresholdMethod m : values())
			if (key(m.name()).equals(k) || key(m.imageJName).equals(k)) return m;
		throw new IllegalArgumentException("unknown threshold method '" + name + "'; valid: " + validNames());
	}

	private static String key(final String s) {
		return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
	}

	private static String validNames() {
		final StringBuilder b = new StringBuilder();
		for (final ThresholdMethod m : values()) {
			if (b.length() > 0) b.append(", ");
			b.append(m.imageJName);
		}
		return b.append(" (or IJ_IsoData for Default)").toString();
	}
}
