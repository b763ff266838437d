package org.spectrolens.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spectrolens.cli.Main;

/**
 * The architecture the modules promise, checked on their compiled main classes (this module's
 * test class path holds core, nn and cli): packages depend on each other without cycles, the
 * library (core and nn) never reaches into the command line, and only the CLI's {@code Main} and
 * the benchmarks have a {@code main} method. No exceptions are frozen: every rule holds as it is.
 */
@AnalyzeClasses(packages = "org.spectrolens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Packages of the CLI module: the command line, the benchmark tools and the web explorer. */
  static final String CLI = "org.spectrolens.cli..";
  static final String BENCH = "org.spectrolens.bench..";
  static final String SERVE = "org.spectrolens.serve..";

  /** Each package is a slice (org.spectrolens.nn.train and org.spectrolens.nn are two). */
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("org.spectrolens.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule libraryDoesNotUseTheCommandLine = noClasses().that().resideOutsideOfPackages(CLI, BENCH, SERVE)
      .should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH, SERVE)
      .because("core and nn are a library: they name their own parameters and never depend on how the CLI parses or prints");

  /** The explorer is a library user like the CLI: the command starts it, it never reads how the command parses. */
  @ArchTest
  static final ArchRule explorerDoesNotUseTheCommandLine = noClasses().that().resideInAPackage(SERVE)
      .should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH);

  @ArchTest
  static final ArchRule mainMethodsOnlyInTheCliOrBenchmarks = methods().that().haveName("main").and().areStatic()
      .and().haveRawParameterTypes(String[].class)
      .should().beDeclaredInClassesThat(equivalentTo(Main.class).or(resideInAPackage(BENCH)))
      .because("tools with a main method live in org.spectrolens.bench (cli module), not in the library's src/main");

  /**
   * A top-level class's simple name is unique across the library and the CLI: two {@code Analysis}
   * or two {@code Band} types in different packages read alike in a stack trace, an import or a
   * review, and the wrong one is one auto-import away (issue 21).
   */
  @ArchTest
  static void topLevelClassNamesAreUnique(JavaClasses classes) {
    Map<String, TreeSet<String>> byName = new TreeMap<>();
    for (var c : classes) {
      if (c.isTopLevelClass() && !c.getSimpleName().equals("package-info")) {
        byName.computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>()).add(c.getPackageName());
      }
    }
    byName.values().removeIf(packages -> packages.size() < 2);
    assertTrue(byName.isEmpty(), "top-level class names used in more than one package: " + byName);
  }

  /** The rules above would pass vacuously on an empty import: every module's classes must be in it. */
  @ArchTest
  static void everyModuleIsImported(JavaClasses classes) {
    for (String c : List.of("org.spectrolens.audio.Clip", "org.spectrolens.nn.train.Trainer", "org.spectrolens.explain.Explanation",
        "org.spectrolens.cli.Main", "org.spectrolens.bench.TrainBench")) {
      assertTrue(classes.contain(c), c + " is not among the imported classes");
    }
  }
}
