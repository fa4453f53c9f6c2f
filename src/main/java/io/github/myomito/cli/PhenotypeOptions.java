package io.github.myomito.cli;

import java.io.IOException;
import java.nio.file.Path;

import io.github.myomito.phenotype.ClassificationSettings;
import io.github.myomito.phenotype.PatternLibrary;
import io.github.myomito.phenotype.Unit;
import picocli.CommandLine.Option;

/** The phenotype-call options shared by {@code analyze}, {@code merge} and {@code classify}. */
final class PhenotypeOptions {

	@Option(names = "--control", defaultValue = ClassificationSettings.DEFAULT_CONTROL, paramLabel = "NAME",
		description = "Control condition of the sample sheet (case-insensitive); fibres are called relative to it. Default: ${DEFAULT-VALUE}.")
	String control;

	@Option(names = "--unit", paramLabel = "fibre|image|animal",
		description = "Unit of replication of the group statistics (default: animal when the sample sheet has an animal column, else image).")
	String unit;

	@Option(names = "--patterns", paramLabel = "FILE", description = "Knowledge base to call phenotypes against (JSON, docs/phenotypes.md; default: the built-in Lei et al. 2024).")
	Path patterns;

	/** @return the settings; a bad value is a usage error naming the option. */
	ClassificationSettings settings() throws IOException {
		final ClassificationSettings.Builder b = ClassificationSettings.builder();
		try {
			b.control(control);
			if (unit != null) b.unit(Unit.parse(unit));
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException((unit != null && e.getMessage().startsWith("unit") ? "--" : "--control: ") + e.getMessage());
		}
		if (patterns != null) {
			try {
				b.patterns(PatternLibrary.read(patterns));
			}
			catch (final IllegalArgumentException e) {
				throw new Main.UsageException("--patterns: " + e.getMessage());
			}
		}
		return b.build();
	}
}
