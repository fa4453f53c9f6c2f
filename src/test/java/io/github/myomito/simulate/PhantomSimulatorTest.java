package io.github.myomito.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.myomito.image.ChannelRole;
import io.github.myomito.image.FibreImage;
import io.github.myomito.image.Pixels;
import net.imglib2.type.numeric.integer.UnsignedShortType;

class PhantomSimulatorTest {

	private static Phantom sim(final Pattern p, final long seed) {
		return PhantomSimulator.simulate(PhantomSettings.forPattern(p).toBuilder().seed(seed).build());
	}

	@Test
	void sameSeedGivesIdenticalPixelsAndTruthDifferentSeedDiffers() {
		final Phantom a = sim(Pattern.OXIDATIVE_LATTICE, 7), b = sim(Pattern.OXIDATIVE_LATTICE, 7), c = sim(Pattern.OXIDATIVE_LATTICE, 8);
		for (int ch = 0; ch < 2; ch++) {
			assertThat(Pixels.floats(a.image().channel(ch))).isEqualTo(Pixels.floats(b.image().channel(ch)));
			assertThat(Pixels.floats(a.image().channel(ch))).isNotEqualTo(Pixels.floats(c.image().channel(ch)));
		}
		assertThat(a.trueMask()).isEqualTo(b.trueMask());
		assertThat(a.truth().toJson()).isEqualTo(b.truth().toJson());
		assertThat(a.trueMask()).isNotEqualTo(c.trueMask());
		assertThat(a.truth().toJson()).isNotEqualTo(c.truth().toJson());
	}

	@ParameterizedTest
	@EnumSource(Pattern.class)
	void maskIsTheRenderingOfTheTruthGraphAndCountsAgree(final Pattern pattern) {
		final Phantom ph = sim(pattern, 3);
		final Truth t = ph.truth();
		final byte[] mask = ph.trueMask();
		assertThat(mask).isEqualTo(PhantomTestSupport.rerender(t));
		final int cc = io.github.myomito.testing.ReferenceComponents.count(mask, ph.dims());
		assertThat(cc).isEqualTo(t.counts().objects()).isGreaterThan(10);
		// every graph cycle is one hole of the mask and there are no other holes: the mask has the graph's topology
		assertThat(PhantomTestSupport.holes2D(mask, ph.dims()[0], ph.dims()[1])).isEqualTo(t.counts().loops());
		checkDegreesAndCounts(t, cc);
		long fg = 0;
		for (final byte b : mask) fg += b;
		assertThat(t.maskAreaUm2()).isCloseTo(fg * 0.01, within(1e-9));
		// the fibre footprint is the 30 × 20 µm rectangle (± one pixel row along its 100 µm perimeter) and holds every mitochondrion
		final byte[] fibre = ph.fibreMask();
		long area = 0;
		for (int i = 0; i < fibre.length; i++) {
			area += fibre[i];
			if (mask[i] != 0) assertThat(fibre[i]).isEqualTo((byte) 1);
		}
		assertThat(area * 0.01).isCloseTo(600, within(100 * 0.1));
	}

	@ParameterizedTest
	@EnumSource(Pattern.class)
	void separateTubesKeepAThreePixelGap(final Pattern pattern) {
		final Truth t = sim(pattern, 6).truth();
		assertMinimumGap(t, 3 * t.spacing()[0]);
	}

