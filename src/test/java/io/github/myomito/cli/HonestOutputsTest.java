package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.pipeline.BatchRunner;
import io.github.myomito.pipeline.ImageAnalysis;

/**
 * #16 items 2, 11 and 13 through the CLI on the sample images: {@code --save-masks} (calibrated TIFFs whose
 * pixels are the tables' numbers, a GraphML whose ids are branches.csv's), provenance date and command line,
 * 3D sizes named as volumes, one missing-value spelling, the whole-image region warning, what a dot of
 * summary.html is, and {@code skeleton} agreeing with {@code analyze} on analyze's own skeleton.
 */
class HonestOutputsTest {

	@TempDir
	static Path dir;
	static Path out;
	static Instant before, after;
	static final Path FISSION = Path.of("sample-images", "fission-fragmented_seed7.tif");
	static final Path LATTICE = Path.of("sample-images", "oxidative-lattice_seed7.tif");
	static final Path STACK = Path.of("sample-images", "oxidative-lattice_3d_seed7.tif");
	static final Path AXIS30 = Path.of("sample-images", "oxidative-lattice_axis30_mito0.6_seed8.tif");

	@BeforeAll
	static void analyze() {
		out = dir.resolve("out");
		before = Instant.now().minusSeconds(1);
		Cli.ok("analyze", FISSION, LATTICE, STACK, AXIS30, "--out", out, "--lc3-channel", "2", "--no-progress", "--no-qc", "--save-masks");
		after = Instant.now().plusSeconds(1);
	}

	private static int row(final Cli.Csv t, final Path file) {
		for (int r = 0; r < t.rows.size(); r++)
			if (t.get(r, "file").equals(file.toString())) return r;
		throw new AssertionError(file + " not in the table");
	}

	private static Path masks(final Path file, final String suffix) {
		return out.resolve("masks").resolve(BatchRunner.key(file.toString()) + suffix);
	}

	@Test
	void savedMaskLabelsAndSkeletonAreCalibratedAndAreTheTablesNumbers() throws Exception {
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		for (final Path f : List.of(FISSION, STACK)) {
			final int r = row(images, f);
			final boolean stack = f == STACK;
			final ImagePlus mask = ImageFiles.open(masks(f, ".mask.tif"));
			final ImagePlus labels = ImageFiles.open(masks(f, ".labels.tif"));
			final ImagePlus skel = ImageFiles.open(masks(f, ".skeleton.tif"));
			// calibrated like the input: 0.1 µm pixels (and 0.3 µm slices)
			for (final ImagePlus imp : List.of(mask, labels, skel)) {
				assertThat(imp.getCalibration().getUnit()).isIn("micron", "µm");
				assertThat(imp.getCalibration().pixelWidth).isCloseTo(0.1, within(1e-9));
			}
			assertThat(mask.getCalibration().pixelDepth).isCloseTo(stack ? 0.3 : 1, within(1e-9));
			// the mask's pixels are mask_area_um2 (2D) / mask_volume_um3 (3D)
			long on = 0;
			int maxLabel = 0;
			final java.util.Set<Integer> ids = new java.util.HashSet<>();
			for (int z = 1; z <= mask.getStackSize(); z++) {
				final ij.process.ImageProcessor m = mask.getStack().getProcessor(z), l = labels.getStack().getProcessor(z);
				for (int i = 0; i < m.getPixelCount(); i++) {
					final int mv = m.get(i), lv = (int) l.getf(i);
					assertThat(mv).isIn(0, 255);
					if (mv != 0) on++;
					// labels exactly on the mask
					assertThat(lv != 0).isEqualTo(mv != 0);
					if (lv > 0) ids.add(lv);
					maxLabel = Math.max(maxLabel, lv);
				}
			}
			if (stack) assertThat(on * 0.1 * 0.1 * 0.3).isCloseTo(Double.parseDouble(images.get(r, "mask_volume_um3")), within(1e-6));
			else assertThat(on * 0.1 * 0.1).isCloseTo(Double.parseDouble(images.get(r, "mask_area_um2")), within(1e-6));
			// one label per object, 1..objects
			final int objects = Integer.parseInt(images.get(r, "objects"));
			assertThat(maxLabel).isEqualTo(objects);
			assertThat(ids).hasSize(objects);
			// the skeleton: binary, inside the mask (2D: same grid)
			long skelOn = 0;
			for (int z = 1; z <= skel.getStackSize(); z++) {
				final ij.process.ImageProcessor s = skel.getStack().getProcessor(z);
				for (int i = 0; i < s.getPixelCount(); i++) {
					assertThat(s.get(i)).isIn(0, 255);
					if (s.get(i) != 0) {
						skelOn++;
						if (!stack) assertThat(mask.getProcessor().get(i)).isEqualTo(255);
					}
				}
			}
			assertThat(skelOn).isPositive().isLessThan(on);
		}
		// written atomically: no temporary files left
		try (Stream<Path> s = Files.list(out.resolve("masks"))) {
			assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part")).hasSize(4 * 4);
		}
	}

