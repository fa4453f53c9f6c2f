package io.github.myomito.image.ij;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.myomito.image.FibreImage;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.BatchRunner;
import io.github.myomito.pipeline.FibreInput;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.ImageResult;
import io.github.myomito.pipeline.ResultTables;
import io.github.myomito.progress.Progress;
import io.github.myomito.results.Column;
import io.github.myomito.results.Columns;
import io.github.myomito.results.Provenance;

/**
 * The per-file work of a batch, shared by the CLI and Fiji's batch command: read the image with
 * ImageJ, find its fibres (ROI file or label image beside it, or as the settings say), run
 * {@link ImageAnalysis} and build the tables.
 * <p>
 * Fibre files are looked up per image: with {@code rois} a file, it is used for every image; with a
 * folder, {@code <image-stem>.zip} or {@code <image-stem>.roi} in it. The same holds for label images
 * ({@code <image-stem>.tif}).
 */
public final class ImageFileAnalyzer implements BatchRunner.Analyzer {

	private final AnalysisSettings settings;
	private final String settingsHash;
	private final Path rois;
	private final Path fibreLabels;
	private final Path qcDir;
	private Double frameIntervalS;
	private Path masksDir;

	/**
	 * @param rois ROI file or folder, or null
	 * @param fibreLabels label image or folder, or null
	 */
	public ImageFileAnalyzer(final AnalysisSettings settings, final Path rois, final Path fibreLabels) {
		this(settings, rois, fibreLabels, null);
	}

	/**
	 * @param qcDir folder for one QC picture per image ({@code <key>.png}, see {@link QcImages}; a series also gets {@code <key>_dynamics.png}, see {@link DynamicsQc}), or null for none
	 */
	public ImageFileAnalyzer(final AnalysisSettings settings, final Path rois, final Path fibreLabels, final Path qcDir) {
		this.qcDir = qcDir;
		this.settings = settings;
		this.settingsHash = Provenance.shortHash(settings.toJson());
		this.rois = rois;
		this.fibreLabels = fibreLabels;
	}

	/**
	 * Sets the frame interval used for every series instead of its calibration (#14).
	 *
	 * @param seconds seconds between frames, or null to read each series' calibration
	 * @return this
	 */
	public ImageFileAnalyzer frameIntervalS(final Double seconds) {
		this.frameIntervalS = seconds;
		return this;
	}

	/**
	 * Writes each image's mask, labels, skeleton and skeleton graph into a folder ({@link MaskImages}).
	 *
	 * @param dir the folder ({@code analyze --save-masks}: {@code <out>/masks}), or null for none
	 * @return this
	 */
	public ImageFileAnalyzer masksDir(final Path dir) {
		this.masksDir = dir;
		return this;
	}

	@Override
	public ImageResult analyze(final Path file, final Progress progress) throws Exception {
		return analyze(file, progress, null);
	}

	@Override
	public ImageResult analyze(final Path file, final Progress progress, final java.util.concurrent.Executor helpers) throws Exception {
		if (java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) > 0) MemoryEstimate.check(file, Runtime.getRuntime().maxMemory());
		final ij.ImagePlus imp = ImageFiles.open(file);
		// a series (#14): the first frame gives the still-image tables, the whole series the dynamics
		final boolean series = SeriesFrames.isSeries(imp);
		final double intervalS = series ? SeriesFrames.intervalS(imp, frameIntervalS, file) : 0;
		final FibreImage img = ImageFiles.wrap(file, series ? SeriesFrames.firstFrame(imp) : imp, settings.channelRoles());
		final long[] d = img.dimensions();
		final FibreInput fibres = fibres(file, (int) d[0], (int) d[1]);
		final ImageAnalysis.Result r = ImageAnalysis.analyze(img, fibres, settings, progress, helpers);
		if (qcDir != null) QcImages.write(r, qcDir.resolve(BatchRunner.key(file.toString()) + ".png"));
		if (masksDir != null) MaskImages.write(r, file.toString(), masksDir, BatchRunner.key(file.toString()));
		final ImageResult out = ResultTables.of(r, file.toString(), settingsHash);
		if (!series) return out;
		final io.github.myomito.dynamics.DynamicsResult dyn = SeriesFrames.dynamics(imp, settings, img.spacing(), intervalS, null, progress, helpers);
		if (qcDir != null) {
			final int[] dims = imp.getNSlices() > 1 ? new int[] { imp.getWidth(), imp.getHeight(), imp.getNSlices() } : new int[] { imp.getWidth(), imp.getHeight() };
			DynamicsQc.write(SeriesFrames.frames(imp, settings.mitoChannel()), dims, img.spacing(), dyn, axisDeg(r),
				qcDir.resolve(BatchRunner.key(file.toString()) + "_dynamics.png"));
		}
		final List<String> warnings = new java.util.ArrayList<>(out.warnings());
		warnings.addAll(io.github.myomito.pipeline.DynamicsTables.add(out, dyn, file.toString()));
		return new ImageResult(out.tables(), warnings);
	}

	/** @return the axis of the first whole fibre (NaN when none was measured), for the kymograph. */
	static double axisDeg(final ImageAnalysis.Result r) {
		for (final io.github.myomito.pipeline.RegionAnalysis f : r.fibres())
			if (f.part() == io.github.myomito.pipeline.RegionAnalysis.Part.ALL && f.axis() != null) return f.axis().angleDeg();
		return Double.NaN;
	}

	/** @return the fibres given for this image, or null. */
	FibreInput fibres(final Path image, final int w, final int h) throws java.io.IOException {
		final String stem = image.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceFirst("(?i)\\.ome$", "");
		if (rois != null) {
			Path f = rois;
			if (Files.isDirectory(rois)) {
				f = rois.resolve(stem + ".zip");
				if (!Files.exists(f)) f = rois.resolve(stem + ".roi");
				if (!Files.exists(f)) throw new java.io.IOException(image + ": no ROI file " + stem + ".zip or " + stem + ".roi in " + rois);
			}
			return FibreRois.fromRois(FibreRois.read(f), w, h);
		}
		if (fibreLabels != null) {
			final Path f = Files.isDirectory(fibreLabels) ? fibreLabels.resolve(stem + ".tif") : fibreLabels;
			final FibreInput fi = FibreRois.fromLabelImage(ImageFiles.open(f));
			// named here, where the label file is known (ImageAnalysis checks the size again, for the other doors)
			if (fi.width() != w || fi.height() != h)
				throw new java.io.IOException(image.getFileName() + ": fibre labels " + f + " are " + fi.width() + "×" + fi.height() + " but the image is " + w + "×" + h);
			if (fi.count() == 0) throw new java.io.IOException(image.getFileName() + ": fibre labels " + f + " hold no fibre (every pixel is 0)");
			return fi;
		}
		return null;
	}

	@Override
	public ImageResult failure(final Path file, final String message) {
		return ResultTables.error(file.toString(), message, settings.mitoChannel(), settingsHash);
	}

	@Override
	public Map<String, List<Column>> tables() {
		return Columns.tables();
	}
}
