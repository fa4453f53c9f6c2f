package io.github.myomito.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * An immutable multi-channel image of a muscle fibre: the value every MyoMito algorithm works on.
 * <p>
 * Each channel is an imglib2 {@link RandomAccessibleInterval} of a {@link RealType} with the same
 * 2D ({@code x, y}) or 3D ({@code x, y, z}) interval. {@link #spacing()} gives the physical size of
 * a pixel/voxel along each axis in {@link #unit()} — micrometres when the source was calibrated,
 * {@code "pixel"} (spacing 1) otherwise, in which case {@link #warnings()} says so: MyoMito never
 * silently assumes micrometres.
 * <p>
 * The channel images are not copied (they usually wrap ImageJ pixel arrays); "immutable" refers to
 * this value's structure (channels, roles, spacing, names), not to the pixels.
 */
public final class FibreImage {

	/** Unit string used when the image is calibrated. */
	public static final String MICRONS = "µm";
	/** Unit string used when the image carries no calibration. */
	public static final String PIXELS = "pixel";

	private final List<RandomAccessibleInterval<? extends RealType<?>>> channels;
	private final List<ChannelRole> roles;
	private final double[] spacing;
	private final String unit;
	private final String source;
	private final List<String> warnings;

	private FibreImage(final Builder b) {
		if (b.channels.isEmpty()) throw new IllegalArgumentException("a FibreImage needs at least one channel");
		final RandomAccessibleInterval<?> first = b.channels.get(0);
		final int n = first.numDimensions();
		if (n < 2 || n > 3) throw new IllegalArgumentException("only 2D and 3D images are supported, got " + n + "D");
		for (final RandomAccessibleInterval<?> c : b.channels) {
			if (c.numDimensions() != n) throw new IllegalArgumentException("channels differ in dimensionality");
			for (int d = 0; d < n; d++)
				if (c.dimension(d) != first.dimension(d) || c.min(d) != first.min(d))
					throw new IllegalArgumentException("channels differ in size");
		}
		final double[] sp = b.spacing == null ? filled(n, 1.0) : b.spacing.clone();
		if (sp.length != n) throw new IllegalArgumentException("spacing has " + sp.length + " entries for a " + n + "D image");
		for (final double s : sp)
			if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("spacing must be positive and finite: " + Arrays.toString(sp));
		this.channels = Collections.unmodifiableList(new ArrayList<>(b.channels));
		final List<ChannelRole> r = new ArrayList<>(b.roles);
		while (r.size() < channels.size()) r.add(ChannelRole.OTHER);
		if (r.size() > channels.size()) throw new IllegalArgumentException("more roles than channels");
		this.roles = Collections.unmodifiableList(r);
		this.spacing = sp;
		this.unit = b.unit == null ? (b.spacing == null ? PIXELS : MICRONS) : b.unit;
		this.source = b.source == null ? "unnamed" : b.source;
		final List<String> w = new ArrayList<>(b.warnings);
		if (PIXELS.equals(this.unit) && w.stream().noneMatch(s -> s.contains("calibration")))
			w.add("no spatial calibration: lengths and areas are in pixels");
		this.warnings = Collections.unmodifiableList(w);
	}

	private static double[] filled(final int n, final double v) {
		final double[] a = new double[n];
		Arrays.fill(a, v);
		return a;
	}

	/** @return a new builder. */
	public static Builder builder() {
		return new Builder();
	}

	/** @return a builder pre-filled with this image's contents, to derive a modified copy. */
	public Builder toBuilder() {
		final Builder b = new Builder();
		b.channels.addAll(channels);
		b.roles.addAll(roles);
		b.spacing = spacing.clone();
		b.unit = unit;
		b.source = source;
		b.warnings.addAll(warnings);
		return b;
	}

	/** @return number of spatial dimensions (2 or 3). */
	public int numDimensions() {
		return channels.get(0).numDimensions();
	}

	/** @return {@code true} for z-stacks. */
	public boolean is3D() {
		return numDimensions() == 3;
	}

	/** @return image size along each axis in pixels. */
	public long[] dimensions() {
		return channels.get(0).dimensionsAsLongArray();
	}

	/** @return number of channels. */
	public int numChannels() {
		return channels.size();
	}

	/** @param c zero-based channel index; @return the channel image. */
	@SuppressWarnings("unchecked")
	public <T extends RealType<T>> RandomAccessibleInterval<T> channel(final int c) {
		if (c < 0 || c >= channels.size())
			throw new IllegalArgumentException(source + ": channel " + (c + 1) + " does not exist (image has " + channels.size() + " channel" + (channels.size() == 1 ? "" : "s") + ")");
		return (RandomAccessibleInterval<T>) channels.get(c);
	}

	/** @return all channels, unmodifiable. */
	public List<RandomAccessibleInterval<? extends RealType<?>>> channels() {
		return channels;
	}

	/** @return the role of each channel, unmodifiable. */
	public List<ChannelRole> roles() {
		return roles;
	}

	/** @return the index of the first channel with this role, or -1. */
	public int indexOf(final ChannelRole role) {
		return roles.indexOf(role);
	}

	/** @return physical pixel/voxel size per axis, in {@link #unit()} (a copy). */
	public double[] spacing() {
		return spacing.clone();
	}

	/** @return {@link #MICRONS} or {@link #PIXELS}. */
	public String unit() {
		return unit;
	}

	/** @return {@code true} when spacing is a real physical calibration. */
	public boolean isCalibrated() {
		return !PIXELS.equals(unit);
	}

	/** @return the name of the file or window the image came from. */
	public String source() {
		return source;
	}

	/** @return quality warnings attached while reading (e.g. missing calibration), unmodifiable. */
	public List<String> warnings() {
		return warnings;
	}

	/** @return area (2D) or volume (3D) of one pixel/voxel in unit² / unit³. */
	public double pixelMeasure() {
		double m = 1;
		for (final double s : spacing) m *= s;
		return m;
	}

	@Override
	public String toString() {
		return "FibreImage[" + source + ", " + Arrays.toString(dimensions()) + " px, spacing " + Arrays.toString(spacing) + " " + unit + ", roles " + roles + "]";
	}

	/** Builder for {@link FibreImage}. */
	public static final class Builder {
		private final List<RandomAccessibleInterval<? extends RealType<?>>> channels = new ArrayList<>();
		private final List<ChannelRole> roles = new ArrayList<>();
		private final List<String> warnings = new ArrayList<>();
		private double[] spacing;
		private String unit;
		private String source;

		private Builder() {}

		/** Adds a channel with the given role. */
		public Builder channel(final RandomAccessibleInterval<? extends RealType<?>> img, final ChannelRole role) {
			while (roles.size() < channels.size()) roles.add(ChannelRole.OTHER);
			channels.add(Objects.requireNonNull(img));
			roles.add(role == null ? ChannelRole.OTHER : role);
			return this;
		}

		/** Sets the role of channel {@code c} (zero-based). */
		public Builder role(final int c, final ChannelRole role) {
			while (roles.size() < channels.size()) roles.add(ChannelRole.OTHER);
			if (c < 0 || c >= channels.size()) throw new IllegalArgumentException("channel " + (c + 1) + " does not exist (image has " + channels.size() + " channels)");
			for (int i = 0; i < roles.size(); i++)
				if (i != c && roles.get(i) == role && role != ChannelRole.OTHER) roles.set(i, ChannelRole.OTHER);
			roles.set(c, role);
			return this;
		}

		/** Sets the physical spacing in micrometres (marks the image calibrated). */
		public Builder spacing(final double... umPerPixel) {
			this.spacing = umPerPixel.clone();
			this.unit = MICRONS;
			return this;
		}

		/** Declares the image uncalibrated: spacing 1 pixel, unit "pixel", with a warning. */
		public Builder uncalibrated() {
			this.spacing = null;
			this.unit = PIXELS;
			return this;
		}

		/** Sets the source name (file name or window title). */
		public Builder source(final String name) {
			this.source = name;
			return this;
		}

		/** Adds a quality warning. */
		public Builder warning(final String w) {
			warnings.add(w);
			return this;
		}

		/** @return the immutable image. */
		public FibreImage build() {
			return new FibreImage(this);
		}
	}
}
