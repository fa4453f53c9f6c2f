package io.github.myomito.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.MitophagyResult;
import io.github.myomito.coloc.Punctum;
import io.github.myomito.lattice.Orientation;
import io.github.myomito.network.NetworkAnalysis;
import io.github.myomito.network.NetworkAnalysis.Metric;
import io.github.myomito.results.Column;
import io.github.myomito.results.Columns;
import io.github.myomito.results.Provenance;
import io.github.myomito.results.Table;
import io.github.myomito.skeleton.SkeletonGraph;

/**
 * Turns an {@link ImageAnalysis.Result} into the tidy tables of {@link Columns#tables()} — the one
 * place where typed results become rows, used by the CLI, the batch runner and the Fiji commands.
 */
public final class ResultTables {

	private ResultTables() {}

	private static final Map<Metric, Column> NETWORK_COLUMNS = new java.util.EnumMap<>(Metric.class);
	static {
		final Metric[] m = Metric.values();
		final List<Column> c = Columns.NETWORK;
		for (int i = 0; i < m.length; i++) NETWORK_COLUMNS.put(m[i], c.get(i));
	}

	/** @return the tables of one analysed image. */
	public static ImageResult of(final ImageAnalysis.Result r, final String file, final String settingsHash) {
		final Map<String, Table> t = empty();
		final Prov prov = new Prov(r, settingsHash);
		final RegionAnalysis w = r.whole();
		final Table.Row img = t.get("images").addRow().set(Columns.FILE, file)
			.set(Columns.STATUS, r.warnings().isEmpty() ? "ok" : "warning").set(Columns.MESSAGE, String.join("; ", r.warnings()));
		network(img, w);
		img.set("fibres", (long) r.fibres().stream().filter(f -> f.part == RegionAnalysis.Part.ALL).count());
		prov.fill(img);
		for (int fi = 0; fi < r.fibres().size(); fi++) {
			final RegionAnalysis f = r.fibres().get(fi);
			final Table.Row row = t.get("fibres").addRow().set(Columns.FILE, file).set(Columns.FIBRE, f.name).set(Columns.FIBRE_SOURCE, f.source)
				.set(Columns.REGION, f.part.label()).set(Columns.AREA, f.regionAreaUm2);
			network(row, f);
			lattice(row, f);
			mitophagy(row, f, r.settings().lc3Channel());
			reporter(row, t.get("mitolysosomes"), r, fi, file, prov);
			prov.fill(row);
			// still image: no dynamics (a series fills them, see DynamicsTables)
			for (final Column c : Columns.DYNAMICS) row.set(c, Double.NaN);
			if (f.part != RegionAnalysis.Part.ALL) continue;
			objects(t.get("objects"), f, file, prov);
			branches(t.get("branches"), f, file, prov);
			puncta(t.get("puncta"), f, file, prov);
		}
		return new ImageResult(t, r.warnings());
	}

	/** @return the tables of a file that could not be analysed: one images row with status error. */
	public static ImageResult error(final String file, final String message, final int mitoChannel, final String settingsHash) {
		final Map<String, Table> t = empty();
		t.get("images").addRow().set(Columns.FILE, file).set(Columns.STATUS, "error").set(Columns.MESSAGE, message)
			.set(Columns.CHANNEL, (long) mitoChannel).set(Columns.SETTINGS_HASH, settingsHash).set(Columns.VERSION, Provenance.version());
		return ImageResult.error(t, message);
	}

	/** @return empty tables with the catalogue's columns. */
	public static Map<String, Table> empty() {
		final Map<String, Table> t = new LinkedHashMap<>();
		for (final Map.Entry<String, List<Column>> e : Columns.tables().entrySet()) t.put(e.getKey(), new Table(e.getKey(), e.getValue()));
		return t;
	}

	private static void network(final Table.Row row, final RegionAnalysis f) {
		for (final Map.Entry<Metric, Column> e : NETWORK_COLUMNS.entrySet()) {
			final double v = f.network.get(e.getKey());
			row.set(e.getValue(), e.getValue().type() == Column.Type.INTEGER ? (Object) (long) v : (Object) v);
		}
		row.set(Columns.THRESHOLD, f.segmentation.threshold());
		row.set(Columns.MASK_AREA, f.network.maskFootprint()).set(Columns.MASK_VOLUME, f.network.maskVolume()).set(Columns.MASK_WIDTH, f.network.maskWidth());
	}

