package io.github.myomito.dynamics;

import java.util.Objects;

import io.github.myomito.segment.SegmentationSettings;

/**
 * Immutable settings of {@link DynamicsAnalyzer}; build with {@link #builder()}.
 * <ul>
 * <li>{@code maxDisplacementUm} D (default 0.5 µm): the largest centroid step linked without overlap,
 * and the growth radius of the overlap zones (see {@link DynamicsAnalyzer});</li>
 * <li>{@code sizeTolerance} τ (default 0.8; 0.6 before the intensity step of 2026-12-06): a split or merge is an event only when the children's
 * (parents') summed size is within [1/(1+τ), 1+τ] of the parent's (child's);</li>
 * <li>{@code kissAndRunFrames} k (default 2): a fission whose two tracks fuse again within k frames is
 * one kiss-and-run, not two events; successive undoings chain (split, shut, split again: one fission at the first
 * frame), see {@link DynamicsAnalyzer};</li>
 * <li>{@code persistenceFrames} p (default 2): a fission or fusion counts only when the new topology lasts p
 * frames (both children present in t … t+p−1; for fusion also both parents in t−p … t−1); the window is clipped
 * to the series, so events in the last (first) frames are kept unconfirmed; 1 keeps every event;</li>
 * <li>{@code noiseFloor} k (default 4): the automatic threshold of each frame is raised to at least
 * {@code median + k·σ_MAD} of the frame's enhanced image, {@code σ_MAD = 1.4826·median|x − median|} (see
 * {@link NoiseFloor}), so that Otsu's threshold cannot sink into the background noise of a faded frame; 0 switches
 * it off;</li>
 * <li>{@code kissAndRunDistanceUm} (default 1 µm): the mirrored kiss-and-run — a fusion whose child track splits
 * again within k frames at less than this distance from the fusion — is one kiss-and-run, not two events;</li>
 * <li>{@code contrastFloor} (default 6): a frame whose raw contrast {@code (p99 − median)/σ_MAD} is below it is
 * faint, and a fission in a faint frame counts only when its whole persistence window (p frames) lies inside the
 * series and is confirmed (the clipping at the series' end does not excuse it); a fusion there needs its parents'
 * window inside the series (two objects seen apart for p frames), its child's may be clipped; 0 switches it off;</li>
 * <li>{@code psfUm}, {@code psfAxialUm} (FWHM; defaults {@link io.github.myomito.coloc.ColocSettings#DEFAULT_PSF_UM}
 * and {@link io.github.myomito.pipeline.AnalysisSettings#DEFAULT_PSF_AXIAL_UM}) and {@code minPieceElements} e
 * (default 1): a fission whose smaller child, or a fusion whose smaller parent, is smaller than e resolution elements
 * ({@link #resolutionElement(int)}) is no event — a piece below the resolution is a noise speck, not a
 * mitochondrion that split off; 0 switches it off;</li>
 * <li>{@code minIntensityStep} (default 0.35): a fission or fusion counts only when the intensity at its site changes
 * by at least this share of the frame's contrast between the joined and the parted state,
 * {@code r(closed) − r(open)} with {@code r = (I − median)/(p99 − median)} of each raw frame and I the 3 × 3 in-plane
 * mean at the event position — a cut that the threshold makes where the intensity barely changed is a flicker, not a
 * gap that opened ({@link DynamicsAnalyzer#intensityStep}); 0 switches it off;</li>
 * <li>{@code faintMinIntensityStep} (default 0.5): a fission in a faint frame whose persistence window runs past the
 * series' end, which the faint-frame rule would drop as unconfirmable, is kept when its intensity step is at least
 * this (a gap as dark as a real one, not a threshold flicker); +∞ drops them all;</li>
 * <li>{@code gapFrames} G (default 2): a track lost for up to G frames is continued by a nearby
 * unexplained new object;</li>
 * <li>{@code motileSpeedUmS} (default 0.05 µm/s): tracks faster on average count as motile;</li>
 * <li>{@code bleachCorrection} (default on): see {@link Bleaching}.</li>
 * </ul>
 */
public final class DynamicsSettings {

	private final SegmentationSettings segmentation;
	private final double maxDisplacementUm, sizeTolerance, motileSpeedUmS, noiseFloor, kissAndRunDistanceUm, contrastFloor;
	private final double psfUm, psfAxialUm, minPieceElements, minIntensityStep, faintMinIntensityStep;
	private final int kissAndRunFrames, gapFrames, persistenceFrames, faintPersistenceFrames;
	private final boolean bleachCorrection;

