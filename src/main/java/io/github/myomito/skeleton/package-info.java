/**
 * Skeletons of mitochondrial networks: topology-preserving thinning of 2D/3D masks
 * ({@link io.github.myomito.skeleton.Thinning}, Lee, Kashyap &amp; Chu 1994, doi:10.1006/cgip.1994.1042) and
 * analysis of the skeleton as a graph of end points, junctions and branches
 * ({@link io.github.myomito.skeleton.SkeletonAnalyzer}, counting conventions of Fiji's AnalyzeSkeleton,
 * Arganda-Carreras et al. 2010, doi:10.1002/jemt.20829), returning an immutable
 * {@link io.github.myomito.skeleton.SkeletonGraph}.
 * <p>
 * All arrays are flat, index {@code x + w*(y + h*z)}; masks are bytes with non-zero = foreground;
 * lengths are in µm computed with the per-axis spacing.
 */
package io.github.myomito.skeleton;
