/**
 * Results as data: the catalogue of output {@link io.github.myomito.results.Column}s (declared once, with
 * unit, formula and reference), tidy {@link io.github.myomito.results.Table}s written as CSV atomically,
 * and provenance (version, checksums, settings hash).
 */
package io.github.myomito.results;