	private DynamicsSettings(final Builder b) {
		segmentation = Objects.requireNonNull(b.segmentation, "segmentation");
		if (!(b.maxDisplacementUm > 0) || Double.isInfinite(b.maxDisplacementUm)) throw new IllegalArgumentException("maxDisplacementUm must be positive, got " + b.maxDisplacementUm);
		if (!(b.sizeTolerance > 0) || Double.isInfinite(b.sizeTolerance)) throw new IllegalArgumentException("sizeTolerance must be positive, got " + b.sizeTolerance);
		if (!(b.motileSpeedUmS >= 0) || Double.isInfinite(b.motileSpeedUmS)) throw new IllegalArgumentException("motileSpeedUmS must be zero or positive, got " + b.motileSpeedUmS);
		if (b.kissAndRunFrames < 0) throw new IllegalArgumentException("kissAndRunFrames must be zero or positive, got " + b.kissAndRunFrames);
		if (b.persistenceFrames < 1) throw new IllegalArgumentException("persistenceFrames must be at least 1, got " + b.persistenceFrames);
		if (!(b.noiseFloor >= 0) || Double.isInfinite(b.noiseFloor)) throw new IllegalArgumentException("noiseFloor must be zero or positive, got " + b.noiseFloor);
		if (!(b.kissAndRunDistanceUm >= 0) || Double.isInfinite(b.kissAndRunDistanceUm)) throw new IllegalArgumentException("kissAndRunDistanceUm must be zero or positive, got " + b.kissAndRunDistanceUm);
		if (!(b.contrastFloor >= 0) || Double.isInfinite(b.contrastFloor)) throw new IllegalArgumentException("contrastFloor must be zero or positive, got " + b.contrastFloor);
		if (b.faintPersistenceFrames < 1) throw new IllegalArgumentException("faintPersistenceFrames must be at least 1, got " + b.faintPersistenceFrames);
		if (!(b.psfUm > 0) || Double.isInfinite(b.psfUm)) throw new IllegalArgumentException("psfUm must be positive, got " + b.psfUm);
		if (!(b.psfAxialUm > 0) || Double.isInfinite(b.psfAxialUm)) throw new IllegalArgumentException("psfAxialUm must be positive, got " + b.psfAxialUm);
		if (!(b.minPieceElements >= 0) || Double.isInfinite(b.minPieceElements)) throw new IllegalArgumentException("minPieceElements must be zero or positive, got " + b.minPieceElements);
		if (!(b.minIntensityStep >= 0) || Double.isInfinite(b.minIntensityStep)) throw new IllegalArgumentException("minIntensityStep must be zero or positive, got " + b.minIntensityStep);
		if (!(b.faintMinIntensityStep >= 0)) throw new IllegalArgumentException("faintMinIntensityStep must be zero or positive, got " + b.faintMinIntensityStep);
		if (b.gapFrames < 0) throw new IllegalArgumentException("gapFrames must be zero or positive, got " + b.gapFrames);
		maxDisplacementUm = b.maxDisplacementUm; sizeTolerance = b.sizeTolerance; motileSpeedUmS = b.motileSpeedUmS;
		noiseFloor = b.noiseFloor; kissAndRunDistanceUm = b.kissAndRunDistanceUm; contrastFloor = b.contrastFloor;
		faintPersistenceFrames = b.faintPersistenceFrames;
		psfUm = b.psfUm; psfAxialUm = b.psfAxialUm; minPieceElements = b.minPieceElements; minIntensityStep = b.minIntensityStep;
		faintMinIntensityStep = b.faintMinIntensityStep;
		kissAndRunFrames = b.kissAndRunFrames; gapFrames = b.gapFrames; persistenceFrames = b.persistenceFrames; bleachCorrection = b.bleachCorrection;
	}

	/** @return the defaults */ public static DynamicsSettings defaults() { return builder().build(); }
	/** @return a builder with the defaults */ public static Builder builder() { return new Builder(); }

	/** @return per-frame segmentation settings (the existing chain) */ public SegmentationSettings segmentation() { return segmentation; }
	/** @return D, µm */ public double maxDisplacementUm() { return maxDisplacementUm; }
	/** @return τ */ public double sizeTolerance() { return sizeTolerance; }
	/** @return motility threshold, µm/s */ public double motileSpeedUmS() { return motileSpeedUmS; }
	/** @return k, frames */ public int kissAndRunFrames() { return kissAndRunFrames; }
	/** @return G, frames */ public int gapFrames() { return gapFrames; }
	/** @return p, frames */ public int persistenceFrames() { return persistenceFrames; }
	/** @return the persistence in faint frames, frames (at least p is used) */ public int faintPersistenceFrames() { return faintPersistenceFrames; }
	/** @return whether frames are corrected for photobleaching */ public boolean bleachCorrection() { return bleachCorrection; }
	/** @return k of the noise floor {@code median + k·σ_MAD} (0 = off) */ public double noiseFloor() { return noiseFloor; }
	/** @return the largest distance of a mirrored kiss-and-run (fusion, then split), µm */ public double kissAndRunDistanceUm() { return kissAndRunDistanceUm; }
	/** @return the contrast {@code (p99 − median)/σ_MAD} below which a frame is faint (0 = off) */ public double contrastFloor() { return contrastFloor; }

