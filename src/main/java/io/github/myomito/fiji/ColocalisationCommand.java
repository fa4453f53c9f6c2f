package io.github.myomito.fiji;

import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.measure.ResultsTable;
import io.github.myomito.image.ij.Overlays;
import io.github.myomito.coloc.ColocResult;
import io.github.myomito.coloc.ColocSettings;
import io.github.myomito.coloc.PixelColocalisation;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.pipeline.FibreInput;

/**
 * {@code Plugins > MyoMito > Mitophagy Colocalisation}: pixel colocalisation of the mitochondria and LC3
 * channels of one composite image (over the image's area ROI when there is one), shown as the one-row
 * table "MyoMito Colocalisation" with the keys of {@code myomito coloc} (pearson, manders_m1, …), and
 * the LC3 puncta as an overlay (green on mitochondria, red off).
 */
@Plugin(type = Command.class, menuPath = "Plugins>MyoMito>Mitophagy Colocalisation")
public final class ColocalisationCommand extends ContextCommand {

	/** Table title. */
	static final String TITLE = "MyoMito Colocalisation";

	@Parameter(required = false) private StatusService status;
	@Parameter(required = false) private LogService log;

	@Parameter(persist = false, label = "Image", required = false, description = "A composite image with mitochondria and LC3 channels (its area ROI is the mask).")
	private ImagePlus imp;
	@Parameter(persist = false, label = "Mitochondria channel", description = "1-based channel of the mitochondrial marker.", min = "1")
	private int mito_channel = 1;
	@Parameter(persist = false, label = "LC3 channel", description = "1-based channel of LC3.", min = "1")
	private int lc3_channel = 2;
	@Parameter(persist = false, label = "Threshold", description = "costes, an ImageJ auto-threshold method (Otsu, Li, …), or manual:T1,T2.")
	private String threshold = "costes";
	@Parameter(persist = false, label = "Randomisations", description = "Costes randomisations (0 = none).", min = "0")
	private int randomisations = io.github.myomito.pipeline.AnalysisSettings.DEFAULT_RANDOMISATIONS;
	@Parameter(persist = false, label = "PSF FWHM (µm)", description = "PSF FWHM in µm: block size of the randomisation (0 = default for 520 nm, NA 1.4).", min = "0")
	private double psf_um;
	@Parameter(persist = false, label = "Seed", description = "Randomisation seed.")
	private long seed = io.github.myomito.pipeline.AnalysisSettings.DEFAULT_SEED;
	@Parameter(persist = false, label = "Save table to", required = false, style = org.scijava.widget.FileWidget.DIRECTORY_STYLE,
		description = "Folder for <image>_colocalisation.csv (empty = do not save).")
	private java.io.File save_dir;

	@Parameter(persist = false, label = "Show cytofluorogram", required = false, description = "Also show the 2D histogram of the two channels with the regression line and thresholds.")
	private boolean show_scatter;
	@Parameter(type = org.scijava.ItemIO.OUTPUT, required = false, label = "Cytofluorogram")
	private ImagePlus scatter;

	/** The statistics (for tests and scripting). */
	ColocResult coloc;
	/** The table shown. */
	ResultsTable table;

	@Override
	public void run() {
		try {
			if (lc3_channel < 1) throw new IllegalArgumentException("lc3_channel must be ≥ 1, got " + lc3_channel);
			if (randomisations < 0) throw new IllegalArgumentException("randomisations must be ≥ 0, got " + randomisations);
			final FibreImage img = Doors.wrap(imp, mito_channel, lc3_channel);
			final float[] a = Pixels.floats(img.channel(mito_channel - 1)), b = Pixels.floats(img.channel(lc3_channel - 1));
			final int[] dims = Pixels.dims(img.channel(0));
			final FibreInput roi = Doors.fibres(imp);
			byte[] m = null;
			if (roi != null) {
				final int plane = dims[0] * dims[1];
				m = new byte[a.length];
				for (int i = 0; i < a.length; i++) m[i] = (byte) (roi.labels()[i % plane] > 0 ? 1 : 0);
			}
			final ColocSettings.Builder sb = ColocSettings.builder().randomisations(randomisations).seed(seed).thresholdMode(io.github.myomito.coloc.ThresholdMode.parse(threshold, a, b, m));
			if (psf_um > 0) sb.psfUm(psf_um);
			new StatusProgress(status).status(imp.getTitle() + ": colocalisation");
			coloc = PixelColocalisation.compute(a, b, m, dims, img.spacing(), sb.build());
			table = row(coloc);
			if (show_scatter) scatter = io.github.myomito.image.ij.Cytofluorogram.render(a, b, m, coloc);
			table.show(TITLE);
			if (save_dir != null && !save_dir.getPath().isEmpty()) {
				java.nio.file.Files.createDirectories(save_dir.toPath());
				table.saveAs(save_dir.toPath().resolve(Doors.stem(imp.getTitle()) + "_colocalisation.csv").toString());
			}
			final Doors.Run r = Doors.run(imp, Doors.settings(mito_channel, lc3_channel, "Otsu", Doors.DEFAULT_BACKGROUND_UM, Doors.DEFAULT_MIN_SIZE_UM, 0,
				roi != null, Double.NaN, io.github.myomito.lattice.Orientation.DEFAULT_TOLERANCE_DEG), status);
			final Overlay o = Doors.overlay(imp, "on ", "off ");
			for (final io.github.myomito.pipeline.RegionAnalysis f : r.mainRegions()) Overlays.puncta(o, f);
			imp.setOverlay(o);
		}
		catch (final java.io.IOException | RuntimeException e) {
			cancel(Doors.fail(log, "Mitophagy Colocalisation", e));
		}
	}

	/** @return the statistics as one row with the keys of the CLI's {@code coloc} JSON. */
	static ResultsTable row(final ColocResult r) {
		final ResultsTable t = new ResultsTable();
		t.showRowNumbers(false);
		t.incrementCounter();
		t.addValue("pearson", r.pearson());
		t.addValue("pearson_above", r.pearsonAbove());
		t.addValue("pearson_below", r.pearsonBelow());
		t.addValue("manders_m1", r.mandersM1());
		t.addValue("manders_m2", r.mandersM2());
		t.addValue("manders_tm1", r.mandersTM1());
		t.addValue("manders_tm2", r.mandersTM2());
		t.addValue("manders_tm1_above_t1", r.mandersTM1AboveT1());
		t.addValue("manders_tm2_above_t2", r.mandersTM2AboveT2());
		t.addValue("threshold_ch1", r.threshold1());
		t.addValue("threshold_ch2", r.threshold2());
		t.addValue("costes_p", r.costesP());
		t.addValue("costes_fraction_at_or_above", r.costesFractionAtOrAbove());
		t.addValue("randomisations", r.randomisations());
		t.addValue("randomised_mean", r.randomisedMean());
		t.addValue("randomised_sd", r.randomisedSD());
		t.addValue("spearman", r.spearman());
		t.addValue("kendall_tau", r.kendallTau());
		t.addValue("li_icq", r.liIcq());
		t.addValue("n", r.n());
		return t;
	}
}
