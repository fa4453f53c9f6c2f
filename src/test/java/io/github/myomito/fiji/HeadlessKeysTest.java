package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.simulate.Pattern;

/**
 * #16 item 10, through the real macro text: headless_cluster.ijm forwards every key of Batch Analyze Folder (local
 * threshold block and offset, tubeness, background, fibres, band, tolerance, punctum, randomisations, seed, …), the
 * command reads {@code .tiff} by default, and the result equals the CLI's with the same options, cell for cell.
 */
class HeadlessKeysTest extends MacroTestBase {


	@Test
	void everyKeyIsForwardedAndMatchesTheCli(@TempDir final Path tmp) throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		ImageFiles.writeTiff(MacrosTest.phantom(Pattern.FISSION_FRAGMENTED, 3).image(), in.resolve("c.tiff"));
		ImageFiles.writeTiff(MacrosTest.phantom(Pattern.OXIDATIVE_LATTICE, 4).image(), in.resolve("d.tif"));
		final Path out = tmp.resolve("out");
		MacrosTest.macro("headless_cluster.ijm", "input=[" + in + "] output=[" + out + "] lc3_channel=2 threshold=local local_offset=-30 local_block_um=2"
			+ " tubeness background_um=1.5 fibres=auto band_um=1 tolerance_deg=15 punctum_um=0.25 randomisations=3 seed=9 no_end_correction");
		assertThat(MacrosTest.cli("analyze", in.toString(), "--out", tmp.resolve("cli").toString(), "--lc3-channel", "2", "--threshold", "local",
			"--local-offset", "-30", "--local-block-um", "2", "--tubeness", "--background-um", "1.5", "--fibres", "auto", "--band-um", "1",
			"--tolerance-deg", "15", "--punctum-um", "0.25", "--randomisations", "3", "--seed", "9", "--no-end-correction", "--no-progress")).isIn(0, 1);
		for (final String t : List.of("images.csv", "fibres.csv")) {
			final List<Map<String, String>> viaMacro = MacrosTest.csv(out.resolve(t)), viaCli = MacrosTest.csv(tmp.resolve("cli").resolve(t));
			assertThat(viaMacro).as("%s rows (the .tiff is read too)", t).hasSameSizeAs(viaCli).hasSizeGreaterThanOrEqualTo(2);
			for (int i = 0; i < viaMacro.size(); i++) {
				final Map<String, String> mm = new LinkedHashMap<>(viaMacro.get(i)), cm = new LinkedHashMap<>(viaCli.get(i));
				assertThat(Path.of(mm.remove("file")).getFileName()).isEqualTo(Path.of(cm.remove("file")).getFileName());
				assertThat(mm).isEqualTo(cm);
			}
		}
		final String prov = Files.readString(out.resolve("provenance.json"));
		assertThat(prov).contains("\"tubeness\": true").contains("\"localOffset\": -30.0").contains("\"localBlockUm\": 2.0").contains("\"thresholdMode\": \"LOCAL\"");
		assertThat(prov).contains("\"bandDepthUm\": 1.0").contains("\"fibreMode\": \"AUTO\"").contains("\"toleranceDeg\": 15.0")
			.contains("\"punctumRadiusUm\": 0.25").contains("\"randomisations\": 3").contains("\"seed\": 9").contains("\"backgroundRadiusUm\": 1.5")
			.contains("\"endCorrection\": false");
	}
}
