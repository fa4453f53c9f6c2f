package io.github.myomito.results;

import static io.github.myomito.results.Column.count;
import static io.github.myomito.results.Column.real;
import static io.github.myomito.results.Column.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue: every output column of MyoMito, declared once. The keys are public API (CSV headers,
 * JSON keys, macro result keys): add freely, never rename. Columns whose unit is µm, µm² or µm³ hold
 * pixel units when the image has no calibration (the {@code unit} column then says "pixel").
 * {@code docs/columns.md} is generated from this class ({@code myomito columns --markdown}).
 */
public final class Columns {

	private Columns() {}

	private static final String MINA = "Valente et al. 2017, Acta Histochem 119:315, doi:10.1016/j.acthis.2017.03.001 (MiNA)";
	private static final String MA = "Chaudhry, Shi & Luciani 2020, Am J Physiol Endocrinol Metab 318:E87, doi:10.1152/ajpendo.00457.2019 (Mitochondria Analyzer)";
	private static final String ASK = "Arganda-Carreras et al. 2010, Microsc Res Tech 73:1019, doi:10.1002/jemt.20829 (AnalyzeSkeleton)";
	private static final String CROFTON = "Legland et al. 2007, Image Anal Stereol 26:83, doi:10.5566/ias.v26.p83-92";
	private static final String MANDERS = "Manders et al. 1993, J Microsc 169:375, doi:10.1111/j.1365-2818.1993.tb03313.x";
	private static final String COSTES = "Costes et al. 2004, Biophys J 86:3993, doi:10.1529/biophysj.103.038422";

	// ---- provenance (every table) ----
	/** Input file as given on the command line / in the batch. */
	public static final Column FILE = text("file", "File", "input image path as given");
	/** Mitochondria channel (1-based). */
	public static final Column CHANNEL = count("channel", "Mitochondria channel", "1-based channel index of the mitochondrial marker", "");
	/** Spacing. */
	public static final Column SPACING = text("spacing", "Pixel spacing", "pixel/voxel size per axis, x·y[·z], in the unit column's unit");
	/** Unit. */
	public static final Column UNIT = text("unit", "Length unit", "µm, or pixel when the image has no spatial calibration");
	/** Settings hash. */
	public static final Column SETTINGS_HASH = text("settings_hash", "Settings hash", "first 12 hex digits of SHA-256 of the analysis settings JSON");
	/** Version. */
	public static final Column VERSION = text("version", "MyoMito version", "version of MyoMito that wrote the row");

	// ---- status ----
	/** ok / warning / error. */
	public static final Column STATUS = text("status", "Status", "ok, warning (analysed with remarks) or error (not analysed)");
	/** Why. */
	public static final Column MESSAGE = text("message", "Message", "warnings or the error, naming the problem");

