package io.github.myomito.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import io.github.myomito.image.ij.ImageFiles;
import io.github.myomito.testing.StackFixtures;
import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code skeleton} command: AnalyzeSkeleton-style counts of a skeleton, or of a mask thinned first. */
class SkeletonCommandTest {

	private static Path write(final Path dir, final String name, final byte[] mask, final int[] dims, final double... spacing) throws Exception {
		final FibreImage img = FibreImage.builder().channel(Pixels.maskImage(mask, dims), ChannelRole.MITOCHONDRIA).spacing(spacing).source(name).build();
		final Path f = dir.resolve(name);
		ImageFiles.writeTiff(img, f);
		return f;
	}

	private static JsonObject json(final Object... args) {
		return JsonParser.parseString(Cli.ok(args).out).getAsJsonObject();
	}

	@Test
	void aThickCrossIsThinnedToFourArmsAroundOneJunction(@TempDir final Path tmp) throws Exception {
		// arms 5 px wide, 60 px across, 0.1 µm pixels
		final int w = 61, h = 61;
		final byte[] m = new byte[w * h];
		for (int t = 0; t < 61; t++)
			for (int o = -2; o <= 2; o++) {
				m[t + w * (30 + o)] = 1;
				m[30 + o + w * t] = 1;
			}
		final JsonObject j = json("skeleton", write(tmp, "cross.tif", m, new int[] { w, h }, 0.1, 0.1), "--format", "json");
		for (final String k : new String[] { "trees", "branches", "junctions", "endpoints", "triple_points", "quadruple_points", "loops", "total_length" })
			assertThat(j.has(k)).as(k).isTrue();
		assertThat(j.get("thinned").getAsBoolean()).isTrue();
		assertThat(j.get("trees").getAsInt()).isEqualTo(1);
		assertThat(j.get("branches").getAsInt()).isEqualTo(4);
		assertThat(j.get("junctions").getAsInt()).isEqualTo(1);
		assertThat(j.get("endpoints").getAsInt()).isEqualTo(4);
		assertThat(j.get("loops").getAsInt()).isZero();
		assertThat(j.get("unit").getAsString()).isEqualTo("µm");
		// two lines of 6.0 µm (pixel centres 0 to 60); thinning lets each of the four ends recede by at most half the
		// arm width (2.5 px)
		assertThat(j.get("total_length").getAsDouble()).isBetween(12.0 - 4 * 0.25, 12.0);
		assertThat(j.get("z_upsampling").getAsInt()).isEqualTo(1);
	}

	@Test
	void aSkeletonIsAnalysedAsItIs(@TempDir final Path tmp) throws Exception {
		// a one-pixel diamond ring |x − 15| + |y − 15| = 10 (no pixel of it is simple): one loop, no end-points,
		// 40 diagonal steps of 0.1 µm pixels
		final int w = 31;
		final byte[] m = new byte[w * w];
		for (int y = 0; y < w; y++)
			for (int x = 0; x < w; x++)
				if (Math.abs(x - 15) + Math.abs(y - 15) == 10) m[x + w * y] = 1;
		final JsonObject j = json("skeleton", write(tmp, "ring.tif", m, new int[] { w, w }, 0.1, 0.1));
		assertThat(j.get("thinned").getAsBoolean()).isFalse();
		assertThat(j.get("loops").getAsInt()).isEqualTo(1);
		assertThat(j.get("endpoints").getAsInt()).isZero();
		assertThat(j.get("total_voxel_length").getAsDouble()).isCloseTo(40 * Math.sqrt(2) * 0.1, within(1e-9));
	}

	@Test
	void aStackMaskIsThinnedOnCubicVoxels(@TempDir final Path tmp) throws Exception {
		// two one-slice crosses 1.5 µm apart joined by a 5 × 5 pixel pillar, 0.1 µm pixels and 0.3 µm slices: on the
		// stack's own grid the pillar thins to a clump that joins both junctions into one; on cubic voxels it is a
		// branch between two junctions of degree 5
		final JsonObject j = json("skeleton", write(tmp, "levels.tif", StackFixtures.twoLevelCrosses(), StackFixtures.twoLevelDims(), 0.1, 0.1, 0.3));
		assertThat(j.get("z_upsampling").getAsInt()).isEqualTo(3);
		assertThat(j.get("junctions").getAsInt()).isEqualTo(2);
		assertThat(j.get("branches").getAsInt()).isEqualTo(9);
		assertThat(j.get("endpoints").getAsInt()).isEqualTo(8);
		// the pillar is 1.5 µm between the crosses' centres
		assertThat(j.get("longest_shortest_path").getAsDouble()).isGreaterThan(3.0);
	}

	@Test
	void aNonBinaryImageIsRefusedWithItsName(@TempDir final Path tmp) throws Exception {
		final float[] v = { 0, 1, 2, 0 };
		final FibreImage img = FibreImage.builder().channel(ArrayImgs.floats(v, 2, 2), ChannelRole.MITOCHONDRIA).spacing(0.1, 0.1).source("grey").build();
		final Path f = tmp.resolve("grey.tif");
		ImageFiles.writeTiff(img, f);
		final Cli.Result r = Cli.run("skeleton", f);
		assertThat(r.code).isNotEqualTo(Main.OK);
		assertThat(r.err).contains("grey.tif").contains("not a binary image");
	}
}
