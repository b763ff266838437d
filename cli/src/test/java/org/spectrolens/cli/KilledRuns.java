package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.spectrolens.io.OutputFolder;

/**
 * What the crash-safety tests share: {@code spectrolens} in a child JVM killed with SIGKILL after a
 * random delay, and a digest of an output to compare it with an uninterrupted run's. The property
 * checked holds at every moment of a run, so a kill's timing only picks which moment is tried.
 */
final class KilledRuns {
  private final Path log;
  private final SplittableRandom random;

  /** Children write their output to {@code log}; delays are drawn from {@code seed}. */
  KilledRuns(Path log, long seed) {
    this.log = log;
    this.random = new SplittableRandom(seed);
  }

  /** {@code spectrolens ARGS} in a child JVM with {@code env} added. */
  Process child(Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dai.djl.offline=true", "-cp", classPath(), "org.spectrolens.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("TORCH_CPP_LOG_LEVEL");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Starts {@code spectrolens ARGS} in a child JVM and kills it (-9) after a random delay in [from, to) ms. */
  void killDuring(long from, long to, String... args) throws Exception {
    Process p = child(Map.of(), args);
    long delay = from + random.nextLong(to - from);
    if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Runs {@code spectrolens ARGS} in a child JVM to completion; returns its wall time in ms (kills are drawn within it). */
  long uninterrupted(String... args) throws Exception {
    long t0 = System.nanoTime();
    Process p = child(Map.of(), args);
    int exit = p.waitFor();
    assertEquals(0, exit, String.join(" ", args) + ": " + Files.readString(log));
    return Math.max(400, (System.nanoTime() - t0) / 1_000_000);
  }

  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** Every file under {@code dir} (marker and lock excluded) with its SHA-256. */
  static Map<String, String> digest(Path dir) throws Exception {
    return digest(dir, false);
  }

  /**
   * Every file under {@code dir} (marker excluded) with its SHA-256; with {@code timingsAside}, a
   * JSON file's digest leaves out the wall times a run records ({@code seconds}, {@code *_seconds},
   * {@code *_per_second}), the only thing that differs between two runs of the same command.
   */
  static Map<String, String> digest(Path dir, boolean timingsAside) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString();
        if (rel.equals(OutputFolder.MARKER)) continue;
        out.put(rel, fileDigest(p, timingsAside));
      }
    }
    return out;
  }

  /** One file's SHA-256, timings aside in JSON when asked. */
  static String fileDigest(Path p, boolean timingsAside) throws Exception {
    byte[] bytes = Files.readAllBytes(p);
    if (timingsAside && p.getFileName().toString().endsWith(".json")) {
      JsonNode tree = new ObjectMapper().readTree(bytes);
      dropTimings(tree);
      bytes = tree.toString().getBytes(StandardCharsets.UTF_8);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static void dropTimings(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
        String n = names.next();
        if (n.equals("seconds") || n.endsWith("_seconds") || n.endsWith("_per_second")) names.remove();
      }
    }
    node.forEach(KilledRuns::dropTimings);
  }

  /** After a kill, the output is either absent, or complete and equal to {@code expected}; no half output looks whole. */
  static void absentOrComplete(Path out, Map<String, String> expected, boolean timingsAside) throws Exception {
    if (!Files.exists(out)) return;
    assertEquals("complete", OutputFolder.markerOf(out).orElseThrow().state(), "a killed run left a folder that looks whole: " + out);
    assertEquals(expected, digest(out, timingsAside));
  }

  static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
