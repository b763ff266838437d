package org.spectrolens.explain.method;

import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.LayerMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Resize;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.Param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import org.spectrolens.nn.model.TrainedModel;

/**
 * Score-CAM (Wang et al. 2020) and Faster Score-CAM. Each channel's activation map, upsampled to
 * the input grid ({@link Params#maskResize()}) and min-max scaled to a mask m, masks the input as
 * {@code x' = b + m * (x - b)} ({@link Options#baseline()}); the masked inputs run through the
 * network in batches and their scores weight the channels ({@link Weighting}); the
 * map is {@code sum_k w_k A^k} at the layer's resolution.
 *
 * <p>Faster Score-CAM (tf-keras-vis {@code max_N}) uses only the N channels of largest spatial
 * standard deviation, per sample by default or their union over the batch as tf-keras-vis does
 * ({@link Selection}); the other channels count as 0.
 */
public final class ScoreCam extends LayerMethod<ScoreCam.Params> {
  /** Score-CAM's channel weights from the scores of the masked inputs. */
  public enum Weighting {
    /** the target's class probability (softmax over classes) of each masked input: the authors' code, tf-keras-vis >= 0.7 on a logit model. */
    CLASS_PROBABILITY,
    /** softmax over channels of the target logits: pytorch-grad-cam; also the paper's, whose baseline score cancels in the softmax. */
    CHANNEL_SOFTMAX,
    /** softmax over classes of the class probabilities: tf-keras-vis's documented usage on a model that ends in softmax. */
    DOUBLE_SOFTMAX
  }

  /** Faster Score-CAM's channel selection in a batch. */
  public enum Selection {
    /** each input's own top channels (a batch gives exactly its items' maps). */
    PER_SAMPLE,
    /** the union of the batch's top channels (tf-keras-vis; depends on the batch). */
    BATCH_UNION
  }

  /**
   * @param weighting channel weights from the masked inputs' scores
   * @param maskResize upsampling of the activation maps to masks
   * @param maskEpsilon epsilon of the masks' min-max
   * @param skipConstantChannels a channel with max == min gets weight 0 (the authors' code) instead of a mask of zeros
   * @param channels channels kept (largest spatial standard deviation first); 0 keeps all (Score-CAM)
   * @param selection per input or their union over the batch
   */
  public record Params(
      @Param("channel weights from the masked inputs' scores") Weighting weighting,
      @Param("upsampling of the activation maps to masks") Resize maskResize,
      @Param(value = "epsilon of the masks' min-max", min = 0) double maskEpsilon,
      @Param("a constant channel gets weight 0 instead of a mask of zeros") boolean skipConstantChannels,
      @Param(value = "channels kept, largest spatial standard deviation first; 0 keeps all", min = 0) int channels,
      @Param("per-sample channels, or their union over the batch") Selection selection) {}

  public static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("scorecam",
      "Score-CAM: channels weighted by the score of the input masked by each channel", "1 forward + K forwards",
      params(Weighting.CLASS_PROBABILITY, Resize.BILINEAR, 1e-7, true, 0, Selection.PER_SAMPLE),
      params(Weighting.CHANNEL_SOFTMAX, Resize.BILINEAR_CORNERS, 1e-8, false, 0, Selection.PER_SAMPLE),
      params(Weighting.CLASS_PROBABILITY, Resize.BILINEAR_CORNERS, 1e-7, false, 0, Selection.BATCH_UNION), ScoreCam::new);

  /** Faster Score-CAM (tf-keras-vis {@code max_N}; the monitoring thesis used 10 channels). */
  public static final MethodDefinition<Params> FASTER = MethodDefinition.of("faster-scorecam",
      "Faster Score-CAM: Score-CAM on the N channels of largest spatial standard deviation", "1 forward + N forwards",
      params(Weighting.CLASS_PROBABILITY, Resize.BILINEAR, 1e-7, true, 10, Selection.PER_SAMPLE),
      params(Weighting.CHANNEL_SOFTMAX, Resize.BILINEAR_CORNERS, 1e-8, false, 10, Selection.PER_SAMPLE),
      params(Weighting.CLASS_PROBABILITY, Resize.BILINEAR_CORNERS, 1e-7, false, 10, Selection.BATCH_UNION), ScoreCam::faster);

  private final boolean faster;
  private int[][] selected;

  private ScoreCam(Params params, boolean faster) {
    super(faster ? FASTER : DEFINITION, params);
    this.faster = faster;
  }

  /** Score-CAM; null params: the request profile's. */
  public ScoreCam(Params params) {
    this(params, false);
  }

  /** Faster Score-CAM; null params: the request profile's. */
  public static ScoreCam faster(Params params) {
    return new ScoreCam(params, true);
  }

  public static ScoreCam full() {
    return new ScoreCam(null, false);
  }

  public static ScoreCam faster() {
    return new ScoreCam(null, true);
  }

  private static Params params(Weighting w, Resize r, double eps, boolean skip, int channels, Selection s) {
    return new Params(w, r, eps, skip, channels, s);
  }

  @Override
  protected boolean needsGradients() {
    return false;
  }

  @Override
  protected void prepare(Request r, Tap.Layer a, String layer) {
    Params q = params(r.options());
    selected = new int[a.n()][];
    int k = a.k();
    if (q.channels() <= 0 || q.channels() >= k) {
      int[] all = new int[k];
      for (int c = 0; c < k; c++) all[c] = c;
      Arrays.fill(selected, all);
      return;
    }
    int top = q.channels();
    for (int i = 0; i < a.n(); i++) selected[i] = topByStd(a, i, top);
    if (q.selection() == Selection.BATCH_UNION) {
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
  protected float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    Options o = r.options();
    Params prm = params(o);
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
    // every constant channel gives the same all-zero mask, hence the same masked input and score:
    // it runs once (a ReLU layer's maps are often all zero), and the others copy its score
    int constant = -1;
    List<Integer> copies = new ArrayList<>();
    for (int j = 0; j <= channels.length; j++) {
      if (j < channels.length) {
        int off = (i * a.k() + channels[j]) * hw;
        float[] m = prm.maskResize().apply(Arrays.copyOfRange(a.activations(), off, off + hw), a.h(), a.w(), hIn, wIn);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : m) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        if (hi == lo && !prm.skipConstantChannels() && constant >= 0) {
          copies.add(j);
        } else if (!(prm.skipConstantChannels() && hi == lo)) {
          if (hi == lo) constant = j;
          float d = hi - lo + (float) prm.maskEpsilon();
          for (int p = 0; p < hwIn; p++) m[p] = (m[p] - lo) / d;
          Baseline.mask(x, b, m, c, hwIn, masked, count * size);
          pending[count++] = j;
        }
      }
      if (count == batch || (j == channels.length && count > 0)) {
        float[][] logits = Tap.logits(r.network(), count == batch ? masked : Arrays.copyOf(masked, count * size), count, batch);
        for (int q = 0; q < count; q++) {
          score[pending[q]] = switch (prm.weighting()) {
            case CLASS_PROBABILITY -> TrainedModel.softmax(logits[q])[target];
            case DOUBLE_SOFTMAX -> TrainedModel.softmax(TrainedModel.softmax(logits[q]))[target];
            case CHANNEL_SOFTMAX -> logits[q][target];
          };
          used[pending[q]] = true;
        }
        count = 0;
      }
    }
    for (int j : copies) {
      score[j] = score[constant];
      used[j] = true;
    }
    int nUsed = 0;
    for (boolean u : used) if (u) nUsed++;
    if (prm.weighting() == Weighting.CHANNEL_SOFTMAX && nUsed > 0) {
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
