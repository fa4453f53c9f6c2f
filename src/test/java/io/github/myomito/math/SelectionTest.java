package io.github.myomito.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Selection#select}: every rank of random arrays (with ties, on a prefix) equals the sorted array's. */
class SelectionTest {

	@Test
	void everyRankEqualsTheSortedValueAndPartitionsThePrefix() {
		final Random r = new Random(1961);
		for (int trial = 0; trial < 200; trial++) {
			final int len = 1 + r.nextInt(60), n = 1 + r.nextInt(len);
			final float[] a = new float[len];
			for (int i = 0; i < len; i++) a[i] = r.nextInt(trial % 2 == 0 ? 5 : 1000); // many ties, or few
			final float[] sorted = Arrays.copyOf(a, n);
			Arrays.sort(sorted);
			final int k = r.nextInt(n);
			final float[] tail = Arrays.copyOfRange(a, n, len);
			final float v = Selection.select(a, n, k);
			assertThat(v).isEqualTo(sorted[k]);
			assertThat(a[k]).isEqualTo(v);
			for (int i = 0; i < k; i++) assertThat(a[i]).isLessThanOrEqualTo(v);
			for (int i = k + 1; i < n; i++) assertThat(a[i]).isGreaterThanOrEqualTo(v);
			assertThat(Arrays.copyOfRange(a, n, len)).as("values beyond n untouched").containsExactly(tail);
		}
	}

	@Test
	void adversarialInputsStillSelect() {
		// sorted, reversed and constant inputs of 10⁵ values
		final int n = 100_000;
		final float[] up = new float[n], down = new float[n], flat = new float[n];
		for (int i = 0; i < n; i++) {
			up[i] = i;
			down[i] = n - i;
			flat[i] = 7;
		}
		assertThat(Selection.select(up, n, n / 2)).isEqualTo(n / 2);
		assertThat(Selection.select(down, n, 0)).isEqualTo(1);
		assertThat(Selection.select(flat, n, n - 1)).isEqualTo(7);
	}

	@Test
	void badRanksAreRejected() {
		assertThatThrownBy(() -> Selection.select(new float[3], 3, 3)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Selection.select(new float[3], 4, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
