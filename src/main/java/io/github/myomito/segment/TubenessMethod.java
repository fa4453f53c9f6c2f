package io.github.myomito.segment;

/** Hessian-based line (tube) measures for bright tubular structures; see {@link Tubeness}. */
public enum TubenessMethod {
	/** Sato et al. 1998 line filter (γ12 = γ23 = 0.5, α = 0.25). */
	SATO,
	/** Frangi et al. 1998 vesselness (α = β = 0.5, c = half the maximal Hessian norm per scale). */
	FRANGI
}
