package io.github.myomito.image.ij;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.myomito.pipeline.GraphMl;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.RegionAnalysis;
import io.github.myomito.results.AtomicFiles;
import io.github.myomito.segment.Segmentation;
import io.github.myomito.skeleton.SkeletonGraph;

/**
 * The images behind the tables ({@code analyze --save-masks}, #16 item 11), each written atomically
 * and calibrated in µm like the input (uncalibrated input: pixels):
 * <ul>
 * <li>{@code <key>.mask.tif} — the mitochondrial mask of the whole image (8-bit, 255 = mitochondria);</li>
 * <li>{@code <key>.labels.tif} — its objects (16-bit label = the {@code object} column of objects.csv in
 * whole-image mode; 32-bit beyond 65535 objects);</li>
 * <li>{@code <key>.skeleton.tif} — the analysed (pruned) skeleton, 8-bit, 255 = skeleton (the input of
 * {@code myomito skeleton} and of Fiji's AnalyzeSkeleton; the voxel types are in the GraphML); a stack's
 * skeleton is on the near-cubic grid it was thinned on
 * ({@link io.github.myomito.skeleton.ZUpsampling}: its z step is the stack's divided by the factor);</li>
 * <li>{@code <key>.graphml} — the skeleton graph of every fibre ({@link GraphMl}).</li>
 * </ul>
 * With fibres (ROIs, labels, {@code --fibres auto}) each fibre is segmented on its own: the TIFFs show the
 * whole-image analysis of the {@code images.csv} row, the GraphML each fibre's graph of {@code branches.csv}.
 */
public final class MaskImages {

	private MaskImages() {}

	/** Writes the four files of one image into {@code dir}, named after {@code key}. */
	public static void write(final ImageAnalysis.Result r, final String file, final Path dir, final String key) throws IOException {
		final RegionAnalysis w = r.whole();
		final Segmentation seg = w.segmentation();
		final int[] d = seg.dims();
		final double[] sp = r.image().spacing();
		final boolean cal = r.image().isCalibrated();
		ImageFiles.writeTiff(mask(seg.mask(), d, sp, cal, key + " mask"), dir.resolve(key + ".mask.tif"));
		ImageFiles.writeTiff(labels(seg.labels().labels(), seg.labels().count(), d, sp, cal, key + " labels"), dir.resolve(key + ".labels.tif"));
		final SkeletonGraph g = w.graph();
		ImageFiles.writeTiff(skeleton(g.voxelTypes(), g.dims(), g.spacing(), cal, key + " skeleton"), dir.resolve(key + ".skeleton.tif"));
		AtomicFiles.writeString(dir.resolve(key + ".graphml"), GraphMl.of(r, file));
	}

	/** @return a binary mask (non-zero → 255) as an 8-bit image (stack in 3D), calibrated in µm when {@code cal}. */
	public static ImagePlus mask(final byte[] m, final int[] d, final double[] sp, final boolean cal, final String title) {
		final int plane = d[0] * d[1], nz = d.length > 2 ? d[2] : 1;
		final ImageStack st = new ImageStack(d[0], d[1]);
		for (int z = 0; z < nz; z++) {
			final byte[] p = new byte[plane];
			for (int i = 0; i < plane; i++) p[i] = m[i + z * plane] != 0 ? (byte) 255 : 0;
			st.addSlice(new ByteProcessor(d[0], d[1], p));
		}
		return calibrated(new ImagePlus(title, st), sp, cal);
	}

	/** @return object labels as a 16-bit image (32-bit beyond 65535 objects), display range 0..count, calibrated when {@code cal}. */
	public static ImagePlus labels(final int[] l, final int count, final int[] d, final double[] sp, final boolean cal, final String title) {
		final int plane = d[0] * d[1], nz = d.length > 2 ? d[2] : 1;
		final ImageStack st = new ImageStack(d[0], d[1]);
		for (int z = 0; z < nz; z++) {
			if (count < 65536) {
				final short[] p = new short[plane];
				for (int i = 0; i < plane; i++) p[i] = (short) l[i + z * plane];
				st.addSlice(new ShortProcessor(d[0], d[1], p, null));
			}
			else {
				final float[] p = new float[plane];
				for (int i = 0; i < plane; i++) p[i] = l[i + z * plane];
				st.addSlice(new FloatProcessor(d[0], d[1], p));
			}
		}
		final ImagePlus out = calibrated(new ImagePlus(title, st), sp, cal);
		out.setDisplayRange(0, Math.max(1, count));
		return out;
	}

	static ImagePlus skeleton(final byte[] types, final int[] d, final double[] sp, final boolean cal, final String title) {
		return mask(types, d, sp, cal, title);
	}

	private static ImagePlus calibrated(final ImagePlus out, final double[] sp, final boolean cal) {
		if (cal) {
			final Calibration c = out.getCalibration();
			c.setUnit("micron");
			c.pixelWidth = sp[0];
			c.pixelHeight = sp[1];
			c.pixelDepth = sp.length > 2 ? sp[2] : 1;
		}
		return out;
	}
}
