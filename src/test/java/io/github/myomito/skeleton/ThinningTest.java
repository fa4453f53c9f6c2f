package io.github.myomito.skeleton;

import static io.github.myomito.skeleton.SkeletonFixtures.Img;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.myomito.image.Pixels;
import io.github.myomito.skeleton.SkeletonGraph.Summary;
import java.util.Random;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

class ThinningTest {

	/** The local deletability test equals a brute-force global recount on random 3×3×3 neighbourhoods. */
	@Test
	void localTestEqualsBruteForceSimplePoint3D() {
		final Random rnd = new Random(42);
		final int[] dims = { 5, 5, 5 };
		int simple = 0;
		for (int s = 0; s < 3000; s++) {
			final double density = 0.15 + 0.7 * rnd.nextDouble();
			int bits = 1 << 13;
			final byte[] m = new byte[125];
			m[2 + 5 * (2 + 5 * 2)] = 1;
			for (int k = 0; k < 27; k++) {
				if (k == 13 || rnd.nextDouble() >= density) continue;
				bits |= 1 << k;
				m[(k % 3 + 1) + 5 * ((k / 3 % 3 + 1) + 5 * (k / 9 + 1))] = 1;
			}
			final long[] before = TopologyReference.signature(m, dims);
			m[62] = 0;
			final boolean isSimple = java.util.Arrays.equals(before, TopologyReference.signature(m, dims));
			final boolean expected = isSimple && Integer.bitCount(bits) - 1 >= 2;
			if (expected) simple++;
			assertThat(Thinning.removable(bits)).as("configuration %s", Integer.toBinaryString(bits)).isEqualTo(expected);
		}
		assertThat(simple).isGreaterThan(100); // both outcomes are exercised
	}

	@Test
	void localTestEqualsBruteForceSimplePoint2D() {
		final int[] dims = { 5, 5 };
		int simple = 0;
		for (int c = 0; c < 256; c++) { // all 8-neighbourhoods
			int bits = 1 << 13;
			final byte[] m = new byte[25];
			m[12] = 1;
			int j = 0;
			for (int k = 9; k < 18; k++) {
				if (k == 13) continue;
				if ((c >> j++ & 1) != 0) {
					bits |= 1 << k;
					m[(k % 3 + 1) + 5 * (k / 3 % 3 + 1)] = 1;
				}
			}
			final long[] before = TopologyReference.signature(m, dims);
			m[12] = 0;
			final boolean isSimple = java.util.Arrays.equals(before, TopologyReference.signature(m, dims));
			final boolean expected = isSimple && Integer.bitCount(c) >= 2;
			if (expected) simple++;
			assertThat(Thinning.removable(bits)).as("configuration %s", Integer.toBinaryString(c)).isEqualTo(expected);
		}
		assertThat(simple).isGreaterThan(20);
	}

	private static byte[] thinAndCheckTopology(final Img im) {
		final byte[] sk = Thinning.thin(im.data, im.dims);
		assertThat(TopologyReference.signature(sk, im.dims)).as("objects, background components, Euler characteristic")
			.containsExactly(TopologyReference.signature(im.data, im.dims));
		assertThat(TopologyReference.removablePoints(sk, im.dims)).as("simple non-end points left").isZero();
		for (int i = 0; i < sk.length; i++)
			if (sk[i] != 0) assertThat(im.data[i]).isNotZero(); // skeleton ⊂ object
		return sk;
	}

	private static Summary summary(final byte[] sk, final int[] dims) {
		return SkeletonAnalyzer.analyze(sk, dims, dims.length == 2 ? new double[] { 1, 1 } : new double[] { 1, 1, 1 }).summary();
	}

	@Test
	void thickBarThinsToOneBranch() {
		final Img im = SkeletonFixtures.thickBar(80, 30, 10, 69, 10, 18); // 60 × 9
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(1);
		assertThat(s.junctions()).isZero();
		assertThat(s.endPoints()).isEqualTo(2);
		// the medial line spans the bar minus about half the width at each end
		assertThat(s.totalVoxelLength()).isBetween(60.0 - 9 - 2, 60.0);
	}

