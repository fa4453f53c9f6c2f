/**
 * The ImageJ 1.x bridge: wrapping {@code ImagePlus} pixel arrays as {@link io.github.myomito.image.FibreImage}
 * channels without copying, calibration conversion to µm, and atomic TIFF/PNG file IO. Only doors
 * ({@code fiji}, {@code cli}) and this package touch ImageJ types.
 */
package io.github.myomito.image.ij;
