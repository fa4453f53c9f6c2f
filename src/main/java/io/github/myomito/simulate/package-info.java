/**
 * Muscle-fibre phantom simulator: deterministic, seeded synthetic fluorescence images of
 * mitochondrial networks (oxidative lattice, glycolytic and fission fragmentation, hyperfusion,
 * swelling) and LC3 puncta, with the exact centre-line graph, counts and masks as ground truth — the
 * test bed for MyoMito's segmentation, skeleton, lattice and colocalisation analyses.
 * <p>
 * Entry point: {@link io.github.myomito.simulate.PhantomSimulator#simulate(io.github.myomito.simulate.PhantomSettings)}
 * with {@link io.github.myomito.simulate.PhantomSettings#forPattern(io.github.myomito.simulate.Pattern)}.
 * Biology after Lei et al. (2024), Cell. Mol. Biol. Lett. 29:59, doi:10.1186/s11658-024-00572-y.
 */
package io.github.myomito.simulate;
