package io.github.myomito.phenotype;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.myomito.results.AtomicFiles;
import io.github.myomito.results.Provenance;

/**
 * {@code report.html}: a self-contained page (no scripts, no external files) of a batch's phenotype calls — the
 * group calls with their evidence and Table 3 matches, the review's Table 3 with references, a lattice index vs
 * fragmentation index scatter of every fibre coloured by its dynamics call (Okabe–Ito colour-blind-safe palette,
 * tooltips naming file and fibre), per-feature strip plots by condition, and the per-fibre calls.
 */
public final class PhenotypeReport {

	private PhenotypeReport() {}

	/** Colour-blind-safe colours (Okabe &amp; Ito 2008) per dynamics state. */
	private static final Map<String, String> COLOURS = new LinkedHashMap<>();
	static {
		COLOURS.put("balanced", "#999999");
		COLOURS.put("fission-dominant", "#D55E00");
		COLOURS.put("fusion-dominant", "#0072B2");
		COLOURS.put("swollen", "#CC79A7");
	}

	/** Features shown as strip plots. */
	static final String[] STRIPS = { "fragmentation_index", "lattice_index", "objects_per_100um2", "mean_branch_length_um", "mean_object_size_um2",
		"mean_width_um", "loops_per_100um2", "lc3_on_mito_fraction", "mitophagosomes_per_100um2" };

	/** Writes the report. */
	public static void write(final Path file, final Classification c, final Path outDir) throws IOException {
		final PatternLibrary lib = c.settings().patterns();
		final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>MyoMito phenotype report</title>\n<style>")
			.append("body{font-family:sans-serif;margin:1.5em 2em;color:#222;max-width:1200px}h2{font-size:1.1em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}")
			.append("table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}")
			.append("th{background:#f3f3f3}.note{color:#555;font-size:.9em}.ev{font-size:.8em;color:#444;max-width:520px}.tag{display:inline-block;padding:0 5px;border-radius:3px;color:#fff}")
			.append(".ok{color:#1a7f37}.bad{color:#b42318}</style></head><body>\n<h1>MyoMito phenotype report</h1>\n<p class=\"note\">")
			.append(c.calls().size()).append(" fibre rows; knowledge base <b>").append(esc(lib.id() + " " + lib.version())).append("</b> (")
			.append(esc(lib.reviewCitation())).append(", doi:").append(esc(lib.reviewDoi())).append("); control condition <code>").append(esc(c.settings().control()))
			.append("</code>; unit of replication <b>").append(c.unit().id()).append("</b>; MyoMito ").append(esc(Provenance.version()))
			.append(". Calls are read relative to the reference named in each row and are worded as <i>consistent with</i> the literature, never as a diagnosis. ")
			.append("Numbers in brackets are the review's reference numbers. Definitions: <code>docs/phenotypes.md</code>.</p>\n");
		groupCalls(h, c);
		scatter(h, c);
		fibreTypeConcordance(h, c);
		strips(h, c);
		table3(h, lib);
		fibreCalls(h, c);
		h.append("</body></html>\n");
		AtomicFiles.writeString(file, h.toString());
	}

	private static void groupCalls(final StringBuilder h, final Classification c) {
		h.append("<h2>Group calls (condition vs control)</h2>\n<table><tr><th>region</th><th>condition</th><th>time point</th><th>fibres</th><th>network type</th>")
			.append("<th>dynamics</th><th>mitophagy</th><th>confidence</th><th>reference</th><th>consistent with (Table 3)</th><th>conflicting (Table 3)</th><th>evidence</th></tr>\n");
		for (final GroupRow g : c.groups()) {
			if (!"call".equals(g.record)) continue;
			h.append("<tr><td>").append(esc(g.region)).append("</td><td>").append(esc(g.condition)).append("</td><td>").append(esc(g.timepoint)).append("</td><td>")
				.append((int) g.n).append("</td><td>").append(esc(g.networkType)).append("</td><td>").append(tag(g.dynamicsState)).append("</td><td>")
				.append(esc(g.mitophagyState)).append("</td><td>").append(Classifier.fmt2(g.confidence)).append("</td><td>").append(esc(g.reference)).append("</td><td class=\"ok\">")
				.append(list(g.consistentModels)).append("</td><td class=\"bad\">").append(list(g.conflictingModels)).append("</td><td class=\"ev\">")
				.append(esc(g.evidence).replace(" | ", "<br>")).append("</td></tr>\n");
		}
		h.append("</table>\n");
	}

