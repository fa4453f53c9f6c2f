package io.github.myomito.simulate;

import java.util.Objects;

/**
 * Immutable parameters of a time-lapse phantom ({@link TimeLapseSimulator}). Lengths in µm, times in
 * seconds, event rates in events per 100 µm of network (centre-line) length per minute. Build with
 * {@link #builder()}; {@link Builder#build()} validates and names the offending parameter.
 */
public final class TimeLapseSettings {

	/** Network morphology of the moving scene. */
	public enum Morphology {
		/** Many short rods (0.8–2 µm) along longitudinal rows. */
		FRAGMENTED,
		/** Few long tubes (4–8 µm) along longitudinal rows. */
		HYPERFUSED
	}

	private final Morphology morphology;
	private final long seed;
	private final int frames, zSlices;
	private final double frameIntervalS, fissionRate, fusionRate, speedUmS, motileFraction, bleachTauS, driftUmPerFrame;
	private final double fibreLengthUm, fibreWidthUm, rowSpacingUm, pixelUm, zStepUm, tubeDiameterUm, gapUm;
	private final double psfSigmaUm, psfSigmaZUm, signalPhotons, backgroundPhotons, gain, gaussianNoise;
	private final int refractoryFrames;

	private TimeLapseSettings(final Builder b) {
		morphology = Objects.requireNonNull(b.morphology, "morphology");
		seed = b.seed;
		if (b.frames < 2) throw new IllegalArgumentException("frames must be at least 2, got " + b.frames);
		frames = b.frames;
		if (b.zSlices < 1) throw new IllegalArgumentException("zSlices must be at least 1, got " + b.zSlices);
		zSlices = b.zSlices;
		frameIntervalS = positive("frameIntervalS", b.frameIntervalS);
		fissionRate = nonNegative("fissionRate", b.fissionRate);
		fusionRate = nonNegative("fusionRate", b.fusionRate);
		speedUmS = nonNegative("speedUmS", b.speedUmS);
		if (!(b.motileFraction >= 0 && b.motileFraction <= 1)) throw new IllegalArgumentException("motileFraction must be in [0, 1], got " + b.motileFraction);
		motileFraction = b.motileFraction;
		bleachTauS = positive("bleachTauS", b.bleachTauS);
		driftUmPerFrame = nonNegative("driftUmPerFrame", b.driftUmPerFrame);
		fibreLengthUm = positive("fibreLengthUm", b.fibreLengthUm);
		fibreWidthUm = positive("fibreWidthUm", b.fibreWidthUm);
		rowSpacingUm = positive("rowSpacingUm", b.rowSpacingUm);
		pixelUm = positive("pixelUm", b.pixelUm);
		zStepUm = positive("zStepUm", b.zStepUm);
		tubeDiameterUm = positive("tubeDiameterUm", b.tubeDiameterUm);
		gapUm = positive("gapUm", b.gapUm);
		psfSigmaUm = nonNegative("psfSigmaUm", b.psfSigmaUm);
		psfSigmaZUm = nonNegative("psfSigmaZUm", b.psfSigmaZUm);
		signalPhotons = nonNegative("signalPhotons", b.signalPhotons);
		backgroundPhotons = nonNegative("backgroundPhotons", b.backgroundPhotons);
		gain = positive("gain", b.gain);
		gaussianNoise = nonNegative("gaussianNoise", b.gaussianNoise);
		if (b.refractoryFrames < 0) throw new IllegalArgumentException("refractoryFrames must be zero or positive, got " + b.refractoryFrames);
		refractoryFrames = b.refractoryFrames;
		if (tubeDiameterUm < 2 * pixelUm) throw new IllegalArgumentException("tubeDiameterUm " + tubeDiameterUm + " is thinner than 2 pixels");
		if (gapUm < 3 * pixelUm) throw new IllegalArgumentException("gapUm " + gapUm + " is below 3 pixels (" + 3 * pixelUm + " µm): a cut would not be resolved");
		if (rowSpacingUm < tubeDiameterUm + 3 * pixelUm) throw new IllegalArgumentException("rowSpacingUm " + rowSpacingUm + " leaves less than 3 pixels between rows");
		if (fibreWidthUm < rowSpacingUm) throw new IllegalArgumentException("fibreWidthUm " + fibreWidthUm + " holds no row at spacing " + rowSpacingUm);
	}

