package io.github.myomito.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.myomito.image.Pixels;

class LabelingTest {

	@Test
	void diagonalPairIsOneObjectWithFullAndTwoWithFaceConnectivity() {
		final byte[] m = new byte[9];
		m[0] = 1; // (0,0)
		m[4] = 1; // (1,1)
		final int[] dims = { 3, 3 };
		assertThat(Labeling.label(m, dims, Connectivity.FULL).count()).isEqualTo(1);
		assertThat(Labeling.label(m, dims, Connectivity.FACE).count()).isEqualTo(2);
	}

	@Test
	void threeDCornerAndEdgeNeighbours() {
		final int[] dims = { 3, 3, 3 };
		final byte[] corner = new byte[27];
		corner[0] = 1;
		corner[1 + 3 * (1 + 3 * 1)] = 1; // (1,1,1)
		assertThat(Labeling.label(corner, dims, Connectivity.FULL).count()).isEqualTo(1);
		assertThat(Labeling.label(corner, dims, Connectivity.FACE).count()).isEqualTo(2);
		final byte[] edge = new byte[27];
		edge[2] = 1; // (2,0,0)
		edge[1 + 3 * 3 * 1] = 1; // (1,0,1)
		assertThat(Labeling.label(edge, dims, Connectivity.FULL).count()).isEqualTo(1);
		assertThat(Labeling.label(edge, dims, Connectivity.FACE).count()).isEqualTo(2);
		final byte[] face = new byte[27];
		face[4] = 1; // (1,1,0)
		face[13] = 1; // (1,1,1)
		assertThat(Labeling.label(face, dims, Connectivity.FACE).count()).isEqualTo(1);
	}

