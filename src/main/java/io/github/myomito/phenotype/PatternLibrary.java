package io.github.myomito.phenotype;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The knowledge base a phenotype call is read against: a versioned JSON file (schema
 * {@code myomito-patterns/1}, documented in {@code docs/phenotypes.md}) that transcribes a review — the built-in
 * {@code lei2024.json} transcribes Lei et al. 2024, Cell Mol Biol Lett 29:59, doi:10.1186/s11658-024-00572-y:
 * the fibre-type baselines [53] and the SS/IMF populations [9], the dynamics signatures, the mitophagy readouts
 * and every row of its Table 3, each with the review's reference numbers. The file also carries the features the
 * classifier reads, their scale floors, the network-type score and the thresholds, so that a lab can change them
 * with its own file ({@code --patterns FILE}) without touching code.
 * <p>
 * The file is validated on load: an unknown key, a direction that is not one of {@code ↑ ↓ NS unchanged
 * "first ↑ then ↓"}, a missing or empty reference list, an unknown feature or readout is an
 * {@link IllegalArgumentException} naming the file and the entry.
 */
public final class PatternLibrary {

	/** Resource path of the built-in knowledge base. */
	public static final String BUILT_IN = "/io/github/myomito/phenotype/patterns/lei2024.json";
	/** Schema identifier this version reads. */
	public static final String SCHEMA = "myomito-patterns/1";

	/** A feature the classifier reads: a fibres.csv column or a documented ratio of two. */
	public static final class Feature {
		/** Column key (or derived name). */
		public final String key;
		/** Smallest robust scale used to standardise it (same unit as the feature). */
		public final double scaleFloor;
		/** "a / b" for a derived feature, else null. */
		public final String derived;
		/** Weight of the feature in a signature's combined score (default 1). */
		public final double weight;

		/** Numerator and denominator column of a derived feature, else null. */
		final String numerator, denominator;

		Feature(final String key, final double scaleFloor, final String derived, final double weight) {
			// interned, like the column keys of a fibres table read by PhenotypeRun: a lookup matches by identity
			this.key = key.intern();
			this.scaleFloor = scaleFloor;
			this.derived = derived;
			this.weight = weight;
			final String[] ab = derived == null ? null : derived.split(" / ");
			this.numerator = ab == null ? null : ab[0].intern();
			this.denominator = ab == null ? null : ab[1].intern();
		}
	}

	/** One term of the network-type score. */
	public static final class ScoreTerm {
		/** Feature key. */
		public final String feature;
		/** identity, saturate (1 − e^(−x/scale)), complement (1 − x) or balance (min(x, y)/max(x, y)). */
		public final String transform;
		/** Scale of {@code saturate}. */
		public final double scale;
		/** Weight in the weighted mean. */
		public final double weight;
		/** Value used when the feature is NaN (NaN: the term is left out). */
		public final double missing;
		/** Second feature of {@code balance}. */
		public final String with;

		ScoreTerm(final String feature, final String transform, final double scale, final double weight, final double missing, final String with) {
			this.feature = feature.intern();
			this.transform = transform;
			this.scale = scale;
			this.weight = weight;
			this.missing = missing;
			this.with = with == null ? null : with.intern();
		}
	}

	/** A network type with its lower score bound. */
	public static final class NetworkType {
		/** Label written to network_type. */
		public final String id;
		/** Lowest network score of this type. */
		public final double minScore;
		/** Paraphrase of the review. */
		public final String summary;
		/** Review reference numbers. */
		public final int[] references;

		NetworkType(final String id, final double minScore, final String summary, final int[] references) {
			this.id = id;
			this.minScore = minScore;
			this.summary = summary;
			this.references = references;
		}
	}

	/** A dynamics state's morphological signature. */
	public static final class Signature {
		/** Label written to dynamics_state. */
		public final String id;
		/** Paraphrase of the review. */
		public final String summary;
		/** Review reference numbers. */
		public final int[] references;
		/** Net balance the state shows: fission, fusion or undetermined. */
		public final String balance;
		/** Feature → expected direction (↑ or ↓), in file order. */
		public final Map<String, Direction> features;

