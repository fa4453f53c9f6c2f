package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.progress.Progress;
import io.github.myomito.segment.DistanceTransform;
import io.github.myomito.segment.Gauss;
import net.imglib2.img.array.ArrayImgs;

/**
 * Deterministic generator of longitudinal muscle-fibre fluorescence phantoms with exact ground truth.
 * <p>
 * <b>Geometry.</b> A centre-line graph is generated in fibre coordinates (u along the axis, v across,
 * z) and mapped to image µm by {@code x = c_x + u cos a + v sin a}, {@code y = c_y − u sin a + v cos a}.
 * <ul>
 * <li>Lattice patterns: nodes on a grid with rows every sarcomere ({@code u_i = u_0 + i·S}) and columns
 * every myofibril spacing ({@code v_k = v_0 + k·M}), each jittered uniformly by ±3 % of S along u and ±8 %
 * of M along v; transverse elements join neighbouring columns of a row (I-band), longitudinal elements
 * neighbouring rows of a column, and in 3D z elements join stacked lattice levels. Each element is present
 * iff its uniform draw is below {@code connectivity}; a present in-plane element is cut in the middle by a
 * fission gap (two stubs, edge gap 3 pixels) iff its second draw is below {@code fragmentation}. The same
 * draws are made whatever the parameters, so for one seed the lattice only gains elements as connectivity
 * rises (Picard et al., "Mitochondrial morphology transitions and functions: implications for retrograde
 * signaling?", Am. J. Physiol. Regul. Integr. Comp. Physiol. 304:R393, 2013, doi:10.1152/ajpregu.00584.2012,
 * and Glancy et al., "Mitochondrial reticulum for cellular energy distribution in muscle", Nature 523:617,
 * 2015, doi:10.1038/nature14614, describe the I-band / longitudinal organisation).</li>
 * <li>Fragment patterns: {@code round(density·L·W/100)} objects (× the number of µm of stack depth in 3D)
 * placed uniformly by rejection sampling: puncta (share {@code 0.2 + 0.6·fragmentation}), otherwise rods
 * (70 % within ±12° of transverse, else of longitudinal), joined to one or two side arms (60–120° to the
 * rod) with probability {@code connectivity}. In glycolytic fibres the transverse rods are centred on the
 * I-band rows {@code u_i = (i − (rows − 1)/2)·S} (± 3 % of S), as their mitochondria pair at the I-bands. A placement is rejected when any of its capsules comes closer
 * than {@code r_1 + r_2 + 3 px} (3 voxels of the coarsest axis in 3D) to an existing one, so separate
 * objects never touch (50 tries per object; objects that do not fit are left out and the truth says so).</li>
 * <li>Subsarcolemmal band (optional): short longitudinal rods along both fibre edges, placed the same way.</li>
 * </ul>
 * Rendering: a voxel is in the true mask iff its centre is within the radius of a branch segment or a
 * punctum centre (distance computed in µm with the anisotropic spacing), or it lies in a digitisation
 * pinhole of at most 2 enclosed voxels, which is filled (see {@code fillPinholes}). In 3D all in-plane elements lie
 * exactly on slices. Segment–segment distances for rejection use the convexity of
 * {@code s ↦ dist(A(s), [B])} (golden-section search).
 * <p>
 * <b>LC3.</b> {@code n = round(ρ·L·W/100)} puncta, of which exactly {@code round(level·n)} are centred on a
 * uniformly (length-weighted) chosen point of an in-plane centre-line segment or a punctum centre, the rest
 * on voxels chosen uniformly among those inside the fibre at a distance ≥ radius + 2 voxels from every mask
 * voxel (exact distance transform). Puncta keep a centre distance of at least
 * {@value #LC3_SEPARATION_RADII} radii from each other, so that each is resolvable as in a real image
 * (an on-mitochondria punctum is redrawn up to {@value #PLACEMENT_TRIES} times, an off one passes over
 * crowded candidates; only when no room is left is a closer placement accepted).
 * <p>
 * <b>Optics.</b> Expected photons {@code λ = G_σ * (P·mask) + B(x)} (and {@code G_σ * (Σ blobs +
 * P_diffuse·fibre) + B(x)} for LC3, each punctum a Gaussian blob {@code P_LC3·exp(−2d²/r²)} (σ = r/2)
 * truncated at its radius r), with the separable Gaussian PSF {@link Gauss} and background
 * {@code B(x) = B_0 (1 + g (x/(w−1) − ½))}; counts {@code k ~ Poisson(λ)} sampled by Knuth's
 * multiplication method for λ &lt; 30 (D. E. Knuth, TAOCP vol. 2, 3rd ed., §3.4.1) and by the normal
 * approximation {@code round(λ + √λ·N(0,1))} above; grey value {@code round(gain·k + σ_read·N(0,1))}
 * clipped to [0, 65535]. All randomness comes from {@link Random} streams derived from the seed.
 * <p>
 * <b>Supersampling</b> ({@link PhantomSettings#supersample()} = k &gt; 1): the mask, the LC3 image and the PSF blur
 * are computed on a grid of pitch p/k in x and y, sub-pixel {@code j = k·i + m} centred at
 * {@code i·p + (m − (k − 1)/2)·p/k} so that the k sub-pixels of camera pixel i are centred on it; the camera pixel's
 * expected photons are the mean of its k × k blurred sub-pixels, {@code λ_i = (1/k²) Σ (G_σ * P)(sub-pixels)}, i.e.
 * the area integral of the image over the pixel (pixel-integrated sampling), before background, Poisson, gain and
 * read noise per camera pixel (the same random draws as k = 1). The true mask on the camera grid marks a pixel
 * whose sub-pixels are more than half foreground (exact halves by a checkerboard, see {@link #majority}); the truth graph is the same geometry in µm. This renders tubes
 * thinner than 2 camera pixels (0.3 µm tubes at 0.15–0.2 µm pixels) without gaps in the digital tube, where the
 * point-sampled render would miss whole pixel rows of a diagonal tube.
 */
