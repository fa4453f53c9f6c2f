package io.github.myomito.phenotype;

/**
 * A direction of change as the review reports it (Lei et al. 2024, Table 3) or as a signature expects it.
 * The spellings are those of the knowledge-base file: {@code ↑}, {@code ↓}, {@code NS}, {@code unchanged},
 * {@code first ↑ then ↓}.
 */
public enum Direction {
	/** Increase. */
	UP("↑", 1),
	/** Decrease. */
	DOWN("↓", -1),
	/** Not significantly changed. */
	NS("NS", 0),
	/** Unchanged. */
	UNCHANGED("unchanged", 0),
	/** Time-dependent: an early rise, then a fall. */
	FIRST_UP_THEN_DOWN("first ↑ then ↓", 0);

	private final String symbol;
	private final int sign;

	Direction(final String symbol, final int sign) {
		this.symbol = symbol;
		this.sign = sign;
	}

	/** @return the spelling used in files and outputs. */
	public String symbol() {
		return symbol;
	}

	/** @return +1 for ↑, −1 for ↓, 0 otherwise (a time-dependent direction has no single sign). */
	public int sign() {
		return sign;
	}

	/** @return true for {@link #FIRST_UP_THEN_DOWN}. */
	public boolean isTimeDependent() {
		return this == FIRST_UP_THEN_DOWN;
	}

	/**
	 * @param s a spelling from a knowledge-base file
	 * @return the direction, or null when {@code s} is none of the five spellings
	 */
	public static Direction parse(final String s) {
		if (s == null) return null;
		for (final Direction d : values())
			if (d.symbol.equals(s.trim())) return d;
		return null;
	}

	@Override
	public String toString() {
		return symbol;
	}
}