		Signature(final String id, final String summary, final int[] references, final String balance, final Map<String, Direction> features) {
			this.id = id;
			this.summary = summary;
			this.references = references;
			this.balance = balance;
			this.features = Collections.unmodifiableMap(features);
		}
	}

	/** One row of the review's Table 3. */
	public static final class ModelRow {
		/** Entry id. */
		public final String id;
		/** Short model name (DMD, denervation, aging, …). */
		public final String model;
		/** The review's model name. */
		public final String modelName;
		/** dynamics, mitophagy, ros or respiration. */
		public final String readout;
		/** Reported direction (mitophagy, ROS, respiration, or "unchanged" dynamics), or null. */
		public final Direction direction;
		/** Reported fusion direction (dynamics rows), or null. */
		public final Direction fusion;
		/** Reported fission direction (dynamics rows), or null. */
		public final Direction fission;
		/** Review reference numbers. */
		public final int[] references;
		/** Paraphrase. */
		public final String summary;

		ModelRow(final String id, final String model, final String modelName, final String readout, final Direction direction, final Direction fusion,
			final Direction fission, final int[] references, final String summary) {
			this.id = id;
			this.model = model;
			this.modelName = modelName;
			this.readout = readout;
			this.direction = direction;
			this.fusion = fusion;
			this.fission = fission;
			this.references = references;
			this.summary = summary;
		}

		/** @return the reported change as text, e.g. "fusion ↑, fission ↓" or "mitophagy first ↑ then ↓". */
		public String reported() {
			if (direction != null) return readout + " " + direction.symbol();
			final List<String> p = new ArrayList<>();
			if (fusion != null) p.add("fusion " + fusion.symbol());
			if (fission != null) p.add("fission " + fission.symbol());
			return String.join(", ", p);
		}

		/**
		 * @return for a dynamics row the net morphological balance it predicts: +1 toward fission (fission ↑ or
		 *         fusion ↓), −1 toward fusion, 0 none (unchanged, or both moving the same way)
		 */
		public int balance() {
			if (direction != null) return 0;
			final int b = (fission == null ? 0 : fission.sign()) - (fusion == null ? 0 : fusion.sign());
			return Integer.signum(b);
		}
	}

	private final String name;
	private final String sha256;
	private final String id;
	private final String version;
	private final String reviewCitation;
	private final String reviewDoi;
	private final List<Feature> features;
	private final Map<String, Feature> featureByKey;
	private final List<ScoreTerm> networkScore;
	private final List<NetworkType> networkTypes;
	private final int[] networkReferences;
	private final double dynamicsThreshold;
	private final List<Signature> signatures;
	private final double mitophagyThreshold;
	private final Map<String, Direction> mitophagyFeatures;
	private final Map<String, Direction> reporterFeatures;
	private final int[] mitophagyReferences;
	private final List<ModelRow> table3;
	private final BuiltInReferences builtIn;

