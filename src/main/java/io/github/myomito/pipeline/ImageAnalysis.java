package io.github.myomito.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.MitophagyAnalysis;
import io.github.myomito.coloc.MitophagyResult;
import io.github.myomito.coloc.PixelColocalisation;
import io.github.myomito.coloc.PunctaDetector;
import io.github.myomito.coloc.Punctum;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.lattice.AxisEstimate;
import io.github.myomito.lattice.FibreAxis;
import io.github.myomito.lattice.FibreDetection;
import io.github.myomito.lattice.FibreDetectionSettings;
import io.github.myomito.lattice.FibreRegions;
import io.github.myomito.lattice.LatticeFeatures;
import io.github.myomito.lattice.LatticeIndex;
import io.github.myomito.lattice.Orientation;
import io.github.myomito.lattice.OrientationStats;
import io.github.myomito.lattice.PeriodResult;
import io.github.myomito.lattice.Periodicity;
import io.github.myomito.network.EndCorrection;
import io.github.myomito.network.NetworkAnalysis;
import io.github.myomito.progress.Progress;
import io.github.myomito.segment.Segmentation;
import io.github.myomito.segment.Gauss;
import io.github.myomito.segment.Segmenter;
import io.github.myomito.segment.SegmentationSettings;
import io.github.myomito.skeleton.SkeletonAnalyzer;
import io.github.myomito.skeleton.SkeletonGraph;
import io.github.myomito.skeleton.JunctionMerging;
import io.github.myomito.skeleton.SpurPruning;
import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.skeleton.Thinning;
import io.github.myomito.skeleton.ZUpsampling;

/**
 * The whole MyoMito chain on one image: calibration, fibres (given, detected or the whole image),
 * and per region segmentation → thinning → skeleton graph → network metrics → fibre axis, branch
 * orientation, periodicity, lattice index → LC3 puncta, mitophagy readouts and colocalisation.
 * <p>
 * Every fibre is analysed in its own crop (its bounding box, all z) with its region mask: thresholds
 * and statistics use only the fibre's pixels, so a fibre gives the same numbers whether it is analysed
 * in a multi-fibre image or alone. The image-level summary is the same chain over the whole image.
 */
public final class ImageAnalysis {

	private ImageAnalysis() {}

	/** Result of one image. */
	public static final class Result {
		private final FibreImage image;
		private final AnalysisSettings settings;
		private final RegionAnalysis whole;
		private final List<RegionAnalysis> fibres;
		private final List<String> warnings;

		private final List<io.github.myomito.reporter.MitolysosomeResult> mitolysosomes;
		private final List<io.github.myomito.reporter.MarkerIntensity> markers;

		Result(final FibreImage image, final AnalysisSettings settings, final RegionAnalysis whole, final List<RegionAnalysis> fibres, final List<String> warnings) {
			this(image, settings, whole, fibres, warnings, null, null);
		}

		Result(final FibreImage image, final AnalysisSettings settings, final RegionAnalysis whole, final List<RegionAnalysis> fibres, final List<String> warnings,
			final List<io.github.myomito.reporter.MitolysosomeResult> mitolysosomes, final List<io.github.myomito.reporter.MarkerIntensity> markers) {
			this.mitolysosomes = mitolysosomes == null ? null : Collections.unmodifiableList(mitolysosomes);
			this.markers = markers == null ? null : Collections.unmodifiableList(markers);
			this.image = image;
			this.settings = settings;
			this.whole = whole;
			this.fibres = Collections.unmodifiableList(fibres);
			this.warnings = Collections.unmodifiableList(warnings);
		}

		/** @return the analysed image (with the spacing actually used). */
		public FibreImage image() { return image; }
		/** @return the settings used. */
		public AnalysisSettings settings() { return settings; }
		/** @return the whole-image analysis. */
		public RegionAnalysis whole() { return whole; }
		/** @return per-fibre (and per-part) analyses. */
		public List<RegionAnalysis> fibres() { return fibres; }
		/** @return quality warnings. */
		public List<String> warnings() { return warnings; }
		/** @return the mitolysosomes per entry of {@link #fibres()}, or null without a reporter. */
		public List<io.github.myomito.reporter.MitolysosomeResult> mitolysosomes() { return mitolysosomes; }
		/** @return the fibre-type marker intensity per entry of {@link #fibres()}, or null without a marker channel. */
		public List<io.github.myomito.reporter.MarkerIntensity> markers() { return markers; }
	}

	/** Applies the pixel-size / z-step overrides of the settings (dropping the missing-calibration warning). */
	public static FibreImage calibrate(final FibreImage img, final AnalysisSettings s) {
		if (Double.isNaN(s.pixelSizeUm()) && Double.isNaN(s.zStepUm())) return img;
		final double[] sp = img.spacing();
		final boolean wasCalibrated = img.isCalibrated();
		if (!Double.isNaN(s.pixelSizeUm())) {
			sp[0] = s.pixelSizeUm();
			sp[1] = s.pixelSizeUm();
		}
		if (sp.length > 2 && !Double.isNaN(s.zStepUm())) sp[2] = s.zStepUm();
		if (!wasCalibrated && Double.isNaN(s.pixelSizeUm()))
			throw new IllegalArgumentException(img.source() + ": --z-step needs --pixel-size too, the image has no calibration");
		final FibreImage.Builder b = FibreImage.builder().source(img.source()).spacing(sp);
		for (int c = 0; c < img.numChannels(); c++) b.channel(img.channels().get(c), img.roles().get(c));
		for (final String w : img.warnings())
			if (!w.contains("calibration")) b.warning(w);
		if (sp.length == 2 && !Double.isNaN(s.zStepUm()))
			b.warning(String.format(java.util.Locale.ROOT, "z step %s µm given but the image is 2D (one z slice): the z step is ignored", s.zStepUm()));
		return b.build();
	}

