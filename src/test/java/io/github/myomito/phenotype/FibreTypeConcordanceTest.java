package io.github.myomito.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import io.github.myomito.results.Table;

/**
 * #15: report.html shows network type against the marker fibre type as a confusion table. On a mixed simulated
 * batch (oxidative-lattice and glycolytic-fragmented fibres with a marker channel, {@code myomito simulate
 * --fibre-type-marker}), every cell equals the cross-tabulation of phenotypes.csv's {@code network_type} and
 * fibres.csv's {@code fibre_type}, the marker types equal the simulator's truth, and the concordance is counted
 * from the same cells.
 */
class FibreTypeConcordanceTest {

	private static int cli(final String... args) {
		final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		return io.github.myomito.cli.Main.run(args, quiet, quiet);
	}

	private static List<Map<String, String>> rows(final Path csv) throws Exception {
		final List<String> lines = Table.readLines(csv);
		final List<String> head = Table.splitRecord(lines.get(0));
		final List<Map<String, String>> out = new java.util.ArrayList<>();
		for (final String l : lines.subList(1, lines.size())) {
			final List<String> v = Table.splitRecord(l);
			final Map<String, String> m = new java.util.LinkedHashMap<>();
			for (int i = 0; i < head.size(); i++) m.put(head.get(i), v.get(i));
			out.add(m);
		}
		return out;
	}

	@Test
	void reportTabulatesNetworkTypeAgainstMarkerFibreType(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Map<String, String> truth = new HashMap<>();
		for (int i = 0; i < 10; i++) {
			final String name = "m" + i + ".tif";
			assertThat(cli("simulate", "--pattern", i % 2 == 0 ? "oxidative-lattice" : "glycolytic-fragmented", "--seed", Integer.toString(40 + i), "--fibre-type-marker",
				"--out", in.resolve(name).toString())).isZero();
			truth.put(name, new Gson().fromJson(Files.readString(in.resolve("m" + i + ".reporter.json")), JsonObject.class).get("fibreType").getAsString());
		}
		final Path out = tmp.resolve("out");
		assertThat(cli("analyze", in.toString(), "--out", out.toString(), "--no-progress", "--lc3-channel", "2", "--fibre-type-channel", "3")).isZero();
		final Map<String, String> marker = new HashMap<>();
		int right = 0;
		for (final Map<String, String> r : rows(out.resolve("fibres.csv"))) {
			if (!"all".equals(r.get("region"))) continue;
			final String file = Path.of(r.get("file")).getFileName().toString();
			marker.put(file + " " + r.get("fibre"), r.get("fibre_type"));
			if (truth.get(file).equals(r.get("fibre_type"))) right++;
		}
		// the marker call's accuracy is measured on 40 fibres in reporter.FibreTypeTest (39 / 40); these 10 seeds give 9 / 10
		assertThat(right).as("marker fibre types right").isGreaterThanOrEqualTo(9);
		System.out.println("marker fibre types right: " + right + " / 10");
		final Map<String, Integer> expected = new HashMap<>();
		int both = 0, agree = 0;
		for (final Map<String, String> r : rows(out.resolve("phenotypes.csv"))) {
			if (!"all".equals(r.get("region"))) continue;
			final String m = marker.get(Path.of(r.get("file")).getFileName().toString() + " " + r.get("fibre"));
			final String net = r.get("network_type");
			expected.merge((m.isEmpty() ? "(no call)" : m) + "|" + net, 1, Integer::sum);
			if (List.of("oxidative-lattice", "intermediate", "glycolytic-fragmented").contains(net) && !m.isEmpty()) {
				both++;
				if (m.equals("type-I/oxidative") && net.equals("oxidative-lattice") || m.equals("type-II/glycolytic") && net.equals("glycolytic-fragmented")) agree++;
			}
		}
		final String html = Files.readString(out.resolve("report.html"));
		assertThat(html).contains("<h2>Network type vs marker fibre type</h2>");
		final Matcher cell = java.util.regex.Pattern.compile("<td data-marker=\"([^\"]*)\" data-network=\"([^\"]*)\"[^>]*>(\\d+)</td>").matcher(html);
		final Map<String, Integer> shown = new HashMap<>();
		int total = 0;
		while (cell.find()) {
			final int k = Integer.parseInt(cell.group(3));
			total += k;
			if (k > 0) shown.put(cell.group(1) + "|" + cell.group(2), k);
		}
		assertThat(total).isEqualTo(10);
		assertThat(shown).isEqualTo(expected);
		final Matcher conc = java.util.regex.Pattern.compile("data-concordant=\"(\\d+)\" data-of=\"(\\d+)\"").matcher(html);
		assertThat(conc.find()).isTrue();
		assertThat(Integer.parseInt(conc.group(1))).isEqualTo(agree);
		assertThat(Integer.parseInt(conc.group(2))).isEqualTo(both);
		System.out.println("network type vs marker: " + shown + "; concordant " + agree + " of " + both);
	}

	@Test
	void noMarkerNoTable(@TempDir final Path tmp) throws Exception {
		final Path img = tmp.resolve("a.tif");
		assertThat(cli("simulate", "--pattern", "oxidative-lattice", "--seed", "2", "--out", img.toString())).isZero();
		assertThat(cli("analyze", img.toString(), "--out", tmp.resolve("out").toString(), "--no-progress")).isZero();
		assertThat(Files.readString(tmp.resolve("out").resolve("report.html"))).doesNotContain("Network type vs marker fibre type");
	}
}
