package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  @TempDir Path tmp;

  @Test
  void writesASmallCorpus() throws Exception {
    Path out = tmp.resolve("corpus");
    assertEquals(0, Main.run("synth", "--out", out.toString(), "--utterances", "4", "--seed", "3"));
    assertEquals(4, Files.readAllLines(out.resolve("metadata.csv")).size());
    assertEquals(5, Files.readAllLines(out.resolve("speakers.csv")).size());
    try (var s = Files.list(out.resolve("wavs"))) {
      assertEquals(4, s.count());
    }
    try (var s = Files.list(out.resolve("TextGrid"))) {
      assertEquals(4, s.count());
    }
    try (var s = Files.list(out.resolve("truth"))) {
      assertEquals(4, s.count());
    }
  }

  @Test
  void rejectsBadOptionsWithOneLine() {
    assertEquals(2, Main.run("synth", "--out", tmp.resolve("x").toString(), "--utterances", "0"));
    assertEquals(2, Main.run("synth", "--out", tmp.resolve("x").toString(), "--sr", "8000"));
    assertTrue(!Files.exists(tmp.resolve("x").resolve("metadata.csv")));
  }
}
