package io.github.myomito.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.myomito.segment.Gauss;

/**
 * Deterministic generator of time-lapse phantoms with known fission and fusion events.
 * <p>
 * <b>Scene.</b> Mitochondria are rods (capsules of radius r = Ø/2 around a centre-line segment
 * [a, b] along the fibre axis) on longitudinal rows {@code rowSpacing} apart across a fibre of
 * {@code L × W} µm (in 3D the rows alternate one z step above and below the middle slice). Each row is
 * filled from one end with rods of centre-line length U(0.8, 2) µm (fragmented) or U(4, 8) µm
 * (hyperfused) separated by edge gaps U(g, 2g). A row is motile with probability {@code motileFraction}
 * and then slides along the axis at {@code speed}, direction ±1 at random, so that rods of one row
 * never collide and rods of different rows never touch: every change of topology is an event.
 * <p>
 * <b>Events</b> between frame t−1 and t (event frame t): the numbers of fissions and fusions are
 * Poisson with means {@code R · L_net/100 µm · Δt/60 s} ({@code L_net} = Σ (b − a) in frame t−1;
 * Knuth's method, as {@link PhantomSimulator#poisson}). A fission cuts a rod chosen with weight
 * {@code b − a − (2·0.3 + g + 2r)} (only rods that leave two pieces of ≥ 0.3 µm) at a uniform point
 * c, opening an edge gap g centred on c; a fusion joins a uniformly chosen pair of neighbouring rods of
 * a row, filling the gap between them. Objects born in an event take part in no other for
 * {@code refractoryFrames} frames, so that the truth holds no split-and-rejoin ("kiss-and-run").
 * <p>
 * <b>Optics</b>, frame t: expected photons {@code λ = e^{−tΔt/τ}·G_σ * (P·mask) + B}, counts Poisson,
 * grey value {@code round(gain·k + σ_read·N(0,1))} clipped to [0, 65535] (as {@link PhantomSimulator});
 * the whole scene drifts by {@code drift/√2} µm per frame in x and in y.
 */
public final class TimeLapseSimulator {

	private static final double MIN_PIECE_UM = 0.3;

	private TimeLapseSimulator() {}

	private static final class Rod {
		final int id, row;
		double a, b;
		int born;

		Rod(final int id, final int row, final double a, final double b, final int born) {
			this.id = id; this.row = row; this.a = a; this.b = b; this.born = born;
		}
	}

