package io.github.myomito.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.github.myomito.progress.Progress;

/**
 * Console adapter of {@link Progress}: a one-line progress bar redrawn with {@code \r} on an
 * interactive terminal, or plain log lines (one per message) when output is not a terminal or
 * {@code --no-progress} is given — what a cluster log file wants.
 */
final class ConsoleProgress implements Progress {

	private final PrintWriter err;
	private final boolean bar;
	private final long start = System.nanoTime();
	private String last = "";

	/** @param err where to write, @param bar true for a redrawn bar, false for log lines */
	ConsoleProgress(final PrintWriter err, final boolean bar) {
		this.err = err;
		this.bar = bar;
	}

	/** @return true when a progress bar makes sense (a terminal and not disabled). */
	static boolean interactive(final boolean noProgress) {
		return !noProgress && System.console() != null && System.getenv("SLURM_JOB_ID") == null;
	}

	@Override
	public synchronized void status(final String message) {
		last = message;
		if (!bar) {
			err.println(message);
			err.flush();
		}
	}

	@Override
	public synchronized void progress(final long done, final long total) {
		if (!bar) return;
		final int width = 30;
		final int filled = total <= 0 ? width : (int) (width * done / total);
		final double elapsed = (System.nanoTime() - start) / 1e9;
		final double eta = done > 0 ? elapsed * (total - done) / done : Double.NaN;
		final StringBuilder sb = new StringBuilder("\r[");
		for (int i = 0; i < width; i++) sb.append(i < filled ? '#' : '.');
		sb.append(String.format(Locale.ROOT, "] %d/%d  %.0f s elapsed", done, total, elapsed));
		if (!Double.isNaN(eta) && done < total) sb.append(String.format(Locale.ROOT, ", ~%.0f s left", eta));
		final String tail = last.length() > 40 ? "…" + last.substring(last.length() - 39) : last;
		sb.append("  ").append(tail).append("\u001b[K");
		if (done >= total) sb.append('\n');
		err.print(sb);
		err.flush();
	}

	@Override
	public boolean isCancelled() {
		return Thread.currentThread().isInterrupted();
	}
}
