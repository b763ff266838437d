package org.spectrolens.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.corpus.Task;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** A recording shorter than the chunk window is featurised at predict time as the builder cached it. */
class ChunkPaddingTest {
  private static final int SR = 22050;
  @TempDir Path tmp;

  @Test
  void aShortWavIsPaddedToTheChunkAsItsCachedChunkWas() {
    Path root = tmp.resolve("corpus");
    Random rnd = new Random(7);
    for (String cls : new String[] {"hum", "hiss"}) {
      float[] x = new float[(int) (0.6 * SR)];
      for (int i = 0; i < x.length; i++) {
        x[i] = cls.equals("hum") ? (float) (0.3 * Math.sin(2 * Math.PI * 120 * i / SR)) : (float) (0.1 * rnd.nextGaussian());
      }
      WavWriter.writePcm16(root.resolve(cls).resolve("a.wav"), new Clip(x, SR));
    }
    InputFormat format = new InputFormat(SpectrogramSpec.librosa(), 0, 4000, 32, 24);
    DatasetRecipe recipe = DatasetRecipe.of(root, Task.CHUNKS, format); // 1 s windows, last one padded
    CachedDataset ds = recipe.build(tmp.resolve("ds"), recipe.builder().threads(1)).dataset();
    assertEquals(1.0, ds.info().minClipSeconds());
    assertEquals(1.0, CachedDataset.open(tmp.resolve("ds")).info().minClipSeconds(), "recorded in dataset.json");
    assertEquals(2, ds.items().size());
    for (DatasetItem item : ds.items()) {
      Clip wav = AudioFile.read(Path.of(item.source()));
      assertEquals(0.6, wav.samples().length / (double) SR, 1e-9);
      float[][] cached = ds.spectrogram(item).values();
      // The path TrainedModel.input(Clip) and explain's ModelInput take: the featuriser of the dataset's InputFormat.
      float[][] fresh = new SpectrogramFeaturiser(InputFormat.of(ds.info()), 0).featurise(wav).values();
      assertEquals(cached.length, fresh.length);
      for (int y = 0; y < cached.length; y++) assertArrayEquals(cached[y], fresh[y], item.id() + " row " + y);
      // Unpadded, the 0.6 s clip spans fewer frames and so resizes to a different grid.
      float[][] unpadded = new SpectrogramFeaturiser(format, 0).featurise(wav).values();
      assertFalse(java.util.Arrays.deepEquals(cached, unpadded), "padding changes the grid");
    }
  }

  @Test
  void anOlderDatasetJsonWithoutTheFieldReadsAsUnpadded() throws Exception {
    DatasetInfo info = new DatasetInfo(DatasetInfo.FORMAT, "x", "chunks", java.util.List.of("a"), SpectrogramSpec.librosa(),
        0, 4000, 8, 8, "linear", 0, 10, "stratified", 0, 0.2, 1.0);
    ObjectNode node = (ObjectNode) Json.MAPPER.valueToTree(info);
    assertTrue(node.has("minClipSeconds"));
    node.remove("minClipSeconds");
    Path old = tmp.resolve("dataset.json");
    Files.writeString(old, Json.MAPPER.writeValueAsString(node));
    DatasetInfo read = Json.read(old, DatasetInfo.class);
    assertEquals(0.0, read.minClipSeconds());
    assertEquals(new InputFormat(info.spec(), 0, 4000, 8, 8), InputFormat.of(read));
    assertEquals(info.spec(), read.spec());
  }

  @Test
  void unpaddedFormatsKeepTheirJsonAndSoTheirContentIds() {
    InputFormat plain = new InputFormat(SpectrogramSpec.librosa(), 0, 4000, 8, 8);
    assertFalse(Json.toString(plain).contains("minClipSeconds"));
    assertTrue(Json.toString(plain.withMinClipSeconds(1.0)).contains("minClipSeconds"));
    assertNotEquals(plain, plain.withMinClipSeconds(1.0));
  }
}