	@Test
	void rotatedThickBarThinsToOneBranch() {
		final Img im = SkeletonFixtures.rotatedBar(90, 70, 60, 7, 30);
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.branches()).isEqualTo(1);
		assertThat(s.endPoints()).isEqualTo(2);
		assertThat(s.totalLength()).isBetween(60.0 - 7 - 3, 60.0);
	}

	@Test
	void annulusThinsToOneLoop() {
		final Img im = SkeletonFixtures.annulus(50, 12, 18);
		assertThat(TopologyReference.bgComponents(im.data, im.dims)).isEqualTo(2); // one hole
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.loops()).isEqualTo(1);
		assertThat(s.endPoints()).isZero();
		// the medial circle has radius ≈ 15: length ≈ 2π·15 = 94.2
		assertThat(s.totalLength()).isBetween(0.9 * 2 * Math.PI * 15, 1.1 * 2 * Math.PI * 15);
	}

	@Test
	void thickGridKeepsItsHoles() {
		final Img im = SkeletonFixtures.thickGrid(3, 16, 5);
		assertThat(TopologyReference.bgComponents(im.data, im.dims)).isEqualTo(1 + 4);
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.loops()).isEqualTo(4);
	}

	@Test
	void randomBlobsKeepObjectsAndHoles() {
		for (final long seed : new long[] { 1, 2, 3 }) {
			final Img im = SkeletonFixtures.randomBlobs(48, seed);
			assertThat(TopologyReference.fgComponents(im.data, im.dims)).isGreaterThan(1);
			thinAndCheckTopology(im);
		}
	}

	@Test
	void tube3DThinsToOneBranch() {
		final Img im = SkeletonFixtures.tube3D(40, 3.5);
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.branches()).isEqualTo(1);
		assertThat(s.endPoints()).isEqualTo(2);
		assertThat(s.totalVoxelLength()).isBetween(40.0 - 7 - 2, 40.0);
	}

	@Test
	void torus3DThinsToOneLoop() {
		final Img im = SkeletonFixtures.torus3D(9, 3);
		assertThat(TopologyReference.euler(im.data, im.dims)).isZero(); // one object, one tunnel
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.loops()).isEqualTo(1);
		assertThat(s.totalLength()).isBetween(0.85 * 2 * Math.PI * 9, 1.15 * 2 * Math.PI * 9);
	}

	@Test
	void thickGrid3DKeepsItsTunnel() {
		final Img im = SkeletonFixtures.thickGrid3D(30, 2.5);
		assertThat(TopologyReference.euler(im.data, im.dims)).isZero(); // 1 object − 1 tunnel
		final byte[] sk = thinAndCheckTopology(im);
		final Summary s = summary(sk, im.dims);
		assertThat(s.trees()).isEqualTo(1);
		assertThat(s.loops()).isEqualTo(1);
		assertThat(s.endPoints()).isEqualTo(8); // the eight tube ends stay
	}

	@Test
	void oneSliceStackEquals2DAndThinningIsIdempotent() {
		final Img im = SkeletonFixtures.randomBlobs(40, 7);
		final byte[] a = Thinning.thin(im.data, im.dims);
		final byte[] b = Thinning.thin(im.data, new int[] { im.dims[0], im.dims[1], 1 });
		assertThat(b).containsExactly(a);
		assertThat(Thinning.thin(a, im.dims)).containsExactly(a);
	}

	@Test
	void singlePixelsAndLinesAreKept() {
		final Img im = new Img(10, 10).set(2, 2).set(5, 5).set(6, 6).set(7, 7);
		assertThat(Thinning.thin(im.data, im.dims)).containsExactly(im.data);
	}

	@Test
	void imglib2OverloadReturns255Mask() {
		final Img im = SkeletonFixtures.thickBar(30, 12, 5, 24, 4, 7);
		final ArrayImg<UnsignedByteType, ByteArray> out = Thinning.thin(Pixels.maskImage(im.data, im.dims));
		final byte[] expected = Thinning.thin(im.data, im.dims);
		final byte[] got = Pixels.mask(out);
		assertThat(got).containsExactly(expected);
		assertThat(out.firstElement().getClass()).isEqualTo(UnsignedByteType.class);
	}

	@Test
	void progressIsReportedAndCancellationStops() {
		final Img im = SkeletonFixtures.thickBar(40, 20, 5, 34, 5, 14);
		final long[] last = { -1, -1 };
		final byte[] sk = Thinning.thin(im.data, im.dims, new io.github.myomito.progress.Progress() {
			@Override
			public void status(final String message) {}

			@Override
			public void progress(final long done, final long total) {
				last[0] = done;
				last[1] = total;
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		});
		assertThat(last[1]).isEqualTo(im.count());
		assertThat(last[0]).isEqualTo(im.count() - countOnes(sk));
		assertThatThrownBy(() -> Thinning.thin(im.data, im.dims, new io.github.myomito.progress.Progress() {
			@Override
			public void status(final String message) {}

			@Override
			public void progress(final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		})).isInstanceOf(java.util.concurrent.CancellationException.class);
	}

	private static int countOnes(final byte[] b) {
		int c = 0;
		for (final byte x : b) c += x != 0 ? 1 : 0;
		return c;
	}

	@Test
	void badInputIsRejected() {
		assertThatThrownBy(() -> Thinning.thin(new byte[10], new int[] { 3, 3 })).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("does not match");
		assertThatThrownBy(() -> Thinning.thin(new byte[8], new int[] { 2, 2, 2, 1 })).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("2 or 3");
	}
}
