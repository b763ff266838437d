package org.spectrolens.explain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.spectrolens.nn.model.TrainedModel;

/**
 * Score-CAM (Wang et al. 2020) and Faster Score-CAM. Each channel's activation map, upsampled to
 * the input grid ({@link Options#maskResize()}) and min-max scaled to a mask m, masks the input as
 * {@code x' = b + m * (x - b)} ({@link Options#baseline()}); the masked inputs run through the
 * network in batches and their scores weight the channels ({@link Options.ScoreWeighting}); the
 * map is {@code sum_k w_k A^k} at the layer's resolution.
 *
 * <p>Faster Score-CAM (tf-keras-vis {@code max_N}) uses only the N channels of largest spatial
 * standard deviation, per sample by default or their union over the batch as tf-keras-vis does
 * ({@link Options.Selection}); the other channels count as 0.
 */
public final class ScoreCam extends LayerMethod {
  private final boolean faster;
  private int[][] selected;

  private ScoreCam(boolean faster) {
    this.faster = faster;
  }

  public static ScoreCam full() {
    return new ScoreCam(false);
  }

  public static ScoreCam faster() {
    return new ScoreCam(true);
  }

  @Override
  public String id() {
    return faster ? "faster-scorecam" : "scorecam";
  }

  @Override
  boolean needsGradients() {
    return false;
  }

  @Override
  void prepare(Request r, Tap.Layer a, int[] targets, String layer) {
    selected = new int[a.n()][];
    int k = a.k();
    if (!faster || r.options().fasterChannels() <= 0 || r.options().fasterChannels() >= k) {
      int[] all = new int[k];
      for (int c = 0; c < k; c++) all[c] = c;
      Arrays.fill(selected, all);
      return;
    }
    int top = r.options().fasterChannels();
    for (int i = 0; i < a.n(); i++) selected[i] = topByStd(a, i, top);
    if (r.options().fasterSelection() == Options.Selection.BATCH_UNION) {
      Set<Integer> union = new LinkedHashSet<>();
      for (int[] s : selected) for (int c : s) union.add(c);
      int[] u = union.stream().mapToInt(Integer::intValue).toArray();
      Arrays.fill(selected, u);
    }
  }

  /** The {@code top} channels of sample i by population standard deviation over h x w, largest first. */
  static int[] topByStd(Tap.Layer a, int i, int top) {
    int hw = a.plane();
    double[] std = new double[a.k()];
    Integer[] order = new Integer[a.k()];
    for (int c = 0; c < a.k(); c++) {
      int o = (i * a.k() + c) * hw;
      double m = 0;
      for (int p = 0; p < hw; p++) m += a.activations()[o + p];
      m /= hw;
      double v = 0;
      for (int p = 0; p < hw; p++) {
        double d = a.activations()[o + p] - m;
        v += d * d;
      }
      std[c] = Math.sqrt(v / hw);
      order[c] = c;
    }
    Arrays.sort(order, (x, y) -> Double.compare(std[y], std[x]));
    int[] out = new int[top];
    for (int j = 0; j < top; j++) out[j] = order[j];
    return out;
  }

  @Override
  float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    Options o = r.options();
    int c = r.channels();
    int hIn = r.height();
    int wIn = r.width();
    int hwIn = hIn * wIn;
    int size = c * hwIn;
    int hw = a.plane();
    float[] x = r.input(i);
    float[] b = o.baseline().of(x, c, hIn, wIn);
    int[] channels = selected[i];
    int batch = Math.max(1, o.batchSize());
    // masked inputs are built one batch at a time: K x C x H x W at once does not fit for large K
    double[] score = new double[channels.length];
    boolean[] used = new boolean[channels.length];
    float[] masked = new float[Math.min(batch, channels.length) * size];
    int[] pending = new int[batch];
    int count = 0;
    for (int j = 0; j <= channels.length; j++) {
      if (j < channels.length) {
        int off = (i * a.k() + channels[j]) * hw;
        float[] m = o.maskResize().apply(Arrays.copyOfRange(a.activations(), off, off + hw), a.h(), a.w(), hIn, wIn);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : m) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        if (!(o.skipConstantChannels() && hi == lo)) {
          float d = hi - lo + o.maskEps();
          for (int p = 0; p < hwIn; p++) m[p] = (m[p] - lo) / d;
          Baseline.mask(x, b, m, c, hwIn, masked, count * size);
          pending[count++] = j;
        }
      }
      if (count == batch || (j == channels.length && count > 0)) {
        float[][] logits = Tap.logits(r.network(), count == batch ? masked : Arrays.copyOf(masked, count * size), count, batch);
        for (int q = 0; q < count; q++) {
          score[pending[q]] = switch (o.scoreWeighting()) {
            case CLASS_PROBABILITY -> TrainedModel.softmax(logits[q])[target];
            case DOUBLE_SOFTMAX -> TrainedModel.softmax(TrainedModel.softmax(logits[q]))[target];
            case CHANNEL_SOFTMAX -> logits[q][target];
          };
          used[pending[q]] = true;
        }
        count = 0;
      }
    }
    int nUsed = 0;
    for (boolean u : used) if (u) nUsed++;
    if (o.scoreWeighting() == Options.ScoreWeighting.CHANNEL_SOFTMAX && nUsed > 0) {
      double[] s = new double[nUsed];
      int q = 0;
      for (int j = 0; j < channels.length; j++) if (used[j]) s[q++] = score[j];
      s = TrainedModel.softmax(s);
      q = 0;
      for (int j = 0; j < channels.length; j++) if (used[j]) score[j] = s[q++];
    }
    double[] w = new double[a.k()];
    for (int j = 0; j < channels.length; j++) if (used[j]) w[channels[j]] = score[j];
    return weighted(a, i, w);
  }
}