public final class PhantomSimulator {

	/** Half-width of the uniform jitter of lattice nodes along u, as a fraction of the sarcomere. */
	static final double JITTER_U = 0.03;
	/** Half-width of the uniform jitter of lattice nodes along v, as a fraction of the myofibril spacing. */
	static final double JITTER_V = 0.08;
	private static final int TRIES = 50;

	private PhantomSimulator() {}

	/**
	 * Optical part of the supersampled gap rule, µm: above the PSF FWHM of the defaults (2.355 × 0.12 = 0.28 µm,
	 * 0.33 µm at σ 0.14), so that a gap is resolved by the optics and not only by the pixel grid.
	 */
	static final double SUPERSAMPLED_GAP_UM = 0.4;

	/**
	 * Minimum in-plane edge-to-edge gap between separate tubes: 3 pixels when point-sampled; when supersampled
	 * {@code max(2 p, 0.4 µm)} — an interval of length ≥ 2p always holds one whole camera pixel, which the
	 * area-integrated rendering keeps dark before the blur, and 0.4 µm is above the PSF FWHM
	 * ({@link #SUPERSAMPLED_GAP_UM}), so the gap stays the same in µm over pixel sizes up to 0.2 µm.
	 */
	static double minGapUm(final PhantomSettings s) {
		return s.supersample() > 1 ? Math.max(2 * s.pixelUm(), SUPERSAMPLED_GAP_UM) : 3 * s.pixelUm();
	}

	/**
	 * Minimum edge-to-edge gap between separate objects in any direction: 3 voxels of the coarsest axis in 3D, the
	 * in-plane gap ({@link #minGapUm}) in 2D.
	 */
	private static double gap3(final PhantomSettings s) {
		return s.zSlices() > 1 ? 3 * Math.max(s.pixelUm(), s.zStepUm()) : minGapUm(s);
	}

	/**
	 * Simulates without progress reporting; see {@link #simulate(PhantomSettings, Progress)}.
	 *
	 * @param settings validated parameters, seed included
	 * @return the image, its truth and its true mask
	 */
	public static Phantom simulate(final PhantomSettings settings) {
		return simulate(settings, Progress.NONE);
	}

	/**
	 * Generates the phantom described by {@code settings}. The same settings (seed included) always give
	 * identical pixels and truth.
	 *
	 * @param s validated parameters, seed included
	 * @param progress receives status and progress; may be {@code null}
	 * @return the image, its truth and its true mask
	 * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
	 */
	public static Phantom simulate(final PhantomSettings s, final Progress progress) {
		if (s == null) throw new IllegalArgumentException("settings must not be null");
		final Progress pr = progress == null ? Progress.NONE : progress;
		final double a = Math.toRadians(s.axisDeg());
		final double ca = Math.cos(a), sa = Math.sin(a);
		final double L = s.fibreLengthUm(), W = s.fibreWidthUm(), px = s.pixelUm();
		final boolean is3D = s.zSlices() > 1;
		final double hx = L / 2 * Math.abs(ca) + W / 2 * Math.abs(sa), hy = L / 2 * Math.abs(sa) + W / 2 * Math.abs(ca);
		final int w = (int) Math.ceil(2 * (hx + s.borderUm()) / px) + 1;
		final int h = (int) Math.ceil(2 * (hy + s.borderUm()) / px) + 1;
		final int[] dims = is3D ? new int[] { w, h, s.zSlices() } : new int[] { w, h };
		final double[] spacing = is3D ? new double[] { px, px, s.zStepUm() } : new double[] { px, px };
		final double cx = (w - 1) * px / 2, cy = (h - 1) * px / 2;
		final CentreLineGraph.Frame frame = (u, v, z, out) -> {
			out[0] = cx + u * ca + v * sa;
			out[1] = cy - u * sa + v * ca;
			out[2] = z;
		};
		final double[] axis = { ca, -sa, 0 };

		pr.status("phantom: generating " + s.pattern().id() + " geometry");
		final CentreLineGraph g = new CentreLineGraph();
		final Capsules caps = new Capsules();
		final double[] levels = levels(s);
		final Random geo = new Random(mix(s.seed(), 1));
		final Random ssr = new Random(mix(s.seed(), 2));
		if (s.pattern().isLattice()) {
			lattice(s, levels, g, caps, geo);
			if (s.subsarcolemmal()) subsarcolemmal(s, levels, g, caps, ssr);
		} else {
			if (s.subsarcolemmal()) subsarcolemmal(s, levels, g, caps, ssr);
			fragments(s, g, caps, geo);
		}
		pr.checkCancelled();

		final List<Truth.Node> nodes = new ArrayList<>();
		final List<Truth.Branch> branches = new ArrayList<>();
		g.reduce(frame, axis, nodes, branches);

		pr.status("phantom: rendering mask");
		// render grid: k × k sub-pixels per camera pixel in x, y; sub-pixel j of camera pixel i (j = k·i + m) has its
		// centre at i·p + (m − (k − 1)/2)·p/k, i.e. at j·p/k − off in camera coordinates
		final int k = s.supersample();
		final int[] rdims = is3D ? new int[] { w * k, h * k, s.zSlices() } : new int[] { w * k, h * k };
		final double[] rsp = is3D ? new double[] { px / k, px / k, s.zStepUm() } : new double[] { px / k, px / k };
		final double off = (k - 1) / 2.0 * px / k;
		final byte[] fine = new byte[rdims[0] * rdims[1] * (is3D ? s.zSlices() : 1)];
		render(nodes, branches, fine, rdims, rsp, off);
		final byte[] mask = k == 1 ? fine : majority(fine, rdims, k);
		long fg = 0;
		for (final byte b : mask) if (b != 0) fg++;
		pr.checkCancelled();

		pr.status("phantom: placing LC3 puncta");
		final Random lr = new Random(mix(s.seed(), 3));
		final List<Truth.Lc3Punctum> lc3 = lc3(s, nodes, branches, mask, dims, spacing, frame, ca, sa, cx, cy, lr);
		final Truth truth = new Truth(s, spacing, dims, nodes, branches, s.pattern().isLattice() || s.pattern() == Pattern.GLYCOLYTIC_FRAGMENTED ? s.sarcomereUm() : 0, lc3, fg);
		pr.checkCancelled();

		pr.status("phantom: optics and noise");
		final byte[] fibre = fibreFootprint(s, dims, px, ca, sa, cx, cy, 0);
		final byte[] fineFibre = k == 1 ? fibre : fibreFootprint(s, rdims, px / k, ca, sa, cx + off, cy + off, 0);
		final float[] mito = new float[fine.length];
		for (int i = 0; i < fine.length; i++) mito[i] = fine[i] != 0 ? (float) s.signalPhotons() : 0f;
		final float[] lc3img = new float[fine.length];
		for (int i = 0; i < fine.length; i++) if (fineFibre[i] != 0) lc3img[i] = (float) s.lc3DiffusePhotons();
		for (final Truth.Lc3Punctum p : lc3) blob(lc3img, rdims, rsp, off, p, s.lc3Photons(), s.lc3DiffusePhotons());
		final Random noise = new Random(mix(s.seed(), 4));
		final short[] c0 = optics(s, mito, rdims, k, noise);
		pr.progress(1, 2);
		final short[] c1 = optics(s, lc3img, rdims, k, noise);
		pr.progress(2, 2);
		final long[] ld = new long[dims.length];
		for (int d = 0; d < dims.length; d++) ld[d] = dims[d];
		final FibreImage image = FibreImage.builder()
			.channel(ArrayImgs.unsignedShorts(c0, ld), ChannelRole.MITOCHONDRIA)
			.channel(ArrayImgs.unsignedShorts(c1, ld), ChannelRole.LC3)
			.spacing(spacing)
			.source(s.pattern().id() + "_seed" + s.seed())
			.build();
		return new Phantom(image, truth, mask, fibre, dims);
	}

