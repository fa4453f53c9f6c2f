/**
 * Benchmarks (not tests): plain {@code main()} harnesses with warm-up and repeated timing (median of N) of the
 * core hot spots (thinning, skeleton graph, the per-image chain, colocalisation, Kendall τ) and generators of the
 * inputs for the whole-process command-line benchmarks. Compiled only with the Maven profile {@code bench} (into
 * {@code target/test-classes}, never shipped); run everything with {@code bench/run.sh}. Results and the machine
 * are recorded in {@code docs/performance.md}. Nothing here passes or fails on time.
 */
package io.github.myomito.bench;
