package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.myomito.reporter.Reporter;

/**
 * #15 "Done when" through the whole chain ({@link ReporterChainGrid}: {@code simulate --reporter} →
 * {@code analyze --fibres auto --reporter} → fibres.csv / mitolysosomes.csv against the truth JSON), 10 seeds ×
 * 5 levels per reporter: one fibre found per image, each fibre's mitolysosome count within 10 % of the truth,
 * at least 90 % of the true mitolysosomes matched by position, the levels ranked right for every seed, and on
 * 10 fibres without acid puncta at most 0.5 false mitolysosomes per 1,000 µm² of fibre.
 */
class ReporterChainAccuracyTest {

	static final int SEEDS = 10;

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(Reporter.class)
	void wholeChainCountsRankingAndFalseRate(final Reporter r) throws Exception {
		final List<ReporterChainGrid.Image> grid = ReporterChainGrid.run(r, SEEDS, dir);
		assertThat(grid).hasSize(SEEDS * (ReporterChainGrid.LEVELS.length + 1));
		double worst = 0;
		for (final ReporterChainGrid.Image im : grid) {
			assertThat(im.fibres).as("%s %s: fibres found", r.id(), im).isEqualTo(1);
			if (im.level == 0) {
				assertThat(im.truth).isZero();
				continue;
			}
			assertThat(im.error()).as("%s %s: count error", r.id(), im).isLessThanOrEqualTo(0.10);
			assertThat((double) im.matched).as("%s %s: matched by position", r.id(), im).isGreaterThanOrEqualTo(0.9 * im.truth);
			worst = Math.max(worst, im.error());
		}
		assertThat(ReporterChainGrid.rankedSeeds(grid)).as("%s: seeds whose counts rise with the level", r.id()).isEqualTo(SEEDS);
		final double falses = ReporterChainGrid.falsePer1000(grid);
		System.out.println(r.id() + " whole chain: worst count error " + worst + ", " + falses + " false per 1000 µm²");
		assertThat(falses).as("%s: false mitolysosomes per 1000 µm² without acid puncta", r.id()).isLessThanOrEqualTo(0.5);
	}
}
