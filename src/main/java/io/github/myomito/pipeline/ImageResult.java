package io.github.myomito.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.myomito.results.Table;

/**
 * Everything MyoMito measured in one image: its tables (one row in {@code images}, rows in
 * {@code fibres}, {@code objects}, {@code branches}, {@code puncta}), a status and warnings.
 */
public final class ImageResult {

	/** Outcome of one image. */
	public enum Status {
		/** Analysed without remarks. */
		OK,
		/** Analysed, with quality warnings. */
		WARNING,
		/** Not analysed: see the message. */
		ERROR;

		/** @return the CSV spelling ("ok", "warning", "error"). */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private final Map<String, Table> tables;
	private final Status status;
	private final String message;
	private final List<String> warnings;

	/** @param tables the result tables by name, @param warnings quality warnings (status WARNING when non-empty) */
	public ImageResult(final Map<String, Table> tables, final List<String> warnings) {
		this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
		this.status = warnings.isEmpty() ? Status.OK : Status.WARNING;
		this.message = String.join("; ", warnings);
	}

	private ImageResult(final Map<String, Table> tables, final String error) {
		this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
		this.warnings = List.of();
		this.status = Status.ERROR;
		this.message = error;
	}

	/** @return a failed result carrying only its (one-row) image table. */
	public static ImageResult error(final Map<String, Table> tables, final String message) {
		return new ImageResult(tables, message);
	}

	/** @return tables by name. */
	public Map<String, Table> tables() {
		return tables;
	}

	/** @return the table with this name, or null. */
	public Table table(final String name) {
		return tables.get(name);
	}

	/** @return ok / warning / error. */
	public Status status() {
		return status;
	}

	/** @return why the status is not ok ("" when ok). */
	public String message() {
		return message;
	}

	/** @return the warnings. */
	public List<String> warnings() {
		return warnings;
	}
}
