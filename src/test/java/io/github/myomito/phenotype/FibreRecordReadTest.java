package io.github.myomito.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.myomito.results.Table;

/**
 * The fast paths of classify's reading and writing give what the plain ones give: records over the raw CSV line
 * (cells parsed on first read, the pattern file's columns at once) hold the values of records built from split
 * cells, and the ten-digit rounding without BigDecimal equals BigDecimal's.
 */
class FibreRecordReadTest {

	@TempDir
	Path dir;

	private static String randomCell(final Random rnd) {
		switch (rnd.nextInt(8)) {
			case 0: return "";
			case 1: return "NaN";
			case 2: return Integer.toString(rnd.nextInt(1000) - 500);
			case 3: return Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6));
			case 4: return "Infinity";
			case 5: return "0.12x3"; // text, not a number
			case 6: return Table.format(rnd.nextDouble());
			default: return "-1.5E-7";
		}
	}

	@Test
	void recordsOverTheLineHoldTheValuesOfSplitCells() throws IOException {
		final Random rnd = new Random(5);
		final List<String> head = new ArrayList<>(List.of("file", "fibre", "region"));
		for (int j = 0; j < 40; j++) head.add("m" + j);
		head.add("m3"); // a repeated key: its first column counts, as in the split-cell reading
		final StringBuilder csv = new StringBuilder(String.join(",", head)).append('\n');
		final List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			final Map<String, String> m = new LinkedHashMap<>();
			final List<String> cells = new ArrayList<>();
			for (final String k : head) {
				final String v = k.equals("file") ? "img" + i + (i % 7 == 0 ? ", quoted.tif" : ".tif") : k.equals("fibre") ? "f" + i % 3 : k.equals("region") ? "all" : randomCell(rnd);
				m.putIfAbsent(k, v);
				cells.add(v.contains(",") ? "\"" + v + "\"" : v);
			}
			rows.add(m);
			csv.append(String.join(",", cells)).append('\n');
		}
		final Path f = dir.resolve("fibres.csv");
		Files.writeString(f, csv, StandardCharsets.UTF_8);
		final List<FibreRecord> eager = PhenotypeRun.records(rows, null);
		final List<FibreRecord> lazy = PhenotypeRun.records(f, null, List.of("m1", "m3", "m17", "not_a_column"));
		final List<FibreRecord> allLazy = PhenotypeRun.records(f, null);
		assertThat(lazy).hasSameSizeAs(eager);
		int numbers = 0;
		for (int i = 0; i < eager.size(); i++) {
			assertThat(lazy.get(i).file).isEqualTo(eager.get(i).file);
			assertThat(lazy.get(i).fibre).isEqualTo(eager.get(i).fibre);
			for (final String k : head) {
				final double e = eager.get(i).value(k);
				assertThat(Double.valueOf(lazy.get(i).value(k))).as("row %d %s", i, k).isEqualTo(Double.valueOf(e));
				assertThat(Double.valueOf(allLazy.get(i).value(k))).as("row %d %s", i, k).isEqualTo(Double.valueOf(e));
				if (!Double.isNaN(e)) numbers++;
			}
			assertThat(lazy.get(i).value("not_a_column")).isNaN();
		}
		assertThat(numbers).isGreaterThan(5000);
	}

	@Test
	void aRowWithTheWrongNumberOfCellsNamesFileAndRow() throws IOException {
		final Path f = dir.resolve("fibres.csv");
		Files.writeString(f, "file,fibre,a\nx.tif,f1,1\ny.tif,f1,1,2\n", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> PhenotypeRun.records(f, null, List.of("a"))).isInstanceOf(IOException.class)
			.hasMessageContaining(f.toString()).hasMessageContaining("row 2 has 4 cells, the header 3");
		Files.writeString(f, "file,fibre,a\nx.tif,f1\n", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> PhenotypeRun.records(f, null, List.of("a"))).hasMessageContaining("row 1 has 2 cells, the header 3");
		Files.writeString(f, "file,fibre,a\n\"x,1.tif\",f1\n", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> PhenotypeRun.records(f, null, List.of("a"))).hasMessageContaining("row 1 has 2 cells, the header 3");
	}

	private static double bigDecimal10(final double x) {
		return new BigDecimal(x).round(new MathContext(10)).doubleValue();
	}

	@Test
	void tenDigitRoundingEqualsBigDecimal() {
		final Random rnd = new Random(11);
		int fast = 0;
		for (int i = 0; i < 1_000_000; i++) {
			final double x;
			switch (i % 4) {
				case 0: x = rnd.nextDouble(); break;
				case 1: x = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(60) - 30); break;
				case 2: x = Double.longBitsToDouble(rnd.nextLong()); break; // any double, sub-normals and huge ones too
				// a decimal with 11 significant digits ending in 5: a tie, or the double next to one
				default: x = (rnd.nextInt(900_000_000) + 100_000_000 + 0.5) * Math.pow(10, rnd.nextInt(20) - 14) * (rnd.nextBoolean() ? 1 : -1);
			}
			if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) continue;
			assertThat(PhenotypeRun.round(x)).as("%s", x).isEqualTo(bigDecimal10(x));
			if (!Double.isNaN(PhenotypeRun.round10(x))) fast++;
		}
		// the fast path did the work (the fallback is for ties and extreme exponents)
		assertThat(fast).isGreaterThan(600_000);
		// exact ties round half up, as BigDecimal's MathContext (HALF_UP) does
		assertThat(PhenotypeRun.round(0.12345678905)).isEqualTo(bigDecimal10(0.12345678905));
		assertThat(PhenotypeRun.round(2.5)).isEqualTo(2.5);
		assertThat(PhenotypeRun.round(1.0 / 3)).isEqualTo(0.3333333333);
		assertThat(PhenotypeRun.round(-2.0 / 3)).isEqualTo(-0.6666666667);
	}
}