	/** z positions (µm) of the lattice levels / fragment planes: one plane at 0 in 2D. */
	private static double[] levels(final PhantomSettings s) {
		if (s.zSlices() == 1) return new double[] { 0 };
		final double dz = s.zStepUm();
		final double depth = (s.zSlices() - 1) * dz;
		final double sp = Math.ceil(Math.max(s.myofibrilUm(), s.tubeDiameterUm() + gap3(s)) / dz - 1e-9) * dz;
		final int n = Math.max(1, (int) Math.floor((depth - s.tubeDiameterUm()) / sp + 1e-9) + 1);
		final int stepSlices = (int) Math.round(sp / dz);
		final int first = (int) Math.round((s.zSlices() - 1 - (n - 1) * stepSlices) / 2.0);
		final double[] z = new double[n];
		for (int l = 0; l < n; l++) z[l] = (first + l * stepSlices) * dz;
		return z;
	}

	private static void lattice(final PhantomSettings s, final double[] levels, final CentreLineGraph g, final Capsules caps, final Random rnd) {
		final double S = s.sarcomereUm(), M = s.myofibrilUm(), r = s.tubeDiameterUm() / 2;
		final double vHalf = s.fibreWidthUm() / 2 - (s.subsarcolemmal() ? 1.6 : 0.5);
		final int cols = Math.max(2, (int) Math.floor(2 * vHalf / M + 1e-9) + 1);
		final int rows = rowCount(s);
		final double v0 = -(cols - 1) * M / 2, u0 = -(rows - 1) * S / 2;
		final int nl = levels.length;
		final int[] id = new int[nl * rows * cols];
		for (int l = 0; l < nl; l++)
			for (int i = 0; i < rows; i++)
				for (int k = 0; k < cols; k++) {
					final double u = u0 + i * S + (2 * rnd.nextDouble() - 1) * JITTER_U * S;
					final double v = v0 + k * M + (2 * rnd.nextDouble() - 1) * JITTER_V * M;
					id[(l * rows + i) * cols + k] = g.addNode(u, v, levels[l], r, false);
				}
		final double gap = minGapUm(s), minStub = Math.max(2 * r + 2 * s.pixelUm(), 0.3);
		for (int l = 0; l < nl; l++)
			for (int i = 0; i < rows; i++)
				for (int k = 0; k < cols; k++) {
					final int here = id[(l * rows + i) * cols + k];
					for (int dir = 0; dir < 3; dir++) {
						final int other;
						if (dir == 0) other = k + 1 < cols ? id[(l * rows + i) * cols + k + 1] : -1;
						else if (dir == 1) other = i + 1 < rows ? id[(l * rows + i + 1) * cols + k] : -1;
						else other = l + 1 < nl ? id[((l + 1) * rows + i) * cols + k] : -1;
						if (other < 0) continue;
						final double present = rnd.nextDouble(), split = rnd.nextDouble();
						if (present >= s.connectivity()) continue;
						final double du = g.u(other) - g.u(here), dv = g.v(other) - g.v(here), dz = g.z(other) - g.z(here);
						final double len = Math.sqrt(du * du + dv * dv + dz * dz);
						final double cut = 2 * r + gap;
						if (dir < 2 && split < s.fragmentation() && (len - cut) / 2 >= minStub) {
							final double t1 = (len - cut) / 2 / len, t2 = 1 - t1;
							final int p1 = g.addNode(g.u(here) + t1 * du, g.v(here) + t1 * dv, g.z(here), r, false);
							final int p2 = g.addNode(g.u(here) + t2 * du, g.v(here) + t2 * dv, g.z(here), r, false);
							g.addEdge(here, p1, r);
							g.addEdge(p2, other, r);
							caps.add(g, here, p1, r);
							caps.add(g, p2, other, r);
						} else {
							g.addEdge(here, other, r);
							caps.add(g, here, other, r);
						}
					}
				}
	}

