package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.reporter.Reporter;
import net.imglib2.img.array.ArrayImgs;

/**
 * Phantoms of pH-sensitive mitophagy reporters and fibre-type marker channels, drawn on a network phantom of
 * {@link PhantomSimulator} (2D).
 * <p>
 * <b>Mitolysosomes.</b> {@code n = round(ρ·L·W/100)} balls of radius uniform in [0.25, 0.4] µm, centred on
 * pixels of the fibre footprint inset by 0.9 µm, chosen by a seeded partial Fisher–Yates shuffle and accepted
 * when their edges stay at least 0.6 µm from every accepted ball (so that each is resolvable; fewer are drawn
 * only when no room is left, and the truth lists those drawn). A ball replaces the mitochondrial material it
 * covers: it is the engulfed, acidified part of the network.
 * <p>
 * <b>Emission</b> (photons per pixel before blur, as fractions of {@link PhantomSettings#signalPhotons() P}):
 * <table>
 * <caption>reporter model</caption>
 * <tr><th>reporter</th><th>acid ch. in mitochondria</th><th>neutral ch. in mitochondria</th><th>acid ch. in lysosome</th><th>neutral ch. in lysosome</th><th>bleed acid ← neutral</th><th>bleed neutral ← acid</th></tr>
 * <tr><td>mito-qc (mCherry, GFP)</td><td>0.8</td><td>1</td><td>1.2</td><td>0.1 (GFP quenched at pH ≈ 4.5)</td><td>0.05</td><td>0.02</td></tr>
 * <tr><td>mt-keima (561 nm, 440 nm excitation)</td><td>0.25</td><td>1</td><td>1.2</td><td>0.15</td><td>0.03</td><td>0.03</td></tr>
 * </table>
 * so the acid/neutral ratio rises about 11-fold (mito-QC: GFP quenching, McWilliams et al. 2016,
 * doi:10.1083/jcb.201603039) or 30-fold (mt-Keima: excitation shift, Sun et al. 2017, doi:10.1038/nprot.2017.060)
 * in a mitolysosome. Measured channels: {@code A = acid + β_A·neutral}, {@code N = neutral + β_N·acid}; then the
 * PSF, background, Poisson and read noise of {@link PhantomSimulator} (independent seeded streams).
 * <p>
 * <b>Fibre-type marker.</b> A diffuse stain over the fibre footprint at {@code M·exp(0.25·Z)} photons,
 * Z ~ N(0, 1) from the seed (fibre-to-fibre variation, CV ≈ 25 %), M = 120 for oxidative patterns
 * (oxidative-lattice, hyperfused: type I, bright in SDH or MyHC-I) and 40 otherwise (type II).
 */
public final class ReporterSimulator {

	private ReporterSimulator() {}

	/** Oxidative and glycolytic marker levels, photons per pixel. */
	static final double MARKER_OXIDATIVE = 120, MARKER_GLYCOLYTIC = 40, MARKER_LOG_SD = 0.25;
	/** Fibre-type call of oxidative phantoms. */
	public static final String TYPE_I = "type-I/oxidative";
	/** Fibre-type call of the others. */
	public static final String TYPE_II = "type-II/glycolytic";

