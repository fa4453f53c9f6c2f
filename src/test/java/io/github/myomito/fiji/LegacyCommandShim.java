package io.github.myomito.fiji;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.plugin.PlugIn;

/**
 * TEST-ONLY stand-in for imagej-legacy: makes the MyoMito SciJava commands callable from ImageJ 1.x macros
 * with {@code run("<menu label>", "key=value …")} in a headless test JVM.
 * <p>
 * {@link #install(Context)} registers, for every MyoMito command, its menu label (the last element of its
 * menu path, e.g. {@code "Simulate Fibre..."}) in {@code ij.Menus.getCommands()} as
 * {@code io.github.myomito.fiji.LegacyCommandShim("<command class>")}. When a macro calls the label, ImageJ
 * instantiates this plugin and calls {@link #run(String)} with the class name; the shim then
 * <ol>
 * <li>reads {@code ij.Macro.getOptions()} and, for every input of the command by parameter name: an
 * {@code ImagePlus} input gets the current image ({@code WindowManager.getCurrentImage()}); a boolean is true
 * when its key is present alone or as {@code key=true} (ImageJ's checkbox rule); other keys are read with
 * {@code Macro.getValue(options, key, null)} and converted to the parameter's type (int, long, double, String,
 * File); keys the macro leaves out keep the command's defaults;</li>
 * <li>runs the command through the {@link CommandService} of the installed context, with pre- and
 * post-processing;</li>
 * <li>shows every non-null {@code ImagePlus} output (it becomes the current image), or, when the command
 * cancels, logs the reason with {@code IJ.log} and aborts the running macro ({@code Interpreter.abort(reason)}).</li>
 * </ol>
 * In Fiji, imagej-legacy does all this itself; this class is never shipped.
 */
public final class LegacyCommandShim implements PlugIn {

	/**
	 * The SciJava context commands run in. A mutable static is unavoidable here: ImageJ 1.x creates plugins
	 * by reflection with a no-argument constructor, so the test hands its context over through this field.
	 */
	private static volatile Context context;

	/** Registers every MyoMito command's menu label with ImageJ 1.x, to run in the given context. */
	static void install(final Context c) {
		context = c;
		// ImageJ builds its command table lazily, on the first IJ.run without a GUI
		if (Menus.getCommands() == null) IJ.run("Close All");
		final CommandService cs = c.service(CommandService.class);
		// every command of the plugin index in MyoMito's Fiji package (a new command needs no edit here)
		for (final CommandInfo info : cs.getCommands())
			if (info.getClassName().startsWith("io.github.myomito.fiji.") && info.getMenuPath() != null && info.getMenuPath().getLeaf() != null)
				Menus.getCommands().put(info.getMenuPath().getLeaf().getName(), LegacyCommandShim.class.getName() + "(\"" + info.getClassName() + "\")");
	}

	@Override
	@SuppressWarnings("unchecked")
	public void run(final String arg) {
		final CommandService cs = context.service(CommandService.class);
		final CommandInfo info;
		try {
			info = cs.getCommand((Class<? extends org.scijava.command.Command>) Class.forName(arg));
		}
		catch (final ClassNotFoundException e) {
			throw new IllegalStateException("no command " + arg, e);
		}
		final String options = Macro.getOptions() == null ? "" : Macro.getOptions();
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.inputs()) {
			final Class<?> type = item.getType();
			final String key = item.getName();
			if (org.scijava.service.Service.class.isAssignableFrom(type) || type == Context.class) continue;
			if (type == ImagePlus.class) inputs.put(key, WindowManager.getCurrentImage());
			else if (type == boolean.class || type == Boolean.class)
				inputs.put(key, Pattern.compile("(^|\\s)" + Pattern.quote(key) + "(=true)?(\\s|$)").matcher(options).find());
			else {
				final String v = Macro.getValue(options, key, null);
				if (v != null) inputs.put(key, convert(v, type, key));
			}
		}
		final CommandModule m;
		try {
			m = cs.run(info, true, inputs).get();
		}
		catch (final Exception e) {
			throw new IllegalStateException(info.getTitle() + ": " + e, e);
		}
		if (m.isCanceled()) {
			IJ.log(m.getCancelReason());
			final ij.macro.Interpreter macro = ij.macro.Interpreter.getInstance();
			if (macro != null) macro.abort(m.getCancelReason());
			else Macro.abort();
			return;
		}
		for (final ModuleItem<?> item : info.outputs())
			if (item.getIOType() == ItemIO.OUTPUT && m.getOutput(item.getName()) instanceof ImagePlus) ((ImagePlus) m.getOutput(item.getName())).show();
	}

	private static Object convert(final String v, final Class<?> type, final String key) {
		try {
			if (type == int.class || type == Integer.class) return Integer.parseInt(v.trim());
			if (type == long.class || type == Long.class) return Long.parseLong(v.trim());
			if (type == double.class || type == Double.class) return Double.parseDouble(v.trim());
			if (type == float.class || type == Float.class) return Float.parseFloat(v.trim());
			if (type == File.class) return new File(v);
			return v;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + "=" + v + " is not a " + type.getSimpleName());
		}
	}
}
