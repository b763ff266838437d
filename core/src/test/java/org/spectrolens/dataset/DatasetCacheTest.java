package org.spectrolens.dataset;

import org.spectrolens.io.Csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

class DatasetCacheTest {
  @TempDir Path dir;

  private static DatasetInfo info(FrequencyAxis f) {
    return new DatasetInfo(DatasetInfo.FORMAT, "test", "vowels", List.of("IY", "AA"), SpectrogramSpec.librosa(),
        0, 4000, f.length(), 3, f.scale().id(), f.warpedStart(), f.warpedStep(), "stratified", 7, 0.3);
  }

  @Test
  void writtenCacheReadsBackWithAxes() {
    FrequencyAxis f = FrequencyAxis.linear(22050, 2048).crop(0, 372).resize(4);
    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    float[][] grid = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
    w.add(new DatasetItem("b", "wavs/x, y.wav", 0.5, 0.6, "AA", "s1", "test", -1, "", 0.51, 0.005), grid);
    w.add(new DatasetItem("a", "wavs/x.wav", 0.1, 0.2, "IY", "s1", "train", -1, "", 0.11, 0.005), grid);
    CachedDataset ds = w.finish(info(f), Map.of("summary.json", Map.of("n", 2)));
    assertEquals(List.of("a", "b"), ds.items().stream().map(DatasetItem::id).toList());
    DatasetItem b = ds.items("test").get(0);
    assertEquals("wavs/x, y.wav", b.source());
    assertEquals(1, ds.labelIndex(b));
    Spectrogram s = ds.spectrogram(b);
    assertEquals(12f, s.value(3, 2));
    assertEquals(f.hz(3), s.frequencies().hz(3), 1e-9);
    assertEquals(0.51 + 2 * 0.005, s.times().seconds(2), 1e-9);
    assertFalse(Files.exists(dir.resolve("ds.partial")));
    assertTrue(ds.info().sameFrontEnd(info(f)));
  }

  @Test
  void interruptedBuildLeavesNoCompleteLookingCache() {
    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    w.add(new DatasetItem("a", "x.wav", 0, 1, "IY", "", "train", -1, "", 0, 0.01), new float[][] {{1}});
    // no finish(): the build died
    assertThrows(SpectrolensException.class, () -> CachedDataset.open(dir.resolve("ds")));
    assertFalse(Files.exists(dir.resolve("ds/dataset.json")));
  }

  @Test
  void csvQuotesRoundTrip() {
    String field = "a \"quoted\", field";
    assertEquals(List.of(field, "b"), Csv.split(Csv.field(field) + ",b"));
  }
}
