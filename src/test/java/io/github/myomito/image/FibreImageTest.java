package io.github.myomito.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

class FibreImageTest {

	@Test
	void uncalibratedImageWarnsAndUsesPixels() {
		final FibreImage img = FibreImage.builder().channel(ArrayImgs.floats(4, 3), ChannelRole.MITOCHONDRIA).source("a.tif").build();
		assertThat(img.unit()).isEqualTo(FibreImage.PIXELS);
		assertThat(img.isCalibrated()).isFalse();
		assertThat(img.spacing()).containsExactly(1.0, 1.0);
		assertThat(img.warnings()).anyMatch(w -> w.contains("calibration"));
	}

	@Test
	void calibratedImageKeepsSpacing() {
		final FibreImage img = FibreImage.builder().channel(ArrayImgs.floats(4, 3, 2), ChannelRole.MITOCHONDRIA)
			.channel(ArrayImgs.floats(4, 3, 2), ChannelRole.LC3).spacing(0.1, 0.1, 0.3).build();
		assertThat(img.is3D()).isTrue();
		assertThat(img.indexOf(ChannelRole.LC3)).isEqualTo(1);
		assertThat(img.pixelMeasure()).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(img.warnings()).isEmpty();
	}

	@Test
	void rejectsMismatchedChannelsAndBadSpacing() {
		assertThatThrownBy(() -> FibreImage.builder().channel(ArrayImgs.floats(4, 3), null).channel(ArrayImgs.floats(4, 4), null).build())
			.hasMessageContaining("size");
		assertThatThrownBy(() -> FibreImage.builder().channel(ArrayImgs.floats(4, 3), null).spacing(0.1, -1).build())
			.hasMessageContaining("positive");
		assertThatThrownBy(() -> FibreImage.builder().channel(ArrayImgs.floats(4, 3), null).source("x.tif").build().channel(2))
			.hasMessageContaining("x.tif").hasMessageContaining("channel 3");
	}

	@Test
	void floatArrayImgIsNotCopied() {
		final float[] data = new float[12];
		assertThat(Pixels.floats(Pixels.wrap(data, 4, 3))).isSameAs(data);
	}
}
