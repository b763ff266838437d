package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, "user files deleted": a refused or resumed run never rewrites a model's marker, never
 * adopts a user's file into it, and no run deletes a user's file beside or inside an earlier output.
 * Each case: the exact one line, exit 2, and every file exactly as it was.
 */
class UserFilesKeptTest {
  @TempDir static Path d;

  @BeforeAll
  static void outputs() {
    ok("synth", "--out", d.resolve("corpus").toString(), "--utterances", "6", "--seed", "3");
    ok("dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", d.resolve("ds").toString(),
        "--size", "16x16", "--no-progress", "--threads", "1");
    ok("train", "--data", d.resolve("ds").toString(), "--out", d.resolve("model").toString(), "--epochs", "1",
        "--batch", "4", "--quiet", "--threads", "1");
  }

  private static void ok(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
  }

  /** Runs {@code args}, expects exit 2 with exactly {@code line}, and {@code folder} byte for byte as before. */
  private static void refused(Path folder, String line, String... args) throws Exception {
    Map<String, String> before = digest(folder);
    CliRun r = CliRun.of(args);
    assertEquals("spectrolens: " + line + "\n", r.err(), String.join(" ", args));
    assertEquals(2, r.exit());
    assertEquals(before, digest(folder), "nothing of " + folder + " changed, its marker included");
  }

  private static Map<String, String> digest(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  @Test
  void aRefusedTrainLeavesTheModelAndItsMarkerAsTheyWere() throws Exception {
    Path model = d.resolve("model");
    refused(model, model + ": already holds a model or a checkpoint; use --resume to continue it or choose another --out",
        "train", "--data", d.resolve("ds").toString(), "--out", model.toString(), "--epochs", "1", "--quiet", "--threads", "1");    refused(model, model + ": already holds a model; choose another --out, or move it away",
        "train", "--data", d.resolve("ds").toString(), "--model", "hybrid:knn", "--features", "mfcc", "--out", model.toString());
  }

  @Test
  void aResumeNeverTakesAUsersFileInAModelFolder() throws Exception {
    Path model = d.resolve("model-notes");
    ok("train", "--data", d.resolve("ds").toString(), "--out", model.toString(), "--epochs", "1", "--batch", "4", "--quiet", "--threads", "1");
    Files.writeString(model.resolve("notes.txt"), "mine");
    String foreign = model + ": holds 'notes.txt', which 'spectrolens train' did not write; refusing to replace it"
        + " (move it away, or choose another --out)";
    refused(model, foreign, "train", "--data", d.resolve("ds").toString(), "--out", model.toString(), "--epochs", "2", "--quiet",
        "--threads", "1", "--resume");
  }

  @Test
  void aUsersFileNestedInAnEarlierDatasetIsKept() throws Exception {
    Path ds = d.resolve("ds-nested");
    String[] args = {"dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", ds.toString(),
        "--size", "16x16", "--no-progress", "--threads", "1"};
    ok(args);
    Path items = Files.list(ds).filter(Files::isDirectory).findFirst().orElseThrow();
    Files.writeString(items.resolve("notes.txt"), "mine");
    refused(ds, ds + ": holds '" + items.getFileName() + "/notes.txt', which 'spectrolens dataset' did not write; refusing to replace it"
        + " (move it away, or choose another --out)", args);
  }

  @Test
  void aUsersFileInAPartialOrOldBesideAnOutputIsKept() throws Exception {
    String[] args = {"dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", d.resolve("ds-side").toString(),
        "--size", "16x16", "--no-progress", "--threads", "1"};
    ok(args);
    for (String suffix : new String[] {".partial", ".old"}) {
      Path side = Files.createDirectories(d.resolve("ds-side" + suffix));
      Files.writeString(side.resolve("notes.txt"), "mine");
      refused(side, side + ": exists and was not written by spectrolens; refusing to delete it (move it away)", args);
      Files.delete(side.resolve("notes.txt"));
      Files.delete(side);
    }
  }
}
