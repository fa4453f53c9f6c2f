package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.gson.GsonBuilder;

import io.github.myomito.image.FibreImage;

/**
 * A reporter phantom ({@link ReporterSimulator}): the image, the underlying network phantom and the truth of
 * its mitolysosomes and fibre-type marker.
 * <p>
 * Channel order of {@link #image()}: 1 = acid (mito-QC red / mCherry, mt-Keima 561 nm excitation), 2 = neutral
 * (mito-QC green / GFP, mt-Keima 440 nm excitation, also the mitochondrial channel), 3 = fibre-type marker when
 * simulated. Without a reporter: 1 = mitochondria, 2 = LC3, 3 = marker.
 */
public final class ReporterPhantom {

	/** One true mitolysosome (a ball). */
	public static final class Mitolysosome {
		private final double x, y, z, radiusUm;
		private final boolean onMitochondria;

		Mitolysosome(final double x, final double y, final double z, final double radiusUm, final boolean onMitochondria) {
			this.x = x; this.y = y; this.z = z; this.radiusUm = radiusUm; this.onMitochondria = onMitochondria;
		}

		/** @return centre x, µm. */
		public double x() { return x; }
		/** @return centre y, µm (down). */
		public double y() { return y; }
		/** @return centre z, µm. */
		public double z() { return z; }
		/** @return radius, µm. */
		public double radiusUm() { return radiusUm; }
		/** @return whether the ball overlaps the true mitochondrial mask (the engulfed material it replaces). */
		public boolean onMitochondria() { return onMitochondria; }
	}

	/** The truth, serialised as {@code <stem>.reporter.json}. */
	public static final class ReporterTruth {
		private final String reporter;
		private final double densityPer100um2;
		private final double fibreAreaUm2;
		private final List<Mitolysosome> mitolysosomes;
		private final String fibreType;
		private final double markerPhotons;

		ReporterTruth(final String reporter, final double density, final double area, final List<Mitolysosome> m, final String fibreType, final double markerPhotons) {
			this.reporter = reporter;
			this.densityPer100um2 = density;
			this.fibreAreaUm2 = area;
			this.mitolysosomes = new ArrayList<>(m);
			this.fibreType = fibreType;
			this.markerPhotons = markerPhotons;
		}

		/** @return {@code mito-qc}, {@code mt-keima} or null. */
		public String reporter() { return reporter; }
		/** @return the requested mitolysosome density per 100 µm² of fibre. */
		public double densityPer100um2() { return densityPer100um2; }
		/** @return the fibre's x-y area, µm². */
		public double fibreAreaUm2() { return fibreAreaUm2; }
		/** @return the mitolysosomes, unmodifiable. */
		public List<Mitolysosome> mitolysosomes() { return Collections.unmodifiableList(mitolysosomes); }
		/** @return {@code type-I/oxidative} or {@code type-II/glycolytic} (the marker's class), or null without a marker. */
		public String fibreType() { return fibreType; }
		/** @return the fibre's marker level, photons per pixel before blur (NaN without a marker). */
		public double markerPhotons() { return markerPhotons; }

		/** @return pretty-printed JSON. */
		public String toJson() {
			return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(this);
		}
	}

	private final FibreImage image;
	private final Phantom network;
	private final ReporterTruth truth;

	ReporterPhantom(final FibreImage image, final Phantom network, final ReporterTruth truth) {
		this.image = image;
		this.network = network;
		this.truth = truth;
	}

	/** @return the image (channel order in the class description). */
	public FibreImage image() { return image; }
	/** @return the network phantom the reporter was drawn on (its graph truth, true mask and fibre footprint). */
	public Phantom network() { return network; }
	/** @return the mitolysosome and marker truth. */
	public ReporterTruth truth() { return truth; }
}