	/**
	 * @param s network phantom settings (2D)
	 * @param reporter the reporter, or null for none (then channels 1, 2 are mitochondria and LC3)
	 * @param densityPer100um2 mitolysosomes per 100 µm² of fibre (ignored without a reporter)
	 * @param marker whether to add a fibre-type marker channel (last)
	 * @return the phantom
	 */
	public static ReporterPhantom simulate(final PhantomSettings s, final Reporter reporter, final double densityPer100um2, final boolean marker) {
		if (s.zSlices() > 1) throw new IllegalArgumentException("reporter and marker phantoms are 2D (zSlices 1), got " + s.zSlices() + " slices");
		if (!(densityPer100um2 >= 0 && Double.isFinite(densityPer100um2))) throw new IllegalArgumentException("mitolysosome density must be ≥ 0, got " + densityPer100um2);
		final Phantom ph = PhantomSimulator.simulate(s);
		final int[] dims = ph.dims();
		final double[] sp = ph.image().spacing();
		final long[] ld = { dims[0], dims[1] };
		final FibreImage.Builder b = FibreImage.builder().spacing(sp);
		final List<ReporterPhantom.Mitolysosome> lyso = new ArrayList<>();
		final byte[] fibre = ph.fibreMask();
		if (reporter != null) {
			final double[] m = reporter == Reporter.MITO_QC ? new double[] { 0.8, 1, 1.2, 0.1, 0.05, 0.02 } : new double[] { 0.25, 1, 1.2, 0.15, 0.03, 0.03 };
			final byte[] mask = ph.trueMask();
			final double P = s.signalPhotons();
			final float[] acid = new float[mask.length], neutral = new float[mask.length];
			for (int i = 0; i < mask.length; i++)
				if (mask[i] != 0) {
					acid[i] = (float) (m[0] * P);
					neutral[i] = (float) (m[1] * P);
				}
			place(s, dims, sp, fibre, mask, densityPer100um2, new Random(PhantomSimulator.mix(s.seed(), 11)), lyso);
			for (final ReporterPhantom.Mitolysosome l : lyso) {
				final double r = l.radiusUm();
				final int i0 = (int) Math.max(0, Math.ceil((l.x() - r) / sp[0])), i1 = (int) Math.min(dims[0] - 1, Math.floor((l.x() + r) / sp[0]));
				final int j0 = (int) Math.max(0, Math.ceil((l.y() - r) / sp[1])), j1 = (int) Math.min(dims[1] - 1, Math.floor((l.y() + r) / sp[1]));
				for (int j = j0; j <= j1; j++)
					for (int i = i0; i <= i1; i++) {
						final double dx = i * sp[0] - l.x(), dy = j * sp[1] - l.y();
						if (dx * dx + dy * dy > r * r) continue;
						acid[i + dims[0] * j] = (float) (m[2] * P);
						neutral[i + dims[0] * j] = (float) (m[3] * P);
					}
			}
			final float[] A = new float[acid.length], N = new float[acid.length];
			for (int i = 0; i < A.length; i++) {
				A[i] = (float) (acid[i] + m[4] * neutral[i]);
				N[i] = (float) (neutral[i] + m[5] * acid[i]);
			}
			b.channel(ArrayImgs.unsignedShorts(PhantomSimulator.optics(s, A, dims, new Random(PhantomSimulator.mix(s.seed(), 12))), ld), ChannelRole.OTHER);
			b.channel(ArrayImgs.unsignedShorts(PhantomSimulator.optics(s, N, dims, new Random(PhantomSimulator.mix(s.seed(), 13))), ld), ChannelRole.MITOCHONDRIA);
		}
		else {
			b.channel(ph.image().channels().get(0), ChannelRole.MITOCHONDRIA);
			b.channel(ph.image().channels().get(1), ChannelRole.LC3);
		}
		String type = null;
		double level = Double.NaN;
		if (marker) {
			final boolean ox = s.pattern() == Pattern.OXIDATIVE_LATTICE || s.pattern() == Pattern.HYPERFUSED;
			type = ox ? TYPE_I : TYPE_II;
			level = (ox ? MARKER_OXIDATIVE : MARKER_GLYCOLYTIC) * Math.exp(MARKER_LOG_SD * new Random(PhantomSimulator.mix(s.seed(), 14)).nextGaussian());
			final float[] mk = new float[fibre.length];
			for (int i = 0; i < mk.length; i++) if (fibre[i] != 0) mk[i] = (float) level;
			b.channel(ArrayImgs.unsignedShorts(PhantomSimulator.optics(s, mk, dims, new Random(PhantomSimulator.mix(s.seed(), 15))), ld), ChannelRole.FIBRE_TYPE);
		}
		b.source(s.pattern().id() + "_seed" + s.seed() + (reporter == null ? "" : "_" + reporter.id()));
		final ReporterPhantom.ReporterTruth truth = new ReporterPhantom.ReporterTruth(reporter == null ? null : reporter.id(), reporter == null ? 0 : densityPer100um2,
			s.fibreLengthUm() * s.fibreWidthUm(), lyso, type, level);
		return new ReporterPhantom(b.build(), ph, truth);
	}

	private static void place(final PhantomSettings s, final int[] dims, final double[] sp, final byte[] fibre, final byte[] mask, final double density,
		final Random rnd, final List<ReporterPhantom.Mitolysosome> out) {
		final int n = (int) Math.round(density * s.fibreLengthUm() * s.fibreWidthUm() / 100);
		if (n == 0) return;
		// candidates: footprint pixels at least 0.9 µm inside the fibre (the footprint eroded by 9 pixel rings at 0.1 µm)
		final int w = dims[0], h = dims[1];
		final int inset = (int) Math.ceil(0.9 / sp[0]);
		final List<Integer> cand = new ArrayList<>();
		for (int j = inset; j < h - inset; j++)
			for (int i = inset; i < w - inset; i++)
				if (fibre[i + w * j] != 0 && fibre[i - inset + w * j] != 0 && fibre[i + inset + w * j] != 0 && fibre[i + w * (j - inset)] != 0
					&& fibre[i + w * (j + inset)] != 0) cand.add(i + w * j);
		final int[] c = cand.stream().mapToInt(Integer::intValue).toArray();
		for (int k = 0; k < c.length && out.size() < n; k++) {
			final int j = k + rnd.nextInt(c.length - k);
			final int t = c[k];
			c[k] = c[j];
			c[j] = t;
			final double r = 0.25 + 0.15 * rnd.nextDouble();
			final double x = (c[k] % w) * sp[0], y = (c[k] / w) * sp[1];
			boolean ok = true;
			for (final ReporterPhantom.Mitolysosome o : out) {
				final double dx = o.x() - x, dy = o.y() - y, need = r + o.radiusUm() + 0.6;
				if (dx * dx + dy * dy < need * need) {
					ok = false;
					break;
				}
			}
			if (!ok) continue;
			boolean on = false;
			final int ri = (int) Math.ceil(r / sp[0]);
			for (int dj = -ri; dj <= ri && !on; dj++)
				for (int di = -ri; di <= ri && !on; di++) {
					final int ii = c[k] % w + di, jj = c[k] / w + dj;
					if (ii < 0 || jj < 0 || ii >= w || jj >= h) continue;
					if ((di * sp[0]) * (di * sp[0]) + (dj * sp[1]) * (dj * sp[1]) <= r * r && mask[ii + w * jj] != 0) on = true;
				}
			out.add(new ReporterPhantom.Mitolysosome(x, y, 0, r, on));
		}
	}
}