	private static double positive(final String n, final double v) {
		if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(n + " must be positive and finite, got " + v);
		return v;
	}

	private static double nonNegative(final String n, final double v) {
		if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(n + " must be zero or positive and finite, got " + v);
		return v;
	}

	/** @return a builder with the defaults: fragmented, 20 × 6 µm fibre, 20 frames at 1 s, rates 2 /100 µm/min, 0.2 µm/s, half the rows motile, bleaching τ = 60 s, 0.1 µm pixels, 2D. */
	public static Builder builder() { return new Builder(); }
	/** @return a builder pre-filled with these settings. */
	public Builder toBuilder() { return new Builder(this); }

	/** @return the morphology. */ public Morphology morphology() { return morphology; }
	/** @return the seed. */ public long seed() { return seed; }
	/** @return number of time points. */ public int frames() { return frames; }
	/** @return z slices (1 = 2D+t). */ public int zSlices() { return zSlices; }
	/** @return seconds between frames. */ public double frameIntervalS() { return frameIntervalS; }
	/** @return expected fission events per 100 µm of centre line per minute. */ public double fissionRate() { return fissionRate; }
	/** @return expected fusion events per 100 µm of centre line per minute. */ public double fusionRate() { return fusionRate; }
	/** @return speed of the motile rows along the fibre axis, µm/s. */ public double speedUmS() { return speedUmS; }
	/** @return probability that a row of rods moves. */ public double motileFraction() { return motileFraction; }
	/** @return photobleaching time constant: signal × exp(−t/τ). */ public double bleachTauS() { return bleachTauS; }
	/** @return stage drift per frame along the image diagonal, µm. */ public double driftUmPerFrame() { return driftUmPerFrame; }
	/** @return fibre length, µm. */ public double fibreLengthUm() { return fibreLengthUm; }
	/** @return fibre width, µm. */ public double fibreWidthUm() { return fibreWidthUm; }
	/** @return distance between longitudinal rows of rods, µm. */ public double rowSpacingUm() { return rowSpacingUm; }
	/** @return pixel size in x and y, µm. */ public double pixelUm() { return pixelUm; }
	/** @return z step, µm. */ public double zStepUm() { return zStepUm; }
	/** @return tube diameter, µm. */ public double tubeDiameterUm() { return tubeDiameterUm; }
	/** @return edge-to-edge gap opened by a fission and between neighbouring rods of a row (at least), µm. */ public double gapUm() { return gapUm; }
	/** @return lateral PSF σ, µm. */ public double psfSigmaUm() { return psfSigmaUm; }
	/** @return axial PSF σ, µm. */ public double psfSigmaZUm() { return psfSigmaZUm; }
	/** @return photons per voxel inside a mitochondrion at t = 0, before blur. */ public double signalPhotons() { return signalPhotons; }
	/** @return background photons per voxel. */ public double backgroundPhotons() { return backgroundPhotons; }
	/** @return camera gain (grey values per photon). */ public double gain() { return gain; }
	/** @return read noise σ, grey values. */ public double gaussianNoise() { return gaussianNoise; }
	/** @return frames during which an object born in an event takes part in no other event. */ public int refractoryFrames() { return refractoryFrames; }

	@Override
	public String toString() {
		return "TimeLapseSettings[" + morphology + ", seed " + seed + ", " + frames + " frames × " + frameIntervalS + " s, fission " + fissionRate + ", fusion "
			+ fusionRate + " /100µm/min, " + speedUmS + " µm/s, z " + zSlices + "]";
	}

	/** Mutable builder of {@link TimeLapseSettings}. */
	public static final class Builder {
		private Morphology morphology = Morphology.FRAGMENTED;
		private long seed = 1;
		private int frames = 20, zSlices = 1, refractoryFrames = 3;
		private double frameIntervalS = 1, fissionRate = 2, fusionRate = 2, speedUmS = 0.2, motileFraction = 0.5, bleachTauS = 60, driftUmPerFrame = 0;
		private double fibreLengthUm = 20, fibreWidthUm = 6, rowSpacingUm = 1, pixelUm = 0.1, zStepUm = 0.3, tubeDiameterUm = 0.3, gapUm = 0.4;
		private double psfSigmaUm = 0.12, psfSigmaZUm = 0.35, signalPhotons = 200, backgroundPhotons = 15, gain = 4, gaussianNoise = 3;

