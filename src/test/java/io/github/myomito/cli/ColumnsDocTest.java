package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/columns.md} is the published catalogue of output columns (public API); it must be exactly what
 * {@code myomito columns --markdown} prints, so that a change of a definition cannot leave the docs behind.
 * Regenerate with {@code java -jar target/myomito-cli.jar columns --markdown > docs/columns.md}.
 */
class ColumnsDocTest {

	@Test
	void docsColumnsMdIsTheGeneratedCatalogue() throws IOException {
		final Path doc = Path.of("docs", "columns.md");
		assertThat(doc).exists();
		final String generated = Cli.ok("columns", "--markdown").out;
		assertThat(generated).contains("| `triple_points` |").contains("## images.csv");
		assertThat(Files.readString(doc, StandardCharsets.UTF_8)).as("docs/columns.md is stale: regenerate it with `myomito columns --markdown`")
			.isEqualTo(generated);
	}
}