	private static String list(final String s) {
		return s.isEmpty() ? "–" : esc(s).replace("; ", "<br>");
	}

	private static String tag(final String state) {
		final String col = COLOURS.get(state);
		return col == null ? esc(state) : "<span class=\"tag\" style=\"background:" + col + "\">" + esc(state) + "</span>";
	}

	/** Most dots drawn per condition in a strip plot, and in the scatter plot (a page stays readable and small). */
	static final int MAX_STRIP_DOTS = 400, MAX_SCATTER_DOTS = 2000;

	/** @return indices of at most {@code max} of n items, evenly spaced (all when n ≤ max): ⌊j·n / max⌋. */
	static int[] sample(final int n, final int max) {
		if (n <= max) return java.util.stream.IntStream.range(0, n).toArray();
		final int[] out = new int[max];
		for (int j = 0; j < max; j++) out[j] = (int) ((long) j * n / max);
		return out;
	}

	private static void scatter(final StringBuilder h, final Classification c) {
		final int w = 560, hh = 380, l = 60, b = 40, t = 14, r = 170;
		h.append("<h2>Lattice index vs fragmentation index, by dynamics call</h2>\n");
		h.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"12\">", w + r, hh));
		final int pw = w - l - 10, ph = hh - b - t;
		h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", l, t, pw, ph));
		for (int k = 0; k <= 4; k++) {
			final double v = k / 4.0;
			final double x = l + v * pw, y = t + ph - v * ph;
			h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>", x, t + ph + 15, v));
			h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>", l - 5, y + 4, v));
		}
		h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">lattice_index (1)</text>", l + pw / 2.0, hh - 6));
		h.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">fragmentation_index (1)</text>", t + ph / 2.0));
		final List<FibreCall> whole = new ArrayList<>();
		for (final FibreCall f : c.calls())
			if ("all".equals(f.fibre.region) && !Double.isNaN(f.fibre.value("lattice_index")) && !Double.isNaN(f.fibre.value("fragmentation_index"))) whole.add(f);
		final int[] drawn = sample(whole.size(), MAX_SCATTER_DOTS);
		for (final int i : drawn) {
			final FibreCall f = whole.get(i);
			final double x = l + clamp(f.fibre.value("lattice_index")) * pw, y = t + ph - clamp(f.fibre.value("fragmentation_index")) * ph;
			h.append("<circle cx=\"").append(Classifier.dec1(x)).append("\" cy=\"").append(Classifier.dec1(y)).append("\" r=\"4\" fill=\"")
				.append(COLOURS.getOrDefault(f.dynamicsState, "#000000")).append("\" fill-opacity=\"0.75\" stroke=\"#333\" stroke-width=\"0.4\"><title>")
				.append(esc(f.fibre.file + " · " + f.fibre.fibre + " · " + f.fibre.condition + ": " + f.networkType + ", " + f.dynamicsState + ", mitophagy " + f.mitophagyState))
				.append("</title></circle>");
		}
		int k = 0;
		for (final Map.Entry<String, String> e : COLOURS.entrySet()) {
			final int y = t + 12 + 18 * k++;
			h.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>", w + 5, y, e.getValue(), w + 15, y + 4, e.getKey()));
		}
		h.append("</svg>\n<p class=\"note\">One dot per fibre (whole-fibre rows); hover a dot for its file and fibre.")
			.append(drawn.length < whole.size() ? " " + drawn.length + " of " + whole.size() + " fibres drawn (every " + Classifier.fmt(whole.size() / (double) drawn.length)
				+ "th in file order); all are in <code>phenotypes.csv</code>." : "").append("</p>\n");
	}

	/**
	 * Network type (from the image) against the fibre type from a marker channel (#15: SDH/COX or MyHC, column
	 * {@code fibre_type}): a confusion table of the whole-fibre rows, rows = marker type, columns = network type,
	 * with the concordance of the review's claim [53] that oxidative fibres carry a lattice and glycolytic fibres a
	 * fragmented network: {@code type-I/oxidative ↔ oxidative-lattice}, {@code type-IIa/intermediate ↔ intermediate},
	 * {@code type-II/glycolytic ↔ glycolytic-fragmented}; concordance = fibres on these pairs / fibres with both a marker
	 * type and a measured network type. Fibres without a marker call are counted in the row "(no call)". Nothing
	 * when no fibre has a marker type. Each count cell carries {@code data-marker} and {@code data-network}.
	 */
	private static void fibreTypeConcordance(final StringBuilder h, final Classification c) {
		final Map<String, Map<String, Integer>> n = new TreeMap<>();
		final java.util.Set<String> nets = new java.util.TreeSet<>();
		boolean any = false;
		for (final FibreCall f : c.calls()) {
			if (!"all".equals(f.fibre.region)) continue;
			any |= !f.fibre.fibreType.isEmpty();
			final String m = f.fibre.fibreType.isEmpty() ? "(no call)" : f.fibre.fibreType;
			n.computeIfAbsent(m, x -> new TreeMap<>()).merge(f.networkType, 1, Integer::sum);
			nets.add(f.networkType);
		}
		if (!any) return;
		final Map<String, String> pair = new LinkedHashMap<>();
		pair.put("type-I/oxidative", "oxidative-lattice");
		pair.put("type-IIa/intermediate", "intermediate");
		pair.put("type-II/glycolytic", "glycolytic-fragmented");
		final java.util.Set<String> measured = new java.util.HashSet<>(pair.values());
		int both = 0, agree = 0;
		h.append("<h2>Network type vs marker fibre type</h2>\n<table><tr><th>marker fibre type \\ network type</th>");
		for (final String t : nets) h.append("<th>").append(esc(t)).append("</th>");
		h.append("<th>fibres</th></tr>\n");
		for (final Map.Entry<String, Map<String, Integer>> e : n.entrySet()) {
			h.append("<tr><th>").append(esc(e.getKey())).append("</th>");
			int row = 0;
			for (final String t : nets) {
				final int k = e.getValue().getOrDefault(t, 0);
				row += k;
				final boolean diag = t.equals(pair.get(e.getKey()));
				if (pair.containsKey(e.getKey()) && measured.contains(t)) {
					both += k;
					if (diag) agree += k;
				}
				h.append("<td data-marker=\"").append(esc(e.getKey())).append("\" data-network=\"").append(esc(t)).append("\"").append(diag ? " style=\"font-weight:bold\"" : "")
					.append('>').append(k).append("</td>");
			}
			h.append("<td>").append(row).append("</td></tr>\n");
		}
		h.append("</table>\n<p class=\"note\">Whole-fibre rows. Concordant with the review's claim [53] (type-I/oxidative ↔ oxidative-lattice, ")
			.append("type-IIa/intermediate ↔ intermediate, type-II/glycolytic ↔ glycolytic-fragmented; bold): <b data-concordant=\"").append(agree).append("\" data-of=\"")
			.append(both).append("\">").append(agree).append(" of ").append(both).append("</b> fibres with both a marker call and a network type")
			.append(both > 0 ? String.format(Locale.ROOT, " (%.1f %%)", 100.0 * agree / both) : "").append(". The marker call is made per batch (docs/accuracy.md); ")
			.append("the network type relative to the reference named in the per-fibre calls.</p>\n");
	}

	private static double clamp(final double v) {
		return Math.max(0, Math.min(1, v));
	}

	private static void strips(final StringBuilder h, final Classification c) {
		final PatternLibrary lib = c.settings().patterns();
		h.append("<h2>Per-feature distributions by condition</h2>\n<p class=\"note\">One dot per fibre (whole-fibre rows), bar = median; units as in <code>docs/columns.md</code>. "
			+ "A condition with more than " + MAX_STRIP_DOTS + " fibres shows " + MAX_STRIP_DOTS + " of them (evenly spaced in file order); its median and n are of all.</p>\n");
		for (final String key : STRIPS) {
			final PatternLibrary.Feature f = lib.feature(key);
			final Map<String, List<double[]>> by = new TreeMap<>();
			// the fibres behind the dots, named only for the dots drawn (at most MAX_STRIP_DOTS per condition)
			final Map<String, List<FibreCall>> names = new TreeMap<>();
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final FibreCall fc : c.calls()) {
				if (!"all".equals(fc.fibre.region)) continue;
				final double v = f == null ? fc.fibre.value(key) : fc.fibre.value(f);
				if (Double.isNaN(v) || Double.isInfinite(v)) continue;
				by.computeIfAbsent(fc.fibre.condition, x -> new ArrayList<>()).add(new double[] { v });
				names.computeIfAbsent(fc.fibre.condition, x -> new ArrayList<>()).add(fc);
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			if (by.isEmpty()) continue;
			if (hi == lo) {
				hi += 0.5;
				lo -= 0.5;
			}
			final int rowH = 26, left = 150, width = 480;
			h.append("<h3 style=\"font-size:.95em;margin:.8em 0 .2em\">").append(esc(key)).append("</h3>\n");
			h.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", left + width + 30, rowH * by.size() + 24));
			int row = 0;
			for (final Map.Entry<String, List<double[]>> g : by.entrySet()) {
				final double y = 10 + rowH * row + rowH / 2.0;
				h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s (n=%d)</text>", left - 8, y + 4, esc(g.getKey()), g.getValue().size()));
				final double[] vals = new double[g.getValue().size()];
				for (int i = 0; i < vals.length; i++) vals[i] = g.getValue().get(i)[0];
				for (final int i : sample(vals.length, MAX_STRIP_DOTS)) {
					final double px = left + (vals[i] - lo) / (hi - lo) * width;
					final FibreCall dot = names.get(g.getKey()).get(i);
					h.append("<circle cx=\"").append(Classifier.dec1(px)).append("\" cy=\"").append(Classifier.dec1(y + ((i * 7919) % 11 - 5) * 1.1))
						.append("\" r=\"3\" fill=\"#0072B2\" fill-opacity=\"0.55\"><title>").append(esc(dot.fibre.file + " · " + dot.fibre.fibre + ": " + Classifier.fmt(vals[i])))
						.append("</title></circle>");
				}
				java.util.Arrays.sort(vals);
				final double mx = left + (Reference.median(vals) - lo) / (hi - lo) * width;
				h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#D55E00\" stroke-width=\"2\"/>", mx, mx, y - 9, y + 9));
				row++;
			}
			final double ay = 10 + rowH * by.size();
			h.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/><text x=\"%d\" y=\"%.1f\">%s</text><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text></svg>\n",
				left, left + width, ay, ay, left, ay + 12, Classifier.fmt(lo), left + width, ay + 12, Classifier.fmt(hi)));
		}
	}

	private static void table3(final StringBuilder h, final PatternLibrary lib) {
		h.append("<h2>The review's Table 3: direction of change by atrophy model</h2>\n<p class=\"note\">Dynamics rows are read as the net balance they predict ")
			.append("(fission ↑ or fusion ↓ → toward fragmentation); ROS and respiration have no image readout and are never matched.</p>\n")
			.append("<table><tr><th>model</th><th>readout</th><th>reported</th><th>references</th><th>summary</th></tr>\n");
		for (final PatternLibrary.ModelRow r : lib.table3())
			h.append("<tr><td>").append(esc(r.modelName)).append("</td><td>").append(esc(r.readout)).append("</td><td>").append(esc(r.reported())).append("</td><td>")
				.append(PatternLibrary.cite(r.references)).append("</td><td>").append(esc(r.summary)).append("</td></tr>\n");
		h.append("</table>\n");
	}

	private static void fibreCalls(final StringBuilder h, final Classification c) {
		final int max = 500;
		h.append("<h2>Per-fibre calls</h2>\n");
		if (c.calls().size() > max) h.append("<p class=\"note\">The first ").append(max).append(" of ").append(c.calls().size()).append(" rows; all are in <code>phenotypes.csv</code>.</p>\n");
		h.append("<table><tr><th>file</th><th>fibre</th><th>region</th><th>condition</th><th>network type</th><th>dynamics</th><th>mitophagy</th><th>confidence</th><th>reference</th><th>evidence</th></tr>\n");
		int n = 0;
		for (final FibreCall f : c.calls()) {
			if (n++ >= max) break;
			h.append("<tr><td>").append(esc(f.fibre.file)).append("</td><td>").append(esc(f.fibre.fibre)).append("</td><td>").append(esc(f.fibre.region)).append("</td><td>")
				.append(esc(f.fibre.condition)).append("</td><td>").append(esc(f.networkType)).append("</td><td>").append(tag(f.dynamicsState)).append("</td><td>")
				.append(esc(f.mitophagyState)).append("</td><td>").append(Classifier.fmt2(f.confidence)).append("</td><td>").append(esc(f.reference)).append("</td><td class=\"ev\">")
				.append(esc(f.evidence).replace(" | ", "<br>")).append("</td></tr>\n");
		}
		h.append("</table>\n");
	}

	static String esc(final String s) {
		return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
