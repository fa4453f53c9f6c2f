package io.github.myomito.image.ij;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.process.ImageProcessor;
import io.github.myomito.pipeline.FibreInput;

/**
 * Fibres from ImageJ ROIs ({@code .roi} files, ROI-set {@code .zip} files as the ROI Manager saves
 * them, or {@link Roi} objects) or from a label image, as a {@link FibreInput}. Overlapping ROIs: a
 * pixel belongs to the last ROI that covers it (ROI Manager order).
 */
public final class FibreRois {

	private FibreRois() {}

	/**
	 * Reads ROIs from a {@code .roi} or {@code .zip} file.
	 *
	 * @throws IOException one line naming the file: missing, not a ROI file, damaged, or without ROIs
	 */
	public static List<Roi> read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such ROI file");
		try {
			return decode(file);
		}
		catch (final RuntimeException e) {
			throw new IOException(file + ": damaged ROI file (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
		}
		catch (final IOException e) {
			if (e.getMessage() != null && e.getMessage().contains(file.toString())) throw e;
			throw new IOException(file + ": damaged ROI file (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
		}
	}

	private static List<Roi> decode(final Path file) throws IOException {
		final String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final List<Roi> rois = new ArrayList<>();
		if (n.endsWith(".zip")) {
			try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(file))) {
				ZipEntry e;
				while ((e = zin.getNextEntry()) != null) {
					if (!e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) continue;
					final Roi r = new RoiDecoder(readAll(zin), e.getName()).getRoi();
					if (r != null) {
						if (r.getName() == null) r.setName(e.getName().replaceFirst("(?i)\\.roi$", ""));
						rois.add(r);
					}
				}
			}
		}
		else if (n.endsWith(".roi")) {
			final Roi r = new RoiDecoder(file.toString()).getRoi();
			if (r != null) {
				if (r.getName() == null) r.setName(file.getFileName().toString().replaceFirst("(?i)\\.roi$", ""));
				rois.add(r);
			}
		}
		else throw new IOException(file + ": not an ImageJ ROI file (.roi or .zip)");
		if (rois.isEmpty()) throw new IOException(file + ": contains no ROI");
		return rois;
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		int k;
		while ((k = in.read(buf)) > 0) out.write(buf, 0, k);
		return out.toByteArray();
	}

	/** Rasterises area ROIs into fibre labels 1..n for an image of {@code w × h}. */
	public static FibreInput fromRois(final List<Roi> rois, final int w, final int h) {
		final int[] labels = new int[w * h];
		final List<String> names = new ArrayList<>();
		int k = 0;
		for (final Roi r : rois) {
			if (!r.isArea()) throw new IllegalArgumentException("ROI '" + r.getName() + "' is not an area ROI (a fibre needs an outline)");
			k++;
			names.add(r.getName() != null ? r.getName() : Integer.toString(k));
			final java.awt.Rectangle b = r.getBounds();
			final ImageProcessor m = r.getMask();
			for (int y = Math.max(0, b.y); y < Math.min(h, b.y + b.height); y++)
				for (int x = Math.max(0, b.x); x < Math.min(w, b.x + b.width); x++)
					if (m == null || m.get(x - b.x, y - b.y) != 0) labels[x + w * y] = k;
		}
		return new FibreInput(labels, w, h, names, "roi");
	}

	/** Fibres from a 2D label image (0 = background, k = fibre k, named by its number); a stack is refused. */
	public static FibreInput fromLabelImage(final ImagePlus labelImage) {
		if (labelImage.getStackSize() > 1)
			throw new IllegalArgumentException(labelImage.getTitle() + ": fibre labels must be one 2D label image (applied to every z slice); this file has "
				+ labelImage.getStackSize() + " planes");
		final ImageProcessor ip = labelImage.getProcessor();
		final int w = ip.getWidth(), h = ip.getHeight();
		final int[] labels = new int[w * h];
		int max = 0;
		for (int i = 0; i < labels.length; i++) {
			final float v = ip.getf(i);
			if (v < 0 || v != Math.rint(v)) throw new IllegalArgumentException(labelImage.getTitle() + ": not a label image (value " + v + ")");
			labels[i] = (int) v;
			max = Math.max(max, labels[i]);
		}
		final List<String> names = new ArrayList<>();
		for (int i = 1; i <= max; i++) names.add(Integer.toString(i));
		return new FibreInput(labels, w, h, names, "labels");
	}
}
