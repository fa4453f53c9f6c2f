package io.github.myomito.pipeline;

import java.util.ArrayList;
import java.util.List;

import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.reporter.MarkerIntensity;
import io.github.myomito.reporter.MitolysosomeDetector;
import io.github.myomito.reporter.MitolysosomeResult;

/**
 * The reporter and fibre-type readouts of an analysed image (#15), computed on the regions that the network
 * chain already analysed: the mitolysosomes of each fibre ({@link MitolysosomeDetector} on its crop, region
 * and mitochondrial labels; a fibre's subsarcolemmal band and IMF interior take the fibre's mitolysosomes
 * whose centroid lies in them, so the parts share its threshold and add up to it) and each fibre's
 * background-corrected marker intensity ({@link MarkerIntensity}; the parts take the fibre's value).
 */
final class ReporterReadouts {

	private ReporterReadouts() {}

	/** @return one result per entry of {@code fibres} */
	static List<MitolysosomeResult> mitolysosomes(final FibreImage img, final List<RegionAnalysis> fibres, final int[] dims, final AnalysisSettings s) {
		final float[] acid = Pixels.floats(img.channel(channel(img, s.reporter().acidChannel(), "reporter acid") - 1));
		final float[] neutral = Pixels.floats(img.channel(s.reporter().neutralChannel() - 1));
		final List<MitolysosomeResult> out = new ArrayList<>();
		MitolysosomeResult whole = null;
		for (final RegionAnalysis f : fibres) {
			if (f.part == RegionAnalysis.Part.ALL) {
				whole = MitolysosomeDetector.detect(crop(acid, dims, f), crop(neutral, dims, f), f.dims, f.spacing, f.region, f.segmentation.labels().labels(), s.reporter());
				out.add(whole);
			}
			else out.add(whole.within(f.region, f.dims, f.spacing));
		}
		return out;
	}

	/** @return one marker intensity per entry of {@code fibres} */
	static List<MarkerIntensity> markers(final FibreImage img, final List<RegionAnalysis> fibres, final int[] dims, final int[] fibreLabels, final AnalysisSettings s) {
		final float[] marker = Pixels.floats(img.channel(channel(img, s.fibreType().channel(), "fibre-type marker") - 1));
		final double bg = MarkerIntensity.background(marker, dims[0] * dims[1], fibreLabels);
		final List<MarkerIntensity> out = new ArrayList<>();
		MarkerIntensity whole = null;
		for (final RegionAnalysis f : fibres) {
			if (f.part == RegionAnalysis.Part.ALL) whole = MarkerIntensity.measure(crop(marker, dims, f), f.region, bg);
			out.add(whole);
		}
		return out;
	}

	/** @return the mitochondrial area (volume) of a region: mask pixels in it × pixel measure */
	static double mitoSize(final RegionAnalysis f) {
		final byte[] m = f.segmentation.mask();
		long n = 0;
		for (int i = 0; i < m.length; i++) if (m[i] != 0 && (f.region == null || f.region[i] != 0)) n++;
		double px = n;
		for (int d = 0; d < f.dims.length; d++) px *= f.spacing[d];
		return px;
	}

	private static int channel(final FibreImage img, final int c, final String what) {
		if (c > img.numChannels())
			throw new IllegalArgumentException(img.source() + ": " + what + " channel " + c + " requested but the image has " + img.numChannels() + " channel" + (img.numChannels() == 1 ? "" : "s"));
		return c;
	}

	private static float[] crop(final float[] data, final int[] dims, final RegionAnalysis f) {
		final int w = dims[0], h = dims[1];
		final int cw = f.dims[0], ch = f.dims[1], nz = f.dims.length > 2 ? f.dims[2] : 1;
		if (cw == w && ch == h && f.offset[0] == 0 && f.offset[1] == 0) return data;
		final float[] out = new float[cw * ch * nz];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ch; y++)
				System.arraycopy(data, f.offset[0] + w * (f.offset[1] + y + h * z), out, cw * (y + ch * z), cw);
		return out;
	}
}
