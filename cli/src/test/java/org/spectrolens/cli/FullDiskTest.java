package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.io.OutputFolder;

/**
 * A full disk: a small tmpfs (mounted where the tests run as root; skipped elsewhere) filled to a
 * few hundred kilobytes, so that each command's writes fail part-way, at the same place every time.
 * Each must stop with one line saying so, leave no half-written output, and keep a user's file.
 */
class FullDiskTest {
  @TempDir static Path dir;
  private static Path disk;

  @BeforeAll
  static void mount() throws Exception {
    disk = Files.createDirectories(dir.resolve("disk"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()) == 0,
        "cannot mount a tmpfs (not root?): the full-disk checks skip");
    // the corpus, dataset and model the commands read, off the small disk
    Path f = dir.resolve("fixture");
    step("synth", "--out", f.resolve("corpus").toString(), "--utterances", "6", "--seed", "3");
    step("dataset", "--corpus", f.resolve("corpus").toString(), "--task", "vowels", "--out", f.resolve("ds").toString(), "--size", "16x16",
        "--no-progress", "--threads", "1");
    step("train", "--data", f.resolve("ds").toString(), "--out", f.resolve("model").toString(), "--epochs", "1", "--batch", "4", "--quiet",
        "--threads", "1");
  }

  private static void step(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), r.err());
  }

  @AfterAll
  static void unmount() throws Exception {
    if (disk != null) run("umount", "-l", disk.toString());
  }

  private static int run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  /** Fills the disk (a user's notes first) until {@code free} bytes are left. */
  private static void fillLeaving(long free) throws IOException {
    try (Stream<Path> s = Files.list(disk)) {
      for (Path p : s.toList()) org.spectrolens.io.Directories.deleteTreeQuietly(p);
    }
    Files.writeString(disk.resolve("notes.txt"), "a user's notes");
    long fill = Files.getFileStore(disk).getUsableSpace() - free;
    try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
      byte[] block = new byte[4096];
      for (long n = 0; n + block.length <= fill; n += block.length) out.write(block);
    }
  }

  private static void failsWithOneLine(CliRun r) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().strip().endsWith("No space left on device") || r.err().contains("No space left on device ("), r.err());
    assertTrue(r.err().startsWith("spectrolens: "), r.err());
  }

  /** Nothing of the run is left but what {@code kept} names; the user's file is as it was. */
  private static void onlyLeft(List<String> kept) throws IOException {
    try (Stream<Path> s = Files.list(disk)) {
      List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("filler") && !n.equals("notes.txt")).sorted().toList();
      assertEquals(kept, names, "left on the disk");
    }
    assertEquals("a user's notes", Files.readString(disk.resolve("notes.txt")));
  }

  @Test
  void featuresStopsAtTheFirstFileItCannotWrite() throws Exception {
    fillLeaving(16 * 1024);
    CliRun r = CliRun.of("features", dir.resolve("fixture/corpus/wavs").toString(), "--features", "mfcc,chroma", "--out",
        disk.resolve("f").toString());
    failsWithOneLine(r);
    onlyLeft(List.of());
  }

  @Test
  void embedLeavesNoHalfWrittenFolder() throws Exception {
    fillLeaving(16 * 1024);
    CliRun r = CliRun.of("embed", "--model", dir.resolve("fixture/model").toString(), "--data", dir.resolve("fixture/ds").toString(),
        "--out", disk.resolve("e").toString());
    failsWithOneLine(r);
    onlyLeft(List.of());
  }

  /** The demo works in place (a rerun continues it): what stays is its marked folder, every file in it listed, no partial output. */
  @Test
  void demoStopsWithOneLineAndCanBeRerun() throws Exception {
    fillLeaving(512 * 1024);
    Path demo = disk.resolve("demo");
    CliRun r = CliRun.of("demo", "--quick", "--out", demo.toString());
    failsWithOneLine(r);
    assertTrue(r.err().startsWith("spectrolens: demo: step 'synth' failed: "), r.err());
    onlyLeft(List.of("demo"));
    OutputFolder.Marker m = Json.read(demo.resolve(OutputFolder.MARKER), OutputFolder.Marker.class);
    assertEquals("partial", m.state());
    try (Stream<Path> s = Files.walk(demo)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = demo.relativize(p).toString();
        assertFalse(rel.contains(".partial"), "a partial output left: " + rel);
        assertTrue(rel.equals(OutputFolder.MARKER) || m.entries().contains(rel.split("/")[0]), "listed: " + rel);
      }
    }
  }
}