	/**
	 * Analyses one image.
	 *
	 * @param given fibres given with the image, or null (then {@link AnalysisSettings#fibreMode()} decides)
	 * @throws IllegalArgumentException for unusable input (missing channel, wrong fibre label size), naming the image
	 */
	public static Result analyze(final FibreImage input, final FibreInput given, final AnalysisSettings s, final Progress progress) {
		return analyze(input, given, s, progress, null);
	}

	/**
	 * Analyses one image, running independent parts of each region's chain on {@code helpers} as well as on the
	 * calling thread: the fibre axis and periodicity, the pixel colocalisation and the LC3 puncta detection do
	 * not depend on the mitochondrial segmentation (the mitophagy read-outs only on its mask and labels), so they
	 * run while the calling thread segments, thins and measures the network. A part that no helper has started
	 * when its result is needed runs on the calling thread, so any executor works (a busy or single-thread one,
	 * or the pool the caller itself runs on) and nothing waits for a task that has not started. Every part is a
	 * pure function of its inputs and the results are assembled in a fixed order: the result is identical for
	 * any executor and thread count, and to {@code helpers == null} (everything on the calling thread).
	 *
	 * @param helpers executor for the independent parts, or null for none
	 */
	public static Result analyze(final FibreImage input, final FibreInput given, final AnalysisSettings s, final Progress progress, final Executor helpers) {
		final Progress p = progress == null ? Progress.NONE : progress;
		final FibreImage img = calibrate(input, s);
		final List<String> warnings = new ArrayList<>(img.warnings());
		if (img.isCalibrated()) warnings.addAll(PixelScale.warnings(img.spacing()[0], img.dimensions()));
		if (img.isCalibrated() && img.spacing().length > 2) warnings.addAll(PixelScale.zWarnings(img.spacing()[0], img.spacing()[2]));
		final int[] dims = Pixels.dims(img.channel(0));
		final double[] sp = img.spacing();
		final float[] mito = Pixels.floats(img.channel(s.mitoChannel() - 1));
		float[] lc3 = null;
		if (s.lc3Channel() > 0) lc3 = Pixels.floats(img.channel(s.lc3Channel() - 1));
		checkFinite(mito, img.source(), "mitochondria", warnings);
		if (lc3 != null) lc3 = finiteLc3(lc3, img.source(), warnings);
		saturation(img.channel(s.mitoChannel() - 1), mito, "mitochondria", warnings);
		if (lc3 != null) saturation(img.channel(s.lc3Channel() - 1), lc3, "LC3", warnings);
		p.status(img.source() + ": whole image");
		final RegionAnalysis whole = region("image", "image", RegionAnalysis.Part.ALL, mito, lc3, dims, sp, null, new int[dims.length], s, helpers);
		warnings.addAll(whole.warnings);
		p.checkCancelled();
		final List<RegionAnalysis> fibres = new ArrayList<>();
		final int[] labels;
		final List<String> names;
		final String source;
		if (given != null) {
			if (given.width() != dims[0] || given.height() != dims[1])
				throw new IllegalArgumentException(img.source() + ": fibre labels are " + given.width() + "×" + given.height() + " but the image is " + dims[0] + "×" + dims[1]);
			labels = given.labels();
			names = given.names();
			source = given.source();
		}
		else if (s.fibreMode() == AnalysisSettings.FibreMode.AUTO) {
			final FibreRegions fr = FibreDetection.detect(project(mito, dims), new int[] { dims[0], dims[1] }, new double[] { sp[0], sp[1] }, s.fibreDetection());
			labels = fr.labels();
			names = new ArrayList<>();
			for (int k = 1; k <= fr.count(); k++) names.add(Integer.toString(k));
			source = "auto";
			if (fr.count() == 0) warnings.add("no fibre found automatically: the whole image is analysed as one fibre");
		}
		else {
			labels = null;
			names = List.of();
			source = "image";
		}
		if (labels == null || names.isEmpty()) {
			fibres.add(whole);
			final String outside = outsideFibreWarning(mito, dims, sp, s);
			if (outside != null) warnings.add(outside);
			if (s.bandDepthUm() > 0) warnings.add("subsarcolemmal split needs fibres (ROIs, labels or --fibres auto); not done for the whole image");
		}
		else {
			final List<Integer> present = new ArrayList<>();
			final int[][] bounds = bounds(labels, dims[0], dims[1], names.size());
			for (int k = 1; k <= names.size(); k++)
				if (bounds[k][0] <= bounds[k][2]) present.add(k);
				else warnings.add("fibre " + names.get(k - 1) + " is empty or outside the image");
			int done = 0;
			for (final int k : present) {
				p.status(img.source() + ": fibre " + names.get(k - 1));
				p.checkCancelled();
				fibres.addAll(fibre(k, names.get(k - 1), source, labels, bounds[k], mito, lc3, dims, sp, s, helpers));
				p.progress(++done, present.size());
			}
		}
		for (final RegionAnalysis f : fibres)
			if (f != whole) for (final String w : f.warnings) warnings.add("fibre " + f.name + ": " + w);
		// reporter and fibre-type readouts (#15), on the regions analysed above
		final List<io.github.myomito.reporter.MitolysosomeResult> lyso = s.reporter() == null ? null : ReporterReadouts.mitolysosomes(img, fibres, dims, s);
		final List<io.github.myomito.reporter.MarkerIntensity> markers = s.fibreType() == null ? null
			: ReporterReadouts.markers(img, fibres, dims, labels == null || names.isEmpty() ? null : labels, s);
		// an uncalibrated image's pixel is no µm: its period warning says so, not "pixels of 1 µm"
		if (!img.isCalibrated()) warnings.replaceAll(PixelScale::uncalibrated);
		return new Result(img, s, whole, fibres, new ArrayList<>(new LinkedHashSet<>(warnings)), lyso, markers);
	}

