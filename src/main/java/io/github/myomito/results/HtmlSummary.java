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
		final int fibreCol = head.indexOf("fibre");
		final Map<String, Map<String, List<Dot>>> dots = new LinkedHashMap<>();
		for (final String m : METRICS) dots.put(m, new TreeMap<>());
		final java.util.Set<String> sources = new java.util.TreeSet<>();
		final Map<String, Map<String, List<Double>>> byMetric = new LinkedHashMap<>();
		for (final String m : METRICS) byMetric.put(m, new TreeMap<>());
		int rows = 0;
		for (int i = 1; i < lines.size(); i++) {
			final List<String> r = split(lines.get(i));
			if (r.size() != head.size() || (head.contains("region") && !"all".equals(r.get(head.indexOf("region"))))) continue;
			rows++;
			final String cond = condition(r.get(fileCol), conditions);
			final String fibre = fibreCol < 0 ? "" : r.get(fibreCol);
			if (head.contains("fibre_source")) sources.add(r.get(head.indexOf("fibre_source")));
			for (final String m : METRICS) {
				final int k = head.indexOf(m);
				if (k < 0) continue;
				final double v = parse(r.get(k));
				if (Double.isFinite(v)) {
					byMetric.get(m).computeIfAbsent(cond, x -> new ArrayList<>()).add(v);
					dots.get(m).computeIfAbsent(cond, x -> new ArrayList<>()).add(new Dot(v, r.get(fileCol) + ("image".equals(fibre) ? "" : ", fibre " + fibre)));
				}
			}
		}
		final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>MyoMito summary</title>\n<style>")
			.append("body{font-family:sans-serif;margin:2em;color:#222}h2{font-size:1.05em;margin:1.4em 0 .3em}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#f3f3f3}.note{color:#666;font-size:.9em}</style></head><body>\n")
			.append("<h1>MyoMito summary</h1>\n<p class=\"note\">").append(rows).append(" fibre rows from <code>fibres.csv</code>; MyoMito ")
			.append(esc(Provenance.version())).append(". ").append(esc(dotMeaning(sources)))
			.append(" Hover over a dot for its image and value; the red bar is the median. Definitions: <code>docs/columns.md</code>.</p>\n");
		for (final Map.Entry<String, Map<String, List<Dot>>> e : dots.entrySet()) {
			if (e.getValue().isEmpty()) continue;
			final String unit = unit(e.getKey());
			h.append("<h2>").append(esc(e.getKey())).append(unit.isEmpty() ? "" : " (" + esc(unit) + ")").append(" <span class=\"note\">")
				.append(esc(name(e.getKey()))).append("</span></h2>\n").append(strip(e.getValue(), unit));
		}
		h.append("<h2>Medians</h2>\n<table><tr><th>condition</th>");
		for (final String m : METRICS) h.append("<th>").append(esc(m)).append(unit(m).isEmpty() ? "" : " (" + esc(unit(m)) + ")").append("</th>");
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

	/** One plotted value and what it belongs to (the tooltip). */
	private static final class Dot {
		final double value;
		final String label;

		Dot(final double value, final String label) {
			this.value = value;
			this.label = label;
		}
	}

	/**
	 * @return what one dot of the plots is (#16 items 2, 12): one fibre of an image with fibres (ROIs, labels,
	 *         --fibres auto), one whole image without
	 */
	static String dotMeaning(final java.util.Set<String> sources) {
		final boolean whole = sources.contains("image"), fibres = sources.stream().anyMatch(x -> !"image".equals(x));
		if (whole && !fibres) return "One dot = one image (analysed as one region, the whole image: no fibres were given or detected).";
		if (fibres && !whole) return "One dot = one fibre (" + String.join(", ", sources) + ") of an image.";
		return "One dot = one fibre of an image, or one whole image where no fibres were given or found.";
	}

	/** @return the unit of a catalogue column ("" when dimensionless or unknown). */
	static String unit(final String key) {
		for (final List<Column> t : Columns.tables().values())
			for (final Column c : t)
				if (c.key().equals(key)) return c.unit() == null || "1".equals(c.unit()) ? "" : c.unit();
		return "";
	}

	private static String name(final String key) {
		for (final List<Column> t : Columns.tables().values())
			for (final Column c : t)
				if (c.key().equals(key)) return c.name();
		return "";
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

	private static String strip(final Map<String, List<Dot>> groups, final String unit) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final List<Dot> v : groups.values())
			for (final Dot d : v) {
				lo = Math.min(lo, d.value);
				hi = Math.max(hi, d.value);
			}
		if (hi == lo) {
			hi += 0.5;
			lo -= 0.5;
		}
		final int rowH = 28, left = 160, width = 520;
		final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
			left + width + 20, rowH * groups.size() + 24));
		int row = 0;
		for (final Map.Entry<String, List<Dot>> g : groups.entrySet()) {
			final double y = 12 + rowH * row + rowH / 2.0;
			s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s (n=%d)</text>", left - 8, y + 4,
				esc(g.getKey()), g.getValue().size()));
			int k = 0;
			final List<Double> values = new ArrayList<>();
			for (final Dot d : g.getValue()) {
				final double x = d.value;
				values.add(x);
				final double px = left + (x - lo) / (hi - lo) * width;
				final double jitter = ((k++ * 7919) % 13 - 6) * 1.2;
				s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#3b6ea5\" fill-opacity=\"0.6\"><title>%s: %s%s</title></circle>", px,
					y + jitter, esc(d.label), Table.format(x), unit.isEmpty() ? "" : " " + esc(unit)));
			}
			final double mx = left + (median(values) - lo) / (hi - lo) * width;
			s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"2\"/>", mx, mx, y - 10, y + 10));
			row++;
		}
		final double axisY = 12 + rowH * groups.size();
		s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>", left, left + width, axisY, axisY));
		final String u = unit.isEmpty() ? "" : " " + esc(unit);
		s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\">%.3g%s</text><text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.3g%s</text>",
			left, axisY + 12, lo, u, left + width, axisY + 12, hi, u));
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
