package org.spectrolens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One {@code demo --quick} run per test JVM, shared by the tests that read its output
 * ({@link DemoCommandTest} checks the run itself, the explorer's browser test serves it): the run
 * takes minutes, which the suite spends once. Surefire's default (one fork, reused) runs every test
 * class of the module's default execution in one JVM, so both find the same run. A failed run is
 * kept too, so the second test fails on the same message instead of running the demo again.
 */
public final class QuickDemo {
  private static Path out;
  private static CliRun run;

  private QuickDemo() {}

  /** The run's exit, standard output and error. */
  public static synchronized CliRun run() throws IOException {
    if (run == null) {
      Path d = Files.createTempDirectory("spectrolens-quick-demo");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
      out = d.resolve("demo");
      run = CliRun.of("demo", "--quick", "--out", out.toString());
    }
    return run;
  }

  /** The run's output folder; fails with the run's error where it did not finish. */
  public static synchronized Path get() throws IOException {
    CliRun r = run();
    if (r.exit() != 0) throw new IllegalStateException("demo --quick failed (exit " + r.exit() + "): " + r.err());
    return out;
  }

  private static void delete(Path d) {
    try (Stream<Path> s = Files.walk(d)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