	@Test
	void graphMlHasTheBranchesOfBranchesCsvWithTheirVertexIds() throws Exception {
		final Cli.Csv branches = Cli.csv(out.resolve("branches.csv"));
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		for (final Path f : List.of(FISSION, LATTICE, STACK)) {
			final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(masks(f, ".graphml").toFile());
			final NodeList graphs = doc.getElementsByTagName("graph");
			assertThat(graphs.getLength()).isEqualTo(1);
			final Map<String, Integer> vertexOfNode = new HashMap<>();
			final Map<Integer, String> typeOfVertex = new HashMap<>();
			final Map<Integer, Integer> degree = new HashMap<>();
			final NodeList nodes = doc.getElementsByTagName("node");
			int junctions = 0, ends = 0;
			for (int i = 0; i < nodes.getLength(); i++) {
				final Element n = (Element) nodes.item(i);
				final int v = Integer.parseInt(data(n, "vertex"));
				vertexOfNode.put(n.getAttribute("id"), v);
				if (v == 0) continue;
				typeOfVertex.put(v, data(n, "type"));
				degree.put(v, Integer.parseInt(data(n, "degree")));
				if ("junction".equals(data(n, "type"))) junctions++;
				else ends++;
			}
			final int r = row(images, f);
			assertThat(junctions).isEqualTo(Integer.parseInt(images.get(r, "junctions")));
			// end-point vertices: the free ends plus the lone voxels of puncta (analyze does not count those as end points)
			assertThat(ends).isEqualTo(Integer.parseInt(images.get(r, "endpoints")) + Integer.parseInt(images.get(r, "puncta")));
			// every branch row is an edge between its from/to vertices, with its length
			final Map<Integer, Element> edges = new HashMap<>();
			final NodeList el = doc.getElementsByTagName("edge");
			for (int i = 0; i < el.getLength(); i++) edges.put(Integer.parseInt(data((Element) el.item(i), "branch")), (Element) el.item(i));
			final Map<Integer, Integer> ends2 = new HashMap<>();
			int rows = 0;
			for (int b = 0; b < branches.rows.size(); b++) {
				if (!branches.get(b, "file").equals(f.toString())) continue;
				rows++;
				final Element e = edges.get(Integer.parseInt(branches.get(b, "branch")));
				assertThat(e).isNotNull();
				final int from = Integer.parseInt(branches.get(b, "from_vertex")), to = Integer.parseInt(branches.get(b, "to_vertex"));
				assertThat(vertexOfNode.get(e.getAttribute("source"))).isEqualTo(from);
				assertThat(vertexOfNode.get(e.getAttribute("target"))).isEqualTo(to);
				assertThat(data(e, "length_um")).isEqualTo(branches.get(b, "length_um"));
				assertThat(data(e, "branch_type")).isEqualTo(branches.get(b, "branch_type"));
				if ("loop".equals(branches.get(b, "branch_type"))) assertThat(from).isZero();
				else {
					// the branch type names its vertices' types
					assertThat(branches.get(b, "branch_type")).startsWith(typeOfVertex.get(from).equals("junction") ? "junction" : "end");
					assertThat(branches.get(b, "branch_type")).endsWith(typeOfVertex.get(to).equals("junction") ? "junction" : "end");
					ends2.merge(from, 1, Integer::sum);
					ends2.merge(to, 1, Integer::sum);
				}
			}
			assertThat(el.getLength()).isEqualTo(rows).isEqualTo(Integer.parseInt(images.get(r, "branches")));
			// a vertex's degree is the number of branch ends at it (a lone voxel has none)
			for (final Map.Entry<Integer, Integer> d : degree.entrySet()) assertThat(ends2.getOrDefault(d.getKey(), 0)).as("vertex %d", d.getKey()).isEqualTo(d.getValue());
		}
	}

	private static String data(final Element e, final String key) {
		final NodeList d = e.getElementsByTagName("data");
		for (int i = 0; i < d.getLength(); i++)
			if (key.equals(((Element) d.item(i)).getAttribute("key"))) return d.item(i).getTextContent();
		throw new AssertionError("no data " + key);
	}

