package org.spectrolens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source rates recorded per item and the note on resampling (issue 25). */
class SourceRateTest {
  @TempDir Path tmp;

  @Test
  void aResampledCorpusIsSaidInOneLineNamingTheEmptyRows() {
    BuildSummary up = new BuildSummary("id", "vowels", "stratified", List.of("i"), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("8000", 1263), 22050);
    assertEquals("resampled 1263 items from 8000 Hz to 22050 Hz; rows above 4000 Hz hold no signal of the 8000 Hz recordings",
        up.resampled());
    BuildSummary down = new BuildSummary("id", "vowels", "stratified", List.of("i"), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("22050", 4, "16000", 2), 16000);
    assertEquals("resampled 4 items from 22050 Hz to 16000 Hz", down.resampled());
    assertNull(new BuildSummary("id", "vowels", "stratified", List.of("i"), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("16000", 3), 16000).resampled());
  }

  @Test
  void aCacheWrittenBeforeSourceRatesStillReadsWithRateZero() throws IOException {
    Path csv = tmp.resolve("manifest.csv");
    Files.writeString(csv, DatasetItem.HEADER_WITHOUT_RATE + "\nx,a.wav,0.1,0.2,i,s1,train,-1,items/x.npy,0.1,0.01\n");
    DatasetItem old = CachedDataset.readManifest(csv).get(0);
    assertEquals(0, old.sourceRate());
    Files.writeString(csv, DatasetItem.HEADER + "\nx,a.wav,0.1,0.2,i,s1,train,-1,items/x.npy,0.1,0.01,8000\n");
    assertEquals(old.withSourceRate(8000), CachedDataset.readManifest(csv).get(0));
  }
}