	private static void lattice(final Table.Row row, final RegionAnalysis f) {
		row.set(Columns.AXIS_DEG, f.axis == null ? Double.NaN : f.axis.angleDeg());
		row.set(Columns.AXIS_SOURCE, f.axis == null ? "" : axisSource(f.axis.method().name()));
		row.set(Columns.COHERENCY, f.axis == null ? Double.NaN : f.axis.coherency());
		row.set(Columns.TRANSVERSE, f.orientation == null ? Double.NaN : f.orientation.transverseFraction());
		row.set(Columns.LONGITUDINAL, f.orientation == null ? Double.NaN : f.orientation.longitudinalFraction());
		row.set(Columns.OBLIQUE, f.orientation == null ? Double.NaN : f.orientation.obliqueFraction());
		row.set(Columns.ORDER, f.orientation == null ? Double.NaN : f.orientation.orderParameter());
		final boolean p = f.period != null && f.period.valid();
		// the regularity is always reported; a period and its doublets only where the profile is regular enough to have one
		row.set(Columns.PERIOD, p && f.period.isPeriodic() ? f.period.periodUm() : Double.NaN);
		row.set(Columns.REGULARITY, p ? f.period.regularity() : Double.NaN);
		row.set(Columns.DOUBLETS, p && f.period.isPeriodic() ? f.period.doubletFraction() : Double.NaN);
		row.set(Columns.LATTICE_INDEX, f.latticeIndex);
		final double[] hist = f.orientation == null ? null : f.orientation.histogram();
		for (int b = 0; b < Columns.ANGLE_HISTOGRAM.size(); b++)
			row.set(Columns.ANGLE_HISTOGRAM.get(b), hist == null || b >= hist.length ? Double.NaN : hist[b]);
	}

	private static String axisSource(final String method) {
		switch (method) {
			case "USER": return "user";
			case "MASK_PCA": return "pca";
			case "STRUCTURE_TENSOR": return "structure-tensor";
			case "PERIODICITY": return "periodicity";
			default: return "structure-tensor+pca";
		}
	}

	private static void mitophagy(final Table.Row row, final RegionAnalysis f, final int lc3Channel) {
		row.set(Columns.LC3_CHANNEL, (long) lc3Channel);
		final MitophagyResult m = f.mitophagy;
		final ColocResult c = f.coloc;
		if (m != null) {
			row.set(Columns.LC3_PUNCTA, (long) m.punctaCount()).set(Columns.LC3_DENSITY, m.punctaDensityPer100um2())
				.set(Columns.LC3_ON_MITO, m.onMitoFraction()).set(Columns.MITOPHAGOSOME_DENSITY, m.mitophagosomeDensityPer100um2())
				.set(Columns.LC3_POSITIVE_MITO, m.lc3PositiveMitoFraction()).set(Columns.LC3_POS_SIZE, m.meanSizeLc3PositiveMito())
				.set(Columns.LC3_NEG_SIZE, m.meanSizeLc3NegativeMito());
		}
		if (c != null) {
			row.set(Columns.PEARSON, c.pearson()).set(Columns.PEARSON_ABOVE, c.pearsonAbove()).set(Columns.PEARSON_BELOW, c.pearsonBelow())
				.set(Columns.M1, c.mandersM1()).set(Columns.M2, c.mandersM2()).set(Columns.TM1, c.mandersTM1()).set(Columns.TM2, c.mandersTM2())
				.set(Columns.THRESHOLD_CH1, c.threshold1()).set(Columns.THRESHOLD_CH2, c.threshold2()).set(Columns.COSTES_P, c.costesP())
				.set(Columns.SPEARMAN, c.spearman()).set(Columns.KENDALL, c.kendallTau()).set(Columns.ICQ, c.liIcq())
				.set(Columns.TM1_ABOVE_T1, c.mandersTM1AboveT1()).set(Columns.TM2_ABOVE_T2, c.mandersTM2AboveT2());
		}
	}