	/**
	 * Every two segments (or puncta) that do not share an end point are at least r1 + r2 + gap apart
	 * (edge-to-edge gap), so separate tubes cannot merge or touch when rendered.
	 */
	static void assertMinimumGap(final Truth t, final double gap) {
		final List<double[]> segs = PhantomTestSupport.segments(t);
		int checked = 0;
		for (int i = 0; i < segs.size(); i++)
			for (int j = i + 1; j < segs.size(); j++) {
				final double[] a = segs.get(i), b = segs.get(j);
				final double need = a[6] + b[6] + gap;
				boolean far = false, share = false;
				for (int k = 0; k < 3; k++) {
					if (Math.min(a[k], a[k + 3]) > Math.max(b[k], b[k + 3]) + need || Math.min(b[k], b[k + 3]) > Math.max(a[k], a[k + 3]) + need) far = true;
				}
				checked++;
				if (far) continue;
				for (int p = 0; p < 2; p++)
					for (int q = 0; q < 2; q++)
						if (a[3 * p] == b[3 * q] && a[3 * p + 1] == b[3 * q + 1] && a[3 * p + 2] == b[3 * q + 2]) share = true;
				if (share) continue;
				final double d = PhantomSimulator.segmentDistance(new double[] { a[0], a[1], a[2] }, new double[] { a[3], a[4], a[5] },
					new double[] { b[0], b[1], b[2] }, new double[] { b[3], b[4], b[5] });
				if (d < need - 1e-6) throw new AssertionError("segments " + i + " and " + j + " are " + d + " µm apart, need " + need);
			}
		assertThat(checked).isEqualTo(segs.size() * (segs.size() - 1) / 2).isPositive();
	}

	/** Recomputes degrees from branch ends and the counts from node degrees, independently of Truth. */
	private static void checkDegreesAndCounts(final Truth t, final int components) {
		final int[] deg = new int[t.nodes().size()];
		int nb = 0;
		double len = 0;
		for (final Truth.Branch b : t.branches()) {
			deg[b.from()]++;
			deg[b.to()]++;
			assertThat(b.id()).isEqualTo(nb++);
			final double[][] p = b.path();
			double l = 0;
			for (int i = 0; i + 1 < p.length; i++)
				l += Math.sqrt(Math.pow(p[i + 1][0] - p[i][0], 2) + Math.pow(p[i + 1][1] - p[i][1], 2) + Math.pow(p[i + 1][2] - p[i][2], 2));
			assertThat(b.lengthUm()).isCloseTo(l, within(1e-9));
			len += l;
			final Truth.Node f = t.nodes().get(b.from()), e = t.nodes().get(b.to());
			assertThat(p[0]).containsExactly(f.x(), f.y(), f.z());
			assertThat(p[p.length - 1]).containsExactly(e.x(), e.y(), e.z());
		}
		int end = 0, junc = 0, tri = 0, quad = 0, isolated = 0;
		for (final Truth.Node n : t.nodes()) {
			assertThat(n.degree()).isEqualTo(deg[n.id()]);
			assertThat(n.degree()).as("no degree-2 node outside rings").isNotEqualTo(2 == n.degree() && !ringAt(t, n.id()) ? 2 : -1);
			if (n.degree() == 1) end++;
			if (n.degree() >= 3) junc++;
			if (n.degree() == 3) tri++;
			if (n.degree() == 4) quad++;
			if (n.degree() == 0) isolated++;
		}
		final Truth.Counts c = t.counts();
		assertThat(c.endpoints()).isEqualTo(end);
		assertThat(c.junctions()).isEqualTo(junc);
		assertThat(c.triplePoints()).isEqualTo(tri);
		assertThat(c.quadruplePoints()).isEqualTo(quad);
		assertThat(c.puncta()).isEqualTo(isolated);
		assertThat(c.branches()).isEqualTo(t.branches().size());
		assertThat(c.loops()).isEqualTo(t.branches().size() - t.nodes().size() + components);
		assertThat(c.totalLengthUm()).isCloseTo(len, within(1e-6));
		assertThat(c.puncta() + c.rods() + c.networks()).isEqualTo(c.objects());
	}

	private static boolean ringAt(final Truth t, final int node) {
		return t.branches().stream().anyMatch(b -> b.from() == node && b.to() == node);
	}

