package io.github.myomito.fiji;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.measure.ResultsTable;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.ij.FibreRois;
import io.github.myomito.image.ij.ImagePlusBridge;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.FibreInput;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.ImageResult;
import io.github.myomito.pipeline.RegionAnalysis;
import io.github.myomito.pipeline.ResultTables;
import io.github.myomito.results.Provenance;
import io.github.myomito.results.Table;
import io.github.myomito.segment.SegmentationSettings;
import io.github.myomito.segment.ThresholdMethod;
import io.github.myomito.segment.ThresholdMode;

/**
 * Shared plumbing of the Fiji commands: settings from the macro keys (the same mapping as the CLI's
 * {@code analyze} options), channel roles, fibres from the image's ROI or the ROI Manager, and
 * one-line error reporting that never opens a dialog.
 */
final class Doors {

	private Doors() {}

	/** Default top-hat radius (µm), as in the core's segmentation defaults. */
	static final double DEFAULT_BACKGROUND_UM = SegmentationSettings.defaults().backgroundRadiusUm();
	/** Default minimum object size (µm²/µm³). */
	static final double DEFAULT_MIN_SIZE_UM = SegmentationSettings.DEFAULT_MIN_AREA_UM2;

	/**
	 * Builds the analysis settings from the macro keys; mirrors {@code cli.AnalyzeCommand.settings()}.
	 *
	 * @param threshold an ImageJ auto-threshold method name, {@code local} or {@code stable}
	 * @param axisDeg fibre axis in degrees, NaN = automatic
	 * @throws IllegalArgumentException naming the bad key
	 */
	static AnalysisSettings settings(final int mitoChannel, final int lc3Channel, final String threshold, final double backgroundUm,
		final double minSizeUm, final double pruneUm, final boolean givenFibres, final double axisDeg, final double toleranceDeg) {
		return settings(mitoChannel, lc3Channel, threshold, backgroundUm, minSizeUm, pruneUm, givenFibres, axisDeg, toleranceDeg, 0, 0, true);
	}

	/**
	 * As {@link #settings(int, int, String, double, double, double, boolean, double, double)}, with the optics.
	 *
	 * @param psfUm PSF FWHM in µm, 0 = the default (520 nm at NA 1.4)
	 * @param psfZUm axial PSF FWHM in µm, 0 = the default (0.49 µm)
	 * @param endCorrection whether free branch ends are corrected for the PSF blur (macro key {@code no_end_correction} negated)
	 */
	static AnalysisSettings settings(final int mitoChannel, final int lc3Channel, final String threshold, final double backgroundUm,
		final double minSizeUm, final double pruneUm, final boolean givenFibres, final double axisDeg, final double toleranceDeg, final double psfUm,
		final double psfZUm, final boolean endCorrection) {
		return settings(mitoChannel, lc3Channel, threshold, backgroundUm, minSizeUm, pruneUm, givenFibres, axisDeg, toleranceDeg, psfUm, psfZUm, endCorrection, true);
	}

	/**
	 * As above, with the axial deconvolution of stacks.
	 *
	 * @param axialDeconvolution whether stacks are deconvolved along z (macro key {@code no_axial_deconvolution} negated)
	 */
	static AnalysisSettings settings(final int mitoChannel, final int lc3Channel, final String threshold, final double backgroundUm,
		final double minSizeUm, final double pruneUm, final boolean givenFibres, final double axisDeg, final double toleranceDeg, final double psfUm,
		final double psfZUm, final boolean endCorrection, final boolean axialDeconvolution) {
		if (psfUm < 0 || Double.isNaN(psfUm)) throw new IllegalArgumentException("psf_um must be ≥ 0 (0 = default), got " + psfUm);
		if (psfZUm < 0 || Double.isNaN(psfZUm)) throw new IllegalArgumentException("psf_z_um must be ≥ 0 (0 = default), got " + psfZUm);
		final AnalysisSettings.Builder b = AnalysisSettings.builder().mitoChannel(mitoChannel).lc3Channel(lc3Channel).threshold(threshold == null ? "Otsu" : threshold)
			.backgroundUm(backgroundUm).pruneUm(pruneUm)
			.fibreMode(givenFibres ? AnalysisSettings.FibreMode.GIVEN : AnalysisSettings.FibreMode.IMAGE).axisDeg(axisDeg).toleranceDeg(toleranceDeg)
			.endCorrection(endCorrection).axialDeconvolution(axialDeconvolution);
		if (psfUm > 0) b.psfUm(psfUm);
		if (psfZUm > 0) b.psfAxialUm(psfZUm);
		// the dialog's default stands for the core's default of the dimensionality (0.05 µm², 0.01 µm³ for stacks), as in the CLI
		if (minSizeUm != DEFAULT_MIN_SIZE_UM) b.minSizeUm(minSizeUm);
		return b.build();
	}