	private static void objects(final Table t, final RegionAnalysis f, final String file, final Prov prov) {
		final int[] lc3On = new int[f.segmentation.labels().count() + 1];
		for (final Punctum p : f.puncta) if (p.onMitochondria() && p.mitoLabel() > 0) lc3On[p.mitoLabel()]++;
		for (final NetworkAnalysis.ObjectMetrics o : f.network.objects()) {
			final Table.Row row = t.addRow().set(Columns.FILE, file).set(Columns.FIBRE, f.name).set(Columns.OBJECT, (long) o.label)
				.set(Columns.CLASS, o.objectClass.label()).set(Columns.OBJ_AREA, threeD(f) ? Double.NaN : o.size).set(Columns.PERIMETER, threeD(f) ? Double.NaN : o.boundary)
				.set(Columns.VOXEL_VOLUME, threeD(f) ? o.size : Double.NaN).set(Columns.SURFACE, threeD(f) ? o.boundary : Double.NaN)
				.set(Columns.FORM_FACTOR, o.formFactor).set(Columns.ASPECT_RATIO, o.aspectRatio).set(Columns.WIDTH, o.width)
				.set(Columns.BRANCHES, (long) o.branches).set(Columns.JUNCTIONS, (long) o.junctions).set(Columns.ENDPOINTS, (long) o.endPoints)
				.set(Columns.LOOPS, (long) o.loops).set(Columns.TOTAL_LENGTH, o.length).set(Columns.MEAN_BRANCH_LENGTH, o.meanBranchLength())
				.set(Columns.OBJ_LC3, f.mitophagy == null ? null : (Object) (long) lc3On[o.label]);
			position(row, o.centroid, f);
			prov.fill(row);
		}
	}

	private static void branches(final Table t, final RegionAnalysis f, final String file, final Prov prov) {
		final double axis = f.axis == null ? Double.NaN : f.axis.angleDeg();
		final double tol = f.orientation == null ? Orientation.DEFAULT_TOLERANCE_DEG : f.orientation.toleranceDeg();
		final List<SkeletonGraph.Vertex> vs = f.graph.vertices();
		final double[] mid = new double[f.dims.length];
		for (final SkeletonGraph.Edge e : f.graph.edges()) {
			final double a = f.branchAngles[e.id()];
			final double toAxis = Double.isNaN(a) || Double.isNaN(axis) ? Double.NaN : Orientation.angleToAxis(a, axis);
			final String orient = Double.isNaN(toAxis) ? "" : Orientation.classify(toAxis, tol);
			final String type = e.isIsolatedLoop() ? "loop" : kind(vs.get(e.vertexA())) + "-" + kind(vs.get(e.vertexB()));
			final int np = e.pathLength();
			for (int c = 0; c < mid.length; c++) mid[c] = np == 0 ? 0 : e.coordinate(np / 2, c);
			final Table.Row row = t.addRow().set(Columns.FILE, file).set(Columns.FIBRE, f.name).set(Columns.BRANCH, (long) (e.id() + 1))
				.set(Columns.OBJECT, (long) f.network.objectOfEdge(e.id())).set(Columns.BRANCH_TYPE, type).set(Columns.LENGTH, f.network.branchLength(e.id()))
				.set(Columns.VOXEL_LENGTH, e.voxelLength()).set(Columns.EUCLIDEAN, e.euclideanLength()).set(Columns.ANGLE, a)
				.set(Columns.ANGLE_TO_AXIS, toAxis).set(Columns.ORIENTATION, orient).set(Columns.END_CORRECTION, f.network.endCorrection(e.id()))
				.set(Columns.FROM_VERTEX, (long) (e.vertexA() + 1)).set(Columns.TO_VERTEX, (long) (e.vertexB() + 1));
			position(row, mid, f);
			prov.fill(row);
		}
	}

	/** @return whether the region is a stack (sizes are volumes, boundaries surfaces: network.Shapes on 3 dimensions). */
	private static boolean threeD(final RegionAnalysis f) {
		return f.dims.length > 2;
	}

	private static String kind(final SkeletonGraph.Vertex v) {
		return v.type() == SkeletonGraph.VertexType.END_POINT ? "end" : "junction";
	}

