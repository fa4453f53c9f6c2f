package io.github.myomito;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/**
 * The layering MyoMito keeps: a core of algorithms that knows no ImageJ 1.x, AWT or SciJava command
 * types, with thin doors ({@code fiji}, {@code cli}) and one ImageJ bridge ({@code image.ij}) on top.
 */
class ArchitectureTest {

	private static final String[] CORE = { "io.github.myomito.image", "io.github.myomito.simulate..",
		"io.github.myomito.segment..", "io.github.myomito.skeleton..", "io.github.myomito.network..",
		"io.github.myomito.lattice..", "io.github.myomito.coloc..", "io.github.myomito.phenotype..",
		"io.github.myomito.results..", "io.github.myomito.progress..", "io.github.myomito.pipeline..", "io.github.myomito.math..",
		"io.github.myomito.reporter.." };

	static final ArchRule coreKnowsNoImageJ = noClasses().that().resideInAnyPackage(CORE)
		.should().dependOnClassesThat().resideInAnyPackage("ij..", "java.awt..", "javax.swing..")
		.because("the core works on imglib2 images and must run without ImageJ or a display");

	static final ArchRule coreKnowsNoCommands = noClasses().that().resideInAnyPackage(CORE)
		.should().dependOnClassesThat().resideInAnyPackage("org.scijava.command..", "org.scijava.plugin..", "picocli..")
		.because("SciJava commands and picocli are doors, not core");

	static final ArchRule coreKnowsNoDoors = noClasses().that().resideInAnyPackage(CORE)
		.should().dependOnClassesThat().resideInAnyPackage("io.github.myomito.fiji..", "io.github.myomito.cli..",
			"io.github.myomito.image.ij..")
		.because("doors depend on the core, never the other way round");

	static final ArchRule doorsDoNotCallEachOther = noClasses().that().resideInAPackage("io.github.myomito.cli..")
		.should().dependOnClassesThat().resideInAPackage("io.github.myomito.fiji..");

	private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("io.github.myomito");

	@Test
	void coreIsFreeOfImageJAndAwt() {
		coreKnowsNoImageJ.check(CLASSES);
	}

	@Test
	void coreIsFreeOfCommandFrameworks() {
		coreKnowsNoCommands.check(CLASSES);
	}

	@Test
	void coreDoesNotDependOnDoors() {
		coreKnowsNoDoors.check(CLASSES);
	}

	@Test
	void cliDoesNotDependOnFiji() {
		doorsDoNotCallEachOther.check(CLASSES);
	}

	@Test
	void theCoreIsActuallyImported() {
		org.assertj.core.api.Assertions.assertThat(CLASSES.contain("io.github.myomito.image.FibreImage")).isTrue();
		org.assertj.core.api.Assertions.assertThat(CLASSES.contain("io.github.myomito.fiji.StatusProgress")).isTrue();
	}
}
