package org.spectrolens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetRecipe;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** dataset --task chunks --events on a hand-made annotation. */
class EventChunksTest {
  @TempDir Path tmp;
  Path recordings;

  @BeforeEach
  void recordings() {
    recordings = tmp.resolve("rec");
    TestWavs.tone(recordings.resolve("ward-a.wav"), 440, 5.0, 8000);
    TestWavs.tone(recordings.resolve("ward-b.wav"), 440, 3.0, 8000);
    TestWavs.tone(recordings.resolve("quiet.wav"), 100, 2.0, 8000);
  }

  Path annotation(String... lines) throws Exception {
    Path csv = tmp.resolve("events.csv");
    Files.writeString(csv, "file,onset,offset,label\n" + String.join("\n", lines) + "\n");
    return csv;
  }

  @Test
  void chunksTakeTheLabelOfTheEventsThatCoverEnoughOfThem() throws Exception {
    Path csv = annotation(
        "ward-a.wav,0.5,1.4,wheeze", // 0.5 s of chunk 0, 0.4 s of chunk 1
        "ward-a.wav,2.9,3.1,cough", // a 0.2 s cough: 0.1 s (half of it) in chunks 2 and 3
        "ward-a.wav,3.8,4.05,wheeze", // 0.2 s of chunk 3 (over half of it): counts, and covers more than the cough
        "ward-b.wav,0.9,1.6,wheeze", // grazes chunk 0 by 0.1 s: ambiguous; 0.6 s of chunk 1
        "quiet.wav,,,");
    Corpus c = EventChunks.chunks(csv, recordings, 1.0, 1.0, true, EventChunks.DEFAULT_MIN_OVERLAP, DurationProbe.headers());
    Map<String, String> got = new LinkedHashMap<>();
    c.segments().forEach(s -> got.put(s.id(), s.label()));
    Map<String, String> want = new LinkedHashMap<>();
    want.put("ward-a_c000", "wheeze");
    want.put("ward-a_c001", "wheeze");
    want.put("ward-a_c002", "cough");
    want.put("ward-a_c003", "wheeze"); // wheeze 0.2 s against cough 0.1 s
    // ward-a_c004: 0.05 s of the 0.25 s wheeze (< min(0.25, 0.125)): ambiguous, left out
    want.put("ward-b_c001", "wheeze");
    want.put("ward-b_c002", "negative");
    want.put("quiet_c000", "negative");
    want.put("quiet_c001", "negative");
    assertEquals(want, got);
    assertEquals(2, c.dropped().counts().get(EventChunks.AMBIGUOUS));
  }

  @Test
  void theRuleOnOneChunk() {
    Path f = Path.of("x.wav");
    List<EventChunks.Event> ev = List.of(new EventChunks.Event(f, 0.2, 0.5, "wheeze"), new EventChunks.Event(f, 0.4, 0.9, "cough"));
    assertEquals("cough", EventChunks.label(ev, 0, 1, 0.25), "the label covering more of the chunk wins");
    assertEquals("negative", EventChunks.label(ev, 1, 2, 0.25));
    assertEquals(null, EventChunks.label(ev, 0.85, 1.85, 0.25), "0.05 s of a 0.5 s cough is ambiguous");
  }

  @Test
  void badAnnotationsAreOneLineErrorsAndNothingIsWritten() throws Exception {
    InputFormat format = new InputFormat(SpectrogramSpec.torchaudio().withSampleRate(8000), 0, Double.NaN, 16, 16);
    String[][] cases = {
        {"ward-a.wav,4.5,5.5,wheeze", "ends after the end of ward-a.wav"},
        {"ward-a.wav,2.0,1.5,wheeze", "is not before offset"},
        {"missing.wav,0.1,0.5,wheeze", "no such recording 'missing.wav'"},
        {"ward-a.wav,zero,0.5,wheeze", "must be finite numbers"},
        {"ward-a.wav,NaN,0.5,wheeze", "must be finite numbers (seconds), found 'NaN'"},
    };
    Path out = tmp.resolve("ds");
    for (String[] k : cases) {
      Path csv = annotation("ward-b.wav,0.5,1.5,cough", k[0]);
      DatasetRecipe r = new DatasetRecipe(recordings, null, null, Task.CHUNKS, null, null, 0, 0.03, 0, 1.0, 1.0, true,
          Split.stratified(0), format, csv);
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> r.build(out, r.builder().threads(1)));
      assertTrue(e.getMessage().contains(k[1]), e.getMessage());
      assertTrue(e.getMessage().startsWith(csv.toString() + ": line 3: "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertFalse(Files.exists(out), "nothing written for " + k[0]);
      assertFalse(Files.exists(out.resolveSibling("ds.partial")));
    }
  }

  @Test
  void theDatasetIsBuiltFromTheAnnotation() throws Exception {
    Path csv = annotation("ward-a.wav,0.5,1.4,wheeze", "ward-b.wav,1.0,2.0,wheeze", "quiet.wav,,,");
    InputFormat format = new InputFormat(SpectrogramSpec.torchaudio().withSampleRate(8000), 0, Double.NaN, 16, 16);
    DatasetRecipe r = new DatasetRecipe(recordings, null, null, Task.CHUNKS, null, null, 0, 0.03, 0, 1.0, 1.0, true,
        Split.stratified(0), format, csv);
    CachedDataset ds = r.build(tmp.resolve("ds"), r.builder().threads(1)).dataset();
    assertEquals(List.of("negative", "wheeze"), ds.classes());
    long wheezes = ds.items().stream().filter(i -> i.label().equals("wheeze")).count();
    assertEquals(3, wheezes);
    assertEquals(10, ds.items().size());
    for (DatasetItem i : ds.items()) assertEquals(1.0, i.end() - i.start(), 1e-9);
  }
}
