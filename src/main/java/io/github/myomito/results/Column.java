package io.github.myomito.results;

import java.util.Objects;

/**
 * One output column, declared once in {@link Columns}: its machine key (the CSV header and JSON key,
 * public API), a human name, the physical unit, the value type, the formula and the reference it
 * comes from. Tables, CSV headers, the Fiji results table and {@code docs/columns.md} all read it.
 */
public final class Column {

	/** Value type of a column. */
	public enum Type {
		/** Free text. */
		TEXT,
		/** Whole number. */
		INTEGER,
		/** Real number; NaN when undefined. */
		REAL
	}

	private final String key;
	private final String name;
	private final String unit;
	private final Type type;
	private final String definition;
	private final String reference;

	private Column(final String key, final String name, final String unit, final Type type, final String definition, final String reference) {
		if (!key.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("column keys are lower_snake_case: " + key);
		this.key = key;
		this.name = Objects.requireNonNull(name);
		this.unit = unit == null ? "" : unit;
		this.type = type;
		this.definition = definition == null ? "" : definition;
		this.reference = reference == null ? "" : reference;
	}

	/** A text column. */
	public static Column text(final String key, final String name, final String definition) {
		return new Column(key, name, "", Type.TEXT, definition, "");
	}

	/** A count column (unit "1"). */
	public static Column count(final String key, final String name, final String definition, final String reference) {
		return new Column(key, name, "1", Type.INTEGER, definition, reference);
	}

	/** A real-valued column. */
	public static Column real(final String key, final String name, final String unit, final String definition, final String reference) {
		return new Column(key, name, unit, Type.REAL, definition, reference);
	}

	/** @return the machine key (CSV header, JSON key, macro result key). */
	public String key() {
		return key;
	}

	/** @return a short human-readable name. */
	public String name() {
		return name;
	}

	/** @return the unit ("µm", "µm²", "1", "°", "" for text); "µm" columns become "pixel" when uncalibrated. */
	public String unit() {
		return unit;
	}

	/** @return the value type. */
	public Type type() {
		return type;
	}

	/** @return the formula or definition. */
	public String definition() {
		return definition;
	}

	/** @return the literature reference (with DOI) or "". */
	public String reference() {
		return reference;
	}

	@Override
	public String toString() {
		return key;
	}
}
