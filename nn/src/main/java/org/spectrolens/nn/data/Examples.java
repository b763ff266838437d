package org.spectrolens.nn.data;

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
  private final int channels;
  private final int height;
  private final int width;
  private final double[] rowHz;
  private final boolean decibels;
  /** What the stored values went through: {@code (x - normMean[c]) / normStd[c]}, composed over every normalisation. */
  private final float[] normMean;
  private final float[] normStd;

  private Examples(List<DatasetItem> items, float[][] grids, int[] labels, int channels, int height, int width,
      double[] rowHz, boolean decibels, float[] mean, float[] std) {
    this.rowHz = rowHz;
    this.decibels = decibels;
    this.normMean = mean.clone();
    this.normStd = std.clone();
    this.items = items;
    this.grids = grids;
    this.labels = labels;
    this.channels = channels;
    this.height = height;
    this.width = width;
  }

  /**
   * Loads items (in parallel) and normalises every channel with {@code (x - mean) / std}.
   *
   * @param classIndex maps an item to its class index in the model's class list
   */
  public static Examples load(CachedDataset ds, List<DatasetItem> items, java.util.function.ToIntFunction<DatasetItem> classIndex,
      float mean, float std) {
    int c = ds.info().channelCount();
    float[] means = new float[c];
    float[] stds = new float[c];
    java.util.Arrays.fill(means, mean);
    java.util.Arrays.fill(stds, std);
    return load(ds, items, classIndex, means, stds);
  }

  /**
   * Loads items (in parallel), each flat [C*H*W] with the dataset's C channels, and normalises
   * channel c with {@code (x - mean[c]) / std[c]}. Figures for more channels than a
   * single-channel dataset has (a grid repeated over a network's channels, each normalised with
   * its own figures) repeat each item over that many channels first.
   */
  public static Examples load(CachedDataset ds, List<DatasetItem> items, java.util.function.ToIntFunction<DatasetItem> classIndex,
      float[] mean, float[] std) {
    int d = ds.info().channelCount();
    int c = mean.length;
    int h = ds.info().height();
    int w = ds.info().width();
    if (std.length != c || (c != d && d != 1)) throw new IllegalArgumentException(c + " normalisation channels for " + d + " dataset channels");
    int hw = h * w;
    float[][] grids = new float[items.size()][];
    int[] labels = new int[items.size()];
    IntStream.range(0, items.size()).parallel().forEach(i -> {
      float[] stored = ds.loadChannels(items.get(i));
      float[] flat = new float[c * hw];
      for (int k = 0; k < c; k++) System.arraycopy(stored, (k < d ? k : 0) * hw, flat, k * hw, hw);
      normalise(flat, hw, mean, std);
      grids[i] = flat;
    });
    for (int i = 0; i < items.size(); i++) labels[i] = classIndex.applyAsInt(items.get(i));
    var axis = ds.info().frequencyAxis();
    var spec = ds.info().spec();
    boolean db = spec.db() && spec.kind() != org.spectrolens.spectrogram.SpectrogramSpec.Kind.MFCC;
    return new Examples(List.copyOf(items), grids, labels, c, h, w, axis.scale().isFrequency() ? axis.hz() : null, db, mean, std);
  }

  /** Channel c of the flat [C*H*W] {@code x} becomes {@code (x - mean[c]) / std[c]}, in place. */
  static void normalise(float[] x, int hw, float[] mean, float[] std) {
    for (int c = 0; c < mean.length; c++) {
      for (int q = c * hw; q < (c + 1) * hw; q++) x[q] = (x[q] - mean[c]) / std[c];
    }
  }

  /** The dataset's channels per item (C of [C, H, W]). */
  public int channels() {
    return channels;
  }

  /** Mean and standard deviation over every cell of every item (population SD; 1 if constant), all channels together. */
  public float[] meanStd() {
    return meanStd(0, channels);
  }

  /**
   * Mean and standard deviation of each channel over every cell of every item: {@code [2][C]}
   * (population SD; 1 where a channel is constant, e.g. never for freq-position across rows).
   */
  public float[][] channelMeanStd() {
    float[][] out = new float[2][channels];
    for (int c = 0; c < channels; c++) {
      float[] ms = meanStd(c, c + 1);
      out[0][c] = ms[0];
      out[1][c] = ms[1];
    }
    return out;
  }

  private float[] meanStd(int fromChannel, int toChannel) {
    int hw = height * width;
    double sum = 0;
    double sq = 0;
    long n = 0;
    for (float[] g : grids) {
      for (int q = fromChannel * hw; q < toChannel * hw; q++) {
        float v = g[q];
        sum += v;
        sq += (double) v * v;
      }
      n += (long) (toChannel - fromChannel) * hw;
    }
    double mean = n == 0 ? 0 : sum / n;
    double var = n == 0 ? 1 : Math.max(0, sq / n - mean * mean);
    double sd = Math.sqrt(var);
    return new float[] {(float) mean, (float) (sd > 1e-12 ? sd : 1)};
  }

  /** Applies {@code (x - mean) / std} to every cell in place. */
  public void normalise(float mean, float std) {
    float[] m = new float[channels];
    float[] s = new float[channels];
    java.util.Arrays.fill(m, mean);
    java.util.Arrays.fill(s, std);
    normalise(m, s);
  }

  /** Applies {@code (x - mean[c]) / std[c]} to every cell of channel c in place. */
  public void normalise(float[] mean, float[] std) {
    for (float[] g : grids) normalise(g, height * width, mean, std);
    for (int c = 0; c < normMean.length && c < mean.length; c++) {
      // ((x - m0) / s0 - m) / s = (x - (m0 + m s0)) / (s0 s)
      normMean[c] += mean[c] * normStd[c];
      normStd[c] *= std[c];
    }
  }

  /**
   * Channel 0's normalisation as it stands: a stored value {@code v} is {@code (x - mean) / std}
   * of the dataset's value {@code x}. Returns {@code {mean, std}}.
   */
  public double[] normalisation() {
    return new double[] {normMean[0], normStd[0]};
  }

  /** Whether the dataset's values are power in dB (a spectrogram with {@code db}, not cepstra). */
  public boolean decibels() {
    return decibels;
  }

  public int size() {
    return grids.length;
  }

  public int label(int i) {
    return labels[i];
  }

  /** The centre frequency of every row (Hz, row 0 the lowest), or null where rows are not frequencies. */
  public double[] rowHz() {
    return rowHz == null ? null : rowHz.clone();
  }

  public DatasetItem item(int i) {
    return items.get(i);
  }

  /**
   * The model input for items {@code idx}: [N, C, H, W] flat, augmented (when {@code aug} is on)
   * with a generator seeded by (seed, epoch, item), the same draws for every channel of an item
   * (one mask, one shift). {@code channels} is the dataset's C, or any C for a single-channel
   * dataset, whose grid is then repeated over C (e.g. 3 for RGB-pretrained weights).
   */
  public float[] batch(int[] idx, int channels, Augment aug, long seed, int epoch) {
    if (channels != this.channels && this.channels != 1) {
      throw new IllegalArgumentException("the network takes " + channels + " channels, the dataset has " + this.channels);
    }
    int hw = height * width;
    float[] out = new float[idx.length * channels * hw];
    for (int b = 0; b < idx.length; b++) {
      float[] g = grids[idx[b]];
      if (aug != null && aug.enabled()) {
        g = g.clone();
        float[] plane = new float[hw];
        for (int c = 0; c < this.channels; c++) {
          System.arraycopy(g, c * hw, plane, 0, hw);
          aug.apply(plane, height, width, new SplittableRandom(mix(seed, epoch, idx[b])));
          System.arraycopy(plane, 0, g, c * hw, hw);
        }
      }
      if (this.channels == channels) {
        System.arraycopy(g, 0, out, b * channels * hw, channels * hw);
      } else {
        for (int c = 0; c < channels; c++) System.arraycopy(g, 0, out, (b * channels + c) * hw, hw);
      }
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

  /**
   * A well-spread 64-bit seed from (seed, epoch, item) (SplitMix64's finaliser): every seeded draw
   * of a training run (order, augmentation, validation split, shuffled labels) starts from one,
   * with negative {@code epoch}/{@code item} pairs reserved for draws outside the epochs.
   */
  public static long mix(long seed, int epoch, int item) {
    long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + item * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
