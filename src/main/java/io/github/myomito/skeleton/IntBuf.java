package io.github.myomito.skeleton;

import java.util.Arrays;

/** A growable primitive int list (package-private helper; avoids boxing in the graph builder). */
final class IntBuf {

	private int[] a;
	private int n;

	IntBuf(final int capacity) {
		a = new int[Math.max(4, capacity)];
	}

	void add(final int v) {
		if (n == a.length) a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * a.length));
		a[n++] = v;
	}

	int get(final int i) {
		return a[i];
	}

	void set(final int i, final int v) {
		a[i] = v;
	}

	/** @return index of {@code v} in an ascending list, negative when absent ({@link Arrays#binarySearch}) */
	int indexOfSorted(final int v) {
		return Arrays.binarySearch(a, 0, n, v);
	}

	int size() {
		return n;
	}

	void clear() {
		n = 0;
	}

	int[] toArray() {
		return Arrays.copyOf(a, n);
	}

	int[] toArray(final int from, final int to) {
		return Arrays.copyOfRange(a, from, to);
	}
}
