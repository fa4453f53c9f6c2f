package io.github.myomito.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The MyoMito command line: {@code java -jar myomito-cli.jar <command> …}. Each subcommand is a thin
 * door over the core. Exit codes: {@code 0} success, {@code 1} some input failed (named on stderr and
 * in the output tables), {@code 2} usage error (a bad option, or an input path that does not exist).
 * Errors are one line, never a stack trace ({@code --debug}, anywhere on the command line, or
 * {@code MYOMITO_DEBUG=1} prints the full trace on stderr). Ctrl-C / SIGTERM stops with a message; the
 * output folder stays resumable (writes are atomic, an image counts as done only once its status file is written).
 */
@Command(name = "myomito", mixinStandardHelpOptions = true, versionProvider = Version.class,
	description = "Mitochondrial network, lattice and mitophagy analysis of skeletal-muscle fibre images.",
	subcommands = { AnalyzeCommand.class, ClassifyCommand.class, SkeletonCommand.class, MergeCommand.class, SimulateCommand.class, InfoCommand.class, ColumnsCommand.class, ColocCommand.class, CommandLine.HelpCommand.class })
public final class Main {

	/** Exit code: every input processed. */
	public static final int OK = 0;
	/** Exit code: some inputs failed or were skipped. */
	public static final int SOME_FAILED = 1;
	/** Exit code: the command line itself was wrong. */
	public static final int USAGE = 2;

	/** Listed in the help; taken out of the arguments wherever it stands before parsing (see {@link #run}). */
	@picocli.CommandLine.Option(names = "--debug", description = "Print the full stack trace of an error on stderr (also MYOMITO_DEBUG=1); allowed after any command.")
	boolean debug;

	private Main() {}

	/** Entry point of the shaded jar. */
	public static void main(final String[] args) {
		final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
		final Thread hook = new Thread(() -> {
			if (!finished.get()) {
				System.err.println();
				System.err.println("myomito: stopped by a signal (Ctrl-C / SIGTERM); finished images are kept: rerun the same command to resume");
				System.err.flush();
			}
		}, "myomito-stop-message");
		Runtime.getRuntime().addShutdownHook(hook);
		final int code = run(args, System.out, System.err);
		finished.set(true);
		System.exit(code);
	}

	/** Runs the CLI in-process (used by tests) and returns the exit code. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		final java.util.List<String> rest = new java.util.ArrayList<>();
		boolean debugFlag = System.getenv("MYOMITO_DEBUG") != null;
		for (final String a : args) {
			if ("--debug".equals(a)) debugFlag = true;
			else rest.add(a);
		}
		final boolean debug = debugFlag;
		final CommandLine cl = new CommandLine(new Main());
		cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
		cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
		cl.setParameterExceptionHandler((ex, a) -> {
			ex.getCommandLine().getErr().println("myomito: " + ex.getMessage());
			ex.getCommandLine().getErr().println("Try 'myomito " + qualified(ex.getCommandLine()) + "--help' for usage.");
			return USAGE;
		});
		cl.setExecutionExceptionHandler((ex, c, parsed) -> {
			final boolean usage = ex instanceof UsageException || ex instanceof IllegalArgumentException;
			c.getErr().println("myomito " + c.getCommandName() + ": error: " + oneLine(ex));
			if (debug) ex.printStackTrace(c.getErr());
			return usage ? USAGE : SOME_FAILED;
		});
		try {
			return cl.execute(rest.toArray(new String[0]));
		}
		catch (final OutOfMemoryError e) {
			cl.getErr().println("myomito: error: not enough memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
				+ " MB heap): give java more, e.g. java -Xmx" + Math.max(2, 2 * Runtime.getRuntime().maxMemory() / (1L << 30)) + "g -jar myomito-cli.jar …");
			if (debug) e.printStackTrace(cl.getErr());
			return SOME_FAILED;
		}
	}

	/**
	 * @return the command line as typed, for {@code provenance.json}: {@code myomito} and the arguments, each
	 *         with a space, quote or other shell character single-quoted (so it can be pasted into a shell again)
	 */
	static String commandLine(final picocli.CommandLine.Model.CommandSpec spec) {
		final StringBuilder sb = new StringBuilder("myomito");
		for (final String a : spec.root().commandLine().getParseResult().originalArgs()) {
			sb.append(' ');
			if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=,+@%^-]+")) sb.append(a);
			else sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
		}
		return sb.toString();
	}

	private static String qualified(final CommandLine c) {
		final String name = c.getCommandName();
		return "myomito".equals(name) ? "" : name + " ";
	}

	static String oneLine(final Throwable ex) {
		return OptionMessages.oneLine(ex);
	}

	/** A problem with the command line's values (exit code 2). */
	public static final class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		/** @param message what was wrong, naming the option */
		public UsageException(final String message) {
			super(message);
		}
	}
}
