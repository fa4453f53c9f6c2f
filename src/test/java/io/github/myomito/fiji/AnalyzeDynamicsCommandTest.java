package io.github.myomito.fiji;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.gui.Roi;
import io.github.myomito.dynamics.DynamicsResult;
import io.github.myomito.image.ij.DynamicsOverlays;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.results.Table;

/**
 * Plugins › MyoMito › Analyze Mitochondrial Dynamics (#14) on simulated time-lapse hyperstacks: through the
 * CommandService its events match the simulator's true events (type, ±1 frame, 0.5 µm) and its overlay
 * marks them; through the macro interpreter (macros/analyze_dynamics.ijm) its saved tables equal the CLI's
 * {@code analyze} on the same series, cell for cell.
 */
class AnalyzeDynamicsCommandTest extends MacroTestBase {


	/** Simulates a 2D+t series with the CLI; returns its truth JSON (moved out of the folder). */
	private static JsonObject series(final Path dir, final String name, final long seed) throws Exception {
		Files.createDirectories(dir);
		assertThat(MacrosTest.cli("simulate", "--pattern", "fission-fragmented", "--seed", Long.toString(seed), "--frames", "16", "--frame-interval-s", "2",
			"--fission-rate", "5", "--fusion-rate", "5", "--speed-um-s", "0.15", "--width-um", "6", "--length-um", "20", "--out", dir.resolve(name + ".tif").toString()))
			.isZero();
		final Path truth = dir.resolve(name + ".truth.json");
		final JsonObject t = JsonParser.parseString(Files.readString(truth, StandardCharsets.UTF_8)).getAsJsonObject();
		Files.delete(truth);
		return t;
	}

	@Test
	void eventsMatchTheSimulatorsTruthAndAreMarkedOnTheHyperstack(@TempDir final Path tmp) throws Exception {
		final JsonObject truth = series(tmp, "s", 5);
		final JsonArray te = truth.getAsJsonArray("events");
		assertThat(te.size()).as("true events").isGreaterThanOrEqualTo(3);
		final ImagePlus imp = ImageFiles.open(tmp.resolve("s.tif"));
		final CommandModule m = context.service(CommandService.class).run(AnalyzeDynamicsCommand.class, true, "imp", imp).get();
		assertThat(m.isCanceled()).as(m.getCancelReason()).isFalse();
		final AnalyzeDynamicsCommand c = (AnalyzeDynamicsCommand) m.getCommand();
		final Table events = c.result.table("events");
		// the true events found by detected ones of their type within ±1 frame and 0.5 µm (the accuracy sweep, docs/dynamics.md,
		// measures the rates over many seeds; one series of 16 frames is allowed one miss and one extra)
		final boolean[] used = new boolean[events.size()];
		int matched = 0;
		for (final JsonElement el : te) {
			final JsonObject e = el.getAsJsonObject();
			final String type = e.get("type").getAsString().toLowerCase(java.util.Locale.ROOT);
			for (int r = 0; r < events.size(); r++) {
				if (used[r] || !events.getText(r, "type").equals(type) || Math.abs(((Number) events.get(r, "frame")).intValue() - e.get("frame").getAsInt()) > 1) continue;
				final double d = Math.hypot(((Number) events.get(r, "x_um")).doubleValue() - e.get("x_um").getAsDouble(),
					((Number) events.get(r, "y_um")).doubleValue() - e.get("y_um").getAsDouble());
				if (d <= 0.5) {
					used[r] = true;
					matched++;
					break;
				}
			}
		}
		assertThat(matched).as("true events matched").isGreaterThanOrEqualTo(te.size() - 1);
		assertThat(events.size()).as("detected events").isBetween(te.size() - 1, te.size() + 1);
		final Table fibres = c.result.table("fibres");
		assertThat(((Number) fibres.get(0, "fission_events")).longValue() + ((Number) fibres.get(0, "fusion_events")).longValue())
			.isEqualTo(c.dynamics.events().stream().filter(e -> e.type() != DynamicsResult.EventType.KISS_AND_RUN).count());
		assertThat(c.result.table("frames").size()).isEqualTo(16);
		assertThat(c.result.table("tracks").size()).isEqualTo(c.dynamics.spots().size()).isPositive();
		// overlay: per event a marker at its frame, in its type's colour; tracks on later frames
		final List<Roi> rois = List.of(imp.getOverlay().toArray());
		int n = 0;
		for (final DynamicsResult.Event e : c.dynamics.events()) {
			n++;
			final String name = e.type().id() + " " + n;
			final Roi marker = rois.stream().filter(r -> name.equals(r.getName()) && r.getTPosition() == e.frame() + 1).findFirst().orElseThrow();
			assertThat(marker.getStrokeColor()).isEqualTo(DynamicsOverlays.colour(e.type()));
			final java.awt.Rectangle b = marker.getBounds();
			assertThat(b.getCenterX() * imp.getCalibration().pixelWidth).isCloseTo(e.x(), org.assertj.core.api.Assertions.within(0.15));
		}
		assertThat(rois.stream().filter(r -> r.getName() != null && r.getName().startsWith("track ")).mapToInt(Roi::getTPosition).max().orElse(0)).isEqualTo(16);
		assertThat(DynamicsOverlays.FISSION).isNotEqualTo(DynamicsOverlays.FUSION);
	}

