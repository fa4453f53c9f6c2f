package io.github.myomito.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.skeleton.AnalyzerSettings;
import io.github.myomito.skeleton.SkeletonAnalyzer;
import io.github.myomito.skeleton.SkeletonGraph;
import io.github.myomito.skeleton.Thinning;
import io.github.myomito.skeleton.ZUpsampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myomito skeleton <mask-or-skeleton.tif> --format json}: the skeleton graph summary with the counts
 * of Fiji's AnalyzeSkeleton (trees, branches, junctions, end-points, triple and quadruple points) plus
 * loops and lengths, for a 2D or 3D binary image; a mask that is not yet one voxel wide is thinned first (a stack
 * with slices coarser than its pixels on a grid whose slices repeat the stack's to near-cubic voxels,
 * {@link ZUpsampling}; {@code z_upsampling} gives the factor, and the voxel counts refer to that grid).
 */
@Command(name = "skeleton", mixinStandardHelpOptions = true, sortOptions = false,
	description = { "Analyse a binary skeleton (or thin a binary mask first) and print the graph summary.", SkeletonCommand.NOTE })
final class SkeletonCommand implements Callable<Integer> {

	/**
	 * Why {@code skeleton} and {@code analyze} can differ on the same mask (#16 item 13), printed in the help and the
	 * output; tested in HonestOutputsTest on analyze's saved skeleton.
	 */
	static final String NOTE = "This is the plain graph of the given skeleton (or of the mask thinned): analyze also prunes spurs (thinning artefacts: "
		+ "end branches that barely protrude beyond their junction, round objects reduced to a point), merges junction clusters closer than the tube is wide (fewer junctions and branches, by "
		+ "as many) and corrects free ends for the PSF blur (lengths), and it counts the lone voxels of puncta as puncta, not end points. "
		+ "On analyze's own skeleton (analyze --save-masks: masks/<image>.skeleton.tif) trees, loops and end points + puncta are analyze's.";

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1", paramLabel = "MASK.tif", description = "Binary 2D image or 3D stack (0 = background, one other value = foreground).")
	Path image;

	@Option(names = "--prune-um", defaultValue = "0", paramLabel = "UM", description = "Prune end branches shorter than this (0 = off). Default: ${DEFAULT-VALUE}.")
	double prune;

	@Option(names = "--pixel-size", paramLabel = "UM", description = "Pixel size in µm (overrides the file's calibration).")
	Double pixelSize;

	@Option(names = "--z-step", paramLabel = "UM", description = "z step in µm (overrides the file's calibration).")
	Double zStep;

	@Option(names = "--format", defaultValue = "json", paramLabel = "json|text", description = "Output format. Default: ${DEFAULT-VALUE}.")
	String format;

	@Override
	public Integer call() throws Exception {
		if (!format.equals("json") && !format.equals("text")) throw new Main.UsageException("--format must be json or text, got '" + format + "'");
		if (prune < 0) throw new Main.UsageException("--prune-um must be ≥ 0, got " + prune);
		Inputs.requireExisting(image);
		final FibreImage img = ImageFiles.read(image);
		if (img.numChannels() != 1) throw new IllegalArgumentException(image + ": expected one binary channel, found " + img.numChannels() + " channels");
		final float[] v = Pixels.floats(img.channel(0));
		final TreeSet<Float> values = new TreeSet<>();
		for (final float f : v) {
			if (values.add(f) && values.size() > 2) break;
		}
		if (values.size() > 2 || (values.size() == 2 && values.first() != 0))
			throw new IllegalArgumentException(image + ": not a binary image (values " + values.first() + ", " + values.higher(values.first()) + ", … found; expected 0 and one foreground value)");
		final byte[] mask = Pixels.mask(img.channel(0));
		final int[] dims = Pixels.dims(img.channel(0));
		final double[] sp = img.spacing();
		if (pixelSize != null) {
			if (!(pixelSize > 0)) throw new Main.UsageException("--pixel-size must be > 0, got " + pixelSize);
			sp[0] = sp[1] = pixelSize;
		}
		if (zStep != null) {
			if (!(zStep > 0)) throw new Main.UsageException("--z-step must be > 0, got " + zStep);
			if (sp.length > 2) sp[2] = zStep;
		}
		final boolean calibrated = img.isCalibrated() || pixelSize != null;
		byte[] thin = Thinning.thin(mask, dims);
		final boolean thinned = !Arrays.equals(thin, mask);
		// a mask of an anisotropic stack is thinned on a grid of near-cubic voxels (see ZUpsampling); a skeleton
		// given as such is analysed as it is
		final ZUpsampling grid = thinned ? ZUpsampling.of(dims, sp, ZUpsampling.DEFAULT_MAX_FACTOR) : ZUpsampling.of(dims, sp, 1);
		if (!grid.isIdentity()) thin = Thinning.thin(grid.up(mask), grid.gridDims());
		final SkeletonGraph g = SkeletonAnalyzer.analyze(thin, grid.gridDims(), grid.gridSpacing(), AnalyzerSettings.builder().pruneEndBranchesShorterThanUm(prune).build());
		final SkeletonGraph.Summary s = g.summary();
		final Map<String, Object> out = new LinkedHashMap<>();
		out.put("file", image.toString());
		out.put("trees", s.trees());
		out.put("branches", s.branches());
		out.put("junctions", s.junctions());
		out.put("endpoints", s.endPointVoxels());
		out.put("triple_points", s.triplePoints());
		out.put("quadruple_points", s.quadruplePoints());
		out.put("loops", s.loops());
		out.put("total_length", s.totalLength());
		out.put("total_voxel_length", s.totalVoxelLength());
		out.put("mean_branch_length", s.meanBranchLength());
		out.put("longest_shortest_path", s.longestShortestPath());
		out.put("junction_voxels", s.junctionVoxels());
		out.put("slab_voxels", s.slabVoxels());
		out.put("unit", calibrated ? FibreImage.MICRONS : FibreImage.PIXELS);
		out.put("thinned", thinned);
		out.put("z_upsampling", grid.factor());
		out.put("note", NOTE);
		if (format.equals("json")) spec.commandLine().getOut().println(Json.write(out));
		else for (final Map.Entry<String, Object> e : out.entrySet()) spec.commandLine().getOut().println(e.getKey() + "\t" + e.getValue());
		spec.commandLine().getOut().flush();
		return Main.OK;
	}
}
