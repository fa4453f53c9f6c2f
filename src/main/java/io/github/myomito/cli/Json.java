package io.github.myomito.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.GsonBuilder;

/** JSON output of the CLI: key order kept, NaN and infinities written as {@code null} (strict JSON). */
final class Json {

	private Json() {}

	static String write(final Map<String, ?> map) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(clean(map));
	}

	private static Object clean(final Object v) {
		if (v instanceof Double || v instanceof Float) {
			final double d = ((Number) v).doubleValue();
			return Double.isFinite(d) ? v : null;
		}
		if (v instanceof Map) {
			final Map<String, Object> out = new LinkedHashMap<>();
			for (final Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) out.put(String.valueOf(e.getKey()), clean(e.getValue()));
			return out;
		}
		if (v instanceof List) return ((List<?>) v).stream().map(Json::clean).collect(Collectors.toList());
		return v;
	}
}
