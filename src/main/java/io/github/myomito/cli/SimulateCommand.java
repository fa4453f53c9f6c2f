package io.github.myomito.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.results.AtomicFiles;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.simulate.Truth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myomito simulate --pattern P --seed S --out x.tif}: a phantom muscle-fibre image
 * (mitochondria + LC3) and its ground truth {@code x.truth.json} (and optionally {@code x.mask.tif}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
	description = "Simulate a muscle-fibre image with exact ground truth (writes OUT and OUT-stem.truth.json).")
final class SimulateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--pattern", required = true, paramLabel = "P",
		description = "oxidative-lattice, glycolytic-fragmented, fission-fragmented, hyperfused or swollen.")
	String pattern;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (same seed, same image). Default: ${DEFAULT-VALUE}.")
	long seed;

	@Option(names = "--out", required = true, paramLabel = "FILE.tif", description = "Output TIFF (two channels: mitochondria, LC3).")
	Path out;

	@Option(names = "--mask", description = "Also write the true mitochondrial mask as OUT-stem.mask.tif.")
	boolean mask;

	@Option(names = "--width-um", paramLabel = "UM", description = "Fibre width in µm.") Double width;
	@Option(names = "--length-um", paramLabel = "UM", description = "Fibre length in µm.") Double length;
	@Option(names = "--axis-deg", paramLabel = "DEG", description = "Fibre axis, degrees counter-clockwise from x (0–180).") Double axis;
	@Option(names = "--sarcomere-um", paramLabel = "UM", description = "Sarcomere length in µm (typically 2.0–2.6).") Double sarcomere;
	@Option(names = "--pixel-um", paramLabel = "UM", description = "Pixel size in µm.") Double pixel;
	@Option(names = "--supersample", paramLabel = "K", description = "Render on a grid K times finer in x and y and integrate K × K sub-pixels per camera pixel before the noise (1 = point-sampled, the default; needed when a pixel is larger than half the 0.3 µm tube, e.g. K = 2 for 0.2 µm pixels). Still phantoms only.") Integer supersample;
	@Option(names = "--slices", paramLabel = "N", description = "Number of z slices (1 = 2D).") Integer slices;
	@Option(names = "--z-step-um", paramLabel = "UM", description = "z step in µm.") Double zStep;
	@Option(names = "--connectivity", paramLabel = "0..1", description = "Fraction of lattice elements present.") Double connectivity;
	@Option(names = "--fragmentation", paramLabel = "0..1", description = "Degree of fission.") Double fragmentation;
	@Option(names = "--swelling", paramLabel = "0..1", description = "Degree of swelling.") Double swelling;
	@Option(names = "--mitophagy", paramLabel = "0..1", description = "Fraction of LC3 puncta on mitochondria.") Double mitophagy;
	@Option(names = "--lc3-density", paramLabel = "N", description = "LC3 puncta per 100 µm².") Double lc3Density;
	@Option(names = "--psf-um", paramLabel = "UM", description = "Lateral PSF FWHM in µm, as analyze and coloc take their --psf-um (the phantom's Gaussian σ = FWHM / 2.355; default σ 0.12 µm, FWHM 0.283 µm).") Double psf;

	@Option(names = "--reporter", paramLabel = "mito-qc|mt-keima", description = "Simulate a pH-sensitive mitophagy reporter instead: channel 1 = acid (mCherry / 561 nm), 2 = neutral (GFP / 440 nm, the mitochondria); truth in OUT-stem.reporter.json.")
	String reporter;
	@Option(names = "--mitolysosomes", defaultValue = "4", paramLabel = "N", description = "Mitolysosomes per 100 µm² of fibre (with --reporter). Default: ${DEFAULT-VALUE}.") double mitolysosomes;
	@Option(names = "--fibre-type-marker", description = "Add a fibre-type marker channel (last; bright in oxidative patterns, fibre-to-fibre variation); truth in OUT-stem.reporter.json.")
	boolean marker;
	// ---- time-lapse (#14) ----
	@Option(names = "--frames", paramLabel = "N", description = "Time points; above 1 a time-lapse with known fission and fusion events (fragmented patterns and hyperfused).") Integer frames;
	@Option(names = "--frame-interval-s", paramLabel = "S", description = "Seconds between frames (time-lapse). Default 1.") Double frameInterval;
	@Option(names = "--fission-rate", paramLabel = "R", description = "Fission events per 100 µm of network per minute (time-lapse). Default 2.") Double fissionRate;
	@Option(names = "--fusion-rate", paramLabel = "R", description = "Fusion events per 100 µm of network per minute (time-lapse). Default 2.") Double fusionRate;
	@Option(names = "--speed-um-s", paramLabel = "V", description = "Speed of the motile rows in µm/s (time-lapse). Default 0.2.") Double speed;
	@Option(names = "--bleach-tau-s", paramLabel = "S", description = "Photobleaching time constant in s (time-lapse). Default 60.") Double bleachTau;
	@Option(names = "--drift-um", paramLabel = "UM", description = "Stage drift per frame in µm (time-lapse). Default 0.") Double drift;

	@Override
	public Integer call() throws Exception {
		final Pattern p;
		try {
			p = Pattern.fromId(pattern);
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(e.getMessage());
		}
		if (frames != null && frames > 1) {
			if (supersample != null && supersample != 1) throw new Main.UsageException("--supersample renders still phantoms only; leave it out with --frames " + frames);
			return timeLapse(p);
		}
		final PhantomSettings.Builder b = PhantomSettings.forPattern(p).toBuilder().seed(seed);
		if (width != null) b.fibreWidthUm(width);
		if (length != null) b.fibreLengthUm(length);
		if (axis != null) b.axisDeg(axis);
		if (sarcomere != null) b.sarcomereUm(sarcomere);
		if (pixel != null) b.pixelUm(pixel);
		if (supersample != null) b.supersample(supersample);
		if (slices != null) b.zSlices(slices);
		if (zStep != null) b.zStepUm(zStep);
		if (connectivity != null) b.connectivity(connectivity);
		if (fragmentation != null) b.fragmentation(fragmentation);
		if (swelling != null) b.swelling(swelling);
		if (mitophagy != null) b.mitophagyLevel(mitophagy);
		if (lc3Density != null) b.lc3DensityPer100um2(lc3Density);
		if (psf != null) b.psfSigmaUm(psf / io.github.myomito.pipeline.AnalysisSettings.FWHM_PER_SIGMA);
		final PhantomSettings settings;
		try {
			settings = b.build();
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(optionNames(e.getMessage()));
		}
		if (reporter != null || marker) return reporterPhantom(settings, p);
		final Phantom ph = PhantomSimulator.simulate(settings);
		final String name = out.getFileName().toString();
		final String stem = name.replaceFirst("(?i)\\.tiff?$", "");
		final Path dir = out.toAbsolutePath().getParent();
		ImageFiles.writeTiff(ph.image(), out);
		final Truth t = ph.truth();
		AtomicFiles.writeString(dir.resolve(stem + ".truth.json"), t.toJson() + "\n");
		if (mask) {
			final io.github.myomito.image.FibreImage m = io.github.myomito.image.FibreImage.builder()
				.channel(io.github.myomito.image.Pixels.maskImage(ph.trueMask(), ph.dims()), io.github.myomito.image.ChannelRole.MITOCHONDRIA)
				.spacing(ph.image().spacing()).source(stem + ".mask").build();
			ImageFiles.writeTiff(m, dir.resolve(stem + ".mask.tif"));
		}
		spec.commandLine().getOut().println("wrote " + out + " and " + stem + ".truth.json (" + p.id() + ", seed " + seed + ", "
			+ InfoCommand.describe(out, ph.image()).replaceFirst("^[^:]*: ", "") + ")");
		return Main.OK;
	}

	/** {@code --reporter} / {@code --fibre-type-marker} (#15): the image, the network truth and the reporter truth. */
	private Integer reporterPhantom(final PhantomSettings settings, final Pattern p) throws Exception {
		final io.github.myomito.reporter.Reporter r;
		final io.github.myomito.simulate.ReporterPhantom ph;
		try {
			r = reporter == null ? null : io.github.myomito.reporter.Reporter.fromId(reporter);
			ph = io.github.myomito.simulate.ReporterSimulator.simulate(settings, r, mitolysosomes, marker);
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(e.getMessage());
		}
		final String stem = out.getFileName().toString().replaceFirst("(?i)\\.tiff?$", "");
		final Path dir = out.toAbsolutePath().getParent();
		ImageFiles.writeTiff(ph.image(), out);
		AtomicFiles.writeString(dir.resolve(stem + ".truth.json"), ph.network().truth().toJson() + "\n");
		AtomicFiles.writeString(dir.resolve(stem + ".reporter.json"), ph.truth().toJson() + "\n");
		spec.commandLine().getOut().println("wrote " + out + ", " + stem + ".truth.json and " + stem + ".reporter.json (" + p.id() + ", seed " + seed
			+ (r == null ? "" : ", " + r.id() + ", " + ph.truth().mitolysosomes().size() + " mitolysosomes") + (marker ? ", marker " + ph.truth().fibreType() : "") + ")");
		return Main.OK;
	}

	private Integer timeLapse(final Pattern p) throws Exception {
		if (p.isLattice() && p != Pattern.HYPERFUSED)
			throw new Main.UsageException("--frames: time-lapse phantoms exist for glycolytic-fragmented, fission-fragmented, swollen and hyperfused, not yet for " + p.id());
		final io.github.myomito.simulate.TimeLapseSettings.Builder b = io.github.myomito.simulate.TimeLapseSettings.builder().seed(seed).frames(frames)
			.morphology(p == Pattern.HYPERFUSED ? io.github.myomito.simulate.TimeLapseSettings.Morphology.HYPERFUSED : io.github.myomito.simulate.TimeLapseSettings.Morphology.FRAGMENTED);
		if (frameInterval != null) b.frameIntervalS(frameInterval);
		if (fissionRate != null) b.fissionRate(fissionRate);
		if (fusionRate != null) b.fusionRate(fusionRate);
		if (speed != null) b.speedUmS(speed);
		if (bleachTau != null) b.bleachTauS(bleachTau);
		if (drift != null) b.driftUmPerFrame(drift);
		if (width != null) b.fibreWidthUm(width);
		if (length != null) b.fibreLengthUm(length);
		if (pixel != null) b.pixelUm(pixel);
		if (slices != null) b.zSlices(slices);
		if (zStep != null) b.zStepUm(zStep);
		if (psf != null) b.psfSigmaUm(psf / io.github.myomito.pipeline.AnalysisSettings.FWHM_PER_SIGMA);
		final io.github.myomito.simulate.TimeLapseSettings settings;
		try {
			settings = b.build();
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(e.getMessage());
		}
		final io.github.myomito.simulate.TimeLapse tl = io.github.myomito.simulate.TimeLapseSimulator.simulate(settings);
		final int[] d = tl.dims();
		final int nz = d.length == 3 ? d[2] : 1;
		final ij.ImageStack st = new ij.ImageStack(d[0], d[1]);
		for (int t = 0; t < tl.frameCount(); t++)
			for (int z = 0; z < nz; z++) {
				final short[] plane = java.util.Arrays.copyOfRange(tl.frame(t), z * d[0] * d[1], (z + 1) * d[0] * d[1]);
				st.addSlice(new ij.process.ShortProcessor(d[0], d[1], plane, null));
			}
		final String name = out.getFileName().toString();
		final String stem = name.replaceFirst("(?i)\\.tiff?$", "");
		final ij.ImagePlus imp = new ij.ImagePlus(stem, st);
		imp.setDimensions(1, nz, tl.frameCount());
		imp.setOpenAsHyperStack(true);
		final ij.measure.Calibration cal = imp.getCalibration();
		final double[] sp = tl.spacing();
		cal.pixelWidth = sp[0];
		cal.pixelHeight = sp[1];
		cal.pixelDepth = sp.length == 3 ? sp[2] : 1;
		cal.setUnit("micron");
		cal.frameInterval = settings.frameIntervalS();
		cal.setTimeUnit("sec");
		ImageFiles.writeTiff(imp, out);
		final Path dir = out.toAbsolutePath().getParent();
		AtomicFiles.writeString(dir.resolve(stem + ".truth.json"), tl.truth().toJson() + "\n");
		spec.commandLine().getOut().println("wrote " + out + " and " + stem + ".truth.json (" + p.id() + " time-lapse, seed " + seed + ", " + tl.frameCount()
			+ " frames × " + settings.frameIntervalS() + " s, " + tl.truth().events().size() + " events)");
		return Main.OK;
	}

	/** PhantomSettings field → the option that sets it, so that errors name what the user typed. */
	private static final String[][] OPTION_OF = { { "fibreWidthUm", "--width-um" }, { "fibreLengthUm", "--length-um" }, { "axisDeg", "--axis-deg" },
		{ "sarcomereUm", "--sarcomere-um" }, { "pixelUm", "--pixel-um" }, { "supersample", "--supersample" }, { "zSlices", "--slices" }, { "zStepUm", "--z-step-um" },
		{ "connectivity", "--connectivity" }, { "fragmentation", "--fragmentation" }, { "swelling", "--swelling" },
		{ "mitophagyLevel", "--mitophagy" }, { "lc3DensityPer100um2", "--lc3-density" }, { "psfSigmaUm", "--psf-um" } };

	static String optionNames(final String message) {
		if (message == null) return "invalid settings";
		String m = message;
		// a field name not already part of an option (no '-' before it); the option alone where it spells the field
		for (final String[] o : OPTION_OF)
			m = m.replaceAll("(?<![-\\w])" + o[0] + "\\b", java.util.regex.Matcher.quoteReplacement(o[1].equals("--" + o[0]) ? o[1] : o[1] + " (" + o[0] + ")"));
		return m;
	}
}