	private static void checkFinite(final float[] data, final String src, final String what, final List<String> warnings) {
		if (Pixels.nonFinite(data) == data.length) throw new IllegalArgumentException(src + ": the " + what + " channel has no finite pixel value");
	}

	/** A channel with at least this fraction of its pixels at the maximum of its integer type is called saturated. */
	public static final double SATURATED_FRACTION = 0.01;

	/**
	 * Warns when at least {@link #SATURATED_FRACTION} of an 8- or 16-bit channel's pixels sit at the type's
	 * maximum (255, 65535): the detector clipped them, so their intensities, the thresholds computed from
	 * the histogram and the colocalisation statistics are biased.
	 */
	private static void saturation(final net.imglib2.RandomAccessibleInterval<?> channel, final float[] data, final String what, final List<String> warnings) {
		final Object t = net.imglib2.view.Views.flatIterable(channel).firstElement();
		final float max = t instanceof net.imglib2.type.numeric.integer.UnsignedByteType ? 255
			: t instanceof net.imglib2.type.numeric.integer.UnsignedShortType ? 65535 : Float.NaN;
		if (Float.isNaN(max)) return;
		int n = 0;
		for (final float v : data)
			if (v == max) n++;
		if (n >= SATURATED_FRACTION * data.length)
			warnings.add(String.format(java.util.Locale.ROOT, "%s channel saturated: %.1f %% of its pixels are at %d, the %d-bit maximum (clipped "
				+ "intensities bias thresholds and colocalisation; acquire with less gain or laser power)", what, 100.0 * n / data.length, (int) max,
				max == 255 ? 8 : 16));
	}

	/**
	 * The LC3 channel with NaN/±Inf set to 0, as the segmentation treats them in the mitochondrial channel
	 * (a copy, with a warning; the channel itself when every value is finite), so that a few bad pixels of a
	 * 32-bit image do not cost the image.
	 *
	 * @throws IllegalArgumentException when no value is finite
	 */
	private static float[] finiteLc3(final float[] lc3, final String src, final List<String> warnings) {
		checkFinite(lc3, src, "LC3", warnings);
		final int bad = Pixels.nonFinite(lc3);
		if (bad == 0) return lc3;
		final float[] out = lc3.clone();
		for (int i = 0; i < out.length; i++)
			if (!Float.isFinite(out[i])) out[i] = 0;
		warnings.add(bad + " non-finite LC3 pixel value" + (bad == 1 ? "" : "s") + " (NaN/Inf) treated as 0");
		return out;
	}

	/** Mean over z (a 2D image is returned as is). */
	static float[] project(final float[] data, final int[] dims) {
		if (dims.length == 2) return data;
		final int plane = dims[0] * dims[1];
		final float[] out = new float[plane];
		for (int i = 0; i < data.length; i++) out[i % plane] += data[i] / dims[2];
		return out;
	}

