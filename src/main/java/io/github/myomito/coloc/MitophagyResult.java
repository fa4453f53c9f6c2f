package io.github.myomito.coloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable object-based mitophagy summary from {@link MitophagyAnalysis}. Areas are µm² for 2D images
 * and volumes µm³ for 3D images; the "per 100 µm²" densities are per 100 µm³ for 3D images. Ratios
 * with an empty denominator are NaN.
 */
public final class MitophagyResult {

	private final int dimensions;
	private final double regionArea;
	private final int punctaCount, onMitoCount, mitoObjectCount, lc3PositiveMitoCount;
	private final double punctaDensityPer100um2, onMitoFraction, mitophagosomeDensityPer100um2, lc3PositiveMitoFraction;
	private final double meanSizeLc3PositiveMito, meanSizeLc3NegativeMito;
	private final List<Punctum> puncta;

	MitophagyResult(final int dimensions, final double regionArea, final int punctaCount, final int onMitoCount,
		final int mitoObjectCount, final int lc3PositiveMitoCount, final double meanSizeLc3PositiveMito,
		final double meanSizeLc3NegativeMito, final List<Punctum> puncta) {
		this.dimensions = dimensions;
		this.regionArea = regionArea;
		this.punctaCount = punctaCount;
		this.onMitoCount = onMitoCount;
		this.mitoObjectCount = mitoObjectCount;
		this.lc3PositiveMitoCount = lc3PositiveMitoCount;
		this.punctaDensityPer100um2 = regionArea > 0 ? 100.0 * punctaCount / regionArea : Double.NaN;
		this.mitophagosomeDensityPer100um2 = regionArea > 0 ? 100.0 * onMitoCount / regionArea : Double.NaN;
		this.onMitoFraction = punctaCount > 0 ? (double) onMitoCount / punctaCount : Double.NaN;
		this.lc3PositiveMitoFraction = mitoObjectCount > 0 ? (double) lc3PositiveMitoCount / mitoObjectCount : Double.NaN;
		this.meanSizeLc3PositiveMito = meanSizeLc3PositiveMito;
		this.meanSizeLc3NegativeMito = meanSizeLc3NegativeMito;
		this.puncta = Collections.unmodifiableList(new ArrayList<>(puncta));
	}

	/** @return 2 or 3 */
	public int dimensions() { return dimensions; }

	/** @return analysed region area (µm²) or volume (µm³) */
	public double regionArea() { return regionArea; }

	/** @return puncta whose peak lies in the region */
	public int punctaCount() { return punctaCount; }

	/** @return 100 · punctaCount / regionArea */
	public double punctaDensityPer100um2() { return punctaDensityPer100um2; }

	/** @return puncta on mitochondria ("mitophagosomes") among {@link #punctaCount()} */
	public int onMitoCount() { return onMitoCount; }

	/** @return onMitoCount / punctaCount */
	public double onMitoFraction() { return onMitoFraction; }

	/** @return 100 · onMitoCount / regionArea */
	public double mitophagosomeDensityPer100um2() { return mitophagosomeDensityPer100um2; }

	/** @return number of mitochondrial objects with ≥ 1 pixel in the region */
	public int mitoObjectCount() { return mitoObjectCount; }

	/** @return objects that are the {@link Punctum#mitoLabel()} of ≥ 1 counted on-mitochondria punctum */
	public int lc3PositiveMitoCount() { return lc3PositiveMitoCount; }

	/** @return lc3PositiveMitoCount / mitoObjectCount */
	public double lc3PositiveMitoFraction() { return lc3PositiveMitoFraction; }

	/** @return mean size (µm² / µm³, whole object) of LC3-positive objects */
	public double meanSizeLc3PositiveMito() { return meanSizeLc3PositiveMito; }

	/** @return mean size (µm² / µm³, whole object) of LC3-negative objects */
	public double meanSizeLc3NegativeMito() { return meanSizeLc3NegativeMito; }

	/** @return the counted puncta, annotated with their mitochondrial context; unmodifiable */
	public List<Punctum> puncta() { return puncta; }

	@Override
	public String toString() {
		return "MitophagyResult[area=" + regionArea + ", puncta=" + punctaCount + ", onMito=" + onMitoCount + ", LC3+ mito="
			+ lc3PositiveMitoCount + "/" + mitoObjectCount + ", size+=" + meanSizeLc3PositiveMito + ", size-=" + meanSizeLc3NegativeMito + "]";
	}
}