	@Test
	void latticeHasLoopsAndJunctionsFragmentsHaveNone() {
		final Truth lat = sim(Pattern.OXIDATIVE_LATTICE, 11).truth();
		assertThat(lat.counts().loops()).isGreaterThan(50);
		assertThat(lat.counts().quadruplePoints()).isGreaterThan(50);
		assertThat(lat.counts().triplePoints()).isGreaterThan(30);
		assertThat(lat.periodUm()).isEqualTo(2.2);
		assertThat(lat.transverseFraction()).isBetween(0.15, 0.35);
		assertThat(lat.longitudinalFraction()).isGreaterThan(0.5);
		final Truth hyper = sim(Pattern.HYPERFUSED, 11).truth();
		assertThat(hyper.counts().loops()).isGreaterThan(lat.counts().loops() / 2);
		assertThat(hyper.branches().get(0).radiusUm()).isEqualTo(0.25);
		for (final Pattern p : new Pattern[] { Pattern.GLYCOLYTIC_FRAGMENTED, Pattern.FISSION_FRAGMENTED, Pattern.SWOLLEN }) {
			final Truth t = sim(p, 11).truth();
			assertThat(t.counts().loops()).as(p.id()).isZero();
			assertThat(t.counts().objects()).as(p.id()).isGreaterThan(50);
			assertThat(t.periodUm()).isEqualTo(p == Pattern.GLYCOLYTIC_FRAGMENTED ? 2.2 : 0);
		}
		final Truth fission = sim(Pattern.FISSION_FRAGMENTED, 11).truth(), glyco = sim(Pattern.GLYCOLYTIC_FRAGMENTED, 11).truth();
		assertThat(fission.counts().puncta() / (double) fission.counts().objects())
			.isGreaterThan(glyco.counts().puncta() / (double) glyco.counts().objects());
		final Truth swollen = sim(Pattern.SWOLLEN, 11).truth();
		final double maxPunctum = swollen.nodes().stream().filter(n -> n.degree() == 0).mapToDouble(Truth.Node::radiusUm).max().orElse(0);
		assertThat(maxPunctum).isGreaterThan(0.4);
	}

