package org.spectrolens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.corpus.Corpus;
import org.spectrolens.corpus.Segment;
import org.spectrolens.corpus.Skips;
import org.spectrolens.corpus.Split;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

class DatasetBuilderTest {
  private static final int H = 4;
  private static final int W = 6;
  private static final InputFormat FORMAT = new InputFormat(SpectrogramSpec.librosa(), 0, 4000, H, W);
  @TempDir Path tmp;

  /** Every cell holds the segment's start; columns span the segment; rows 0..3 kHz. */
  private static final Featuriser TRIVIAL = s -> {
    float[][] v = new float[H][W];
    for (float[] row : v) java.util.Arrays.fill(row, (float) s.start());
    return new Spectrogram(v, FrequencyAxis.of(FrequencyScale.LINEAR, 0, 1000, H),
        TimeAxis.of(s.start(), (s.end() - s.start()) / W, W), null);
  };

  private static Corpus corpus(int n) {
    List<Segment> segs = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      segs.add(new Segment(String.format("seg%03d", k), Path.of("/data/f" + (k % 3) + ".wav"), k * 0.5, k * 0.5 + 0.1 + 0.01 * k,
          k % 3 == 0 ? "u" : "i", "spk" + (k % 4)));
    }
    return new Corpus(segs, Map.of(), new Skips(), new Skips());
  }

  private static DatasetBuilder.Result build(Path out, Corpus c, Featuriser f, Split split) {
    return new DatasetBuilder(f, FORMAT).threads(3).build(out, "vowels", List.of("i", "u"), split, split.assign(c.segments()), c);
  }

  @Test
  void writesManifestGridsSplitAndSummary() throws IOException {
    Corpus c = corpus(20);
    Split split = Split.stratified(3);
    Path out = tmp.resolve("ds");
    AtomicInteger last = new AtomicInteger();
    DatasetBuilder.Result r = new DatasetBuilder(TRIVIAL, FORMAT).threads(3).progress((d, t) -> last.accumulateAndGet(d, Math::max))
        .build(out, "vowels", List.of("i", "u"), split, split.assign(c.segments()), c);
    assertEquals(20, last.get());
    CachedDataset ds = CachedDataset.open(out);
    assertEquals(20, ds.items().size());
    Map<String, String> sideOf = new HashMap<>();
    split.assign(c.segments()).forEach(a -> sideOf.put(a.segment().id(), a.split()));
    for (DatasetItem item : ds.items()) {
      Segment s = c.segments().stream().filter(x -> x.id().equals(item.id())).findFirst().orElseThrow();
      assertEquals(s.start(), item.start(), 1e-6);
      assertEquals(s.end(), item.end(), 1e-6);
      assertEquals(s.label(), item.label());
      assertEquals(s.speaker(), item.speaker());
      assertEquals(sideOf.get(s.id()), item.split());
      assertEquals(-1, item.fold());
      assertEquals((float) s.start(), ds.load(item)[H - 1][W - 1]);
      assertEquals(s.start(), ds.spectrogram(item).times().start(), 1e-6);
    }
    // 13 "i" and 7 "u" (every third): round(0.3 n) = 4 and 2 in test
    JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    assertEquals(9, summary.at("/counts/i/train").asInt());
    assertEquals(4, summary.at("/counts/i/test").asInt());
    assertEquals(5, summary.at("/counts/u/train").asInt());
    assertEquals(2, summary.at("/counts/u/test").asInt());
    assertEquals(20, summary.at("/totals/items").asInt());
    assertEquals(r.summary().id(), ds.info().id());
    assertEquals("stratified", ds.info().split());
    assertEquals(3000.0, ds.info().frequencyAxis().hz(3), 1e-9);
    assertFalse(Files.exists(tmp.resolve("ds.partial")));

    // same input, same id; another seed, another id
    assertEquals(ds.info().id(), build(tmp.resolve("again"), corpus(20), TRIVIAL, Split.stratified(3)).dataset().info().id());
    assertNotEquals(ds.info().id(), build(tmp.resolve("other"), corpus(20), TRIVIAL, Split.stratified(4)).dataset().info().id());
  }

  @Test
  void kFoldIsSavedWithTheDataset() {
    Corpus c = corpus(20);
    CachedDataset ds = build(tmp.resolve("k"), c, TRIVIAL, new Split(false, 0, 1, 4, 3)).dataset();
    assertEquals("kfold", ds.info().split());
    assertEquals(0.25, ds.info().testFraction());
    for (DatasetItem i : ds.items()) assertEquals(i.fold() == 3 ? "test" : "train", i.split());
  }

  @Test
  void skippedSegmentsAreCountedAndStrictFails() throws IOException {
    Featuriser flaky = s -> {
      if (s.id().equals("seg004")) throw new Featuriser.SkipException(Skips.DECODE_ERROR, "f1.wav: truncated");
      if (s.id().equals("seg005")) throw new SpectrolensException("f2.wav", "not a WAV file");
      return TRIVIAL.featurise(s);
    };
    DatasetBuilder.Result r = build(tmp.resolve("ds"), corpus(10), flaky, Split.stratified(0));
    assertEquals(Map.of(Skips.DECODE_ERROR, 2), r.summary().skipped());
    assertEquals(8, r.dataset().items().size());

    Path strictOut = tmp.resolve("strict");
    Corpus c = corpus(10);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> new DatasetBuilder(flaky, FORMAT).strict(true)
        .build(strictOut, "vowels", List.of("i", "u"), Split.stratified(0), Split.stratified(0).assign(c.segments()), c));
    assertEquals("strict", e.parameter());
    assertFalse(Files.exists(strictOut));
    assertFalse(Files.exists(tmp.resolve("strict.partial")));

    // skips found while reading the corpus fail a strict build before any work
    Corpus missing = corpus(5);
    missing.skipped().add(Skips.MISSING_WAV, "wavs/LJ001-0003.wav");
    e = assertThrows(SpectrolensException.class, () -> new DatasetBuilder(TRIVIAL, FORMAT).strict(true)
        .build(strictOut, "vowels", List.of("i", "u"), Split.stratified(0), Split.stratified(0).assign(missing.segments()), missing));
    assertTrue(e.problem().contains("1 missing wav (e.g. wavs/LJ001-0003.wav)"), e.getMessage());
  }

  @Test
  void anInterruptedBuildLeavesNoCacheAndKeepsTheOldOne() throws IOException {
    Path out = tmp.resolve("ds");
    String oldId = build(out, corpus(6), TRIVIAL, Split.stratified(0)).dataset().info().id();
    AtomicInteger calls = new AtomicInteger();
    Featuriser dying = s -> {
      if (calls.incrementAndGet() == 7) throw new IllegalStateException("killed mid-way");
      return TRIVIAL.featurise(s);
    };
    Corpus c = corpus(30);
    assertThrows(IllegalStateException.class, () -> build(out, c, dying, Split.stratified(0)));
    assertFalse(Files.exists(tmp.resolve("ds.partial")));
    assertEquals(oldId, CachedDataset.open(out).info().id());
    assertEquals(6, CachedDataset.open(out).items().size());

    Path fresh = tmp.resolve("fresh");
    calls.set(0);
    assertThrows(IllegalStateException.class, () -> build(fresh, c, dying, Split.stratified(0)));
    assertFalse(Files.exists(fresh.resolve("dataset.json")));
    assertFalse(Files.exists(tmp.resolve("fresh.partial")));
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotADataset() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("thesis.tex"), "precious");
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> build(mine, corpus(4), TRIVIAL, Split.stratified(0)));
    assertTrue(e.problem().contains("was not written by spectrolens"), e.getMessage());
    assertEquals("precious", Files.readString(mine.resolve("thesis.tex")));
  }

  @Test
  void aGridOfTheWrongSizeIsABug() {
    Featuriser wrong = s -> TRIVIAL.featurise(s).resize(H + 1, W);
    assertThrows(IllegalStateException.class, () -> build(tmp.resolve("w"), corpus(3), wrong, Split.stratified(0)));
    assertFalse(Files.exists(tmp.resolve("w")));
  }
}
