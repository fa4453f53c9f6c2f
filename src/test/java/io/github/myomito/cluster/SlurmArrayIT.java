package io.github.myomito.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.myomito.cli.Main;

/**
 * The SLURM recipe for real: {@code cluster/slurm/submit.sh} submits a job array of 3 chunks over 4
 * simulated images plus the dependent merge job to a reachable SLURM controller; the merged tables must
 * equal a single local {@code analyze} run byte for byte. Runs as a failsafe integration test after
 * {@code package} (it needs the shaded {@code target/myomito-cli.jar}); skipped, with the reason, when
 * no SLURM controller is reachable ({@code SLURM_CONF} unset or {@code scontrol ping} failing). CI starts
 * a single-node SLURM with {@code cluster/slurm/ci/start-slurm.sh} first (see {@code .ci/run}).
 */
class SlurmArrayIT {

	static final List<String> TABLES = List.of("images.csv", "fibres.csv", "objects.csv", "branches.csv", "puncta.csv");
	static final int IMAGES = 4, CHUNKS = 3;
	static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

	@TempDir
	Path dir;

	/** Output of a finished external command. */
	static final class Proc {
		final int code;
		final String out;

		Proc(final int code, final String out) {
			this.code = code;
			this.out = out;
		}
	}

	/** Runs a command (stdout and stderr together), giving up after {@code seconds}. */
	static Proc exec(final long seconds, final List<String> cmd, final String... env) throws IOException, InterruptedException {
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(projectDir().toFile());
		for (int i = 0; i + 1 < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
		final Process p;
		try {
			p = pb.start();
		}
		catch (final IOException e) {
			return new Proc(127, cmd.get(0) + ": " + e.getMessage());
		}
		p.getOutputStream().close();
		final ByteArrayOutputStream buf = new ByteArrayOutputStream();
		final Thread reader = new Thread(() -> {
			try {
				p.getInputStream().transferTo(buf);
			}
			catch (final IOException e) {
				// process gone: keep what was read
			}
		});
		reader.start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			reader.join(1000);
			return new Proc(124, buf.toString(StandardCharsets.UTF_8) + " [timed out after " + seconds + " s]");
		}
		reader.join(5000);
		return new Proc(p.exitValue(), buf.toString(StandardCharsets.UTF_8));
	}

	static Path projectDir() {
		return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
	}

	/** @return null when SLURM answers, else why not. */
	static String slurmProblem() throws Exception {
		final String conf = System.getenv("SLURM_CONF");
		if (conf == null || conf.isBlank()) return "SLURM_CONF is not set (start one with: eval \"$(cluster/slurm/ci/start-slurm.sh)\")";
		if (!Files.isRegularFile(Path.of(conf))) return "SLURM_CONF=" + conf + " does not exist";
		final Proc ping = exec(20, List.of("scontrol", "ping"));
		if (ping.code != 0 || !ping.out.contains("UP")) return "scontrol ping failed (" + ping.code + "): " + ping.out.trim().replace('\n', ' ');
		final Proc sinfo = exec(20, List.of("sinfo", "-h", "-o", "%T"));
		if (sinfo.code != 0 || sinfo.out.isBlank()) return "sinfo failed (" + sinfo.code + "): " + sinfo.out.trim().replace('\n', ' ');
		if (Arrays.stream(sinfo.out.split("\\R")).map(String::trim).noneMatch(s -> s.startsWith("idle") || s.startsWith("mixed") || s.startsWith("alloc")))
			return "no usable SLURM node (sinfo states: " + sinfo.out.trim().replace('\n', ' ') + ")";
		return null;
	}

