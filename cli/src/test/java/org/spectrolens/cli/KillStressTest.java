package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.spectrolens.cli.KilledRuns.absentOrComplete;
import static org.spectrolens.cli.KilledRuns.concat;
import static org.spectrolens.cli.KilledRuns.digest;
import static org.spectrolens.cli.KilledRuns.fileDigest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill window, attacked (issue 22): {@code dataset}, {@code explain --data},
 * {@code faithfulness}, {@code analyze} and {@code report} are each killed with SIGKILL at random
 * moments of a child JVM's run; after every kill the output is absent or whole and equal to an
 * uninterrupted run's, and a rerun succeeds and equals it (wall times aside, the only thing two
 * runs differ in). The suite tries {@code spectrolens.killPoints} moments per command (default 1);
 * the stress run sets 20: {@code mvn -pl cli -am verify -Dtest=KillStressTest -Dspectrolens.killPoints=20}.
 */
class KillStressTest {
  private static final int POINTS = Integer.getInteger("spectrolens.killPoints", 1);
  @TempDir static Path fixture;
  private static Path corpus;
  private static Path ds;
  private static Path model;
  private static Path results;
  @TempDir Path tmp;

  @BeforeAll
  static void smallStudy() {
    corpus = fixture.resolve("corpus");
    ds = fixture.resolve("ds");
    model = fixture.resolve("model");
    results = fixture.resolve("results");
    ok("synth", "--out", corpus.toString(), "--utterances", "20", "--seed", "2");
    ok("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--size", "16x16", "--no-progress", "--threads", "1", "--out", ds.toString());
    ok("train", "--data", ds.toString(), "--epochs", "2", "--batch", "8", "--threads", "1", "--quiet", "--out", model.toString());
    ok(concat(explain(), results.resolve("explain").toString()));
  }

  private static String[] explain() {
    return new String[] {"explain", "--model", model.toString(), "--data", ds.toString(), "--methods", "saliency,gradcam", "--per-class",
        "2", "--threads", "1", "--quiet", "--seed", "1", "--out"};
  }

  private static void ok(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
  }

  /**
   * {@code args OUT} run to completion in a child JVM (timed), then {@code POINTS} times: killed in
   * a child JVM at a random moment of that time (the output absent or whole and equal), and rerun
   * in-process (equal).
   */
  private void killedAtRandomMomentsThenRerun(String... args) throws Exception {
    Path ref = tmp.resolve("ref");
    KilledRuns runs = new KilledRuns(tmp.resolve("child.log"), 20261207L + args[0].hashCode());
    long runMillis = runs.uninterrupted(concat(args, ref.toString()));
    Map<String, String> expected = digest(ref, true);
    Path out = tmp.resolve("out");
    int[] seen = new int[3];
    for (int i = 0; i < POINTS; i++) {
      runs.killDuring(200, runMillis, concat(args, out.toString()));
      seen[moment(out)]++;
      absentOrComplete(out, expected, true);
      ok(concat(args, out.toString()));
      assertEquals(expected, digest(out, true), "the rerun equals an uninterrupted run (kill " + (i + 1) + ")");
      deleteTree(out); // the next kill meets no earlier output, as the first did
    }
    System.out.printf("%s killed %d times: %d before any output, %d while writing (staging left), %d after it was complete%n", args[0],
        POINTS, seen[0], seen[1], seen[2]);
  }

  /** Which moment a kill hit: 0 before the run wrote anything, 1 while it wrote (its staging folder left), 2 after it was complete. */
  private static int moment(Path out) {
    if (Files.exists(out.resolveSibling(out.getFileName() + ".partial"))) return 1;
    return Files.exists(out) ? 2 : 0;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  @Test
  void dataset() throws Exception {
    killedAtRandomMomentsThenRerun("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--size", "16x16", "--no-progress",
        "--threads", "1", "--out");
  }

  @Test
  void explainData() throws Exception {
    killedAtRandomMomentsThenRerun(explain());
  }

  @Test
  void faithfulness() throws Exception {
    killedAtRandomMomentsThenRerun("faithfulness", "--model", model.toString(), "--data", ds.toString(), "--methods", "saliency,gradcam",
        "--metrics", "average_drop,deletion_auc_prob", "--samples", "6", "--grid", "4x4", "--step", "0.25", "--threads", "1", "--seed", "1",
        "--out");
  }

  @Test
  void analyze() throws Exception {
    killedAtRandomMomentsThenRerun("analyze", "--model", model.toString(), "--data", ds.toString(), "--truth", "synth", "--methods",
        "saliency", "--per-class", "2", "--permutations", "200", "--seed", "1", "--threads", "1", "--out");
  }

  /**
   * The report is a page and its REPORT.json (each written whole, by rename) and a figures folder
   * (an output folder): after a kill each is absent or equal to an uninterrupted run's.
   */
  @Test
  void report() throws Exception {
    String[] args = {"report", "--in", results.toString(), "--title", "kill", "--out"};
    Path ref = tmp.resolve("ref.html");
    KilledRuns runs = new KilledRuns(tmp.resolve("child.log"), 20261207L);
    long runMillis = runs.uninterrupted(concat(args, ref.toString()));
    String html = fileDigest(ref, true);
    String json = fileDigest(tmp.resolve("ref.json"), true);
    Map<String, String> figures = digest(tmp.resolve("ref-figures"), true);
    Path out = tmp.resolve("out.html");
    int[] seen = new int[3];
    for (int i = 0; i < POINTS; i++) {
      runs.killDuring(200, runMillis, concat(args, out.toString()));
      seen[Files.exists(out) ? 2 : moment(tmp.resolve("out-figures"))]++;
      if (Files.exists(out)) assertEquals(html, fileDigest(out, true), "a killed report left a page that differs");
      if (Files.exists(tmp.resolve("out.json"))) assertEquals(json, fileDigest(tmp.resolve("out.json"), true));
      absentOrComplete(tmp.resolve("out-figures"), figures, true);
      ok(concat(args, out.toString()));
      assertEquals(html, fileDigest(out, true));
      assertEquals(json, fileDigest(tmp.resolve("out.json"), true));
      assertEquals(figures, digest(tmp.resolve("out-figures"), true));
      assertFalse(Files.exists(tmp.resolve("out-figures.partial")), "no staging folder left after the rerun");
      deleteTree(tmp.resolve("out-figures"));
      Files.delete(out);
      Files.delete(tmp.resolve("out.json"));
    }
    System.out.printf("report killed %d times: %d before any output, %d while writing (staging left), %d after the page was written%n",
        POINTS, seen[0], seen[1], seen[2]);
  }
}
