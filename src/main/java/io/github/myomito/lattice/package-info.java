/**
 * Muscle-fibre lattice measures: the fibre axis ({@link io.github.myomito.lattice.FibreAxis}), branch
 * orientation relative to it ({@link io.github.myomito.lattice.Orientation}), the sarcomeric periodicity of
 * the mitochondrial signal along it ({@link io.github.myomito.lattice.Periodicity}), a single lattice score
 * ({@link io.github.myomito.lattice.LatticeIndex}), and automatic fibre regions with their subsarcolemmal
 * band ({@link io.github.myomito.lattice.FibreDetection}).
 * <p>
 * Biology: in oxidative fibres the intermyofibrillar mitochondria form a lattice of transverse elements,
 * paired at the I-band on either side of each Z-line every sarcomere (~2–2.6 µm), joined by longitudinal
 * elements; glycolytic fibres show a fragmented pattern.
 * <p>
 * Conventions shared by every class here: images are flat arrays in the order {@code x + w*(y + h*z)} with
 * {@code int[] dims} and {@code double[] spacing} (µm per pixel per axis); masks are bytes (non-zero =
 * foreground), labels are ints (0 = background). Every size parameter is in µm. Angles follow ImageJ:
 * degrees counter-clockwise from the x axis of the <em>displayed</em> image (pixel y points down, so a
 * pixel-coordinate direction {@code (dx, dy)} has angle {@code atan2(-dy, dx)}), and axis angles are folded
 * to [0°, 180°). 3D stacks are analysed in the x–y plane (see each method).
 */
package io.github.myomito.lattice;