	// ---- network summary (images and fibres) ----
	/** Objects. */
	public static final Column OBJECTS = count("objects", "Mitochondrial objects", "connected components of the mask (8/26-connected)", MA);
	/** Individuals. */
	public static final Column INDIVIDUALS = count("individuals", "Individuals", "puncta + rods (objects with 0 or 1 branch)", MINA);
	/** Puncta. */
	public static final Column PUNCTA = count("puncta", "Puncta", "objects whose skeleton has no branch", MINA);
	/** Rods. */
	public static final Column RODS = count("rods", "Rods", "objects whose skeleton is one unbranched branch", MINA);
	/** Networks. */
	public static final Column NETWORKS = count("networks", "Networks", "objects whose skeleton has ≥ 2 branches", MINA);
	/** Branches. */
	public static final Column BRANCHES = count("branches", "Branches", "edges of the skeleton graph", ASK);
	/** Junctions. */
	public static final Column JUNCTIONS = count("junctions", "Junctions", "junction vertices (clusters of adjacent voxels with > 2 neighbours)", ASK);
	/** End-points. */
	public static final Column ENDPOINTS = count("endpoints", "End-points", "branch ends that are free (end-point voxels with one neighbour; a punctum's single voxel is not counted)", ASK);
	/** Triple points. */
	public static final Column TRIPLE_POINTS = count("triple_points", "Triple points", "junctions whose voxels have, summed over the junction, exactly 3 slab or end-point neighbours (AnalyzeSkeleton's rule; equals 3 branch ends)", ASK);
	/** Quadruple points. */
	public static final Column QUADRUPLE_POINTS = count("quadruple_points", "Quadruple points", "junctions whose voxels have, summed over the junction, exactly 4 slab or end-point neighbours (AnalyzeSkeleton's rule; equals 4 branch ends)", ASK);
	/** Loops. */
	public static final Column LOOPS = count("loops", "Loops", "cyclomatic number E − V + C of the skeleton graph (independent cycles)", "");
	/** Total length. */
	public static final Column TOTAL_LENGTH = real("total_length_um", "Total branch length", "µm", "Σ branch lengths (smoothed paths, measured to junction centres, free ends corrected for the PSF blur in 2D)", MINA);
	/** Mean branch length. */
	public static final Column MEAN_BRANCH_LENGTH = real("mean_branch_length_um", "Mean branch length", "µm", "total_length_um / branches", MINA);
	/** Median branch length. */
	public static final Column MEDIAN_BRANCH_LENGTH = real("median_branch_length_um", "Median branch length", "µm", "median of smoothed branch lengths", MINA);
	/** Footprint. */
	public static final Column FOOTPRINT = real("footprint_um2", "Mitochondrial footprint", "µm²", "2D: Σ over objects of the PSF-corrected area 2r·L + (e/2)·πr² − J·2r² (πr² for a punctum; r: blur-corrected radius, L: length, e: free ends, J: Σ(degree − 2) over junctions; network.SizeModel), the mask area where r is unknown or with --no-end-correction (the mask area itself is mask_area_um2); 3D: the area of the mask's z-projection", MINA);
	/** Volume. */
	public static final Column VOLUME = real("volume_um3", "Mitochondrial volume", "µm³", "3D: Σ over objects of the PSF-corrected volume πr²·L + (e/2)·(4/3)πr³ − J·(8/3)r³ ((4/3)πr³ for a punctum; network.SizeModel), the mask volume where r is unknown (mask_volume_um3); NaN for 2D images", "");
	/** Region area. */
	public static final Column REGION_AREA = real("region_area_um2", "Region area", "µm²", "area of the analysed region (fibre or whole image) in the x–y plane", "");
	/** Mito coverage. */
	public static final Column COVERAGE = real("coverage", "Mitochondrial coverage", "1", "footprint_um2 / region_area_um2", "");
	/** Mean branches per network. */
	public static final Column BRANCHES_PER_NETWORK = real("mean_branches_per_network", "Mean branches per network", "1", "branches in networks / networks", MINA);
	/** Mean form factor. */
	public static final Column MEAN_FORM_FACTOR = real("mean_form_factor", "Mean form factor", "1", "mean over objects of P²/(4πA) (2D) or S³/(36πV²) (3D)", MA);
	/** Mean aspect ratio. */
	public static final Column MEAN_ASPECT_RATIO = real("mean_aspect_ratio", "Mean aspect ratio", "1", "mean over objects of major/minor axis of the equivalent ellipse", MA);
	/** Mean width. */
	public static final Column MEAN_WIDTH = real("mean_width_um", "Mean width", "µm", "mean over skeleton voxels of the objects' widths width_um (PSF-corrected 2r; the mask's 2·d − s where r is unknown; mask_width_um is the mask's)", "");
	/** Branches per object. */
	public static final Column BRANCHES_PER_OBJECT = real("branches_per_object", "Branches per mitochondrion", "1", "branches / objects", MA);
	/** Junctions per object. */
	public static final Column JUNCTIONS_PER_OBJECT = real("junctions_per_object", "Junctions per mitochondrion", "1", "junctions / objects", MA);
	/** End-points per object. */
	public static final Column ENDPOINTS_PER_OBJECT = real("endpoints_per_object", "End-points per mitochondrion", "1", "endpoints / objects", MA);
	/** Objects per area. */
	public static final Column OBJECTS_PER_100UM2 = real("objects_per_100um2", "Objects per 100 µm²", "1/(100 µm²)", "100 · objects / region_area_um2", MA);
	/** Branches per area. */
	public static final Column BRANCHES_PER_100UM2 = real("branches_per_100um2", "Branches per 100 µm²", "1/(100 µm²)", "100 · branches / region_area_um2", MA);
	/** Loops per area. */
	public static final Column LOOPS_PER_100UM2 = real("loops_per_100um2", "Loops per 100 µm²", "1/(100 µm²)", "100 · loops / region_area_um2", "");
	/** Mean vertex degree. */
	public static final Column MEAN_DEGREE = real("mean_vertex_degree", "Mean vertex degree", "1", "mean number of branch ends at end-points and junctions", "");
	/** 4-way fraction. */
	public static final Column FOUR_WAY_FRACTION = real("four_way_junction_fraction", "4-way junction fraction", "1", "quadruple_points / junctions (NaN without junctions)", "");
	/** Largest component share. */
	public static final Column LARGEST_SHARE = real("largest_component_share", "Largest-component share", "1", "length of the longest skeleton tree / total_length_um", "");
	/** Fragmentation. */
	public static final Column FRAGMENTATION = real("fragmentation_index", "Fragmentation index", "1",
		"objects / (objects + junctions): 1 when no object branches (all puncta and rods), → 0 for a few highly branched networks", "");
	/** Threshold. */
	public static final Column THRESHOLD = real("threshold", "Threshold", "intensity", "threshold applied to the (enhanced) mitochondrial image", "");

