package io.github.myomito.image.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePlusBridgeTest {

	@Test
	void wraps2DWithoutCopyingForEveryBitDepth() {
		for (final int bits : new int[] { 8, 16, 32 }) {
			final ImagePlus imp = IJ.createImage("t" + bits, bits + "-bit black", 7, 5, 1);
			imp.getProcessor().putPixelValue(3, 2, 42);
			final FibreImage img = ImagePlusBridge.wrap(imp, ChannelRole.MITOCHONDRIA);
			assertThat(img.dimensions()).containsExactly(7, 5);
			assertThat(value(img.channel(0), 3, 2)).isEqualTo(42);
			final Object storage = ((ArrayImg<?, ?>) img.channel(0)).update(null);
			assertThat(storageArray(storage)).isSameAs(imp.getProcessor().getPixels());
			// writes through the wrapper are visible in ImageJ
			imp.getProcessor().putPixelValue(1, 1, 7);
			assertThat(value(img.channel(0), 1, 1)).isEqualTo(7);
		}
	}

	@Test
	void wrapsMultiChannelStackAsPlanarImgsSharingSliceArrays() {
		final ImagePlus imp = IJ.createImage("hs", "16-bit black", 6, 4, 2, 3, 1);
		imp.getStack().getProcessor(imp.getStackIndex(2, 3, 1)).putPixelValue(5, 3, 1234);
		imp.getCalibration().setUnit("nm");
		imp.getCalibration().pixelWidth = 100;
		imp.getCalibration().pixelHeight = 100;
		imp.getCalibration().pixelDepth = 300;
		final FibreImage img = ImagePlusBridge.wrap(imp, ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		assertThat(img.numChannels()).isEqualTo(2);
		assertThat(img.dimensions()).containsExactly(6, 4, 3);
		assertThat(img.spacing()).containsExactly(0.1, 0.1, 0.3);
		assertThat(img.isCalibrated()).isTrue();
		assertThat(img.roles()).containsExactly(ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		final PlanarImg<?, ?> lc3 = (PlanarImg<?, ?>) img.channel(1);
		assertThat(((ShortArray) lc3.getPlane(2)).getCurrentStorageArray()).isSameAs(imp.getStack().getPixels(imp.getStackIndex(2, 3, 1)));
		assertThat(value3(img.channel(1), 5, 3, 2)).isEqualTo(1234);
		assertThat(value3(img.channel(0), 5, 3, 2)).isEqualTo(0);
	}

	@Test
	void rgbBecomesThreeChannelsAndMissingCalibrationWarns() {
		final ColorProcessor cp = new ColorProcessor(3, 2);
		cp.set(1, 1, (10 << 16) | (20 << 8) | 30);
		final FibreImage img = ImagePlusBridge.wrap(new ImagePlus("rgb", cp));
		assertThat(img.numChannels()).isEqualTo(3);
		assertThat(value(img.channel(0), 1, 1)).isEqualTo(10);
		assertThat(value(img.channel(1), 1, 1)).isEqualTo(20);
		assertThat(value(img.channel(2), 1, 1)).isEqualTo(30);
		assertThat(img.isCalibrated()).isFalse();
		assertThat(img.warnings()).anyMatch(w -> w.contains("calibration"));
	}

	@Test
	void timeSeriesAreRejectedByName() {
		final ImagePlus imp = IJ.createImage("movie", "8-bit black", 4, 4, 1, 1, 3);
		assertThatThrownBy(() -> ImagePlusBridge.wrap(imp)).hasMessageContaining("movie").hasMessageContaining("frames");
	}

	@Test
	void tiffRoundTripKeepsPixelsChannelsAndCalibration(@TempDir final Path dir) throws Exception {
		final ImagePlus imp = IJ.createImage("hs", "32-bit black", 8, 6, 2, 2, 1);
		final ImageStack st = imp.getStack();
		for (int i = 1; i <= st.getSize(); i++) st.getProcessor(i).putPixelValue(i, i, 10.5 * i);
		imp.getCalibration().setUnit("micron");
		imp.getCalibration().pixelWidth = 0.08;
		imp.getCalibration().pixelHeight = 0.08;
		imp.getCalibration().pixelDepth = 0.25;
		final FibreImage img = ImagePlusBridge.wrap(imp, ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		final Path f = dir.resolve("round.tif");
		ImageFiles.writeTiff(img, f);
		final FibreImage back = ImageFiles.read(f, ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		assertThat(back.dimensions()).containsExactly(8, 6, 2);
		assertThat(back.spacing()).containsExactly(0.08, 0.08, 0.25);
		for (int c = 0; c < 2; c++)
			assertThat(Pixels.floats(back.channel(c))).containsExactly(Pixels.floats(img.channel(c)));
		try (var s = Files.list(dir)) {
			assertThat(s.map(p -> p.getFileName().toString())).containsExactly("round.tif");
		}
	}

	@Test
	void unreadableFilesGiveOneLineErrorsNamingTheFile(@TempDir final Path dir) throws Exception {
		final Path missing = dir.resolve("nope.tif");
		assertThatThrownBy(() -> ImageFiles.read(missing)).hasMessageContaining("nope.tif").hasMessageContaining("no such file");
		final Path text = dir.resolve("notes.tif");
		Files.writeString(text, "this is not an image\n");
		assertThatThrownBy(() -> ImageFiles.read(text)).hasMessageContaining("notes.tif").hasMessageContaining("not an image");
	}

	private static double value(final RandomAccessibleInterval<? extends RealType<?>> img, final int x, final int y) {
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		ra.setPosition(new long[] { x, y });
		return ra.get().getRealDouble();
	}

	private static double value3(final RandomAccessibleInterval<? extends RealType<?>> img, final int x, final int y, final int z) {
		final RandomAccess<? extends RealType<?>> ra = img.randomAccess();
		ra.setPosition(new long[] { x, y, z });
		return ra.get().getRealDouble();
	}

	private static Object storageArray(final Object access) {
		if (access instanceof net.imglib2.img.basictypeaccess.array.ByteArray) return ((net.imglib2.img.basictypeaccess.array.ByteArray) access).getCurrentStorageArray();
		if (access instanceof ShortArray) return ((ShortArray) access).getCurrentStorageArray();
		return ((net.imglib2.img.basictypeaccess.array.FloatArray) access).getCurrentStorageArray();
	}
}
