package io.github.myomito.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.myomito.image.MicroscopeFormats;

/** Expands command-line inputs (files and folders) into a sorted, de-duplicated list of image files. */
final class Inputs {

	private static final String[] IMAGE_SUFFIXES = { ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".pgm", ".zip" };

	private Inputs() {}

	/** @return true when the file name looks like an image MyoMito reads (not a truth JSON or a mask we wrote). */
	static boolean isImageName(final Path p) {
		final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		if (n.startsWith(".")) return false;
		for (final String s : IMAGE_SUFFIXES)
			if (n.endsWith(s) && !n.endsWith(".zip")) return true;
		return false;
	}

	/**
	 * A path on the command line that does not exist is a usage error (exit code 2).
	 *
	 * @throws Main.UsageException naming the first missing path
	 */
	static void requireExisting(final Path... paths) {
		for (final Path p : paths)
			if (p != null && !Files.exists(p)) throw new Main.UsageException(p + ": no such file or folder");
	}

	/** @return the inputs that do not exist. */
	static List<Path> missing(final List<Path> inputs) {
		return inputs.stream().filter(p -> !Files.exists(p)).collect(Collectors.toList());
	}

	/**
	 * Folders are searched recursively for images; files are taken as given (even with an unusual
	 * name, so that a bad file gets its own error row). Missing paths are kept: the caller reports them.
	 */
	static List<Path> expand(final List<Path> inputs) {
		final List<Path> out = new ArrayList<>();
		for (final Path p : inputs) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> s = Files.walk(p)) {
					out.addAll(s.filter(Files::isRegularFile).filter(Inputs::isImageName).sorted().collect(Collectors.toList()));
				}
				catch (final IOException e) {
					throw new UncheckedIOException(p + ": cannot list folder: " + e.getMessage(), e);
				}
			}
			else out.add(p);
		}
		return out.stream().map(Path::normalize).distinct().sorted().collect(Collectors.toList());
	}

	/**
	 * The vendor microscope files ({@link MicroscopeFormats}) inside the input folders, which
	 * {@link #expand} leaves out: the commands name each of them rather than report an empty folder.
	 */
	static List<Path> skippedVendorFiles(final List<Path> inputs) {
		final List<Path> out = new ArrayList<>();
		for (final Path p : inputs) {
			if (!Files.isDirectory(p)) continue;
			try (Stream<Path> s = Files.walk(p)) {
				s.filter(Files::isRegularFile).filter(f -> MicroscopeFormats.formatOf(f) != null).forEach(out::add);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(p + ": cannot list folder: " + e.getMessage(), e);
			}
		}
		return out.stream().map(Path::normalize).distinct().sorted().collect(Collectors.toList());
	}

	/**
	 * Names each skipped vendor file on {@code err}, then says once how to convert them.
	 *
	 * @return the number of files named
	 */
	static int reportSkipped(final String command, final List<Path> inputs, final java.io.PrintWriter err) {
		final List<Path> skipped = skippedVendorFiles(inputs);
		for (final Path f : skipped) err.println("myomito " + command + ": skipped " + f + ": " + MicroscopeFormats.formatOf(f) + " file, not read");
		if (!skipped.isEmpty()) err.println("myomito " + command + ": " + skipped.size() + " microscope file" + (skipped.size() == 1 ? "" : "s")
			+ " skipped; " + MicroscopeFormats.HOW_TO_CONVERT);
		return skipped.size();
	}
}
