package io.github.myomito.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.lattice.Periodicity;
import io.github.myomito.results.Table;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;

import org.junit.jupiter.api.Test;

/**
 * #16 item 6: a period is reported only where the truth has one (regularity ≥ {@link Periodicity#MIN_REGULARITY}),
 * and an empty mask has no lattice index (NaN, not 0).
 */
class HonestLatticeTest {

	private static Table fibres(final FibreImage img) {
		return ResultTables.of(ImageAnalysis.analyze(img, null, AnalysisSettings.defaults(), null), "f", "h").table("fibres");
	}

	private static Phantom phantom(final Pattern p, final long seed) {
		return PhantomSimulator.simulate(PhantomSettings.forPattern(p).toBuilder().seed(seed).fibreWidthUm(12).fibreLengthUm(24).build());
	}

	@Test
	void aFragmentedNetworkWithoutPeriodHasNoPeriodButALatticeHasItsTrueOne() {
		for (long seed = 1; seed <= 3; seed++) {
			final Phantom fission = phantom(Pattern.FISSION_FRAGMENTED, seed);
			assertThat(fission.truth().periodUm()).isEqualTo(0.0);
			final Table f = fibres(fission.image());
			assertThat(f.getDouble(0, "period_regularity")).as("fission regularity, seed %d", seed).isLessThan(Periodicity.MIN_REGULARITY);
			assertThat(f.getDouble(0, "period_um")).as("fission period, seed %d", seed).isNaN();
			assertThat(f.getDouble(0, "doublet_fraction")).isNaN();
			// the index still counts its (absent) regularity: well below a lattice's
			assertThat(f.getDouble(0, "lattice_index")).isBetween(0.0, 0.4);

			final Phantom lattice = phantom(Pattern.OXIDATIVE_LATTICE, seed);
			final Table l = fibres(lattice.image());
			assertThat(l.getDouble(0, "period_regularity")).isGreaterThan(Periodicity.MIN_REGULARITY);
			assertThat(l.getDouble(0, "period_um")).as("lattice period, seed %d", seed).isCloseTo(lattice.truth().periodUm(), within(0.1));
			// a fragmented glycolytic network still sits on the sarcomeres: its period is kept
			final Phantom glycolytic = phantom(Pattern.GLYCOLYTIC_FRAGMENTED, seed);
			assertThat(fibres(glycolytic.image()).getDouble(0, "period_um")).as("glycolytic period, seed %d", seed)
				.isCloseTo(glycolytic.truth().periodUm(), within(0.1));
		}
	}

	@Test
	void anEmptyMaskHasNoLatticeIndex() {
		final int w = 120, h = 80;
		final float[] flat = new float[w * h];
		java.util.Arrays.fill(flat, 100f);
		// one faint pixel so the image is not constant, far below any threshold's object size
		flat[w * 40 + 60] = 101f;
		final FibreImage img = FibreImage.builder().spacing(0.1, 0.1).source("empty").channel(Pixels.wrap(flat, w, h), ChannelRole.MITOCHONDRIA).build();
		final Table f = fibres(img);
		assertThat(f.getDouble(0, "objects")).isEqualTo(0.0);
		assertThat(f.getDouble(0, "lattice_index")).isNaN();
	}
}
