package org.spectrolens.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Coverage-guided fuzzing of every parser with Jazzer (libFuzzer for the JVM): one child JVM per
 * {@link Targets target}, seeded with {@code src/test/resources/fuzz/<id>/} (valid files and the
 * inputs of crashes found and fixed, so every run replays them first). A crash (any exception but
 * SpectrolensException, an OutOfMemoryError, a 60 s hang (generous: the first input also pays for instrumenting the classes)) fails the test and leaves the input in
 * {@code target/fuzz/<id>/}.
 *
 * <p>{@code mvn verify} fuzzes every parser at once ({@link Targets.Any}, target id {@code all})
 * for {@code spectrolens.fuzz.seconds} (default 10) seconds; {@code scripts/fuzz SECONDS} runs each
 * parser in its own process ({@code -Dspectrolens.fuzz.targets=wav,flac,...}). Figures per target
 * (executions, executions per second, corpus size, crashes) go to {@code target/fuzz/summary.csv}.
 */
class ParserFuzzTest {
  private static final int SECONDS = Integer.getInteger("spectrolens.fuzz.seconds", 10);
  private static final String ONLY = System.getProperty("spectrolens.fuzz.targets", "all");
  private static final Path SEEDS = Path.of("src", "test", "resources", "fuzz");
  private static final Path WORK = Path.of(System.getProperty("spectrolens.fuzz.work", "target/fuzz"));

  @TestFactory
  Stream<DynamicTest> everyParserFailsCleanlyOnFuzzedInput() {
    List<String> only = List.of(ONLY.split(","));
    return Stream.concat(Stream.of(new Targets.Target("all", Targets.Any.class)), Targets.ALL.stream())
        .filter(t -> only.contains(t.id()))
        .map(t -> DynamicTest.dynamicTest(t.id(), () -> fuzz(t, SECONDS)));
  }

  /**
   * The long runs ({@code scripts/fuzz}): {@code SECONDS [TARGETS]} (comma-separated ids, default
   * every parser separately), the same runs as the test, reported on stdout.
   */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    List<String> ids = args.length > 1 ? List.of(args[1].split(",")) : Targets.ALL.stream().map(Targets.Target::id).toList();
    System.setProperty("spectrolens.fuzz.seconds", Integer.toString(seconds));
    int failed = 0;
    for (Targets.Target t : Targets.ALL) {
      if (!ids.contains(t.id())) continue;
      try {
        fuzz(t, seconds);
        System.out.println(t.id() + ": no crash");
      } catch (AssertionError e) {
        failed++;
        System.out.println(e.getMessage());
      }
    }
    System.out.println("target,seconds,executions,executions_per_s,corpus_files,crashed");
    System.out.print(Files.readString(WORK.resolve("summary.csv")));
    System.exit(failed == 0 ? 0 : 1);
  }

  /** The combined target's seeds: every target's seeds with the target's index byte in front. */
  private static Path combinedSeeds() throws IOException {
    Path dir = Files.createDirectories(WORK.resolve("all").resolve("seeds"));
    for (int i = 0; i < Targets.ALL.size(); i++) {
      try (Stream<Path> files = Files.list(SEEDS.resolve(Targets.ALL.get(i).id()))) {
        for (Path f : files.toList()) {
          byte[] b = Files.readAllBytes(f);
          byte[] prefixed = new byte[b.length + 1];
          prefixed[0] = (byte) i;
          System.arraycopy(b, 0, prefixed, 1, b.length);
          Files.write(dir.resolve(Targets.ALL.get(i).id() + "-" + f.getFileName()), prefixed);
        }
      }
    }
    return dir;
  }

  private static void fuzz(Targets.Target t, int seconds) throws Exception {
    Path seeds = t.id().equals("all") ? combinedSeeds() : SEEDS.resolve(t.id());
    assertTrue(Files.isDirectory(seeds), "seed corpus " + seeds);
    Path dir = Files.createDirectories(WORK.resolve(t.id()));
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path log = dir.resolve("log.txt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dai.djl.offline=true",
        "-cp", classPath(), "com.code_intelligence.jazzer.Jazzer",
        "--target_class=" + t.type().getName(), "--instrumentation_includes=org.spectrolens.**",
        "--reproducer_path=" + dir, "-max_total_time=" + seconds, "-timeout=60", "-rss_limit_mb=2560",
        "-print_final_stats=1", "-artifact_prefix=" + dir + File.separator, corpus.toString(), seeds.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(t.id() + ": Jazzer did not finish; see " + log);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    long execs = stat(out, "number_of_executed_units");
    long rate = stat(out, "average_exec_per_sec");
    long corpusFiles;
    try (Stream<Path> s = Files.list(corpus)) {
      corpusFiles = s.count();
    }
    Files.writeString(WORK.resolve("summary.csv"), String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d%n", t.id(), seconds, execs,
        rate, corpusFiles, p.exitValue() == 0 ? 0 : 1), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    int crash = out.indexOf("== Java Exception");
    if (crash < 0) crash = out.indexOf("==ERROR");
    if (p.exitValue() != 0 || crash >= 0) {
      fail(t.id() + ": crash after " + execs + " executions (input and reproducer in " + dir + "):\n"
          + out.substring(Math.max(0, crash), Math.min(out.length(), Math.max(0, crash) + 1500)));
    }
    assertTrue(execs > 0, t.id() + ": no executions; see " + log);
    assertEquals(0, p.exitValue());
  }

  private static long stat(String out, String name) {
    Matcher m = Pattern.compile("stat::" + name + ":\\s+(\\d+)").matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The test class path: surefire's own record of it, else this JVM's. */
  private static String classPath() throws IOException {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }
}
