package io.github.myomito.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.PhantomSettings;

/**
 * The phenotype calls on a simulator panel (20 seeds per pattern, each with its own pixel size 0.06–0.2 µm (pixel-integrated rendering), fibre
 * angle and PSF, default noise): network type against the generating pattern, dynamics state of fission /
 * hyperfused / swollen batches against a control batch of the same fibre type, mitophagy state at 2× and 0.5× the
 * control's LC3-on-mitochondria level, a designed batch read against Table 3, and a null batch. The numbers are
 * in docs/phenotypes.md.
 */
class PhenotypePanelTest {

	static final int N = 20;
	static final ClassificationSettings S = ClassificationSettings.defaults();

	static List<FibreRecord> batch(final Pattern p, final String condition) {
		return PhenotypePanel.batch(p, 1, N, "panel", null, condition);
	}

	static double fraction(final List<FibreCall> calls, final String condition, final Predicate<FibreCall> ok) {
		final long n = calls.stream().filter(c -> c.fibre.condition.equals(condition)).count();
		final long k = calls.stream().filter(c -> c.fibre.condition.equals(condition)).filter(ok).count();
		return k / (double) n;
	}

	static void print(final String what, final List<FibreCall> calls) {
		for (final FibreCall c : calls)
			System.out.printf(Locale.ROOT, "[panel] %s %s %s N=%.3f %s S=%.2f %s M=%.2f conf=%.2f%n", what, c.fibre.condition, c.fibre.file, c.networkScore, c.dynamicsState,
				c.dynamicsScore, c.mitophagyState, c.mitophagyScore, c.confidence);
	}

	@Test
	void networkTypeFollowsTheGeneratingPattern() {
		final Classifier cl = new Classifier(S.patterns());
		for (final Pattern p : Pattern.values()) {
			final String expected = p.isLattice() ? "oxidative-lattice" : "glycolytic-fragmented";
			final List<FibreRecord> b = batch(p, p.id());
			long right = 0;
			for (final FibreRecord f : b) {
				final double n = cl.networkScore(f);
				System.out.printf(Locale.ROOT, "[panel] network %s %s N=%.3f%n", p.id(), f.file, n);
				if (cl.networkType(n).equals(expected)) right++;
			}
			assertThat(right / (double) N).as(p.id() + " → " + expected).isGreaterThanOrEqualTo(0.95);
		}
		// a lattice with half its elements is intermediate
		long right = 0;
		for (final FibreRecord f : PhenotypePanel.batch(Pattern.OXIDATIVE_LATTICE, 1, N, "half", b -> b.connectivity(0.5).fragmentation(0.3), "half")) {
			final double n = cl.networkScore(f);
			System.out.printf(Locale.ROOT, "[panel] network half-lattice %s N=%.3f%n", f.file, n);
			if (cl.networkType(n).equals("intermediate")) right++;
		}
		assertThat(right / (double) N).as("half lattice → intermediate").isGreaterThanOrEqualTo(0.95);
	}

	static List<FibreCall> versus(final Pattern control, final Pattern treated) {
		final List<FibreRecord> all = new ArrayList<>(batch(control, "control"));
		all.addAll(batch(treated, treated.id()));
		return Classification.of(all, S).calls();
	}

	@Test
	void dynamicsStateAgainstAControlOfTheSameFibreType() {
		final Object[][] cases = { { Pattern.GLYCOLYTIC_FRAGMENTED, Pattern.FISSION_FRAGMENTED, "fission-dominant" },
			{ Pattern.OXIDATIVE_LATTICE, Pattern.HYPERFUSED, "fusion-dominant" }, { Pattern.GLYCOLYTIC_FRAGMENTED, Pattern.SWOLLEN, "swollen" } };
		for (final Object[] c : cases) {
			final Pattern treated = (Pattern) c[1];
			final List<FibreCall> calls = versus((Pattern) c[0], treated);
			print("dynamics", calls);
			assertThat(fraction(calls, treated.id(), f -> f.dynamicsState.equals(c[2]))).as(treated.id() + " → " + c[2]).isGreaterThanOrEqualTo(0.95);
			assertThat(fraction(calls, "control", f -> f.dynamicsState.equals("balanced"))).as("control of " + treated.id() + " → balanced").isGreaterThanOrEqualTo(0.95);
			assertThat(calls.get(N).reference).isEqualTo("control:control");
			assertThat(calls.get(N).evidence).contains("vs control control median").contains("Cliff's δ");
		}
	}

