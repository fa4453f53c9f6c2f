package io.github.myomito.coloc;

import java.util.ArrayList;
import java.util.List;

/**
 * Object-based mitophagy read-outs from LC3 puncta and segmented mitochondria.
 * <p>
 * Rules: the region is the region mask (whole image when {@code null}); its size is
 * {@code #pixels · Π spacing}. A punctum is counted when its peak pixel lies in the region; its
 * mitochondrial context is (re)computed with {@link PunctaDetector#annotate} from the given mask and
 * labels. A mitochondrial object (label 1..mitoCount) is considered when it has ≥ 1 pixel in the region
 * and is LC3-positive when it is the {@link Punctum#mitoLabel()} of ≥ 1 counted on-mitochondria punctum.
 * Object sizes are whole-object pixel counts × pixel measure. Because fission precedes mitophagy, LC3-positive
 * fragments are expected to be smaller (G. Twig et al., EMBO J 27:433–446, 2008, doi:10.1038/sj.emboj.7601963).
 */
public final class MitophagyAnalysis {

	private MitophagyAnalysis() {}

	/**
	 * @param puncta detected puncta (annotated or not)
	 * @param mitoMask mitochondrial foreground (non-zero)
	 * @param mitoLabels mitochondrial labels 0..mitoCount (0 = background)
	 * @param mitoCount number of labels
	 * @param regionMaskOrNull analysed region or {@code null} for the whole image
	 * @param dims 2 or 3 axes
	 * @param spacing µm per pixel per axis
	 * @return the summary
	 * @throws IllegalArgumentException on inconsistent input (sizes, labels outside 0..mitoCount)
	 */
	public static MitophagyResult analyze(final List<Punctum> puncta, final byte[] mitoMask, final int[] mitoLabels,
		final int mitoCount, final byte[] regionMaskOrNull, final int[] dims, final double[] spacing) {
		final int size = PixelColocalisation.checkDims(dims, spacing);
		if (mitoLabels == null || mitoLabels.length != size)
			throw new IllegalArgumentException("mitochondrial labels are required and must have " + size + " pixels");
		if (mitoCount < 0) throw new IllegalArgumentException("mitoCount must be ≥ 0, got " + mitoCount);
		if (regionMaskOrNull != null && regionMaskOrNull.length != size)
			throw new IllegalArgumentException("region mask length " + regionMaskOrNull.length + " does not match dims (" + size + " pixels)");
		final List<Punctum> annotated = PunctaDetector.annotate(puncta, mitoMask, mitoLabels, dims, spacing);
		final double pm = PunctaDetector.measure(spacing);
		final long[] objSize = new long[mitoCount + 1];
		final boolean[] inRegion = new boolean[mitoCount + 1];
		long regionPixels = 0;
		for (int i = 0; i < size; i++) {
			final int l = mitoLabels[i];
			if (l < 0 || l > mitoCount)
				throw new IllegalArgumentException("label " + l + " at pixel " + i + " is outside 0.." + mitoCount);
			final boolean in = regionMaskOrNull == null || regionMaskOrNull[i] != 0;
			if (in) regionPixels++;
			objSize[l]++;
			if (in) inRegion[l] = true;
		}
		final boolean[] positive = new boolean[mitoCount + 1];
		final List<Punctum> counted = new ArrayList<>();
		int onMito = 0;
		for (final Punctum p : annotated) {
			if (regionMaskOrNull != null && regionMaskOrNull[p.peakIndex()] == 0) continue;
			counted.add(p);
			if (p.onMitochondria()) {
				onMito++;
				if (p.mitoLabel() > 0) positive[p.mitoLabel()] = true;
			}
		}
		int objects = 0, pos = 0;
		double sumPos = 0, sumNeg = 0;
		for (int l = 1; l <= mitoCount; l++) {
			if (!inRegion[l]) continue;
			objects++;
			if (positive[l]) {
				pos++;
				sumPos += objSize[l] * pm;
			} else sumNeg += objSize[l] * pm;
		}
		final int neg = objects - pos;
		return new MitophagyResult(dims.length, regionPixels * pm, counted.size(), onMito, objects, pos,
			pos > 0 ? sumPos / pos : Double.NaN, neg > 0 ? sumNeg / neg : Double.NaN, counted);
	}
}
