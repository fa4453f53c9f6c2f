package io.github.myomito.phenotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.FibreInput;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.ResultTables;
import io.github.myomito.results.Table;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;

/**
 * Simulated fibres for the phenotype tests and the built-in references: each (pattern, seed) is a phantom with its
 * own pixel size (0.06–0.2 µm, rendered pixel-integrated on sub-pixels of at most 0.05 µm, so that 0.3 µm tubes
 * at 1.5–5 pixels are drawn the same way at every pixel size), fibre angle (0–180°) and PSF (σ 0.10–0.14 µm),
 * default noise, analysed through the real chain with the phantom's PSF and the true fibre outline
 * as the fibre ROI (as a user would draw it), giving the fibres.csv row as a {@link FibreRecord}.
 */
final class PhenotypePanel {

	private PhenotypePanel() {}

	/** Analysed rows by key; phantoms are deterministic, so caching across tests changes nothing but time. */
	private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();

	/** @return the phantom settings of a panel member. */
	static PhantomSettings settings(final Pattern p, final long seed, final UnaryOperator<PhantomSettings.Builder> tweak) {
		final SplittableRandom r = new SplittableRandom(seed * 7919L + p.ordinal() * 104729L);
		final double px = 0.06 + 0.14 * r.nextDouble(), angle = 180 * r.nextDouble(), sigma = 0.10 + 0.04 * r.nextDouble();
		final PhantomSettings.Builder b = PhantomSettings.forPattern(p).toBuilder().seed(seed).pixelUm(px).supersample(subPixels(px)).axisDeg(angle)
			.psfSigmaUm(sigma);
		return (tweak == null ? b : tweak.apply(b)).build();
	}

	/** Largest sub-pixel of the pixel-integrated rendering, µm. */
	static final double SUB_PIXEL_UM = 0.05;

	/** @return sub-pixels per pixel side so that the render grid is at most {@link #SUB_PIXEL_UM} (2–4 over 0.06–0.2 µm). */
	static int subPixels(final double px) {
		return (int) Math.ceil(px / SUB_PIXEL_UM - 1e-9);
	}

	/** @return the fibres.csv row of a panel member, as a record with the given design. */
	static FibreRecord fibre(final Pattern p, final long seed, final String tag, final UnaryOperator<PhantomSettings.Builder> tweak, final String condition,
		final String animal) {
		final String file = p.id() + "_" + tag + "_seed" + seed + ".tif";
		final Map<String, String> row = CACHE.computeIfAbsent(file, k -> analyse(settings(p, seed, tweak), k));
		return record(file, row, condition, animal);
	}

	/** @return n seeds of one pattern (seeds first..first+n−1). */
	static List<FibreRecord> batch(final Pattern p, final int first, final int n, final String tag, final UnaryOperator<PhantomSettings.Builder> tweak,
		final String condition) {
		final List<FibreRecord> out = new ArrayList<>();
		for (int s = first; s < first + n; s++) out.add(fibre(p, s, tag, tweak, condition, ""));
		return out;
	}

	/**
	 * @return the fibres.csv row of a phantom analysed with the fibre region of {@code mode}: GIVEN the true outline
	 *         as ROI, IMAGE the whole image, AUTO the detected fibre (the largest when several)
	 */
	static Map<String, String> analyse(final PhantomSettings ps, final String file, final AnalysisSettings.FibreMode mode) {
		final Phantom ph = PhantomSimulator.simulate(ps);
		final int[] d = ph.dims();
		final AnalysisSettings.Builder as = AnalysisSettings.builder().lc3Channel(2).psfUm(2.3548 * ps.psfSigmaUm()).fibreMode(mode);
		FibreInput given = null;
		if (mode == AnalysisSettings.FibreMode.GIVEN) {
			final byte[] fm = ph.fibreMask();
			final int[] lab = new int[d[0] * d[1]];
			for (int i = 0; i < lab.length; i++) lab[i] = fm[i];
			given = new FibreInput(lab, d[0], d[1], List.of("fibre"), "roi");
		}
		final ImageAnalysis.Result res = ImageAnalysis.analyze(ph.image(), given, as.build(), null);
		final List<Map<String, String>> rows = ResultTables.of(res, file, "panel").table("fibres").asMaps();
		Map<String, String> best = rows.get(0);
		for (final Map<String, String> r : rows)
			if (Double.parseDouble(r.get("area_um2")) > Double.parseDouble(best.get("area_um2"))) best = r;
		return best;
	}

	private static Map<String, String> analyse(final PhantomSettings ps, final String file) {
		return analyse(ps, file, AnalysisSettings.FibreMode.GIVEN);
	}

	/** @return a fibres.csv row as a record (unparseable cells NaN). */
	static FibreRecord record(final String file, final Map<String, String> row, final String condition) {
		return record(file, row, condition, "");
	}

	/** @return a fibres.csv row as a record of an animal (unparseable cells NaN). */
	static FibreRecord record(final String file, final Map<String, String> row, final String condition, final String animal) {
		final Map<String, Double> v = new java.util.LinkedHashMap<>();
		for (final Map.Entry<String, String> e : row.entrySet()) {
			try {
				v.put(e.getKey(), e.getValue().isEmpty() ? Double.NaN : Double.parseDouble(e.getValue()));
			}
			catch (final NumberFormatException x) {
				v.put(e.getKey(), Double.NaN);
			}
		}
		return new FibreRecord(file, "fibre", "all", condition, animal, "", "", v);
	}
}
