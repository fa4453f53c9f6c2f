package io.github.myomito.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FibreAxisTest {

	/** Mask of a rectangle (length × width µm) centred at (cx, cy) µm with ImageJ axis angle a. */
	static byte[] rectangle(final int w, final int h, final double[] sp, final double cx, final double cy, final double aDeg, final double len, final double wid) {
		final byte[] m = new byte[w * h];
		final double a = Math.toRadians(aDeg);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double dx = x * sp[0] - cx, dy = y * sp[1] - cy;
				final double u = dx * Math.cos(a) - dy * Math.sin(a); // along the axis (y down)
				final double v = dx * Math.sin(a) + dy * Math.cos(a);
				if (Math.abs(u) <= len / 2 && Math.abs(v) <= wid / 2) m[x + w * y] = 1;
			}
		return m;
	}

	@Test
	void pcaFindsTheAxisOfRotatedRectanglesWithinOneDegree() {
		final int w = 200, h = 200;
		final double[] sp = { 0.25, 0.25 };
		for (double a = 0; a < 180; a += 7) {
			final AxisEstimate e = FibreAxis.fromMask(rectangle(w, h, sp, 25, 25, a, 36, 8), new int[] { w, h }, sp);
			assertThat(Orientation.angleToAxis(e.angleDeg(), a)).as("angle %s", a).isLessThan(1.0);
			// uniform rectangle: variances L²/12 and W²/12, so sqrt(λ1/λ2) = L/W = 4.5
			assertThat(e.elongation()).as("elongation at %s", a).isCloseTo(4.5, within(0.25));
			assertThat(e.centroidXUm()).isCloseTo(25, within(0.1));
			assertThat(e.centroidYUm()).isCloseTo(25, within(0.1));
			assertThat(e.method()).isEqualTo(AxisEstimate.Method.MASK_PCA);
			assertThat(e.angleDeg()).isBetween(0.0, 180.0);
		}
	}

	@Test
	void pcaOnEllipsesWithAnisotropicSpacingGivesAngleAndAxisRatio() {
		final double[] sp = { 0.2, 0.3 };
		final int w = 200, h = 140;
		final double cx = 20, cy = 21, ra = 15, rb = 5;
		for (double aDeg = 3; aDeg < 180; aDeg += 11) {
			final double a = Math.toRadians(aDeg);
			final byte[] m = new byte[w * h];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double dx = x * sp[0] - cx, dy = y * sp[1] - cy;
					final double u = dx * Math.cos(a) - dy * Math.sin(a), v = dx * Math.sin(a) + dy * Math.cos(a);
					if (u * u / (ra * ra) + v * v / (rb * rb) <= 1) m[x + w * y] = 1;
				}
			final AxisEstimate e = FibreAxis.fromMask(m, new int[] { w, h }, sp);
			assertThat(Orientation.angleToAxis(e.angleDeg(), aDeg)).as("angle %s", aDeg).isLessThan(1.0);
			// filled ellipse: variances a²/4 and b²/4, so sqrt(λ1/λ2) = a/b = 3
			assertThat(e.elongation()).isCloseTo(3.0, within(0.1));
		}
	}

	@Test
	void pcaOf3DMaskUsesTheXyProjection() {
		final int w = 120, h = 120, nz = 4;
		final double[] sp2 = { 0.25, 0.25 };
		final byte[] slice = rectangle(w, h, sp2, 15, 15, 62, 24, 6);
		final byte[] stack = new byte[w * h * nz];
		for (int z = 1; z < nz; z++) System.arraycopy(slice, 0, stack, z * w * h, w * h);
		final AxisEstimate e = FibreAxis.fromMask(stack, new int[] { w, h, nz }, new double[] { 0.25, 0.25, 0.8 });
		assertThat(Orientation.angleToAxis(e.angleDeg(), 62)).isLessThan(1.0);
	}

	/** 1 + cos(2π u / P) with u the coordinate along the ImageJ angle a: stripes perpendicular to the axis. */
	static float[] striations(final int w, final int h, final double[] sp, final double aDeg, final double period) {
		final float[] img = new float[w * h];
		final double a = Math.toRadians(aDeg);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double u = x * sp[0] * Math.cos(a) - y * sp[1] * Math.sin(a);
				img[x + w * y] = (float) (1 + Math.cos(2 * Math.PI * u / period));
			}
		return img;
	}

	@Test
	void structureTensorFindsTheAxisOfAStriatedPatternWithinTwoDegrees() {
		final int w = 160, h = 160;
		for (final double[] sp : new double[][] { { 0.1, 0.1 }, { 0.1, 0.12 } }) {
			for (final double a : new double[] { 0, 15, 30, 45, 60, 73, 90, 105, 120, 135, 150, 165 }) {
				final AxisEstimate e = FibreAxis.fromStructureTensor(striations(w, h, sp, a, 2.2), null, new int[] { w, h }, sp, 0.2);
				assertThat(Orientation.angleToAxis(e.angleDeg(), a)).as("angle %s", a).isLessThan(2.0);
				assertThat(e.coherency()).as("coherency at %s", a).isGreaterThan(0.999);
				assertThat(e.method()).isEqualTo(AxisEstimate.Method.STRUCTURE_TENSOR);
			}
		}
	}

	@Test
	void coherencyIsNearZeroForIsotropicNoise() {
		final int w = 256, h = 256;
		final float[] img = new float[w * h];
		final Random r = new Random(42);
		for (int i = 0; i < img.length; i++) img[i] = (float) r.nextGaussian();
		final AxisEstimate e = FibreAxis.fromStructureTensor(img, null, new int[] { w, h }, new double[] { 0.1, 0.1 }, 0.1);
		assertThat(e.coherency()).isLessThan(0.05);
	}

	@Test
	void elongatedRegionResolvesLongitudinalTextureToTheFibreAxis() {
		final int w = 240, h = 240;
		final double[] sp = { 0.2, 0.2 };
		for (final double a : new double[] { 10, 50, 100, 160 }) {
			final byte[] region = rectangle(w, h, sp, 24, 24, a, 40, 12);
			// longitudinal columns: intensity varies perpendicular to the axis (period 1.2 µm)
			final float[] img = striations(w, h, sp, a + 90, 1.2);
			final AxisEstimate e = FibreAxis.fromStructureTensor(img, region, new int[] { w, h }, sp, 0.3);
			assertThat(e.method()).isEqualTo(AxisEstimate.Method.COMBINED);
			assertThat(Orientation.angleToAxis(e.angleDeg(), a)).as("angle %s", a).isLessThan(2.0);
			assertThat(e.coherency()).isGreaterThan(0.9);
			assertThat(e.elongation()).isCloseTo(40 / 12.0, within(0.2));
			// striations inside the same region keep the tensor's own answer
			final AxisEstimate s = FibreAxis.fromStructureTensor(striations(w, h, sp, a, 2.2), region, new int[] { w, h }, sp, 0.3);
			assertThat(Orientation.angleToAxis(s.angleDeg(), a)).isLessThan(2.0);
		}
	}

	@Test
	void isotropicTextureInAnElongatedRegionFallsBackToTheShapeAxis() {
		final int w = 240, h = 240;
		final double[] sp = { 0.2, 0.2 };
		final Random rnd = new Random(3);
		final float[] img = new float[w * h];
		for (int i = 0; i < img.length; i++) img[i] = (float) rnd.nextGaussian();
		for (final double a : new double[] { 25, 118 }) {
			final byte[] region = rectangle(w, h, sp, 24, 24, a, 40, 12);
			final AxisEstimate e = FibreAxis.fromStructureTensor(img, region, new int[] { w, h }, sp, 0.2);
			assertThat(e.coherency()).isLessThan(FibreAxis.MIN_TEXTURE_COHERENCY);
			assertThat(e.angleDeg()).isCloseTo(FibreAxis.fromMask(region, new int[] { w, h }, sp).angleDeg(), within(1e-9));
			assertThat(Orientation.angleToAxis(e.angleDeg(), a)).isLessThan(1.0);
		}
	}

	@Test
	void structureTensorOfAStackUsesTheXyProjection() {
		final int w = 120, h = 120, nz = 3;
		final double[] sp2 = { 0.1, 0.1 };
		final float[] slice = striations(w, h, sp2, 37, 2.2);
		final float[] stack = new float[w * h * nz];
		for (int z = 0; z < nz; z++)
			for (int i = 0; i < w * h; i++) stack[i + z * w * h] = slice[i] * (z + 1); // brightness varies with depth
		final AxisEstimate e = FibreAxis.fromStructureTensor(stack, null, new int[] { w, h, nz }, new double[] { 0.1, 0.1, 0.5 }, 0.2);
		assertThat(Orientation.angleToAxis(e.angleDeg(), 37)).isLessThan(2.0);
	}

	@Test
	void userAxisAndBadInput() {
		assertThat(AxisEstimate.given(190).angleDeg()).isCloseTo(10, within(1e-12));
		assertThat(AxisEstimate.given(-30).angleDeg()).isCloseTo(150, within(1e-12));
		assertThat(AxisEstimate.given(5).method()).isEqualTo(AxisEstimate.Method.USER);
		assertThatThrownBy(() -> FibreAxis.fromMask(new byte[4], new int[] { 2, 2 }, new double[] { 1, 1 })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
		assertThatThrownBy(() -> FibreAxis.fromMask(new byte[5], new int[] { 2, 2 }, new double[] { 1, 1 })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fibreMask");
		assertThatThrownBy(() -> FibreAxis.fromMask(new byte[4], new int[] { 2, 2 }, new double[] { 1 })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
		assertThatThrownBy(() -> FibreAxis.fromStructureTensor(new float[4], null, new int[] { 2, 2 }, new double[] { 1, 1 }, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
		assertThatThrownBy(() -> FibreAxis.fromStructureTensor(new float[4], new byte[4], new int[] { 2, 2 }, new double[] { 1, 1 }, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
	}
}