	@Test
	void provenanceHasTheDateAndTheCommandLine() throws Exception {
		final JsonObject p = JsonParser.parseString(Files.readString(out.resolve("provenance.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		final Instant date = Instant.parse(p.get("date").getAsString());
		assertThat(date).isBetween(before, after);
		assertThat(p.get("command_line").getAsString()).isEqualTo("myomito analyze " + FISSION + " " + LATTICE + " " + STACK + " " + AXIS30 + " --out " + out
			+ " --lc3-channel 2 --no-progress --no-qc --save-masks");
	}

	@Test
	void threeDSizesAreVolumesAndSurfacesNotAreas() throws Exception {
		final Cli.Csv objects = Cli.csv(out.resolve("objects.csv"));
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		double vol = 0, area = 0;
		for (int r = 0; r < objects.rows.size(); r++) {
			final String f = objects.get(r, "file");
			if (f.equals(STACK.toString())) {
				assertThat(objects.get(r, "area_um2")).isEqualTo("NaN");
				assertThat(objects.get(r, "perimeter_um")).isEqualTo("NaN");
				assertThat(Double.parseDouble(objects.get(r, "surface_um2"))).isPositive();
				vol += Double.parseDouble(objects.get(r, "voxel_volume_um3"));
			}
			else if (f.equals(FISSION.toString())) {
				assertThat(objects.get(r, "voxel_volume_um3")).isEqualTo("NaN");
				assertThat(objects.get(r, "surface_um2")).isEqualTo("NaN");
				area += Double.parseDouble(objects.get(r, "area_um2"));
			}
		}
		// the objects' voxels are the mask's
		assertThat(vol).isCloseTo(Double.parseDouble(images.get(row(images, STACK), "mask_volume_um3")), within(1e-6));
		assertThat(area).isCloseTo(Double.parseDouble(images.get(row(images, FISSION), "mask_area_um2")), within(1e-6));
		assertThat(images.header).contains("mito_channel").doesNotContain("channel");
		assertThat(images.get(0, "mito_channel")).isEqualTo("1");
	}

	@Test
	void aMissingNumberIsNaNAndMissingTextIsEmpty() throws Exception {
		final Cli.Csv fibres = Cli.csv(out.resolve("fibres.csv"));
		// no reporter: its count and sizes are NaN, its name empty
		assertThat(fibres.get(0, "mitolysosomes")).isEqualTo("NaN");
		assertThat(fibres.get(0, "mitolysosome_mean_size_um2")).isEqualTo("NaN");
		assertThat(fibres.get(0, "fibre_type_marker")).isEqualTo("NaN");
		assertThat(fibres.get(0, "reporter")).isEmpty();
		// an error row: every number NaN
		final Path bad = Files.writeString(dir.resolve("bad.tif"), "not a tiff");
		final Cli.Result r = Cli.run("analyze", bad, "--out", dir.resolve("bad"), "--no-progress");
		assertThat(r.code).isEqualTo(Main.SOME_FAILED);
		final Cli.Csv images = Cli.csv(dir.resolve("bad/images.csv"));
		assertThat(images.get(0, "status")).isEqualTo("error");
		assertThat(images.get(0, "objects")).isEqualTo("NaN");
		assertThat(images.get(0, "total_length_um")).isEqualTo("NaN");
		for (final List<String> row : images.rows) assertThat(row).doesNotContain("null");
	}

	@Test
	void aWholeImageMostlyOutsideTheFibreIsWarnedAboutWithTheFibresShare() throws Exception {
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		final String msg = images.get(row(images, AXIS30), "message");
		assertThat(msg).contains(ImageAnalysis.OUTSIDE_FIBRE).contains("--fibres auto");
		final Matcher m = Pattern.compile("covers only (\\d+) %").matcher(msg);
		assertThat(m.find()).isTrue();
		// the phantom's fibre is 30 × 20 µm (plus the blur) in a 40.1 × 36.5 µm image: 41 %
		assertThat(Double.parseDouble(m.group(1))).isCloseTo(100 * 600 / (40.1 * 36.5), within(8.0));
		assertThat(images.get(row(images, AXIS30), "status")).isEqualTo("warning");
		// the warning is right: over the fibre alone the channels are unrelated (Pearson near 0), over the whole image not
		final Path auto = dir.resolve("auto");
		Cli.ok("analyze", AXIS30, "--out", auto, "--lc3-channel", "2", "--no-progress", "--no-qc", "--fibres", "auto");
		final double wholeR = Double.parseDouble(Cli.csv(out.resolve("fibres.csv")).get(row(Cli.csv(out.resolve("fibres.csv")), AXIS30), "pearson"));
		final double fibreR = Double.parseDouble(Cli.csv(auto.resolve("fibres.csv")).get(0, "pearson"));
		assertThat(wholeR - fibreR).isGreaterThan(0.2);
		assertThat(Cli.csv(auto.resolve("images.csv")).get(0, "message")).doesNotContain(ImageAnalysis.OUTSIDE_FIBRE);
		// summary.html says what a dot is, in both modes
		assertThat(Files.readString(out.resolve("summary.html"))).contains("One dot = one image");
		assertThat(Files.readString(auto.resolve("summary.html"))).contains("One dot = one fibre (auto)");
	}

	@Test
	void summaryDotsNameTheirImageAndValueWithUnits() throws Exception {
		final String html = Files.readString(out.resolve("summary.html"), StandardCharsets.UTF_8);
		final Cli.Csv fibres = Cli.csv(out.resolve("fibres.csv"));
		// a tooltip per dot: image and value with unit, e.g. the mean branch length of each image
		final List<String> tips = Pattern.compile("<title>([^<]*)</title>").matcher(html).results().map(x -> x.group(1))
			.filter(t -> t.startsWith("sample-images")).collect(Collectors.toList());
		for (int r = 0; r < fibres.rows.size(); r++) {
			final double v = Double.parseDouble(fibres.get(r, "mean_branch_length_um"));
			assertThat(tips).contains(fibres.get(r, "file") + ": " + io.github.myomito.results.Table.format(v) + " µm");
		}
		assertThat(html).contains("<h2>mean_branch_length_um (µm)").contains("<h2>loops_per_100um2 (1/(100 µm²))");
		// as many dots as finite values plotted
		long finite = 0;
		for (final String m : new String[] { "lattice_index", "fragmentation_index", "loops_per_100um2", "transverse_fraction", "period_um",
			"mean_branch_length_um", "coverage", "lc3_on_mito_fraction", "lc3_puncta_per_100um2", "pearson" })
			for (int r = 0; r < fibres.rows.size(); r++) if (Double.isFinite(Double.parseDouble(fibres.get(r, m)))) finite++;
		assertThat(tips).hasSize((int) finite);
	}

	@Test
	void skeletonOnAnalyzesSkeletonGivesAnalyzesGraph() throws Exception {
		final Cli.Csv images = Cli.csv(out.resolve("images.csv"));
		for (final Path f : List.of(FISSION, LATTICE, STACK)) {
			final int r = row(images, f);
			final JsonObject j = JsonParser.parseString(Cli.ok("skeleton", masks(f, ".skeleton.tif")).out).getAsJsonObject();
			assertThat(j.get("thinned").getAsBoolean()).as("analyze's skeleton is one voxel wide already").isFalse();
			// trees = objects, loops, end points (+ the lone voxels of puncta) are the same graph
			assertThat(j.get("trees").getAsInt()).isEqualTo(Integer.parseInt(images.get(r, "objects")));
			assertThat(j.get("loops").getAsInt()).isEqualTo(Integer.parseInt(images.get(r, "loops")));
			assertThat(j.get("endpoints").getAsInt()).isEqualTo(Integer.parseInt(images.get(r, "endpoints")) + Integer.parseInt(images.get(r, "puncta")));
			// analyze merges junction clusters closer than the tube is wide: never more branches or junctions, by as
			// many branches as junctions (each merge removes the short branch between two clusters)
			final int db = j.get("branches").getAsInt() - Integer.parseInt(images.get(r, "branches"));
			final int dj = j.get("junctions").getAsInt() - Integer.parseInt(images.get(r, "junctions"));
			assertThat(db).isGreaterThanOrEqualTo(0).isEqualTo(dj);
			// and the skeleton command says so
			assertThat(j.get("note").getAsString()).contains("junction").contains("spur").contains("free ends");
		}
		// on the lattice the merging matters (no silent agreement by luck)
		final JsonObject lat = JsonParser.parseString(Cli.ok("skeleton", masks(LATTICE, ".skeleton.tif")).out).getAsJsonObject();
		assertThat(lat.get("junctions").getAsInt()).isGreaterThan(Integer.parseInt(images.get(row(images, LATTICE), "junctions")));
		// on the mask, the skeleton command thins without spur pruning: at least analyze's end points
		final JsonObject mask = JsonParser.parseString(Cli.ok("skeleton", masks(LATTICE, ".mask.tif")).out).getAsJsonObject();
		assertThat(mask.get("thinned").getAsBoolean()).isTrue();
		assertThat(mask.get("trees").getAsInt()).isEqualTo(Integer.parseInt(images.get(row(images, LATTICE), "objects")));
		assertThat(mask.get("endpoints").getAsInt()).isGreaterThanOrEqualTo(Integer.parseInt(images.get(row(images, LATTICE), "endpoints")));
	}
}
