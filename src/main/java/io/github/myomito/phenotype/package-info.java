/**
 * Phenotype calls: each fibre's network type, dynamics state and mitophagy state, read against the fibre-type
 * and atrophy patterns of a literature knowledge base ({@link io.github.myomito.phenotype.PatternLibrary}; the
 * built-in one transcribes Lei et al. 2024, Cell Mol Biol Lett 29:59, doi:10.1186/s11658-024-00572-y), relative
 * to the user's control condition or a documented built-in reference, with the evidence and the review's
 * references behind every call, and condition-vs-control group statistics. Works on the measured fibre rows
 * ({@code fibres.csv}); nothing is re-measured. See {@code docs/phenotypes.md}.
 */
package io.github.myomito.phenotype;