	static int cli(final Object... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final String[] a = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			final int code = Main.run(a, o, e);
			assertThat(code).as("myomito %s\n%s%s", String.join(" ", a), out, err).isZero();
			return code;
		}
	}

	@Test
	void arrayPlusMergeEqualsOneLocalRun() throws Exception {
		final Path jar = projectDir().resolve("target/myomito-cli.jar");
		skipUnless(Files.isRegularFile(jar), "no " + jar + ": build it first (mvn package); this test runs in mvn verify");
		final String problem = slurmProblem();
		skipUnless(problem == null, "SLURM not reachable: " + problem);

		final Path in = Files.createDirectories(dir.resolve("images"));
		for (int s = 1; s <= IMAGES; s++)
			cli("simulate", "--pattern", s % 2 == 0 ? "glycolytic-fragmented" : "oxidative-lattice", "--seed", s, "--width-um", 12, "--length-um", 16,
				"--out", in.resolve("img" + s + ".tif"));
		final Path local = dir.resolve("local");
		cli("analyze", in, "--out", local, "--lc3-channel", 2, "--no-progress");

		final Path out = dir.resolve("slurm");
		final String[] jobs = submitAndWait(jar, in, out);
		// every array task and the merge finished with exit code 0
		for (final String j : jobs) {
			final Proc st = exec(30, List.of("scontrol", "-o", "show", "job", j));
			if (st.code == 0)
				for (final String line : st.out.split("\\R"))
					if (!line.isBlank()) assertThat(line).as("job %s\n%s", j, logs(out)).contains("JobState=COMPLETED").contains("ExitCode=0:0");
		}
		final Path merged = out.resolve("merged");
		for (int i = 1; i <= CHUNKS; i++)
			assertThat(out.resolve("chunk-" + i).resolve("images.csv")).as("chunk %d output\n%s", i, logs(out)).exists();
		// chunk sizes ⌊i·4/3⌋ − ⌊(i−1)·4/3⌋ = 1, 1, 2: each image in exactly one chunk
		int rows = 0;
		for (int i = 1; i <= CHUNKS; i++) rows += Files.readAllLines(out.resolve("chunk-" + i).resolve("images.csv")).size() - 1;
		assertThat(rows).isEqualTo(IMAGES);
		for (final String t : TABLES) {
			assertThat(merged.resolve(t)).as("merged %s\n%s", t, logs(out)).exists();
			assertThat(Files.readAllBytes(merged.resolve(t))).as("SLURM-merged %s equals the local run byte for byte", t)
				.isEqualTo(Files.readAllBytes(local.resolve(t)));
		}
		assertThat(Files.readAllLines(merged.resolve("images.csv"))).hasSize(IMAGES + 1).allMatch(l -> !l.contains(",error,"));

		// resubmitting one task (-a 3) keeps the 3-way split, resumes (nothing to analyse) and merges the same tables again
		final String[] again = submitAndWait(jar, in, out, "-a", "3");
		final Path log = out.resolve("logs").resolve("myomito-" + again[0] + "_3.log");
		assertThat(log).as("%s", logs(out)).exists();
		assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("chunk 3/" + CHUNKS).contains("2 images, 0 analysed, 2 already complete, 0 failed");
		for (final String t : TABLES)
			assertThat(Files.readAllBytes(merged.resolve(t))).as("re-merged %s", t).isEqualTo(Files.readAllBytes(local.resolve(t)));
	}

	/** Runs submit.sh with N = CHUNKS and waits for the array and merge jobs to leave the queue; returns their ids. */
	static String[] submitAndWait(final Path jar, final Path in, final Path out, final String... extra) throws Exception {
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final List<String> cmd = new ArrayList<>(List.of("bash", projectDir().resolve("cluster/slurm/submit.sh").toString(), "-n", String.valueOf(CHUNKS),
			"-o", out.toString(), "-j", jar.toString()));
		cmd.addAll(Arrays.asList(extra));
		cmd.addAll(List.of(in.toString(), "--", "--lc3-channel", "2"));
		final Proc submit = exec(60, cmd, "JAVA", java, "MYOMITO_XMX", "1g", "SBATCH_ARGS", "--cpus-per-task=1 --mem-per-cpu=1500M --time=00:10:00");
		assertThat(submit.code).as("submit.sh: %s", submit.out).isZero();
		final String[] ids = submit.out.trim().split("\\R");
		final String[] jobs = ids[ids.length - 1].trim().split("\\s+");
		assertThat(jobs).as("submit.sh prints ARRAY_ID MERGE_ID: %s", submit.out).hasSize(2);
		for (final String j : jobs) assertThat(j).matches("\\d+");
		final long t0 = System.currentTimeMillis();
		while (true) {
			final Proc q = exec(30, List.of("squeue", "-h", "-j", jobs[0] + "," + jobs[1], "-o", "%i %T"));
			// squeue lists pending, running and completing jobs; an empty list (or an unknown id, once purged) means done
			if (q.code == 0 && q.out.isBlank() || q.code != 0 && q.out.contains("Invalid job id")) break;
			if (System.currentTimeMillis() - t0 > TIMEOUT_MS) {
				exec(30, List.of("scancel", jobs[0], jobs[1]));
				fail("SLURM jobs " + String.join(",", jobs) + " not done after " + TIMEOUT_MS / 1000 + " s: " + q.out.trim() + "\n" + logs(out));
			}
			Thread.sleep(1000);
		}
		return jobs;
	}

	/** Skips the test with the reason, printed too so that it shows in the Maven log, not only in the report. */
	static void skipUnless(final boolean condition, final String reason) {
		if (!condition) System.err.println("[SlurmArrayIT] SKIPPED: " + reason);
		Assumptions.assumeTrue(condition, reason);
	}

	/** The job logs, for failure messages. */
	static String logs(final Path out) {
		final Path d = out.resolve("logs");
		if (!Files.isDirectory(d)) return "(no logs in " + d + ")";
		try (Stream<Path> s = Files.list(d)) {
			final List<String> parts = new ArrayList<>();
			for (final Path p : s.sorted().collect(Collectors.toList()))
				parts.add("--- " + p.getFileName() + "\n" + Files.readString(p, StandardCharsets.UTF_8));
			return String.join("\n", parts);
		}
		catch (final IOException e) {
			return "(logs unreadable: " + e.getMessage() + ")";
		}
	}
}