	/**
	 * Adds the #15 keys to the settings, as {@code cli.AnalyzeCommand} adds {@code --reporter}, {@code --red-channel} /
	 * {@code --acid-channel}, {@code --green-channel} / {@code --neutral-channel}, {@code --ratio-threshold},
	 * {@code --fibre-type-channel}, {@code --fibre-type-classes} and {@code --fibre-type-thresholds}: with a reporter
	 * its green (neutral) channel becomes the mitochondrial channel. The red/acid and green/neutral keys are aliases
	 * (0 = not given), as the CLI's options are.
	 *
	 * @param reporter {@code mito-qc}, {@code mt-keima}, or empty / {@code none}
	 * @param ratioThreshold acid/neutral ratio threshold, 0 = objective (per fibre)
	 * @param fibreTypeChannel 1-based marker channel, 0 = none
	 * @param fibreTypeThresholds comma-separated ascending marker thresholds, empty = the objective per-batch split
	 * @throws IllegalArgumentException naming the bad key
	 */
	static AnalysisSettings reporter(final AnalysisSettings base, final String reporter, final int red, final int green, final int acid, final int neutral,
		final double ratioThreshold, final int fibreTypeChannel, final int fibreTypeClasses, final String fibreTypeThresholds) {
		final AnalysisSettings.Builder b = base.toBuilder();
		final String rep = reporter == null ? "" : reporter.trim();
		final int a = alias(red, acid, "red_channel", "acid_channel"), n = alias(green, neutral, "green_channel", "neutral_channel");
		if (!rep.isEmpty() && !"none".equalsIgnoreCase(rep)) {
			final io.github.myomito.reporter.Reporter r;
			try {
				r = io.github.myomito.reporter.Reporter.fromId(rep);
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("reporter must be mito-qc, mt-keima or none, got '" + rep + "'");
			}
			final boolean qc = r == io.github.myomito.reporter.Reporter.MITO_QC;
			if (a < 1 || n < 1)
				throw new IllegalArgumentException("reporter=" + r.id() + " needs " + (qc ? "red_channel and green_channel" : "acid_channel and neutral_channel") + " (1-based)");
			if (ratioThreshold < 0 || Double.isNaN(ratioThreshold)) throw new IllegalArgumentException("ratio_threshold must be ≥ 0 (0 = objective), got " + ratioThreshold);
			final io.github.myomito.reporter.ReporterSettings.Builder rb = io.github.myomito.reporter.ReporterSettings.builder(r, a, n);
			if (ratioThreshold > 0) rb.ratioThreshold(ratioThreshold);
			b.mitoChannel(n).reporter(rb.build());
		}
		else if (a > 0 || n > 0 || ratioThreshold > 0)
			throw new IllegalArgumentException("red/green/acid/neutral_channel and ratio_threshold need reporter=mito-qc or reporter=mt-keima");
		if (fibreTypeChannel < 0) throw new IllegalArgumentException("fibre_type_channel must be ≥ 0 (0 = none), got " + fibreTypeChannel);
		final String th = fibreTypeThresholds == null ? "" : fibreTypeThresholds.trim();
		if (fibreTypeChannel > 0) {
			double[] t = null;
			if (!th.isEmpty()) {
				final String[] parts = th.split(",");
				t = new double[parts.length];
				for (int i = 0; i < parts.length; i++)
					try {
						t[i] = Double.parseDouble(parts[i].trim());
					}
					catch (final NumberFormatException e) {
						throw new IllegalArgumentException("fibre_type_thresholds must be numbers separated by commas, got '" + th + "'");
					}
			}
			try {
				b.fibreType(io.github.myomito.reporter.FibreTypeSettings.of(fibreTypeChannel, fibreTypeClasses, t));
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException(e.getMessage().replace("fibre-type-", "fibre_type_"));
			}
		}
		else if (!th.isEmpty()) throw new IllegalArgumentException("fibre_type_thresholds needs fibre_type_channel");
		return b.build();
	}

