package org.spectrolens.nn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Small class-dependent datasets for tests: each class lights a different band of rows (a
 * "formant") over a noisy floor, at a random time offset, spoken by numbered speakers; the last
 * speakers form the test split.
 */
public final class TinyDatasets {
  private TinyDatasets() {}

  public static CachedDataset build(Path dir, String id, List<String> classes, int speakers, int perSpeakerPerClass,
      int testSpeakers, int h, int w, long seed) {
    return build(dir, id, classes, speakers, perSpeakerPerClass, testSpeakers, h, w, seed, SpectrogramSpec.torchaudio());
  }

  public static CachedDataset build(Path dir, String id, List<String> classes, int speakers, int perSpeakerPerClass,
      int testSpeakers, int h, int w, long seed, SpectrogramSpec spec) {
    DatasetWriter writer = new DatasetWriter(dir);
    SplittableRandom r = new SplittableRandom(seed);
    int k = classes.size();
    for (int s = 0; s < speakers; s++) {
      String speaker = id + "-s" + s;
      String split = s >= speakers - testSpeakers ? "test" : "train";
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < perSpeakerPerClass; j++) {
          float[][] g = new float[h][w];
          int band = (int) ((c + 0.5) * h / k);
          int t0 = r.nextInt(0, w / 4);
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              float v = (float) (-60 + 4 * r.nextGaussian());
              if (Math.abs(y - band) <= 1 && x >= t0 && x < t0 + w / 2) v += 30;
              g[y][x] = v;
            }
          }
          String itemId = String.format("%s-%s-%d", speaker, classes.get(c), j);
          writer.add(new DatasetItem(itemId, speaker + ".wav", j, j + 0.2, classes.get(c), speaker, split, -1, "",
              j + 0.01, 0.01), g);
        }
      }
    }
    DatasetInfo info = new DatasetInfo(DatasetInfo.FORMAT, id, "test", classes, spec, 0, 4000, h, w, "linear", 0,
        4000.0 / (h - 1), "speaker", seed, (double) testSpeakers / speakers);
    return writer.finish(info, Map.of());
  }

  public static List<String> vowels() {
    return new ArrayList<>(List.of("i", "ae", "u"));
  }
}