	// ---- fibres / lattice ----
	/** Fibre id. */
	public static final Column FIBRE = text("fibre", "Fibre", "fibre name (ROI name, label number, or 'image' for the whole image)");
	/** Fibre source. */
	public static final Column FIBRE_SOURCE = text("fibre_source", "Fibre source", "roi, labels, auto (detected) or image (whole image)");
	/** Region part. */
	public static final Column REGION = text("region", "Region", "all, subsarcolemmal (within the band depth of the fibre edge) or imf (interior)");
	/** Fibre area. */
	public static final Column AREA = real("area_um2", "Fibre area", "µm²", "area of the fibre region (x–y)", "");
	/** Axis. */
	public static final Column AXIS_DEG = real("axis_deg", "Fibre axis", "°", "fibre axis, degrees counter-clockwise from the image x axis, 0–180 (ImageJ convention)", "");
	/** Axis source. */
	public static final Column AXIS_SOURCE = text("axis_source", "Axis source", "user, periodicity (direction of the sarcomeric period), pca (long axis of the fibre outline, when there is no believable period), structure-tensor (image texture) or structure-tensor+pca");
	/** Coherency. */
	public static final Column COHERENCY = real("coherency", "Structure-tensor coherency", "1", "(λ₁ − λ₂)/(λ₁ + λ₂) of the averaged structure tensor",
		"Rezakhaniha et al. 2012, Biomech Model Mechanobiol 11:461, doi:10.1007/s10237-011-0325-z");
	/** Transverse fraction. */
	public static final Column TRANSVERSE = real("transverse_fraction", "Transverse fraction", "1", "length-weighted fraction of branches within ±θ of perpendicular to the axis", "");
	/** Longitudinal fraction. */
	public static final Column LONGITUDINAL = real("longitudinal_fraction", "Longitudinal fraction", "1", "length-weighted fraction of branches within ±θ of parallel to the axis", "");
	/** Oblique fraction. */
	public static final Column OBLIQUE = real("oblique_fraction", "Oblique fraction", "1", "1 − transverse − longitudinal", "");
	/** Order parameter. */
	public static final Column ORDER = real("order_parameter", "Orientation order parameter", "1", "S = Σ L·cos 2φ / Σ L, φ = branch angle to the axis: +1 longitudinal, −1 transverse", "de Gennes & Prost 1993, The Physics of Liquid Crystals");
	/** Period. */
	public static final Column PERIOD = real("period_um", "Period along the axis", "µm", "dominant period of the mitochondrial profile along the fibre axis", "");
	/** Regularity. */
	public static final Column REGULARITY = real("period_regularity", "Period regularity", "1", "normalised autocorrelation of the axial profile at the period lag", "");
	/** Doublets. */
	public static final Column DOUBLETS = real("doublet_fraction", "I-band doublet fraction", "1", "fraction of periods whose profile shows two resolved peaks", "");
	/** Length-weighted histogram of branch angles to the fibre axis, 9 bins of 10° (0° = parallel). */
	public static final List<Column> ANGLE_HISTOGRAM = histogram();

