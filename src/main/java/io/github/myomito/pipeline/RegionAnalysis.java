package io.github.myomito.pipeline;

import java.util.Collections;
import java.util.List;

import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.MitophagyResult;
import io.github.myomito.coloc.Punctum;
import io.github.myomito.lattice.AxisEstimate;
import io.github.myomito.lattice.OrientationStats;
import io.github.myomito.lattice.PeriodResult;
import io.github.myomito.network.NetworkAnalysis;
import io.github.myomito.segment.Segmentation;
import io.github.myomito.skeleton.SkeletonGraph;

/**
 * Everything measured in one region of analysis (the whole image, a fibre, or a fibre's
 * subsarcolemmal band / IMF interior): the segmentation, skeleton graph, network metrics, lattice
 * measures and, with an LC3 channel, puncta and colocalisation. Arrays are in the region's crop of
 * the image, whose origin in the image is {@link #offset()} (pixels).
 */
public final class RegionAnalysis {

	/** Which part of a fibre a region is. */
	public enum Part {
		/** The whole fibre (or image). */
		ALL,
		/** Within the band depth of the fibre edge. */
		SUBSARCOLEMMAL,
		/** The fibre interior beyond the band. */
		IMF;

		/** @return the CSV spelling. */
		public String label() {
			return this == ALL ? "all" : this == SUBSARCOLEMMAL ? "subsarcolemmal" : "imf";
		}
	}

	final String name;
	final String source;
	final Part part;
	final int[] offset;
	final int[] dims;
	final double[] spacing;
	final byte[] region;
	final double regionAreaUm2;
	final Segmentation segmentation;
	final SkeletonGraph graph;
	final NetworkAnalysis.Result network;
	final AxisEstimate axis;
	final double[] branchAngles;
	final OrientationStats orientation;
	final PeriodResult period;
	final double latticeIndex;
	final List<Punctum> puncta;
	final MitophagyResult mitophagy;
	final ColocResult coloc;
	final List<String> warnings;

	RegionAnalysis(final String name, final String source, final Part part, final int[] offset, final int[] dims, final double[] spacing,
		final byte[] region, final double regionAreaUm2, final Segmentation segmentation, final SkeletonGraph graph, final NetworkAnalysis.Result network,
		final AxisEstimate axis, final double[] branchAngles, final OrientationStats orientation, final PeriodResult period, final double latticeIndex,
		final List<Punctum> puncta, final MitophagyResult mitophagy, final ColocResult coloc, final List<String> warnings) {
		this.name = name;
		this.source = source;
		this.part = part;
		this.offset = offset;
		this.dims = dims;
		this.spacing = spacing;
		this.region = region;
		this.regionAreaUm2 = regionAreaUm2;
		this.segmentation = segmentation;
		this.graph = graph;
		this.network = network;
		this.axis = axis;
		this.branchAngles = branchAngles;
		this.orientation = orientation;
		this.period = period;
		this.latticeIndex = latticeIndex;
		this.puncta = puncta == null ? List.of() : Collections.unmodifiableList(puncta);
		this.mitophagy = mitophagy;
		this.coloc = coloc;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/** @return the region's name ("image", an ROI name, a label number). */
	public String name() { return name; }
	/** @return image, roi, labels or auto. */
	public String source() { return source; }
	/** @return which part of the fibre. */
	public Part part() { return part; }
	/** @return crop origin in image pixels (x, y[, z]). */
	public int[] offset() { return offset.clone(); }
	/** @return crop dimensions. */
	public int[] dims() { return dims.clone(); }
	/** @return region flags in the crop (null = the whole crop). */
	public byte[] region() { return region == null ? null : region.clone(); }
	/** @return region area in the x–y plane (µm²). */
	public double regionAreaUm2() { return regionAreaUm2; }
	/** @return the segmentation. */
	public Segmentation segmentation() { return segmentation; }
	/** @return the skeleton graph. */
	public SkeletonGraph graph() { return graph; }
	/** @return network metrics. */
	public NetworkAnalysis.Result network() { return network; }
	/** @return the fibre axis used. */
	public AxisEstimate axis() { return axis; }
	/** @return angle of each skeleton edge (by edge id), ImageJ convention, NaN for point-like edges. */
	public double[] branchAngles() { return branchAngles.clone(); }
	/** @return orientation statistics. */
	public OrientationStats orientation() { return orientation; }
	/** @return periodicity along the axis (null when it could not be measured). */
	public PeriodResult period() { return period; }
	/** @return the lattice index. */
	public double latticeIndex() { return latticeIndex; }
	/** @return LC3 puncta (empty without an LC3 channel). */
	public List<Punctum> puncta() { return puncta; }
	/** @return mitophagy readouts (null without an LC3 channel). */
	public MitophagyResult mitophagy() { return mitophagy; }
	/** @return colocalisation statistics (null without an LC3 channel). */
	public ColocResult coloc() { return coloc; }
	/** @return warnings raised in this region. */
	public List<String> warnings() { return warnings; }
}
