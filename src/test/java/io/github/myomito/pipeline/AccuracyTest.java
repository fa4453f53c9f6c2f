package io.github.myomito.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.myomito.network.NetworkAnalysis.Metric;
import io.github.myomito.simulate.Pattern;
import io.github.myomito.simulate.Phantom;
import io.github.myomito.simulate.PhantomSettings;
import io.github.myomito.simulate.PhantomSimulator;
import io.github.myomito.simulate.Truth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The whole chain against the simulator's ground truth, on noisy blurred phantoms with fixed seeds
 * (the wider sweep is in docs/accuracy.md, made by {@code AccuracyReport}).
 */
class AccuracyTest {

	static ImageAnalysis.Result analyze(final Phantom ph, final AnalysisSettings s) {
		return ImageAnalysis.analyze(ph.image(), null, s, null);
	}

	static double rel(final double measured, final double truth) {
		return Math.abs(measured - truth) / Math.max(1, Math.abs(truth));
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@CsvSource({ "oxidative-lattice,1", "oxidative-lattice,2", "oxidative-lattice,3", "hyperfused,1", "hyperfused,2" })
	void networkGraphMatchesTruth(final String pattern, final long seed) {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.fromId(pattern)).toBuilder().seed(seed).build());
		final Truth.Counts t = ph.truth().counts();
		final RegionAnalysis r = analyze(ph, AnalysisSettings.defaults()).whole();
		assertThat(r.network().get(Metric.OBJECTS)).isEqualTo(t.objects());
		assertThat(rel(r.network().get(Metric.BRANCHES), t.branches())).as("branches").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.JUNCTIONS), t.junctions())).as("junctions").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.ENDPOINTS), t.endpoints())).as("end-points").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.TOTAL_LENGTH), t.totalLengthUm())).as("length").isLessThan(0.03);
		assertThat(rel(r.network().get(Metric.LOOPS), t.loops())).as("loops").isLessThan(0.05);
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@CsvSource({ "glycolytic-fragmented,1", "fission-fragmented,1", "swollen,1", "swollen,2" })
	void fragmentedObjectsAreCountedExactly(final String pattern, final long seed) {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.fromId(pattern)).toBuilder().seed(seed).build());
		final RegionAnalysis r = analyze(ph, AnalysisSettings.defaults()).whole();
		assertThat(r.network().get(Metric.OBJECTS)).isEqualTo(ph.truth().counts().objects());
		assertThat(r.network().get(Metric.LOOPS)).isEqualTo(ph.truth().counts().loops());
	}

	/** The settings a user gives for a phantom: the defaults with the phantom's PSF (as FWHM; a sharp phantom as a PSF far below the pixel). */
	static AnalysisSettings withPsf(final PhantomSettings p) {
		return AnalysisSettings.builder().psfUm(Math.max(1e-3, p.psfSigmaUm() * AnalysisSettings.FWHM_PER_SIGMA)).build();
	}

	/** The stacks of the accuracy report: 10 × 15 µm, 8 slices of 0.3 µm, the pattern's defaults otherwise. */
	static PhantomSettings stack(final Pattern p, final long seed) {
		return PhantomSettings.forPattern(p).toBuilder().seed(seed).zSlices(8).fibreWidthUm(10).fibreLengthUm(15).build();
	}

	/** The phantom's lateral and axial PSF given as the user gives them (FWHM, {@code --psf-um} and {@code --psf-z-um}). */
	static AnalysisSettings withPsf3(final PhantomSettings p) {
		return AnalysisSettings.builder().psfUm(p.psfSigmaUm() * AnalysisSettings.FWHM_PER_SIGMA).psfAxialUm(p.psfSigmaZUm() * AnalysisSettings.FWHM_PER_SIGMA).build();
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@CsvSource({ "glycolytic-fragmented,1", "glycolytic-fragmented,2", "fission-fragmented,1", "fission-fragmented,2", "swollen,1", "oxidative-lattice,1",
		"hyperfused,1" })
	void totalLengthMatchesTruthWithTheMicroscopesPsf(final String pattern, final long seed) {
		final PhantomSettings ps = PhantomSettings.forPattern(Pattern.fromId(pattern)).toBuilder().seed(seed).build();
		final Phantom ph = PhantomSimulator.simulate(ps);
		final RegionAnalysis r = analyze(ph, withPsf(ps)).whole();
		assertThat(rel(r.network().get(Metric.TOTAL_LENGTH), ph.truth().counts().totalLengthUm())).as("length").isLessThan(0.03);
	}

	@ParameterizedTest(name = "{0} seed {1} PSF σ {2} µm")
	@CsvSource({ "fission-fragmented,3,0", "fission-fragmented,3,0.12", "glycolytic-fragmented,3,0", "glycolytic-fragmented,3,0.12" })
	void totalLengthMatchesTruthOnCleanPhantoms(final String pattern, final long seed, final double psf) {
		final PhantomSettings ps = clean(Pattern.fromId(pattern), seed, psf).build();
		final Phantom ph = PhantomSimulator.simulate(ps);
		final RegionAnalysis r = analyze(ph, withPsf(ps)).whole();
		assertThat(rel(r.network().get(Metric.TOTAL_LENGTH), ph.truth().counts().totalLengthUm())).as("length").isLessThan(0.02);
	}

	@Test
	void punctaOfStacksAreJudgedWithZScaledToThePsf() {
		// 3D: the axial blur (σ_z 0.35 µm vs σ 0.12 µm) stretches puncta along z; judged in physical µm their
		// skeletons are z-lines (rods), judged with z scaled by the lateral/axial PSF ratio they are puncta again
		final PhantomSettings ps = stack(Pattern.FISSION_FRAGMENTED, 1);
		final Phantom ph = PhantomSimulator.simulate(ps);
		final AnalysisSettings scaled = withPsf3(ps);
		final double fw = scaled.psfUm(), fz = scaled.psfAxialUm();
		assertThat(scaled.decisionSpacing(new double[] { 0.1, 0.1, 0.3 })).containsExactly(new double[] { 0.1, 0.1, 0.3 * fw / fz }, within(1e-12));
		assertThat(scaled.decisionSpacing(new double[] { 0.1, 0.2 })).containsExactly(0.1, 0.2);
		final int truth = ph.truth().counts().puncta();
		assertThat(analyze(ph, scaled).whole().network().get(Metric.PUNCTA)).isEqualTo(truth);
		final double flat = analyze(ph, AnalysisSettings.builder().psfUm(fw).psfAxialUm(fw).build()).whole().network().get(Metric.PUNCTA);
		assertThat(flat).isLessThan(0.7 * truth);
	}

	@Test
	void stacksAreDeconvolvedAlongZAndThinnedOnCubicVoxels() {
		// 3D lattice, two levels 1.2 µm apart under an axial blur of σ_z 0.35 µm: without the axial deconvolution
		// the levels join into one slab (fewer, merged objects); with it, and thinning on cubic voxels, the graph
		// counts meet the 2D targets
		final PhantomSettings ps = stack(Pattern.OXIDATIVE_LATTICE, 1);
		final Phantom ph = PhantomSimulator.simulate(ps);
		final Truth.Counts t = ph.truth().counts();
		final AnalysisSettings given = withPsf3(ps);
		assertThat(given.segmentationFor(ph.dims()).axialDeconvolutionUm()).isCloseTo(Math.sqrt(0.35 * 0.35 - 0.12 * 0.12), within(1e-9));
		assertThat(given.segmentationFor(new int[] { 20, 20 }).axialDeconvolutionUm()).isZero();
		final RegionAnalysis r = analyze(ph, given).whole();
		assertThat(r.network().get(Metric.OBJECTS)).isEqualTo(t.objects());
		assertThat(rel(r.network().get(Metric.BRANCHES), t.branches())).as("branches").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.JUNCTIONS), t.junctions())).as("junctions").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.ENDPOINTS), t.endpoints())).as("end-points").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.TOTAL_LENGTH), t.totalLengthUm())).as("length").isLessThan(0.03);
		assertThat(r.network().get(Metric.LOOPS)).isEqualTo(t.loops());
		final RegionAnalysis plain = analyze(ph, given.toBuilder().axialDeconvolution(false).build()).whole();
		assertThat(plain.network().get(Metric.OBJECTS)).isLessThan(0.8 * t.objects());
	}

	@Test
	void fragmentsAboveOneAnotherStaySeparateInStacks() {
		final PhantomSettings ps = stack(Pattern.FISSION_FRAGMENTED, 2);
		final Phantom ph = PhantomSimulator.simulate(ps);
		final Truth.Counts t = ph.truth().counts();
		final AnalysisSettings given = withPsf3(ps);
		final RegionAnalysis r = analyze(ph, given).whole();
		assertThat(r.network().get(Metric.OBJECTS)).isEqualTo(t.objects());
		assertThat(r.network().get(Metric.PUNCTA)).isEqualTo(t.puncta());
		assertThat(r.network().get(Metric.RODS)).isEqualTo(t.rods());
		// the free ends corrected in 3D: 19 % short without
		assertThat(rel(r.network().get(Metric.TOTAL_LENGTH), t.totalLengthUm())).as("length").isLessThan(0.05);
		final double plain = analyze(ph, given.toBuilder().endCorrection(false).build()).whole().network().get(Metric.TOTAL_LENGTH);
		assertThat(plain).isLessThan(0.9 * t.totalLengthUm());
	}

	/**
	 * A noise-free phantom: no read noise and 25× the default photon counts (signal, LC3, background and
	 * diffuse LC3 alike, so contrasts are unchanged and Poisson noise falls below 1 %), with PSF σ {@code psfUm}.
	 */
	static PhantomSettings.Builder clean(final Pattern p, final long seed, final double psfUm) {
		final PhantomSettings d = PhantomSettings.forPattern(p);
		return d.toBuilder().seed(seed).psfSigmaUm(psfUm).gaussianNoise(0).signalPhotons(25 * d.signalPhotons()).lc3Photons(25 * d.lc3Photons())
			.backgroundPhotons(25 * d.backgroundPhotons()).lc3DiffusePhotons(25 * d.lc3DiffusePhotons());
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@CsvSource({ "oxidative-lattice,1", "hyperfused,2", "glycolytic-fragmented,1", "glycolytic-fragmented,3", "fission-fragmented,1",
		"fission-fragmented,2", "swollen,1", "swollen,4" })
	void punctaRodsAndNetworksAreExactOnCleanPhantoms(final String pattern, final long seed) {
		final Phantom ph = PhantomSimulator.simulate(clean(Pattern.fromId(pattern), seed, 0).build());
		final Truth.Counts t = ph.truth().counts();
		final RegionAnalysis r = analyze(ph, AnalysisSettings.defaults()).whole();
		assertThat(r.network().get(Metric.PUNCTA)).as("puncta").isEqualTo(t.puncta());
		assertThat(r.network().get(Metric.RODS)).as("rods").isEqualTo(t.rods());
		assertThat(r.network().get(Metric.NETWORKS)).as("networks").isEqualTo(t.networks());
		assertThat(rel(r.network().get(Metric.BRANCHES), t.branches())).as("branches").isLessThan(0.05);
		assertThat(rel(r.network().get(Metric.ENDPOINTS), t.endpoints())).as("end-points").isLessThan(0.05);
	}

	@ParameterizedTest(name = "{0} seed {1}")
	@CsvSource({ "fission-fragmented,1", "fission-fragmented,2", "glycolytic-fragmented,1", "swollen,1" })
	void punctaAndRodsSurviveTheDefaultNoise(final String pattern, final long seed) {
		// default phantoms (blur + photon and read noise): the intensity-weighted elongation keeps noisy puncta round
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.fromId(pattern)).toBuilder().seed(seed).build());
		final Truth.Counts t = ph.truth().counts();
		final RegionAnalysis r = analyze(ph, AnalysisSettings.defaults()).whole();
		assertThat(r.network().get(Metric.PUNCTA)).as("puncta").isEqualTo(t.puncta());
		assertThat(r.network().get(Metric.RODS)).as("rods").isEqualTo(t.rods());
		assertThat(r.network().get(Metric.NETWORKS)).as("networks").isEqualTo(t.networks());
	}

	private static PhantomSettings.Builder small(final Pattern p, final long seed) {
		return PhantomSettings.forPattern(p).toBuilder().seed(seed).fibreWidthUm(14).fibreLengthUm(20);
	}

	@ParameterizedTest(name = "axis {0}°")
	@CsvSource({ "0", "30", "73", "135" })
	void fibreAxisPeriodAndTransverseFractionMatchTruthAtAnyAngle(final double angle) {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(11).axisDeg(angle).build());
		final RegionAnalysis r = analyze(ph, AnalysisSettings.defaults()).whole();
		assertThat(io.github.myomito.lattice.Orientation.angleToAxis(r.axis().angleDeg(), angle)).as("axis error").isLessThan(3);
		assertThat(r.period().periodUm()).isCloseTo(ph.truth().periodUm(), within(0.1));
		assertThat(r.orientation().transverseFraction()).isCloseTo(ph.truth().transverseFraction(), within(0.05));
	}

	@Test
	void rotatingTheFibreKeepsTheMetrics() {
		final RegionAnalysis ref = analyze(PhantomSimulator.simulate(small(Pattern.OXIDATIVE_LATTICE, 5).axisDeg(0).build()), AnalysisSettings.defaults()).whole();
		for (final double angle : new double[] { 30, 60, 90, 145 }) {
			final RegionAnalysis r = analyze(PhantomSimulator.simulate(small(Pattern.OXIDATIVE_LATTICE, 5).axisDeg(angle).build()), AnalysisSettings.defaults()).whole();
			// the period regularity of an oblique profile is ~0.06 lower (pixel centres fall unevenly into the
			// axial bins), which moves the index by up to ~0.05 (docs/accuracy.md)
			assertThat(r.latticeIndex()).as("lattice index at %s°", angle).isCloseTo(ref.latticeIndex(), within(0.06));
			assertThat(r.orientation().transverseFraction()).as("transverse at %s°", angle).isCloseTo(ref.orientation().transverseFraction(), within(0.05));
			assertThat(r.period().periodUm()).as("period at %s°", angle).isCloseTo(ref.period().periodUm(), within(0.1));
			assertThat(rel(r.network().get(Metric.TOTAL_LENGTH), ref.network().get(Metric.TOTAL_LENGTH))).as("length at %s°", angle).isLessThan(0.03);
			assertThat(r.network().get(Metric.LOOPS)).as("loops at %s°", angle).isCloseTo(ref.network().get(Metric.LOOPS), within(0.05 * ref.network().get(Metric.LOOPS) + 1));
		}
	}

	@Test
	void latticeIndexSeparatesOxidativeFromGlycolyticOver20Seeds() {
		double minLattice = 1, maxGlycolytic = 0;
		for (long seed = 1; seed <= 20; seed++) {
			minLattice = Math.min(minLattice, analyze(PhantomSimulator.simulate(small(Pattern.OXIDATIVE_LATTICE, seed).build()), AnalysisSettings.defaults()).whole().latticeIndex());
			maxGlycolytic = Math.max(maxGlycolytic, analyze(PhantomSimulator.simulate(small(Pattern.GLYCOLYTIC_FRAGMENTED, seed).build()), AnalysisSettings.defaults()).whole().latticeIndex());
		}
		assertThat(minLattice).isGreaterThan(maxGlycolytic);
	}

	@Test
	void latticeIndexRisesWithConnectivity() {
		double previous = -1;
		for (final double c : new double[] { 0.2, 0.5, 0.8, 1.0 }) {
			double sum = 0;
			for (long seed = 1; seed <= 3; seed++)
				sum += analyze(PhantomSimulator.simulate(small(Pattern.OXIDATIVE_LATTICE, seed).connectivity(c).build()), AnalysisSettings.defaults()).whole().latticeIndex();
			assertThat(sum / 3).as("connectivity %s", c).isGreaterThan(previous);
			previous = sum / 3;
		}
	}

	@Test
	void lc3OnMitochondriaFractionWithin005Over10SeedsAndMonotone() {
		double previous = -1;
		final AnalysisSettings s = AnalysisSettings.builder().lc3Channel(2).build();
		for (final double level : new double[] { 0.2, 0.5, 0.8 }) {
			double sum = 0;
			for (long seed = 1; seed <= 10; seed++) {
				final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(seed).mitophagyLevel(level).lc3DensityPer100um2(12).build());
				final double f = analyze(ph, s).whole().mitophagy().onMitoFraction();
				assertThat(f).as("level %s seed %s", level, seed).isCloseTo(ph.truth().lc3OnMitoFraction(), within(0.05));
				sum += f;
			}
			assertThat(sum / 10).isGreaterThan(previous);
			previous = sum / 10;
		}
	}

	@ParameterizedTest(name = "{0} at {1}°")
	@CsvSource({ "fission-fragmented,0", "fission-fragmented,30", "fission-fragmented,73", "fission-fragmented,120", "swollen,30" })
	void fragmentedFibresTakeTheirAxisFromTheOutline(final String pattern, final double angle) {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.fromId(pattern)).toBuilder().seed(1).axisDeg(angle).build());
		final RegionAnalysis r = analyze(ph, AnalysisSettings.defaults()).whole();
		assertThat(r.axis().method()).isEqualTo(io.github.myomito.lattice.AxisEstimate.Method.MASK_PCA);
		assertThat(io.github.myomito.lattice.Orientation.angleToAxis(r.axis().angleDeg(), angle)).as("axis error").isLessThan(12);
	}
}
