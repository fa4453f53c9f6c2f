package io.github.myomito.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The MyoMito command line: {@code java -jar myomito-cli.jar <command> …}. Each subcommand is a thin
 * door over the core. Exit codes: {@code 0} success, {@code 1} some input failed (named on stderr and
 * in the output tables), {@code 2} usage error. Errors are one line, never a stack trace (set
 * {@code MYOMITO_DEBUG=1} to see one).
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

	private Main() {}

	/** Entry point of the shaded jar. */
	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the CLI in-process (used by tests) and returns the exit code. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
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
			if (System.getenv("MYOMITO_DEBUG") != null) ex.printStackTrace(c.getErr());
			return usage ? USAGE : SOME_FAILED;
		});
		return cl.execute(args);
	}

	private static String qualified(final CommandLine c) {
		final String name = c.getCommandName();
		return "myomito".equals(name) ? "" : name + " ";
	}

	static String oneLine(final Throwable ex) {
		String m = ex.getMessage();
		if (m == null || m.isBlank()) m = ex.getClass().getSimpleName();
		return m.replace('\n', ' ').replace('\r', ' ');
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
