package io.github.myomito.coloc;

import java.util.SplittableRandom;

import io.github.myomito.image.Pixels;
import io.github.myomito.progress.Progress;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Pixel-based colocalisation of two channels (e.g. LC3 = ch1 and mitochondria = ch2) in 2D or 3D,
 * optionally inside a mask: Pearson (all / above / below thresholds), Manders M1, M2 and thresholded
 * tM1, tM2, Costes automatic thresholds and Costes randomisation P-value, Spearman ρ, Kendall τ-b and
 * Li's ICQ. Definitions are in {@link ColocResult}; see also S. Bolte and F. P. Cordelières, "A guided
 * tour into subcellular colocalization analysis in light microscopy", J Microsc 224:213–232, 2006,
 * doi:10.1111/j.1365-2818.2006.01706.x.
 * <p>
 * Pixels used: inside the mask (all pixels when the mask is {@code null}) with both values finite;
 * non-finite pixels are skipped with a warning. Costes randomisation ({@link BlockShuffle}) permutes
 * PSF-sized blocks of ch1 only among the pixels used, so values never cross the mask border; the
 * observed r is compared with the r of {@code N} shuffles: {@code P = #{r_rand < r_obs} / N}.
 * Undefined statistics are NaN with a warning; the method never throws on degenerate data.
 */
public final class PixelColocalisation {

	private PixelColocalisation() {}

	/**
	 * Computes all pixel-based colocalisation statistics.
	 *
	 * @param ch1 channel 1, flat order {@code x + w*(y + h*z)}
	 * @param ch2 channel 2, same size
	 * @param maskOrNull pixels to analyse (non-zero = used), or {@code null} for all
	 * @param dims image size (2 or 3 axes)
	 * @param spacing µm per pixel per axis (sets the randomisation block size)
	 * @param s settings
	 * @return the immutable result
	 * @throws IllegalArgumentException on null or inconsistent input
	 */
	public static ColocResult compute(final float[] ch1, final float[] ch2, final byte[] maskOrNull, final int[] dims,
		final double[] spacing, final ColocSettings s) {
		return compute(ch1, ch2, maskOrNull, dims, spacing, s, Progress.NONE);
	}

	/**
	 * imglib2 entry point: converts with {@link Pixels} (no copy for float {@code ArrayImg}s) and calls
	 * {@link #compute(float[], float[], byte[], int[], double[], ColocSettings, Progress)}.
	 *
	 * @param ch1 channel 1 (2D or 3D)
	 * @param ch2 channel 2, same size
	 * @param maskOrNull any real image, non-zero = used, or {@code null}
	 * @param spacing µm per pixel per axis
	 * @param s settings
	 * @param progress progress sink, or {@code null}
	 * @return the immutable result
	 */
	public static ColocResult compute(final RandomAccessibleInterval<? extends RealType<?>> ch1,
		final RandomAccessibleInterval<? extends RealType<?>> ch2, final RandomAccessibleInterval<? extends RealType<?>> maskOrNull,
		final double[] spacing, final ColocSettings s, final Progress progress) {
		if (ch1 == null || ch2 == null) throw new IllegalArgumentException("both channels are required");
		final int[] dims = Pixels.dims(ch1);
		if (!java.util.Arrays.equals(dims, Pixels.dims(ch2)) || (maskOrNull != null && !java.util.Arrays.equals(dims, Pixels.dims(maskOrNull))))
			throw new IllegalArgumentException("channels and mask differ in size");
		return compute(Pixels.floats(ch1), Pixels.floats(ch2), maskOrNull == null ? null : Pixels.mask(maskOrNull), dims, spacing, s,
			progress);
	}

	/**
	 * As {@link #compute(float[], float[], byte[], int[], double[], ColocSettings)}, reporting the
	 * randomisations to {@code progress} and checking it for cancellation between them.
	 *
	 * @param ch1 channel 1, flat order {@code x + w*(y + h*z)}
	 * @param ch2 channel 2, same size
	 * @param maskOrNull pixels to analyse (non-zero = used), or {@code null} for all
	 * @param dims image size (2 or 3 axes)
	 * @param spacing µm per pixel per axis
	 * @param s settings
	 * @param progress progress sink, or {@code null}
	 * @return the immutable result
	 * @throws java.util.concurrent.CancellationException when the user cancels
	 */
	public static ColocResult compute(final float[] ch1, final float[] ch2, final byte[] maskOrNull, final int[] dims,
		final double[] spacing, final ColocSettings s, final Progress progress) {
		return compute(ch1, ch2, maskOrNull, dims, spacing, s, progress, null);
	}

	/**
	 * As {@link #compute(float[], float[], byte[], int[], double[], ColocSettings, Progress)}, with the rank
	 * statistics (Spearman, Kendall: two sorts of the pixel values) run on {@code executor} while this thread
	 * computes the thresholds and the randomisations. The caller chooses the parallelism; the numbers are
	 * identical to a serial run.
	 *
	 * @param executor where to run the rank statistics, or null to run everything on this thread
	 */
	public static ColocResult compute(final float[] ch1, final float[] ch2, final byte[] maskOrNull, final int[] dims,
		final double[] spacing, final ColocSettings s, final Progress progress, final java.util.concurrent.ExecutorService executor) {
		final Progress pr = progress == null ? Progress.NONE : progress;
		final int size = validate(ch1, ch2, maskOrNull, dims, spacing);
		if (s == null) throw new IllegalArgumentException("settings must not be null");
		final ColocResult.Draft r = new ColocResult.Draft();
		final byte[] used = new byte[size];
		int n = 0, nonFinite = 0;
		for (int i = 0; i < size; i++) {
			if (maskOrNull != null && maskOrNull[i] == 0) continue;
			if (!Float.isFinite(ch1[i]) || !Float.isFinite(ch2[i])) {
				nonFinite++;
				continue;
			}
			used[i] = 1;
			n++;
		}
		if (nonFinite > 0) r.warnings.add(nonFinite + " pixel(s) with NaN or infinite values were skipped");
		r.n = n;
		r.randomisations = 0;
		if (n < 2) {
			r.warnings.add("only " + n + " pixel(s) to analyse: statistics undefined");
			return new ColocResult(r);
		}
		final float[] x = new float[n], y = new float[n];
		int k = 0;
		boolean negative = false;
		for (int i = 0; i < size; i++)
			if (used[i] != 0) {
				x[k] = ch1[i];
				y[k] = ch2[i];
				if (x[k] < 0 || y[k] < 0) negative = true;
				k++;
			}
		if (negative) r.warnings.add("negative intensities present: Manders coefficients assume non-negative intensities");
		final boolean const1 = isConstant(x), const2 = isConstant(y);
		if (const1) r.warnings.add("channel 1 is constant in the analysed pixels: correlation statistics are undefined (NaN)");
		if (const2) r.warnings.add("channel 2 is constant in the analysed pixels: correlation statistics are undefined (NaN)");

		final boolean ranks = !const1 && !const2 && s.rankStatistics();
		final java.util.concurrent.Future<double[]> rankTask = ranks && executor != null ? executor.submit(() -> RankStatistics.spearmanAndKendall(x, y)) : null;
		r.pearson = RankStatistics.pearson(x, y);
		manders(x, y, r);
		thresholds(x, y, s.thresholdMode(), r);
		if (!const1 && !const2) {
			if (ranks && rankTask == null) {
				final double[] rank = RankStatistics.spearmanAndKendall(x, y);
				r.spearman = rank[0];
				r.kendallTau = rank[1];
			}
			r.liIcq = RankStatistics.liIcq(x, y);
		}
		if (s.randomisations() > 0) {
			if (Double.isNaN(r.pearson)) r.warnings.add("Costes randomisation skipped: Pearson's r is undefined");
			else {
				pr.status("Costes randomisation (" + s.randomisations() + " shuffles)");
				randomise(ch1, ch2, used, dims, s.blockSizePx(spacing), s, x, y, r, pr);
			}
		}
		if (rankTask != null) {
			try {
				final double[] rank = rankTask.get();
				r.spearman = rank[0];
				r.kendallTau = rank[1];
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new java.util.concurrent.CancellationException("interrupted");
			}
			catch (final java.util.concurrent.ExecutionException e) {
				throw new IllegalStateException("rank statistics failed: " + e.getCause(), e.getCause());
			}
		}
		return new ColocResult(r);
	}

	private static void manders(final float[] x, final float[] y, final ColocResult.Draft r) {
		double s1 = 0, s2 = 0, s1c = 0, s2c = 0;
		for (int i = 0; i < x.length; i++) {
			s1 += x[i];
			s2 += y[i];
			if (y[i] > 0) s1c += x[i];
			if (x[i] > 0) s2c += y[i];
		}
		if (s1 != 0) r.mandersM1 = s1c / s1;
		else r.warnings.add("channel 1 sums to 0: M1 undefined");
		if (s2 != 0) r.mandersM2 = s2c / s2;
		else r.warnings.add("channel 2 sums to 0: M2 undefined");
		if (r.mandersM1 >= SATURATED_MANDERS && r.mandersM2 >= SATURATED_MANDERS) r.warnings.add(MANDERS_SATURATED_WARNING);
	}

	/** M1 and M2 at or above this are "everything overlaps": the zero background was not removed. */
	static final double SATURATED_MANDERS = 0.999;

	/**
	 * Warning when M1 and M2 are both ≈ 1: Manders' coefficients count the other channel's pixels above 0, and without
	 * a zero background (no background subtraction, offset camera, noise) every pixel is above 0.
	 */
	public static final String MANDERS_SATURATED_WARNING = "Manders M1 and M2 are ≈ 1 because almost no pixel of either channel is 0 "
		+ "(background not removed): they measure nothing here; use manders_tm1/manders_tm2 (above the Costes thresholds)";

	private static void thresholds(final float[] x, final float[] y, final ThresholdMode mode, final ColocResult.Draft r) {
		double t1, t2;
		if (mode.kind() == ThresholdMode.Kind.MANUAL) {
			t1 = mode.threshold1();
			t2 = mode.threshold2();
		} else {
			final CostesThreshold c = CostesThreshold.compute(x, y);
			t1 = c.threshold1();
			t2 = c.threshold2();
			r.regressionSlope = c.slope();
			r.regressionIntercept = c.intercept();
			if (c.warning() != null) r.warnings.add(c.warning());
		}
		r.threshold1 = t1;
		r.threshold2 = t2;
		if (Double.isNaN(t1) || Double.isNaN(t2)) return;
		int nAbove = 0;
		double s1t = 0, s2t = 0, s1c = 0, s2c = 0;
		// Coloc 2's tM1/tM2 (Costes et al. 2004): ch1 where ch2 is above zero and at or above T2, over all ch1 of the region
		double s1 = 0, s2 = 0, s1w = 0, s2w = 0;
		for (int i = 0; i < x.length; i++) {
			final boolean a1 = x[i] > t1, a2 = y[i] > t2;
			s1 += x[i];
			s2 += y[i];
			if (y[i] > 0 && y[i] >= t2) s1w += x[i];
			if (x[i] > 0 && x[i] >= t1) s2w += y[i];
			if (a1) s1t += x[i];
			if (a2) s2t += y[i];
			if (a1 && a2) {
				s1c += x[i];
				s2c += y[i];
				nAbove++;
			}
		}
		r.mandersTM1 = s1 != 0 ? s1w / s1 : Double.NaN;
		r.mandersTM2 = s2 != 0 ? s2w / s2 : Double.NaN;
		r.mandersTM1AboveT1 = s1t != 0 ? s1c / s1t : Double.NaN;
		r.mandersTM2AboveT2 = s2t != 0 ? s2c / s2t : Double.NaN;
		if (s1t == 0 || s2t == 0) r.warnings.add("no pixel above a threshold: thresholded Manders undefined");
		final float[] ax = new float[nAbove], ay = new float[nAbove];
		final float[] bx = new float[x.length - nAbove], by = new float[x.length - nAbove];
		int ia = 0, ib = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > t1 && y[i] > t2) {
				ax[ia] = x[i];
				ay[ia++] = y[i];
			} else {
				bx[ib] = x[i];
				by[ib++] = y[i];
			}
		}
		r.pearsonAbove = RankStatistics.pearson(ax, ay);
		r.pearsonBelow = RankStatistics.pearson(bx, by);
	}

	private static void randomise(final float[] ch1, final float[] ch2, final byte[] used, final int[] dims, final int[] block,
		final ColocSettings s, final float[] x, final float[] y, final ColocResult.Draft r, final Progress pr) {
		final BlockShuffle shuffle = new BlockShuffle(used, dims, block);
		if (shuffle.fullBlocks() < 2)
			r.warnings.add("fewer than 2 PSF-sized blocks fit in the mask: randomisation shuffles single pixels");
		double m1 = 0, m2 = 0;
		for (int i = 0; i < x.length; i++) {
			m1 += x[i];
			m2 += y[i];
		}
		m1 /= x.length;
		m2 /= x.length;
		double sxx = 0, syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxx += (x[i] - m1) * (x[i] - m1);
			syy += (y[i] - m2) * (y[i] - m2);
		}
		final double norm = Math.sqrt(sxx * syy);
		final SplittableRandom rnd = new SplittableRandom(s.seed());
		final int[] bp = shuffle.newBlockPerm(), pp = shuffle.newPixelPerm();
		final int nr = s.randomisations();
		final double[][] centred = shuffle.centred(ch1, ch2, m1, m2);
		int below = 0;
		double sum = 0, sumSq = 0;
		for (int it = 0; it < nr; it++) {
			pr.checkCancelled();
			pr.progress(it, nr);
			shuffle.draw(rnd, bp, pp);
			final double rr = Math.max(-1, Math.min(1, shuffle.centredCrossProduct(centred, bp, pp) / norm));
			if (rr < r.pearson) below++;
			sum += rr;
			sumSq += rr * rr;
		}
		r.randomisations = nr;
		r.costesP = (double) below / nr;
		r.costesFractionAtOrAbove = (double) (nr - below) / nr;
		r.randomisedMean = sum / nr;
		r.randomisedSD = nr > 1 ? Math.sqrt(Math.max(0, (sumSq - sum * sum / nr) / (nr - 1))) : Double.NaN;
	}

	/**
	 * One randomisation's source map, exactly as used by {@link #compute} for the first shuffle with
	 * this seed: {@code map[i]} = the flat index whose ch1 value pixel i receives, −1 outside the mask.
	 * Package-private instrument for tests.
	 */
	static int[] shuffleSourceMap(final byte[] mask, final int[] dims, final int[] block, final long seed) {
		final BlockShuffle shuffle = new BlockShuffle(mask, dims, block);
		final int[] bp = shuffle.newBlockPerm(), pp = shuffle.newPixelPerm();
		shuffle.draw(new SplittableRandom(seed), bp, pp);
		return shuffle.sourceMap(mask.length, bp, pp);
	}

	private static boolean isConstant(final float[] v) {
		for (int i = 1; i < v.length; i++)
			if (v[i] != v[0]) return false;
		return true;
	}

	/** Validates the common image arguments; @return the number of pixels. */
	static int validate(final float[] ch1, final float[] ch2, final byte[] mask, final int[] dims, final double[] spacing) {
		if (ch1 == null || ch2 == null) throw new IllegalArgumentException("both channels are required");
		final int size = checkDims(dims, spacing);
		if (ch1.length != size || ch2.length != size)
			throw new IllegalArgumentException("channel lengths " + ch1.length + ", " + ch2.length + " do not match dims (" + size + " pixels)");
		if (mask != null && mask.length != size)
			throw new IllegalArgumentException("mask length " + mask.length + " does not match dims (" + size + " pixels)");
		return size;
	}

	/** Checks dims (2 or 3 positive axes) and spacing (positive, finite, one per axis); @return pixel count. */
	static int checkDims(final int[] dims, final double[] spacing) {
		if (dims == null || dims.length < 2 || dims.length > 3)
			throw new IllegalArgumentException("dims must have 2 or 3 axes");
		long size = 1;
		for (final int d : dims) {
			if (d < 1) throw new IllegalArgumentException("every axis must have ≥ 1 pixel, got " + java.util.Arrays.toString(dims));
			size *= d;
		}
		if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("image too large: " + size + " pixels");
		if (spacing == null || spacing.length != dims.length)
			throw new IllegalArgumentException("spacing must have one entry per axis (" + dims.length + ")");
		for (final double sp : spacing)
			if (!(sp > 0) || Double.isInfinite(sp))
				throw new IllegalArgumentException("spacing must be positive and finite, got " + java.util.Arrays.toString(spacing));
		return (int) size;
	}
}
