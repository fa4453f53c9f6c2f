package io.github.myomito.simulate;

import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable parameters of a muscle-fibre phantom ({@link PhantomSimulator}). All lengths are in
 * micrometres; every pixel size is derived from {@link #pixelUm()} and {@link #zStepUm()}.
 * <p>
 * Start from {@link #forPattern(Pattern)} (realistic defaults per phenotype) and change what you need
 * with {@link #toBuilder()}. {@link Builder#build()} validates everything and throws
 * {@link IllegalArgumentException} naming the offending parameter.
 * <p>
 * Geometry: the fibre is a {@code fibreLengthUm × fibreWidthUm} rectangle (× the stack depth in 3D)
 * centred in the image, its long axis at {@code axisDeg} degrees counter-clockwise from the image x
 * axis as displayed (ImageJ angle convention). Because image y points down, the axis direction in pixel
 * coordinates is {@code e_u = (cos a, −sin a)}; the across-fibre direction is {@code e_v = (sin a, cos a)}.
 * <p>
 * Phenotype parameters in [0, 1]:
 * <ul>
 * <li>{@code connectivity}: lattice patterns — probability that each lattice element (transverse piece,
 * longitudinal link, z link) is present, decided by comparing one uniform draw per element (drawn whatever
 * the value) with the parameter, so for a fixed seed the element sets are nested and every connectivity
 * measure is monotone in it; fragment patterns — probability that a rod is joined to side branches.</li>
 * <li>{@code fragmentation}: lattice — probability that a present element is cut by a fission gap;
 * fragments — raises the share of puncta ({@code 0.2 + 0.6 f}) and shortens rods
 * ({@code (0.6 + 2.4 (1 − f)) µm} mean length).</li>
 * <li>{@code swelling}: radius of puncta = tube radius × {@code (1 + 3 s)}; rods get radius × {@code (1 + 0.5 s)}.</li>
 * </ul>
 */
public final class PhantomSettings {

	/** Largest {@link #supersample()}: 8 × 8 sub-pixels per pixel. */
	public static final int MAX_SUPERSAMPLE = 8;

	private final Pattern pattern;
	private final long seed;
	private final double fibreWidthUm, fibreLengthUm, axisDeg, sarcomereUm, myofibrilUm, pixelUm;
	private final int zSlices, supersample;
	private final double zStepUm, tubeDiameterUm, borderUm;
	private final double connectivity, fragmentation, swelling, fragmentDensityPer100um2;
	private final boolean subsarcolemmal;
	private final double lc3DensityPer100um2, mitophagyLevel, lc3RadiusUm;
	private final double psfSigmaUm, psfSigmaZUm, signalPhotons, lc3Photons, lc3DiffusePhotons, backgroundPhotons,
		backgroundGradient, gain, gaussianNoise;

	private PhantomSettings(final Builder b) {
		pattern = Objects.requireNonNull(b.pattern, "pattern");
		seed = b.seed;
		fibreWidthUm = positive("fibreWidthUm", b.fibreWidthUm);
		fibreLengthUm = positive("fibreLengthUm", b.fibreLengthUm);
		if (!(b.axisDeg >= 0 && b.axisDeg <= 180)) throw new IllegalArgumentException("axisDeg must be in [0, 180], got " + b.axisDeg);
		axisDeg = b.axisDeg;
		sarcomereUm = positive("sarcomereUm", b.sarcomereUm);
		myofibrilUm = positive("myofibrilUm", b.myofibrilUm);
		pixelUm = positive("pixelUm", b.pixelUm);
		if (b.zSlices < 1) throw new IllegalArgumentException("zSlices must be at least 1, got " + b.zSlices);
		zSlices = b.zSlices;
		if (b.supersample < 1 || b.supersample > MAX_SUPERSAMPLE)
			throw new IllegalArgumentException("supersample must be 1–" + MAX_SUPERSAMPLE + " sub-pixels per pixel side, got " + b.supersample);
		supersample = b.supersample;
		zStepUm = positive("zStepUm", b.zStepUm);
		tubeDiameterUm = positive("tubeDiameterUm", b.tubeDiameterUm);
		borderUm = nonNegative("borderUm", b.borderUm);
		connectivity = unit("connectivity", b.connectivity);
		fragmentation = unit("fragmentation", b.fragmentation);
		swelling = unit("swelling", b.swelling);
		fragmentDensityPer100um2 = nonNegative("fragmentDensityPer100um2", b.fragmentDensityPer100um2);
		subsarcolemmal = b.subsarcolemmal;
		lc3DensityPer100um2 = nonNegative("lc3DensityPer100um2", b.lc3DensityPer100um2);
		mitophagyLevel = unit("mitophagyLevel", b.mitophagyLevel);
		lc3RadiusUm = positive("lc3RadiusUm", b.lc3RadiusUm);
		psfSigmaUm = nonNegative("psfSigmaUm", b.psfSigmaUm);
		psfSigmaZUm = nonNegative("psfSigmaZUm", b.psfSigmaZUm);
		signalPhotons = nonNegative("signalPhotons", b.signalPhotons);
		lc3Photons = nonNegative("lc3Photons", b.lc3Photons);
		lc3DiffusePhotons = nonNegative("lc3DiffusePhotons", b.lc3DiffusePhotons);
		backgroundPhotons = nonNegative("backgroundPhotons", b.backgroundPhotons);
		backgroundGradient = unit("backgroundGradient", b.backgroundGradient);
		gain = positive("gain", b.gain);
		gaussianNoise = nonNegative("gaussianNoise", b.gaussianNoise);
		// recoverability at the pixel size
		final double renderUm = pixelUm / supersample;
		if (tubeDiameterUm < 2 * renderUm)
			throw new IllegalArgumentException("tubeDiameterUm " + tubeDiameterUm + " is thinner than 2 " + (supersample > 1 ? "sub-pixels (" : "pixels (") + 2 * renderUm
				+ " µm): tubes would not render connected" + (supersample > 1 ? "" : "; render supersampled (supersample ≥ " + (int) Math.ceil(2 * pixelUm / tubeDiameterUm) + ") for larger pixels"));
		final double gap = PhantomSimulator.minGapUm(this);
		if (myofibrilUm - tubeDiameterUm - 2 * PhantomSimulator.JITTER_V * myofibrilUm < gap)
			throw new IllegalArgumentException("myofibrilUm " + myofibrilUm + " leaves less than " + gap + " µm between parallel tubes of diameter " + tubeDiameterUm);
		if (sarcomereUm - tubeDiameterUm - 2 * PhantomSimulator.JITTER_U * sarcomereUm < gap)
			throw new IllegalArgumentException("sarcomereUm " + sarcomereUm + " leaves less than " + gap + " µm between transverse tubes of diameter " + tubeDiameterUm);
		if (fibreWidthUm < 4 * myofibrilUm)
			throw new IllegalArgumentException("fibreWidthUm " + fibreWidthUm + " must be at least 4 myofibril spacings (" + 4 * myofibrilUm + " µm)");
		if (fibreLengthUm < 2 * sarcomereUm)
			throw new IllegalArgumentException("fibreLengthUm " + fibreLengthUm + " must be at least 2 sarcomeres (" + 2 * sarcomereUm + " µm)");
		final double px = (fibreLengthUm + fibreWidthUm + 2 * borderUm) / renderUm;
		if (px * px * zSlices > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("image too large: about " + (long) (px * px * zSlices) + " voxels");
	}

	private static double positive(final String name, final double v) {
		if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
		return v;
	}

	private static double nonNegative(final String name, final double v) {
		if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be zero or positive and finite, got " + v);
		return v;
	}

	private static double unit(final String name, final double v) {
		if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
		return v;
	}

	/**
	 * Realistic defaults for a phenotype: a 30 × 20 µm fibre at 0.1 µm/pixel (an image of 340 × 240
	 * pixels at axis 0°), sarcomere 2.2 µm, myofibril spacing 1 µm, tube diameter 0.3 µm, confocal PSF
	 * σ = 0.12 µm, 2D, seed 1.
	 * <table>
	 * <caption>pattern defaults</caption>
	 * <tr><th>pattern</th><th>connectivity</th><th>fragmentation</th><th>swelling</th><th>tube Ø µm</th><th>fragments /100 µm²</th><th>mitophagy</th></tr>
	 * <tr><td>oxidative-lattice</td><td>0.85</td><td>0.05</td><td>0</td><td>0.3</td><td>–</td><td>0.2</td></tr>
	 * <tr><td>glycolytic-fragmented</td><td>0.15</td><td>0.4</td><td>0.1</td><td>0.3</td><td>20</td><td>0.3</td></tr>
	 * <tr><td>fission-fragmented</td><td>0.05</td><td>0.9</td><td>0.1</td><td>0.3</td><td>45</td><td>0.6</td></tr>
	 * <tr><td>hyperfused</td><td>0.98</td><td>0</td><td>0</td><td>0.5</td><td>–</td><td>0.1</td></tr>
	 * <tr><td>swollen</td><td>0.05</td><td>0.7</td><td>0.8</td><td>0.3</td><td>12</td><td>0.5</td></tr>
	 * </table>
	 * Hyperfused fibres use a 1.5 µm myofibril spacing so that their thick tubes stay resolvable.
	 *
	 * @param pattern the phenotype
	 * @return validated default settings for it
	 */
	public static PhantomSettings forPattern(final Pattern pattern) {
		final Builder b = new Builder(Objects.requireNonNull(pattern, "pattern"));
		switch (pattern) {
			case OXIDATIVE_LATTICE:
				return b.connectivity(0.85).fragmentation(0.05).swelling(0).mitophagyLevel(0.2).build();
			case GLYCOLYTIC_FRAGMENTED:
				return b.connectivity(0.15).fragmentation(0.4).swelling(0.1).fragmentDensityPer100um2(20).mitophagyLevel(0.3).build();
			case FISSION_FRAGMENTED:
				return b.connectivity(0.05).fragmentation(0.9).swelling(0.1).fragmentDensityPer100um2(45).mitophagyLevel(0.6).build();
			case HYPERFUSED:
				return b.connectivity(0.98).fragmentation(0).swelling(0).tubeDiameterUm(0.5).myofibrilUm(1.5).mitophagyLevel(0.1).build();
			case SWOLLEN:
				return b.connectivity(0.05).fragmentation(0.7).swelling(0.8).fragmentDensityPer100um2(12).mitophagyLevel(0.5).build();
			default:
				throw new IllegalArgumentException("no defaults for " + pattern);
		}
	}

	/** @return a builder pre-filled with these settings. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** @return the phenotype drawn. */
	public Pattern pattern() { return pattern; }
	/** @return the random seed; the same settings always give the same phantom. */
	public long seed() { return seed; }
	/** @return fibre width across its axis, µm. */
	public double fibreWidthUm() { return fibreWidthUm; }
	/** @return fibre length along its axis, µm. */
	public double fibreLengthUm() { return fibreLengthUm; }
	/** @return fibre axis, degrees counter-clockwise from the image x axis as displayed, in [0, 180]. */
	public double axisDeg() { return axisDeg; }
	/** @return sarcomere length (period of the transverse elements), µm. */
	public double sarcomereUm() { return sarcomereUm; }
	/** @return myofibril spacing (distance between longitudinal lattice elements), µm. */
	public double myofibrilUm() { return myofibrilUm; }
	/** @return pixel size in x and y, µm. */
	public double pixelUm() { return pixelUm; }
	/** @return number of z slices; 1 gives a 2D image. */
	public int zSlices() { return zSlices; }
	/**
	 * @return sub-pixels per pixel side in x and y: 1 renders point-sampled at the pixel centres; k &gt; 1 renders the
	 *         geometry, LC3 and PSF on a grid k times finer and integrates k × k sub-pixels per camera pixel before
	 *         the noise (see {@link PhantomSimulator})
	 */
	public int supersample() { return supersample; }
	/** @return z step between slices, µm (used only when {@code zSlices > 1}). */
	public double zStepUm() { return zStepUm; }
	/** @return mitochondrial tube diameter, µm. */
	public double tubeDiameterUm() { return tubeDiameterUm; }
	/** @return empty border around the fibre's bounding box, µm. */
	public double borderUm() { return borderUm; }
	/** @return see the class description, in [0, 1]. */
	public double connectivity() { return connectivity; }
	/** @return see the class description, in [0, 1]. */
	public double fragmentation() { return fragmentation; }
	/** @return see the class description, in [0, 1]. */
	public double swelling() { return swelling; }
	/** @return number of fragments per 100 µm² of fibre (fragment patterns only). */
	public double fragmentDensityPer100um2() { return fragmentDensityPer100um2; }
	/** @return whether a subsarcolemmal band of short rods is drawn along both fibre edges. */
	public boolean subsarcolemmal() { return subsarcolemmal; }
	/** @return LC3 puncta per 100 µm² of fibre area (of the fibre's x-y footprint). */
	public double lc3DensityPer100um2() { return lc3DensityPer100um2; }
	/** @return fraction of LC3 puncta centred on a mitochondrion, in [0, 1]. */
	public double mitophagyLevel() { return mitophagyLevel; }
	/** @return LC3 punctum radius, µm. */
	public double lc3RadiusUm() { return lc3RadiusUm; }
	/** @return lateral Gaussian PSF σ, µm (0 = no blur). */
	public double psfSigmaUm() { return psfSigmaUm; }
	/** @return axial Gaussian PSF σ, µm (3D only). */
	public double psfSigmaZUm() { return psfSigmaZUm; }
	/** @return expected photons per pixel inside a mitochondrion before blur. */
	public double signalPhotons() { return signalPhotons; }
	/** @return expected photons per pixel inside an LC3 punctum before blur. */
	public double lc3Photons() { return lc3Photons; }
	/** @return expected diffuse (cytosolic) LC3 photons per pixel inside the fibre. */
	public double lc3DiffusePhotons() { return lc3DiffusePhotons; }
	/** @return mean background photons per pixel (both channels). */
	public double backgroundPhotons() { return backgroundPhotons; }
	/** @return relative background change across the image along x, in [0, 1]: {@code b(x) = B (1 + g (x/W − 1/2))}. */
	public double backgroundGradient() { return backgroundGradient; }
	/** @return grey levels per detected photon. */
	public double gain() { return gain; }
	/** @return standard deviation of the Gaussian read noise, grey levels. */
	public double gaussianNoise() { return gaussianNoise; }

	private Object[] values() {
		return new Object[] { pattern, seed, fibreWidthUm, fibreLengthUm, axisDeg, sarcomereUm, myofibrilUm, pixelUm, zSlices, supersample, zStepUm,
			tubeDiameterUm, borderUm, connectivity, fragmentation, swelling, fragmentDensityPer100um2, subsarcolemmal, lc3DensityPer100um2,
			mitophagyLevel, lc3RadiusUm, psfSigmaUm, psfSigmaZUm, signalPhotons, lc3Photons, lc3DiffusePhotons, backgroundPhotons,
			backgroundGradient, gain, gaussianNoise };
	}

	/** @return {@code true} when {@code o} is a {@code PhantomSettings} with all the same values (so the same phantom). */
	@Override
	public boolean equals(final Object o) {
		return o instanceof PhantomSettings && Arrays.equals(values(), ((PhantomSettings) o).values());
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(values());
	}

	@Override
	public String toString() {
		return "PhantomSettings[" + pattern.id() + ", seed " + seed + ", fibre " + fibreLengthUm + " × " + fibreWidthUm + " µm at " + axisDeg
			+ "°, pixel " + pixelUm + " µm" + (supersample > 1 ? " (" + supersample + "× supersampled)" : "") + (zSlices > 1 ? ", " + zSlices + " slices × " + zStepUm + " µm" : "") + ", connectivity "
			+ connectivity + ", fragmentation " + fragmentation + ", swelling " + swelling + ", mitophagy " + mitophagyLevel + "]";
	}

	/**
	 * @param pattern the phenotype
	 * @return a builder pre-filled with {@link #forPattern(Pattern) forPattern(pattern)}
	 */
	public static Builder builder(final Pattern pattern) {
		return forPattern(pattern).toBuilder();
	}

	/** Mutable builder; {@link #build()} validates. */
	public static final class Builder {
		private Pattern pattern;
		private long seed = 1;
		private double fibreWidthUm = 20, fibreLengthUm = 30, axisDeg = 0, sarcomereUm = 2.2, myofibrilUm = 1.0, pixelUm = 0.1;
		private int zSlices = 1, supersample = 1;
		private double zStepUm = 0.3, tubeDiameterUm = 0.3, borderUm = 2;
		private double connectivity = 0.85, fragmentation = 0.05, swelling = 0, fragmentDensityPer100um2 = 20;
		private boolean subsarcolemmal = true;
		private double lc3DensityPer100um2 = 6, mitophagyLevel = 0.2, lc3RadiusUm = 0.25;
		private double psfSigmaUm = 0.12, psfSigmaZUm = 0.35, signalPhotons = 200, lc3Photons = 150, lc3DiffusePhotons = 8,
			backgroundPhotons = 15, backgroundGradient = 0.4, gain = 4, gaussianNoise = 3;

		private Builder(final Pattern p) {
			pattern = p;
		}

		private Builder(final PhantomSettings s) {
			pattern = s.pattern; seed = s.seed; fibreWidthUm = s.fibreWidthUm; fibreLengthUm = s.fibreLengthUm; axisDeg = s.axisDeg;
			sarcomereUm = s.sarcomereUm; myofibrilUm = s.myofibrilUm; pixelUm = s.pixelUm; zSlices = s.zSlices; zStepUm = s.zStepUm;
			supersample = s.supersample; tubeDiameterUm = s.tubeDiameterUm; borderUm = s.borderUm; connectivity = s.connectivity; fragmentation = s.fragmentation;
			swelling = s.swelling; fragmentDensityPer100um2 = s.fragmentDensityPer100um2; subsarcolemmal = s.subsarcolemmal;
			lc3DensityPer100um2 = s.lc3DensityPer100um2; mitophagyLevel = s.mitophagyLevel; lc3RadiusUm = s.lc3RadiusUm;
			psfSigmaUm = s.psfSigmaUm; psfSigmaZUm = s.psfSigmaZUm; signalPhotons = s.signalPhotons; lc3Photons = s.lc3Photons;
			lc3DiffusePhotons = s.lc3DiffusePhotons; backgroundPhotons = s.backgroundPhotons; backgroundGradient = s.backgroundGradient;
			gain = s.gain; gaussianNoise = s.gaussianNoise;
		}

		/**
		 * Sets the pattern (keeps all other values; use {@link PhantomSettings#forPattern} for its defaults).
		 *
		 * @param v the pattern
		 * @return this builder
		 */
		public Builder pattern(final Pattern v) { pattern = v; return this; }
		/**
	 * Sets the random seed.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder seed(final long v) { seed = v; return this; }
		/**
	 * Sets the fibre width across its axis, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder fibreWidthUm(final double v) { fibreWidthUm = v; return this; }
		/**
	 * Sets the fibre length along its axis, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder fibreLengthUm(final double v) { fibreLengthUm = v; return this; }
		/**
	 * Sets the fibre axis, degrees counter-clockwise from the image x axis as displayed, [0, 180].
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder axisDeg(final double v) { axisDeg = v; return this; }
		/**
	 * Sets the sarcomere length, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder sarcomereUm(final double v) { sarcomereUm = v; return this; }
		/**
	 * Sets the myofibril spacing, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder myofibrilUm(final double v) { myofibrilUm = v; return this; }
		/**
	 * Sets the x-y pixel size, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder pixelUm(final double v) { pixelUm = v; return this; }
		/**
	 * Sets the number of z slices (1 = 2D).
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder zSlices(final int v) { zSlices = v; return this; }
		/**
	 * Sets the sub-pixels per pixel side (1 = point-sampled, the default; 2–{@value PhantomSettings#MAX_SUPERSAMPLE}
	 * = area-integrated camera pixels, needed for pixels larger than half the tube diameter).
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder supersample(final int v) { supersample = v; return this; }
		/**
	 * Sets the z step, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder zStepUm(final double v) { zStepUm = v; return this; }
		/**
	 * Sets the tube diameter, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder tubeDiameterUm(final double v) { tubeDiameterUm = v; return this; }
		/**
	 * Sets the empty border around the fibre, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder borderUm(final double v) { borderUm = v; return this; }
		/**
	 * Sets the connectivity, [0, 1].
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder connectivity(final double v) { connectivity = v; return this; }
		/**
	 * Sets the fragmentation, [0, 1].
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder fragmentation(final double v) { fragmentation = v; return this; }
		/**
	 * Sets the swelling, [0, 1].
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder swelling(final double v) { swelling = v; return this; }
		/**
	 * Sets the fragments per 100 µm².
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder fragmentDensityPer100um2(final double v) { fragmentDensityPer100um2 = v; return this; }
		/**
	 * Sets whether to draw the subsarcolemmal band.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder subsarcolemmal(final boolean v) { subsarcolemmal = v; return this; }
		/**
	 * Sets the LC3 puncta per 100 µm².
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder lc3DensityPer100um2(final double v) { lc3DensityPer100um2 = v; return this; }
		/**
	 * Sets the fraction of LC3 puncta on mitochondria, [0, 1].
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder mitophagyLevel(final double v) { mitophagyLevel = v; return this; }
		/**
	 * Sets the LC3 punctum radius, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder lc3RadiusUm(final double v) { lc3RadiusUm = v; return this; }
		/**
	 * Sets the lateral PSF σ, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder psfSigmaUm(final double v) { psfSigmaUm = v; return this; }
		/**
	 * Sets the axial PSF σ, µm.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder psfSigmaZUm(final double v) { psfSigmaZUm = v; return this; }
		/**
	 * Sets the mitochondrial photons per pixel.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder signalPhotons(final double v) { signalPhotons = v; return this; }
		/**
	 * Sets the LC3 punctum photons per pixel.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder lc3Photons(final double v) { lc3Photons = v; return this; }
		/**
	 * Sets the diffuse LC3 photons per pixel.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder lc3DiffusePhotons(final double v) { lc3DiffusePhotons = v; return this; }
		/**
	 * Sets the mean background photons per pixel.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder backgroundPhotons(final double v) { backgroundPhotons = v; return this; }
		/**
	 * Sets the relative background gradient along x, [0, 1].
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder backgroundGradient(final double v) { backgroundGradient = v; return this; }
		/**
	 * Sets the grey levels per photon.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder gain(final double v) { gain = v; return this; }
		/**
	 * Sets the read-noise σ in grey levels.
	 *
	 * @param v the new value
	 * @return this builder
	 */
	public Builder gaussianNoise(final double v) { gaussianNoise = v; return this; }

		/** @return the validated settings. @throws IllegalArgumentException naming the first invalid parameter */
		public PhantomSettings build() {
			return new PhantomSettings(this);
		}
	}
}