		private Builder() {}

		private Builder(final TimeLapseSettings s) {
			morphology = s.morphology; seed = s.seed; frames = s.frames; zSlices = s.zSlices; refractoryFrames = s.refractoryFrames;
			frameIntervalS = s.frameIntervalS; fissionRate = s.fissionRate; fusionRate = s.fusionRate; speedUmS = s.speedUmS;
			motileFraction = s.motileFraction; bleachTauS = s.bleachTauS; driftUmPerFrame = s.driftUmPerFrame; fibreLengthUm = s.fibreLengthUm;
			fibreWidthUm = s.fibreWidthUm; rowSpacingUm = s.rowSpacingUm; pixelUm = s.pixelUm; zStepUm = s.zStepUm; tubeDiameterUm = s.tubeDiameterUm;
			gapUm = s.gapUm; psfSigmaUm = s.psfSigmaUm; psfSigmaZUm = s.psfSigmaZUm; signalPhotons = s.signalPhotons;
			backgroundPhotons = s.backgroundPhotons; gain = s.gain; gaussianNoise = s.gaussianNoise;
		}

		/** @param v morphology @return this */ public Builder morphology(final Morphology v) { morphology = v; return this; }
		/** @param v seed @return this */ public Builder seed(final long v) { seed = v; return this; }
		/** @param v frames @return this */ public Builder frames(final int v) { frames = v; return this; }
		/** @param v z slices @return this */ public Builder zSlices(final int v) { zSlices = v; return this; }
		/** @param v seconds per frame @return this */ public Builder frameIntervalS(final double v) { frameIntervalS = v; return this; }
		/** @param v fission rate @return this */ public Builder fissionRate(final double v) { fissionRate = v; return this; }
		/** @param v fusion rate @return this */ public Builder fusionRate(final double v) { fusionRate = v; return this; }
		/** @param v speed µm/s @return this */ public Builder speedUmS(final double v) { speedUmS = v; return this; }
		/** @param v motile fraction @return this */ public Builder motileFraction(final double v) { motileFraction = v; return this; }
		/** @param v bleaching τ s @return this */ public Builder bleachTauS(final double v) { bleachTauS = v; return this; }
		/** @param v drift µm/frame @return this */ public Builder driftUmPerFrame(final double v) { driftUmPerFrame = v; return this; }
		/** @param v fibre length µm @return this */ public Builder fibreLengthUm(final double v) { fibreLengthUm = v; return this; }
		/** @param v fibre width µm @return this */ public Builder fibreWidthUm(final double v) { fibreWidthUm = v; return this; }
		/** @param v row spacing µm @return this */ public Builder rowSpacingUm(final double v) { rowSpacingUm = v; return this; }
		/** @param v pixel µm @return this */ public Builder pixelUm(final double v) { pixelUm = v; return this; }
		/** @param v z step µm @return this */ public Builder zStepUm(final double v) { zStepUm = v; return this; }
		/** @param v tube diameter µm @return this */ public Builder tubeDiameterUm(final double v) { tubeDiameterUm = v; return this; }
		/** @param v gap µm @return this */ public Builder gapUm(final double v) { gapUm = v; return this; }
		/** @param v PSF σ µm @return this */ public Builder psfSigmaUm(final double v) { psfSigmaUm = v; return this; }
		/** @param v axial PSF σ µm @return this */ public Builder psfSigmaZUm(final double v) { psfSigmaZUm = v; return this; }
		/** @param v photons @return this */ public Builder signalPhotons(final double v) { signalPhotons = v; return this; }
		/** @param v background photons @return this */ public Builder backgroundPhotons(final double v) { backgroundPhotons = v; return this; }
		/** @param v gain @return this */ public Builder gain(final double v) { gain = v; return this; }
		/** @param v read noise @return this */ public Builder gaussianNoise(final double v) { gaussianNoise = v; return this; }
		/** @param v refractory frames @return this */ public Builder refractoryFrames(final int v) { refractoryFrames = v; return this; }

		/** @return validated settings */
		public TimeLapseSettings build() { return new TimeLapseSettings(this); }
	}
}
