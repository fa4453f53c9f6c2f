package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.results.Columns;

/**
 * #16 item 9: {@code analyze} defaulted to 0 Costes randomisations (costes_p NaN) while {@code coloc} defaulted to
 * 100. Now both, the Fiji commands and the column catalogue use {@link AnalysisSettings#DEFAULT_RANDOMISATIONS}.
 */
class RandomisationDefaultTest {

	@TempDir
	static Path dir;

	private static int fieldDefault(final Class<?> command) throws Exception {
		final var f = command.getDeclaredField("randomisations");
		f.setAccessible(true);
		return f.getInt(command.getDeclaredConstructor().newInstance());
	}

	@Test
	void analyzeColocAndFijiShareOneDefaultAndAnalyzeGivesACostesP() throws Exception {
		final int n = AnalysisSettings.DEFAULT_RANDOMISATIONS;
		assertThat(n).isEqualTo(100);
		assertThat(AnalysisSettings.defaults().randomisations()).isEqualTo(n);
		assertThat(fieldDefault(io.github.myomito.fiji.ColocalisationCommand.class)).isEqualTo(n);
		assertThat(fieldDefault(io.github.myomito.fiji.BatchAnalyzeCommand.class)).isEqualTo(n);
		assertThat(Columns.COSTES_P.definition()).contains(n + " randomisations by default");

		final Path img = Cli.simulate(dir, "p.tif", 3);
		// coloc without the option: n randomisations
		final JsonObject coloc = JsonParser.parseString(Cli.ok("coloc", img, "--channels", "1,2").out).getAsJsonObject();
		assertThat(coloc.get("randomisations").getAsInt()).isEqualTo(n);
		final double colocP = coloc.get("costes_p").getAsDouble();
		assertThat(colocP).isBetween(0.0, 1.0);
		// analyze without the option: a real P-value, the same as with --randomisations n, NaN with 0
		final Path a = dir.resolve("a"), b = dir.resolve("b"), c = dir.resolve("c");
		Cli.ok("analyze", img, "--lc3-channel", "2", "--no-qc", "--no-progress", "--out", a);
		Cli.ok("analyze", img, "--lc3-channel", "2", "--no-qc", "--no-progress", "--out", b, "--randomisations", n);
		Cli.ok("analyze", img, "--lc3-channel", "2", "--no-qc", "--no-progress", "--out", c, "--randomisations", 0);
		final Cli.Csv fa = Cli.csv(a.resolve("fibres.csv")), fb = Cli.csv(b.resolve("fibres.csv")), fc = Cli.csv(c.resolve("fibres.csv"));
		final int ka = fa.header.indexOf("costes_p"), kc = fc.header.indexOf("costes_p");
		assertThat(ka).isNotNegative();
		final double p = Double.parseDouble(fa.rows.get(0).get(ka));
		assertThat(p).isBetween(0.0, 1.0);
		// the default is exactly --randomisations n
		assertThat(fa.rows).isEqualTo(fb.rows);
		assertThat(fc.rows.get(0).get(kc)).isEqualTo("NaN");
	}
}