	private static List<Column> histogram() {
		final List<Column> h = new ArrayList<>();
		for (int b = 0; b < 90; b += 10)
			h.add(real(String.format(java.util.Locale.ROOT, "angle_%02d_%02d_fraction", b, b + 10), "Branch length at " + b + "–" + (b + 10) + "° to the axis", "1",
				"length-weighted fraction of branches whose angle to the fibre axis is in [" + b + "°, " + (b + 10) + "°)" + (b == 80 ? " (90° included)" : ""), ""));
		return Collections.unmodifiableList(h);
	}

	/** Lattice index. */
	public static final Column LATTICE_INDEX = real("lattice_index", "Lattice index", "1", "weighted mean of saturating transforms of loops, 4-way junctions, T/L balance, periodicity and connectivity (docs/lattice.md)", "");

	// ---- LC3 / colocalisation (fibres) ----
	/** LC3 channel. */
	public static final Column LC3_CHANNEL = count("lc3_channel", "LC3 channel", "1-based LC3 channel (0 = none)", "");
	/** LC3 puncta. */
	public static final Column LC3_PUNCTA = count("lc3_puncta", "LC3 puncta", "detected LC3 puncta in the region", "");
	/** LC3 density. */
	public static final Column LC3_DENSITY = real("lc3_puncta_per_100um2", "LC3 puncta per 100 µm²", "1/(100 µm²)", "100 · lc3_puncta / region area", "");
	/** On-mito fraction. */
	public static final Column LC3_ON_MITO = real("lc3_on_mito_fraction", "LC3 puncta on mitochondria", "1", "fraction of LC3 puncta on the mitochondrial mask (mitophagosomes)", "");
	/** Mitophagosome density. */
	public static final Column MITOPHAGOSOME_DENSITY = real("mitophagosomes_per_100um2", "Mitophagosomes per 100 µm²", "1/(100 µm²)", "100 · puncta on mitochondria / region area", "");
	/** LC3-positive mito fraction. */
	public static final Column LC3_POSITIVE_MITO = real("lc3_positive_mito_fraction", "LC3-positive mitochondria", "1", "fraction of mitochondrial objects touched by ≥ 1 LC3 punctum", "");
	/** Size of LC3+ mito. */
	public static final Column LC3_POS_SIZE = real("lc3_positive_mito_mean_size_um2", "Mean size of LC3+ mitochondria", "µm²", "mean area (µm³ in 3D) of LC3-positive objects", "");
	/** Size of LC3- mito. */
	public static final Column LC3_NEG_SIZE = real("lc3_negative_mito_mean_size_um2", "Mean size of LC3− mitochondria", "µm²", "mean area (µm³ in 3D) of LC3-negative objects", "");
	/** Pearson. */
	public static final Column PEARSON = real("pearson", "Pearson's r", "1", "Pearson correlation of mitochondria and LC3 over the region's pixels", MANDERS);
	/** Pearson above. */
	public static final Column PEARSON_ABOVE = real("pearson_above", "Pearson's r above thresholds", "1", "r over pixels with both channels above their thresholds", COSTES);
	/** Pearson below. */
	public static final Column PEARSON_BELOW = real("pearson_below", "Pearson's r below thresholds", "1", "r over pixels with either channel at or below its threshold", COSTES);
	/** M1. */
	public static final Column M1 = real("manders_m1", "Manders' M1", "1", "Σ mito where LC3 > 0 / Σ mito", MANDERS);
	/** M2. */
	public static final Column M2 = real("manders_m2", "Manders' M2", "1", "Σ LC3 where mito > 0 / Σ LC3", MANDERS);
	/** tM1. */
	public static final Column TM1 = real("manders_tm1", "Manders' tM1", "1", "Σ mito where LC3 > T_LC3 / Σ mito (above its threshold)", COSTES);
	/** tM2. */
	public static final Column TM2 = real("manders_tm2", "Manders' tM2", "1", "Σ LC3 where mito > T_mito / Σ LC3 (above its threshold)", COSTES);
	/** Thresholds. */
	public static final Column THRESHOLD_CH1 = real("threshold_ch1", "Threshold mitochondria", "intensity", "threshold of channel 1 used for tM1/tM2", COSTES);
	/** Thresholds. */
	public static final Column THRESHOLD_CH2 = real("threshold_ch2", "Threshold LC3", "intensity", "threshold of channel 2 used for tM1/tM2", COSTES);
	/** Costes P. */
	public static final Column COSTES_P = real("costes_p", "Costes P-value", "1", "fraction of block-randomised r below the observed r (≥ 0.95: significant)", COSTES);
	/** Spearman. */
	public static final Column SPEARMAN = real("spearman", "Spearman's ρ", "1", "rank correlation (average ranks for ties)", "Spearman 1904");
	/** Kendall. */
	public static final Column KENDALL = real("kendall_tau", "Kendall's τ-b", "1", "τ-b with ties, O(n log n)", "Knight 1966, J Am Stat Assoc 61:436, doi:10.1080/01621459.1966.10480879");
	/** ICQ. */
	public static final Column ICQ = real("li_icq", "Li's ICQ", "1", "fraction of pixels with (a−ā)(b−b̄) > 0, minus 0.5", "Li et al. 2004, J Neurosci 24:4070, doi:10.1523/JNEUROSCI.0346-04.2004");

