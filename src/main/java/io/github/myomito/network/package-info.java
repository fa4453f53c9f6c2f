/**
 * Network metrics of segmented mitochondria: per-object shape and skeleton measures, and per-region
 * summaries (MiNA- and Mitochondria-Analyzer-style plus connectivity measures), each defined once in
 * {@link io.github.myomito.results.Columns}.
 */
package io.github.myomito.network;
