package io.github.myomito.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.myomito.image.FibreImage;
import io.github.myomito.image.ij.ImageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code myomito info <image|folder>…}: what MyoMito sees in each file (size, channels, calibration). */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print size, channels and calibration of images as MyoMito reads them.")
final class InfoCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "IMAGE|FOLDER", description = "Image files or folders (searched recursively for images).")
	List<Path> inputs;

	@Override
	public Integer call() {
		Inputs.requireExisting(inputs.toArray(new Path[0]));
		final List<Path> files = Inputs.expand(inputs);
		final int skipped = Inputs.reportSkipped("info", inputs, spec.commandLine().getErr());
		if (files.isEmpty()) {
			spec.commandLine().getErr().println("myomito info: error: no images to read in " + inputs
				+ (skipped > 0 ? " (only microscope files, see above)" : " (MyoMito reads .tif/.tiff/.png/.jpg)"));
			return Main.SOME_FAILED;
		}
		int failed = skipped;
		for (final Path f : files) {
			try {
				final ij.ImagePlus imp = ImageFiles.open(f);
				// a time series (analyze measures its dynamics, #14): the size of one frame, and the frames
				final boolean series = io.github.myomito.image.ij.SeriesFrames.isSeries(imp);
				final FibreImage img = ImageFiles.wrap(f, series ? io.github.myomito.image.ij.SeriesFrames.firstFrame(imp) : imp);
				String line = describe(f, img);
				if (series) {
					final double dt = imp.getCalibration().frameInterval;
					line += ", " + imp.getNFrames() + " frames" + (dt > 0 ? " every " + dt + " " + imp.getCalibration().getTimeUnit() : " (no frame interval: give analyze --frame-interval-s)")
						+ " (a time series: analyze measures its dynamics; coloc and skeleton take one time point)";
				}
				spec.commandLine().getOut().println(line);
			}
			catch (final Exception e) {
				failed++;
				spec.commandLine().getErr().println("myomito info: error: " + Main.oneLine(e));
			}
		}
		return failed == 0 ? Main.OK : Main.SOME_FAILED;
	}

	static String describe(final Path f, final FibreImage img) {
		final StringBuilder sb = new StringBuilder();
		final long[] d = img.dimensions();
		final double[] s = img.spacing();
		sb.append(f.getFileName()).append(": ").append(d[0]).append('x').append(d[1]);
		if (d.length > 2) sb.append('x').append(d[2]);
		sb.append(" px, ").append(img.numChannels()).append(" channel").append(img.numChannels() == 1 ? "" : "s");
		sb.append(", spacing ");
		for (int i = 0; i < s.length; i++) sb.append(i > 0 ? "x" : "").append(s[i]);
		sb.append(' ').append(img.unit());
		for (final String w : img.warnings()) sb.append(" [warning: ").append(w).append(']');
		return sb.toString();
	}
}
