package io.github.myomito.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic text-file writes: content goes to a hidden temporary file in the same folder, which is then
 * renamed over the target. A run killed at any moment leaves either the old file or the new one, never
 * a half-written one, which is what makes batch runs resumable.
 */
public final class AtomicFiles {

	/**
	 * Test seam for a disk that fills up mid-run: when this system property names a file (e.g.
	 * {@code images.csv}), every {@link #write} of a file of that name fails after
	 * {@link #FULL_DISK_AFTER_CHARS} characters with the message the JVM gives for {@code ENOSPC}. Read
	 * on every write (no state is kept); unset, writes are plain.
	 */
	static final String FULL_DISK_PROPERTY = "myomito.fault.full-disk";
	/** Characters a write gets through before the simulated full disk stops it. */
	static final int FULL_DISK_AFTER_CHARS = 64;
	/** What the JVM says when a write hits a full file system. */
	static final String NO_SPACE = "No space left on device";

	private AtomicFiles() {}

	/** Writes text produced by {@code body}. */
	public interface Body {
		/** @param w the writer to fill */
		void write(Writer w) throws IOException;
	}

	/** Writes a file's content to a given (temporary) path. */
	public interface PathBody {
		/** @param tmp the temporary file to fill (it exists, empty) */
		void write(Path tmp) throws IOException;
	}

	/** Writes {@code file} atomically: {@code body} fills a temporary file beside it, which is then published. */
	public static void writeFile(final Path file, final PathBody body) throws IOException {
		final Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
		try {
			try {
				body.write(tmp);
			}
			catch (final IOException e) {
				// a full disk or a failing device: say which file (the JVM's own message names none)
				final String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
				if (m.contains(file.toString())) throw e;
				throw new IOException(file + ": cannot write: " + m, e);
			}
			publish(tmp, file);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Writes {@code file} atomically (UTF-8). */
	public static void write(final Path file, final Body body) throws IOException {
		writeFile(file, tmp -> {
			try (Writer w = faults(file, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
				body.write(w);
			}
		});
	}

	/** @return {@code w}, or a writer that fails like a full disk when {@link #FULL_DISK_PROPERTY} names {@code file}. */
	private static Writer faults(final Path file, final Writer w) {
		final String full = System.getProperty(FULL_DISK_PROPERTY);
		if (full == null || !full.equals(String.valueOf(file.getFileName()))) return w;
		return new java.io.FilterWriter(w) {
			private int left = FULL_DISK_AFTER_CHARS;

			@Override
			public void write(final int c) throws IOException {
				write(new char[] { (char) c }, 0, 1);
			}

			@Override
			public void write(final String str, final int off, final int len) throws IOException {
				write(str.toCharArray(), off, len);
			}

			@Override
			public void write(final char[] cbuf, final int off, final int len) throws IOException {
				final int n = Math.min(len, left);
				super.write(cbuf, off, n);
				left -= n;
				if (n < len) {
					super.flush();
					throw new IOException(NO_SPACE);
				}
			}
		};
	}

	/**
	 * Moves a finished temporary file over {@code target} atomically and gives it the usual
	 * permissions (rw-r--r--; temporary files are created owner-only).
	 */
	public static void publish(final Path tmp, final Path target) throws IOException {
		try {
			java.nio.file.Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (final UnsupportedOperationException e) {
			// not a POSIX file system: keep its defaults
		}
		try {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Writes a string atomically. */
	public static void writeString(final Path file, final String content) throws IOException {
		write(file, w -> w.write(content));
	}
}
