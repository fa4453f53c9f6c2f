package io.github.myomito.fiji;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/**
 * The set-up of every test that runs MyoMito commands from ImageJ 1.x macros: ImageJ patched for headless use
 * ({@code LegacyInjector.preinit()} before any ImageJ class loads) and the SciJava context the
 * {@link LegacyCommandShim} runs the commands in, one per test class.
 */
abstract class MacroTestBase {

	static {
		net.imagej.patcher.LegacyInjector.preinit();
	}

	/** The context of the test class's commands. */
	static Context context;

	@BeforeAll
	static void startContext() {
		context = new Context(CommandService.class, StatusService.class, LogService.class);
		LegacyCommandShim.install(context);
	}

	@AfterAll
	static void stopContext() {
		context.dispose();
	}
}