	/** Bounding boxes {x0, y0, x1, y1} per label (x0 > x1 when empty). */
	private static int[][] bounds(final int[] labels, final int w, final int h, final int n) {
		final int[][] b = new int[n + 1][];
		for (int k = 0; k <= n; k++) b[k] = new int[] { Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1 };
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int l = labels[x + w * y];
				if (l <= 0 || l > n) continue;
				b[l][0] = Math.min(b[l][0], x);
				b[l][1] = Math.min(b[l][1], y);
				b[l][2] = Math.max(b[l][2], x);
				b[l][3] = Math.max(b[l][3], y);
			}
		return b;
	}

	/** Analyses fibre k in its bounding-box crop (and its band / interior when asked). */
	private static List<RegionAnalysis> fibre(final int k, final String name, final String source, final int[] labels, final int[] bb, final float[] mito,
		final float[] lc3, final int[] dims, final double[] sp, final AnalysisSettings s, final Executor helpers) {
		final int w = dims[0], h = dims[1], nz = dims.length > 2 ? dims[2] : 1;
		final int cw = bb[2] - bb[0] + 1, ch = bb[3] - bb[1] + 1;
		final int[] cd = dims.length > 2 ? new int[] { cw, ch, nz } : new int[] { cw, ch };
		final float[] cm = new float[cw * ch * nz];
		final float[] cl = lc3 == null ? null : new float[cm.length];
		final byte[] region = new byte[cm.length];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ch; y++)
				for (int x = 0; x < cw; x++) {
					final int src = (bb[0] + x) + w * ((bb[1] + y) + h * z);
					final int dst = x + cw * (y + ch * z);
					cm[dst] = mito[src];
					if (cl != null) cl[dst] = lc3[src];
					region[dst] = (byte) (labels[(bb[0] + x) + w * (bb[1] + y)] == k ? 1 : 0);
				}
		final int[] off = dims.length > 2 ? new int[] { bb[0], bb[1], 0 } : new int[] { bb[0], bb[1] };
		final List<RegionAnalysis> out = new ArrayList<>();
		out.add(region(name, source, RegionAnalysis.Part.ALL, cm, cl, cd, sp, region, off, s, helpers));
		if (s.bandDepthUm() > 0) {
			final boolean[] open = { bb[0] > 0, bb[1] > 0, bb[2] < w - 1, bb[3] < h - 1 };
			final byte[] band = band(region, cd, sp, s.bandDepthUm(), open);
			final byte[] imf = new byte[region.length];
			for (int i = 0; i < imf.length; i++) imf[i] = (byte) (region[i] != 0 && band[i] == 0 ? 1 : 0);
			out.add(region(name, source, RegionAnalysis.Part.SUBSARCOLEMMAL, cm, cl, cd, sp, band, off, s, helpers));
			out.add(region(name, source, RegionAnalysis.Part.IMF, cm, cl, cd, sp, imf, off, s, helpers));
		}
		return out;
	}

	/**
	 * The subsarcolemmal band of a fibre in its bounding-box crop. The crop's sides that lie inside the
	 * image are bordered by a ring of background first, so that a fibre filling its bounding box (a
	 * rectangular ROI) still has its outline there; sides on the image border stay open (a fibre cut by
	 * the image border has no sarcolemma there).
	 *
	 * @param open per side {left, top, right, bottom}: true where the crop side lies inside the image
	 */
	static byte[] band(final byte[] region, final int[] cd, final double[] sp, final double depthUm, final boolean[] open) {
		final int cw = cd[0], ch = cd[1], nz = cd.length > 2 ? cd[2] : 1;
		final int pw = cw + 2, ph = ch + 2;
		final byte[] padded = new byte[pw * ph * nz];
		for (int z = 0; z < nz; z++)
			for (int y = -1; y <= ch; y++)
				for (int x = -1; x <= cw; x++) {
					final byte v;
					if (x >= 0 && x < cw && y >= 0 && y < ch) v = region[x + cw * (y + ch * z)];
					else if ((x < 0 && open[0]) || (y < 0 && open[1]) || (x >= cw && open[2]) || (y >= ch && open[3])) v = 0;
					else v = region[Math.min(cw - 1, Math.max(0, x)) + cw * (Math.min(ch - 1, Math.max(0, y)) + ch * z)];
					padded[(x + 1) + pw * ((y + 1) + ph * z)] = v;
				}
		final int[] pd = cd.length > 2 ? new int[] { pw, ph, nz } : new int[] { pw, ph };
		final byte[] pb = FibreDetection.subsarcolemmalBand(padded, pd, sp, depthUm);
		final byte[] out = new byte[region.length];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ch; y++)
				for (int x = 0; x < cw; x++) out[x + cw * (y + ch * z)] = pb[(x + 1) + pw * ((y + 1) + ph * z)];
		return out;
	}

	/**
	 * The image {@link EndCorrection} measures: the mitochondria channel smoothed with a Gaussian of one
	 * pixel (σ<sub>s</sub> = the smaller in-plane pixel size, in µm), which tames photon noise at a blur the
	 * model accounts for ({@link #endCorrectionSigma}).
	 */
	static float[] endCorrectionImage(final float[] mito, final int[] dims, final double[] sp) {
		final double s = Math.min(sp[0], sp[1]);
		if (dims.length == 3) return Gauss.smooth(Pixels.finiteOrZero(mito), dims, s / sp[0], s / sp[1], s / sp[2]);
		return Gauss.smooth(Pixels.finiteOrZero(mito), dims, s / sp[0], s / sp[1]);
	}

	/** @return σ = √(σ<sub>PSF</sub>² + σ<sub>s</sub>²), µm: the PSF and the smoothing of {@link #endCorrectionImage} */
	static double endCorrectionSigma(final AnalysisSettings s, final double[] sp) {
		return Math.hypot(s.psfSigmaUm(), Math.min(sp[0], sp[1]));
	}

	/** The chain on one region (see {@link #analyze(FibreImage, FibreInput, AnalysisSettings, Progress, Executor)} for helpers). */
	static RegionAnalysis region(final String name, final String source, final RegionAnalysis.Part part, final float[] mito, final float[] lc3, final int[] dims,
		final double[] sp, final byte[] region, final int[] offset, final AnalysisSettings s, final Executor helpers) {
		final List<Task<?>> tasks = new ArrayList<>();
		try {
			// the parts that do not need the segmentation, offered to the helpers first
			final Task<AxisPart> axisTask = Task.offer(tasks, helpers, () -> axisPart(mito, region, dims, sp, s));
			final Task<ColocResult> colocTask = lc3 == null ? null : Task.offer(tasks, helpers, () -> PixelColocalisation.compute(mito, lc3, region, dims, sp, s.colocSettings()));
			final Task<List<Punctum>> punctaTask = lc3 == null ? null : Task.offer(tasks, helpers, () -> PunctaDetector.detect(lc3, dims, sp, s.punctaSettings(), region));
			// free ends are corrected where the PSF is (nearly) isotropic: 2D images, stacks deconvolved along z to the
			// lateral PSF (measured on the deconvolved stack), stacks whose axial PSF is no longer than the lateral one
			final SegmentationSettings segSettings = s.segmentationFor(dims);
			final boolean stack = dims.length == 3 && dims[2] > 1;
			final boolean deconvolved = stack && segSettings.axialDeconvolutionUm() > 0 && segSettings.deconvolutionIterations() > 0;
			final boolean correctEnds = s.endCorrection() && (!stack || deconvolved || s.psfAxialUm() <= s.psfUm());
			final Task<float[]> smoothTask = correctEnds && !deconvolved ? Task.offer(tasks, helpers, () -> endCorrectionImage(mito, dims, sp)) : null;
			final double blur = endCorrectionSigma(s, sp);
			final List<String> warnings = new ArrayList<>();
			final Segmentation seg = Segmenter.segment(mito, dims, sp, segSettings, region, null);
			warnings.addAll(seg.warnings());
			final byte[] mask = seg.mask();
			final int[] labels = seg.labels().labels();
			// MitophagyAnalysis annotates the puncta with the mitochondria (one distance map, not two)
			final Task<MitophagyResult> mitophagyTask = lc3 == null ? null
				: Task.offer(tasks, helpers, () -> MitophagyAnalysis.analyze(punctaTask.join(), mask, labels, seg.labels().count(), region, dims, sp));
			// a stack is thinned on a grid of near-cubic voxels (see ZUpsampling); a 2D image on its own grid
			final ZUpsampling grid = ZUpsampling.of(dims, sp, ZUpsampling.DEFAULT_MAX_FACTOR);
			final int[] gd = grid.gridDims();
			final double[] gsp = grid.gridSpacing();
			final float[] enhanced = seg.enhanced();
			final byte[] gmask = grid.upMask(mask, enhanced, seg.threshold());
			final java.util.function.IntUnaryOperator labelAt = grid.isIdentity() ? i -> labels[i] : i -> labels[grid.sourceIndex(i)];
			final byte[] skeleton = Thinning.thin(gmask, gd);
			SkeletonGraph graph = SkeletonAnalyzer.analyze(skeleton, gd, gsp, s.skeleton());
			final float[] radius = DistanceTransform.distance(gmask, gd, gsp, false);
			byte[] pruned = skeleton;
			if (s.spurFactor() > 0) {
				final double[] dsp = s.decisionSpacing(gsp);
				// round objects are judged on the image's own grid, in the decision spacing
				final double[] elongation = SpurPruning.elongations(labels, seg.labels().count(), dims, s.decisionSpacing(sp), enhanced, seg.threshold());
				if (java.util.Arrays.equals(dsp, gsp)) {
					// 2D: spurs are judged at their blur-corrected ends (see SpurPruning, EndCorrection); a stack with an isotropic PSF as it is
					final double[] pre = correctEnds ? EndCorrection.corrections(graph, smoothTask.join(), dims, sp, radius, blur) : null;
					pruned = SpurPruning.prune(skeleton, graph, radius, s.spurFactor(), labelAt, elongation, pre);
				}
				else {
					// 3D: spurs are judged with z scaled to the PSF (see AnalysisSettings.decisionSpacing)
					final SkeletonGraph dg = SkeletonAnalyzer.analyze(skeleton, gd, dsp, s.skeleton());
					pruned = SpurPruning.prune(skeleton, dg, DistanceTransform.distance(gmask, gd, dsp, false), s.spurFactor(), labelAt, elongation, null);
				}
				graph = SkeletonAnalyzer.analyze(pruned, gd, gsp, s.skeleton());
			}
			final byte[] merge = s.junctionMerging() ? JunctionMerging.marks(graph, radius) : null;
			if (merge != null) graph = SkeletonAnalyzer.analyze(pruned, gd, gsp, s.skeleton(), merge);
			final int plane = dims[0] * dims[1];
			long regionPixels = plane;
			if (region != null) {
				regionPixels = 0;
				for (int i = 0; i < plane; i++) if (region[i] != 0) regionPixels++;
			}
			final double area = regionPixels * sp[0] * sp[1];
			// (a constant stack is not deconvolved: it has no objects and nothing to correct)
			final float[] endImage = !correctEnds ? null : deconvolved ? seg.deconvolved() : smoothTask.join();
			final double[] ends = endImage == null ? null : EndCorrection.corrections(graph, endImage, dims, sp, radius, blur);
			// widths, footprint and volume from the blur-corrected radii, on the image the ends are measured on (see network.SizeModel)
			final double[] radii = endImage == null ? null : EndCorrection.radii(graph, endImage, dims, sp, radius, blur);
			final NetworkAnalysis.Result net = NetworkAnalysis.analyze(mask, labels, seg.labels().count(), dims, sp, area, graph, labelAt, radius, ends, radii);
			// LC3 first (the parts a helper has not started run here), the axis (offered first) last
			final MitophagyResult mito3 = lc3 == null ? null : mitophagyTask.join();
			final ColocResult coloc = lc3 == null ? null : colocTask.join();
			final AxisPart ap = axisTask.join();
			warnings.addAll(ap.warnings);
			final AxisEstimate axis = ap.axis;
			final PeriodResult period = ap.period;
			final double axisDeg = axis == null ? Double.NaN : axis.angleDeg();
			// branch orientation
			final List<SkeletonGraph.Edge> edges = graph.edges();
			final double[] angles = Orientation.branchAngles(graph);
			int n = 0;
			final double[] ka = new double[edges.size()], kl = new double[edges.size()];
			for (final SkeletonGraph.Edge e : edges) {
				final double a = angles[e.id()];
				if (!Double.isNaN(a)) {
					ka[n] = a;
					kl[n++] = e.smoothedLength();
				}
			}
			final OrientationStats orient = Double.isNaN(axisDeg) ? null
				: Orientation.of(java.util.Arrays.copyOf(ka, n), java.util.Arrays.copyOf(kl, n), axisDeg, s.toleranceDeg());
			final LatticeFeatures.Builder lf = LatticeFeatures.builder()
				.loopsPer100um2(net.get(NetworkAnalysis.Metric.LOOPS_PER_100UM2))
				.fourWayJunctionFraction(zeroIfNaN(net.get(NetworkAnalysis.Metric.FOUR_WAY_FRACTION)))
				.largestComponentShare(zeroIfNaN(net.get(NetworkAnalysis.Metric.LARGEST_SHARE)));
			if (orient != null) lf.orientation(orient);
			if (period != null && period.valid()) lf.periodRegularity(period.regularity());
			else if (period != null) lf.periodRegularity(0);
			// an empty mask has no network to be lattice-like or not: NaN, not the 0 of its zero counts
			final double lattice = net.get(NetworkAnalysis.Metric.OBJECTS) > 0 ? LatticeIndex.DEFAULT.score(lf.build()) : Double.NaN;
			// LC3
			final List<Punctum> puncta = mito3 == null ? null : mito3.puncta();
			if (coloc != null) warnings.addAll(coloc.warnings());
			return new RegionAnalysis(name, source, part, offset, dims, sp, region, area, seg, graph, net, axis, angles, orient, period, lattice, puncta, mito3,
				coloc, warnings);
		}
		finally {
			// after a failure: parts not yet started are not run
			for (final Task<?> t : tasks) t.cancel();
		}
	}

	/** Fibre axis, its periodicity and their warnings. */
	private static final class AxisPart {
		final AxisEstimate axis;
		final PeriodResult period;
		final List<String> warnings;

		AxisPart(final AxisEstimate axis, final PeriodResult period, final List<String> warnings) {
			this.axis = axis;
			this.period = period;
			this.warnings = warnings;
		}
	}

	/** The fibre axis (structure tensor, periodicity scan, outline) and the period along it. */
	private static AxisPart axisPart(final float[] mito, final byte[] region, final int[] dims, final double[] sp, final AnalysisSettings s) {
		final List<String> warnings = new ArrayList<>();
		// the fibre's own pixels for axis and period: the region, or (whole image) the signal's support,
		// so that the fibre's outline and the empty background do not bias the texture and the profile
		final byte[] fibre = region != null ? region : support(mito, dims, sp, s);
		AxisEstimate axis;
		if (!Double.isNaN(s.axisDeg())) axis = AxisEstimate.given(s.axisDeg());
		else {
			try {
				axis = FibreAxis.fromStructureTensor(mito, fibre, dims, sp, s.axisSigmaUm());
			}
			catch (final IllegalArgumentException e) {
				warnings.add("fibre axis undefined (" + e.getMessage() + ")");
				axis = null;
			}
		}
		PeriodResult period = null;
		if (axis != null && !PixelScale.resolvesPeriod(Math.min(sp[0], sp[1]), s.minPeriodUm())) {
			warnings.add(PixelScale.periodTooFine(Math.min(sp[0], sp[1]), s.minPeriodUm()));
		}
		else if (axis != null) {
			try {
				if (Double.isNaN(s.axisDeg())) {
					final double[] best = periodicAxis(mito, fibre, dims, sp, s, axis.angleDeg());
					final AxisEstimate shape = fibre == null ? null : FibreAxis.fromMask(fibre, dims, sp);
					final boolean elongated = shape != null && shape.elongation() >= MIN_SHAPE_ELONGATION;
					// a period is believed when it is regular and agrees with the fibre outline, or when it is
					// strong enough to overrule the outline; otherwise (a fragmented network, whose scattered
					// objects can fake a weak period) an elongated outline gives the axis
					// for a fibre region (ROIs, labels, --fibres auto) an elongated outline is the fibre's own: only a
					// strong period overrules it (#16 item 4: weak periods of fragmented fibres agreeing within 30° of
					// the outline gave axes 5–23° off, the outline's principal axis < 1° off)
					final boolean periodic = best[1] >= MIN_AXIS_REGULARITY
						&& (!elongated || best[1] >= STRONG_REGULARITY
							|| region == null && io.github.myomito.lattice.Orientation.angleToAxis(best[0], shape.angleDeg()) <= SHAPE_AGREEMENT_DEG);
					if (periodic) axis = AxisEstimate.rotated(axis, best[0]);
					else if (elongated) axis = shape;
				}
				period = Periodicity.along(mito, fibre, dims, sp, axis.angleDeg(), s.minPeriodUm(), s.maxPeriodUm());
			}
			catch (final IllegalArgumentException e) {
				warnings.add("periodicity not measured (" + e.getMessage() + ")");
			}
		}
		return new AxisPart(axis, period, warnings);
	}

	/**
	 * A part of the chain that a helper may run; {@link #join} runs it on the calling thread when no helper has
	 * started it yet (so joining never waits for a task that is only queued), else waits for it.
	 */
	private static final class Task<T> {
		private final FutureTask<T> future;

		private Task(final Callable<T> work) {
			this.future = new FutureTask<>(work);
		}

		/** Creates the task, offers it to the helpers (if any) and records it in {@code all}. */
		static <T> Task<T> offer(final List<Task<?>> all, final Executor helpers, final Callable<T> work) {
			final Task<T> t = new Task<>(work);
			all.add(t);
			if (helpers != null) {
				try {
					helpers.execute(t.future);
				}
				catch (final RejectedExecutionException e) {
					// no helper: it runs at join
				}
			}
			return t;
		}

		T join() {
			future.run(); // no-op when already started or done
			try {
				return future.get();
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CancellationException("interrupted");
			}
			catch (final ExecutionException e) {
				final Throwable c = e.getCause();
				if (c instanceof RuntimeException) throw (RuntimeException) c;
				if (c instanceof Error) throw (Error) c;
				throw new IllegalStateException(c);
			}
		}

		void cancel() {
			future.cancel(false);
		}
	}

	/**
	 * A whole image analysed as one region whose fibre (the {@link #support} found by fibre detection) covers less
	 * than this fraction of it puts the background outside the fibre into coverage, densities and
	 * colocalisation (#16 item 2: Pearson 0.38 over the whole 30° sample, 0.03 over its fibre).
	 */
	public static final double MIN_FIBRE_FRACTION = 0.9;

	/**
	 * @return the warning for a whole-image region that is mostly not fibre, or null (see {@link #MIN_FIBRE_FRACTION});
	 *         without commas or semicolons, so that simple CSV readers keep it in one cell
	 */
	static String outsideFibreWarning(final float[] mito, final int[] dims, final double[] sp, final AnalysisSettings s) {
		final byte[] sup = support(mito, dims, sp, s);
		if (sup == null) return null;
		final int plane = dims[0] * dims[1];
		long in = 0;
		for (int i = 0; i < plane; i++) if (sup[i] != 0) in++;
		final double f = in / (double) plane;
		if (f >= MIN_FIBRE_FRACTION) return null;
		return String.format(java.util.Locale.ROOT, "%s: the region is the whole image but the fibre found in it covers only %.0f %% of the image: "
			+ "coverage/densities/colocalisation include the background outside the fibre (use --fibres auto or fibre ROIs)", OUTSIDE_FIBRE, 100 * f);
	}

	/** Start of the {@link #outsideFibreWarning} text (for tests and scripts that look for it). */
	public static final String OUTSIDE_FIBRE = "background outside the fibre";

	/**
	 * The support of the fibre in a whole-image analysis: {@link FibreDetection} (strong smoothing,
	 * threshold, no splitting) on the z-mean, repeated over z; null when nothing is found.
	 */
	static byte[] support(final float[] mito, final int[] dims, final double[] sp, final AnalysisSettings s) {
		// the support is coarse (σ = 2 µm smoothing): detect it on the z-mean binned to ≤ σ/4, then map back
		final int w = dims[0], h = dims[1], plane = w * h;
		final int f = Math.max(1, (int) Math.floor(SUPPORT.smoothingSigmaUm() / 4 / Math.max(sp[0], sp[1])));
		final int bw = (w + f - 1) / f, bh = (h + f - 1) / f;
		final float[] mean = project(mito, dims);
		final float[] small = new float[bw * bh];
		final int[] count = new int[bw * bh];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				small[x / f + bw * (y / f)] += mean[x + w * y];
				count[x / f + bw * (y / f)]++;
			}
		for (int i = 0; i < small.length; i++) small[i] /= count[i];
		final FibreRegions fr;
		try {
			fr = FibreDetection.detect(small, new int[] { bw, bh }, new double[] { sp[0] * f, sp[1] * f }, SUPPORT);
		}
		catch (final IllegalArgumentException e) {
			return null;
		}
		if (fr.count() == 0) return null;
		final byte[] m2 = fr.mask();
		final byte[] out = new byte[mito.length];
		for (int i = 0; i < out.length; i++) {
			final int p = i % plane;
			out[i] = m2[(p % w) / f + bw * ((p / w) / f)];
		}
		return out;
	}

	/**
	 * Fibre detection used for the whole-image support: {@link FibreDetectionSettings#COARSE} (σ 2 µm, no closing,
	 * no splitting), the method this support was tuned with; {@code --fibres auto} uses the closed mitochondrial mask.
	 */
	private static final FibreDetectionSettings SUPPORT = FibreDetectionSettings.COARSE;

	/** Below this period regularity the signal has no usable sarcomeric period and the texture axis is kept. */
	static final double MIN_AXIS_REGULARITY = 0.3;

	/** Without a believable period, a fibre outline at least this elongated (√(λ₁/λ₂)) gives the axis. */
	static final double MIN_SHAPE_ELONGATION = 1.2;

	/** A period direction within this many degrees of the outline's axis agrees with it. */
	static final double SHAPE_AGREEMENT_DEG = 30;

	/**
	 * A period at least this regular overrules a disagreeing outline: lattices measure 0.9–0.99 on phantoms,
	 * while the scattered blobs of swollen or fission phantoms fake periods of up to ~0.7 in wrong directions.
	 */
	static final double STRONG_REGULARITY = 0.85;

	/** Half-width (degrees) of the scan around θ and θ + 90°: together the whole half circle. */
	static final int AXIS_SEARCH_DEG = 45;

	/**
	 * The fibre axis as the direction of the strongest sarcomeric periodicity: the regularity of the
	 * signal's profile along a direction ({@link Periodicity}, computed over the fibre's own pixels) is
	 * scanned every 2° over the half circle (starting at the structure tensor's angle θ, so that θ and
	 * θ + 90° are both sampled exactly) on the z-mean image binned 2 × 2, and refined in 0.5° steps within
	 * ±2° of the best angle at full resolution. In a striated
	 * muscle image the mitochondrial signal repeats with the sarcomere along the fibre and not across it
	 * (myofibrils repeat at ~1 µm, outside the search band); this settles the 90° ambiguity of the
	 * structure tensor of a grid-like lattice, whose coherency is low, and sharpens its angle.
	 *
	 * @param textureDeg the structure tensor's axis angle θ
	 * @return {best angle (°), its regularity}
	 */
	static double[] periodicAxis(final float[] img, final byte[] region, final int[] dims, final double[] sp, final AnalysisSettings s,
		final double textureDeg) {
		// coarse scan on the z-mean binned 2 × 2 (the period still spans ≥ 5 samples), refinement at full resolution
		final int w = dims[0], h = dims[1], plane = w * h, bw = Math.max(1, w / 2), bh = Math.max(1, h / 2);
		final float[] mean = project(img, dims);
		final float[] small = new float[bw * bh];
		final byte[] smallRegion = region == null ? null : new byte[bw * bh];
		for (int y = 0; y < bh; y++)
			for (int x = 0; x < bw; x++) {
				float sum = 0;
				int in = 0, k = 0;
				for (int dy = 0; dy < 2; dy++)
					for (int dx = 0; dx < 2; dx++) {
						final int xx = Math.min(w - 1, 2 * x + dx), yy = Math.min(h - 1, 2 * y + dy);
						sum += mean[xx + w * yy];
						if (region != null && region[xx + w * yy] != 0) in++;
						k++;
					}
				small[x + bw * y] = sum / k;
				if (smallRegion != null) smallRegion[x + bw * y] = (byte) (in >= 2 ? 1 : 0);
			}
		final int[] sd = { bw, bh };
		final double[] ssp = { sp[0] * w / bw, sp[1] * h / bh };
		final Periodicity.Runs smallRuns = Periodicity.Runs.of(smallRegion, sd);
		double bestA = textureDeg, bestR = -1;
		for (final int base : new int[] { 0, 90 })
			for (int off = -AXIS_SEARCH_DEG; off < AXIS_SEARCH_DEG; off += 2) {
				final double a = (((textureDeg + base + off) % 180) + 180) % 180;
				final double r = score(Periodicity.alongRuns(small, smallRuns, sd, ssp, a, s.minPeriodUm(), s.maxPeriodUm()), s);
				if (r > bestR) {
					bestR = r;
					bestA = a;
				}
			}
		final double coarse = bestA;
		bestR = -1;
		final int[] d2 = { w, h };
		final Periodicity.Runs runs2 = Periodicity.Runs.of(region == null ? null : java.util.Arrays.copyOf(region, plane), d2);
		for (double a = coarse - 2; a <= coarse + 2; a += 0.5) {
			final double folded = ((a % 180) + 180) % 180;
			final double r = score(Periodicity.alongRuns(mean, runs2, d2, new double[] { sp[0], sp[1] }, folded, s.minPeriodUm(), s.maxPeriodUm()), s);
			if (r > bestR) {
				bestR = r;
				bestA = folded;
			}
		}
		return new double[] { bestA, bestR };
	}

	/** Regularity of a period result; −1 when invalid or stuck at an edge of the search band (no real peak). */
	private static double score(final PeriodResult p, final AnalysisSettings s) {
		if (p == null || !p.valid()) return -1;
		final double lo = s.minPeriodUm() * 1.02, hi = s.maxPeriodUm() * 0.98;
		return p.periodUm() < lo || p.periodUm() > hi ? -1 : p.regularity();
	}

	private static double zeroIfNaN(final double v) {
		return Double.isNaN(v) ? 0 : v;
	}
}
