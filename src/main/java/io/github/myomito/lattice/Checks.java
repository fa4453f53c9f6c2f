package io.github.myomito.lattice;

/** Argument checks shared by the lattice classes (package-private). */
final class Checks {

	private Checks() {}

	/** Validates 2D/3D dims and positive finite spacing; @return the number of pixels. */
	static int image(final int[] dims, final double[] spacing) {
		if (dims == null || spacing == null) throw new IllegalArgumentException("dims and spacing must not be null");
		if (dims.length < 2 || dims.length > 3) throw new IllegalArgumentException("only 2D and 3D images are supported, got " + dims.length + "D");
		if (spacing.length != dims.length) throw new IllegalArgumentException("spacing has " + spacing.length + " entries for a " + dims.length + "D image");
		long n = 1;
		for (final int d : dims) {
			if (d < 1) throw new IllegalArgumentException("image dimensions must be positive: " + java.util.Arrays.toString(dims));
			n *= d;
		}
		for (final double s : spacing)
			if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("spacing must be positive and finite: " + java.util.Arrays.toString(spacing));
		if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("image too large: " + n + " pixels");
		return (int) n;
	}

	static void length(final String what, final int actual, final int expected) {
		if (actual != expected) throw new IllegalArgumentException(what + " has " + actual + " elements, expected " + expected + " (product of dims)");
	}

	static void positive(final String what, final double v) {
		if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
	}

	/** Folds an angle in degrees to [0, 180). */
	static double fold180(final double deg) {
		double a = deg % 180.0;
		if (a < 0) a += 180.0;
		if (a >= 180.0) a -= 180.0;
		return a + 0.0; // no -0.0
	}
}