	// ---- objects ----
	/** Object label. */
	public static final Column OBJECT = count("object", "Object", "label of the object in the label image (1..n)", "");
	/** Object class. */
	public static final Column CLASS = text("class", "Class", "punctum (0 branches), rod (1 branch) or network (≥ 2 branches)");
	/** Size. */
	public static final Column OBJ_AREA = real("area_um2", "Area", "µm²", "pixel count × pixel area (volume in µm³ for 3D images)", "");
	/** Perimeter. */
	public static final Column PERIMETER = real("perimeter_um", "Perimeter", "µm", "Crofton perimeter, 4 directions (surface area in µm² for 3D)", CROFTON);
	/** Form factor. */
	public static final Column FORM_FACTOR = real("form_factor", "Form factor", "1", "P²/(4πA) (2D), S³/(36πV²) (3D)", MA);
	/** Aspect ratio. */
	public static final Column ASPECT_RATIO = real("aspect_ratio", "Aspect ratio", "1", "major/minor axis of the equivalent ellipse", MA);
	/** Width. */
	public static final Column WIDTH = real("width_um", "Mean width", "µm", "2r, r the blur-corrected radius from the object's cross profiles and the known PSF (network.EndCorrection.radii); where r is unknown (or --no-end-correction) the mean over its skeleton voxels of 2·d − s (d: distance to background, s: pixel size)", "");
	/** Centroid. */
	public static final Column X = real("x_um", "x", "µm", "x coordinate (centroid or position)", "");
	/** Centroid. */
	public static final Column Y = real("y_um", "y", "µm", "y coordinate", "");
	/** Centroid. */
	public static final Column Z = real("z_um", "z", "µm", "z coordinate (0 for 2D)", "");
	/** LC3 on this object. */
	public static final Column OBJ_LC3 = count("lc3_puncta_on", "LC3 puncta on object", "LC3 puncta whose centre lies on this object", "");