	/** @return the lateral PSF FWHM, µm */ public double psfUm() { return psfUm; }
	/** @return the axial PSF FWHM, µm */ public double psfAxialUm() { return psfAxialUm; }
	/** @return e, the smallest piece of a fission or fusion in resolution elements (0 = off) */ public double minPieceElements() { return minPieceElements; }
	/** @return the smallest intensity step at an event's site, share of the frame contrast (0 = off) */ public double minIntensityStep() { return minIntensityStep; }
	/** @return the intensity step that keeps an unconfirmable fission in a faint frame (+∞ = never) */ public double faintMinIntensityStep() { return faintMinIntensityStep; }

	/**
	 * The resolution element: the volume of the ellipsoid whose axes are the PSF's FWHM,
	 * {@code (π/6)·psf²·psf_z} µm³ in 3D, or the area of the disc of diameter psf, {@code (π/4)·psf²} µm², in 2D.
	 *
	 * @param spatialDims 2 or 3
	 * @return µm³ (3D) or µm² (2D)
	 */
	public double resolutionElement(final int spatialDims) {
		return spatialDims == 3 ? Math.PI / 6 * psfUm * psfUm * psfAxialUm : Math.PI / 4 * psfUm * psfUm;
	}

	/** Mutable builder. */
	public static final class Builder {
		private SegmentationSettings segmentation = SegmentationSettings.defaults();
		private double maxDisplacementUm = 0.5, sizeTolerance = 0.8, motileSpeedUmS = 0.05, noiseFloor = 4, kissAndRunDistanceUm = 1, contrastFloor = 6;
		private int kissAndRunFrames = 2, gapFrames = 2, persistenceFrames = 2, faintPersistenceFrames = 2;
		private double psfUm = io.github.myomito.coloc.ColocSettings.DEFAULT_PSF_UM, psfAxialUm = io.github.myomito.pipeline.AnalysisSettings.DEFAULT_PSF_AXIAL_UM,
			minPieceElements = 1, minIntensityStep = 0.35, faintMinIntensityStep = 0.5;
		private boolean bleachCorrection = true;

		private Builder() {}

		/** @param v settings @return this */ public Builder segmentation(final SegmentationSettings v) { segmentation = v; return this; }
		/** @param v µm @return this */ public Builder maxDisplacementUm(final double v) { maxDisplacementUm = v; return this; }
		/** @param v τ @return this */ public Builder sizeTolerance(final double v) { sizeTolerance = v; return this; }
		/** @param v µm/s @return this */ public Builder motileSpeedUmS(final double v) { motileSpeedUmS = v; return this; }
		/** @param v frames @return this */ public Builder kissAndRunFrames(final int v) { kissAndRunFrames = v; return this; }
		/** @param v frames (≥ 1) @return this */ public Builder persistenceFrames(final int v) { persistenceFrames = v; return this; }
		/** @param v frames (≥ 1; at least p is used) @return this */ public Builder faintPersistenceFrames(final int v) { faintPersistenceFrames = v; return this; }
		/** @param v frames @return this */ public Builder gapFrames(final int v) { gapFrames = v; return this; }
		/** @param v k (0 = off) @return this */ public Builder noiseFloor(final double v) { noiseFloor = v; return this; }
		/** @param v µm @return this */ public Builder kissAndRunDistanceUm(final double v) { kissAndRunDistanceUm = v; return this; }
		/** @param v contrast (0 = off) @return this */ public Builder contrastFloor(final double v) { contrastFloor = v; return this; }
		/** @param v lateral PSF FWHM, µm @return this */ public Builder psfUm(final double v) { psfUm = v; return this; }
		/** @param v axial PSF FWHM, µm @return this */ public Builder psfAxialUm(final double v) { psfAxialUm = v; return this; }
		/** @param v resolution elements (0 = off) @return this */ public Builder minPieceElements(final double v) { minPieceElements = v; return this; }
		/** @param v share of the frame contrast (0 = off) @return this */ public Builder minIntensityStep(final double v) { minIntensityStep = v; return this; }
		/** @param v share of the frame contrast (+∞ = never) @return this */ public Builder faintMinIntensityStep(final double v) { faintMinIntensityStep = v; return this; }
		/** @param v on/off @return this */ public Builder bleachCorrection(final boolean v) { bleachCorrection = v; return this; }
		/** @return validated settings */ public DynamicsSettings build() { return new DynamicsSettings(this); }
	}
}