	@Test
	void glycolyticTransverseRodsSitOnTheIBands() {
		final double deg = 25, S = 2.2;
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.GLYCOLYTIC_FRAGMENTED).toBuilder().seed(8).axisDeg(deg).build());
		final Truth t = ph.truth();
		final double cx = (ph.dims()[0] - 1) * 0.1 / 2, cy = (ph.dims()[1] - 1) * 0.1 / 2;
		final double a = Math.toRadians(deg);
		final int rows = (int) Math.floor((30 - 1) / S) + 1;
		int checked = 0;
		for (final Truth.Branch b : t.branches()) {
			if (b.orientation() != Truth.Orientation.TRANSVERSE || t.nodes().get(b.from()).degree() != 1 || t.nodes().get(b.to()).degree() != 1) continue;
			final double[] p = b.point(0), q = b.point(b.pathLength() - 1);
			// rod midpoint projected on the axis e_u = (cos a, −sin a) from the image centre
			final double u = ((p[0] + q[0]) / 2 - cx) * Math.cos(a) - ((p[1] + q[1]) / 2 - cy) * Math.sin(a);
			final double phase = u / S + (rows - 1) / 2.0;
			assertThat(Math.abs(phase - Math.round(phase)) * S).isLessThanOrEqualTo(0.03 * S + 1e-9);
			checked++;
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void latticeConnectivityIsMonotoneForOneSeed() {
		int prevLoops = -1, prevBranches = -1;
		double prevLen = -1;
		Truth t = null;
		for (final double c : new double[] { 0.2, 0.5, 0.8, 1.0 }) {
			t = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder()
				.seed(5).connectivity(c).fragmentation(0).subsarcolemmal(false).build()).truth();
			assertThat(t.counts().loops()).isGreaterThanOrEqualTo(prevLoops);
			assertThat(t.counts().totalLengthUm()).isGreaterThan(prevLen);
			prevLoops = t.counts().loops();
			prevLen = t.counts().totalLengthUm();
			prevBranches = t.counts().branches();
		}
		// full lattice without the subsarcolemmal band: rows × cols grid spanning 30 − 1 µm by 20 − 1 µm,
		// loops = (rows−1)(cols−1), one object, 4 corner nodes merged into bent branches
		final int rows = (int) Math.floor(29 / 2.2) + 1, cols = (int) Math.floor(19 / 1.0) + 1;
		assertThat(prevLoops).isEqualTo((rows - 1) * (cols - 1));
		assertThat(t.counts().objects()).isEqualTo(1);
		assertThat(t.counts().endpoints()).isZero();
		assertThat(t.nodes()).hasSize(rows * cols - 4);
		assertThat(prevBranches).isEqualTo(rows * (cols - 1) + cols * (rows - 1) - 4);
		// length-weighted orientation ≈ transverse rows·(cols−1)·1 µm vs longitudinal cols·(rows−1)·2.2 µm (jitter ±8 %/±3 %)
		final double tr = rows * (cols - 1) * 1.0, lo = cols * (rows - 1) * 2.2;
		assertThat(t.transverseFraction()).isCloseTo(tr / (tr + lo), within(0.02));
		assertThat(t.longitudinalFraction()).isCloseTo(lo / (tr + lo), within(0.02));
	}

	@Test
	void lc3FractionAndFlagsAgreeWithTheMask() {
		for (final double level : new double[] { 0, 0.25, 0.5, 0.8, 1 }) {
			final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.GLYCOLYTIC_FRAGMENTED).toBuilder()
				.seed(2).mitophagyLevel(level).lc3DensityPer100um2(10).build());
			final Truth t = ph.truth();
			final int n = (int) Math.round(10 * 30 * 20 / 100.0);
			assertThat(t.lc3Puncta()).hasSize(n);
			assertThat(t.lc3OnMitoFraction()).isCloseTo(level, within(0.02));
			assertThat(t.lc3Puncta().stream().filter(Truth.Lc3Punctum::onMitochondria).count()).isEqualTo(Math.round(level * n));
			checkLc3Flags(ph);
		}
	}

	private static void checkLc3Flags(final Phantom ph) {
		final Truth t = ph.truth();
		final byte[] m = ph.trueMask();
		final int[] d = ph.dims();
		final double[] sp = t.spacing();
		final List<double[]> segs = PhantomTestSupport.segments(t);
		for (final Truth.Lc3Punctum p : t.lc3Puncta()) {
			final int i = (int) Math.round(p.x() / sp[0]), j = (int) Math.round(p.y() / sp[1]), k = d.length == 3 ? (int) Math.round(p.z() / sp[2]) : 0;
			final int idx = i + d[0] * (j + d[1] * k);
			if (p.onMitochondria()) {
				final double best = segs.stream().mapToDouble(q -> PhantomTestSupport.distToSegment(p.x(), p.y(), p.z(), q)).min().orElse(1e9);
				assertThat(best).isLessThan(1e-9);
				assertThat(m[idx]).isEqualTo((byte) 1);
			} else {
				assertThat(m[idx]).isZero();
				for (int q = 0; q < m.length; q++) {
					if (m[q] == 0) continue;
					final double dx = (q % d[0]) * sp[0] - p.x(), dy = ((q / d[0]) % d[1]) * sp[1] - p.y();
					final double dz = d.length == 3 ? (q / (d[0] * d[1])) * sp[2] - p.z() : 0;
					if (dx * dx + dy * dy + dz * dz < p.radiusUm() * p.radiusUm()) throw new AssertionError("off punctum overlaps the mask");
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 30, 75, 120, 160 })
	void axisAngleIsHonoured(final double deg) {
		final Phantom ph = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(4).axisDeg(deg).build());
		final byte[] m = ph.trueMask();
		final int w = ph.dims()[0];
		double n = 0, sx = 0, sy = 0;
		for (int i = 0; i < m.length; i++)
			if (m[i] != 0) {
				n++;
				sx += i % w;
				sy += i / w;
			}
		final double mx = sx / n, my = sy / n;
		double xx = 0, yy = 0, xy = 0;
		for (int i = 0; i < m.length; i++)
			if (m[i] != 0) {
				final double x = i % w - mx, y = i / w - my;
				xx += x * x;
				yy += y * y;
				xy += x * y;
			}
		// major axis in pixel coordinates, then flip y for the displayed (counter-clockwise) angle
		final double theta = 0.5 * Math.atan2(2 * xy, xx - yy);
		double shown = Math.toDegrees(-theta);
		shown = ((shown % 180) + 180) % 180;
		double diff = Math.abs(shown - deg);
		diff = Math.min(diff, 180 - diff);
		assertThat(diff).isLessThan(2.0);
		// the graph is drawn in fibre coordinates: lengths and orientation classes do not depend on the angle
		final Truth ref = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(4).build()).truth();
		assertThat(ph.truth().transverseFraction()).isCloseTo(ref.transverseFraction(), within(1e-9)).isPositive();
		assertThat(ph.truth().longitudinalFraction()).isCloseTo(ref.longitudinalFraction(), within(1e-9)).isPositive();
		assertThat(ph.truth().counts().totalLengthUm()).isCloseTo(ref.counts().totalLengthUm(), within(1e-6));
	}

	@Test
	void stackHasRightDimsSpacingAndTopology() {
		final PhantomSettings s = PhantomSettings.forPattern(Pattern.OXIDATIVE_LATTICE).toBuilder().seed(9).fibreLengthUm(12)
			.fibreWidthUm(8).zSlices(9).zStepUm(0.3).build();
		final Phantom ph = PhantomSimulator.simulate(s);
		final FibreImage img = ph.image();
		final int w = (int) Math.ceil(2 * (6 + 2) / 0.1) + 1, h = (int) Math.ceil(2 * (4 + 2) / 0.1) + 1;
		assertThat(img.dimensions()).containsExactly(w, h, 9);
		assertThat(ph.dims()).containsExactly(w, h, 9);
		assertThat(img.spacing()).containsExactly(0.1, 0.1, 0.3);
		assertThat(img.is3D()).isTrue();
		final Truth t = ph.truth();
		assertThat(ph.trueMask()).isEqualTo(PhantomTestSupport.rerender(t));
		final int cc = io.github.myomito.testing.ReferenceComponents.count(ph.trueMask(), ph.dims());
		assertThat(cc).isEqualTo(t.counts().objects());
		checkDegreesAndCounts(t, cc);
		assertMinimumGap(t, 3 * 0.1);
		assertThat(t.maskVolumeUm3()).isPositive();
		assertThat(t.maskAreaUm2()).isZero();
		// two lattice levels joined by z elements: some branch leaves its slice
		assertThat(t.branches().stream().anyMatch(b -> b.point(0)[2] != b.point(b.pathLength() - 1)[2])).isTrue();
		checkLc3Flags(ph);
		final Phantom frag = PhantomSimulator.simulate(PhantomSettings.forPattern(Pattern.FISSION_FRAGMENTED).toBuilder().seed(9)
			.fibreLengthUm(12).fibreWidthUm(8).zSlices(6).zStepUm(0.4).build());
		final int cf = io.github.myomito.testing.ReferenceComponents.count(frag.trueMask(), frag.dims());
		assertThat(cf).isEqualTo(frag.truth().counts().objects()).isGreaterThan(20);
		assertThat(frag.trueMask()).isEqualTo(PhantomTestSupport.rerender(frag.truth()));
	}

	@Test
	void imageChannelsAreSixteenBitWithRolesAndSignal() {
		final Phantom ph = sim(Pattern.OXIDATIVE_LATTICE, 1);
		final FibreImage img = ph.image();
		assertThat(img.numChannels()).isEqualTo(2);
		assertThat(img.roles()).containsExactly(ChannelRole.MITOCHONDRIA, ChannelRole.LC3);
		assertThat(img.source()).isEqualTo("oxidative-lattice_seed1");
		assertThat(img.unit()).isEqualTo(FibreImage.MICRONS);
		assertThat(img.spacing()).containsExactly(0.1, 0.1);
		assertThat(img.dimensions()).containsExactly(341, 241);
		assertThat(img.channel(0).getType()).isInstanceOf(UnsignedShortType.class);
		final float[] mito = Pixels.floats(img.channel(0));
		final byte[] m = ph.trueMask();
		double in = 0, out = 0;
		int ni = 0, no = 0;
		for (int i = 0; i < m.length; i++)
			if (m[i] != 0) {
				in += mito[i];
				ni++;
			} else {
				out += mito[i];
				no++;
			}
		assertThat(in / ni).isGreaterThan(3 * out / no);
		// outside the fibre (first 10 columns, > 1 µm from it) the mean grey is gain·B0·(1 + g(x/(w−1) − ½))
		double got = 0, want = 0;
		int k = 0;
		for (int y = 0; y < 241; y++)
			for (int x = 0; x < 10; x++) {
				got += mito[x + 341 * y];
				want += 4 * 15 * (1 + 0.4 * (x / 340.0 - 0.5));
				k++;
			}
		assertThat(got / k).isCloseTo(want / k, within(1.5));
		// LC3 puncta are bright spots: grey at their centres well above the channel mean
		final float[] lc3 = Pixels.floats(img.channel(1));
		double all = 0, centres = 0;
		for (final float v : lc3) all += v;
		for (final Truth.Lc3Punctum p : ph.truth().lc3Puncta())
			centres += lc3[(int) Math.round(p.x() / 0.1) + 341 * (int) Math.round(p.y() / 0.1)];
		assertThat(ph.truth().lc3Puncta()).hasSize(36);
		assertThat(centres / 36).isGreaterThan(3 * all / lc3.length);
	}

	@Test
	void pinholesAreFilledButRealHolesAndOpenBackgroundStay() {
		// 12 × 9 image: a square ring around one pixel (pinhole), a ring around 3 × 3 pixels (real hole),
		// and a one-pixel notch open to the image border
		final int w = 12, h = 9;
		final byte[] m = new byte[w * h];
		ring(m, w, 1, 1, 3, 3); // encloses (2,2)
		ring(m, w, 5, 1, 9, 5); // encloses 3 × 3 pixels (6..8, 2..4)
		final byte[] before = m.clone();
		PhantomSimulator.fillPinholes(m, new int[] { w, h });
		assertThat(m[2 + w * 2]).isEqualTo((byte) 1);
		for (int y = 2; y <= 4; y++)
			for (int x = 6; x <= 8; x++) assertThat(m[x + w * y]).isZero();
		int changed = 0;
		for (int i = 0; i < m.length; i++) if (m[i] != before[i]) changed++;
		assertThat(changed).isEqualTo(1);
		assertThat(PhantomTestSupport.holes2D(m, w, h)).isEqualTo(1);
	}

	private static void ring(final byte[] m, final int w, final int x0, final int y0, final int x1, final int y1) {
		for (int x = x0; x <= x1; x++) {
			m[x + w * y0] = 1;
			m[x + w * y1] = 1;
		}
		for (int y = y0; y <= y1; y++) {
			m[x0 + w * y] = 1;
			m[x1 + w * y] = 1;
		}
	}

	@Test
	void poissonSamplerHasTheRightMeanAndVariance() {
		for (final double lambda : new double[] { 0.5, 4, 25, 100, 2000 }) {
			final java.util.Random r = new java.util.Random(42);
			final int n = 20000;
			double s = 0, s2 = 0;
			for (int i = 0; i < n; i++) {
				final long k = PhantomSimulator.poisson(lambda, r);
				s += k;
				s2 += (double) k * k;
			}
			final double mean = s / n, var = s2 / n - mean * mean;
			// 5 standard errors of the mean; variance within 10 %
			assertThat(mean).isCloseTo(lambda, within(5 * Math.sqrt(lambda / n)));
			assertThat(var).isCloseTo(lambda, within(0.1 * lambda));
		}
	}

	@Test
	void segmentDistanceMatchesBruteForce() {
		final java.util.Random r = new java.util.Random(1);
		for (int it = 0; it < 200; it++) {
			final double[] p = { r.nextDouble(), r.nextDouble(), r.nextDouble() }, q = { r.nextDouble(), r.nextDouble(), r.nextDouble() };
			final double[] seg = { r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble() };
			double best = Double.POSITIVE_INFINITY;
			for (int i = 0; i <= 2000; i++) {
				final double s = i / 2000.0;
				best = Math.min(best, PhantomTestSupport.distToSegment(p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1]), p[2] + s * (q[2] - p[2]), seg));
			}
			final double got = PhantomSimulator.segmentDistance(p, q, new double[] { seg[0], seg[1], seg[2] }, new double[] { seg[3], seg[4], seg[5] });
			assertThat(got).isLessThanOrEqualTo(best + 1e-9).isGreaterThan(best - 1e-3);
		}
	}
}
