package io.github.myomito.fiji;

import org.scijava.app.StatusService;

import ij.IJ;
import io.github.myomito.progress.Progress;

/**
 * Adapter from the core's {@link Progress} to Fiji: SciJava's {@link StatusService} when available,
 * else ImageJ 1.x's status bar ({@code IJ.showStatus}/{@code IJ.showProgress}). Cancellation follows
 * ImageJ's Esc key ({@code IJ.escapePressed()}) and the command's own cancel flag.
 */
final class StatusProgress implements Progress {

	private final StatusService status;
	private volatile boolean cancelled;

	StatusProgress(final StatusService status) {
		this.status = status;
	}

	@Override
	public void status(final String message) {
		if (status != null) status.showStatus(message);
		else IJ.showStatus(message);
	}

	@Override
	public void progress(final long done, final long total) {
		if (status != null) status.showProgress((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE));
		else IJ.showProgress(done / (double) Math.max(1, total));
	}

	/** Requests cancellation (e.g. from a Cancel button). */
	void cancel() {
		cancelled = true;
	}

	@Override
	public boolean isCancelled() {
		return cancelled || IJ.escapePressed();
	}
}