	@Test
	void knownShapesGetRasterOrderLabelsSizesAndBounds() {
		final int w = 10, h = 8;
		final byte[] m = new byte[w * h];
		// a 3x2 rectangle at x 6..8, y 1..2 (first in raster order), then a U shape starting at y 3
		for (int y = 1; y <= 2; y++)
			for (int x = 6; x <= 8; x++) m[x + w * y] = 1;
		for (int y = 3; y <= 6; y++) {
			m[1 + w * y] = 1;
			m[4 + w * y] = 1;
		}
		for (int x = 1; x <= 4; x++) m[x + w * 6] = 1;
		final Labels l = Labeling.label(m, new int[] { w, h }, Connectivity.FACE);
		assertThat(l.count()).isEqualTo(2);
		assertThat(l.label(6 + w)).isEqualTo(1);
		assertThat(l.label(1 + w * 3)).isEqualTo(2);
		assertThat(l.label(4 + w * 3)).isEqualTo(2); // the U's two arms merge at the bottom
		assertThat(l.sizes()).containsExactly(w * h - 6 - 10, 6, 10);
		assertThat(l.bounds(1)).containsExactly(6, 1, 8, 2);
		assertThat(l.bounds(2)).containsExactly(1, 3, 4, 6);
		assertThatThrownBy(() -> l.bounds(3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void randomMasksMatchABruteForceFloodFill() {
		final Random r = new Random(42);
		final int[][] shapes = { { 31, 17 }, { 13, 11, 7 } };
		for (final int[] dims : shapes)
			for (final Connectivity c : Connectivity.values()) {
				final int n = Pixels.size(dims);
				final byte[] m = new byte[n];
				for (int i = 0; i < n; i++) m[i] = (byte) (r.nextDouble() < 0.45 ? 1 : 0);
				final Labels l = Labeling.label(m, dims, c);
				final int[] ref = io.github.myomito.testing.ReferenceComponents.label(m, dims, c == Connectivity.FULL);
				int refCount = 0;
				for (final int v : ref) refCount = Math.max(refCount, v);
				assertThat(l.count()).isEqualTo(refCount);
				// same partition: the raster-order numbering of the flood fill is identical by construction
				for (int i = 0; i < n; i++) assertThat(l.label(i)).isEqualTo(ref[i]);
			}
	}

	@Test
	void fillHolesFillsARingButNotTheOutside() {
		final int w = 12, h = 12;
		final byte[] m = new byte[w * h];
		for (int y = 2; y <= 8; y++)
			for (int x = 2; x <= 8; x++)
				if (x == 2 || x == 8 || y == 2 || y == 8) m[x + w * y] = 1;
		// a U open to the top border encloses no hole
		for (int y = 0; y <= 4; y++) {
			m[9 + w * y] = 1;
			m[11 + w * y] = 1;
		}
		m[10 + w * 4] = 1;
		final byte[] f = Morphology.fillHoles(m, new int[] { w, h });
		int n = 0;
		for (final byte b : f) n += b;
		assertThat(n).isEqualTo(7 * 7 + 11);
		assertThat(f[10 + w * 2]).isEqualTo((byte) 0);
		assertThat(f[5 + w * 5]).isEqualTo((byte) 1);
		assertThat(f[0]).isEqualTo((byte) 0);
		// a hole touching the border through a diagonal gap only is still a hole (face connectivity)
		final byte[] diag = new byte[25];
		for (int i = 0; i < 25; i++) diag[i] = 1;
		diag[1 + 5 * 1] = 0; // interior pixel (1,1): its only background neighbours would be diagonal (0,0)
		diag[0] = 0;
		final byte[] fd = Morphology.fillHoles(diag, new int[] { 5, 5 });
		assertThat(fd[6]).isEqualTo((byte) 1);
		assertThat(fd[0]).isEqualTo((byte) 0);
	}

	@Test
	void fillHolesIn3DFillsAHollowCube() {
		final int s = 6;
		final byte[] m = new byte[s * s * s];
		for (int z = 1; z <= 4; z++)
			for (int y = 1; y <= 4; y++)
				for (int x = 1; x <= 4; x++)
					if (x == 1 || x == 4 || y == 1 || y == 4 || z == 1 || z == 4) m[x + s * (y + s * z)] = 1;
		final byte[] f = Morphology.fillHoles(m, new int[] { s, s, s });
		int n = 0;
		for (final byte b : f) n += b;
		assertThat(n).isEqualTo(64);
	}

	@Test
	void removeSmallUsesSquareMicrometres() {
		final int w = 20, h = 6;
		final byte[] m = new byte[w * h];
		// objects of 4, 5 and 9 pixels; with 0.1 µm pixels that is 0.04, 0.05 and 0.09 µm²
		for (int x = 0; x < 4; x++) m[x + w] = 1;
		for (int x = 6; x < 11; x++) m[x + w] = 1;
		for (int y = 1; y <= 3; y++)
			for (int x = 13; x <= 15; x++) m[x + w * y] = 1;
		final byte[] out = Morphology.removeSmall(m, new int[] { w, h }, new double[] { 0.1, 0.1 }, 0.05, Connectivity.FULL);
		assertThat(Labeling.label(out, new int[] { w, h }, Connectivity.FULL).sizes()).containsExactly(w * h - 14, 5, 9);
		// anisotropic 3D: voxel 0.1 × 0.1 × 0.5 = 0.005 µm³
		final byte[] v = new byte[8 * 8 * 2];
		for (int i = 0; i < 9; i++) v[i] = 1; // row y=0 of z=0 plus (0,1,0): 9 voxels = 0.045 µm³
		v[5 + 8 * 3 + 64] = 1; // single voxel (5,3,1): 0.005 µm³
		for (int x = 0; x < 8; x++) v[x + 8 * 6 + 64] = 1; // row y=6 of z=1: 8 voxels = exactly 0.04 µm³
		final byte[] vo = Morphology.removeSmall(v, new int[] { 8, 8, 2 }, new double[] { 0.1, 0.1, 0.5 }, 0.04, Connectivity.FACE);
		assertThat(vo[0]).isEqualTo((byte) 1);
		assertThat(vo[5 + 8 * 3 + 64]).isEqualTo((byte) 0);
		assertThat(vo[3 + 8 * 6 + 64]).isEqualTo((byte) 1);
		assertThatThrownBy(() -> Morphology.removeSmall(m, new int[] { w, h }, new double[] { 0.1 }, 0.05, Connectivity.FULL))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
		assertThatThrownBy(() -> Labeling.label(m, new int[] { 7, 7 }, Connectivity.FULL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
	}
}
