package io.github.myomito.phenotype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The phenotype calls of a batch: every fibre's {@link FibreCall} and the condition-vs-control {@link GroupRow}s.
 * <p>
 * <b>Reference.</b> A fibre is compared to the control fibres of its region (and of its time point when the control
 * has one) when there are at least {@value ClassificationSettings#MIN_CONTROL_FIBRES}; otherwise to the built-in
 * reference of its network type, which every row then names.
 * <p>
 * <b>Groups.</b> Per region, condition and time point, each feature is aggregated to the unit of replication
 * (image: median over its fibres; animal: median over its image medians) and compared with the control's units:
 * n, median and quartiles, Cliff's δ, Hedges' g, the Mann–Whitney U test, and Benjamini–Hochberg q over the
 * group's features. Group calls: a dynamics state's group score is D = weighted mean over its signature features of
 * dᵢ · δᵢ (δ Cliff's δ, dᵢ the expected direction, weights wᵢ the features' weights in the patterns file, as in the
 * fibre score: {@code D = Σ wᵢ dᵢ δᵢ / Σ wᵢ}); the best state is called when D ≥ {@value #GROUP_DELTA} (a
 * large effect, Romano et al. 2006) and at least one of its features moves the expected way with q &lt; {@value #Q};
 * mitophagy the same with D the weighted mean δ of its readouts (elevated when D ≥ {@value #GROUP_DELTA}, reduced when
 * D ≤ −{@value #GROUP_DELTA}, each with a supporting q &lt; {@value #Q}). Without a control the group medians are
 * called against the built-in reference as a fibre would be.
 */
public final class Classification {

	/** Group effect (mean signed Cliff's δ) a group call needs. */
	public static final double GROUP_DELTA = 0.5;
	/** q below which a feature supports a group call. */
	public static final double Q = 0.05;

	private final List<FibreCall> calls;
	private final List<GroupRow> groups;
	private final Unit unit;
	private final ClassificationSettings settings;

	private Classification(final List<FibreCall> calls, final List<GroupRow> groups, final Unit unit, final ClassificationSettings settings) {
		this.calls = Collections.unmodifiableList(calls);
		this.groups = Collections.unmodifiableList(groups);
		this.unit = unit;
		this.settings = settings;
	}

	/** @return the per-fibre calls, in input order. */
	public List<FibreCall> calls() { return calls; }
	/** @return the group rows. */
	public List<GroupRow> groups() { return groups; }
	/** @return the unit of replication used. */
	public Unit unit() { return unit; }
	/** @return the settings. */
	public ClassificationSettings settings() { return settings; }

	/** Classifies a batch of fibres. */
	public static Classification of(final List<FibreRecord> fibres, final ClassificationSettings s) {
		final PatternLibrary lib = s.patterns();
		final Classifier c = new Classifier(lib);
		Unit unit = s.unit();
		if (unit == null) unit = fibres.stream().anyMatch(f -> !f.animal.isEmpty()) ? Unit.ANIMAL : Unit.IMAGE;
		final Map<String, Reference> controls = new LinkedHashMap<>();
		final Reference[] refs = new Reference[fibres.size()];
		for (int i = 0; i < refs.length; i++) {
			final FibreRecord f = fibres.get(i);
			Reference ref = controlReference(fibres, f.region, f.timepoint, s, controls);
			if (ref == null) ref = lib.builtInReferences().forType(c.networkType(c.networkScore(f)));
			refs[i] = ref;
		}
		// each call depends only on its fibre and its reference (the classifier and references are immutable, the
		// model matches memoised in a concurrent map): calls in parallel, kept in the fibres' order
		final FibreCall[] called = new FibreCall[refs.length];
		java.util.stream.IntStream.range(0, refs.length).parallel().forEach(i -> called[i] = c.classify(fibres.get(i), refs[i]));
		final List<FibreCall> calls = new ArrayList<>(java.util.Arrays.asList(called));
		return new Classification(calls, groups(fibres, s, unit, c, controls), unit, s);
	}

	private static boolean isControl(final FibreRecord f, final ClassificationSettings s) {
		return f.condition.equalsIgnoreCase(s.control());
	}

	/** The control reference of a region (and time point when the control has enough fibres there), or null. */
	private static Reference controlReference(final List<FibreRecord> fibres, final String region, final String timepoint, final ClassificationSettings s,
		final Map<String, Reference> cache) {
		final String key = region + "\u0000" + timepoint;
		if (cache.containsKey(key)) return cache.get(key);
		List<FibreRecord> ctl = new ArrayList<>();
		for (final FibreRecord f : fibres)
			if (isControl(f, s) && f.region.equals(region) && f.timepoint.equals(timepoint)) ctl.add(f);
		if (ctl.size() < ClassificationSettings.MIN_CONTROL_FIBRES) {
			ctl = new ArrayList<>();
			for (final FibreRecord f : fibres)
				if (isControl(f, s) && f.region.equals(region)) ctl.add(f);
		}
		Reference ref = null;
		if (ctl.size() >= ClassificationSettings.MIN_CONTROL_FIBRES) {
			final Map<String, double[]> v = new LinkedHashMap<>();
			for (final PatternLibrary.Feature feat : s.patterns().features()) {
				final double[] a = new double[ctl.size()];
				for (int i = 0; i < a.length; i++) a[i] = ctl.get(i).value(feat);
				v.put(feat.key, a);
			}
			ref = Reference.of("control:" + ctl.get(0).condition, v);
		}
		cache.put(key, ref);
		return ref;
	}

	/** Feature keys used by the group statistics: the library's features and the network score's. */
	private static List<String> featureKeys(final PatternLibrary lib) {
		final Set<String> k = new LinkedHashSet<>();
		for (final PatternLibrary.Feature f : lib.features()) k.add(f.key);
		for (final PatternLibrary.ScoreTerm t : lib.networkScore()) {
			k.add(t.feature);
			if (t.with != null) k.add(t.with);
		}
		return new ArrayList<>(k);
	}

	private static double value(final PatternLibrary lib, final FibreRecord f, final String key) {
		final PatternLibrary.Feature feat = lib.feature(key);
		return feat == null ? f.value(key) : f.value(feat);
	}

	/**
	 * The fibres of a group arranged by unit once (images in file order, each animal's images), so that the unit
	 * values of every feature do not regroup them.
	 */
	static final class Units {
		final Unit unit;
		/** FIBRE: one list of all fibres; IMAGE: one list per image; ANIMAL: per animal, its images' lists. */
		final List<List<List<FibreRecord>>> nested = new ArrayList<>();

		private Units(final Unit unit) {
			this.unit = unit;
		}

		static Units of(final List<FibreRecord> fs, final Unit unit) {
			final Units u = new Units(unit);
			if (unit == Unit.FIBRE) {
				u.nested.add(List.of(fs));
				return u;
			}
			final Map<String, List<FibreRecord>> byImage = new TreeMap<>();
			for (final FibreRecord f : fs) byImage.computeIfAbsent(f.file, x -> new ArrayList<>()).add(f);
			if (unit == Unit.IMAGE) {
				final List<List<FibreRecord>> images = new ArrayList<>(byImage.values());
				u.nested.add(images);
				return u;
			}
			final Map<String, List<List<FibreRecord>>> byAnimal = new TreeMap<>();
			for (final List<FibreRecord> img : byImage.values()) byAnimal.computeIfAbsent(img.get(0).unitKey(Unit.ANIMAL), x -> new ArrayList<>()).add(img);
			u.nested.addAll(byAnimal.values());
			return u;
		}
	}

	/**
	 * Unit values of a feature over units arranged by {@link Units#of}: fibre values, image medians, or animal
	 * medians of image medians (NaNs left out).
	 */
	static double[] unitValues(final Units u, final PatternLibrary lib, final String key) {
		final PatternLibrary.Feature feat = lib.feature(key);
		final double[] out;
		int n = 0;
		if (u.unit == Unit.FIBRE) {
			final List<FibreRecord> fs = u.nested.get(0).get(0);
			out = new double[fs.size()];
			for (final FibreRecord f : fs) {
				final double v = feat == null ? f.value(key) : f.value(feat);
				if (!Double.isNaN(v)) out[n++] = v;
			}
			return java.util.Arrays.copyOf(out, n);
		}
		if (u.unit == Unit.IMAGE) {
			final List<List<FibreRecord>> images = u.nested.get(0);
			out = new double[images.size()];
			for (final List<FibreRecord> img : images) {
				final double m = imageMedian(img, feat, key);
				if (!Double.isNaN(m)) out[n++] = m;
			}
			return java.util.Arrays.copyOf(out, n);
		}
		out = new double[u.nested.size()];
		for (final List<List<FibreRecord>> animal : u.nested) {
			final double[] im = new double[animal.size()];
			int k = 0;
			for (final List<FibreRecord> img : animal) {
				final double m = imageMedian(img, feat, key);
				if (!Double.isNaN(m)) im[k++] = m;
			}
			if (k == 0) continue;
			final double[] v = java.util.Arrays.copyOf(im, k);
			java.util.Arrays.sort(v);
			out[n++] = Reference.median(v);
		}
		return java.util.Arrays.copyOf(out, n);
	}

	/** @return the median of the image's fibre values of the feature (NaNs left out; NaN when none). */
	private static double imageMedian(final List<FibreRecord> img, final PatternLibrary.Feature feat, final String key) {
		if (img.size() == 1) return feat == null ? img.get(0).value(key) : img.get(0).value(feat);
		final double[] v = new double[img.size()];
		int k = 0;
		for (final FibreRecord f : img) {
			final double x = feat == null ? f.value(key) : f.value(feat);
			if (!Double.isNaN(x)) v[k++] = x;
		}
		if (k == 0) return Double.NaN;
		final double[] w = java.util.Arrays.copyOf(v, k);
		java.util.Arrays.sort(w);
		return Reference.median(w);
	}

	private static List<GroupRow> groups(final List<FibreRecord> fibres, final ClassificationSettings s, final Unit unit, final Classifier c,
		final Map<String, Reference> controls) {
		final PatternLibrary lib = s.patterns();
		final List<String> keys = featureKeys(lib);
		// region → condition → time point → fibres, control first, then conditions and time points in sorted order
		final Map<String, Map<String, Map<String, List<FibreRecord>>>> design = new LinkedHashMap<>();
		for (final String r : new String[] { "all", "subsarcolemmal", "imf" }) design.put(r, new TreeMap<>((a, b) -> {
			final boolean ca = a.equalsIgnoreCase(s.control()), cb = b.equalsIgnoreCase(s.control());
			return ca != cb ? (ca ? -1 : 1) : a.compareTo(b);
		}));
		for (final FibreRecord f : fibres)
			design.computeIfAbsent(f.region, x -> new TreeMap<>()).computeIfAbsent(f.condition, x -> new TreeMap<>(Classification::compareTimepoints))
				.computeIfAbsent(f.timepoint, x -> new ArrayList<>()).add(f);
		final List<GroupRow> out = new ArrayList<>();
		// the control's unit values of each feature, computed once per control set (not once per compared group)
		final Map<String, Map<String, double[]>> ctlValues = new java.util.HashMap<>();
		final Map<String, Units> ctlUnitsByKey = new java.util.HashMap<>();
		for (final Map.Entry<String, Map<String, Map<String, List<FibreRecord>>>> reg : design.entrySet()) {
			final String region = reg.getKey();
			final List<FibreRecord> regionControl = new ArrayList<>();
			for (final Map.Entry<String, Map<String, List<FibreRecord>>> cond : reg.getValue().entrySet())
				if (cond.getKey().equalsIgnoreCase(s.control())) cond.getValue().values().forEach(regionControl::addAll);
			for (final Map.Entry<String, Map<String, List<FibreRecord>>> cond : reg.getValue().entrySet()) {
				final boolean isCtl = cond.getKey().equalsIgnoreCase(s.control());
				final Map<String, Integer> mitoByTime = new LinkedHashMap<>();
				final List<GroupRow> callRows = new ArrayList<>();
				for (final Map.Entry<String, List<FibreRecord>> tp : cond.getValue().entrySet()) {
					final List<FibreRecord> g = tp.getValue();
					final List<FibreRecord> sameTime = new ArrayList<>();
					for (final FibreRecord f : regionControl)
						if (f.timepoint.equals(tp.getKey())) sameTime.add(f);
					final boolean allTimes = sameTime.size() < ClassificationSettings.MIN_CONTROL_FIBRES;
					final List<FibreRecord> ctl = allTimes ? regionControl : sameTime;
					final String ctlKey = region + "\u0000" + (allTimes ? "\u0000all" : tp.getKey());
					final boolean compare = !isCtl && ctl.size() >= ClassificationSettings.MIN_CONTROL_FIBRES;
					final Units gUnits = Units.of(g, unit), ctlUnits = compare ? ctlUnitsByKey.computeIfAbsent(ctlKey, x -> Units.of(ctl, unit)) : null;
					final List<GroupRow> feats = new ArrayList<>();
					final Map<String, GroupRow> byFeature = new LinkedHashMap<>();
					final Map<String, Double> medians = new LinkedHashMap<>();
					for (final String k : keys) {
						final double[] a = unitValues(gUnits, lib, k);
						if (a.length == 0) continue;
						final double[] da = Statistics.describe(a);
						medians.put(k, da[1]);
						double[] db = { 0, Double.NaN, Double.NaN, Double.NaN };
						double delta = Double.NaN, hg = Double.NaN;
						double[] mw = { Double.NaN, Double.NaN };
						if (compare) {
							final double[] b = ctlValues.computeIfAbsent(ctlKey, x -> new java.util.HashMap<>()).computeIfAbsent(k, x -> unitValues(ctlUnits, lib, k));
							db = Statistics.describe(b);
							delta = Statistics.cliffsDelta(a, b);
							hg = Statistics.hedgesG(a, b);
							mw = Statistics.mannWhitney(a, b);
						}
						final GroupRow row = new GroupRow("feature", region, cond.getKey(), tp.getKey(), unit,
							compare ? "control:" + ctl.get(0).condition : isCtl ? "self" : "none", k, da, db, delta, hg, mw[0], mw[1]);
						feats.add(row);
						byFeature.put(k, row);
					}
					final double[] p = feats.stream().mapToDouble(r -> r.pValue).toArray();
					final double[] q = Statistics.benjaminiHochberg(p);
					for (int i = 0; i < q.length; i++) feats.get(i).qValue = q[i];
					out.addAll(feats);
					final double[] nan = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
					final GroupRow call = new GroupRow("call", region, cond.getKey(), tp.getKey(), unit, "", "", new double[] { g.size(), Double.NaN, Double.NaN, Double.NaN },
						nan, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
					final FibreRecord med = new FibreRecord("", "group", region, cond.getKey(), "", tp.getKey(), "", medians);
					groupCall(call, med, byFeature, compare, isCtl, c, lib, controls);
					mitoByTime.put(tp.getKey(), "elevated".equals(call.mitophagyState) ? 1 : "reduced".equals(call.mitophagyState) ? -1
						: "basal".equals(call.mitophagyState) ? 0 : Integer.MIN_VALUE);
					callRows.add(call);
					out.add(call);
				}
				// a rise then a fall across this condition's time points makes time-dependent rows consistent
				boolean riseThenFall = false;
				final List<Integer> seq = new ArrayList<>(mitoByTime.values());
				for (int i = 0; i < seq.size(); i++)
					for (int j = i + 1; j < seq.size(); j++)
						if (seq.get(i) == 1 && seq.get(j) != Integer.MIN_VALUE && seq.get(j) < 1) riseThenFall = true;
				for (final GroupRow call : callRows) {
					if ("reference".equals(call.dynamicsState)) continue;
					final Integer bal = balanceOf(c, call.dynamicsState);
					final Integer mi = MitophagyCall.NOT_MEASURED.equals(call.mitophagyState) ? null : "elevated".equals(call.mitophagyState) ? 1
						: "reduced".equals(call.mitophagyState) ? -1 : 0;
					final ModelMatcher.Matches mm = new ModelMatcher(lib).match(bal, mi, call.timepoint, riseThenFall);
					call.consistentModels = mm.consistent;
					call.conflictingModels = mm.conflicting;
				}
			}
		}
		return out;
	}

	private static Integer balanceOf(final Classifier c, final String state) {
		if (Classifier.BALANCED.equals(state)) return 0;
		final PatternLibrary.Signature sig = c.signature(state);
		if (sig == null) return 0;
		return "fission".equals(sig.balance) ? Integer.valueOf(1) : "fusion".equals(sig.balance) ? Integer.valueOf(-1) : null;
	}

	private static void groupCall(final GroupRow call, final FibreRecord med, final Map<String, GroupRow> byFeature, final boolean compare, final boolean isCtl,
		final Classifier c, final PatternLibrary lib, final Map<String, Reference> controls) {
		final double ns = c.networkScore(med);
		call.networkType = c.networkType(ns);
		final List<String> ev = new ArrayList<>();
		ev.add(c.networkEvidence(call.networkType, ns, med) + " (group medians)");
		if (isCtl) {
			call.dynamicsState = "reference";
			call.mitophagyState = "reference";
			call.reference = "self";
			call.confidence = Double.NaN;
			ev.add("the control condition: the reference of the other conditions");
			call.evidence = String.join(" | ", ev);
			return;
		}
		if (!compare) {
			// no control: the group medians against the built-in reference, as a fibre would be
			final Reference ref = lib.builtInReferences().forType(call.networkType);
			final FibreCall fc = c.classify(med, ref);
			call.dynamicsState = fc.dynamicsState;
			call.mitophagyState = fc.mitophagyState;
			call.reference = fc.reference;
			call.confidence = fc.confidence;
			call.evidence = fc.evidence.replace("network_type", "group network_type");
			return;
		}
		call.reference = "control:" + firstReference(byFeature);
		String best = Classifier.BALANCED;
		double bestD = Double.NEGATIVE_INFINITY, bestQ = Double.NaN;
		String bestEv = "";
		for (final PatternLibrary.Signature sig : lib.signatures()) {
			final double[] r = support(sig.features, byFeature, lib);
			if (Double.isNaN(r[0])) continue;
			if (r[0] > bestD) {
				bestD = r[0];
				bestQ = r[1];
				best = sig.id;
				bestEv = evidence(sig.features, byFeature);
			}
		}
		final boolean dynCalled = bestD >= GROUP_DELTA && bestQ < Q;
		call.dynamicsState = dynCalled ? best : Classifier.BALANCED;
		final double dynConf = Double.isInfinite(bestD) ? 0 : dynCalled ? Math.min(1, bestD) * (1 - bestQ) : 1 - Math.max(0, Math.min(1, bestD));
		ev.add("dynamics " + call.dynamicsState + ": best signature " + best + " weighted mean signed Cliff's δ " + Classifier.fmt2(bestD) + (dynCalled ? " ≥ " : " (needs ≥ ")
			+ GROUP_DELTA + " with a supporting q < " + Q + (dynCalled ? ", q " + Classifier.fmt(bestQ) : "; best supporting q " + Classifier.fmt(bestQ) + ")") + "; " + bestEv);
		// mitophagy
		final Map<String, Direction> mf = new LinkedHashMap<>(lib.mitophagyFeatures());
		mf.putAll(lib.reporterFeatures());
		final double[] up = support(mf, byFeature, lib);
		double mConf = Double.NaN;
		if (Double.isNaN(up[0])) {
			call.mitophagyState = MitophagyCall.NOT_MEASURED;
			ev.add("mitophagy not-measured: no LC3 or reporter readout");
		}
		else {
			final Map<String, Direction> down = new LinkedHashMap<>();
			for (final String k : mf.keySet()) down.put(k, Direction.DOWN);
			final double[] dn = support(down, byFeature, lib);
			final String st = up[0] >= GROUP_DELTA && up[1] < Q ? "elevated" : dn[0] >= GROUP_DELTA && dn[1] < Q ? "reduced" : "basal";
			call.mitophagyState = st;
			final double d = up[0];
			mConf = "elevated".equals(st) ? Math.min(1, d) * (1 - up[1]) : "reduced".equals(st) ? Math.min(1, -d) * (1 - dn[1]) : 1 - Math.min(1, Math.abs(d));
			ev.add("mitophagy " + st + ": weighted mean Cliff's δ " + Classifier.fmt2(d) + " " + PatternLibrary.cite(lib.mitophagyReferences()) + "; " + evidence(mf, byFeature));
		}
		call.confidence = Double.isNaN(mConf) ? dynConf : Math.min(dynConf, mConf);
		call.evidence = String.join(" | ", ev);
	}

	private static String firstReference(final Map<String, GroupRow> byFeature) {
		for (final GroupRow r : byFeature.values())
			if (r.reference.startsWith("control:")) return r.reference.substring("control:".length());
		return "";
	}

	/**
	 * @return {weighted mean {@code Σ wᵢ dᵢ δᵢ / Σ wᵢ} over the features with a δ (wᵢ the feature's weight in the
	 *         patterns file, as in the fibre's Stouffer score), smallest q among features with dᵢ δᵢ &gt; 0}
	 */
	private static double[] support(final Map<String, Direction> features, final Map<String, GroupRow> byFeature, final PatternLibrary lib) {
		double s = 0, sw = 0, q = Double.NaN;
		for (final Map.Entry<String, Direction> e : features.entrySet()) {
			final GroupRow r = byFeature.get(e.getKey());
			if (r == null || Double.isNaN(r.cliffsDelta)) continue;
			final PatternLibrary.Feature f = lib.feature(e.getKey());
			final double w = f == null ? 1 : f.weight;
			final double sd = e.getValue().sign() * r.cliffsDelta;
			s += w * sd;
			sw += w;
			if (sd > 0 && !Double.isNaN(r.qValue) && !(r.qValue >= q)) q = r.qValue;
		}
		return new double[] { sw == 0 ? Double.NaN : s / sw, Double.isNaN(q) ? 1 : q };
	}

	private static String evidence(final Map<String, Direction> features, final Map<String, GroupRow> byFeature) {
		final List<String> out = new ArrayList<>();
		for (final String k : features.keySet()) {
			final GroupRow r = byFeature.get(k);
			if (r == null || Double.isNaN(r.cliffsDelta)) continue;
			out.add(k + " " + Classifier.fmt(r.median) + " vs control median " + Classifier.fmt(r.controlMedian) + " (Cliff's δ " + Classifier.fmt2(r.cliffsDelta)
				+ ", q " + Classifier.fmt(r.qValue) + ", n " + (int) r.n + " vs " + (int) r.controlN + ")");
		}
		return String.join("; ", out);
	}

	/** Orders time points numerically when both parse as numbers (with an optional unit suffix), else as text. */
	static int compareTimepoints(final String a, final String b) {
		if (a.equals(b)) return 0;
		final double x = leadingNumber(a), y = leadingNumber(b);
		if (!Double.isNaN(x) && !Double.isNaN(y) && x != y) return Double.compare(x, y);
		return a.compareTo(b);
	}

	/** A time point's leading number after an optional word: {@code 7}, {@code day 7}, {@code d7.5}. */
	private static final java.util.regex.Pattern TIMEPOINT = java.util.regex.Pattern.compile("^\\s*[A-Za-z]*\\s*(-?[0-9]+(\\.[0-9]+)?)");

	private static double leadingNumber(final String s) {
		final java.util.regex.Matcher m = TIMEPOINT.matcher(s.toLowerCase(Locale.ROOT));
		return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
	}
}
