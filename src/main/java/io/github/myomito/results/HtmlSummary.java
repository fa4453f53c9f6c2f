package io.github.myomito.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML summary of a run ({@code summary.html}, no external files or scripts): for
 * each key fibre metric a strip plot of the per-fibre values by condition, with the median marked, and
 * a table of medians. Conditions come from a sample sheet (CSV with columns {@code file} and
 * {@code condition}, optionally {@code animal} and {@code fibre_type}); without one every fibre is in
 * condition "all".
 */
public final class HtmlSummary {

	private HtmlSummary() {}

	/** Metrics plotted, by column key. */
	static final String[] METRICS = { "lattice_index", "fragmentation_index", "loops_per_100um2", "transverse_fraction", "period_um",
		"mean_branch_length_um", "coverage", "lc3_on_mito_fraction", "lc3_puncta_per_100um2", "pearson" };

	/** Reads a sample sheet: file name (as given, or its last path element) → condition. */
	public static Map<String, String> readSampleSheet(final Path csv) throws IOException {
		final SampleSheet sheet = SampleSheet.read(csv);
		if (!sheet.columns().contains("condition"))
			throw new IOException(csv + ": a sample sheet needs the columns file and condition (found " + sheet.columns() + ")");
		return sheet.column("condition");
	}

	/** Writes {@code out/summary.html} from {@code out/fibres.csv}. */
	public static void write(final Path out, final Map<String, String> conditions) throws IOException {
		final Path fibres = out.resolve("fibres.csv");
		if (!Files.exists(fibres)) return;
		final List<String> lines = Table.readLines(fibres);
		final List<String> head = split(lines.get(0));
		final int fileCol = head.indexOf("file");
		final Map<String, Map<String, List<Double>>> byMetric = new LinkedHashMap<>();
		for (final String m : METRICS) byMetric.put(m, new TreeMap<>());
		int rows = 0;
		for (int i = 1; i < lines.size(); i++) {
			final List<String> r = split(lines.get(i));
			if (r.size() != head.size() || (head.contains("region") && !"all".equals(r.get(head.indexOf("region"))))) continue;
			rows++;
			final String cond = condition(r.get(fileCol), conditions);
			for (final String m : METRICS) {
				final int k = head.indexOf(m);
				if (k < 0) continue;
				final double v = parse(r.get(k));
				if (Double.isFinite(v)) byMetric.get(m).computeIfAbsent(cond, x -> new ArrayList<>()).add(v);
			}
		}
		final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>MyoMito summary</title>\n<style>")
			.append("body{font-family:sans-serif;margin:2em;color:#222}h2{font-size:1.05em;margin:1.4em 0 .3em}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#f3f3f3}.note{color:#666;font-size:.9em}</style></head><body>\n")
			.append("<h1>MyoMito summary</h1>\n<p class=\"note\">").append(rows).append(" fibre rows from <code>fibres.csv</code>; MyoMito ")
			.append(esc(Provenance.version())).append(". Each dot is a fibre; the bar is the median. Definitions: <code>docs/columns.md</code>.</p>\n");
		for (final Map.Entry<String, Map<String, List<Double>>> e : byMetric.entrySet()) {
			if (e.getValue().isEmpty()) continue;
			h.append("<h2>").append(esc(e.getKey())).append("</h2>\n").append(strip(e.getValue()));
		}
		h.append("<h2>Medians</h2>\n<table><tr><th>condition</th>");
		for (final String m : METRICS) h.append("<th>").append(esc(m)).append("</th>");
		h.append("</tr>\n");
		final java.util.Set<String> conds = new java.util.TreeSet<>();
		for (final Map<String, List<Double>> v : byMetric.values()) conds.addAll(v.keySet());
		for (final String c : conds) {
			h.append("<tr><th>").append(esc(c)).append("</th>");
			for (final String m : METRICS) {
				final List<Double> v = byMetric.get(m).get(c);
				h.append("<td>").append(v == null ? "" : String.format(Locale.ROOT, "%.3g", median(v))).append("</td>");
			}
			h.append("</tr>\n");
		}
		h.append("</table>\n");
		dynamicsPictures(out, h);
		h.append("</body></html>\n");
		AtomicFiles.writeString(out.resolve("summary.html"), h.toString());
	}

	/** Series (#14): their QC pictures of events over time and kymographs, {@code qc/*_dynamics.png}, in name order. */
	private static void dynamicsPictures(final Path out, final StringBuilder h) throws IOException {
		final Path qc = out.resolve("qc");
		if (!Files.isDirectory(qc)) return;
		final List<String> names = new ArrayList<>();
		try (java.util.stream.Stream<Path> s = Files.list(qc)) {
			s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_dynamics.png")).sorted().forEach(names::add);
		}
		if (names.isEmpty()) return;
		h.append("<h2>Dynamics: kymograph along the fibre axis and events over time</h2>\n<p class=\"note\">Fission vermillion, fusion blue, ")
			.append("kiss-and-run reddish purple (see <code>docs/dynamics.md</code>).</p>\n");
		for (final String n : names)
			h.append("<p>").append(esc(n)).append("<br><img src=\"qc/").append(esc(n)).append("\" alt=\"").append(esc(n)).append("\" style=\"max-width:100%\"></p>\n");
	}

	private static String strip(final Map<String, List<Double>> groups) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final List<Double> v : groups.values())
			for (final double x : v) {
				lo = Math.min(lo, x);
				hi = Math.max(hi, x);
			}
		if (hi == lo) {
			hi += 0.5;
			lo -= 0.5;
		}
		final int rowH = 28, left = 160, width = 520;
		final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
			left + width + 20, rowH * groups.size() + 24));
		int row = 0;
		for (final Map.Entry<String, List<Double>> g : groups.entrySet()) {
			final double y = 12 + rowH * row + rowH / 2.0;
			s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s (n=%d)</text>", left - 8, y + 4,
				esc(g.getKey()), g.getValue().size()));
			int k = 0;
			for (final double x : g.getValue()) {
				final double px = left + (x - lo) / (hi - lo) * width;
				final double jitter = ((k++ * 7919) % 13 - 6) * 1.2;
				s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#3b6ea5\" fill-opacity=\"0.6\"/>", px, y + jitter));
			}
			final double mx = left + (median(g.getValue()) - lo) / (hi - lo) * width;
			s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"2\"/>", mx, mx, y - 10, y + 10));
			row++;
		}
		final double axisY = 12 + rowH * groups.size();
		s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>", left, left + width, axisY, axisY));
		s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\">%.3g</text><text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.3g</text>",
			left, axisY + 12, lo, left + width, axisY + 12, hi));
		return s.append("</svg>\n").toString();
	}

	private static String condition(final String file, final Map<String, String> conditions) {
		if (conditions == null || conditions.isEmpty()) return "all";
		String c = conditions.get(file);
		if (c == null) c = conditions.get(Path.of(file).getFileName().toString());
		return c == null ? "unassigned" : c;
	}

	static double median(final List<Double> v) {
		final double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
	}

	private static double parse(final String s) {
		try {
			return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
		}
		catch (final NumberFormatException e) {
			return Double.NaN;
		}
	}

	private static String esc(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
	}

	/** Splits one CSV record written by {@link Table} (RFC 4180 quoting). */
	static List<String> split(final String line) {
		return Table.splitRecord(line);
	}
}
