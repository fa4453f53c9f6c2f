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
	public static final Column CHANNEL = count("mito_channel", "Mitochondria channel", "1-based channel index of the mitochondrial marker", "");
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
	public static final Column PERIOD = real("period_um", "Period along the axis", "µm", "dominant period of the mitochondrial profile along the fibre axis; NaN when period_regularity < 0.45, i.e. no period (docs/lattice.md)", "");
	/** Regularity. */
	public static final Column REGULARITY = real("period_regularity", "Period regularity", "1", "normalised autocorrelation of the axial profile at the period lag", "");
	/** Doublets. */
	public static final Column DOUBLETS = real("doublet_fraction", "I-band doublet fraction", "1", "fraction of periods whose profile shows two resolved peaks; NaN without a period", "");
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
	public static final Column LATTICE_INDEX = real("lattice_index", "Lattice index", "1", "weighted mean of saturating transforms of loops, 4-way junctions, T/L balance, periodicity and connectivity; NaN for an empty mask (docs/lattice.md)", "");

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
	public static final Column TM1 = real("manders_tm1", "Manders' tM1", "1", "Σ mito where LC3 > 0 and LC3 ≥ T_LC3 / Σ mito of the region (as Coloc 2)", COSTES);
	/** tM2. */
	public static final Column TM2 = real("manders_tm2", "Manders' tM2", "1", "Σ LC3 where mito > 0 and mito ≥ T_mito / Σ LC3 of the region (as Coloc 2)", COSTES);
	/** Thresholds. */
	public static final Column THRESHOLD_CH1 = real("threshold_ch1", "Threshold mitochondria", "intensity", "threshold of channel 1 used for tM1/tM2", COSTES);
	/** Thresholds. */
	public static final Column THRESHOLD_CH2 = real("threshold_ch2", "Threshold LC3", "intensity", "threshold of channel 2 used for tM1/tM2", COSTES);
	/** Costes P. */
	public static final Column COSTES_P = real("costes_p", "Costes P-value", "1", "fraction of block-randomised r below the observed r (≥ 0.95: significant); 100 randomisations by default (--randomisations; NaN with 0)", COSTES);
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
	public static final Column OBJ_AREA = real("area_um2", "Area", "µm²", "pixel count × pixel area (2D; NaN for 3D images, see voxel_volume_um3)", "");
	/** Perimeter. */
	public static final Column PERIMETER = real("perimeter_um", "Perimeter", "µm", "Crofton perimeter, 4 directions (2D; NaN for 3D images, see surface_um2)", CROFTON);
	/** Size of a 3D object (#16 item 11: a volume is not called an area). */
	public static final Column VOXEL_VOLUME = real("voxel_volume_um3", "Volume (voxels)", "µm³", "3D: voxel count × voxel volume; NaN for 2D images (see area_um2)", "");
	/** Surface of a 3D object. */
	public static final Column SURFACE = real("surface_um2", "Surface area", "µm²", "3D: exposed voxel faces × face area × 2/3 (3-direction Crofton estimate); NaN for 2D images (see perimeter_um)", CROFTON);
	/** Graph vertex at the start of a branch (#16 item 11). */
	public static final Column FROM_VERTEX = count("from_vertex", "From vertex", "id (1..n within the fibre) of the branch's first vertex, as in the GraphML export (analyze --save-masks); 0 for an isolated loop", ASK);
	/** Graph vertex at the end of a branch. */
	public static final Column TO_VERTEX = count("to_vertex", "To vertex", "id (1..n within the fibre) of the branch's second vertex (= from_vertex for a self-loop); 0 for an isolated loop", ASK);
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

	// ---- phenotype calls (#12): phenotypes.csv and groups.csv (docs/phenotypes.md) ----
	private static final String LEI = "Lei et al. 2024, Cell Mol Biol Lett 29:59, doi:10.1186/s11658-024-00572-y";
	/** Condition. */
	public static final Column CONDITION = text("condition", "Condition", "condition from the sample sheet (all without one)");
	/** Animal. */
	public static final Column ANIMAL = text("animal", "Animal", "animal from the sample sheet (empty: the image is its own unit)");
	/** Time point. */
	public static final Column TIMEPOINT = text("timepoint", "Time point", "time point or stage from the sample sheet (column timepoint or stage; empty if none)");
	/** Network type. */
	public static final Column NETWORK_TYPE = text("network_type", "Network type",
		"oxidative-lattice, intermediate or glycolytic-fragmented: the first type whose min_score the network score reaches (fibre-type baseline [53])");
	/** Network score. */
	public static final Column NETWORK_SCORE = real("network_score", "Network score", "1",
		"N = Σ wᵢ tᵢ(xᵢ) / Σ wᵢ over lattice index, saturated loops, 4-way fraction, transverse/longitudinal balance, period regularity, 1 − fragmentation, saturated coverage (weights in the patterns file)", LEI);
	/** Dynamics state. */
	public static final Column DYNAMICS_STATE = text("dynamics_state", "Dynamics state",
		"balanced, fission-dominant, fusion-dominant or swollen, relative to the reference (signature score ≥ threshold)");
	/** Dynamics score. */
	public static final Column DYNAMICS_SCORE = real("dynamics_score", "Dynamics score", "1",
		"best signature's weighted Stouffer score S = Σ wᵢ dᵢ zᵢ / √Σ wᵢ², zᵢ = (x − median_ref) / max(1.4826·MAD_ref, floor) clipped to ±4", "Stouffer et al. 1949; Lipták 1958");
	/** Dynamics source. */
	public static final Column DYNAMICS_SOURCE = text("dynamics_source", "Dynamics source", "morphology (a fixed image's proxy) or measured rates (time-lapse fission/fusion rates in the signature)");
	/** Mitophagy state. */
	public static final Column MITOPHAGY_STATE = text("mitophagy_state", "Mitophagy state",
		"elevated, basal or reduced relative to the reference from the LC3 (and pH-reporter) readouts; not-measured without an LC3 or reporter channel");
	/** Mitophagy score. */
	public static final Column MITOPHAGY_SCORE = real("mitophagy_score", "Mitophagy score", "1", "weighted Stouffer score of the mitophagy readouts (+ = more mitophagy)", "");
	/** Consistent models. */
	public static final Column CONSISTENT_MODELS = text("consistent_models", "Consistent with (Table 3)",
		"Table 3 rows of the review whose reported direction agrees with the observed dynamics balance / mitophagy direction: 'model: change [refs]', '; '-separated");
	/** Conflicting models. */
	public static final Column CONFLICTING_MODELS = text("conflicting_models", "Conflicting (Table 3)",
		"Table 3 rows whose reported direction disagrees (time-dependent rows named as such); conflicting literature is always listed");
	/** Signatures. */
	public static final Column SIGNATURES = text("signatures", "Matching signature", "the review's dynamics signature of the called state with its references");
	/** Confidence. */
	public static final Column CONFIDENCE = real("confidence", "Confidence", "1", "smallest of the calls' confidences (halved against a built-in reference)", "");
	/** Network type confidence. */
	public static final Column NETWORK_CONFIDENCE = real("network_type_confidence", "Network type confidence", "1", "Φ(d / 0.05), d the distance of the network score to the nearest type bound", "");
	/** Dynamics confidence. */
	public static final Column DYNAMICS_CONFIDENCE = real("dynamics_confidence", "Dynamics confidence", "1", "min(Φ(S − t), Φ(S − S₂)) for a call, Φ(t − S) for balanced (S best score, S₂ runner-up, t threshold)", "");
	/** Mitophagy confidence. */
	public static final Column MITOPHAGY_CONFIDENCE = real("mitophagy_confidence", "Mitophagy confidence", "1", "Φ(|S| − t) for a call, Φ(t − |S|) for basal; NaN when not measured", "");
	/** Reference. */
	public static final Column REFERENCE = text("reference", "Reference", "control:<name> (the control condition's fibres), built-in:<network type> (simulator-derived, docs/phenotypes.md), self (the control) or none");
	/** Evidence. */
	public static final Column EVIDENCE = text("evidence", "Evidence", "per call: the features that drove it, their values, the reference values and the effect sizes (z, Cliff's δ, q)");
	/** Patterns file. */
	public static final Column PATTERNS = text("patterns", "Knowledge base", "id@version of the patterns file the calls were read against");
	/** Record kind. */
	public static final Column RECORD = text("record", "Record", "feature (a feature's statistics) or call (the condition's group calls)");
	/** Unit of replication. */
	public static final Column REPLICATION_UNIT = text("replication_unit", "Unit of replication", "fibre, image (median of its fibres) or animal (median of its image medians)");
	/** Feature. */
	public static final Column FEATURE = text("feature", "Feature", "fibres.csv column (or derived feature) compared");
	/** n. */
	public static final Column N = count("n", "n", "units of replication in the condition (fibres on call rows)", "");
	/** Median. */
	public static final Column MEDIAN = real("median", "Median", "feature", "median over the condition's units", "");
	/** Q1. */
	public static final Column Q1 = real("q1", "First quartile", "feature", "25th percentile (R type 7)", "Hyndman & Fan 1996, Am Stat 50:361");
	/** Q3. */
	public static final Column Q3 = real("q3", "Third quartile", "feature", "75th percentile (R type 7)", "Hyndman & Fan 1996, Am Stat 50:361");
	/** Control n. */
	public static final Column CONTROL_N = count("control_n", "Control n", "units of replication in the control", "");
	/** Control median. */
	public static final Column CONTROL_MEDIAN = real("control_median", "Control median", "feature", "median over the control's units", "");
	/** Control Q1. */
	public static final Column CONTROL_Q1 = real("control_q1", "Control first quartile", "feature", "25th percentile of the control", "");
	/** Control Q3. */
	public static final Column CONTROL_Q3 = real("control_q3", "Control third quartile", "feature", "75th percentile of the control", "");
	/** Cliff's delta. */
	public static final Column CLIFFS_DELTA = real("cliffs_delta", "Cliff's δ", "1", "(#(a > b) − #(a < b)) / (n_a n_b), condition a vs control b", "Cliff 1993, Psychol Bull 114:494, doi:10.1037/0033-2909.114.3.494");
	/** Hedges' g. */
	public static final Column HEDGES_G = real("hedges_g", "Hedges' g", "1", "J·(ā − b̄)/s_pooled, J = 1 − 3/(4(n_a + n_b) − 9)", "Hedges 1981, J Educ Stat 6:107, doi:10.3102/10769986006002107");
	/** U. */
	public static final Column MANN_WHITNEY_U = real("mann_whitney_u", "Mann–Whitney U", "1", "max(U_a, U_b), as commons-math3 reports it", "Mann & Whitney 1947, Ann Math Stat 18:50");
	/** p. */
	public static final Column P_VALUE = real("p_value", "p-value", "1", "two-sided Mann–Whitney U test, normal approximation (commons-math3)", "Mann & Whitney 1947, Ann Math Stat 18:50");
	/** q. */
	public static final Column Q_VALUE = real("q_value", "q-value", "1", "Benjamini–Hochberg over the features of the condition", "Benjamini & Hochberg 1995, J R Stat Soc B 57:289");
	// ---- mitophagy reporters and fibre type (#15) ----
	private static final String MQC = "McWilliams et al. 2016, J Cell Biol 214:333, doi:10.1083/jcb.201603039 (mito-QC); Sun et al. 2017, Nat Protoc 12:1576, doi:10.1038/nprot.2017.060 (mt-Keima)";
	/** Reporter. */
	public static final Column REPORTER = text("reporter", "Mitophagy reporter", "mito-qc or mt-keima (empty without a reporter)");
	/** Mitolysosomes. */
	public static final Column MITOLYSOSOMES = count("mitolysosomes", "Mitolysosomes", "puncta of high acid/neutral (red/green, 561/440 nm) ratio above the acid floor in the region (reporter.MitolysosomeDetector); SS/IMF rows: those whose centroid lies in the part", MQC);
	/** Mitolysosome density. */
	public static final Column MITOLYSOSOME_DENSITY = real("mitolysosomes_per_100um2", "Mitolysosome density", "1/100 µm²", "100 · mitolysosomes / region area", MQC);
	/** Mitolysosome area fraction. */
	public static final Column MITOLYSOSOME_AREA_FRACTION = real("mitolysosome_area_fraction", "Mitolysosome area fraction", "1", "Σ mitolysosome area / mitochondrial (neutral-channel mask) area of the region", MQC);
	/** Mitolysosome mean size. */
	public static final Column MITOLYSOSOME_MEAN_SIZE = real("mitolysosome_mean_size_um2", "Mitolysosome mean size", "µm²", "mean mitolysosome area (µm³ in 3D); NaN when there are none", MQC);
	/** Ratio threshold. */
	public static final Column MITOLYSOSOME_RATIO_THRESHOLD = real("mitolysosome_ratio_threshold", "Mitolysosome ratio threshold", "1", "acid/neutral ratio threshold of the fibre: exp(median ℓ + max(k·1.4826·MAD ℓ, ln 2)) of its reporter-positive pixels, or --ratio-threshold", MQC);
	/** Fibre-type marker mean. */
	public static final Column FIBRE_TYPE_MARKER = real("fibre_type_marker", "Fibre-type marker", "grey", "mean marker intensity over the fibre minus the background (median outside all fibres); the value the fibre type is called on", "");
	/** Fibre-type marker median. */
	public static final Column FIBRE_TYPE_MARKER_MEDIAN = real("fibre_type_marker_median", "Fibre-type marker median", "grey", "median marker intensity over the fibre minus the background", "");
	/** Fibre type. */
	public static final Column FIBRE_TYPE = text("fibre_type", "Fibre type", "type-I/oxidative or type-II/glycolytic (type-IIa/intermediate with 3 classes): per-batch split of fibre_type_marker (reporter.FibreTypeCaller, after the batch); empty when no call is made");
	/** Mitolysosome number. */
	public static final Column MITOLYSOSOME = count("mitolysosome", "Mitolysosome", "mitolysosome number within its fibre (1..n)", "");
	/** Ratio of a mitolysosome. */
	public static final Column MITOLYSOSOME_RATIO = real("ratio", "Acid/neutral ratio", "1", "geometric mean of the background-corrected acid/neutral ratio over the mitolysosome's pixels", MQC);
	/** Acid intensity of a mitolysosome. */
	public static final Column ACID_INTENSITY = real("acid_intensity", "Acid-channel intensity", "grey", "mean background-corrected acid-channel (red / 561 nm) intensity over the mitolysosome", "");
	/** Reporter and fibre-type columns of the fibres table. */
	public static final List<Column> REPORTER_COLUMNS = list(REPORTER, MITOLYSOSOMES, MITOLYSOSOME_DENSITY, MITOLYSOSOME_AREA_FRACTION, MITOLYSOSOME_MEAN_SIZE,
		MITOLYSOSOME_RATIO_THRESHOLD, FIBRE_TYPE_MARKER, FIBRE_TYPE_MARKER_MEDIAN, FIBRE_TYPE);
	// ---- dynamics (#14) ----
	private static final String JAQAMAN = "Jaqaman et al. 2008, Nat Methods 5:695, doi:10.1038/nmeth.1237; Wang et al. 2023, PLoS Comput Biol 19:e1011060, doi:10.1371/journal.pcbi.1011060 (MitoTNT)";
	/** Fission events. */
	public static final Column FISSION_EVENTS = count("fission_events", "Fission events", "one object → two whose summed size is the parent's (kiss-and-run excluded); NaN for still images", JAQAMAN);
	/** Fusion events. */
	public static final Column FUSION_EVENTS = count("fusion_events", "Fusion events", "two objects → one whose size is the parents' sum (kiss-and-run excluded); NaN for still images", JAQAMAN);
	/** Fission rate. */
	public static final Column FISSION_RATE = real("fission_rate_per_100um_min", "Fission rate", "1/(100 µm·min)", "fission_events / (mean skeleton length / 100 µm) / ((frames − 1)·interval / 60 s)", JAQAMAN);
	/** Fusion rate. */
	public static final Column FUSION_RATE = real("fusion_rate_per_100um_min", "Fusion rate", "1/(100 µm·min)", "fusion_events / (mean skeleton length / 100 µm) / ((frames − 1)·interval / 60 s)", JAQAMAN);
	/** Ratio. */
	public static final Column FISSION_FUSION_RATIO = real("fission_fusion_ratio", "Fission/fusion ratio", "", "fission_events / fusion_events (NaN without fusion)", "");
	/** Speed. */
	public static final Column MEAN_SPEED = real("mean_speed_um_s", "Mean speed", "µm/s", "mean centroid step per second over the links that take part in no event", "");
	/** Motile fraction. */
	public static final Column MOTILE_FRACTION = real("motile_fraction", "Motile fraction", "", "share of tracks (≥ 3 plain links) whose mean speed is ≥ 0.05 µm/s", "");
	/** Frame. */
	public static final Column FRAME = count("frame", "Frame", "time point, 0-based", "");
	/** Time. */
	public static final Column TIME_S = real("time_s", "Time", "s", "frame × frame interval", "");
	/** Bleach factor. */
	public static final Column BLEACH_FACTOR = real("bleach_factor", "Bleach correction factor", "", "exp(λ t), λ from a log-linear fit of the frame means", "Miura 2020, F1000Research 9:1494, doi:10.12688/f1000research.27171.1");
	/** Track. */
	public static final Column TRACK = count("track", "Track", "track id (1..n) over the series", JAQAMAN);
	/** Parent tracks. */
	public static final Column PARENTS = text("parents", "Parent tracks", "tracks of the previous frame this object comes from, ';'-separated (one for a plain link, two for a fusion; a fission child names its parent)");
	/** Children. */
	public static final Column CHILDREN = text("children", "Child tracks", "tracks after the event, ';'-separated");
	/** Event number. */
	public static final Column EVENT = count("event", "Event", "event number within the image (1..n)", "");
	/** Event type. */
	public static final Column EVENT_TYPE = text("type", "Event type", "fission, fusion or kiss-and-run (a split that rejoins, or a merge that parts, within 2 frames: counted in neither rate)");
	/** Confidence. */
	public static final Column EVENT_CONFIDENCE = real("confidence", "Confidence", "", "(1 − |size ratio − 1|) × the share of the new (ending) object inside the zone of its partner, in [0, 1]", "");
	/** Intensity step at the event's site. */
	public static final Column EVENT_STEP = real("intensity_step", "Intensity step", "1",
		"r(joined) − r(parted) at the event position, r = (I − median)/(p99 − median) of each raw frame, I the 3×3 in-plane mean; events below 0.35 are not reported (a threshold flicker)", "");
	/** Voxels. */
	public static final Column VOXELS = count("voxels", "Voxels", "pixels/voxels of the object", "");

	/** Dynamics columns of the fibres table (NaN for still images). */
	public static final List<Column> DYNAMICS = list(FISSION_EVENTS, FUSION_EVENTS, FISSION_RATE, FUSION_RATE, FISSION_FUSION_RATIO, MEAN_SPEED, MOTILE_FRACTION);
	// ---- reliability (#13) ----
	/** Colocalised fraction of the mitochondria intensity above its own threshold (MyoMito's tM1 before 0.1.0). */
	public static final Column TM1_ABOVE_T1 = real("manders_tm1_above_t1", "tM1 of mito above its threshold", "1",
		"Σ mito where mito > T_mito and LC3 > T_LC3 / Σ mito where mito > T_mito (Coloc 2's %Ch1 Int > thresh)", COSTES);
	/** Colocalised fraction of the LC3 intensity above its own threshold (MyoMito's tM2 before 0.1.0). */
	public static final Column TM2_ABOVE_T2 = real("manders_tm2_above_t2", "tM2 of LC3 above its threshold", "1",
		"Σ LC3 where mito > T_mito and LC3 > T_LC3 / Σ LC3 where LC3 > T_LC3 (Coloc 2's %Ch2 Int > thresh)", COSTES);
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
		KENDALL, ICQ, TM1_ABOVE_T1, TM2_ABOVE_T2);

	private static List<Column> concat(final List<?>... parts) {
		final List<Column> out = new ArrayList<>();
		for (final List<?> p : parts)
			for (final Object o : p) out.add((Column) o);
		return Collections.unmodifiableList(out);
	}

	/** {@code images.csv}: one row per input file. */
	public static final List<Column> IMAGES = concat(list(FILE, STATUS, MESSAGE), NETWORK, MASK_SIZES, list(Column.count("fibres", "Fibres", "fibres analysed in the image", "")), PROVENANCE);

	/** {@code fibres.csv}: one row per fibre (and region part). */
	public static final List<Column> FIBRES = concat(list(FILE, FIBRE, FIBRE_SOURCE, REGION, AREA), LATTICE, NETWORK, MASK_SIZES, MITOPHAGY, REPORTER_COLUMNS, PROVENANCE, DYNAMICS);

	/** {@code objects.csv}: one row per mitochondrial object. */
	public static final List<Column> OBJECTS_TABLE = concat(list(FILE, FIBRE, OBJECT, CLASS, OBJ_AREA, PERIMETER, FORM_FACTOR, ASPECT_RATIO, WIDTH,
		BRANCHES, JUNCTIONS, ENDPOINTS, LOOPS, TOTAL_LENGTH, MEAN_BRANCH_LENGTH, X, Y, Z, OBJ_LC3, VOXEL_VOLUME, SURFACE), PROVENANCE);

	/** {@code branches.csv}: one row per skeleton branch. */
	public static final List<Column> BRANCHES_TABLE = concat(list(FILE, FIBRE, BRANCH, OBJECT, BRANCH_TYPE, LENGTH, VOXEL_LENGTH, EUCLIDEAN, ANGLE,
		ANGLE_TO_AXIS, ORIENTATION, X, Y, Z, END_CORRECTION, FROM_VERTEX, TO_VERTEX), PROVENANCE);

	/** {@code puncta.csv}: one row per LC3 punctum. */
	public static final List<Column> PUNCTA_TABLE = concat(list(FILE, FIBRE, PUNCTUM, X, Y, Z, INTENSITY, MEAN_INTENSITY, OBJ_AREA, ON_MITO, DIST_MITO,
		OBJECT, VOXEL_VOLUME), PROVENANCE);

	/** {@code phenotypes.csv}: one row per fibre (and region part), the phenotype calls (written after the batch). */
	public static final List<Column> PHENOTYPES_TABLE = list(FILE, FIBRE, REGION, CONDITION, ANIMAL, TIMEPOINT, NETWORK_TYPE, NETWORK_SCORE, DYNAMICS_STATE,
		DYNAMICS_SCORE, DYNAMICS_SOURCE, MITOPHAGY_STATE, MITOPHAGY_SCORE, CONSISTENT_MODELS, CONFLICTING_MODELS, SIGNATURES, CONFIDENCE, NETWORK_CONFIDENCE,
		DYNAMICS_CONFIDENCE, MITOPHAGY_CONFIDENCE, REFERENCE, EVIDENCE, PATTERNS, VERSION);

	/** {@code groups.csv}: one row per region × condition × time point × feature, plus one call row per group. */
	public static final List<Column> GROUPS_TABLE = list(RECORD, REGION, CONDITION, TIMEPOINT, REPLICATION_UNIT, REFERENCE, FEATURE, N, MEDIAN, Q1, Q3, CONTROL_N,
		CONTROL_MEDIAN, CONTROL_Q1, CONTROL_Q3, CLIFFS_DELTA, HEDGES_G, MANN_WHITNEY_U, P_VALUE, Q_VALUE, NETWORK_TYPE, DYNAMICS_STATE, MITOPHAGY_STATE,
		CONSISTENT_MODELS, CONFLICTING_MODELS, CONFIDENCE, EVIDENCE, PATTERNS, VERSION);

	/** Tables written once per batch from the assembled per-image tables (not per image), in output order. */
	public static Map<String, List<Column>> batchTables() {
		final Map<String, List<Column>> m = new LinkedHashMap<>();
		m.put("phenotypes", PHENOTYPES_TABLE);
		m.put("groups", GROUPS_TABLE);
		return m;
	}

	/** @return every output table: {@link #tables()} then {@link #batchTables()}. */
	public static Map<String, List<Column>> allTables() {
		final Map<String, List<Column>> m = tables();
		m.putAll(batchTables());
		return m;
	}
	/** {@code mitolysosomes.csv}: one row per mitolysosome (#15). */
	public static final List<Column> MITOLYSOSOMES_TABLE = concat(list(FILE, FIBRE, MITOLYSOSOME, X, Y, Z, OBJ_AREA, MITOLYSOSOME_RATIO, ACID_INTENSITY, OBJECT, VOXEL_VOLUME), PROVENANCE);
	/** {@code frames.csv}: one row per fibre × frame of a series (#14). */
	public static final List<Column> FRAMES_TABLE = concat(list(FILE, FIBRE, FRAME, TIME_S, OBJECTS, TOTAL_LENGTH, FOOTPRINT, THRESHOLD, BLEACH_FACTOR), PROVENANCE);

	/** {@code tracks.csv}: one row per object × frame of a series (#14). */
	public static final List<Column> TRACKS_TABLE = concat(list(FILE, FIBRE, OBJECT, FRAME, TRACK, PARENTS, X, Y, Z, VOXELS), PROVENANCE);

	/** {@code events.csv}: one row per fission, fusion or kiss-and-run event (#14). */
	public static final List<Column> EVENTS_TABLE = concat(list(FILE, FIBRE, EVENT, EVENT_TYPE, FRAME, TIME_S, X, Y, Z, PARENTS, CHILDREN, EVENT_CONFIDENCE, EVENT_STEP), PROVENANCE);

	/** All output tables by file name stem, in output order. */
	public static Map<String, List<Column>> tables() {
		final Map<String, List<Column>> m = new LinkedHashMap<>();
		m.put("images", IMAGES);
		m.put("fibres", FIBRES);
		m.put("objects", OBJECTS_TABLE);
		m.put("branches", BRANCHES_TABLE);
		m.put("puncta", PUNCTA_TABLE);
		m.put("mitolysosomes", MITOLYSOSOMES_TABLE);
		m.put("frames", FRAMES_TABLE);
		m.put("tracks", TRACKS_TABLE);
		m.put("events", EVENTS_TABLE);
		return m;
	}
}
