package io.github.myomito.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class PhantomSettingsTest {

	@Test
	void patternIdsRoundTripAndUnknownIdsListTheValidOnes() {
		assertThat(Pattern.values()).extracting(Pattern::id).containsExactly("oxidative-lattice", "glycolytic-fragmented",
			"fission-fragmented", "hyperfused", "swollen");
		for (final Pattern p : Pattern.values()) assertThat(Pattern.fromId(p.id())).isSameAs(p);
		assertThat(Pattern.fromId(" Swollen ")).isSameAs(Pattern.SWOLLEN);
		assertThatThrownBy(() -> Pattern.fromId("lattice")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'lattice'").hasMessageContaining("oxidative-lattice, glycolytic-fragmented, fission-fragmented, hyperfused, swollen");
		assertThatThrownBy(() -> Pattern.fromId(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void defaultsAreValidAndDifferByPattern() {
		for (final Pattern p : Pattern.values()) {
			final PhantomSettings s = PhantomSettings.forPattern(p);
			assertThat(s.pattern()).isSameAs(p);
			assertThat(s.sarcomereUm()).isEqualTo(2.2);
			assertThat(s.pixelUm()).isEqualTo(0.1);
			assertThat(s.zSlices()).isEqualTo(1);
		}
		assertThat(PhantomSettings.forPattern(Pattern.HYPERFUSED).connectivity())
			.isGreaterThan(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).connectivity());
		assertThat(PhantomSettings.forPattern(Pattern.FISSION_FRAGMENTED).fragmentation())
			.isGreaterThan(PhantomSettings.forPattern(Pattern.GLYCOLYTIC_FRAGMENTED).fragmentation());
		assertThat(PhantomSettings.forPattern(Pattern.SWOLLEN).swelling()).isGreaterThan(0.5);
		final PhantomSettings s = PhantomSettings.forPattern(Pattern.SWOLLEN).toBuilder().seed(99).axisDeg(45).build();
		assertThat(s.seed()).isEqualTo(99);
		assertThat(s.axisDeg()).isEqualTo(45);
		assertThat(s.swelling()).isEqualTo(PhantomSettings.forPattern(Pattern.SWOLLEN).swelling());
	}

	@Test
	void invalidValuesAreRejectedWithTheParameterNamed() {
		rejects(b -> b.fibreWidthUm(-1), "fibreWidthUm");
		rejects(b -> b.fibreLengthUm(0), "fibreLengthUm");
		rejects(b -> b.pixelUm(0), "pixelUm");
		rejects(b -> b.pixelUm(Double.NaN), "pixelUm");
		rejects(b -> b.sarcomereUm(-2), "sarcomereUm");
		rejects(b -> b.zSlices(0), "zSlices");
		rejects(b -> b.zStepUm(0), "zStepUm");
		rejects(b -> b.tubeDiameterUm(0), "tubeDiameterUm");
		rejects(b -> b.tubeDiameterUm(0.15), "thinner than 2 pixels");
		rejects(b -> b.axisDeg(200), "axisDeg");
		rejects(b -> b.axisDeg(-1), "axisDeg");
		rejects(b -> b.connectivity(1.5), "connectivity");
		rejects(b -> b.fragmentation(-0.1), "fragmentation");
		rejects(b -> b.swelling(2), "swelling");
		rejects(b -> b.mitophagyLevel(1.01), "mitophagyLevel");
		rejects(b -> b.lc3RadiusUm(0), "lc3RadiusUm");
		rejects(b -> b.lc3DensityPer100um2(-1), "lc3DensityPer100um2");
		rejects(b -> b.gain(0), "gain");
		rejects(b -> b.gaussianNoise(-1), "gaussianNoise");
		rejects(b -> b.psfSigmaUm(-0.1), "psfSigmaUm");
		rejects(b -> b.myofibrilUm(0.4), "myofibrilUm");
		rejects(b -> b.fibreWidthUm(3), "fibreWidthUm");
		assertThatThrownBy(() -> PhantomSettings.forPattern(null)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> PhantomSimulator.simulate(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settings");
	}

	private static void rejects(final UnaryOperator<PhantomSettings.Builder> change, final String message) {
		assertThatThrownBy(() -> change.apply(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder()).build())
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
	}
}
