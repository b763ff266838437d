package org.spectrolens.judge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.scene.IdealBinaryMask;
import org.spectrolens.truth.TruthMasks;
import org.spectrolens.truth.TruthReader;
import org.spectrolens.truth.TruthSource;

/**
 * The truth mask of each judged item, [n][H*W] row-major (row 0 the lowest frequency), from the
 * truth API ({@link TruthReader}: the synthesiser's tracks or the project's trackers): for a
 * voicing dataset F0 and its harmonics below {@link TruthMasks#HARMONICS_MAX_HZ} (empty for a
 * voiceless item, which localisation then leaves out), for any other task (vowels) F1, F2 and F3
 * plus or minus their bandwidths. On a dataset cut from a {@code synth-scene} corpus, {@code --truth
 * synth} is the event's ideal binary mask from its clip's stems ({@link IdealBinaryMask#ofItem}).
 */
public final class Truth {
  private Truth() {}

  /**
   * What {@code localisation.json}'s options record about the truth: its source, the region it
   * marks, on how many items a region was found ({@code masks} with a true cell), and the pointing
   * game's tolerances (Hz, ms).
   */
  public static Map<String, Object> settings(TruthReader reader, CachedDataset ds, boolean[][] masks, Judging judging) {
    int withTruth = 0;
    for (boolean[] mask : masks) {
      for (boolean v : mask) {
        if (v) {
          withTruth++;
          break;
        }
      }
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("truth", reader.origin().id());
    o.put("region", region(ds));
    o.put("items_with_truth", withTruth);
    o.put("tolerance_hz", judging.toleranceHz());
    o.put("tolerance_ms", judging.toleranceMs());
    return o;
  }

  /** What the masks mark for a dataset's task. */
  public static String region(CachedDataset ds) {
    if (scene(ds)) return "the event's cells (ideal binary mask of its stems)";
    return "voicing".equals(ds.info().task()) ? "F0 and harmonics below " + (int) TruthMasks.HARMONICS_MAX_HZ + " Hz" : "F1-F3 +/- bandwidths";
  }

  /** A one-line error when the reader cannot serve the dataset (a scene dataset needs its stems only). */
  public static void check(TruthReader reader, CachedDataset ds) {
    if (!(reader.origin() == TruthSource.SYNTH && scene(ds))) reader.check(ds);
  }

  /** The masks of the sampled items; a one-line error when the reader cannot serve the dataset. */
  public static boolean[][] masks(TruthReader reader, CachedDataset ds, Samples s) {
    check(reader, ds);
    boolean scene = reader.origin() == TruthSource.SYNTH && scene(ds);
    boolean voicing = "voicing".equals(ds.info().task());
    boolean[][] out = new boolean[s.n()][];
    for (int i = 0; i < s.n(); i++) {
      DatasetItem item = s.items().get(i);
      boolean[][] grid;
      if (scene) {
        grid = IdealBinaryMask.ofItem(item, ds.info());
      } else {
        TruthMasks m = reader.masks(ds, item);
        grid = voicing ? m.harmonics() : m.formants();
      }
      int h = grid.length;
      int w = grid[0].length;
      out[i] = new boolean[h * w];
      for (int y = 0; y < h; y++) for (int t = 0; t < w; t++) out[i][y * w + t] = grid[y][t];
    }
    return out;
  }

  /** True for a dataset cut from a synth-scene corpus (its first item's clip has stems). */
  static boolean scene(CachedDataset ds) {
    return !ds.items().isEmpty() && IdealBinaryMask.covers(ds.items().get(0));
  }
}
