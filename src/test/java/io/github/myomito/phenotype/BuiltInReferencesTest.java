package io.github.myomito.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.simulate.Pattern;

/**
 * The built-in references against fibres they were not derived from: new seeds (3001–3008) of each baseline pattern
 * at the simulator's default fibre size, analysed with the whole image as the region (Fiji's and the CLI's default)
 * and with the fibre outline as ROI, must be called the generating network type and {@code balanced} — a fibre of
 * the reference's own kind is not a shifted one. The stored scales are floored at
 * {@link BuiltInReferences#MIN_RELATIVE_SCALE} of the median on load.
 */
class BuiltInReferencesTest {

	@Test
	void newSeedsOfEachBaselineAreCalledTheirTypeAndBalanced() {
		final PatternLibrary lib = PatternLibrary.builtIn();
		final Classifier c = new Classifier(lib);
		final List<String> wrong = new ArrayList<>();
		int n = 0;
		for (final Pattern p : new Pattern[] { Pattern.OXIDATIVE_LATTICE, Pattern.GLYCOLYTIC_FRAGMENTED })
			for (final AnalysisSettings.FibreMode mode : new AnalysisSettings.FibreMode[] { AnalysisSettings.FibreMode.IMAGE, AnalysisSettings.FibreMode.GIVEN })
				for (int s = 3001; s <= 3008; s++) {
					final String file = p.id() + "_" + mode + "_seed" + s + ".tif";
					final FibreRecord r = PhenotypePanel.record(file, PhenotypePanel.analyse(PhenotypePanel.settings(p, s, null), file, mode), null);
					final FibreCall call = c.classify(r, lib.builtInReferences().forType(c.networkType(c.networkScore(r))));
					n++;
					if (!call.networkType.equals(p.id()) || !call.dynamicsState.equals("balanced"))
						wrong.add(file + ": " + call.networkType + " / " + call.dynamicsState + " (" + call.evidence + ")");
				}
		System.out.println("built-in references: " + (n - wrong.size()) + " of " + n + " right\n" + String.join("\n", wrong));
		assertThat(wrong.size()).as("%s", wrong).isLessThanOrEqualTo(1);
	}
}
