/**
 * Segmentation of the mitochondrial network in 2D images and 3D stacks of muscle fibres.
 * <p>
 * Everything works on flat arrays in imglib2 order (index {@code x + w*(y + h*z)}), with
 * {@code int[] dims} and {@code double[] spacing} (µm per pixel per axis); every size parameter is
 * given in µm and converted with the spacing. Building blocks: {@link io.github.myomito.segment.Gauss}
 * (Gaussian and derivatives), {@link io.github.myomito.segment.DistanceTransform},
 * {@link io.github.myomito.segment.Background} (white top-hat), {@link io.github.myomito.segment.Denoise}
 * (median), {@link io.github.myomito.segment.Tubeness} (Sato / Frangi Hessian ridge filters),
 * {@link io.github.myomito.segment.AutoThreshold} (the 16 ImageJ global methods),
 * {@link io.github.myomito.segment.LocalThreshold}, {@link io.github.myomito.segment.StableThreshold},
 * {@link io.github.myomito.segment.Labeling} and {@link io.github.myomito.segment.Morphology}. The
 * whole chain is {@link io.github.myomito.segment.Segmenter}.
 */
package io.github.myomito.segment;
