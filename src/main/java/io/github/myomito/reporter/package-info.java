/**
 * pH-sensitive mitophagy reporters and fibre-type marker channels: mitolysosome detection for
 * mito-QC (McWilliams et al. 2016, J Cell Biol 214:333, doi:10.1083/jcb.201603039) and mt-Keima
 * (Sun et al. 2017, Nat Protoc 12:1576, doi:10.1038/nprot.2017.060) on imglib2-free flat arrays with
 * physical spacing, per-fibre marker intensities, and the per-batch fibre-type call
 * ({@link io.github.myomito.reporter.FibreTypeCaller}, applied after a batch by
 * {@link io.github.myomito.reporter.FibreTypePostStep}).
 */
package io.github.myomito.reporter;
