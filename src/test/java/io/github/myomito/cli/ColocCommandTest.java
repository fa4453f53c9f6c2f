package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.plugin.ChannelSplitter;
import io.github.myomito.image.ij.ImageFiles;

/** {@code myomito coloc}: the JSON keys, identical channels, and two files equal to one composite. */
class ColocCommandTest {

	static final List<String> KEYS = List.of("pearson", "pearson_above", "pearson_below", "manders_m1", "manders_m2", "manders_tm1", "manders_tm2",
		"threshold_ch1", "threshold_ch2", "costes_p", "spearman", "kendall_tau", "li_icq");

	@TempDir
	static Path dir;

	static Path composite, mito, lc3;

	@BeforeAll
	static void images() throws Exception {
		composite = Cli.simulate(dir, "x.tif", 5);
		final ImagePlus[] ch = ChannelSplitter.split(ImageFiles.open(composite));
		assertThat(ch).hasSize(2);
		mito = dir.resolve("mito.tif");
		lc3 = dir.resolve("lc3.tif");
		ImageFiles.writeTiff(ch[0], mito);
		ImageFiles.writeTiff(ch[1], lc3);
	}

	static JsonObject json(final Object... args) {
		final Cli.Result r = Cli.ok(args);
		final JsonObject o = JsonParser.parseString(r.out).getAsJsonObject();
		assertThat(o.keySet()).containsAll(KEYS);
		return o;
	}

	static double d(final JsonObject o, final String k) {
		return o.get(k).getAsDouble();
	}

	@Test
	void identicalImagesArePerfectlyColocalised() throws Exception {
		final Path copy = dir.resolve("mito-copy.tif");
		Files.copy(mito, copy);
		final JsonObject o = json("coloc", mito, copy, "--format", "json", "--randomisations", 10);
		assertThat(d(o, "pearson")).isCloseTo(1.0, within(1e-9));
		assertThat(d(o, "manders_m1")).isCloseTo(1.0, within(1e-12));
		assertThat(d(o, "manders_m2")).isCloseTo(1.0, within(1e-12));
		assertThat(d(o, "spearman")).isCloseTo(1.0, within(1e-9));
		assertThat(d(o, "kendall_tau")).isCloseTo(1.0, within(1e-9));
		assertThat(d(o, "threshold_ch1")).isCloseTo(d(o, "threshold_ch2"), within(1e-9));
		assertThat(d(o, "li_icq")).isGreaterThan(0);
		final ImagePlus imp = ImageFiles.open(mito);
		assertThat(o.get("n").getAsLong()).isEqualTo((long) imp.getWidth() * imp.getHeight());
	}

	@Test
	void compositeChannelsEqualTheSplitFiles() {
		final JsonObject a = json("coloc", composite, "--channels", "1,2", "--randomisations", 10);
		final JsonObject b = json("coloc", mito, lc3, "--format", "json", "--randomisations", 10);
		for (final String k : KEYS) {
			if (a.get(k).isJsonNull()) assertThat(b.get(k).isJsonNull()).as(k).isTrue();
			else assertThat(d(b, k)).as(k).isEqualTo(d(a, k));
		}
		// the two channels are positively but not perfectly correlated; coefficients in range
		assertThat(d(a, "pearson")).isBetween(-1.0, 1.0).isLessThan(0.99);
		for (final String k : List.of("manders_m1", "manders_m2", "manders_tm1", "manders_tm2")) assertThat(d(a, k)).as(k).isBetween(0.0, 1.0);
		assertThat(d(a, "li_icq")).isBetween(-0.5, 0.5);
		assertThat(d(a, "costes_p")).isBetween(0.0, 1.0);
	}

	@Test
	void sameChannelTwiceGivesPearsonOne() {
		final JsonObject o = json("coloc", composite, "--channels", "2,2", "--randomisations", 0);
		assertThat(d(o, "pearson")).isCloseTo(1.0, within(1e-9));
		assertThat(d(o, "manders_m1")).isCloseTo(1.0, within(1e-12));
		assertThat(d(o, "manders_m2")).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void textFormatHasTheSameValues() {
		final JsonObject o = json("coloc", composite, "--randomisations", 0);
		final Cli.Result t = Cli.ok("coloc", composite, "--randomisations", 0, "--format", "text");
		assertThat(t.out).contains("pearson\t" + d(o, "pearson")).contains("manders_m1\t" + d(o, "manders_m1"));
	}

	@Test
	void missingChannelIsAUsageErrorNamingTheFile() {
		final Cli.Result r = Cli.run("coloc", mito, "--channels", "1,2");
		// the option does not fit the file: a usage error
		assertThat(r.code).isEqualTo(Main.USAGE);
		assertThat(r.errLines()).hasSize(1);
		assertThat(r.errLines().get(0)).contains(mito.toString()).contains("channel 2");
	}
}