	/** Number of I-band rows: {@code max(2, ⌊(L − 1 µm)/S⌋ + 1)}, centred on the fibre. */
	private static int rowCount(final PhantomSettings s) {
		return Math.max(2, (int) Math.floor((s.fibreLengthUm() - 1) / s.sarcomereUm() + 1e-9) + 1);
	}

	private static void subsarcolemmal(final PhantomSettings s, final double[] levels, final CentreLineGraph g, final Capsules caps, final Random rnd) {
		final double r = s.tubeDiameterUm() / 2, L = s.fibreLengthUm(), gap = gap3(s);
		final double minLen = Math.max(0.5, 3 * r + 2 * s.pixelUm());
		for (final double z : levels)
			for (int side = -1; side <= 1; side += 2) {
				double u = -L / 2 + r + 0.1 + 0.5 * rnd.nextDouble();
				while (true) {
					final double len = minLen + 1.2 * rnd.nextDouble();
					final double v = side * (s.fibreWidthUm() / 2 - 0.6 + 0.1 * (2 * rnd.nextDouble() - 1));
					if (u + len > L / 2 - r) break;
					final double[][] pts = { { u, v, z }, { u + len, v, z } };
					if (caps.fits(pts, new int[][] { { 0, 1 } }, r, gap)) {
						final int a = g.addNode(u, v, z, r, false), b = g.addNode(u + len, v, z, r, false);
						g.addEdge(a, b, r);
						caps.add(g, a, b, r);
					}
					u += len + 2 * r + gap + 0.05 + 0.8 * rnd.nextDouble();
				}
			}
	}

	private static void fragments(final PhantomSettings s, final CentreLineGraph g, final Capsules caps, final Random rnd) {
		final double L = s.fibreLengthUm(), W = s.fibreWidthUm(), r0 = s.tubeDiameterUm() / 2;
		final double vF = W / 2 - (s.subsarcolemmal() ? 1.1 : 0);
		final double depth = (s.zSlices() - 1) * s.zStepUm();
		final int n = (int) Math.round(s.fragmentDensityPer100um2() * L * W / 100 * Math.max(1, depth));
		final double gap = gap3(s);
		final double pPunctum = 0.2 + 0.6 * s.fragmentation();
		final double meanLen = 0.6 + 2.4 * (1 - s.fragmentation());
		final double[][] pts = new double[1][3];
		final double S = s.sarcomereUm();
		final int rows = rowCount(s);
		final boolean iBand = s.pattern() == Pattern.GLYCOLYTIC_FRAGMENTED;
		for (int o = 0; o < n; o++) {
			for (int t = 0; t < TRIES; t++) {
				final double uc = (2 * rnd.nextDouble() - 1) * L / 2, vc = (2 * rnd.nextDouble() - 1) * vF;
				final double z = s.zSlices() == 1 ? 0 : rnd.nextInt(s.zSlices()) * s.zStepUm();
				final boolean isPunctum = rnd.nextDouble() < pPunctum;
				if (isPunctum) {
					final double rp = r0 * (1 + 3 * s.swelling()) * (0.85 + 0.3 * rnd.nextDouble());
					if (Math.abs(uc) > L / 2 - rp || Math.abs(vc) > vF - rp) continue;
					pts[0][0] = uc; pts[0][1] = vc; pts[0][2] = z;
					if (!caps.fits(pts, new int[][] { { 0, 0 } }, rp, gap)) continue;
					final int id = g.addNode(uc, vc, z, rp, true);
					caps.add(g, id, id, rp);
					break;
				}
				final double rr = r0 * (1 + 0.5 * s.swelling());
				final double minLen = Math.max(0.5, 3 * rr + 2 * s.pixelUm());
				final boolean branched = rnd.nextDouble() < s.connectivity();
				double len = Math.max(minLen, meanLen * (0.6 + 0.8 * rnd.nextDouble()));
				if (branched) len = Math.max(len, 2.5 * minLen);
				final boolean transverse = rnd.nextDouble() < 0.7;
				final double phi = transverse ? Math.PI / 2 + Math.toRadians(12) * rnd.nextGaussian() : Math.toRadians(12) * rnd.nextGaussian();
				final double iBandJitter = (2 * rnd.nextDouble() - 1) * JITTER_U * S;
				// glycolytic fibres: transverse mitochondria sit at the I-bands, u_i = (i − (rows − 1)/2)·S
				final double um = iBand && transverse ? (Math.round(uc / S + (rows - 1) / 2.0) - (rows - 1) / 2.0) * S + iBandJitter : uc;
				final double du = Math.cos(phi), dv = Math.sin(phi);
				final double[] p0 = { um - du * len / 2, vc - dv * len / 2, z }, p1 = { um + du * len / 2, vc + dv * len / 2, z };
				final double[][] cand;
				final int[][] segs;
				if (!branched) {
					cand = new double[][] { p0, p1 };
					segs = new int[][] { { 0, 1 } };
				} else {
					final double tj = 0.35 + 0.3 * rnd.nextDouble();
					final double[] pj = { p0[0] + du * len * tj, p0[1] + dv * len * tj, z };
					final boolean two = rnd.nextDouble() < 0.4;
					final double la = Math.max(minLen, 0.5 + 0.7 * rnd.nextDouble());
					final double psi = phi + Math.toRadians(60 + 60 * rnd.nextDouble());
					final double[] p3 = { pj[0] + Math.cos(psi) * la, pj[1] + Math.sin(psi) * la, z };
					final double la2 = Math.max(minLen, 0.5 + 0.7 * rnd.nextDouble());
					final double psi2 = phi - Math.toRadians(60 + 60 * rnd.nextDouble());
					final double[] p4 = { pj[0] + Math.cos(psi2) * la2, pj[1] + Math.sin(psi2) * la2, z };
					cand = two ? new double[][] { p0, p1, pj, p3, p4 } : new double[][] { p0, p1, pj, p3 };
					segs = two ? new int[][] { { 0, 2 }, { 2, 1 }, { 2, 3 }, { 2, 4 } } : new int[][] { { 0, 2 }, { 2, 1 }, { 2, 3 } };
				}
				if (!inside(cand, cand.length, L, vF, rr) || !caps.fits(cand, segs, rr, gap)) continue;
				commit(g, caps, cand, cand.length, segs, rr);
				break;
			}
		}
	}