	/** @return the value of two alias keys (0 = not given); both given and different is an error. */
	private static int alias(final int x, final int y, final String kx, final String ky) {
		if (x < 0 || y < 0) throw new IllegalArgumentException(kx + " / " + ky + " must be ≥ 0 (0 = none), got " + Math.min(x, y));
		if (x > 0 && y > 0 && x != y) throw new IllegalArgumentException(kx + " and " + ky + " name the same channel; give one (got " + x + " and " + y + ")");
		return Math.max(x, y);
	}

	/** @throws IllegalArgumentException when there is no image */
	static void requireImage(final ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("no image: open an image first (or pass one as the 'imp' input)");
	}

	/**
	 * Checks the image and channels and wraps the image.
	 *
	 * @throws IllegalArgumentException with a one-line message naming the image
	 */
	static FibreImage wrap(final ImagePlus imp, final int mitoChannel, final int lc3Channel) {
		requireImage(imp);
		final String name = imp.getTitle();
		final int nc = imp.getBitDepth() == 24 ? 3 : imp.getNChannels();
		if (mitoChannel < 1 || mitoChannel > nc)
			throw new IllegalArgumentException(name + ": mito_channel " + mitoChannel + " does not exist (the image has " + nc + " channel" + (nc == 1 ? "" : "s") + ")");
		if (lc3Channel < 0 || lc3Channel > nc)
			throw new IllegalArgumentException(name + ": lc3_channel " + lc3Channel + " does not exist (the image has " + nc + " channel" + (nc == 1 ? "" : "s") + "; 0 = none)");
		if (lc3Channel == mitoChannel) throw new IllegalArgumentException(name + ": lc3_channel and mito_channel are both " + mitoChannel);
		return ImagePlusBridge.wrap(imp, AnalysisSettings.builder().mitoChannel(mitoChannel).lc3Channel(lc3Channel).build().channelRoles());
	}

	/** @throws IllegalArgumentException when a channel of the settings is not in the image, naming the image and key */
	private static void checkChannels(final ImagePlus imp, final AnalysisSettings s) {
		requireImage(imp);
		final int nc = imp.getBitDepth() == 24 ? 3 : imp.getNChannels();
		final String has = " does not exist (the image has " + nc + " channel" + (nc == 1 ? "" : "s") + ")";
		final String mk = s.reporter() == null ? "mito_channel" : s.reporter().reporter() == io.github.myomito.reporter.Reporter.MITO_QC ? "green_channel" : "neutral_channel";
		if (s.mitoChannel() < 1 || s.mitoChannel() > nc) throw new IllegalArgumentException(imp.getTitle() + ": " + mk + " " + s.mitoChannel() + has);
		if (s.lc3Channel() < 0 || s.lc3Channel() > nc) throw new IllegalArgumentException(imp.getTitle() + ": lc3_channel " + s.lc3Channel() + has);
		if (s.lc3Channel() == s.mitoChannel()) throw new IllegalArgumentException(imp.getTitle() + ": lc3_channel and " + mk + " are both " + s.mitoChannel());
		if (s.reporter() != null && s.reporter().acidChannel() > nc)
			throw new IllegalArgumentException(imp.getTitle() + ": " + (mk.equals("green_channel") ? "red_channel " : "acid_channel ") + s.reporter().acidChannel() + has);
		if (s.fibreType() != null && s.fibreType().channel() > nc)
			throw new IllegalArgumentException(imp.getTitle() + ": fibre_type_channel " + s.fibreType().channel() + has);
	}