	private PatternLibrary(final String name, final byte[] bytes) {
		this.name = name;
		this.sha256 = sha256(bytes);
		final JsonObject root;
		try {
			final JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
			if (!e.isJsonObject()) throw new IllegalArgumentException(name + ": a patterns file is a JSON object");
			root = e.getAsJsonObject();
		}
		catch (final JsonParseException e) {
			throw new IllegalArgumentException(name + ": not valid JSON (" + e.getMessage() + ")");
		}
		final Ctx c = new Ctx(name);
		c.keys(root, "top level", "schema", "id", "version", "review", "features", "network_types", "dynamics", "mitophagy", "table3", "built_in_references");
		final String schema = c.str(root, "schema", "top level");
		if (!SCHEMA.equals(schema)) throw c.error("top level", "schema is '" + schema + "', this MyoMito reads " + SCHEMA);
		id = c.str(root, "id", "top level");
		version = c.str(root, "version", "top level");
		final JsonObject review = c.obj(root, "review", "top level");
		c.keys(review, "review", "citation", "doi", "licence", "note");
		reviewCitation = c.str(review, "citation", "review");
		reviewDoi = c.str(review, "doi", "review");

		final List<Feature> fs = new ArrayList<>();
		final Set<String> known = new HashSet<>();
		for (final JsonElement e : c.arr(root, "features", "top level")) {
			final JsonObject o = c.asObj(e, "features");
			final String where = "feature " + (o.has("key") ? o.get("key").getAsString() : "?");
			c.keys(o, where, "key", "scale_floor", "derived", "weight");
			final String k = c.str(o, "key", where);
			final double floor = c.num(o, "scale_floor", where);
			if (!(floor > 0)) throw c.error(where, "scale_floor must be > 0");
			final String der = o.has("derived") ? c.str(o, "derived", where) : null;
			if (der != null && !der.matches("[a-z0-9_]+ / [a-z0-9_]+")) throw c.error(where, "derived must read 'column_a / column_b'");
			if (!known.add(k)) throw c.error(where, "feature listed twice");
			final double w = o.has("weight") ? c.positive(o, "weight", where) : 1.0;
			fs.add(new Feature(k, floor, der, w));
		}
		features = Collections.unmodifiableList(fs);
		final Map<String, Feature> byKey = new java.util.HashMap<>();
		for (final Feature f : fs) byKey.put(f.key, f);
		featureByKey = Collections.unmodifiableMap(byKey);

		final JsonObject nt = c.obj(root, "network_types", "top level");
		c.keys(nt, "network_types", "summary", "references", "score", "types", "populations");
		c.str(nt, "summary", "network_types");
		networkReferences = c.refs(nt, "network_types");
		final List<ScoreTerm> terms = new ArrayList<>();
		for (final JsonElement e : c.arr(nt, "score", "network_types")) {
			final JsonObject o = c.asObj(e, "network_types.score");
			final String where = "network score term " + (o.has("feature") ? o.get("feature").getAsString() : "?");
			c.keys(o, where, "feature", "transform", "scale", "weight", "missing", "with");
			final String f = c.feature(o, "feature", where, known, true);
			final String tr = c.str(o, "transform", where);
			if (!Arrays.asList("identity", "saturate", "complement", "balance").contains(tr))
				throw c.error(where, "transform '" + tr + "' is not identity, saturate, complement or balance");
			final double scale = o.has("scale") ? c.num(o, "scale", where) : Double.NaN;
			if ("saturate".equals(tr) && !(scale > 0)) throw c.error(where, "saturate needs a scale > 0");
			final String with = o.has("with") ? c.str(o, "with", where) : null;
			if ("balance".equals(tr) && with == null) throw c.error(where, "balance needs 'with' (the second feature)");
			final double w = c.num(o, "weight", where);
			if (!(w > 0)) throw c.error(where, "weight must be > 0");
			terms.add(new ScoreTerm(f, tr, scale, w, o.has("missing") ? c.num(o, "missing", where) : Double.NaN, with));
		}
		networkScore = Collections.unmodifiableList(terms);
		final List<NetworkType> types = new ArrayList<>();
		double last = Double.POSITIVE_INFINITY;
		for (final JsonElement e : c.arr(nt, "types", "network_types")) {
			final JsonObject o = c.asObj(e, "network_types.types");
			final String where = "network type " + (o.has("id") ? o.get("id").getAsString() : "?");
			c.keys(o, where, "id", "min_score", "summary", "references");
			final double min = c.num(o, "min_score", where);
			if (!(min < last)) throw c.error(where, "types must be listed by decreasing min_score");
			last = min;
			types.add(new NetworkType(c.str(o, "id", where), min, c.str(o, "summary", where), c.refs(o, where)));
		}
		if (types.isEmpty() || types.get(types.size() - 1).minScore > 0) throw c.error("network_types", "the last type must have min_score 0 (every fibre gets a type)");
		networkTypes = Collections.unmodifiableList(types);
		if (nt.has("populations"))
			for (final JsonElement e : nt.getAsJsonArray("populations")) {
				final JsonObject o = c.asObj(e, "populations");
				final String where = "population " + (o.has("id") ? o.get("id").getAsString() : "?");
				c.keys(o, where, "id", "summary", "references");
				c.str(o, "id", where);
				c.str(o, "summary", where);
				c.refs(o, where);
			}

		final JsonObject dy = c.obj(root, "dynamics", "top level");
		c.keys(dy, "dynamics", "threshold", "states");
		dynamicsThreshold = c.positive(dy, "threshold", "dynamics");
		final List<Signature> sigs = new ArrayList<>();
		for (final JsonElement e : c.arr(dy, "states", "dynamics")) {
			final JsonObject o = c.asObj(e, "dynamics.states");
			final String where = "dynamics state " + (o.has("id") ? o.get("id").getAsString() : "?");
			c.keys(o, where, "id", "summary", "references", "balance", "features");
			final String sid = c.str(o, "id", where);
			if ("balanced".equals(sid)) throw c.error(where, "'balanced' is the absence of every state, not a state to list");
			final String bal = c.str(o, "balance", where);
			if (!Arrays.asList("fission", "fusion", "undetermined").contains(bal)) throw c.error(where, "balance must be fission, fusion or undetermined");
			sigs.add(new Signature(sid, c.str(o, "summary", where), c.refs(o, where), bal, c.directions(o, "features", where, known)));
		}
		signatures = Collections.unmodifiableList(sigs);

		final JsonObject mi = c.obj(root, "mitophagy", "top level");
		c.keys(mi, "mitophagy", "threshold", "summary", "references", "features", "reporter_features");
		mitophagyThreshold = c.positive(mi, "threshold", "mitophagy");
		c.str(mi, "summary", "mitophagy");
		mitophagyReferences = c.refs(mi, "mitophagy");
		mitophagyFeatures = c.directions(mi, "features", "mitophagy", known);
		reporterFeatures = mi.has("reporter_features") ? c.directions(mi, "reporter_features", "mitophagy", known) : Collections.emptyMap();

		final List<ModelRow> rows = new ArrayList<>();
		final Set<String> ids = new HashSet<>();
		for (final JsonElement e : c.arr(root, "table3", "top level")) {
			final JsonObject o = c.asObj(e, "table3");
			final String where = "table3 entry " + (o.has("id") ? o.get("id").getAsString() : "?");
			c.keys(o, where, "id", "model", "model_name", "readout", "direction", "fusion", "fission", "references", "summary");
			final String rid = c.str(o, "id", where);
			if (!ids.add(rid)) throw c.error(where, "id used twice");
			final String readout = c.str(o, "readout", where);
			if (!Arrays.asList("dynamics", "mitophagy", "ros", "respiration").contains(readout))
				throw c.error(where, "readout '" + readout + "' is not dynamics, mitophagy, ros or respiration");
			final Direction dir = o.has("direction") ? c.direction(o, "direction", where) : null;
			final Direction fu = o.has("fusion") ? c.direction(o, "fusion", where) : null;
			final Direction fi = o.has("fission") ? c.direction(o, "fission", where) : null;
			if ("dynamics".equals(readout)) {
				if (dir != null && (fu != null || fi != null)) throw c.error(where, "give either direction or fusion/fission, not both");
				if (dir == null && fu == null && fi == null) throw c.error(where, "a dynamics row needs fusion and/or fission (or direction 'unchanged')");
				if (dir != null && dir != Direction.UNCHANGED && dir != Direction.NS) throw c.error(where, "a dynamics row's direction can only be unchanged or NS");
			}
			else {
				if (fu != null || fi != null) throw c.error(where, "fusion/fission belong to dynamics rows");
				if (dir == null) throw c.error(where, "missing direction");
			}
			rows.add(new ModelRow(rid, c.str(o, "model", where), c.str(o, "model_name", where), readout, dir, fu, fi, c.refs(o, where), c.str(o, "summary", where)));
		}
		if (rows.isEmpty()) throw c.error("table3", "no rows");
		table3 = Collections.unmodifiableList(rows);
		builtIn = root.has("built_in_references") ? BuiltInReferences.parse(name, c.obj(root, "built_in_references", "top level")) : BuiltInReferences.builtIn();
	}

