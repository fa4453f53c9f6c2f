package io.github.myomito.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The knowledge base: the built-in transcription of the review, and validation errors naming the entry. */
class PatternLibraryTest {

	static String builtInText() throws IOException {
		try (InputStream in = PatternLibrary.class.getResourceAsStream(PatternLibrary.BUILT_IN)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void builtInTranscribesEveryRowOfTable3() {
		final PatternLibrary lib = PatternLibrary.builtIn();
		assertThat(lib.reviewDoi()).isEqualTo("10.1186/s11658-024-00572-y");
		assertThat(lib.table3()).hasSize(29);
		assertThat(lib.table3().stream().filter(r -> r.model.equals("denervation"))).hasSize(6);
		assertThat(lib.table3().stream().filter(r -> r.model.equals("aging"))).hasSize(10);
		final PatternLibrary.ModelRow time = lib.table3().stream().filter(r -> r.id.equals("denervation-mitophagy-time")).findFirst().get();
		assertThat(time.direction).isEqualTo(Direction.FIRST_UP_THEN_DOWN);
		assertThat(PatternLibrary.cite(time.references)).isEqualTo("[151]");
		final PatternLibrary.ModelRow fusion = lib.table3().stream().filter(r -> r.id.equals("denervation-dynamics-fusion")).findFirst().get();
		assertThat(fusion.balance()).isEqualTo(-1);
		assertThat(PatternLibrary.cite(fusion.references)).isEqualTo("[145–147]");
		assertThat(lib.table3().stream().filter(r -> r.id.equals("denervation-dynamics-fission")).findFirst().get().balance()).isEqualTo(1);
		assertThat(lib.table3().stream().filter(r -> r.id.equals("aging-dynamics-both-down")).findFirst().get().balance()).isEqualTo(0);
		assertThat(lib.sha256()).hasSize(64);
		assertThat(lib.builtInReferences().types()).containsExactly("oxidative-lattice", "intermediate", "glycolytic-fragmented");
	}

	@Test
	void citeCompressesRunsAsTheReviewDoes() {
		assertThat(PatternLibrary.cite(new int[] { 147, 145, 146 })).isEqualTo("[145–147]");
		assertThat(PatternLibrary.cite(new int[] { 27, 35, 48, 56, 157 })).isEqualTo("[27, 35, 48, 56, 157]");
		assertThat(PatternLibrary.cite(new int[] { 80, 81, 91 })).isEqualTo("[80, 81, 91]");
	}

	@Test
	void validationNamesTheEntry() throws IOException {
		final String ok = builtInText();
		assertThatThrownBy(() -> PatternLibrary.parse("lab.json", ok.replace("\"direction\": \"↓\", \"references\": [140, 141, 142]", "\"direction\": \"down\", \"references\": [140, 141, 142]")))
			.hasMessageContaining("lab.json").hasMessageContaining("table3 entry dmd-mitophagy").hasMessageContaining("'down' is not one of");
		assertThatThrownBy(() -> PatternLibrary.parse("lab.json", ok.replace("\"references\": [143]", "\"references\": []")))
			.hasMessageContaining("table3 entry dmd-ros").hasMessageContaining("missing reference");
		assertThatThrownBy(() -> PatternLibrary.parse("lab.json", ok.replace("\"model\": \"DMD\", \"model_name\": \"DMD gene-induced skeletal muscle atrophy\", \"readout\": \"ros\"",
			"\"model\": \"DMD\", \"modle\": \"x\", \"model_name\": \"DMD gene-induced skeletal muscle atrophy\", \"readout\": \"ros\""))).hasMessageContaining("unknown key 'modle'");
		assertThatThrownBy(() -> PatternLibrary.parse("lab.json", ok.replace("\"schema\": \"myomito-patterns/1\"", "\"schema\": \"other/2\""))).hasMessageContaining("schema");
		assertThatThrownBy(() -> PatternLibrary.parse("lab.json", "{ not json")).hasMessageContaining("lab.json: not valid JSON");
		final PatternLibrary lab = PatternLibrary.parse("lab.json", ok.replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.0-lab\""));
		assertThat(lab.version()).isEqualTo("1.0.0-lab");
		assertThat(lab.sha256()).isNotEqualTo(PatternLibrary.builtIn().sha256());
	}
}