	/**
	 * Simulates a series; the same settings always give the same pixels and truth.
	 *
	 * @param s validated settings
	 * @return the frames, true labels and truth
	 */
	public static TimeLapse simulate(final TimeLapseSettings s) {
		if (s == null) throw new IllegalArgumentException("settings must not be null");
		final Random geo = new Random(PhantomSimulator.mix(s.seed(), 11));
		final Random ev = new Random(PhantomSimulator.mix(s.seed(), 12));
		final Random noise = new Random(PhantomSimulator.mix(s.seed(), 13));
		final double r = s.tubeDiameterUm() / 2, g = s.gapUm(), px = s.pixelUm(), dt = s.frameIntervalS();
		final int nf = s.frames();
		final double travel = s.speedUmS() * dt * (nf - 1), drift = s.driftUmPerFrame() * (nf - 1) / Math.sqrt(2);
		final double border = 1.5;
		final int w = (int) Math.ceil((s.fibreLengthUm() + 2 * travel + drift + 2 * border) / px) + 1;
		final int h = (int) Math.ceil((s.fibreWidthUm() + drift + 2 * border) / px) + 1;
		final boolean is3D = s.zSlices() > 1;
		final int[] dims = is3D ? new int[] { w, h, s.zSlices() } : new int[] { w, h };
		final double[] sp = is3D ? new double[] { px, px, s.zStepUm() } : new double[] { px, px };
		final double cx = border + travel + s.fibreLengthUm() / 2, cy = border + s.fibreWidthUm() / 2;
		final double zMid = (s.zSlices() - 1) / 2 * s.zStepUm();
		final int rows = (int) Math.floor(s.fibreWidthUm() / s.rowSpacingUm() + 1e-9);
		final double[] rowV = new double[rows], rowZ = new double[rows], rowVel = new double[rows];
		final boolean[] rowMotile = new boolean[rows];
		final List<Rod> rods = new ArrayList<>();
		int nextId = 1;
		final boolean frag = s.morphology() == TimeLapseSettings.Morphology.FRAGMENTED;
		for (int k = 0; k < rows; k++) {
			rowV[k] = -s.fibreWidthUm() / 2 + (k + 0.5) * s.rowSpacingUm();
			rowZ[k] = is3D ? zMid + (s.zSlices() >= 3 ? (k % 2 == 0 ? -1 : 1) * s.zStepUm() : 0) : 0;
			rowMotile[k] = geo.nextDouble() < s.motileFraction();
			rowVel[k] = rowMotile[k] ? (geo.nextBoolean() ? 1 : -1) * s.speedUmS() : 0;
			double u = -s.fibreLengthUm() / 2 + r + geo.nextDouble() * g;
			while (true) {
				final double len = frag ? 0.8 + 1.2 * geo.nextDouble() : 4 + 4 * geo.nextDouble();
				if (u + len > s.fibreLengthUm() / 2 - r) break;
				rods.add(new Rod(nextId++, k, u, u + len, -1000));
				u += len + 2 * r + g * (1 + geo.nextDouble());
			}
		}
		final List<short[]> frames = new ArrayList<>();
		final List<int[]> labels = new ArrayList<>();
		final List<TimeLapseTruth.Event> events = new ArrayList<>();
		final List<TimeLapseTruth.Spot> spots = new ArrayList<>();
		final double[] netLen = new double[nf];
		for (int t = 0; t < nf; t++) {
			final double dxy = s.driftUmPerFrame() * t / Math.sqrt(2);
			final int tt = t;
			final java.util.function.BiFunction<Integer, Double, double[]> pos = (row, u) -> new double[] {
				cx + u + rowVel[row] * dt * tt + dxy, cy + rowV[row] + dxy, rowZ[row] };
			if (t > 0) {
				double len = 0;
				for (final Rod q : rods) len += q.b - q.a;
				final double scale = len / 100 * dt / 60;
				final int nFis = (int) PhantomSimulator.poisson(s.fissionRate() * scale, ev);
				final int nFus = (int) PhantomSimulator.poisson(s.fusionRate() * scale, ev);
				final double need = 2 * MIN_PIECE_UM + g + 2 * r;
				for (int e = 0; e < nFis; e++) {
					double total = 0;
					for (final Rod q : rods) if (free(q, t, s) && q.b - q.a > need) total += q.b - q.a - need;
					if (total <= 0) break;
					double x = ev.nextDouble() * total;
					Rod pick = null;
					for (final Rod q : rods) {
						if (!(free(q, t, s) && q.b - q.a > need)) continue;
						pick = q;
						x -= q.b - q.a - need;
						if (x < 0) break;
					}
					final double c = pick.a + MIN_PIECE_UM + g / 2 + r + ev.nextDouble() * (pick.b - pick.a - need);
					final Rod left = new Rod(nextId++, pick.row, pick.a, c - g / 2 - r, t), right = new Rod(nextId++, pick.row, c + g / 2 + r, pick.b, t);
					final int at = rods.indexOf(pick);
					rods.set(at, left);
					rods.add(at + 1, right);
					final double[] p = pos.apply(pick.row, c);
					events.add(new TimeLapseTruth.Event(TimeLapseTruth.EventType.FISSION, t, t * dt, p[0], p[1], p[2], new int[] { pick.id }, new int[] { left.id, right.id }));
				}
				for (int e = 0; e < nFus; e++) {
					final List<Integer> pairs = new ArrayList<>();
					for (int i = 0; i + 1 < rods.size(); i++)
						if (rods.get(i).row == rods.get(i + 1).row && free(rods.get(i), t, s) && free(rods.get(i + 1), t, s)) pairs.add(i);
					if (pairs.isEmpty()) break;
					final int i = pairs.get(ev.nextInt(pairs.size()));
					final Rod l = rods.get(i), q = rods.get(i + 1);
					final Rod joined = new Rod(nextId++, l.row, l.a, q.b, t);
					rods.set(i, joined);
					rods.remove(i + 1);
					final double c = (l.b + q.a) / 2;
					final double[] p = { cx + c + rowVel[l.row] * dt * (t - 1) + s.driftUmPerFrame() * (t - 1) / Math.sqrt(2), cy + rowV[l.row] + s.driftUmPerFrame() * (t - 1) / Math.sqrt(2), rowZ[l.row] };
					events.add(new TimeLapseTruth.Event(TimeLapseTruth.EventType.FUSION, t, t * dt, p[0], p[1], p[2], new int[] { l.id, q.id }, new int[] { joined.id }));
				}
			}
			final int[] lab = new int[is3D ? w * h * s.zSlices() : w * h];
			double len = 0;
			for (final Rod q : rods) {
				final double[] pa = pos.apply(q.row, q.a), pb = pos.apply(q.row, q.b);
				capsule(lab, dims, sp, pa, pb, r, q.id);
				len += q.b - q.a;
				spots.add(new TimeLapseTruth.Spot(t, q.id, (pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, pa[2], q.b - q.a, rowMotile[q.row]));
			}
			netLen[t] = len;
			labels.add(lab);
			frames.add(optics(s, lab, dims, Math.exp(-t * dt / s.bleachTauS()), noise));
		}
		return new TimeLapse(frames, labels, dims, sp, new TimeLapseTruth(s, netLen, events, spots));
	}

	private static boolean free(final Rod q, final int t, final TimeLapseSettings s) {
		return t - q.born > s.refractoryFrames();
	}

	/** Writes {@code id} into every voxel whose centre is within r of segment [a, b] (µm). */
	private static void capsule(final int[] lab, final int[] dims, final double[] sp, final double[] a, final double[] b, final double r, final int id) {
		final int nd = dims.length;
		final int[] lo = new int[3], hi = new int[3];
		for (int d = 0; d < 3; d++) {
			if (d >= nd) continue;
			lo[d] = Math.max(0, (int) Math.ceil((Math.min(a[d], b[d]) - r) / sp[d]));
			hi[d] = Math.min(dims[d] - 1, (int) Math.floor((Math.max(a[d], b[d]) + r) / sp[d]));
		}
		final double ex = b[0] - a[0], ey = b[1] - a[1], ez = nd == 3 ? b[2] - a[2] : 0;
		final double ee = ex * ex + ey * ey + ez * ez;
		final double sz = nd == 3 ? sp[2] : 0, az = nd == 3 ? a[2] : 0;
		for (int k = lo[2]; k <= hi[2]; k++)
			for (int j = lo[1]; j <= hi[1]; j++)
				for (int i = lo[0]; i <= hi[0]; i++) {
					final double qx = i * sp[0] - a[0], qy = j * sp[1] - a[1], qz = k * sz - az;
					double u = ee > 0 ? (qx * ex + qy * ey + qz * ez) / ee : 0;
					u = u < 0 ? 0 : u > 1 ? 1 : u;
					final double dx = qx - u * ex, dy = qy - u * ey, dz = qz - u * ez;
					if (dx * dx + dy * dy + dz * dz <= r * r) lab[i + dims[0] * (j + dims[1] * k)] = id;
				}
	}

	private static short[] optics(final TimeLapseSettings s, final int[] lab, final int[] dims, final double bleach, final Random rnd) {
		final float[] ph = new float[lab.length];
		final float sig = (float) (s.signalPhotons() * bleach);
		for (int i = 0; i < lab.length; i++) if (lab[i] != 0) ph[i] = sig;
		final double[] sigma = new double[dims.length];
		sigma[0] = sigma[1] = s.psfSigmaUm() / s.pixelUm();
		if (dims.length == 3) sigma[2] = s.psfSigmaZUm() / s.zStepUm();
		final float[] bl = Gauss.smooth(ph, dims, sigma);
		final short[] out = new short[bl.length];
		for (int i = 0; i < bl.length; i++) {
			final double v = s.gain() * PhantomSimulator.poisson(Math.max(0, bl[i] + s.backgroundPhotons()), rnd) + s.gaussianNoise() * rnd.nextGaussian();
			out[i] = (short) (int) Math.max(0, Math.min(65535, Math.round(v)));
		}
		return out;
	}
}
