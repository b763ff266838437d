package org.spectrolens.nn.train;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;

/**
 * Items of a dataset held in memory as normalised flat grids with label indices, and the batches
 * made from them. Batch contents depend only on (seed, epoch, item), never on thread timing, so
 * batches can be built on another core while the engine computes and a resumed run sees exactly
 * the batches the interrupted one would have.
 */
public final class Examples {
  private final List<DatasetItem> items;
  private final float[][] grids;
  private final int[] labels;
  private final int height;
  private final int width;

  private Examples(List<DatasetItem> items, float[][] grids, int[] labels, int height, int width) {
    this.items = items;
    this.grids = grids;
    this.labels = labels;
    this.height = height;
    this.width = width;
  }

  /**
   * Loads items (in parallel) and normalises them with {@code (x - mean) / std}.
   *
   * @param classIndex maps an item to its class index in the model's class list
   */
  public static Examples load(CachedDataset ds, List<DatasetItem> items, java.util.function.ToIntFunction<DatasetItem> classIndex,
      float mean, float std) {
    int h = ds.info().height();
    int w = ds.info().width();
    float[][] grids = new float[items.size()][];
    int[] labels = new int[items.size()];
    IntStream.range(0, items.size()).parallel().forEach(i -> {
      float[][] g = ds.load(items.get(i));
      float[] flat = new float[h * w];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) flat[y * w + x] = (g[y][x] - mean) / std;
      }
      grids[i] = flat;
    });
    for (int i = 0; i < items.size(); i++) labels[i] = classIndex.applyAsInt(items.get(i));
    return new Examples(List.copyOf(items), grids, labels, h, w);
  }

  /** Mean and standard deviation over every cell of every item (population SD; 1 if constant). */
  public float[] meanStd() {
    double sum = 0;
    double sq = 0;
    long n = 0;
    for (float[] g : grids) {
      for (float v : g) {
        sum += v;
        sq += (double) v * v;
      }
      n += g.length;
    }
    double mean = n == 0 ? 0 : sum / n;
    double var = n == 0 ? 1 : Math.max(0, sq / n - mean * mean);
    double sd = Math.sqrt(var);
    return new float[] {(float) mean, (float) (sd > 1e-12 ? sd : 1)};
  }

  /** Applies {@code (x - mean) / std} to every cell in place. */
  public void normalise(float mean, float std) {
    for (float[] g : grids) for (int i = 0; i < g.length; i++) g[i] = (g[i] - mean) / std;
  }

  public int size() {
    return grids.length;
  }

  public int label(int i) {
    return labels[i];
  }

  public DatasetItem item(int i) {
    return items.get(i);
  }

  /**
   * The model input for items {@code idx}: [N, C, H, W] flat, the grid repeated over C channels,
   * augmented (when {@code aug} is on) with a generator seeded by (seed, epoch, item).
   */
  public float[] batch(int[] idx, int channels, Augment aug, long seed, int epoch) {
    int hw = height * width;
    float[] out = new float[idx.length * channels * hw];
    for (int b = 0; b < idx.length; b++) {
      float[] g = grids[idx[b]];
      if (aug != null && aug.enabled()) {
        g = g.clone();
        aug.apply(g, height, width, new SplittableRandom(mix(seed, epoch, idx[b])));
      }
      for (int c = 0; c < channels; c++) System.arraycopy(g, 0, out, (b * channels + c) * hw, hw);
    }
    return out;
  }

  /** The order of items in an epoch: a Fisher-Yates shuffle seeded by (seed, epoch). */
  public int[] order(long seed, int epoch) {
    int[] o = IntStream.range(0, size()).toArray();
    SplittableRandom r = new SplittableRandom(mix(seed, epoch, -1));
    for (int i = o.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
    return o;
  }

  static long mix(long seed, int epoch, int item) {
    long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + item * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
