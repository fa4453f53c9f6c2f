package io.github.myomito.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.github.myomito.progress.Progress;
import io.github.myomito.results.AtomicFiles;
import io.github.myomito.results.Column;
import io.github.myomito.results.Provenance;
import io.github.myomito.results.Table;

/**
 * Runs an analysis over many image files and writes tidy tables, resumably and atomically.
 * <p>
 * Layout of the output folder: {@code <table>.csv} for each table (rows in sorted-file order),
 * {@code provenance.json}, and {@code .parts/<key>/} holding each image's own tables and, written
 * last, its {@code status.json}. An image whose {@code status.json} exists with the same settings
 * hash and input checksum is not analysed again ({@link Options#resume}); errors are retried.
 * Images run in parallel on {@link Options#threads} threads; since each image's tables are
 * independent and assembled in sorted order, the output is byte-identical to a serial run. With more threads
 * than images, the spare threads take parts of the images' own analyses (identical results too).
 * {@link #merge} assembles the parts of several chunk folders into the same tables a single run over
 * all images writes.
 */
public final class BatchRunner {

	private static final String PARTS = ".parts";
	private static final String STATUS = "status.json";
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

	/** The per-image work and the tables it produces. */
	public interface Analyzer {
		/** Analyses one file; failures are reported through the returned result, or thrown. */
		ImageResult analyze(Path file, Progress progress) throws Exception;

		/**
		 * Analyses one file, with an executor for parts of the image's own analysis (see
		 * {@link ImageAnalysis#analyze(io.github.myomito.image.FibreImage, FibreInput, AnalysisSettings, Progress, java.util.concurrent.Executor)});
		 * the result must be the same as {@link #analyze(Path, Progress)}'s, which is the default.
		 *
		 * @param helpers executor for intra-image parts, or null
		 */
		default ImageResult analyze(final Path file, final Progress progress, final java.util.concurrent.Executor helpers) throws Exception {
			return analyze(file, progress);
		}

		/** Turns a failure into a result with one {@code images} row (status error, message). */
		ImageResult failure(Path file, String message);

		/** @return the output tables (name → columns) in output order. */
		Map<String, List<Column>> tables();
	}

	/** Batch options (immutable). */
	public static final class Options {
		final int threads;
		final boolean resume;
		final String settingsJson;
		final String chunk;
		final String commandLine;

		/**
		 * @param threads images analysed in parallel (≥ 1)
		 * @param resume skip images already complete in the output folder
		 * @param settingsJson the analysis settings as JSON (hashed into provenance and resume checks)
		 * @param chunk the chunk spec "i/N" or null
		 */
		public Options(final int threads, final boolean resume, final String settingsJson, final String chunk) {
			if (threads < 1) throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
			this.threads = threads;
			this.resume = resume;
			this.settingsJson = settingsJson;
			this.chunk = chunk;
			this.commandLine = null;
		}

		private Options(final Options o, final String commandLine) {
			this.threads = o.threads;
			this.resume = o.resume;
			this.settingsJson = o.settingsJson;
			this.chunk = o.chunk;
			this.commandLine = commandLine;
		}

		/**
		 * @param commandLine the command that started the run, as the user typed it (written to
		 *        {@code provenance.json} as {@code command_line}; null = not known, e.g. a Fiji dialog)
		 * @return these options with the command line
		 */
		public Options commandLine(final String commandLine) {
			return new Options(this, commandLine);
		}
	}

	/** What happened to each image of a run. */
	public static final class Summary {
		/** Files in the run. */
		public final int total;
		/** Files analysed now. */
		public final int analysed;
		/** Files skipped because they were already complete. */
		public final int resumed;
		/** Files with status error. */
		public final int failed;

		Summary(final int total, final int analysed, final int resumed, final int failed) {
			this.total = total;
			this.analysed = analysed;
			this.resumed = resumed;
			this.failed = failed;
		}
	}

	private final Analyzer analyzer;
	private final Options options;

	/** @param analyzer the per-image analysis, @param options batch options */
	public BatchRunner(final Analyzer analyzer, final Options options) {
		this.analyzer = analyzer;
		this.options = options;
	}

	/** @return a stable key for an input file: sanitised name plus a hash of its path (part folder and QC picture names). */
	public static String key(final String file) {
		final String base = Path.of(file).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
		return base + "-" + Provenance.shortHash(file);
	}

