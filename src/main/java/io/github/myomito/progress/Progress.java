package io.github.myomito.progress;

import java.util.concurrent.CancellationException;

/**
 * A tiny progress and cancellation channel from the core algorithms to whatever door runs them
 * (SciJava {@code StatusService}, {@code IJ.showProgress}, a console bar). Implementations must be
 * thread-safe: batch runs report from several worker threads.
 */
public interface Progress {

	/** A progress sink that shows nothing and is never cancelled. */
	Progress NONE = new Progress() {
		@Override
		public void status(final String message) {}

		@Override
		public void progress(final long done, final long total) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/** Reports what is being done now. */
	void status(String message);

	/** Reports {@code done} of {@code total} steps finished. */
	void progress(long done, long total);

	/** @return {@code true} once the user asked to stop. */
	boolean isCancelled();

	/** Throws {@link CancellationException} if cancelled: call between units of work. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancellationException("cancelled by the user");
	}
}