	@Test
	void mitophagyStateAtTwiceAndHalfTheControlLevel() {
		final UnaryOperator<PhantomSettings.Builder> twice = b -> b.mitophagyLevel(0.4), half = b -> b.mitophagyLevel(0.1);
		final List<FibreRecord> all = new ArrayList<>(batch(Pattern.OXIDATIVE_LATTICE, "control"));
		all.addAll(PhenotypePanel.batch(Pattern.OXIDATIVE_LATTICE, 1, N, "lc3x2", twice, "twice"));
		all.addAll(PhenotypePanel.batch(Pattern.OXIDATIVE_LATTICE, 1, N, "lc3x05", half, "half"));
		final List<FibreCall> calls = Classification.of(all, S).calls();
		print("mitophagy", calls);
		assertThat(fraction(calls, "twice", f -> f.mitophagyState.equals("elevated"))).isGreaterThanOrEqualTo(0.95);
		assertThat(fraction(calls, "half", f -> f.mitophagyState.equals("reduced"))).isGreaterThanOrEqualTo(0.95);
		assertThat(fraction(calls, "control", f -> f.mitophagyState.equals("basal"))).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void designedBatchReadsAgainstTable3() {
		// 4 animals per condition, 2 images each: control glycolytic vs fission-fragmented (fission ↑, LC3 on mitochondria 0.6 vs 0.3)
		final List<FibreRecord> all = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			all.add(PhenotypePanel.fibre(Pattern.GLYCOLYTIC_FRAGMENTED, i + 1, "panel", null, "control", "c" + (i / 2)));
			all.add(PhenotypePanel.fibre(Pattern.FISSION_FRAGMENTED, i + 1, "panel", null, "denervated", "d" + (i / 2)));
		}
		final Classification c = Classification.of(all, S);
		assertThat(c.unit()).isEqualTo(Unit.ANIMAL);
		final GroupRow call = c.groups().stream().filter(g -> g.record.equals("call") && g.condition.equals("denervated")).findFirst().get();
		System.out.println("[panel] designed " + call.dynamicsState + " " + call.mitophagyState + "\n  consistent " + call.consistentModels + "\n  conflicting "
			+ call.conflictingModels + "\n  evidence " + call.evidence);
		assertThat(call.dynamicsState).isEqualTo("fission-dominant");
		assertThat(call.mitophagyState).isEqualTo("elevated");
		assertThat(call.consistentModels).contains("denervation: fission ↑ [63]").contains("denervation: mitophagy ↑ [148–150]");
		assertThat(call.conflictingModels).contains("denervation: fusion ↑, fission ↓ [145–147]").contains("denervation: mitophagy first ↑ then ↓ [151]");
		final GroupRow frag = c.groups().stream().filter(g -> g.condition.equals("denervated") && "fragmentation_index".equals(g.feature)).findFirst().get();
		assertThat(frag.n).isEqualTo(4);
		assertThat(frag.controlN).isEqualTo(4);
		assertThat(frag.cliffsDelta).isEqualTo(1.0);
	}

	@Test
	void nullBatchFindsNothing() {
		final List<FibreRecord> pool = batch(Pattern.GLYCOLYTIC_FRAGMENTED, "x");
		int withDiscovery = 0;
		for (int rep = 0; rep < 20; rep++) {
			final List<FibreRecord> shuffled = new ArrayList<>(pool);
			Collections.shuffle(shuffled, new Random(rep));
			final List<FibreRecord> design = new ArrayList<>();
			for (int i = 0; i < shuffled.size(); i++) {
				final FibreRecord f = shuffled.get(i);
				design.add(new FibreRecord(f.file, f.fibre, f.region, i < shuffled.size() / 2 ? "control" : "other", "", "", "", values(f)));
			}
			final Classification c = Classification.of(design, ClassificationSettings.builder().unit(Unit.IMAGE).build());
			final boolean any = c.groups().stream().anyMatch(g -> g.record.equals("feature") && g.qValue < 0.05);
			if (any) withDiscovery++;
			final GroupRow call = c.groups().stream().filter(g -> g.record.equals("call") && g.condition.equals("other")).findFirst().get();
			System.out.println("[panel] null " + rep + " " + call.dynamicsState + " " + call.mitophagyState + " any q<0.05: " + any);
			assertThat(call.dynamicsState).isEqualTo("balanced");
			assertThat(call.mitophagyState).isEqualTo("basal");
		}
		assertThat(withDiscovery).isLessThanOrEqualTo(1);
	}

	static java.util.Map<String, Double> values(final FibreRecord f) {
		final java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
		for (final PatternLibrary.Feature x : S.patterns().features()) if (x.derived == null) m.put(x.key, f.value(x.key));
		for (final String k : new String[] { "footprint_um2", "objects", "longitudinal_fraction", "transverse_fraction" }) m.put(k, f.value(k));
		return m;
	}
}
