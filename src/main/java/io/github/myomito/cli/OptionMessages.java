package io.github.myomito.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns messages of the core into the command line's words: a settings error names the real option
 * ({@code --lc3-channel}, {@code --pixel-size}, …), a file-system error says what went wrong with which path
 * ({@code permission denied}, {@code no such file}, …) rather than printing the bare path that Java's
 * {@link FileSystemException#getMessage()} often is.
 */
final class OptionMessages {

	/** Core message start → option name (first match wins; longer phrases first). */
	private static final String[][] FLAGS = { { "LC3 and mitochondria channels", "--lc3-channel and --mito-channel" },
		{ "mitochondria channel", "--mito-channel" }, { "LC3 channel", "--lc3-channel" }, { "LC3 punctum radius", "--punctum-um" },
		{ "pixel size", "--pixel-size" }, { "z step", "--z-step" }, { "subsarcolemmal band depth", "--band-um" },
		{ "orientation tolerance", "--tolerance-deg" }, { "randomisations", "--randomisations" }, { "axial PSF size", "--psf-z-um" },
		{ "PSF size", "--psf-um" }, { "threshold: ", "--threshold " }, { "minimum object size", "--min-size-um" },
		{ "background radius", "--background-um" } };

	private OptionMessages() {}

	/** @return the settings message with the option's name in front (e.g. "--pixel-size must be …"). */
	static String option(final String message) {
		final String m = message == null ? "" : message;
		for (final String[] f : FLAGS)
			if (m.startsWith(f[0])) return f[1] + m.substring(f[0].length());
		return m.startsWith("--") ? m : "--" + m;
	}

	/**
	 * @return a one-line message for any exception: file-system errors as "PATH: permission denied" (and
	 *         the like), others as their message
	 */
	static String oneLine(final Throwable ex) {
		String m;
		if (ex instanceof FileSystemException) m = fileSystem((FileSystemException) ex);
		else if (ex.getCause() instanceof FileSystemException && (ex.getMessage() == null || ex.getMessage().equals(ex.getCause().toString())
			|| ex.getMessage().equals(((FileSystemException) ex.getCause()).getFile())))
			m = fileSystem((FileSystemException) ex.getCause());
		else m = ex.getMessage();
		if (m == null || m.isBlank()) m = ex.getClass().getSimpleName();
		return m.replace('\n', ' ').replace('\r', ' ');
	}

	private static String fileSystem(final FileSystemException e) {
		final String what;
		if (e instanceof AccessDeniedException) what = "permission denied";
		else if (e instanceof NoSuchFileException) what = "no such file or folder";
		else if (e instanceof FileAlreadyExistsException) what = "already exists (and is not a folder)";
		else if (e instanceof NotDirectoryException) what = "not a folder";
		else what = e.getReason() != null ? e.getReason() : "cannot be written";
		final String path = e.getFile() == null ? "" : e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
		final String reason = e.getReason();
		return path + ": " + what + (reason != null && !reason.equals(what) && !(e instanceof AccessDeniedException) ? " (" + reason + ")" : "");
	}
}
