package io.github.myomito.phenotype;

import java.util.Objects;

/**
 * Immutable settings of a classification: the knowledge base, the control condition's name and the unit of
 * replication (null: {@code animal} when the sample sheet has an animal column, else {@code image}).
 */
public final class ClassificationSettings {

	/** Default control condition name (matched case-insensitively). */
	public static final String DEFAULT_CONTROL = "control";
	/** Fewest control fibres of a region for a control reference (else built-in). */
	public static final int MIN_CONTROL_FIBRES = 3;

	private final PatternLibrary patterns;
	private final String control;
	private final Unit unit;

	private ClassificationSettings(final Builder b) {
		this.patterns = Objects.requireNonNull(b.patterns, "patterns");
		this.control = b.control;
		this.unit = b.unit;
	}

	/** @return the knowledge base. */
	public PatternLibrary patterns() { return patterns; }
	/** @return the control condition name. */
	public String control() { return control; }
	/** @return the unit of replication, or null for the default. */
	public Unit unit() { return unit; }

	/** @return the settings with the built-in knowledge base, control "control" and the default unit. */
	public static ClassificationSettings defaults() {
		return builder().build();
	}

	/** @return a builder with the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** Builder. */
	public static final class Builder {
		private PatternLibrary patterns;
		private String control = DEFAULT_CONTROL;
		private Unit unit;

		/** @param p the knowledge base */
		public Builder patterns(final PatternLibrary p) { patterns = p; return this; }
		/** @param c the control condition's name */
		public Builder control(final String c) {
			if (c == null || c.isBlank()) throw new IllegalArgumentException("control must name a condition of the sample sheet");
			control = c.trim();
			return this;
		}
		/** @param u the unit, or null for the default */
		public Builder unit(final Unit u) { unit = u; return this; }

		/** @return the settings. */
		public ClassificationSettings build() {
			if (patterns == null) patterns = PatternLibrary.builtIn();
			return new ClassificationSettings(this);
		}
	}
}
