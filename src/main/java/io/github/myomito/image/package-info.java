/**
 * The image model: {@link io.github.myomito.image.FibreImage}, an immutable set of imglib2 channels with
 * physical spacing and channel roles, and pixel-array helpers shared by the algorithms. No ImageJ types
 * here: the ImageJ bridge and file IO live in {@code io.github.myomito.image.ij}.
 */
package io.github.myomito.image;
