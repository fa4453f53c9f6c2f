package io.github.myomito.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Warm-up plus repeated wall-clock timing of one piece of work; reports median, minimum and maximum, and the
 * median CPU time of the calling thread (plus, where given, of the helper threads the work uses).
 * The value returned by the work is kept (and summarised by the caller) so the JIT cannot drop it.
 */
public final class Timing {

	/** Medians etc. of one timed case, in milliseconds. */
	public static final class Stats {
		/** Median of the timed repetitions (ms). */
		public final double medianMs;
		/** Fastest repetition (ms). */
		public final double minMs;
		/** Slowest repetition (ms). */
		public final double maxMs;
		/** Number of timed repetitions. */
		public final int n;
		/** Median CPU time of the calling thread (ms): robust against other processes on a shared machine. */
		public final double medianCpuMs;

		Stats(final double[] ms, final double[] cpuMs) {
			final double[] c = cpuMs.clone();
			Arrays.sort(c);
			medianCpuMs = c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
			final double[] s = ms.clone();
			Arrays.sort(s);
			n = s.length;
			medianMs = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
			minMs = s[0];
			maxMs = s[n - 1];
		}
	}

	private Timing() {}

	/**
	 * Runs {@code work} {@code warmups} times untimed, then {@code reps} times timed.
	 *
	 * @param <T> result type
	 * @param warmups untimed runs (JIT warm-up), ≥ 0
	 * @param reps timed runs, ≥ 1
	 * @param work the work; its last result is stored in {@code last[0]} when {@code last} is not null
	 * @param last holder for the last result, or null
	 * @return the timing statistics
	 */
	public static <T> Stats time(final int warmups, final int reps, final Supplier<T> work, final Object[] last) {
		return time(warmups, reps, work, last, java.util.List.of());
	}

	/**
	 * As {@link #time(int, int, Supplier, Object[])}, the CPU time summed over the calling thread and the
	 * given helper threads (those of an executor the work uses).
	 */
	public static <T> Stats time(final int warmups, final int reps, final Supplier<T> work, final Object[] last, final java.util.Collection<Thread> helpers) {
		if (reps < 1 || warmups < 0) throw new IllegalArgumentException("need reps ≥ 1 and warmups ≥ 0");
		Object keep = null;
		for (int i = 0; i < warmups; i++) keep = work.get();
		final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		final double[] ms = new double[reps], cpu = new double[reps];
		for (int i = 0; i < reps; i++) {
			final long c0 = mx.getCurrentThreadCpuTime() + helperCpu(mx, helpers), t0 = System.nanoTime();
			keep = work.get();
			ms[i] = (System.nanoTime() - t0) / 1e6;
			cpu[i] = (mx.getCurrentThreadCpuTime() + helperCpu(mx, helpers) - c0) / 1e6;
		}
		if (last != null) last[0] = keep;
		return new Stats(ms, cpu);
	}

	private static long helperCpu(final ThreadMXBean mx, final java.util.Collection<Thread> helpers) {
		long s = 0;
		for (final Thread t : helpers) s += Math.max(0, mx.getThreadCpuTime(t.getId()));
		return s;
	}
}