	/**
	 * As {@link #wrap(ImagePlus, int, int)}, with every channel role of the settings (reporter, fibre-type
	 * marker), as the batch path reads files.
	 */
	static FibreImage wrap(final ImagePlus imp, final AnalysisSettings s) {
		checkChannels(imp, s);
		return ImagePlusBridge.wrap(imp, s.channelRoles());
	}

	/**
	 * Fibres given with the image: the ROI Manager's area ROIs when it has any (in batch-mode macros, the
	 * macro's ROI Manager),
	 * else the image's own area ROI, else null (the whole image is one fibre).
	 */
	static FibreInput fibres(final ImagePlus imp) {
		requireImage(imp);
		final List<Roi> rois = new ArrayList<>();
		RoiManager rm = null;
		try {
			rm = RoiManager.getInstance2(); // the open ROI Manager, or a batch-mode macro's hidden one
		}
		catch (final java.awt.HeadlessException e) {
			rm = null; // plain headless ImageJ has no ROI Manager
		}
		if (rm != null) for (final Roi r : rm.getRoisAsArray()) if (isFibreRoi(r)) rois.add(r);
		if (rois.isEmpty() && imp.getRoi() != null && imp.getRoi().isArea()) rois.add(imp.getRoi());
		return rois.isEmpty() ? null : FibreRois.fromRois(rois, imp.getWidth(), imp.getHeight());
	}

	/**
	 * @return whether a ROI Manager entry is a fibre: an area ROI that is not one of the mitolysosome circles
	 * that Mitophagy Reporter's {@code add_to_manager} put there (named {@code mitolysosome …})
	 */
	static boolean isFibreRoi(final Roi r) {
		return r.isArea() && !(r.getName() != null && r.getName().startsWith(io.github.myomito.image.ij.Overlays.MITOLYSOSOME_PREFIX));
	}

	/** One analysed image: the typed result and its tables. */
	static final class Run {
		final ImageAnalysis.Result result;
		final ImageResult tables;

		Run(final ImageAnalysis.Result result, final ImageResult tables) {
			this.result = result;
			this.tables = tables;
		}

		/** @return the fibres' whole regions (not their band/interior parts). */
		List<RegionAnalysis> mainRegions() {
			final List<RegionAnalysis> out = new ArrayList<>();
			for (final RegionAnalysis f : result.fibres()) if (f.part() == RegionAnalysis.Part.ALL) out.add(f);
			return out;
		}
	}

	/**
	 * Runs the chain on the image with its fibres and builds the tables (file column = the image title). Up to
	 * three spare processors help inside the image (fibre axis, LC3 puncta and colocalisation beside the
	 * network); the results are identical to a single-thread run.
	 */
	static Run run(final ImagePlus imp, final AnalysisSettings s, final StatusService status) {
		final FibreImage img = wrap(imp, s);
		final int spare = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
		final java.util.concurrent.ExecutorService helpers = spare < 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(spare, t -> {
			final Thread th = new Thread(t, "myomito-helper");
			th.setDaemon(true);
			return th;
		});
		final ImageAnalysis.Result r;
		try {
			r = ImageAnalysis.analyze(img, fibres(imp), s, new StatusProgress(status), helpers);
		}
		finally {
			if (helpers != null) helpers.shutdownNow();
		}
		final ImageResult t = ResultTables.of(r, imp.getTitle(), Provenance.shortHash(s.toJson()));
		// the fibre-type call over this image's fibres, as the CLI's post-step makes it over one image's fibres.csv
		if (s.fibreType() != null) io.github.myomito.reporter.FibreTypePostStep.apply(t.table("fibres"), s.fibreType());
		for (final String w : r.warnings()) IJ.log(imp.getTitle() + ": " + w);
		return new Run(r, t);
	}

