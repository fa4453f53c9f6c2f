package io.github.myomito.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;

/**
 * Writes the inputs of the whole-process command-line benchmarks:
 * {@code Prepare coloc FILE.tif} — a 172×152×33 two-channel phantom stack (mitochondria, LC3; 0.1 µm pixels,
 * 0.3 µm z step); {@code Prepare batch DIR N [LENGTH_UM WIDTH_UM]} — N two-channel 2D phantoms (all five
 * patterns in turn, fibres of 20×15 µm at 0.1 µm unless given, about 241×191 pixels), seeds 1..N.
 */
public final class Prepare {

	private Prepare() {}

	/**
	 * Entry point.
	 *
	 * @param args {@code coloc FILE} or {@code batch DIR N [LENGTH_UM WIDTH_UM]}
	 * @throws IOException when a file cannot be written
	 */
	public static void main(final String[] args) throws IOException {
		if (args.length >= 2 && args[0].equals("coloc")) {
			// w = ceil((L + 2·border)/px) + 1: L = 13.1 µm → 172, W = 11.1 µm → 152 (border 2 µm, 0.1 µm pixels)
			final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder()
				.fibreLengthUm(13.1 - 1e-6).fibreWidthUm(11.1 - 1e-6).pixelUm(0.1).zSlices(33).zStepUm(0.3).seed(5).build());
			if (!Arrays.equals(ph.dims(), new int[] { 172, 152, 33 })) throw new IllegalStateException("coloc stack came out " + Arrays.toString(ph.dims()));
			final Path out = Paths.get(args[1]);
			Files.createDirectories(out.toAbsolutePath().getParent());
			ImageFiles.writeTiff(ph.image(), out);
			System.out.println(out + ": " + Arrays.toString(ph.dims()) + " × 2 channels");
		}
		else if (args.length >= 3 && args[0].equals("batch")) {
			final Path dir = Paths.get(args[1]);
			final int n = Integer.parseInt(args[2]);
			final double lengthUm = args.length >= 5 ? Double.parseDouble(args[3]) : 20, widthUm = args.length >= 5 ? Double.parseDouble(args[4]) : 15;
			Files.createDirectories(dir);
			final Pattern[] patterns = Pattern.values();
			int[] dims = null;
			for (int i = 1; i <= n; i++) {
				final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(patterns[i % patterns.length]).toBuilder()
					.fibreLengthUm(lengthUm).fibreWidthUm(widthUm).seed(i).build());
				ImageFiles.writeTiff(ph.image(), dir.resolve(String.format("img%04d.tif", i)));
				dims = ph.dims();
			}
			System.out.println(dir + ": " + n + " images of " + Arrays.toString(dims) + " × 2 channels");
		}
		else throw new IllegalArgumentException("usage: Prepare coloc FILE.tif | Prepare batch DIR N [LENGTH_UM WIDTH_UM]");
	}
}
