package io.github.myomito.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import io.github.myomito.progress.Progress;

class FibreDetectionTest {

	private static final int W = 240, H = 200;
	private static final double[] SP = { 0.5, 0.5 };

	/** 10 outside, 100 inside discs {cx, cy, r} (µm), minus holes {cx, cy, r}, plus seeded noise SD 5. */
	private static float[] discs(final double[][] discs, final double[][] holes) {
		final float[] img = new float[W * H];
		final Random rnd = new Random(5);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final double X = x * SP[0], Y = y * SP[1];
				boolean in = false;
				for (final double[] d : discs) in |= (X - d[0]) * (X - d[0]) + (Y - d[1]) * (Y - d[1]) <= d[2] * d[2];
				for (final double[] d : holes) if ((X - d[0]) * (X - d[0]) + (Y - d[1]) * (Y - d[1]) <= d[2] * d[2]) in = false;
				img[x + W * y] = (float) ((in ? 100 : 10) + 5 * rnd.nextGaussian());
			}
		return img;
	}

	/** Area of the union of two discs of radius r at distance d: 2πr² − lens, lens = 2r²·acos(d/2r) − (d/2)·sqrt(4r² − d²). */
	private static double union2D(final double r, final double d) {
		return 2 * Math.PI * r * r - (2 * r * r * Math.acos(d / (2 * r)) - d / 2 * Math.sqrt(4 * r * r - d * d));
	}

	private static double[] centroid(final FibreRegions r, final int k) {
		double sx = 0, sy = 0;
		long n = 0;
		for (int i = 0; i < W * H; i++)
			if (r.labelAt(i) == k) {
				sx += (i % W) * SP[0];
				sy += (i / W) * SP[1];
				n++;
			}
		return new double[] { sx / n, sy / n };
	}

	@Test
	void twoTouchingDiscsAreSplitAndASmallBlobIsRemoved() {
		final double r = 15, d = 26;
		final float[] img = discs(new double[][] { { 35, 50, r }, { 35 + d, 50, r }, { 100, 20, 3 } }, new double[0][]);
		final FibreRegions regions = FibreDetection.detect(img, new int[] { W, H }, SP, FibreDetectionSettings.DEFAULT);
		assertThat(regions.count()).isEqualTo(2);
		// union of two discs: 2πr² − lens, lens = 2r²·acos(d/2r) − (d/2)·sqrt(4r² − d²)
		final double union = union2D(r, d);
		assertThat(regions.sizeUm(1) + regions.sizeUm(2)).isCloseTo(union, within(0.04 * union));
		// the split follows the neck: equal halves of a symmetric pair
		assertThat(regions.sizeUm(1)).isCloseTo(union / 2, within(0.04 * union / 2));
		assertThat(regions.sizeUm(2)).isCloseTo(union / 2, within(0.04 * union / 2));
		// raster order: fibre 1 is the left disc; centroids are within 1 µm of the disc centres (the neck cut
		// moves each by ~0.4 µm)
		final double[] c1 = centroid(regions, 1), c2 = centroid(regions, 2);
		assertThat(c1[0]).isCloseTo(35, within(1.0));
		assertThat(c2[0]).isCloseTo(61, within(1.0));
		assertThat(c1[1]).isCloseTo(50, within(0.5));
		assertThat(c2[1]).isCloseTo(50, within(0.5));
		assertThat(regions.pixelCount(1)).isEqualTo(Math.round(regions.sizeUm(1) / 0.25));

		final FibreRegions joined = FibreDetection.detect(img, new int[] { W, H }, SP, FibreDetectionSettings.builder().splitTouching(false).build());
		assertThat(joined.count()).isEqualTo(1);
		assertThat(joined.sizeUm(1)).isCloseTo(regions.sizeUm(1) + regions.sizeUm(2), within(1e-9));

		final FibreRegions otsu = FibreDetection.detect(img, new int[] { W, H }, SP,
			FibreDetectionSettings.builder().thresholdRule(FibreDetectionSettings.ThresholdRule.OTSU).build());
		assertThat(otsu.count()).isEqualTo(2);
		assertThat(otsu.sizeUm(1) + otsu.sizeUm(2)).isBetween(union2D(r - 0.6, d), union2D(r + 0.6, d));
		// mean + k·SD: a lower threshold here (fibres cover ~12 % of the image), so the edge moves outwards
		final FibreRegions meanSd = FibreDetection.detect(img, new int[] { W, H }, SP,
			FibreDetectionSettings.builder().thresholdRule(FibreDetectionSettings.ThresholdRule.MEAN_PLUS_K_SD).thresholdK(0.5).build());
		assertThat(meanSd.count()).isEqualTo(2);
		assertThat(meanSd.threshold()).isLessThan(otsu.threshold());
		assertThat(meanSd.sizeUm(1)).isCloseTo(meanSd.sizeUm(2), within(0.05 * meanSd.sizeUm(1)));
	}

	@Test
	void holesAreFilled() {
		final float[] img = discs(new double[][] { { 60, 50, 15 } }, new double[][] { { 60, 50, 5 } });
		final FibreRegions filled = FibreDetection.detect(img, new int[] { W, H }, SP, FibreDetectionSettings.DEFAULT);
		assertThat(filled.count()).isEqualTo(1);
		// the edge of a σ-smoothed, thresholded disc lies within 0.3σ = 0.6 µm of the true edge
		assertThat(filled.sizeUm(1)).isBetween(Math.PI * 14.4 * 14.4, Math.PI * 15.6 * 15.6);
		final FibreRegions open = FibreDetection.detect(img, new int[] { W, H }, SP, FibreDetectionSettings.builder().fillHoles(false).build());
		assertThat(open.count()).isEqualTo(1);
		assertThat(open.sizeUm(1)).isLessThan(filled.sizeUm(1) - 40);
	}

	@Test
	void bandDepthOnARectangleIsExact() {
		// 40 × 20 pixel rectangle, spacing 0.2 × 0.25 µm, depth 1.1 µm: D = (k+1)·s from the nearest side, so
		// 5 columns (5·0.2 = 1.0 ≤ 1.1 < 1.2) and 4 rows (4·0.25 = 1.0 ≤ 1.1 < 1.25) on each side are band
		final int w = 60, h = 40;
		final double[] sp = { 0.2, 0.25 };
		final byte[] m = new byte[w * h];
		for (int y = 10; y < 30; y++)
			for (int x = 10; x < 50; x++) m[x + w * y] = 1;
		final byte[] band = FibreDetection.subsarcolemmalBand(m, new int[] { w, h }, sp, 1.1);
		final byte[] imf = FibreDetection.intermyofibrillarInterior(m, new int[] { w, h }, sp, 1.1);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = x + w * y;
				final boolean inRect = m[i] != 0;
				final boolean interior = inRect && x >= 15 && x < 45 && y >= 14 && y < 26;
				assertThat(imf[i] != 0).as("imf at %d,%d", x, y).isEqualTo(interior);
				assertThat(band[i] != 0).as("band at %d,%d", x, y).isEqualTo(inRect && !interior);
			}
		int nb = 0;
		for (final byte b : band) nb += b;
		assertThat(nb).isEqualTo(800 - 30 * 12);
		assertThatThrownBy(() -> FibreDetection.subsarcolemmalBand(m, new int[] { w, h }, sp, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depthUm");
	}

	@Test
	void labelBandIncludesTheBorderSharedByTouchingFibres() {
		// fibre 1 = x 5..24, fibre 2 = x 25..44 (touching at x 24|25), y 5..24, spacing 0.5 × 0.4 µm, depth 1.3 µm:
		// 2 columns (2·0.5 = 1.0 ≤ 1.3 < 1.5) and 3 rows (3·0.4 = 1.2 ≤ 1.3 < 1.6) from every side of each fibre,
		// the shared border included; a fibre touching the image border (fibre 3, x 0..9, y 30..39) has no band there
		final int w = 50, h = 40;
		final double[] sp = { 0.5, 0.4 };
		final int[] labels = new int[w * h];
		for (int y = 5; y < 25; y++)
			for (int x = 5; x < 45; x++) labels[x + w * y] = x < 25 ? 1 : 2;
		for (int y = 30; y < 40; y++)
			for (int x = 0; x < 10; x++) labels[x + w * y] = 3;
		final byte[] band = FibreDetection.subsarcolemmalBand(labels, new int[] { w, h }, sp, 1.3);
		final byte[] imf = FibreDetection.intermyofibrillarInterior(labels, new int[] { w, h }, sp, 1.3);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = x + w * y, l = labels[i];
				final boolean interior;
				if (l == 1) interior = x >= 7 && x <= 22 && y >= 8 && y <= 21;
				else if (l == 2) interior = x >= 27 && x <= 42 && y >= 8 && y <= 21;
				else if (l == 3) interior = x <= 7 && y >= 33; // no band along the image's left and bottom edges
				else interior = false;
				assertThat(imf[i] != 0).as("imf at %d,%d", x, y).isEqualTo(interior);
				assertThat(band[i] != 0).as("band at %d,%d", x, y).isEqualTo(l != 0 && !interior);
			}
		// the mask version sees one merged fibre: no band along the shared border
		final byte[] merged = new byte[w * h];
		for (int i = 0; i < merged.length; i++) merged[i] = (byte) (labels[i] == 1 || labels[i] == 2 ? 1 : 0);
		final byte[] mb = FibreDetection.subsarcolemmalBand(merged, new int[] { w, h }, sp, 1.3);
		assertThat(mb[24 + w * 15]).isEqualTo((byte) 0);
		assertThat(band[24 + w * 15]).isEqualTo((byte) 1);
	}

	@Test
	void twoTouchingBallsAreSplitIn3D() {
		final int w = 64, h = 40, nz = 20;
		final double[] sp = { 0.5, 0.5, 1.0 };
		final float[] img = new float[w * h * nz];
		final double r = 8, d = 14;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double X = x * sp[0], Y = y * sp[1], Z = z * sp[2];
					final double a = (X - 9) * (X - 9) + (Y - 10) * (Y - 10) + (Z - 10) * (Z - 10);
					final double b = (X - 9 - d) * (X - 9 - d) + (Y - 10) * (Y - 10) + (Z - 10) * (Z - 10);
					img[x + w * (y + h * z)] = a <= r * r || b <= r * r ? 100 : 10;
				}
		final FibreDetectionSettings s = FibreDetectionSettings.builder().smoothingSigmaUm(1).minAreaUm2(50).build();
		final FibreRegions regions = FibreDetection.detect(img, new int[] { w, h, nz }, sp, s);
		assertThat(regions.count()).isEqualTo(2);
		// equal halves of a symmetric pair; volume of the union 2·(4/3)πr³ − lens
		assertThat(regions.sizeUm(1)).isCloseTo(regions.sizeUm(2), within(0.05 * regions.sizeUm(1)));
		final double lens = Math.PI * (4 * r + d) * Math.pow(2 * r - d, 2) / 12;
		final double union = 2 * 4.0 / 3 * Math.PI * r * r * r - lens;
		assertThat(regions.sizeUm(1) + regions.sizeUm(2)).isCloseTo(union, within(0.06 * union));
	}

	@Test
	void progressIsReportedAndCancellationStops() {
		final float[] img = discs(new double[][] { { 60, 50, 15 } }, new double[0][]);
		final java.util.List<String> messages = new java.util.ArrayList<>();
		final long[] last = new long[2];
		final Progress recorder = new Progress() {
			@Override
			public void status(final String m) {
				messages.add(m);
			}

			@Override
			public void progress(final long done, final long total) {
				last[0] = done;
				last[1] = total;
			}

			@Override
			public boolean isCancelled() {
				return messages.size() >= 2;
			}
		};
		assertThatThrownBy(() -> FibreDetection.detect(img, new int[] { W, H }, SP, FibreDetectionSettings.DEFAULT, recorder)).isInstanceOf(CancellationException.class);
		assertThat(messages).hasSize(2);
		messages.clear();
		final Progress counting = new Progress() {
			@Override
			public void status(final String m) {
				messages.add(m);
			}

			@Override
			public void progress(final long done, final long total) {
				last[0] = done;
				last[1] = total;
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		assertThat(FibreDetection.detect(img, new int[] { W, H }, SP, FibreDetectionSettings.DEFAULT, counting).count()).isEqualTo(1);
		assertThat(messages).hasSize(3);
		assertThat(last).containsExactly(4, 4);
	}

	@Test
	void withoutSplittingTheFloodingGivesTheConnectedComponentsOfABruteForceSearch() {
		final Random rnd = new Random(23);
		for (final int[] dims : new int[][] { { 41, 29 }, { 17, 13, 9 } }) {
			final int n = dims.length == 2 ? dims[0] * dims[1] : dims[0] * dims[1] * dims[2];
			final byte[] m = new byte[n];
			// below the percolation threshold (8-adjacency ≈ 0.41, 26-adjacency ≈ 0.10) so there are many components
			final double density = dims.length == 2 ? 0.3 : 0.07;
			for (int i = 0; i < n; i++) m[i] = (byte) (rnd.nextDouble() < density ? 1 : 0);
			final double[] sp = dims.length == 2 ? new double[] { 0.3, 0.5 } : new double[] { 0.3, 0.5, 1.1 };
			final int[] labels = FibreDetection.watershed(m, dims, sp, Double.POSITIVE_INFINITY);
			// brute force: flood each component with 8- (2D) / 26- (3D) adjacency by repeated relaxation
			final int[] ref = new int[n];
			for (int i = 0; i < n; i++) ref[i] = m[i] != 0 ? i + 1 : 0;
			boolean changed = true;
			while (changed) {
				changed = false;
				for (int i = 0; i < n; i++) {
					if (ref[i] == 0) continue;
					for (int j = 0; j < n; j++) {
						if (ref[j] == 0 || ref[j] >= ref[i] || !adjacent(i, j, dims)) continue;
						ref[i] = ref[j];
						changed = true;
					}
				}
			}
			// same partition: the label ↔ reference-component correspondence is one-to-one
			final java.util.Map<Integer, Integer> toRef = new java.util.HashMap<>(), toLabel = new java.util.HashMap<>();
			int mismatches = 0;
			for (int i = 0; i < n; i++) {
				if ((labels[i] == 0) != (m[i] == 0)) mismatches++;
				if (m[i] == 0) continue;
				final Integer r = toRef.putIfAbsent(labels[i], ref[i]);
				if (r != null && r != ref[i]) mismatches++;
				final Integer l = toLabel.putIfAbsent(ref[i], labels[i]);
				if (l != null && l != labels[i]) mismatches++;
			}
			assertThat(mismatches).isZero();
			assertThat(toRef).hasSizeGreaterThan(5);
		}
	}

	private static boolean adjacent(final int i, final int j, final int[] dims) {
		int a = i, b = j;
		for (final int d : dims) {
			if (Math.abs(a % d - b % d) > 1) return false;
			a /= d;
			b /= d;
		}
		return i != j;
	}

	@Test
	void badInput() {
		assertThatThrownBy(() -> FibreDetection.detect(new float[10], new int[] { 2, 5 }, new double[] { 1, 1 }, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settings");
		assertThatThrownBy(() -> FibreDetectionSettings.builder().smoothingSigmaUm(-1).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smoothingSigmaUm");
		assertThatThrownBy(() -> FibreDetectionSettings.builder().minAreaUm2(Double.NaN).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minAreaUm2");
	}
}
