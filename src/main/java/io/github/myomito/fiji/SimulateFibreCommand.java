package io.github.myomito.fiji;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.myomito.image.ij.ImagePlusBridge;
import io.github.myomito.reporter.Reporter;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.simulate.ReporterPhantom;
import io.github.myomito.simulate.ReporterSimulator;

/**
 * {@code Plugins > MyoMito > Simulate Fibre...}: a phantom muscle fibre (channel 1 mitochondria, channel 2
 * LC3) with exact ground truth, as a calibrated 2-channel hyperstack. The truth (JSON) is the image's
 * {@code Info} property. Numeric keys left at 0 (or −1 for axis and fractions) keep the pattern's default.
 * <p>
 * With {@code reporter} (mito-qc or mt-keima) and/or {@code fibre_type_marker}, the phantom of
 * {@link ReporterSimulator} instead, as {@code myomito simulate --reporter … --mitolysosomes … --fibre-type-marker}
 * makes it (same seed and keys, same pixels): channel 1 acid (mCherry / 561 nm), 2 neutral (GFP / 440 nm, the
 * mitochondria), 3 the marker; the network truth is the {@code Info} property (the CLI's {@code x.truth.json})
 * and the mitolysosome and marker truth the image property {@value #REPORTER_TRUTH} (the CLI's
 * {@code x.reporter.json}; macros read it with {@code Property.get}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Simulate Fibre...")
public final class SimulateFibreCommand extends ContextCommand {

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Pattern", description = "Network pattern of the phantom.",
		choices = { "oxidative-lattice", "glycolytic-fragmented", "fission-fragmented", "hyperfused", "swollen" })
	private String pattern = "oxidative-lattice";
	@Parameter(persist = false, label = "Seed", description = "Random seed: the same seed gives the same image.")
	private long seed = 1;
	@Parameter(persist = false, label = "Fibre width (µm)", description = "Fibre width in µm (0 = pattern default).", min = "0")
	private double width_um;
	@Parameter(persist = false, label = "Fibre length (µm)", description = "Fibre length in µm (0 = pattern default).", min = "0")
	private double length_um;
	@Parameter(persist = false, label = "Fibre axis (°)", description = "Fibre axis, degrees counter-clockwise from x, 0–180 (negative = pattern default).", min = "-1", max = "180")
	private double axis_deg = -1;
	@Parameter(persist = false, label = "Sarcomere length (µm)", description = "Sarcomere length in µm (0 = pattern default).", min = "0")
	private double sarcomere_um;
	@Parameter(persist = false, label = "Pixel size (µm)", description = "Pixel size in µm (0 = pattern default).", min = "0")
	private double pixel_um;
	@Parameter(persist = false, label = "Slices", description = "Number of z slices (0 = pattern default, 1 = 2D).", min = "0")
	private int slices;
	@Parameter(persist = false, label = "z step (µm)", description = "z step in µm (0 = pattern default).", min = "0")
	private double z_step_um;
	@Parameter(persist = false, label = "Mitophagy (0–1)", description = "Fraction of LC3 puncta on mitochondria (−1 = pattern default).", min = "-1", max = "1")
	private double mitophagy = -1;
	@Parameter(persist = false, label = "Connectivity (0–1)", description = "Fraction of lattice elements present (−1 = pattern default).", min = "-1", max = "1")
	private double connectivity = -1;
	@Parameter(persist = false, label = "Fragmentation (0–1)", description = "Degree of fission (−1 = pattern default).", min = "-1", max = "1")
	private double fragmentation = -1;
	@Parameter(persist = false, label = "LC3 density (per 100 µm²)", description = "LC3 puncta per 100 µm² (−1 = pattern default).", min = "-1")
	private double lc3_density = -1;

	@Parameter(persist = false, label = "Reporter", required = false, choices = { "none", "mito-qc", "mt-keima" },
		description = "Simulate a pH-sensitive mitophagy reporter instead (CLI --reporter): channel 1 acid (mCherry / 561 nm), 2 neutral (GFP / 440 nm, the mitochondria).")
	private String reporter = "none";
	@Parameter(persist = false, label = "Mitolysosomes (per 100 µm²)", required = false, min = "0",
		description = "Mitolysosomes per 100 µm² of fibre, with a reporter (CLI --mitolysosomes).")
	private double mitolysosomes = DEFAULT_MITOLYSOSOMES;
	@Parameter(persist = false, label = "Fibre-type marker", required = false,
		description = "Add a fibre-type marker channel, last (bright in oxidative patterns; CLI --fibre-type-marker).")
	private boolean fibre_type_marker;

	@Parameter(type = ItemIO.OUTPUT, persist = false, label = "Phantom", description = "The simulated 2-channel image.")
	private ImagePlus image;

	/** The image property holding the reporter / marker truth JSON. */
	public static final String REPORTER_TRUTH = "myomito_reporter_truth";
	/** Default mitolysosome density, per 100 µm² (as the CLI's {@code --mitolysosomes}). */
	static final double DEFAULT_MITOLYSOSOMES = 4;

	/** The phantom (for tests and callers that want the truth object); with a reporter or marker, its network phantom. */
	Phantom phantom;
	/** The reporter phantom with {@code reporter} or {@code fibre_type_marker} (for tests); null without. */
	ReporterPhantom reporterPhantom;

	@Override
	public void run() {
		try {
			final PhantomSettings.Builder b = PhantomSettings.forPattern(Pattern.fromId(pattern.trim())).toBuilder().seed(seed);
			if (width_um > 0) b.fibreWidthUm(width_um);
			if (length_um > 0) b.fibreLengthUm(length_um);
			if (axis_deg >= 0) b.axisDeg(axis_deg);
			if (sarcomere_um > 0) b.sarcomereUm(sarcomere_um);
			if (pixel_um > 0) b.pixelUm(pixel_um);
			if (slices > 0) b.zSlices(slices);
			if (z_step_um > 0) b.zStepUm(z_step_um);
			if (mitophagy >= 0) b.mitophagyLevel(mitophagy);
			if (connectivity >= 0) b.connectivity(connectivity);
			if (fragmentation >= 0) b.fragmentation(fragmentation);
			if (lc3_density >= 0) b.lc3DensityPer100um2(lc3_density);
			final Reporter r = reporter == null || reporter.trim().isEmpty() || "none".equalsIgnoreCase(reporter.trim()) ? null : Reporter.fromId(reporter);
			if (r != null || fibre_type_marker) {
				reporterPhantom = ReporterSimulator.simulate(b.build(), r, mitolysosomes, fibre_type_marker);
				phantom = reporterPhantom.network();
				image = ImagePlusBridge.toImagePlus(reporterPhantom.image(), pattern.trim() + "-seed" + seed + (r == null ? "" : "-" + r.id()));
				image.setProp(REPORTER_TRUTH, reporterPhantom.truth().toJson());
			}
			else {
				phantom = PhantomSimulator.simulate(b.build(), new StatusProgress(status));
				image = ImagePlusBridge.toImagePlus(phantom.image(), pattern.trim() + "-seed" + seed);
			}
			image.setProperty("Info", phantom.truth().toJson());
		}
		catch (final RuntimeException e) {
			cancel(Doors.fail(log, "Simulate Fibre", e));
		}
	}
}
