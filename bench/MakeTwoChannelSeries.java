import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

/**
 * Benchmark input helper (not a test, not shipped): turns the one-channel time-lapse written by
 * {@code myomito simulate --frames N} into a two-channel hyperstack (c1 the series, c2 the same series mirrored
 * left–right as a second marker of equal size), keeping the calibration and frame interval.
 * Usage: {@code java -cp target/myomito-cli.jar bench/MakeTwoChannelSeries.java IN.tif OUT.tif}
 */
public final class MakeTwoChannelSeries {
	public static void main(final String[] a) {
		final ImagePlus in = IJ.openImage(a[0]);
		final int nz = in.getNSlices(), nt = in.getNFrames();
		final ImageStack st = new ImageStack(in.getWidth(), in.getHeight());
		for (int t = 1; t <= nt; t++)
			for (int z = 1; z <= nz; z++) {
				final ImageProcessor p = in.getStack().getProcessor(in.getStackIndex(1, z, t));
				st.addSlice(p);
				final ImageProcessor m = p.duplicate();
				m.flipHorizontal();
				st.addSlice(m);
			}
		final ImagePlus out = new ImagePlus(in.getTitle(), st);
		out.setDimensions(2, nz, nt);
		out.setOpenAsHyperStack(true);
		out.setCalibration(in.getCalibration().copy());
		if (!new FileSaver(out).saveAsTiff(a[1])) throw new IllegalStateException("could not write " + a[1]);
	}
}
