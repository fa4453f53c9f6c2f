package io.github.myomito.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.github.myomito.results.Table;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;

/** {@link ImageAnalysis#analyze(io.github.myomito.image.FibreImage, FibreInput, AnalysisSettings, io.github.myomito.progress.Progress, java.util.concurrent.Executor)} gives the same tables with any helpers. */
class HelpersTest {

	private static String tables(final ImageAnalysis.Result r) throws IOException {
		final StringWriter w = new StringWriter();
		for (final Table t : ResultTables.of(r, "x", "h").tables().values()) t.writeCsv(w);
		return w.toString();
	}

	@Test
	void helpersGiveTheSerialTables() throws Exception {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.FISSION_FRAGMENTED).toBuilder().seed(4).axisDeg(25).build());
		for (final AnalysisSettings s : new AnalysisSettings[] { AnalysisSettings.defaults().toBuilder().lc3Channel(2).build(),
			AnalysisSettings.defaults().toBuilder().lc3Channel(2).fibreMode(AnalysisSettings.FibreMode.AUTO).bandDepthUm(2).build(),
			AnalysisSettings.defaults() }) {
			final String serial = tables(ImageAnalysis.analyze(ph.image(), null, s, null));
			// a helper that runs each part at once (on the calling thread, in offer order)
			assertThat(tables(ImageAnalysis.analyze(ph.image(), null, s, null, Runnable::run))).isEqualTo(serial);
			for (final int threads : new int[] { 1, 3 }) {
				final ExecutorService pool = Executors.newFixedThreadPool(threads);
				try {
					assertThat(tables(ImageAnalysis.analyze(ph.image(), null, s, null, pool))).as("%d helper threads", threads).isEqualTo(serial);
				}
				finally {
					pool.shutdownNow();
				}
			}
			// a shut-down pool rejects every part: all run on the calling thread
			final ExecutorService dead = Executors.newSingleThreadExecutor();
			dead.shutdown();
			assertThat(tables(ImageAnalysis.analyze(ph.image(), null, s, null, dead))).isEqualTo(serial);
		}
	}
}
