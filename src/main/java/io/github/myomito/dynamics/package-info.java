/**
 * Mitochondrial dynamics in time: per-frame segmentation of 2D+t series with the existing chain after
 * photobleaching correction, frame-to-frame linking as a linear assignment problem with overlap and
 * distance costs, gap closing, splitting and merging (Jaqaman et al. 2008, doi:10.1038/nmeth.1237;
 * MitoTNT, Wang et al. 2023, doi:10.1371/journal.pcbi.1011060), and fission / fusion / kiss-and-run
 * events with their rates per 100 µm of network per minute. Entry point:
 * {@link io.github.myomito.dynamics.DynamicsAnalyzer#analyze}. Imglib2-free flat arrays with physical
 * spacing; no ImagePlus, no GUI.
 */
package io.github.myomito.dynamics;
