package io.github.myomito.image;

/** What a channel of a {@link FibreImage} shows. */
public enum ChannelRole {
	/** Mitochondrial marker (e.g. TOM20, COX IV, MitoTracker, mito-GFP). */
	MITOCHONDRIA,
	/** Autophagosome marker LC3 (LC3-II puncta). */
	LC3,
	/** Fibre-type stain (e.g. MyHC isoform, SDH). */
	FIBRE_TYPE,
	/** Any other channel, carried along but not analysed. */
	OTHER
}