	private static boolean inside(final double[][] pts, final int np, final double L, final double vF, final double r) {
		for (int i = 0; i < np; i++)
			if (Math.abs(pts[i][0]) > L / 2 - r || Math.abs(pts[i][1]) > vF - r) return false;
		return true;
	}

	private static void commit(final CentreLineGraph g, final Capsules caps, final double[][] pts, final int np, final int[][] segs, final double r) {
		final int[] id = new int[np];
		for (int i = 0; i < np; i++) id[i] = g.addNode(pts[i][0], pts[i][1], pts[i][2], r, false);
		for (final int[] sg : segs) {
			g.addEdge(id[sg[0]], id[sg[1]], r);
			caps.add(g, id[sg[0]], id[sg[1]], r);
		}
	}

	/** Renders the truth graph into {@code mask} (1 = inside a capsule or punctum ball). */
	static void render(final List<Truth.Node> nodes, final List<Truth.Branch> branches, final byte[] mask, final int[] dims, final double[] spacing) {
		render(nodes, branches, mask, dims, spacing, 0);
	}

	/**
	 * Renders the truth graph into a grid whose voxel i has its centre at {@code i·spacing − off} in x and y
	 * (camera coordinates; {@code off} = 0 on the camera grid, {@code (k − 1)/2 · p/k} on the supersampled one).
	 */
	static void render(final List<Truth.Node> nodes, final List<Truth.Branch> branches, final byte[] mask, final int[] dims, final double[] spacing,
		final double off) {
		for (final Truth.Node nd : nodes)
			if (nd.degree() == 0) {
				final double[] c = { nd.x() + off, nd.y() + off, nd.z() };
				capsule(mask, dims, spacing, c, c, nd.radiusUm());
			}
		for (final Truth.Branch b : branches)
			for (int i = 1; i < b.pathLength(); i++)
				capsule(mask, dims, spacing, shift(b.point(i - 1), off), shift(b.point(i), off), b.radiusUm());
		fillPinholes(mask, dims);
	}

	/** @return p moved by off in x and y (p itself when off = 0). */
	private static double[] shift(final double[] p, final double off) {
		return off == 0 ? p : new double[] { p[0] + off, p[1] + off, p[2] };
	}

	/**
	 * The true mask on the camera grid from the supersampled one: a camera voxel is foreground when more than half of
	 * its k × k sub-pixels are (area fraction &gt; ½, the nearest binary picture of the area-integrated tube); an exact
	 * half (even k: an edge through the pixel centre, about a tenth of a 3-pixel tube's area) goes by a checkerboard
	 * ({@code x + y + z} even), so that the mask's area is unbiased.
	 */
	static byte[] majority(final byte[] fine, final int[] rdims, final int k) {
		final double[] n = blockSums(i -> fine[i], rdims, k);
		final int w = rdims[0] / k, h = rdims[1] / k;
		final byte[] out = new byte[n.length];
		for (int i = 0; i < n.length; i++) {
			final int x = i % w, y = (i / w) % h, z = i / (w * h);
			if (2 * n[i] > k * k || 2 * n[i] == k * k && ((x + y + z) & 1) == 0) out[i] = 1;
		}
		return out;
	}

