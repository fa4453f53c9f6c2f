package io.github.myomito.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TruthJsonTest {

	@Test
	void jsonRoundTripKeepsEverything() {
		final Truth t = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.GLYCOLYTIC_FRAGMENTED).toBuilder().seed(12)
			.fibreLengthUm(12).fibreWidthUm(8).axisDeg(33).build()).truth();
		final String json = t.toJson();
		assertThat(json).contains("\"pattern\": \"glycolytic-fragmented\"").contains("\"orientation\": \"transverse\"").contains("\"seed\": 12");
		final Truth u = Truth.fromJson(json);
		assertThat(u.toJson()).isEqualTo(json);
		assertThat(u.pattern()).isSameAs(Pattern.GLYCOLYTIC_FRAGMENTED);
		assertThat(u.settings()).isEqualTo(t.settings()).hasSameHashCodeAs(t.settings());
		assertThat(u.settings()).isNotEqualTo(t.settings().toBuilder().seed(13).build());
		assertThat(u.settings().axisDeg()).isEqualTo(33);
		assertThat(u.settings().seed()).isEqualTo(12);
		assertThat(u.dims()).isEqualTo(t.dims());
		assertThat(u.spacing()).isEqualTo(t.spacing());
		assertThat(u.nodes()).hasSameSizeAs(t.nodes());
		assertThat(u.branches()).hasSameSizeAs(t.branches());
		assertThat(u.counts().objects()).isEqualTo(t.counts().objects());
		assertThat(u.counts().totalLengthUm()).isEqualTo(t.counts().totalLengthUm());
		assertThat(u.branches().get(0).path()).isDeepEqualTo(t.branches().get(0).path());
		assertThat(u.branches().get(0).orientation()).isEqualTo(t.branches().get(0).orientation());
		assertThat(u.lc3Puncta()).hasSameSizeAs(t.lc3Puncta());
		assertThat(u.lc3OnMitoFraction()).isEqualTo(t.lc3OnMitoFraction());
		assertThat(u.maskAreaUm2()).isEqualTo(t.maskAreaUm2());
		// the settings survive and simulate the same phantom again
		assertThat(PhantomSimulator.simulate(u.settings().toBuilder().build()).truth().toJson()).isEqualTo(json);
	}

	@Test
	void badJsonIsAClearError() {
		assertThatThrownBy(() -> Truth.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truth JSON");
		assertThatThrownBy(() -> Truth.fromJson("{}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
	}
}
