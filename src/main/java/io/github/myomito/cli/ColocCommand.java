package io.github.myomito.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.PixelColocalisation;
import io.github.myomito.coloc.ThresholdMode;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.image.ij.ImageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myomito coloc ch1.tif ch2.tif [--mask m.tif] …} or {@code myomito coloc composite.tif --channels 1,2}:
 * pixel colocalisation statistics as JSON (or text), over the mask when given.
 */
@Command(name = "coloc", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Colocalisation statistics of two channels (Pearson, Manders, Costes, Spearman, Kendall, Li ICQ).",
		"The PSF (--psf-um, or --wavelength-nm with --na) is the block size of the Costes randomisation." })
final class ColocCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..2", paramLabel = "IMAGE", description = "Two single-channel images, or one multi-channel image with --channels.")
	List<Path> images;

	@Option(names = "--channels", paramLabel = "A,B", description = "1-based channels of a multi-channel image (default 1,2).")
	String channels;

	@Option(names = "--mask", paramLabel = "MASK.tif", description = "Binary mask (non-zero = inside); statistics use only these pixels.")
	Path mask;

	@Option(names = "--threshold", defaultValue = "costes", paramLabel = "T",
		description = "costes, an ImageJ auto-threshold method (Otsu, Li, Triangle, …), or manual:T1,T2. Default: ${DEFAULT-VALUE}.")
	String threshold;

	@Option(names = "--randomisations", defaultValue = "" + io.github.myomito.pipeline.AnalysisSettings.DEFAULT_RANDOMISATIONS, paramLabel = "N", description = "Costes randomisations (0 = none). Default: ${DEFAULT-VALUE}.")
	int randomisations;

	/** The PSF: the block size of the randomisation. */
	@Mixin
	PsfOptions psf = new PsfOptions();

	@Option(names = "--seed", defaultValue = "" + io.github.myomito.pipeline.AnalysisSettings.DEFAULT_SEED, description = "Randomisation seed. Default: ${DEFAULT-VALUE}.")
	long seed;

	@Option(names = "--format", defaultValue = "json", paramLabel = "json|text", description = "Output format. Default: ${DEFAULT-VALUE}.")
	String format;

	@Override
	public Integer call() throws Exception {
		if (!format.equals("json") && !format.equals("text")) throw new Main.UsageException("--format must be json or text, got '" + format + "'");
		if (randomisations < 0) throw new Main.UsageException("--randomisations must be ≥ 0, got " + randomisations);
		Inputs.requireExisting(images.toArray(new Path[0]));
		Inputs.requireExisting(mask);
		final float[] a, b;
		final int[] dims;
		final double[] spacing;
		final List<String> warnings = new ArrayList<>();
		if (images.size() == 2) {
			if (channels != null) throw new Main.UsageException("--channels is for one multi-channel image, not two files");
			final FibreImage i1 = ImageFiles.read(images.get(0)), i2 = ImageFiles.read(images.get(1));
			if (!java.util.Arrays.equals(i1.dimensions(), i2.dimensions()))
				throw new IllegalArgumentException(images.get(0) + " and " + images.get(1) + " differ in size");
			a = Pixels.floats(i1.channel(0));
			b = Pixels.floats(i2.channel(0));
			dims = Pixels.dims(i1.channel(0));
			spacing = i1.spacing();
			warnings.addAll(i1.warnings());
		}
		else {
			final FibreImage img = ImageFiles.read(images.get(0));
			final int[] ch = parseChannels(channels == null ? "1,2" : channels);
			for (final int c : ch)
				if (c < 1 || c > img.numChannels())
					throw new IllegalArgumentException(images.get(0) + ": channel " + c + " does not exist (image has " + img.numChannels() + ")");
			a = Pixels.floats(img.channel(ch[0] - 1));
			b = Pixels.floats(img.channel(ch[1] - 1));
			dims = Pixels.dims(img.channel(0));
			spacing = img.spacing();
			warnings.addAll(img.warnings());
		}
		byte[] m = null;
		if (mask != null) {
			final FibreImage mi = ImageFiles.read(mask);
			if (!java.util.Arrays.equals(Pixels.dims(mi.channel(0)), dims)) throw new IllegalArgumentException(mask + ": mask size differs from the image");
			m = Pixels.mask(mi.channel(0));
		}
		final ColocSettings.Builder sb = ColocSettings.builder().randomisations(randomisations).seed(seed).thresholdMode(mode(a, b, m));
		final double fwhm = psf.fwhmUm();
		if (!Double.isNaN(fwhm)) sb.psfUm(fwhm);
		// the rank statistics run beside the thresholds and randomisations: a one-shot command may use both cores
		final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
			final Thread t = new Thread(r, "myomito-coloc-ranks");
			t.setDaemon(true);
			return t;
		});
		final ColocResult r;
		try {
			r = PixelColocalisation.compute(a, b, m, dims, spacing, sb.build(), null, pool);
		}
		finally {
			pool.shutdownNow();
		}
		warnings.addAll(r.warnings());
		final Map<String, Object> out = new LinkedHashMap<>();
		out.put("pearson", r.pearson());
		out.put("pearson_above", r.pearsonAbove());
		out.put("pearson_below", r.pearsonBelow());
		out.put("manders_m1", r.mandersM1());
		out.put("manders_m2", r.mandersM2());
		out.put("manders_tm1", r.mandersTM1());
		out.put("manders_tm2", r.mandersTM2());
		out.put("manders_tm1_above_t1", r.mandersTM1AboveT1());
		out.put("manders_tm2_above_t2", r.mandersTM2AboveT2());
		out.put("threshold_ch1", r.threshold1());
		out.put("threshold_ch2", r.threshold2());
		out.put("costes_p", r.costesP());
		out.put("costes_fraction_at_or_above", r.costesFractionAtOrAbove());
		out.put("randomisations", r.randomisations());
		out.put("randomised_mean", r.randomisedMean());
		out.put("randomised_sd", r.randomisedSD());
		out.put("spearman", r.spearman());
		out.put("kendall_tau", r.kendallTau());
		out.put("li_icq", r.liIcq());
		out.put("n", r.n());
		out.put("threshold_mode", threshold);
		out.put("seed", seed);
		out.put("files", images.stream().map(Path::toString).collect(java.util.stream.Collectors.toList()));
		out.put("mask", mask == null ? null : mask.toString());
		out.put("warnings", warnings);
		if (format.equals("json")) spec.commandLine().getOut().println(Json.write(out));
		else for (final Map.Entry<String, Object> e : out.entrySet()) spec.commandLine().getOut().println(e.getKey() + "\t" + e.getValue());
		spec.commandLine().getOut().flush();
		return Main.OK;
	}

	private ThresholdMode mode(final float[] a, final float[] b, final byte[] m) {
		try {
			return ThresholdMode.parse(threshold, a, b, m);
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException("--" + e.getMessage());
		}
	}

	private static int[] parseChannels(final String s) {
		final String[] p = s.split(",");
		try {
			if (p.length != 2) throw new NumberFormatException();
			return new int[] { Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()) };
		}
		catch (final NumberFormatException e) {
			throw new Main.UsageException("--channels must be two 1-based channel numbers like 1,2, got '" + s + "'");
		}
	}
}
