package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.corpus.textgrid.TextGrid;
import org.spectrolens.corpus.textgrid.TextGridWriter;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.SpectrogramSpec;
import picocli.CommandLine;

class DatasetCommandTest {
  private static final int SR = 22050;
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args); // the progress bar goes to System.err, as in a terminal
    return new Run(code, out.toString(), err.toString());
  }

  /** Two LJSpeech utterances of 0.6 s: "" IY1 S AE1 "" with tones for the vowels; one row lacks its WAV. */
  private Path corpus() throws IOException {
    Path root = tmp.resolve("lj");
    Files.createDirectories(root.resolve("wavs"));
    Files.createDirectories(root.resolve("TextGrid"));
    for (int u = 1; u <= 2; u++) {
      String id = "LJ002-000" + u;
      float[] x = new float[(int) (0.6 * SR)];
      for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (500 * u) * i / SR));
      WavWriter.writePcm16(root.resolve("wavs/" + id + ".wav"), new Clip(x, SR));
      TextGridWriter.write(root.resolve("TextGrid/" + id + ".TextGrid"), new TextGrid(0, 0.6, List.of(new TextGrid.Tier("phones", 0, 0.6, List.of(
          new TextGrid.Interval(0, 0.1, ""), new TextGrid.Interval(0.1, 0.25, "IY1"), new TextGrid.Interval(0.25, 0.35, "S"),
          new TextGrid.Interval(0.35, 0.5, "AE1"), new TextGrid.Interval(0.5, 0.6, ""))))));
    }
    Files.writeString(root.resolve("metadata.csv"), "LJ002-0001|a|a\nLJ002-0002|b|b\nLJ002-0003|c|c\n");
    return root;
  }

  @Test
  void vowelsKeepPrimaryStressByDefaultAndSayHowManyOfEachStress() throws IOException {
    Path root = corpus();
    // the second utterance's /i/ is unstressed
    TextGridWriter.write(root.resolve("TextGrid/LJ002-0002.TextGrid"), new TextGrid(0, 0.6, List.of(new TextGrid.Tier("phones", 0, 0.6, List.of(
        new TextGrid.Interval(0, 0.1, ""), new TextGrid.Interval(0.1, 0.25, "IY0"), new TextGrid.Interval(0.25, 0.35, "S"),
        new TextGrid.Interval(0.35, 0.5, "AE1"), new TextGrid.Interval(0.5, 0.6, ""))))));
    Path primary = tmp.resolve("primary"), any = tmp.resolve("any");
    Run r = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", primary.toString(), "--size", "32x16");
    assertEquals(0, r.code(), r.err());
    assertEquals(3, CachedDataset.open(primary).items().size());
    JsonNode summary = Json.MAPPER.readTree(primary.resolve("summary.json").toFile());
    assertEquals("primary", summary.at("/stress/setting").asText());
    assertEquals(3, summary.at("/stress/tokens/kept primary (1)").asInt());
    assertEquals(1, summary.at("/stress/tokens/skipped unstressed (0)").asInt());
    assertTrue(r.out().contains("vowel tokens by stress (primary kept): {kept primary (1)=3, skipped unstressed (0)=1}"), r.out());

    Run all = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", any.toString(), "--size", "32x16", "--stress", "any");
    assertEquals(0, all.code(), all.err());
    assertEquals(4, CachedDataset.open(any).items().size());
    assertEquals(1, Json.MAPPER.readTree(any.resolve("summary.json").toFile()).at("/stress/tokens/kept unstressed (0)").asInt());

    Run bad = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", tmp.resolve("bad").toString(), "--stress", "strong");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--stress: unknown stress 'strong'; expected primary or any"), bad.err());
  }

  @Test
  void sourceRatesAreRecordedPerItemAndResamplingIsSaid() throws IOException {
    Path root = corpus();
    Path ds = tmp.resolve("ds16");
    Run r = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", ds.toString(), "--size", "32x16", "--sr", "16000");
    assertEquals(0, r.code(), r.err());
    for (DatasetItem item : CachedDataset.open(ds).items()) assertEquals(SR, item.sourceRate(), item.id());
    assertTrue(Files.readAllLines(ds.resolve("manifest.csv")).get(1).endsWith(",22050"));
    assertTrue(r.out().contains("resampled 4 items from 22050 Hz to 16000 Hz\n"), r.out());
    assertEquals(4, Json.MAPPER.readTree(ds.resolve("summary.json").toFile()).at("/source_rates/22050").asInt());
    Run same = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", tmp.resolve("ds22").toString(), "--size", "32x16");
    assertFalse(same.out().contains("resampled"), same.out());
  }

  @Test
  void buildsADatasetWithSpeechDefaultsAndWritesTheSummary() throws IOException {
    Path root = corpus();
    Path ds = tmp.resolve("ds");
    Run r = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", ds.toString(), "--fmax", "4000", "--size", "32x16");
    assertEquals(0, r.code(), r.err());
    CachedDataset d = CachedDataset.open(ds);
    assertEquals(4, d.items().size());
    SpectrogramSpec spec = d.info().spec();
    assertEquals(List.of(22050, 1024, 551, 110), List.of(spec.sampleRate(), spec.nFft(), spec.winLength(), spec.hop()));
    assertEquals(SpectrogramSpec.PadMode.CONSTANT, spec.padMode());
    assertTrue(spec.db());
    assertEquals(80.0, spec.topDb());
    assertEquals(4000.0, d.info().cropMaxHz());
    assertEquals(List.of(32, 16), List.of(d.info().height(), d.info().width()));
    JsonNode summary = Json.MAPPER.readTree(ds.resolve("summary.json").toFile());
    assertEquals(1, summary.at("/skipped/missing wav").asInt());
    assertEquals(2, summary.at("/counts/i/train").asInt() + summary.at("/counts/i/test").asInt());
    assertTrue(r.out().contains("\"counts\""), r.out());

    // --strict turns the missing WAV into a failure, and leaves the old dataset alone
    Run strict = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", ds.toString(), "--strict");
    assertEquals(2, strict.code());
    assertTrue(strict.err().contains("spectrolens: --strict: skipped 1 missing wav (e.g. wavs/LJ002-0003.wav)"), strict.err());
    assertEquals(d.info().id(), CachedDataset.open(ds).info().id());
  }

  @Test
  void frontEndFromAModelReproducesItsFrontEnd() throws IOException {
    Path root = corpus();
    Path first = tmp.resolve("first");
    assertEquals(0, run("dataset", "--corpus", root.toString(), "--task", "voicing", "--out", first.toString(),
        "--n-fft", "512", "--win-length", "400", "--hop", "80", "--fmax", "3000", "--size", "24x20", "--no-progress").code());
    CachedDataset a = CachedDataset.open(first);
    Path model = tmp.resolve("model");
    Files.createDirectories(model);
    Json.write(model.resolve("config.json"), Map.of("classes", a.classes(), "dataset", a.info()));

    Path second = tmp.resolve("second");
    Run r = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", second.toString(), "--frontend-from", model.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(a.info().sameFrontEnd(CachedDataset.open(second).info()));

    Path linear = tmp.resolve("linear");
    assertEquals(0, run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", linear.toString(), "--no-db",
        "--size", "8x8", "--no-progress").code());
    assertFalse(CachedDataset.open(linear).info().spec().db());

    Run clash = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", tmp.resolve("third").toString(),
        "--frontend-from", model.toString(), "--n-fft", "2048", "--size", "8x8");
    assertEquals(2, clash.code());
    assertTrue(clash.err().contains("--frontend-from: fixes the front end; drop --n-fft, --size"), clash.err());
    assertFalse(Files.exists(tmp.resolve("third")));
  }

  @Test
  void speakerGroupingOfOneSpeakerAndBadOptionsAreOneLineErrors() throws IOException {
    Path root = corpus();
    Run r = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", tmp.resolve("x").toString(), "--group-by", "speaker");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("spectrolens: --group-by speaker: the corpus has no speaker information"), r.err());
    // A single-speaker corpus is split by recording instead: no utterance on both sides, said in dataset.json.
    Path byFile = tmp.resolve("byfile");
    Run rec = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", byFile.toString(), "--group-by", "recording",
        "--no-progress", "--size", "8x8");
    assertEquals(0, rec.code(), rec.err());
    CachedDataset d = CachedDataset.open(byFile);
    assertEquals("recording", d.info().split());
    Map<String, java.util.Set<String>> sides = new java.util.HashMap<>();
    d.items().forEach(i -> sides.computeIfAbsent(i.source(), k -> new java.util.HashSet<>()).add(i.split()));
    assertEquals(2, sides.size());
    sides.values().forEach(s -> assertEquals(1, s.size(), "a recording on both sides"));
    Run size = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", tmp.resolve("x").toString(), "--size", "12by4");
    assertTrue(size.err().contains("spectrolens: --size: expected HxW"), size.err());
    Run task = run("dataset", "--corpus", root.toString(), "--task", "tones", "--out", tmp.resolve("x").toString());
    assertTrue(task.err().contains("spectrolens: --task: unknown task 'tones'"), task.err());
  }

  @Test
  void speakerGroupingWithASpeakersFile() throws IOException {
    Path root = corpus();
    Path speakers = tmp.resolve("who.csv");
    Files.writeString(speakers, "speaker,id\nA,LJ002-0001\nB,LJ002-0002\n");
    Path ds = tmp.resolve("ds");
    Run r = run("dataset", "--corpus", root.toString(), "--task", "vowels", "--out", ds.toString(), "--group-by", "speaker",
        "--speakers", speakers.toString(), "--no-progress", "--size", "8x8");
    assertEquals(0, r.code(), r.err());
    CachedDataset d = CachedDataset.open(ds);
    assertEquals("speaker", d.info().split());
    Map<String, java.util.Set<String>> sides = new java.util.HashMap<>();
    d.items().forEach(i -> sides.computeIfAbsent(i.speaker(), k -> new java.util.HashSet<>()).add(i.split()));
    assertEquals(java.util.Set.of("A", "B"), sides.keySet());
    sides.values().forEach(s -> assertEquals(1, s.size()));
  }

  @Test
  void chunksOfAFolderPerClassCorpus() throws IOException {
    Path root = tmp.resolve("folders");
    for (String cls : List.of("hum", "hiss")) {
      Files.createDirectories(root.resolve(cls));
      float[] x = new float[(int) (0.6 * SR)];
      java.util.Random rnd = new java.util.Random(1);
      for (int i = 0; i < x.length; i++) x[i] = cls.equals("hum") ? (float) (0.3 * Math.sin(2 * Math.PI * 120 * i / SR)) : (float) (0.1 * rnd.nextGaussian());
      WavWriter.writePcm16(root.resolve(cls + "/a.wav"), new Clip(x, SR));
    }
    Path ds = tmp.resolve("chunks");
    Run r = run("dataset", "--corpus", root.toString(), "--task", "chunks", "--chunk", "0.25", "--out", ds.toString(),
        "--size", "16x16", "--no-progress");
    assertEquals(0, r.code(), r.err());
    CachedDataset d = CachedDataset.open(ds);
    assertEquals(List.of("hiss", "hum"), d.classes());
    // 0.6 s in 0.25 s windows: [0, 0.25], [0.25, 0.5] and the last 0.1 s zero-padded to 0.25 s
    assertEquals(6, d.items().size());
    for (var item : d.items()) {
      var t = d.spectrogram(item).times();
      double covered = t.seconds(15.5) - t.seconds(-0.5);
      // centred frames of a 0.25 s clip (n samples), hop 110: 1 + floor(n / 110) frames of 110 samples each
      long n = Math.round(0.25 * SR);
      assertEquals((1 + n / 110) * 110.0 / SR, covered, 2e-5, item.id()); // manifest times have 6 decimals
      if (item.id().endsWith("_c002")) {
        assertEquals(0.5, item.start(), 1e-6);
        assertEquals(0.6, item.end(), 1e-6);
      }
    }
    Run drop = run("dataset", "--corpus", root.toString(), "--task", "chunks", "--chunk", "0.25", "--chunk-last", "drop",
        "--out", tmp.resolve("dropped").toString(), "--size", "16x16", "--no-progress");
    assertEquals(0, drop.code(), drop.err());
    assertEquals(4, CachedDataset.open(tmp.resolve("dropped")).items().size());
  }

  @Test
  void helpShowsTheDatasetDefaultsNotTorchaudios() {
    Run r = run("dataset", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("default: 1024"), r.out());
    assertTrue(r.out().contains("default: 22050"), r.out());
  }
}
