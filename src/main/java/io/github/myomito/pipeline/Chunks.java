package io.github.myomito.pipeline;

import java.util.List;

/**
 * Deterministic split of a sorted input list for cluster job arrays: chunk {@code i} of {@code n}
 * (1-based) gets the contiguous slice {@code [⌊(i−1)·m/n⌋, ⌊i·m/n⌋)} of the {@code m} inputs, so the
 * {@code n} chunks cover every input exactly once, sizes differ by at most one, and concatenating
 * the chunks' tables in chunk order reproduces a single run.
 */
public final class Chunks {

	private Chunks() {}

	/**
	 * Parses "i/N".
	 *
	 * @return {i, N}
	 * @throws IllegalArgumentException naming the problem
	 */
	public static int[] parse(final String spec) {
		final String[] p = spec.trim().split("/");
		if (p.length != 2) throw new IllegalArgumentException("--chunk must look like i/N (e.g. 2/8), got '" + spec + "'");
		final int i, n;
		try {
			i = Integer.parseInt(p[0].trim());
			n = Integer.parseInt(p[1].trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("--chunk must look like i/N with whole numbers, got '" + spec + "'");
		}
		if (n < 1 || i < 1 || i > n) throw new IllegalArgumentException("--chunk i/N needs 1 ≤ i ≤ N, got '" + spec + "'");
		return new int[] { i, n };
	}

	/** @return chunk {@code i} (1-based) of {@code n} of the list. */
	public static <T> List<T> slice(final List<T> sorted, final int i, final int n) {
		final int m = sorted.size();
		final int from = (int) ((long) (i - 1) * m / n);
		final int to = (int) ((long) i * m / n);
		return sorted.subList(from, to);
	}
}