	// ---- branches ----
	/** Branch id. */
	public static final Column BRANCH = count("branch", "Branch", "branch number within the image (1..n)", "");
	/** Length. */
	public static final Column LENGTH = real("length_um", "Length", "µm",
		"smoothed polyline length of the branch path, measured to the centres of its junctions, plus end_correction_um", "");
	/** Free-end correction. */
	public static final Column END_CORRECTION = real("end_correction_um", "Free-end correction", "µm",
		"length added at the branch's free ends for the PSF blur: Σ over end-points (t − a(r̂, σ)), t = distance from the skeleton end to the half-maximum of the intensity along the branch, a = where a blurred capsule of the measured radius r̂ is at half maximum beyond its centre line's end; a spherocylinder under an isotropic 3D Gaussian in stacks; 0 for junction-junction branches, with the correction off and for stacks neither deconvolved nor of isotropic PSF (see network.EndCorrection)",
		"Demchouk, Gardner & Odde 2011, Cell Mol Bioeng 4:192, doi:10.1007/s12195-010-0155-6");
	/** Voxel length. */
	public static final Column VOXEL_LENGTH = real("voxel_length_um", "Voxel-step length", "µm", "Σ calibrated steps between consecutive path voxels (as AnalyzeSkeleton)", ASK);
	/** Euclidean. */
	public static final Column EUCLIDEAN = real("euclidean_um", "End-to-end distance", "µm", "distance between the branch's end vertices", ASK);
	/** Angle. */
	public static final Column ANGLE = real("angle_deg", "Branch angle", "°", "principal direction of the branch, counter-clockwise from the x axis, 0–180", "");
	/** Angle to axis. */
	public static final Column ANGLE_TO_AXIS = real("angle_to_axis_deg", "Angle to fibre axis", "°", "0 = parallel, 90 = perpendicular", "");
	/** Orientation. */
	public static final Column ORIENTATION = text("orientation", "Orientation", "transverse, longitudinal or oblique (tolerance θ)");
	/** Vertex types. */
	public static final Column BRANCH_TYPE = text("branch_type", "Branch type", "end-end, end-junction, junction-junction or loop");

	// ---- puncta ----
	/** Punctum id. */
	public static final Column PUNCTUM = count("punctum", "Punctum", "punctum number within the image (1..n)", "");
	/** Intensity. */
	public static final Column INTENSITY = real("intensity", "Peak intensity", "intensity", "LC3 intensity at the punctum centre", "");
	/** Mean intensity. */
	public static final Column MEAN_INTENSITY = real("mean_intensity", "Mean intensity", "intensity", "mean LC3 intensity over the punctum area", "");
	/** On mito. */
	public static final Column ON_MITO = text("on_mito", "On mitochondria", "true when the punctum lies on the mitochondrial mask");
	/** Distance. */
	public static final Column DIST_MITO = real("distance_to_mito_um", "Distance to mitochondria", "µm", "distance from the punctum centre to the nearest mitochondrial pixel (0 on mitochondria)", "");

	// ---- sizes measured on the mask (#16) ----
	/** Mask area. */
	public static final Column MASK_AREA = real("mask_area_um2", "Mask area", "µm²", "pixel count of the mask × pixel area (2D; in 3D the area of its z-projection): the footprint as thresholded, wider than the mitochondria by the blur", "");
	/** Mask volume. */
	public static final Column MASK_VOLUME = real("mask_volume_um3", "Mask volume", "µm³", "voxel count of the mask × voxel volume (3D; NaN for 2D images)", "");
	/** Mask width. */
	public static final Column MASK_WIDTH = real("mask_width_um", "Mask width", "µm", "mean over skeleton voxels of 2·d − s (d: the mask's distance to background, s: pixel size)", "");
	/** The mask-based sizes (images and fibres tables). */
	public static final List<Column> MASK_SIZES = Collections.unmodifiableList(Arrays.asList(MASK_AREA, MASK_VOLUME, MASK_WIDTH));

