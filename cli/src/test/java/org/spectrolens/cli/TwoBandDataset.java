package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** A tiny 16x16 dataset for CLI tests: "low" items are loud below row 5, "high" items above; 3 speakers, the third for testing. */
public final class TwoBandDataset {
  private TwoBandDataset() {}

  /** Writes it to {@code dir}; {@code source} names speaker s's recording. */
  public static void write(Path dir, IntFunction<String> source) {
    DatasetWriter w = new DatasetWriter(dir);
    SplittableRandom r = new SplittableRandom(3);
    for (int s = 0; s < 3; s++) {
      for (String label : List.of("low", "high")) {
        for (int j = 0; j < 4; j++) {
          float[][] g = new float[16][16];
          for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) g[y][x] = (float) (-60 + 3 * r.nextGaussian() + (label.equals("low") == y < 5 ? 25 : 0));
          }
          w.add(new DatasetItem("s" + s + "-" + label + j, source.apply(s), j, j + 0.1, label, "s" + s,
              s == 2 ? "test" : "train", -1, "", j, 0.01), g);
        }
      }
    }
    w.finish(new DatasetInfo(DatasetInfo.FORMAT, "tiny2", "voicing", List.of("low", "high"), SpectrogramSpec.torchaudio(),
        0, 4000, 16, 16, "linear", 0, 4000.0 / 15, "speaker", 1, 0.25), Map.of());
  }
}
