package io.github.myomito.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.network.NetworkAnalysis.Metric;
import io.github.myomito.pipeline.AnalysisSettings;
import io.github.myomito.pipeline.ImageAnalysis;
import io.github.myomito.pipeline.RegionAnalysis;
import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.segment.Gauss;
import io.github.myomito.skeleton.AnalyzerSettings;
import io.github.myomito.skeleton.SkeletonAnalyzer;
import io.github.myomito.skeleton.SkeletonGraph;
import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndCorrectionTest {

	private static final double PX = 0.1, R = 0.15;

	/** Brute-force 2D integral of the unit Gaussian over the capsule {u ≤ 0, |v| ≤ ρ} ∪ {u² + v² ≤ ρ², u ≥ 0} seen from (x, 0). */
	private static double bruteAxial(final double x, final double rho) {
		final double h = 0.004;
		double sum = 0;
		for (double u = -9 + h / 2; u < rho; u += h)
			for (double v = -rho + h / 2; v < rho; v += h)
				if (u <= 0 || u * u + v * v <= rho * rho) sum += Math.exp(-0.5 * ((x - u) * (x - u) + v * v));
		return sum * h * h / (2 * Math.PI);
	}

	@ParameterizedTest(name = "rho {0}")
	@CsvSource({ "0.5", "1.25", "3" })
	void axialProfileMatchesTheTwoDimensionalIntegral(final double rho) {
		for (final double x : new double[] { -1.5, 0, 0.5 * rho, rho, rho + 1 })
			assertThat(EndCorrection.Capsule.FLAT.along(x, rho)).as("x = %s", x).isCloseTo(bruteAxial(x, rho), within(2e-3));
		// far inside, the axial profile is the cross profile's maximum
		assertThat(EndCorrection.Capsule.FLAT.along(-12, rho)).isCloseTo(EndCorrection.Capsule.cross(0, rho), within(1e-6));
	}

	@Test
	void halfMaximumGeometryHasItsClosedFormLimits() {
		// a blurred line: half-width σ√(2 ln 2), and half brightness exactly at its end
		assertThat(EndCorrection.Capsule.FLAT.halfWidthOf(0)).isCloseTo(Math.sqrt(2 * Math.log(2)), within(1e-12));
		assertThat(EndCorrection.Capsule.FLAT.axialHalf(EndCorrection.Capsule.FLAT.halfWidthOf(0))).isZero();
		assertThat(EndCorrection.Capsule.FLAT.axialHalf(EndCorrection.Capsule.FLAT.halfWidthOf(0.05))).isBetween(0.0, 0.05);
		// a tube much wider than the blur: both half-maxima on its outline (the cap by less than its curvature shift)
		assertThat(EndCorrection.Capsule.FLAT.halfWidthOf(11)).isCloseTo(11, within(1e-6));
		assertThat(EndCorrection.Capsule.FLAT.axialHalf(EndCorrection.Capsule.FLAT.halfWidthOf(11))).isCloseTo(11, within(0.1));
		// the table inverts w(ρ) and a/ρ grows from 0 (line) to 1 (sharp tube)
		double last = 0;
		for (final double rho : new double[] { 0.3, 1, 2.5, 7 }) {
			final double w = EndCorrection.Capsule.FLAT.halfWidthOf(rho);
			assertThat(EndCorrection.Capsule.FLAT.radius(w)).as("ρ = %s", rho).isCloseTo(rho, within(1e-3));
			final double ratio = EndCorrection.Capsule.FLAT.axialHalf(w) / rho;
			assertThat(ratio).isGreaterThan(last).isLessThan(1);
			last = ratio;
		}
	}

	/** Rods of length {@code lengthUm} (radius 0.15 µm, pixel 0.1 µm) at random angles and sub-pixel positions, blurred by σ. */
	private static float[] rods(final double lengthUm, final double sigmaUm, final int w, final int h, final int perSide, final long seed) {
		final float[] img = new float[w * h];
		final Random rnd = new Random(seed);
		final double cell = (double) w / perSide, l = lengthUm / PX, r = R / PX;
		for (int gy = 0; gy < perSide; gy++)
			for (int gx = 0; gx < perSide; gx++) {
				final double cx = (gx + 0.5) * cell + rnd.nextDouble(), cy = (gy + 0.5) * cell + rnd.nextDouble(), a = rnd.nextDouble() * Math.PI;
				final double x0 = cx - l / 2 * Math.cos(a), y0 = cy - l / 2 * Math.sin(a), dx = l * Math.cos(a), dy = l * Math.sin(a);
				for (int y = (int) (cy - cell / 2); y < cy + cell / 2; y++)
					for (int x = (int) (cx - cell / 2); x < cx + cell / 2; x++) {
						final double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
						final double ex = x0 + t * dx - x, ey = y0 + t * dy - y;
						if (ex * ex + ey * ey <= r * r) img[x + y * w] = 200;
					}
			}
		final float[] b = sigmaUm > 0 ? Gauss.smooth(img, new int[] { w, h }, sigmaUm / PX, sigmaUm / PX) : img;
		for (int i = 0; i < b.length; i++) b[i] += 10;
		return b;
	}

	private static RegionAnalysis analyse(final float[] img, final int w, final int h, final AnalysisSettings s) {
		final FibreImage fi = FibreImage.builder().channel(ArrayImgs.floats(img, w, h), ChannelRole.MITOCHONDRIA).spacing(PX, PX).source("rods").build();
		return ImageAnalysis.analyze(fi, null, s, null).whole();
	}

	@ParameterizedTest(name = "L {0} µm, PSF σ {1} µm")
	@CsvSource({ "1.0,0.12", "2.0,0.12", "1.0,0.2", "1.0,0", "2.0,0" })
	void rodsAreMeasuredToTheEndsOfTheirCentreLines(final double lengthUm, final double sigmaUm) {
		final int w = 400, h = 400, n = 64;
		final float[] img = rods(lengthUm, sigmaUm, w, h, 8, 7);
		// the PSF as the user gives it (a sharp image: a PSF far below the pixel)
		final double fwhm = Math.max(1e-3, sigmaUm * AnalysisSettings.FWHM_PER_SIGMA);
		final RegionAnalysis r = analyse(img, w, h, AnalysisSettings.builder().psfUm(fwhm).build());
		assertThat(r.network().get(Metric.RODS)).isEqualTo(n);
		final double truth = n * lengthUm;
		assertThat(r.network().get(Metric.TOTAL_LENGTH)).isCloseTo(truth, within(0.02 * truth));
		double worst = 0;
		for (final SkeletonGraph.Edge e : r.graph().edges()) worst = Math.max(worst, Math.abs(r.network().branchLength(e.id()) - lengthUm));
		assertThat(worst).as("worst rod").isLessThan(0.15);
		if (sigmaUm > 0) { // without the correction the blurred rods measure short
			final RegionAnalysis u = analyse(img, w, h, AnalysisSettings.builder().psfUm(fwhm).endCorrection(false).build());
			assertThat(u.network().get(Metric.TOTAL_LENGTH)).isLessThan(0.95 * truth);
			for (final SkeletonGraph.Edge e : u.graph().edges()) assertThat(u.network().endCorrection(e.id())).isZero();
		}
	}

	@Test
	void branchesWithoutAFreeEndAndStacksAreLeftAlone() {
		// a ring with a tail: only the tail has a free end
		final int w = 120, h = 120;
		final byte[] sk = new byte[w * h];
		final float[] img = new float[w * h];
		for (int a = 0; a < 720; a++) {
			final int x = (int) Math.round(60 + 25 * Math.cos(Math.toRadians(a / 2.0))), y = (int) Math.round(60 + 25 * Math.sin(Math.toRadians(a / 2.0)));
			sk[x + w * y] = 1;
		}
		for (int x = 86; x < 105; x++) sk[x + w * 60] = 1;
		final byte[] thin = io.github.myomito.skeleton.Thinning.thin(sk, new int[] { w, h });
		for (int i = 0; i < sk.length; i++) img[i] = sk[i] != 0 ? 200 : 0;
		final float[] blurred = Gauss.smooth(img, new int[] { w, h }, 1.2, 1.2);
		final byte[] mask = new byte[w * h];
		for (int i = 0; i < mask.length; i++) mask[i] = (byte) (blurred[i] > 40 ? 1 : 0);
		final double[] sp = { PX, PX };
		final SkeletonGraph g = SkeletonAnalyzer.analyze(thin, new int[] { w, h }, sp, AnalyzerSettings.DEFAULT);
		final double[] c = EndCorrection.corrections(g, blurred, DistanceTransform.distance(mask, new int[] { w, h }, sp, false), 0.12);
		int withFreeEnd = 0;
		for (final SkeletonGraph.Edge e : g.edges()) {
			final boolean free = !e.isIsolatedLoop() && (g.vertices().get(e.vertexA()).type() == SkeletonGraph.VertexType.END_POINT
				|| g.vertices().get(e.vertexB()).type() == SkeletonGraph.VertexType.END_POINT);
			if (free) {
				withFreeEnd++;
				assertThat(c[e.id()]).as("tail").isNotZero();
			}
			else assertThat(c[e.id()]).as("ring branch %s", e.id()).isZero();
		}
		assertThat(withFreeEnd).isEqualTo(1);
		// a stack through the 2D entry point is returned uncorrected (it needs the intensity's own grid)
		final byte[] sk3 = new byte[20 * 20 * 3];
		for (int x = 3; x < 17; x++) sk3[x + 20 * 10 + 400] = 1;
		final SkeletonGraph g3 = SkeletonAnalyzer.analyze(sk3, new int[] { 20, 20, 3 }, new double[] { PX, PX, 0.3 }, AnalyzerSettings.DEFAULT);
		assertThat(EndCorrection.corrections(g3, new float[1200], new float[1200], 0.12)).containsOnly(0.0);
	}

	/** Brute-force 3D integral of the unit 3D Gaussian over the spherocylinder of radius ρ (axis u ≤ 0, cap u ≥ 0) seen from (x, 0, 0). */
	private static double bruteAlong3(final double x, final double rho) {
		final double h = 0.02;
		double sum = 0;
		for (double u = -9 + h / 2; u < rho; u += h)
			for (double v = -rho + h / 2; v < rho; v += h)
				for (double q = -rho + h / 2; q < rho; q += h) {
					final double rr = v * v + q * q;
					if (rr <= rho * rho && (u <= 0 || u * u + rr <= rho * rho)) sum += Math.exp(-0.5 * ((x - u) * (x - u) + rr));
				}
		return sum * h * h * h / Math.pow(2 * Math.PI, 1.5);
	}

	/** Brute-force 2D integral across an infinite cylinder of radius ρ seen from distance d of its axis. */
	private static double bruteAcross3(final double d, final double rho) {
		final double h = 0.005;
		double sum = 0;
		for (double v = -rho + h / 2; v < rho; v += h)
			for (double q = -rho + h / 2; q < rho; q += h)
				if (v * v + q * q <= rho * rho) sum += Math.exp(-0.5 * ((d - v) * (d - v) + q * q));
		return sum * h * h / (2 * Math.PI);
	}

	@ParameterizedTest(name = "rho {0}")
	@CsvSource({ "0.5", "1.25" })
	void solidModelMatchesTheThreeDimensionalIntegrals(final double rho) {
		final EndCorrection.Capsule m = EndCorrection.Capsule.SOLID;
		for (final double d : new double[] { 0, 0.5 * rho, rho, rho + 1 })
			assertThat(m.across(d, rho)).as("across, d = %s", d).isCloseTo(bruteAcross3(d, rho), within(2e-3));
		for (final double x : new double[] { -1.5, 0, 0.5 * rho, rho + 0.5 })
			assertThat(m.along(x, rho)).as("along, x = %s", x).isCloseTo(bruteAlong3(x, rho), within(3e-3));
		// far inside, the axial profile is the centre of the blurred disc, 1 − exp(−ρ²/2)
		assertThat(m.along(-12, rho)).isCloseTo(1 - Math.exp(-0.5 * rho * rho), within(1e-6));
		assertThat(m.across(0, rho)).isCloseTo(1 - Math.exp(-0.5 * rho * rho), within(1e-3));
		// a blurred 3D line: the same limits as in 2D; a wide tube: half-maxima on the outline
		assertThat(m.halfWidthOf(0)).isCloseTo(Math.sqrt(2 * Math.log(2)), within(1e-12));
		assertThat(m.axialHalf(m.halfWidthOf(0.05))).isBetween(0.0, 0.05);
		assertThat(m.axialHalf(m.halfWidthOf(11))).isCloseTo(11, within(0.15));
	}

	@Test
	void obliqueRodsInAStackAreMeasuredToTheirEnds() {
		// 8 rods of 1.5 µm, radius 0.15 µm, at random directions (up to 40° out of the plane) in a stack of cubic
		// 0.1 µm voxels (each voxel the mean over 5³ points), blurred by an isotropic Gaussian of σ 0.12 µm; the PSF
		// given as isotropic (no deconvolution), with the voxel's own box blur (variance px²/12) included
		final int w = 130, h = 130, d = 36, n = 8, sub = 5;
		final double len = 1.5, sigma = 0.12;
		final float[] img = new float[w * h * d];
		final Random rnd = new Random(5);
		for (int k = 0; k < n; k++) {
			final double cx = 2 + (k % 4) * 3.0, cy = 2.5 + (k / 4) * 6.5, cz = 1.8;
			final double az = rnd.nextDouble() * Math.PI, el = Math.toRadians(-40 + 80 * rnd.nextDouble());
			final double ux = Math.cos(el) * Math.cos(az), uy = Math.cos(el) * Math.sin(az), uz = Math.sin(el);
			final int x0 = (int) ((cx - 1.2) / PX), y0 = (int) ((cy - 1.2) / PX), z0 = (int) ((cz - 1.2) / PX);
			for (int z = z0; z < z0 + 24; z++)
				for (int y = y0; y < y0 + 24; y++)
					for (int x = x0; x < x0 + 24; x++) {
						int in = 0;
						for (int s = 0; s < sub * sub * sub; s++) {
							final double px = (x + (s % sub + 0.5) / sub - 0.5) * PX - cx, py = (y + (s / sub % sub + 0.5) / sub - 0.5) * PX - cy,
								pz = (z + (s / (sub * sub) + 0.5) / sub - 0.5) * PX - cz;
							final double t = Math.max(-len / 2, Math.min(len / 2, px * ux + py * uy + pz * uz));
							final double ex = px - t * ux, ey = py - t * uy, ez = pz - t * uz;
							if (ex * ex + ey * ey + ez * ez <= R * R) in++;
						}
						img[x + w * (y + h * z)] += 200f * in / (sub * sub * sub);
					}
		}
		final float[] blurred = Gauss.smooth(img, new int[] { w, h, d }, sigma / PX, sigma / PX, sigma / PX);
		final double fwhm = Math.sqrt(sigma * sigma + PX * PX / 12) * AnalysisSettings.FWHM_PER_SIGMA;
		final AnalysisSettings s = AnalysisSettings.builder().psfUm(fwhm).psfAxialUm(fwhm).build();
		final FibreImage fi = FibreImage.builder().channel(ArrayImgs.floats(blurred, w, h, d), ChannelRole.MITOCHONDRIA).spacing(PX, PX, PX).source("rods3").build();
		final RegionAnalysis r = ImageAnalysis.analyze(fi, null, s, null).whole();
		assertThat(r.network().get(Metric.RODS)).isEqualTo(n);
		assertThat(r.network().get(Metric.TOTAL_LENGTH)).isCloseTo(n * len, within(0.03 * n * len));
		double worst = 0;
		for (final SkeletonGraph.Edge e : r.graph().edges()) worst = Math.max(worst, Math.abs(r.network().branchLength(e.id()) - len));
		assertThat(worst).as("worst rod").isLessThan(0.15);
		final RegionAnalysis u = ImageAnalysis.analyze(fi, null, s.toBuilder().endCorrection(false).build(), null).whole();
		assertThat(u.network().get(Metric.TOTAL_LENGTH)).isLessThan(0.95 * n * len);
	}

	@Test
	void badArgumentsAreNamed() {
		final byte[] sk = new byte[400];
		for (int x = 3; x < 17; x++) sk[x + 200] = 1;
		final SkeletonGraph g = SkeletonAnalyzer.analyze(sk, new int[] { 20, 20 }, new double[] { PX, PX }, AnalyzerSettings.DEFAULT);
		assertThatThrownBy(() -> EndCorrection.corrections(g, new float[400], new float[400], 0)).hasMessageContaining("sigma must be > 0");
		assertThatThrownBy(() -> EndCorrection.corrections(g, new float[400], new float[400], Double.NaN)).hasMessageContaining("sigma must be > 0");
		assertThatThrownBy(() -> EndCorrection.corrections(g, new float[399], new float[400], 0.1)).hasMessageContaining("400 and 400 voxels");
		assertThatThrownBy(() -> AnalysisSettings.builder().psfUm(0).build()).hasMessageContaining("PSF");
	}
}