	@Test
	void aStillImageOrASeriesWithoutIntervalCancelsWithAClearMessage(@TempDir final Path tmp) throws Exception {
		final CommandModule still = context.service(CommandService.class).run(AnalyzeDynamicsCommand.class, true, "imp",
			io.github.myomito.image.ij.ImagePlusBridge.toImagePlus(MacrosTest.phantom(io.github.myomito.simulate.Pattern.SWOLLEN, 1).image(), "still")).get();
		assertThat(still.isCanceled()).isTrue();
		assertThat(still.getCancelReason()).contains("still").contains("not a time series");
		series(tmp, "u", 2);
		final ImagePlus imp = ImageFiles.open(tmp.resolve("u.tif"));
		imp.getCalibration().frameInterval = 0;
		final CommandModule m = context.service(CommandService.class).run(AnalyzeDynamicsCommand.class, true, "imp", imp).get();
		assertThat(m.isCanceled()).isTrue();
		assertThat(m.getCancelReason()).contains("u.tif").contains("no frame interval").contains("frame_interval_s");
	}

	/** The macro (frame_interval_s given for an uncalibrated series) and the CLI (--frame-interval-s) write the same tables. */
	@Test
	void macroMatchesTheCliCellForCell(@TempDir final Path tmp) throws Exception {
		final Path in = tmp.resolve("in");
		series(in, "m", 3);
		final ImagePlus imp = ImageFiles.open(in.resolve("m.tif"));
		imp.getCalibration().frameInterval = 0;
		ImageFiles.writeTiff(imp, in.resolve("m.tif"));
		MacrosTest.macro("analyze_dynamics.ijm", "image=[" + in.resolve("m.tif") + "] out=[" + tmp.resolve("macro") + "] frame_interval_s=2");
		assertThat(MacrosTest.cli("analyze", in.toString(), "--out", tmp.resolve("cli").toString(), "--frame-interval-s", "2", "--no-qc", "--no-progress")).isZero();
		for (final String t : new String[] { "fibres", "frames", "tracks", "events" }) {
			final List<Map<String, String>> viaMacro = MacrosTest.csv(tmp.resolve("macro").resolve("m_" + t + ".csv")), viaCli = MacrosTest.csv(tmp.resolve("cli").resolve(t + ".csv"));
			assertThat(viaMacro).as(t).hasSameSizeAs(viaCli).isNotEmpty();
			for (int i = 0; i < viaMacro.size(); i++) {
				final Map<String, String> mm = strip(viaMacro.get(i)), cm = strip(viaCli.get(i));
				assertThat(mm).as(t + " row " + i).isEqualTo(cm);
			}
		}
		assertThat(MacrosTest.csv(tmp.resolve("macro").resolve("m_events.csv"))).as("events").isNotEmpty();
	}

	/** Without the columns that name the input differently (file path vs title) or hold phenotype calls the CLI adds at the end of a batch. */
	private static Map<String, String> strip(final Map<String, String> row) {
		final Map<String, String> m = new LinkedHashMap<>(row);
		m.remove("file");
		final List<String> drop = new ArrayList<>();
		for (final String k : m.keySet()) if (k.startsWith("dynamics_") || k.startsWith("network_state") || k.endsWith("_call")) drop.add(k);
		drop.forEach(m::remove);
		return m;
	}
}
