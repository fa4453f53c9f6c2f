package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TubenessTest {

	/** A 2D line of Gaussian profile A exp(−d²/2w²) through (cx, cy) at angle θ; d = distance to the line in µm. */
	private static float[] line2D(final int w, final int h, final double sp, final double angle, final double widthUm, final double amp) {
		final float[] f = new float[w * h];
		final double nx = -Math.sin(angle), ny = Math.cos(angle);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double d = ((x - w / 2) * nx + (y - h / 2) * ny) * sp;
				f[x + w * y] = (float) (amp * Math.exp(-d * d / (2 * widthUm * widthUm)));
			}
		return f;
	}

	@Test
	void satoOnA2DGaussianLineMatchesTheAnalyticCentreValueAndPeaksOnTheCentreLine() {
		final int w = 64, h = 64;
		final double sp = 0.05, wid = 0.1, sigma = 0.1, amp = 100;
		final float[] f = line2D(w, h, sp, 0, wid, amp);
		final float[] t = Tubeness.compute(f, new int[] { w, h }, new double[] { sp, sp }, new double[] { sigma }, TubenessMethod.SATO);
		// −σ² ∂²/∂y² of the smoothed profile at the centre: A w σ² / (w² + σ²)^{3/2} = A / 2^{3/2} for σ = w
		final double expected = amp * wid * sigma * sigma / Math.pow(wid * wid + sigma * sigma, 1.5);
		assertThat((double) t[32 + w * 32]).isCloseTo(expected, within(0.02 * expected));
		for (int x = 16; x < 48; x++)
			for (int y = 0; y < h; y++)
				if (y != 32) assertThat(t[x + w * y]).isLessThan(t[x + w * 32]);
	}

	@Test
	void responseIsRotationInvariantWithinTolerance() {
		final int w = 80, h = 80;
		final double sp = 0.05;
		for (final TubenessMethod m : TubenessMethod.values()) {
			final float[] t0 = Tubeness.compute(line2D(w, h, sp, 0, 0.1, 100), new int[] { w, h }, new double[] { sp, sp }, new double[] { 0.1 }, m);
			for (final double deg : new double[] { 30, 45, 73 }) {
				final float[] t = Tubeness.compute(line2D(w, h, sp, Math.toRadians(deg), 0.1, 100), new int[] { w, h }, new double[] { sp, sp }, new double[] { 0.1 }, m);
				final int c = w / 2 + w * (h / 2);
				assertThat((double) t[c]).as(m + " at " + deg + "°").isCloseTo(t0[c], within(0.05 * t0[c]));
			}
		}
	}

	@Test
	void multiscaleIsTheMaximumOverScalesAndFrangiIsBounded() {
		final int w = 48, h = 48;
		final float[] f = line2D(w, h, 0.05, 0.3, 0.1, 50);
		final int[] d = { w, h };
		final double[] sp = { 0.05, 0.05 };
		final float[] a = Tubeness.compute(f, d, sp, new double[] { 0.06 }, TubenessMethod.SATO);
		final float[] b = Tubeness.compute(f, d, sp, new double[] { 0.15 }, TubenessMethod.SATO);
		final float[] ab = Tubeness.compute(f, d, sp, new double[] { 0.06, 0.15 }, TubenessMethod.SATO);
		for (int i = 0; i < f.length; i++) assertThat(ab[i]).isEqualTo(Math.max(a[i], b[i]));
		final float[] fr = Tubeness.compute(f, d, sp, new double[] { 0.1 }, TubenessMethod.FRANGI);
		for (final float v : fr) assertThat(v).isBetween(0f, 1f);
		assertThat(fr[w / 2 + w * (h / 2)]).isGreaterThan(0.5f);
		assertThat(fr[w / 2 + w * (h / 2)]).isGreaterThan(fr[w / 2 + w * (h / 2 + 6)]);
	}

	@Test
	void threeDTubeWithAnisotropicSpacingMatchesAnalyticValue() {
		// tube along x, Gaussian cross-section A exp(−(y² + z²)/2w²), spacing 0.05 × 0.05 × 0.1 µm
		final int nx = 24, ny = 40, nz = 20;
		final double[] sp = { 0.05, 0.05, 0.1 };
		final double wid = 0.15, sigma = 0.15, amp = 80;
		final float[] f = new float[nx * ny * nz];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					final double dy = (y - ny / 2) * sp[1], dz = (z - nz / 2) * sp[2];
					f[x + nx * (y + ny * z)] = (float) (amp * Math.exp(-(dy * dy + dz * dz) / (2 * wid * wid)));
				}
		final int[] dims = { nx, ny, nz };
		final float[] t = Tubeness.compute(f, dims, sp, new double[] { sigma }, TubenessMethod.SATO);
		// both cross-section eigenvalues are −A w² σ² / (w² + σ²)², the axial one 0: Sato = sqrt(λ2 λ3) = A/4 for σ = w
		final double expected = amp * wid * wid * sigma * sigma / Math.pow(wid * wid + sigma * sigma, 2);
		final int c = nx / 2 + nx * (ny / 2 + ny * (nz / 2));
		assertThat((double) t[c]).isCloseTo(expected, within(0.03 * expected));
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				if (y != ny / 2 || z != nz / 2) assertThat(t[nx / 2 + nx * (y + ny * z)]).isLessThan(t[c]);
		final float[] fr = Tubeness.compute(f, dims, sp, new double[] { sigma }, TubenessMethod.FRANGI);
		assertThat(fr[c]).isGreaterThan(0.5f);
	}

	@Test
	void smithEigenvaluesOfARotatedDiagonalMatrix() {
		final double[] lam = { 3, -1, -5 };
		final double a = 0.4, b = 1.1;
		// R = Rz(a) Rx(b)
		final double[][] rz = { { Math.cos(a), -Math.sin(a), 0 }, { Math.sin(a), Math.cos(a), 0 }, { 0, 0, 1 } };
		final double[][] rx = { { 1, 0, 0 }, { 0, Math.cos(b), -Math.sin(b) }, { 0, Math.sin(b), Math.cos(b) } };
		final double[][] r = new double[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++)
				for (int k = 0; k < 3; k++) r[i][j] += rz[i][k] * rx[k][j];
		final double[][] m = new double[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++)
				for (int k = 0; k < 3; k++) m[i][j] += r[i][k] * lam[k] * r[j][k];
		final double[] ev = new double[3];
		io.github.myomito.math.SymmetricEigen.eigen3(m[0][0], m[0][1], m[0][2], m[1][1], m[1][2], m[2][2], ev);
		assertThat(ev[0]).isCloseTo(3, within(1e-9));
		assertThat(ev[1]).isCloseTo(-1, within(1e-9));
		assertThat(ev[2]).isCloseTo(-5, within(1e-9));
		io.github.myomito.math.SymmetricEigen.eigen3(2, 0, 0, 7, 0, -1, ev);
		assertThat(ev).containsExactly(7, 2, -1);
	}

	@Test
	void rejectsBadScales() {
		assertThatThrownBy(() -> Tubeness.compute(new float[4], new int[] { 2, 2 }, new double[] { 1, 1 }, new double[] { 0 }, TubenessMethod.SATO))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales");
	}
}
