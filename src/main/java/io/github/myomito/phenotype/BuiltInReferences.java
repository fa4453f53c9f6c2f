package io.github.myomito.phenotype;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The references used when a batch has no control condition: per network type, the median and 1.4826 · MAD of
 * every feature over simulated fibres of that type's baseline pattern, analysed with the default settings and
 * the phantoms' own PSF (20 seeds, pixel size 0.06–0.15 µm, random fibre angle; see {@code docs/phenotypes.md}).
 * The resource {@code builtin-references.json} is written by {@code bash docs/make-references.sh}
 * (test-scope generator {@code BuiltInReferenceGenerator}); a test regenerates it and checks that it is up to
 * date. Phantoms are not a lab's own fibres, so calls against a built-in reference say so in every row and carry
 * half the confidence.
 */
public final class BuiltInReferences {

	/** Resource path. */
	public static final String RESOURCE = "/io/github/myomito/phenotype/patterns/builtin-references.json";
	/** Schema identifier. */
	public static final String SCHEMA = "myomito-builtin-references/1";
	/**
	 * Smallest scale of a built-in feature, as a fraction of its median: s = max(1.4826 · MAD, 0.10 · |median|,
	 * floor). The references' spread covers phantom seeds, fibre sizes and the three fibre regions, but some features
	 * hardly vary among phantoms (mean width: 1.4826 · MAD ≈ 0.005 µm on 0.31 µm) while real fibres and microscopes
	 * vary more; without this a 5 % difference in width alone would be a shift of three robust SDs. A control
	 * condition has no such floor: its spread is measured. A guard, not a tuning knob: new seeds of each baseline
	 * (whole image and outline ROI) are all called balanced with or without it ({@code BuiltInReferencesTest}, 32 of
	 * 32), and the swollen and fission sample images are still called swollen and fission-dominant with it.
	 */
	public static final double MIN_RELATIVE_SCALE = 0.10;

	private final Map<String, Reference> byType;
	private final String derivation;

	private BuiltInReferences(final Map<String, Reference> byType, final String derivation) {
		this.byType = Collections.unmodifiableMap(byType);
		this.derivation = derivation;
	}

	/** @return the reference of a network type, or null. */
	public Reference forType(final String networkType) {
		return byType.get(networkType);
	}

	/** @return how the references were derived. */
	public String derivation() {
		return derivation;
	}

	/** @return the network types with a reference. */
	public java.util.Set<String> types() {
		return byType.keySet();
	}

	/** @return the shipped references (empty when the resource is absent). */
	public static BuiltInReferences builtIn() {
		try (InputStream in = BuiltInReferences.class.getResourceAsStream(RESOURCE)) {
			if (in == null) return new BuiltInReferences(new LinkedHashMap<>(), "none");
			return parse("built-in:builtin-references.json", JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject());
		}
		catch (final IOException e) {
			throw new IllegalStateException("cannot read " + RESOURCE, e);
		}
	}

	/** Parses and validates a references object; errors name the file and the entry. */
	static BuiltInReferences parse(final String file, final JsonObject o) {
		final PatternLibrary.Ctx c = new PatternLibrary.Ctx(file);
		c.keys(o, "built_in_references", "schema", "derivation", "command", "settings", "types");
		final String schema = c.str(o, "schema", "built_in_references");
		if (!SCHEMA.equals(schema)) throw c.error("built_in_references", "schema is '" + schema + "', expected " + SCHEMA);
		final Map<String, Reference> m = new LinkedHashMap<>();
		final JsonObject types = c.obj(o, "types", "built_in_references");
		for (final String t : types.keySet()) {
			final JsonObject to = c.asObj(types.get(t), "built-in reference " + t);
			c.keys(to, "built-in reference " + t, "pattern", "n", "features");
			final Map<String, double[]> f = new LinkedHashMap<>();
			final JsonObject fo = c.obj(to, "features", "built-in reference " + t);
			for (final String k : fo.keySet()) {
				final String where = "built-in reference " + t + " feature " + k;
				final JsonObject so = c.asObj(fo.get(k), where);
				c.keys(so, where, "median", "scale");
				final double med = num(so.get("median")), sc = num(so.get("scale"));
				f.put(k, new double[] { med, Double.isNaN(med) ? sc : Math.max(Double.isNaN(sc) ? 0 : sc, MIN_RELATIVE_SCALE * Math.abs(med)) });
			}
			m.put(t, Reference.builtIn("built-in:" + t, f));
		}
		return new BuiltInReferences(m, c.str(o, "derivation", "built_in_references"));
	}

	private static double num(final JsonElement e) {
		if (e == null || e.isJsonNull()) return Double.NaN;
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return Double.parseDouble(e.getAsString());
		return e.getAsDouble();
	}
}
