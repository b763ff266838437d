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
  void variedChannelsAreListedInSpeakersCsvAndSynthJson() throws Exception {
    Path out = tmp.resolve("corpus");
    assertEquals(0, Main.run("synth", "--out", out.toString(), "--utterances", "4", "--seed", "3", "--channels", "varied"));
    java.util.List<String> rows = Files.readAllLines(out.resolve("speakers.csv"));
    assertEquals("id,speaker,sex,f0_mean,room_rt60,room_drr_db,mic_highpass_hz,mic_lowpass_hz,mic_peak_hz,mic_peak_db,telephone,noise,snr_db",
        rows.get(0));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      assertEquals(13, f.length, row);
      assertTrue(f[10].equals("yes") || f[10].equals("no"), row);
      assertTrue(java.util.Set.of("none", "white", "pink", "babble").contains(f[11]), row);
    }
    assertTrue(Files.readString(out.resolve("synth.json")).contains("\"channels\" : \"varied\""));
  }

  @Test
  void rejectsBadOptionsWithOneLine() {
    assertEquals(2, Main.run("synth", "--out", tmp.resolve("x").toString(), "--utterances", "0"));
    assertEquals(2, Main.run("synth", "--out", tmp.resolve("x").toString(), "--sr", "8000"));
    CliRun r = CliRun.of("synth", "--out", tmp.resolve("x").toString(), "--vowels", "hvd");
    assertEquals(2, r.exit());
    assertEquals("spectrolens: --vowels: vowel system must be citation or connected, not hvd", r.err().strip());
    assertTrue(!Files.exists(tmp.resolve("x").resolve("metadata.csv")));
  }

  @Test
  void aSmallerRunReplacesAnEarlierCorpusWithoutStaleFiles() throws Exception {
    Path out = tmp.resolve("corpus");
    assertEquals(0, Main.run("synth", "--out", out.toString(), "--utterances", "6", "--seed", "3"));
    assertEquals(0, Main.run("synth", "--out", out.toString(), "--utterances", "2", "--seed", "3"));
    assertEquals(2, Files.readAllLines(out.resolve("metadata.csv")).size());
    for (String sub : new String[] {"wavs", "TextGrid", "truth"}) {
      try (var s = Files.list(out.resolve(sub))) {
        assertEquals(2, s.count(), sub);
      }
    }
    String json = Files.readString(out.resolve("synth.json"));
    assertTrue(json.contains("\"utterances\" : 2") && json.contains("\"seed\" : 3") && json.contains("\"vowels\" : \"citation\""), json);
    try (var s = Files.list(tmp)) {
      assertEquals(java.util.List.of(out), s.toList(), "no corpus.partial or corpus.old left beside it");
    }
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotASyntheticCorpus() throws Exception {
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "keep me");
    CliRun r = CliRun.of("synth", "--out", out.toString(), "--utterances", "2");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("was not written by spectrolens"), r.err());
    assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
    assertTrue(!Files.exists(tmp.resolve("mine.partial")));

    // A synthetic corpus with a file synth did not write is refused too: the file would be lost.
    Path corpus = tmp.resolve("corpus");
    assertEquals(0, Main.run("synth", "--out", corpus.toString(), "--utterances", "2"));
    Files.writeString(corpus.resolve("notes.txt"), "mine");
    CliRun again = CliRun.of("synth", "--out", corpus.toString(), "--utterances", "2");
    assertEquals(2, again.exit());
    assertTrue(again.err().contains("'notes.txt', which 'spectrolens synth' did not write"), again.err());
  }
}