	/** @return the built-in knowledge base (Lei et al. 2024). */
	public static PatternLibrary builtIn() {
		try (InputStream in = PatternLibrary.class.getResourceAsStream(BUILT_IN)) {
			if (in == null) throw new IllegalStateException("built-in patterns resource missing: " + BUILT_IN);
			return new PatternLibrary("built-in:lei2024.json", in.readAllBytes());
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot read " + BUILT_IN, e);
		}
	}

	/** @return the knowledge base in {@code file}, validated; errors name the file and the entry. */
	public static PatternLibrary read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such patterns file");
		return new PatternLibrary(file.toString(), Files.readAllBytes(file));
	}

	/** @return the knowledge base from JSON text (tests, Fiji). */
	public static PatternLibrary parse(final String name, final String json) {
		return new PatternLibrary(name, json.getBytes(StandardCharsets.UTF_8));
	}

	/** @return the file name (or "built-in:lei2024.json"). */
	public String name() { return name; }
	/** @return SHA-256 (hex) of the file's bytes. */
	public String sha256() { return sha256; }
	/** @return the file's id, e.g. lei2024. */
	public String id() { return id; }
	/** @return the file's version. */
	public String version() { return version; }
	/** @return the review cited. */
	public String reviewCitation() { return reviewCitation; }
	/** @return the review's DOI. */
	public String reviewDoi() { return reviewDoi; }
	/** @return the features the classifier reads. */
	public List<Feature> features() { return features; }
	/** @return the network-type score terms. */
	public List<ScoreTerm> networkScore() { return networkScore; }
	/** @return network types by decreasing lower score bound. */
	public List<NetworkType> networkTypes() { return networkTypes; }
	/** @return references of the fibre-type baselines. */
	public int[] networkReferences() { return networkReferences.clone(); }
	/** @return the signature score a dynamics state needs. */
	public double dynamicsThreshold() { return dynamicsThreshold; }
	/** @return the dynamics signatures. */
	public List<Signature> signatures() { return signatures; }
	/** @return the |score| a mitophagy call needs. */
	public double mitophagyThreshold() { return mitophagyThreshold; }
	/** @return LC3 mitophagy features and the direction of more mitophagy. */
	public Map<String, Direction> mitophagyFeatures() { return mitophagyFeatures; }
	/** @return pH-reporter mitophagy features and the direction of more mitophagy. */
	public Map<String, Direction> reporterFeatures() { return reporterFeatures; }
	/** @return references of the mitophagy readouts. */
	public int[] mitophagyReferences() { return mitophagyReferences.clone(); }
	/** @return every row of Table 3. */
	public List<ModelRow> table3() { return table3; }
	/** @return the built-in references by network type. */
	public BuiltInReferences builtInReferences() { return builtIn; }

	/**
	 * @return the fibres.csv columns a classification reads: the features (the two columns of a derived one), the
	 *         network-score terms and the mitophagy readouts, in file order
	 */
	public java.util.Set<String> columnsRead() {
		final java.util.Set<String> k = new java.util.LinkedHashSet<>();
		for (final Feature f : features) {
			if (f.derived == null) k.add(f.key);
			else {
				k.add(f.numerator);
				k.add(f.denominator);
			}
		}
		for (final ScoreTerm t : networkScore) {
			k.add(t.feature);
			if (t.with != null) k.add(t.with);
		}
		k.addAll(mitophagyFeatures.keySet());
		k.addAll(reporterFeatures.keySet());
		return java.util.Collections.unmodifiableSet(k);
	}

	/** @return the feature with this key, or null. */
	public Feature feature(final String key) {
		return featureByKey.get(key);
	}

	/** Formats reference numbers as the review does: [145–147], [27, 35, 48]. */
	public static String cite(final int[] refs) {
		final int[] r = refs.clone();
		Arrays.sort(r);
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < r.length;) {
			int j = i;
			while (j + 1 < r.length && r[j + 1] == r[j] + 1) j++;
			if (sb.length() > 1) sb.append(", ");
			if (j - i >= 2) sb.append(r[i]).append('–').append(r[j]);
			else for (int k = i; k <= j; k++) sb.append(k > i ? ", " : "").append(r[k]);
			i = j + 1;
		}
		return sb.append(']').toString();
	}

	static String sha256(final byte[] b) {
		try {
			final byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
			final StringBuilder sb = new StringBuilder();
			for (final byte x : d) sb.append(String.format("%02x", x));
			return sb.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Validation helpers; every error names the file and the entry. */
	static final class Ctx {
		private final String file;

		Ctx(final String file) {
			this.file = file;
		}

		IllegalArgumentException error(final String where, final String what) {
			return new IllegalArgumentException(file + ": " + where + ": " + what);
		}

		void keys(final JsonObject o, final String where, final String... allowed) {
			final List<String> a = Arrays.asList(allowed);
			for (final String k : o.keySet())
				if (!a.contains(k)) throw error(where, "unknown key '" + k + "' (allowed: " + String.join(", ", a) + ")");
		}

		String str(final JsonObject o, final String k, final String where) {
			if (!o.has(k) || !o.get(k).isJsonPrimitive() || !o.get(k).getAsJsonPrimitive().isString() || o.get(k).getAsString().isBlank())
				throw error(where, "missing text '" + k + "'");
			return o.get(k).getAsString();
		}

		double num(final JsonObject o, final String k, final String where) {
			if (!o.has(k) || !o.get(k).isJsonPrimitive() || !o.get(k).getAsJsonPrimitive().isNumber()) throw error(where, "missing number '" + k + "'");
			return o.get(k).getAsDouble();
		}

		double positive(final JsonObject o, final String k, final String where) {
			final double v = num(o, k, where);
			if (!(v > 0 && Double.isFinite(v))) throw error(where, k + " must be a positive number");
			return v;
		}

		JsonObject obj(final JsonObject o, final String k, final String where) {
			if (!o.has(k) || !o.get(k).isJsonObject()) throw error(where, "missing object '" + k + "'");
			return o.getAsJsonObject(k);
		}

		JsonObject asObj(final JsonElement e, final String where) {
			if (!e.isJsonObject()) throw error(where, "entries must be objects");
			return e.getAsJsonObject();
		}

		JsonArray arr(final JsonObject o, final String k, final String where) {
			if (!o.has(k) || !o.get(k).isJsonArray()) throw error(where, "missing list '" + k + "'");
			return o.getAsJsonArray(k);
		}

		int[] refs(final JsonObject o, final String where) {
			if (!o.has("references") || !o.get("references").isJsonArray() || o.getAsJsonArray("references").size() == 0)
				throw error(where, "missing reference: every entry needs a non-empty 'references' list of the review's numbers");
			final JsonArray a = o.getAsJsonArray("references");
			final int[] r = new int[a.size()];
			for (int i = 0; i < r.length; i++) {
				final JsonElement e = a.get(i);
				if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() != Math.rint(e.getAsDouble()) || e.getAsInt() < 1)
					throw error(where, "references must be positive whole numbers, got " + e);
				r[i] = e.getAsInt();
			}
			return r;
		}

		Direction direction(final JsonObject o, final String k, final String where) {
			final String s = o.get(k).isJsonPrimitive() ? o.get(k).getAsString() : String.valueOf(o.get(k));
			final Direction d = Direction.parse(s);
			if (d == null) throw error(where, k + " '" + s + "' is not one of ↑, ↓, NS, unchanged, first ↑ then ↓");
			return d;
		}

		String feature(final JsonObject o, final String k, final String where, final Set<String> known, final boolean required) {
			final String f = str(o, k, where);
			if (!known.contains(f)) throw error(where, "feature '" + f + "' is not listed under 'features'");
			return f;
		}

		Map<String, Direction> directions(final JsonObject o, final String k, final String where, final Set<String> known) {
			final JsonObject m = obj(o, k, where);
			final Map<String, Direction> out = new LinkedHashMap<>();
			for (final String f : m.keySet()) {
				if (!known.contains(f)) throw error(where, "feature '" + f + "' is not listed under 'features'");
				final Direction d = direction(m, f, where);
				if (d != Direction.UP && d != Direction.DOWN) throw error(where, "a signature's feature direction is ↑ or ↓, got " + d + " for " + f);
				out.put(f, d);
			}
			if (out.isEmpty()) throw error(where, "'" + k + "' lists no feature");
			return Collections.unmodifiableMap(out);
		}
	}
}
