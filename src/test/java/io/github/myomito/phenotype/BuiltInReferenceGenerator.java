package io.github.myomito.phenotype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.google.gson.GsonBuilder;

import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;

/**
 * Derives the built-in references ({@link BuiltInReferences}) from the simulator: per network type, 30 seeds of its
 * baseline pattern ({@link PhenotypePanel}: pixel 0.06–0.2 µm, pixel-integrated rendering, random angle, PSF σ 0.10–0.14 µm; and fibre size and
 * region varied, see {@link #references}), seeds 1001–1030
 * (apart from the test panels' seeds), median and 1.4826 · MAD of every feature of the patterns file. The
 * intermediate type is a lattice with half its elements (connectivity 0.5, fragmentation 0.3). Run by
 * {@code bash docs/make-references.sh}; {@code BuiltInReferencesTest} checks that the shipped file is what this
 * writes.
 */
public final class BuiltInReferenceGenerator {

	static final int SEEDS = 30, FIRST = 1001;

	private BuiltInReferenceGenerator() {}

	/** Baseline pattern and settings tweak of each network type. */
	static Map<String, Object[]> baselines() {
		final Map<String, Object[]> m = new LinkedHashMap<>();
		m.put("oxidative-lattice", new Object[] { Pattern.OXIDATIVE_LATTICE, null });
		m.put("intermediate", new Object[] { Pattern.OXIDATIVE_LATTICE, (UnaryOperator<PhantomSettings.Builder>) b -> b.connectivity(0.5).fragmentation(0.3) });
		m.put("glycolytic-fragmented", new Object[] { Pattern.GLYCOLYTIC_FRAGMENTED, null });
		return m;
	}

	/** Fibre regions the reference seeds cycle through: the true outline as ROI, the whole image, the detected fibre. */
	static final AnalysisSettings.FibreMode[] MODES = { AnalysisSettings.FibreMode.GIVEN, AnalysisSettings.FibreMode.IMAGE, AnalysisSettings.FibreMode.AUTO };

	/**
	 * The reference fibres of one type: seed s has the panel's pixel size, angle and PSF, a fibre width drawn from
	 * 10–30 µm and length from 16–45 µm, and the fibre region {@code MODES[s % 3]}, so that the spread of the
	 * reference holds the variation a user's choice of image size and region brings (not only the seeds').
	 */
	static List<FibreRecord> references(final Pattern p, final String type, final UnaryOperator<PhantomSettings.Builder> tweak) {
		final List<FibreRecord> out = new java.util.ArrayList<>();
		for (int s = FIRST; s < FIRST + SEEDS; s++) {
			final java.util.SplittableRandom r = new java.util.SplittableRandom(s * 31L + p.ordinal());
			final double w = 10 + 20 * r.nextDouble(), l = 16 + 29 * r.nextDouble();
			final UnaryOperator<PhantomSettings.Builder> size = b -> (tweak == null ? b : tweak.apply(b)).fibreWidthUm(w).fibreLengthUm(l);
			final String file = p.id() + "_ref-" + type + "_seed" + s + ".tif";
			out.add(PhenotypePanel.record(file, PhenotypePanel.analyse(PhenotypePanel.settings(p, s, size), file, MODES[s % MODES.length]), "ref"));
		}
		return out;
	}

	/** @return the references file's text. */
	@SuppressWarnings("unchecked")
	static String generate() {
		final PatternLibrary lib = PatternLibrary.builtIn();
		final Map<String, Object> root = new LinkedHashMap<>();
		root.put("schema", BuiltInReferences.SCHEMA);
		root.put("derivation", "per network type: median and 1.4826·MAD over " + SEEDS + " simulated fibres of its baseline pattern (seeds " + FIRST + "–" + (FIRST + SEEDS - 1)
			+ ", pixel 0.06–0.2 µm rendered pixel-integrated on sub-pixels ≤ 0.05 µm, random angle, PSF σ 0.10–0.14 µm, fibre 10–30 µm wide and 16–45 µm long, default noise), analysed with the default settings and the phantom's PSF, "
			+ "the fibre region cycling through the true outline as ROI, the whole image and the detected fibre; "
			+ "intermediate = oxidative-lattice with connectivity 0.5, fragmentation 0.3");
		root.put("command", "bash docs/make-references.sh");
		final Map<String, Object> types = new LinkedHashMap<>();
		for (final Map.Entry<String, Object[]> e : baselines().entrySet()) {
			final Pattern p = (Pattern) e.getValue()[0];
			final List<FibreRecord> fs = references(p, e.getKey(), (UnaryOperator<PhantomSettings.Builder>) e.getValue()[1]);
			final Map<String, double[]> vals = new LinkedHashMap<>();
			for (final PatternLibrary.Feature f : lib.features()) vals.put(f.key, fs.stream().mapToDouble(r -> r.value(f)).toArray());
			final Reference ref = Reference.of("x", vals);
			final Map<String, Object> feats = new LinkedHashMap<>();
			for (final PatternLibrary.Feature f : lib.features()) {
				final Reference.Stat st = ref.stat(f.key);
				if (st == null) continue;
				final Map<String, Object> o = new LinkedHashMap<>();
				o.put("median", PhenotypeRun.round(st.median));
				o.put("scale", PhenotypeRun.round(st.rawScale));
				feats.put(f.key, o);
			}
			final Map<String, Object> t = new LinkedHashMap<>();
			t.put("pattern", p.id());
			t.put("n", SEEDS);
			t.put("features", feats);
			types.put(e.getKey(), t);
		}
		root.put("types", types);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
	}

	/** Writes the references to the path given (default: the resource in src/main/resources). */
	public static void main(final String[] args) throws IOException {
		final Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources" + BuiltInReferences.RESOURCE);
		Files.writeString(out, generate(), StandardCharsets.UTF_8);
		System.out.println("wrote " + out);
	}
}
