package io.github.myomito.coloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/** Running the rank statistics on another thread gives exactly the serial numbers. */
class ParallelRanksTest {

	@Test
	void executorGivesIdenticalResults() {
		final Random r = new Random(9);
		final int w = 120, h = 90;
		final float[] a = new float[w * h], b = new float[w * h];
		for (int i = 0; i < a.length; i++) {
			a[i] = (float) Math.floor(r.nextGaussian() * 5 + 50);
			b[i] = (float) Math.floor(0.5 * a[i] + r.nextGaussian() * 5);
		}
		final ColocSettings s = ColocSettings.builder().randomisations(20).seed(3).build();
		final ColocResult serial = PixelColocalisation.compute(a, b, null, new int[] { w, h }, new double[] { 0.1, 0.1 }, s);
		final ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			final ColocResult parallel = PixelColocalisation.compute(a, b, null, new int[] { w, h }, new double[] { 0.1, 0.1 }, s, null, pool);
			assertThat(parallel.spearman()).isEqualTo(serial.spearman()).isBetween(0.35, 0.55);
			assertThat(parallel.kendallTau()).isEqualTo(serial.kendallTau()).isBetween(0.2, 0.45);
			assertThat(parallel.costesP()).isEqualTo(serial.costesP());
			assertThat(parallel.pearson()).isEqualTo(serial.pearson());
		}
		finally {
			pool.shutdownNow();
		}
	}
}
