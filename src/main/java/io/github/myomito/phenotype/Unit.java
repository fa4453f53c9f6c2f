package io.github.myomito.phenotype;

import java.util.Locale;

/**
 * The unit of replication of the group statistics. Fibres are nested in images and images in animals; treating
 * fibres as independent replicates inflates n (pseudo-replication, Lazic 2010, BMC Neurosci 11:5,
 * doi:10.1186/1471-2202-11-5), so values are aggregated to the unit's median before testing.
 */
public enum Unit {
	/** Every fibre (or part) is a replicate. */
	FIBRE("fibre"),
	/** The median over an image's fibres. */
	IMAGE("image"),
	/** The median over an animal's image medians (sample-sheet column {@code animal}). */
	ANIMAL("animal");

	private final String id;

	Unit(final String id) {
		this.id = id;
	}

	/** @return fibre, image or animal. */
	public String id() {
		return id;
	}

	/** @return the unit named {@code s}; IllegalArgumentException naming the valid ones otherwise. */
	public static Unit parse(final String s) {
		for (final Unit u : values())
			if (u.id.equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) return u;
		throw new IllegalArgumentException("unit must be fibre, image or animal, got '" + s + "'");
	}

	@Override
	public String toString() {
		return id;
	}
}
