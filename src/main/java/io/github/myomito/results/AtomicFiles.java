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
			body.write(tmp);
			publish(tmp, file);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Writes {@code file} atomically (UTF-8). */
	public static void write(final Path file, final Body body) throws IOException {
		writeFile(file, tmp -> {
			try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				body.write(w);
			}
		});
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