	/**
	 * @return the sum of every k × k block of sub-pixels (x, y only) of the render grid {@code rdims}, on the grid k
	 *         times coarser in x and y ({@code v} gives sub-pixel i's value)
	 */
	private static double[] blockSums(final java.util.function.IntToDoubleFunction v, final int[] rdims, final int k) {
		final int fw = rdims[0], fh = rdims[1], nz = rdims.length == 3 ? rdims[2] : 1, w = fw / k, h = fh / k;
		final double[] out = new double[w * h * nz];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double sum = 0;
					for (int m = 0; m < k; m++)
						for (int l = 0; l < k; l++) sum += v.applyAsDouble(x * k + l + fw * (y * k + m + fh * z));
					out[x + w * (y + h * z)] = sum;
				}
		return out;
	}

	/** Largest enclosed background component (voxels) treated as a digitisation pinhole. */
	static final int PINHOLE = 2;

	/**
	 * Fills digitisation pinholes: background components (4-connected in 2D, 6-connected in 3D, the
	 * duals of 8/26-connected foreground) of at most {@link #PINHOLE} voxels that do not touch the image
	 * border. Where two tubes meet at a junction, the union of their digital discs can miss a single
	 * voxel (about once in 70 default lattices); such a pinhole would add a cycle that the graph does not
	 * have. Real faces of the graph are far larger (≥ 100 px at the defaults; the validated 3-pixel gaps
	 * keep them above 4 px for any settings). Breadth-first with a flat int queue (no recursion).
	 */
	static void fillPinholes(final byte[] mask, final int[] dims) {
		final int w = dims[0], h = dims[1], nz = dims.length == 3 ? dims[2] : 1;
		final int[] queue = new int[mask.length];
		final boolean[] seen = new boolean[mask.length];
		int tail = 0;
		for (int s = 0; s < mask.length; s++) {
			if (mask[s] != 0 || seen[s]) continue;
			final int start = tail;
			int head = tail;
			queue[tail++] = s;
			seen[s] = true;
			boolean border = false;
			while (head < tail) {
				final int p = queue[head++];
				final int x = p % w, y = (p / w) % h, z = p / (w * h);
				if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || (nz > 1 && (z == 0 || z == nz - 1))) border = true;
				for (int n = 0; n < 6; n++) {
					final int q;
					if (n == 0) q = x > 0 ? p - 1 : -1;
					else if (n == 1) q = x < w - 1 ? p + 1 : -1;
					else if (n == 2) q = y > 0 ? p - w : -1;
					else if (n == 3) q = y < h - 1 ? p + w : -1;
					else if (n == 4) q = z > 0 ? p - w * h : -1;
					else q = z < nz - 1 ? p + w * h : -1;
					if (q >= 0 && mask[q] == 0 && !seen[q]) {
						seen[q] = true;
						queue[tail++] = q;
					}
				}
			}
			if (!border && tail - start <= PINHOLE) for (int i = start; i < tail; i++) mask[queue[i]] = 1;
		}
	}

	/** Sets to 1 every voxel whose centre (index × spacing) is within r of segment [a, b] (µm). */
	static void capsule(final byte[] mask, final int[] dims, final double[] sp, final double[] a, final double[] b, final double r) {
		final int nd = dims.length;
		final int[] lo = new int[3], hi = new int[3];
		for (int d = 0; d < 3; d++) {
			if (d >= nd) {
				lo[d] = 0;
				hi[d] = 0;
				continue;
			}
			lo[d] = Math.max(0, (int) Math.ceil((Math.min(a[d], b[d]) - r) / sp[d]));
			hi[d] = Math.min(dims[d] - 1, (int) Math.floor((Math.max(a[d], b[d]) + r) / sp[d]));
		}
		final double ex = b[0] - a[0], ey = b[1] - a[1], ez = b[2] - a[2];
		final double ee = ex * ex + ey * ey + ez * ez;
		final double r2 = r * r;
		final double sz = nd == 3 ? sp[2] : 0;
		for (int k = lo[2]; k <= hi[2]; k++)
			for (int j = lo[1]; j <= hi[1]; j++)
				for (int i = lo[0]; i <= hi[0]; i++) {
					final double px = i * sp[0] - a[0], py = j * sp[1] - a[1], pz = k * sz - a[2];
					double t = ee > 0 ? (px * ex + py * ey + pz * ez) / ee : 0;
					t = t < 0 ? 0 : t > 1 ? 1 : t;
					final double dx = px - t * ex, dy = py - t * ey, dz = pz - t * ez;
					if (dx * dx + dy * dy + dz * dz <= r2) mask[i + dims[0] * (j + dims[1] * k)] = 1;
				}
	}

	/**
	 * Writes a Gaussian LC3 blob {@code I(d) = base + P·exp(−d²/2σ²)}, σ = r/2, on the voxels with
	 * {@code d ≤ r} (the maximum is kept where blobs overlap).
	 */
	private static void blob(final float[] img, final int[] dims, final double[] sp, final double off, final Truth.Lc3Punctum p, final double amp,
		final double base) {
		final double r = p.radiusUm();
		final double[] c = { p.x() + off, p.y() + off, p.z() };
		final int nd = dims.length;
		final int[] lo = new int[3], hi = new int[3];
		for (int d = 0; d < nd; d++) {
			lo[d] = Math.max(0, (int) Math.ceil((c[d] - r) / sp[d]));
			hi[d] = Math.min(dims[d] - 1, (int) Math.floor((c[d] + r) / sp[d]));
		}
		final double sz = nd == 3 ? sp[2] : 0;
		for (int k = lo[2]; k <= hi[2]; k++)
			for (int j = lo[1]; j <= hi[1]; j++)
				for (int i = lo[0]; i <= hi[0]; i++) {
					final double dx = i * sp[0] - c[0], dy = j * sp[1] - c[1], dz = k * sz - c[2];
					final double d2 = dx * dx + dy * dy + dz * dz;
					if (d2 > r * r) continue;
					final int idx = i + dims[0] * (j + dims[1] * k);
					img[idx] = (float) Math.max(img[idx], base + amp * Math.exp(-2 * d2 / (r * r)));
				}
	}

	/** Voxels whose centre lies in the fibre footprint |u| ≤ L/2 − inset, |v| ≤ W/2 − inset. */
	private static byte[] fibreFootprint(final PhantomSettings s, final int[] dims, final double px, final double ca, final double sa, final double cx,
		final double cy, final double inset) {
		final int w = dims[0], h = dims[1], d = dims.length == 3 ? dims[2] : 1;
		final byte[] out = new byte[w * h * d];
		final double hl = s.fibreLengthUm() / 2 - inset, hw = s.fibreWidthUm() / 2 - inset;
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++) {
				final double x = i * px - cx, y = j * px - cy;
				final double u = x * ca - y * sa, v = x * sa + y * ca;
				if (Math.abs(u) <= hl && Math.abs(v) <= hw) for (int k = 0; k < d; k++) out[i + w * (j + h * k)] = 1;
			}
		return out;
	}

	private static List<Truth.Lc3Punctum> lc3(final PhantomSettings s, final List<Truth.Node> nodes, final List<Truth.Branch> branches,
		final byte[] mask, final int[] dims, final double[] sp, final CentreLineGraph.Frame frame, final double ca, final double sa,
		final double cx, final double cy, final Random rnd) {
		final double rl = s.lc3RadiusUm();
		final int n = (int) Math.round(s.lc3DensityPer100um2() * s.fibreLengthUm() * s.fibreWidthUm() / 100);
		final int nOn = (int) Math.round(s.mitophagyLevel() * n);
		final List<Truth.Lc3Punctum> out = new ArrayList<>();
		// length-weighted choice among in-plane segments and puncta (weight 2r)
		final List<double[][]> segs = new ArrayList<>();
		final List<Double> cum = new ArrayList<>();
		double total = 0;
		for (final Truth.Node nd : nodes)
			if (nd.degree() == 0) {
				final double[] c = { nd.x(), nd.y(), nd.z() };
				segs.add(new double[][] { c, c });
				total += 2 * nd.radiusUm();
				cum.add(total);
			}
		for (final Truth.Branch b : branches)
			for (int i = 1; i < b.pathLength(); i++) {
				final double[] p = b.point(i - 1), q = b.point(i);
				if (p[2] != q[2]) continue;
				segs.add(new double[][] { p, q });
				total += CentreLineGraph.dist(p, q);
				cum.add(total);
			}
		if (nOn > 0 && segs.isEmpty()) throw new IllegalArgumentException("mitophagyLevel > 0 but the phantom has no mitochondria");
		final double sep = LC3_SEPARATION_RADII * rl;
		for (int k = 0; k < nOn; k++) {
			Truth.Lc3Punctum p = null;
			for (int attempt = 0; attempt < PLACEMENT_TRIES && (p == null || tooClose(p, out, sep)); attempt++) {
				final double x = rnd.nextDouble() * total;
				int lo = 0, hi = cum.size() - 1;
				while (lo < hi) {
					final int mid = (lo + hi) >>> 1;
					if (cum.get(mid) < x) lo = mid + 1;
					else hi = mid;
				}
				final double[][] sg = segs.get(lo);
				final double t = rnd.nextDouble();
				p = new Truth.Lc3Punctum(sg[0][0] + t * (sg[1][0] - sg[0][0]), sg[0][1] + t * (sg[1][1] - sg[0][1]), sg[0][2], rl, true);
			}
			out.add(p);
		}
		final int nOff = n - nOn;
		if (nOff > 0) {
			final float[] dist = DistanceTransform.distance(mask, dims, sp, true);
			final byte[] inside = fibreFootprint(s, dims, sp[0], ca, sa, cx, cy, rl);
			final double min = rl + 2 * (dims.length == 3 ? Math.max(sp[0], sp[2]) : sp[0]);
			final CentreLineGraph.IntList cand = new CentreLineGraph.IntList();
			for (int i = 0; i < mask.length; i++) if (inside[i] != 0 && dist[i] >= min) cand.add(i);
			final int[] c = cand.toArray();
			final int w = dims[0], h = dims[1];
			// partial Fisher–Yates over the candidates (distinct voxels); a candidate closer than the
			// separation to an earlier punctum is passed over while others remain
			final List<Truth.Lc3Punctum> crowded = new ArrayList<>();
			int placed = 0;
			for (int k = 0; k < c.length && placed < nOff; k++) {
				final int j = k + rnd.nextInt(c.length - k);
				final int tmp = c[k];
				c[k] = c[j];
				c[j] = tmp;
				final int idx = c[k];
				final Truth.Lc3Punctum p = new Truth.Lc3Punctum((idx % w) * sp[0], ((idx / w) % h) * sp[1], dims.length == 3 ? (idx / (w * h)) * sp[2] : 0, rl, false);
				if (tooClose(p, out, sep)) {
					if (crowded.size() < nOff) crowded.add(p);
					continue;
				}
				out.add(p);
				placed++;
			}
			for (int k = 0; placed < nOff && k < crowded.size(); k++, placed++) out.add(crowded.get(k));
		}
		return out;
	}

	/** Minimum centre distance between LC3 puncta, in punctum radii, so that puncta are resolvable. */
	static final double LC3_SEPARATION_RADII = 4;

	/** Attempts to place an on-mitochondria punctum away from the others before accepting a close one. */
	static final int PLACEMENT_TRIES = 100;

	private static boolean tooClose(final Truth.Lc3Punctum p, final List<Truth.Lc3Punctum> placed, final double sep) {
		for (final Truth.Lc3Punctum q : placed) {
			final double dx = p.x() - q.x(), dy = p.y() - q.y(), dz = p.z() - q.z();
			if (dx * dx + dy * dy + dz * dz < sep * sep) return true;
		}
		return false;
	}

	static short[] optics(final PhantomSettings s, final float[] photons, final int[] dims, final Random rnd) {
		return optics(s, photons, dims, 1, rnd);
	}

	/**
	 * Blur, camera integration and noise: the expected photons {@code photons} on the render grid {@code rdims}
	 * (k sub-pixels per camera pixel side) are blurred with the PSF in sub-pixels, averaged over each k × k block
	 * (the camera pixel integrates its area; the mean keeps photons per camera pixel at the same scale as k = 1),
	 * and only then given background, Poisson counts, gain and read noise, one draw per camera pixel.
	 */
	static short[] optics(final PhantomSettings s, final float[] photons, final int[] rdims, final int k, final Random rnd) {
		final double[] sigma = new double[rdims.length];
		sigma[0] = sigma[1] = s.psfSigmaUm() / (s.pixelUm() / k);
		if (rdims.length == 3) sigma[2] = s.psfSigmaZUm() / s.zStepUm();
		final float[] fineBlur = Gauss.smooth(photons, rdims, sigma);
		final int[] dims = rdims.clone();
		dims[0] /= k;
		dims[1] /= k;
		final float[] blurred = k == 1 ? fineBlur : bin(fineBlur, rdims, k);
		final int w = dims[0];
		final short[] out = new short[blurred.length];
		for (int i = 0; i < blurred.length; i++) {
			final double x = (i % w) / (double) Math.max(1, w - 1);
			final double lambda = Math.max(0, blurred[i] + s.backgroundPhotons() * (1 + s.backgroundGradient() * (x - 0.5)));
			final double v = s.gain() * poisson(lambda, rnd) + s.gaussianNoise() * rnd.nextGaussian();
			out[i] = (short) (int) Math.max(0, Math.min(65535, Math.round(v)));
		}
		return out;
	}

	/** @return the mean of every k × k block of sub-pixels (x, y only), a grid k times coarser in x and y. */
	static float[] bin(final float[] fine, final int[] rdims, final int k) {
		final double[] sums = blockSums(i -> fine[i], rdims, k);
		final float[] out = new float[sums.length];
		final double inv = 1.0 / (k * k);
		for (int i = 0; i < sums.length; i++) out[i] = (float) (sums[i] * inv);
		return out;
	}

	/**
	 * Poisson sample: Knuth's product of uniforms for λ &lt; 30, {@code max(0, round(λ + √λ·N(0,1)))} above.
	 */
	static long poisson(final double lambda, final Random rnd) {
		if (lambda <= 0) return 0;
		if (lambda < 30) {
			final double limit = Math.exp(-lambda);
			long k = 0;
			double p = rnd.nextDouble();
			while (p > limit) {
				k++;
				p *= rnd.nextDouble();
			}
			return k;
		}
		return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
	}

	/** SplitMix64 finaliser of (seed, stream): independent, reproducible sub-streams. */
	static long mix(final long seed, final long stream) {
		long z = seed + stream * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * Store of placed capsules with bounding boxes, for rejection of placements that come too close.
	 */
	static final class Capsules {
		private double[] d = new double[7 * 256];
		private int n;

		void add(final CentreLineGraph g, final int a, final int b, final double r) {
			if (7 * (n + 1) > d.length) d = Arrays.copyOf(d, 2 * d.length);
			final int o = 7 * n++;
			d[o] = g.u(a); d[o + 1] = g.v(a); d[o + 2] = g.z(a);
			d[o + 3] = g.u(b); d[o + 4] = g.v(b); d[o + 5] = g.z(b);
			d[o + 6] = r;
		}

		/** @return whether every segment {@code pts[s[0]]–pts[s[1]]} of radius r keeps gap from all stored capsules. */
		boolean fits(final double[][] pts, final int[][] segs, final double r, final double gap) {
			final double[] a = new double[3], b = new double[3];
			for (final int[] sg : segs) {
				final double[] p = pts[sg[0]], q = pts[sg[1]];
				for (int c = 0; c < n; c++) {
					final int o = 7 * c;
					final double need = r + d[o + 6] + gap;
					boolean far = false;
					for (int k = 0; k < 3 && !far; k++) {
						final double lo = Math.min(d[o + k], d[o + 3 + k]), hi = Math.max(d[o + k], d[o + 3 + k]);
						if (Math.min(p[k], q[k]) > hi + need || Math.max(p[k], q[k]) < lo - need) far = true;
					}
					if (far) continue;
					a[0] = d[o]; a[1] = d[o + 1]; a[2] = d[o + 2];
					b[0] = d[o + 3]; b[1] = d[o + 4]; b[2] = d[o + 5];
					if (segmentDistance(p, q, a, b) < need) return false;
				}
			}
			return true;
		}
	}

	/**
	 * Distance between segments [p, q] and [a, b]: {@code f(s) = dist(p + s(q − p), [a, b])} is convex on
	 * [0, 1] (distance to a convex set along a line), minimised by golden-section search to 1e-9.
	 */
	static double segmentDistance(final double[] p, final double[] q, final double[] a, final double[] b) {
		final double gr = (Math.sqrt(5) - 1) / 2;
		double lo = 0, hi = 1;
		double x1 = hi - gr * (hi - lo), x2 = lo + gr * (hi - lo);
		double f1 = pointSegment(p, q, x1, a, b), f2 = pointSegment(p, q, x2, a, b);
		for (int it = 0; it < 45; it++) {
			if (f1 <= f2) {
				hi = x2; x2 = x1; f2 = f1;
				x1 = hi - gr * (hi - lo);
				f1 = pointSegment(p, q, x1, a, b);
			} else {
				lo = x1; x1 = x2; f1 = f2;
				x2 = lo + gr * (hi - lo);
				f2 = pointSegment(p, q, x2, a, b);
			}
		}
		return Math.min(Math.min(f1, f2), Math.min(pointSegment(p, q, 0, a, b), pointSegment(p, q, 1, a, b)));
	}

	private static double pointSegment(final double[] p, final double[] q, final double s, final double[] a, final double[] b) {
		final double x = p[0] + s * (q[0] - p[0]) - a[0], y = p[1] + s * (q[1] - p[1]) - a[1], z = p[2] + s * (q[2] - p[2]) - a[2];
		final double ex = b[0] - a[0], ey = b[1] - a[1], ez = b[2] - a[2];
		final double ee = ex * ex + ey * ey + ez * ez;
		double t = ee > 0 ? (x * ex + y * ey + z * ez) / ee : 0;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		final double dx = x - t * ex, dy = y - t * ey, dz = z - t * ez;
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}
}