	/**
	 * The tables with the phenotype calls appended to the fibres table (against the built-in references: a
	 * single image has no control condition; {@code Classify Phenotypes} compares a batch with its control).
	 */
	static ImageResult withCalls(final ImageResult t) {
		final Table fibres = t.table("fibres");
		if (fibres == null) return t;
		final java.util.Map<String, Table> m = new java.util.LinkedHashMap<>(t.tables());
		m.put("fibres", io.github.myomito.phenotype.PhenotypeRun.withCalls(fibres, io.github.myomito.phenotype.ClassificationSettings.defaults()));
		return new ImageResult(m, t.warnings());
	}

	/** The ImageJ title of a MyoMito table, e.g. "MyoMito Images". */
	static String title(final String table) {
		return "MyoMito " + Character.toUpperCase(table.charAt(0)) + table.substring(1);
	}

	/** Shows one table of the result as an ImageJ results table named {@link #title(String)}. */
	static ResultsTable show(final ImageResult r, final String table) {
		return ResultsTables.show(r.table(table), title(table));
	}

	/** @return the image's overlay without MyoMito ROIs whose names start with any of the prefixes (a new one when none). */
	static Overlay overlay(final ImagePlus imp, final String... prefixes) {
		final Overlay old = imp.getOverlay();
		final Overlay o = new Overlay();
		if (old != null)
			for (final Roi r : old.toArray()) {
				boolean ours = false;
				for (final String p : prefixes) ours |= r.getName() != null && r.getName().startsWith(p);
				if (!ours) o.add(r);
			}
		return o;
	}

	/** @return the whole image's mitochondrial mask (0/255, calibrated like the input). */
	static ImagePlus maskImage(final Run r, final String title) {
		final io.github.myomito.segment.Segmentation seg = r.result.whole().segmentation();
		return io.github.myomito.image.ij.MaskImages.mask(seg.mask(), seg.dims(), r.result.image().spacing(), r.result.image().isCalibrated(), title + " mask");
	}

	/** @return the whole image's object labels (16-bit, or 32-bit beyond 65535 objects). */
	static ImagePlus labelImage(final Run r, final String title) {
		final io.github.myomito.segment.Segmentation seg = r.result.whole().segmentation();
		return io.github.myomito.image.ij.MaskImages.labels(seg.labels().labels(), seg.labels().count(), seg.dims(), r.result.image().spacing(),
			r.result.image().isCalibrated(), title + " labels");
	}

	/**
	 * Writes tables as CSV (same format as the CLI) to {@code dir/<stem>_<table>.csv}, {@code stem} being
	 * the image title without its extension; does nothing when {@code dir} is null or empty. Headless
	 * macros read results from these files (ImageJ cannot look up named tables without a window).
	 */
	static void save(final ImageResult r, final java.io.File dir, final String title, final String... tables) {
		if (dir == null || dir.getPath().isEmpty()) return;
		try {
			java.nio.file.Files.createDirectories(dir.toPath());
			for (final String t : tables) r.table(t).writeCsv(dir.toPath().resolve(stem(title) + "_" + t + ".csv"));
		}
		catch (final java.io.IOException e) {
			throw new IllegalArgumentException("save_dir " + dir + ": " + e.getMessage());
		}
	}

	/** @return the title without a trailing file extension. */
	static String stem(final String title) {
		return title.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
	}

	/** Logs a one-line error (LogService when there is one, else ImageJ's log) and returns the message. */
	static String fail(final LogService log, final String command, final Exception e) {
		final String msg = command + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
		if (log != null) log.error(msg);
		else ij.IJ.log(msg);
		return msg;
	}
}
