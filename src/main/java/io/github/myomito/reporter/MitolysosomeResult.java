package io.github.myomito.reporter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mitolysosomes of one region with the threshold that found them.
 */
public final class MitolysosomeResult {

	private final List<Mitolysosome> mitolysosomes;
	private final double ratioThreshold, medianRatio, acidFloor;
	private final boolean userThreshold;

	MitolysosomeResult(final List<Mitolysosome> m, final double ratioThreshold, final double medianRatio, final double acidFloor, final boolean userThreshold) {
		this.mitolysosomes = Collections.unmodifiableList(new ArrayList<>(m));
		this.ratioThreshold = ratioThreshold;
		this.medianRatio = medianRatio;
		this.acidFloor = acidFloor;
		this.userThreshold = userThreshold;
	}

	/** @return the mitolysosomes, unmodifiable. */
	public List<Mitolysosome> mitolysosomes() { return mitolysosomes; }
	/** @return the acid/neutral ratio threshold used. */
	public double ratioThreshold() { return ratioThreshold; }
	/** @return the median acid/neutral ratio of the region's reporter-positive pixels (the neutral, mitochondrial ratio). */
	public double medianRatio() { return medianRatio; }
	/** @return the acid-intensity floor (background-corrected grey values). */
	public double acidFloor() { return acidFloor; }
	/** @return whether the threshold was given by the user. */
	public boolean userThreshold() { return userThreshold; }
	/** @return number of mitolysosomes. */
	public int count() { return mitolysosomes.size(); }

	/** @return summed size, µm² (µm³). */
	public double totalSize() {
		double s = 0;
		for (final Mitolysosome m : mitolysosomes) s += m.size();
		return s;
	}

	/** @return mean size, µm² (µm³); NaN when there are none. */
	public double meanSize() {
		return mitolysosomes.isEmpty() ? Double.NaN : totalSize() / mitolysosomes.size();
	}

	/**
	 * The mitolysosomes whose centroid falls in a part of the region (the subsarcolemmal band or the
	 * IMF interior), so that the parts of a fibre share its threshold and add up to it.
	 *
	 * @param part flags in the same crop as the detection (null = all)
	 * @param dims crop dimensions
	 * @param spacing µm per pixel
	 * @return the subset, same threshold
	 */
	public MitolysosomeResult within(final byte[] part, final int[] dims, final double[] spacing) {
		if (part == null) return this;
		final List<Mitolysosome> in = new ArrayList<>();
		for (final Mitolysosome m : mitolysosomes) {
			final double[] p = m.positionUm();
			int idx = 0, stride = 1;
			for (int d = 0; d < dims.length; d++) {
				final int c = (int) Math.max(0, Math.min(dims[d] - 1, Math.round(p[d] / spacing[d])));
				idx += c * stride;
				stride *= dims[d];
			}
			if (part[idx] != 0) in.add(m);
		}
		return new MitolysosomeResult(in, ratioThreshold, medianRatio, acidFloor, userThreshold);
	}
}
