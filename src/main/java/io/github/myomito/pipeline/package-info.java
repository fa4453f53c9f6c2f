/**
 * Whole-image and batch analysis: the per-image chain from a {@link io.github.myomito.image.FibreImage} to
 * result tables, and the {@link io.github.myomito.pipeline.BatchRunner} that runs it over many files with
 * threads, chunks for job arrays, resume and atomic outputs.
 */
package io.github.myomito.pipeline;
