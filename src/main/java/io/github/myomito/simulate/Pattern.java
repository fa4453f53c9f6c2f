package io.github.myomito.simulate;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.google.gson.annotations.SerializedName;

/**
 * The mitochondrial network phenotypes the phantom simulator can draw, after the fibre-type and
 * dynamics signatures summarised by Lei et al. (2024), "Mitochondrial dynamics and mitophagy in
 * skeletal muscle atrophy", Cell. Mol. Biol. Lett. 29:59, doi:10.1186/s11658-024-00572-y (refs [53],
 * [29], [45], [32–36] of that review).
 * <p>
 * {@link #isLattice()} patterns are drawn as a periodic lattice (transverse I-band elements every
 * sarcomere joined by longitudinal elements between myofibrils); the others as non-overlapping
 * fragments (puncta, rods, a few small branched objects).
 */
public enum Pattern {
	/** Oxidative (type I/IIa) fibre: intermyofibrillar lattice, high connectivity [53]. */
	@SerializedName("oxidative-lattice")
	OXIDATIVE_LATTICE("oxidative-lattice", true),
	/** Glycolytic (type IIb/IIx) fibre: fragmented network of short, mostly transverse rods [53]. */
	@SerializedName("glycolytic-fragmented")
	GLYCOLYTIC_FRAGMENTED("glycolytic-fragmented", false),
	/** Excess fission (atrophy): many small fragments and puncta [45]. */
	@SerializedName("fission-fragmented")
	FISSION_FRAGMENTED("fission-fragmented", false),
	/** Excess fusion: long, thick, highly connected lattice [29, 45]. */
	@SerializedName("hyperfused")
	HYPERFUSED("hyperfused", true),
	/** Swollen mitochondria (Fis1/MFN2 loss): enlarged, rounded, disconnected [32–36]. */
	@SerializedName("swollen")
	SWOLLEN("swollen", false);

	private final String id;
	private final boolean lattice;

	Pattern(final String id, final boolean lattice) {
		this.id = id;
		this.lattice = lattice;
	}

	/** @return the stable identifier used on the command line and in JSON, e.g. {@code "oxidative-lattice"}. */
	public String id() {
		return id;
	}

	/** @return {@code true} when the pattern is drawn as a sarcomeric lattice, {@code false} for fragments. */
	public boolean isLattice() {
		return lattice;
	}

	/**
	 * @param id a pattern identifier (case-insensitive, surrounding blanks ignored)
	 * @return the pattern with this {@link #id()}
	 * @throws IllegalArgumentException for an unknown id; the message lists the valid ids
	 */
	public static Pattern fromId(final String id) {
		if (id != null) {
			final String s = id.trim();
			for (final Pattern p : values())
				if (p.id.equalsIgnoreCase(s)) return p;
		}
		throw new IllegalArgumentException("unknown pattern '" + id + "'; valid patterns: "
			+ Arrays.stream(values()).map(Pattern::id).collect(Collectors.joining(", ")));
	}

	@Override
	public String toString() {
		return id;
	}
}