	private static void puncta(final Table t, final RegionAnalysis f, final String file, final Prov prov) {
		for (final Punctum p : f.puncta) {
			final Table.Row row = t.addRow().set(Columns.FILE, file).set(Columns.FIBRE, f.name).set(Columns.PUNCTUM, (long) p.id())
				.set(Columns.INTENSITY, p.peakIntensity()).set(Columns.MEAN_INTENSITY, p.meanIntensity()).set(Columns.OBJ_AREA, threeD(f) ? Double.NaN : p.size())
				.set(Columns.VOXEL_VOLUME, threeD(f) ? p.size() : Double.NaN)
				.set(Columns.ON_MITO, Boolean.toString(p.onMitochondria())).set(Columns.DIST_MITO, p.distanceToMitoUm())
				.set(Columns.OBJECT, (long) p.mitoLabel());
			position(row, p.positionUm(), f);
			prov.fill(row);
		}
	}

	/** Reporter (#15) columns of a fibres row, and (whole fibres) its mitolysosomes' rows. */
	private static void reporter(final Table.Row row, final Table lyso, final ImageAnalysis.Result r, final int fi, final String file, final Prov prov) {
		final RegionAnalysis f = r.fibres().get(fi);
		if (r.mitolysosomes() != null) {
			final io.github.myomito.reporter.MitolysosomeResult m = r.mitolysosomes().get(fi);
			final double mito = ReporterReadouts.mitoSize(f);
			row.set(Columns.REPORTER, r.settings().reporter().reporter().id()).set(Columns.MITOLYSOSOMES, (long) m.count())
				.set(Columns.MITOLYSOSOME_DENSITY, f.regionAreaUm2 > 0 ? 100 * m.count() / f.regionAreaUm2 : Double.NaN)
				.set(Columns.MITOLYSOSOME_AREA_FRACTION, mito > 0 ? m.totalSize() / mito : Double.NaN).set(Columns.MITOLYSOSOME_MEAN_SIZE, m.meanSize())
				.set(Columns.MITOLYSOSOME_RATIO_THRESHOLD, m.ratioThreshold());
			if (f.part == RegionAnalysis.Part.ALL)
				for (final io.github.myomito.reporter.Mitolysosome l : m.mitolysosomes()) {
					final Table.Row lr = lyso.addRow().set(Columns.FILE, file).set(Columns.FIBRE, f.name).set(Columns.MITOLYSOSOME, (long) l.id())
						.set(Columns.OBJ_AREA, threeD(f) ? Double.NaN : l.size()).set(Columns.VOXEL_VOLUME, threeD(f) ? l.size() : Double.NaN).set(Columns.MITOLYSOSOME_RATIO, l.ratio()).set(Columns.ACID_INTENSITY, l.meanAcid())
						.set(Columns.OBJECT, (long) l.mitoLabel());
					position(lr, l.positionUm(), f);
					prov.fill(lr);
				}
		}
		if (r.markers() != null) {
			final io.github.myomito.reporter.MarkerIntensity mk = r.markers().get(fi);
			row.set(Columns.FIBRE_TYPE_MARKER, mk.mean()).set(Columns.FIBRE_TYPE_MARKER_MEDIAN, mk.median());
		}
	}

	/** Writes a crop position in image coordinates. */
	private static void position(final Table.Row row, final double[] crop, final RegionAnalysis f) {
		row.set(Columns.X, crop[0] + f.offset[0] * f.spacing[0]);
		row.set(Columns.Y, crop[1] + f.offset[1] * f.spacing[1]);
		row.set(Columns.Z, crop.length > 2 ? crop[2] + (f.offset.length > 2 ? f.offset[2] * f.spacing[2] : 0) : 0.0);
	}

	/** Provenance values shared by all rows of one image. */
	private static final class Prov {
		final long channel;
		final String spacing, unit, hash, version;

		Prov(final ImageAnalysis.Result r, final String hash) {
			channel = r.settings().mitoChannel();
			final StringBuilder sb = new StringBuilder();
			for (final double d : r.image().spacing()) sb.append(sb.length() > 0 ? "x" : "").append(Table.format(d));
			spacing = sb.toString();
			unit = r.image().unit();
			this.hash = hash;
			version = Provenance.version();
		}

		void fill(final Table.Row row) {
			row.set(Columns.CHANNEL, channel).set(Columns.SPACING, spacing).set(Columns.UNIT, unit).set(Columns.SETTINGS_HASH, hash)
				.set(Columns.VERSION, version);
		}
	}
}
