package io.github.myomito.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output folder ({@code OUT/.myomito.lock}), held while a batch writes there, so
 * that two runs into the same folder do not interleave their tables. The lock is the operating system's
 * file lock: it is released when the process ends in any way (also {@code kill -9}), so a lock file left
 * behind is harmless; its text only says who held it last (process, host, start time).
 */
public final class OutputLock implements AutoCloseable {

	/** Name of the lock file in the output folder. */
	public static final String NAME = ".myomito.lock";

	private final FileChannel channel;
	private final FileLock lock;

	private OutputLock(final FileChannel channel, final FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock of {@code out} (created if needed).
	 *
	 * @throws IOException naming the lock file and the run that holds it, when another run holds it
	 */
	public static OutputLock acquire(final Path out) throws IOException {
		Files.createDirectories(out);
		final Path file = out.resolve(NAME);
		final FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = ch.tryLock();
		}
		catch (final OverlappingFileLockException e) {
			lock = null; // held by another run in this same JVM
		}
		if (lock == null) {
			String holder;
			try {
				holder = Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			catch (final IOException e) {
				holder = "";
			}
			ch.close();
			throw new IOException(out + ": another analyze run is writing into this folder (lock " + file + " held by "
				+ (holder.isEmpty() ? "an unknown process" : holder) + "); wait for it to finish or give another --out");
		}
		final String who = "pid " + ManagementFactory.getRuntimeMXBean().getPid() + " on " + host() + ", started "
			+ java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		ch.truncate(0);
		ch.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
		ch.force(false);
		return new OutputLock(ch, lock);
	}

	private static String host() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException | RuntimeException e) {
			return "this host";
		}
	}

	@Override
	public void close() throws IOException {
		try {
			lock.release();
		}
		finally {
			channel.close();
		}
	}
}