	private static List<Column> list(final Column... c) {
		return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(c)));
	}

	/** Provenance columns added to every table. */
	public static final List<Column> PROVENANCE = list(CHANNEL, SPACING, UNIT, SETTINGS_HASH, VERSION);

	/** Network summary columns (images and fibres tables). */
	public static final List<Column> NETWORK = list(OBJECTS, INDIVIDUALS, PUNCTA, RODS, NETWORKS, BRANCHES, JUNCTIONS, ENDPOINTS,
		TRIPLE_POINTS, QUADRUPLE_POINTS, LOOPS, TOTAL_LENGTH, MEAN_BRANCH_LENGTH, MEDIAN_BRANCH_LENGTH, FOOTPRINT, VOLUME, REGION_AREA,
		COVERAGE, BRANCHES_PER_NETWORK, MEAN_FORM_FACTOR, MEAN_ASPECT_RATIO, MEAN_WIDTH, BRANCHES_PER_OBJECT, JUNCTIONS_PER_OBJECT,
		ENDPOINTS_PER_OBJECT, OBJECTS_PER_100UM2, BRANCHES_PER_100UM2, LOOPS_PER_100UM2, MEAN_DEGREE, FOUR_WAY_FRACTION, LARGEST_SHARE,
		FRAGMENTATION, THRESHOLD);

	/** Lattice columns of the fibres table. */
	public static final List<Column> LATTICE = concat(list(AXIS_DEG, AXIS_SOURCE, COHERENCY, TRANSVERSE, LONGITUDINAL, OBLIQUE, ORDER, PERIOD,
		REGULARITY, DOUBLETS, LATTICE_INDEX), ANGLE_HISTOGRAM);

	/** LC3 / colocalisation columns of the fibres table. */
	public static final List<Column> MITOPHAGY = list(LC3_CHANNEL, LC3_PUNCTA, LC3_DENSITY, LC3_ON_MITO, MITOPHAGOSOME_DENSITY, LC3_POSITIVE_MITO,
		LC3_POS_SIZE, LC3_NEG_SIZE, PEARSON, PEARSON_ABOVE, PEARSON_BELOW, M1, M2, TM1, TM2, THRESHOLD_CH1, THRESHOLD_CH2, COSTES_P, SPEARMAN,
		KENDALL, ICQ);

	private static List<Column> concat(final List<?>... parts) {
		final List<Column> out = new ArrayList<>();
		for (final List<?> p : parts)
			for (final Object o : p) out.add((Column) o);
		return Collections.unmodifiableList(out);
	}

	/** {@code images.csv}: one row per input file. */
	public static final List<Column> IMAGES = concat(list(FILE, STATUS, MESSAGE), NETWORK, MASK_SIZES, list(Column.count("fibres", "Fibres", "fibres analysed in the image", "")), PROVENANCE);

	/** {@code fibres.csv}: one row per fibre (and region part). */
	public static final List<Column> FIBRES = concat(list(FILE, FIBRE, FIBRE_SOURCE, REGION, AREA), LATTICE, NETWORK, MASK_SIZES, MITOPHAGY, PROVENANCE);

	/** {@code objects.csv}: one row per mitochondrial object. */
	public static final List<Column> OBJECTS_TABLE = concat(list(FILE, FIBRE, OBJECT, CLASS, OBJ_AREA, PERIMETER, FORM_FACTOR, ASPECT_RATIO, WIDTH,
		BRANCHES, JUNCTIONS, ENDPOINTS, LOOPS, TOTAL_LENGTH, MEAN_BRANCH_LENGTH, X, Y, Z, OBJ_LC3), PROVENANCE);

	/** {@code branches.csv}: one row per skeleton branch. */
	public static final List<Column> BRANCHES_TABLE = concat(list(FILE, FIBRE, BRANCH, OBJECT, BRANCH_TYPE, LENGTH, VOXEL_LENGTH, EUCLIDEAN, ANGLE,
		ANGLE_TO_AXIS, ORIENTATION, X, Y, Z, END_CORRECTION), PROVENANCE);

	/** {@code puncta.csv}: one row per LC3 punctum. */
	public static final List<Column> PUNCTA_TABLE = concat(list(FILE, FIBRE, PUNCTUM, X, Y, Z, INTENSITY, MEAN_INTENSITY, OBJ_AREA, ON_MITO, DIST_MITO,
		OBJECT), PROVENANCE);

	/** All output tables by file name stem, in output order. */
	public static Map<String, List<Column>> tables() {
		final Map<String, List<Column>> m = new LinkedHashMap<>();
		m.put("images", IMAGES);
		m.put("fibres", FIBRES);
		m.put("objects", OBJECTS_TABLE);
		m.put("branches", BRANCHES_TABLE);
		m.put("puncta", PUNCTA_TABLE);
		return m;
	}
}