	/**
	 * Analyses the files (already sorted and chunked by the caller) into {@code out}.
	 */
	public Summary run(final List<Path> files, final Path out, final Progress progress) throws IOException {
		try (OutputLock lock = OutputLock.acquire(out)) {
			return runLocked(files, out, progress);
		}
	}

	/** Deletes temporary files ({@code .name….part}) an interrupted run left in {@code dir}. */
	private static void removeTemporaries(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return;
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path f : (Iterable<Path>) s::iterator)
				if (Files.isRegularFile(f) && isTemporary(f)) Files.deleteIfExists(f);
		}
	}

	private Summary runLocked(final List<Path> files, final Path out, final Progress progress) throws IOException {
		Files.createDirectories(out.resolve(PARTS));
		// what a killed run left half-written (never under a final name) goes now, under the lock
		removeTemporaries(out);
		for (final Path f : files) removeTemporaries(out.resolve(PARTS).resolve(key(f.toString())));
		final String settingsHash = Provenance.shortHash(options.settingsJson);
		final long t0 = System.nanoTime();
		final String date = date();
		final AtomicInteger done = new AtomicInteger(), resumed = new AtomicInteger(), failed = new AtomicInteger(), analysed = new AtomicInteger();
		final ExecutorService pool = Executors.newFixedThreadPool(options.threads, r -> {
			final Thread t = new Thread(r, "myomito-batch");
			t.setDaemon(true);
			return t;
		});
		// threads beyond one per image help within the images (the same pool: an image whose parts no idle
		// thread takes runs them itself); with at least as many images as threads, each image runs on one
		final java.util.concurrent.Executor helpers = options.threads > files.size() ? pool : null;
		try {
			final List<Future<?>> futures = new ArrayList<>();
			for (final Path f : files) {
				futures.add(pool.submit(() -> {
					if (progress.isCancelled()) return null;
					final String file = f.toString();
					final Path part = out.resolve(PARTS).resolve(key(file));
					final String sha = checksum(f);
					final JsonObject old = readStatus(part);
					if (options.resume && old != null && settingsHash.equals(str(old, "settings_hash")) && sha.equals(str(old, "sha256"))
						&& !"error".equals(str(old, "status"))) {
						resumed.incrementAndGet();
						progress.status("[" + done.incrementAndGet() + "/" + files.size() + "] " + file + " already complete, skipped");
						progress.progress(done.get(), files.size());
						return null;
					}
					final long s0 = System.nanoTime();
					ImageResult r;
					try {
						r = analyzer.analyze(f, Progress.NONE, helpers);
					}
					catch (final Exception | OutOfMemoryError e) {
						String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
						if (e instanceof OutOfMemoryError) {
							final long heap = Runtime.getRuntime().maxMemory();
							m = String.format(java.util.Locale.ROOT, "not enough memory: the analysis ran out of the %.1f GB Java heap; give java more, e.g. java -Xmx%dg "
								+ "(README, memory)", heap / 1e9, Math.max(2, (long) Math.ceil(2.0 * heap / (1L << 30))));
						}
						if (!m.contains(Path.of(file).getFileName().toString())) m = file + ": " + m;
						r = analyzer.failure(f, m.replace('\n', ' '));
					}
					final double seconds = (System.nanoTime() - s0) / 1e9;
					writePart(part, file, sha, settingsHash, r, seconds);
					analysed.incrementAndGet();
					if (r.status() == ImageResult.Status.ERROR) failed.incrementAndGet();
					progress.status("[" + done.incrementAndGet() + "/" + files.size() + "] " + file + " " + r.status().label()
						+ (r.message().isEmpty() ? "" : " (" + r.message() + ")") + String.format(java.util.Locale.ROOT, " %.2f s", seconds));
					progress.progress(done.get(), files.size());
					return null;
				}));
			}
			for (final Future<?> fu : futures) {
				try {
					fu.get();
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted", e);
				}
				catch (final ExecutionException e) {
					throw new IOException(e.getCause().getMessage(), e.getCause());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		progress.checkCancelled();
		final List<Path> parts = files.stream().map(f -> out.resolve(PARTS).resolve(key(f.toString()))).collect(Collectors.toList());
		assemble(parts, out);
		// a resumed image that had failed before is counted through its status file
		int failedNow = 0;
		for (final Path p : parts) {
			final JsonObject st = readStatus(p);
			if (st != null && "error".equals(str(st, "status"))) failedNow++;
		}
		writeProvenance(out, parts, (System.nanoTime() - t0) / 1e9, null, date);
		return new Summary(files.size(), analysed.get(), resumed.get(), Math.max(failedNow, failed.get()));
	}

	/**
	 * Merges chunk output folders into {@code out}: the same tables as a single run over all their images.
	 *
	 * @return the number of images merged with status error
	 */
	public int merge(final List<Path> chunkDirs, final Path out) throws IOException {
		return merge(chunkDirs, out, false, null);
	}

	/**
	 * Merges chunk output folders, refusing (unless {@code force}) folders analysed with different settings
	 * (settings hash of their {@code provenance.json}), an incomplete set of chunks (their {@code chunk} i/N, or the
	 * {@code chunks} of a merged folder, must cover 1…N of one N) and one image merged from two folders with
	 * different results. The settings of the folders are written to the merged {@code provenance.json}, and their
	 * QC pictures ({@code qc/}) are copied along.
	 *
	 * @param force merge anyway (each overridden problem is reported to {@code warnings})
	 * @param warnings receives one line per overridden problem, or null
	 * @return the number of images merged with status error
	 * @throws IOException naming the folders and the problem (and {@code --force}) when refused
	 */
	public int merge(final List<Path> chunkDirs, final Path out, final boolean force, final java.util.function.Consumer<String> warnings) throws IOException {
		final List<Path> parts = new ArrayList<>();
		final List<String> problems = new ArrayList<>();
		final Map<String, List<Path>> byHash = new java.util.TreeMap<>();
		final Map<Integer, java.util.Set<Integer>> chunksByN = new java.util.TreeMap<>();
		JsonObject settings = null;
		for (final Path d : chunkDirs) {
			final Path p = d.resolve(PARTS);
			if (!Files.isDirectory(p)) throw new IOException(d + ": not a MyoMito output folder (no " + PARTS + ")");
			try (Stream<Path> s = Files.list(p)) {
				s.filter(x -> Files.exists(x.resolve(STATUS))).sorted().forEach(parts::add);
			}
			final JsonObject prov = readJson(d.resolve("provenance.json"));
			if (prov == null) continue;
			final String hash = str(prov, "settings_hash");
			if (hash != null) byHash.computeIfAbsent(hash, k -> new ArrayList<>()).add(d);
			if (settings == null && prov.has("settings") && prov.get("settings").isJsonObject()) settings = prov.getAsJsonObject("settings");
			final List<String> specs = new ArrayList<>();
			if (str(prov, "chunk") != null) specs.add(str(prov, "chunk"));
			if (prov.has("chunks") && prov.get("chunks").isJsonArray()) prov.getAsJsonArray("chunks").forEach(e -> specs.add(e.getAsString()));
			for (final String c : specs) {
				final int[] ic = Chunks.parse(c);
				chunksByN.computeIfAbsent(ic[1], k -> new java.util.TreeSet<>()).add(ic[0]);
			}
		}
		if (byHash.size() > 1)
			problems.add("the folders were analysed with different settings (settings hash " + byHash.entrySet().stream()
				.map(e -> e.getKey() + ": " + e.getValue().stream().map(Path::toString).collect(Collectors.joining(", "))).collect(Collectors.joining("; ")) + ")");
		if (chunksByN.size() > 1) problems.add("the folders are chunks of different splits (N = " + chunksByN.keySet() + ")");
		final List<String> chunks = new ArrayList<>();
		for (final Map.Entry<Integer, java.util.Set<Integer>> e : chunksByN.entrySet()) {
			final List<Integer> missing = new ArrayList<>();
			for (int i = 1; i <= e.getKey(); i++) {
				if (e.getValue().contains(i)) chunks.add(i + "/" + e.getKey());
				else missing.add(i);
			}
			if (!missing.isEmpty() && chunksByN.size() == 1)
				problems.add("incomplete chunk set: chunk" + (missing.size() == 1 ? " " : "s ") + missing.stream().map(i -> i + "/" + e.getKey())
					.collect(Collectors.joining(", ")) + " missing");
		}
		// de-duplicate by file (identical results are one image), then order as a single run would: by the file column
		final Map<String, Path> byFile = new java.util.TreeMap<>();
		for (final Path p : parts) {
			final String file = str(readStatus(p), "file");
			final Path before = byFile.get(file);
			if (before != null && !sameResults(before, p))
				problems.add(file + " has different results in " + before.getParent().getParent() + " and " + p.getParent().getParent()
					+ (force ? " (the latter is kept)" : ""));
			byFile.put(file, p);
		}
		if (!problems.isEmpty()) {
			if (!force) throw new IOException("merge refused: " + String.join("; ", problems) + " (--force merges anyway)");
			if (warnings != null) for (final String pr : problems) warnings.accept("merged anyway (--force): " + pr);
		}
		final List<Path> ordered = new ArrayList<>(byFile.values());
		Files.createDirectories(out);
		assemble(ordered, out);
		copyQc(chunkDirs, out);
		// copy the parts too, so that a merged folder can be merged or resumed again
		for (final Path p : ordered) {
			final Path dst = out.resolve(PARTS).resolve(p.getFileName());
			if (dst.toAbsolutePath().normalize().equals(p.toAbsolutePath().normalize())) continue;
			Files.createDirectories(dst);
			try (Stream<Path> s = Files.list(p)) {
				for (final Path f : (Iterable<Path>) s::iterator)
					if (!f.getFileName().toString().equals(STATUS) && !isTemporary(f)) Files.copy(f, dst.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			Files.copy(p.resolve(STATUS), dst.resolve(STATUS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		writeMergedProvenance(out, ordered, chunkDirs, settings, byHash.size() == 1 ? byHash.keySet().iterator().next() : null, chunks, options.commandLine);
		int failed = 0;
		for (final Path p : ordered)
			if ("error".equals(str(readStatus(p), "status"))) failed++;
		return failed;
	}

	private void writePart(final Path part, final String file, final String sha, final String settingsHash, final ImageResult r, final double seconds) throws IOException {
		Files.createDirectories(part);
		Files.deleteIfExists(part.resolve(STATUS));
		for (final Map.Entry<String, List<Column>> t : analyzer.tables().entrySet()) {
			final Table table = r.table(t.getKey());
			final Table toWrite = table != null ? table : new Table(t.getKey(), t.getValue());
			toWrite.writeCsv(part.resolve(t.getKey() + ".csv"));
		}
		final JsonObject st = new JsonObject();
		st.addProperty("file", file);
		st.addProperty("status", r.status().label());
		st.addProperty("message", r.message());
		st.addProperty("sha256", sha);
		st.addProperty("settings_hash", settingsHash);
		st.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
		AtomicFiles.writeString(part.resolve(STATUS), GSON.toJson(st) + "\n");
	}

	/** Concatenates each table of the given parts (in order) into {@code out/<table>.csv}. */
	private void assemble(final List<Path> parts, final Path out) throws IOException {
		for (final Map.Entry<String, List<Column>> t : analyzer.tables().entrySet()) {
			final String header = t.getValue().stream().map(Column::key).collect(Collectors.joining(","));
			final StringBuilder sb = new StringBuilder(header).append('\n');
			for (final Path p : parts) {
				final Path csv = p.resolve(t.getKey() + ".csv");
				if (!Files.exists(csv)) continue;
				final List<String> lines = Table.readLines(csv);
				if (lines.isEmpty()) continue;
				if (!lines.get(0).equals(header))
					throw new IOException(csv + ": columns differ from this version's " + t.getKey() + " table (written by another MyoMito version?)");
				for (int i = 1; i < lines.size(); i++) sb.append(lines.get(i)).append('\n');
			}
			AtomicFiles.writeString(out.resolve(t.getKey() + ".csv"), sb.toString());
		}
	}

	/** @return now, UTC, ISO 8601 to the second (the same text in every time zone and locale). */
	static String date() {
		return java.time.format.DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	private void writeProvenance(final Path out, final List<Path> parts, final double seconds, final List<Path> mergedFrom, final String date) throws IOException {
		final Map<String, Object> prov = new LinkedHashMap<>();
		prov.put("tool", "MyoMito");
		prov.put("version", Provenance.version());
		prov.put("java", System.getProperty("java.version"));
		prov.put("date", date);
		if (options.commandLine != null) prov.put("command_line", options.commandLine);
		prov.put("settings_hash", Provenance.shortHash(options.settingsJson));
		prov.put("settings", GSON.fromJson(options.settingsJson, Object.class));
		prov.put("threads", options.threads);
		if (options.chunk != null) prov.put("chunk", options.chunk);
		if (mergedFrom != null) prov.put("merged_from", mergedFrom.stream().map(Path::toString).collect(Collectors.toList()));
		final List<Object> inputs = new ArrayList<>();
		for (final Path p : parts) {
			final JsonObject st = readStatus(p);
			if (st != null) inputs.add(GSON.fromJson(st, Object.class));
		}
		prov.put("inputs", inputs);
		prov.put("wall_seconds", Math.round(seconds * 1000) / 1000.0);
		AtomicFiles.writeString(out.resolve("provenance.json"), GSON.toJson(prov) + "\n");
	}

	/** Same image results: the same status file (apart from the timing) and the same tables, byte for byte. */
	private boolean sameResults(final Path a, final Path b) throws IOException {
		final JsonObject sa = readStatus(a), sb = readStatus(b);
		if (sa == null || sb == null) return sa == sb;
		sa.remove("seconds");
		sb.remove("seconds");
		if (!sa.equals(sb)) return false;
		for (final String t : analyzer.tables().keySet()) {
			final Path ta = a.resolve(t + ".csv"), tb = b.resolve(t + ".csv");
			if (Files.exists(ta) != Files.exists(tb)) return false;
			if (Files.exists(ta) && !java.util.Arrays.equals(Files.readAllBytes(ta), Files.readAllBytes(tb))) return false;
		}
		return true;
	}

	/** Copies each folder's QC pictures into {@code out/qc} (names carry the image key, so they do not clash). */
	private static void copyQc(final List<Path> dirs, final Path out) throws IOException {
		for (final Path d : dirs) {
			final Path qc = d.resolve("qc");
			if (!Files.isDirectory(qc)) continue;
			final Path dst = out.resolve("qc");
			if (dst.toAbsolutePath().normalize().equals(qc.toAbsolutePath().normalize())) continue;
			Files.createDirectories(dst);
			try (Stream<Path> s = Files.list(qc)) {
				for (final Path f : (Iterable<Path>) s.sorted()::iterator)
					if (Files.isRegularFile(f) && !isTemporary(f)) Files.copy(f, dst.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** The provenance of a merged folder: the chunks' settings and hash (not the merge's own), and the chunks it covers. */
	private static void writeMergedProvenance(final Path out, final List<Path> parts, final List<Path> mergedFrom, final JsonObject settings, final String hash,
		final List<String> chunks, final String commandLine) throws IOException {
		final Map<String, Object> prov = new LinkedHashMap<>();
		prov.put("tool", "MyoMito");
		prov.put("version", Provenance.version());
		prov.put("java", System.getProperty("java.version"));
		prov.put("date", date());
		if (commandLine != null) prov.put("command_line", commandLine);
		if (hash != null) prov.put("settings_hash", hash);
		if (settings != null && hash != null) prov.put("settings", GSON.fromJson(settings, Object.class));
		if (!chunks.isEmpty()) prov.put("chunks", chunks);
		prov.put("merged_from", mergedFrom.stream().map(Path::toString).collect(Collectors.toList()));
		final List<Object> inputs = new ArrayList<>();
		for (final Path p : parts) {
			final JsonObject st = readStatus(p);
			if (st != null) inputs.add(GSON.fromJson(st, Object.class));
		}
		prov.put("inputs", inputs);
		AtomicFiles.writeString(out.resolve("provenance.json"), GSON.toJson(prov) + "\n");
	}

	private static JsonObject readJson(final Path f) {
		if (!Files.exists(f)) return null;
		try {
			return GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), JsonObject.class);
		}
		catch (final IOException | RuntimeException e) {
			return null;
		}
	}

	/** @return true for a temporary file of {@link AtomicFiles} (".name….part") left by an interrupted write. */
	private static boolean isTemporary(final Path f) {
		final String n = f.getFileName().toString();
		return n.startsWith(".") && n.endsWith(".part");
	}

	private static String checksum(final Path f) {
		try {
			return Files.isRegularFile(f) ? Provenance.sha256(f) : "missing";
		}
		catch (final IOException e) {
			return "unreadable";
		}
	}

	private static JsonObject readStatus(final Path part) {
		final Path st = part.resolve(STATUS);
		if (!Files.exists(st)) return null;
		try {
			return GSON.fromJson(Files.readString(st, StandardCharsets.UTF_8), JsonObject.class);
		}
		catch (final IOException | RuntimeException e) {
			return null;
		}
	}

	private static String str(final JsonObject o, final String k) {
		return o != null && o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsString() : null;
	}
}
