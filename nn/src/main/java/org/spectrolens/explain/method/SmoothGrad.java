package org.spectrolens.explain.method;

import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Method;
import org.spectrolens.explain.MethodBase;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.Param;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SmoothGrad (Smilkov et al. 2017) as a wrapper around any method, as Captum's NoiseTunnel: for
 * each of N samples every input gets Gaussian noise of {@code sigma_i = noise * (max(x_i) -
 * min(x_i))} (tf-keras-vis's sigma), the wrapped method explains the noisy batch (for the classes
 * chosen on the clean inputs), and the raw maps are aggregated over the samples (mean: SmoothGrad;
 * mean of squares: SmoothGrad-squared; variance: VarGrad). {@code smoothgrad} alone wraps
 * {@link Saliency}, which is tf-keras-vis's SmoothGrad for single-channel inputs (for several
 * channels it averages each sample's channel maximum where tf-keras-vis takes the maximum of the
 * averages); {@code smoothgrad:integrated-gradients} or {@code smoothgrad:gradcam} need no new
 * class. The aggregate is post-processed as the wrapped method post-processes its own.
 *
 * <p>Noise is seeded: input i draws from its own stream, seeded by {@link Options#seed()} and the
 * input's key ({@link Request#key}), so an input gets the same noise in any batch.
 */
public final class SmoothGrad extends MethodBase<SmoothGrad.Params> {
  /** How the raw maps of the noisy samples are combined. */
  public enum Aggregation {
    /** the mean (SmoothGrad). */
    MEAN,
    /** the mean of squares (SmoothGrad-squared, Hooker et al. 2019). */
    MEAN_SQUARE,
    /** the variance (VarGrad, Adebayo et al. 2018). */
    VARIANCE
  }

  /**
   * @param samples noisy samples per input
   * @param noise sigma as a fraction of each input's value range
   * @param aggregation how the samples' raw maps are combined
   */
  public record Params(@Param(value = "noisy samples per input", min = 1, max = 100000) int samples,
      @Param(value = "noise sigma as a fraction of each input's value range (max - min)", min = 0) double noise,
      @Param("mean (SmoothGrad), mean-square (SmoothGrad-squared) or variance (VarGrad)") Aggregation aggregation) {}

  private static final Params TWENTY = new Params(20, 0.2, Aggregation.MEAN);

  public static final MethodDefinition<Params> DEFINITION = new MethodDefinition<>("smoothgrad",
      "SmoothGrad: a method's maps averaged over noisy copies of the input (smoothgrad:METHOD wraps METHOD; default saliency)",
      "samples x the wrapped method's cost + 1 forward", TWENTY, TWENTY, TWENTY, SmoothGrad::new, true);

  private final Method inner;

  /**
   * @param params null: the request profile's
   * @param inner the wrapped method (null: saliency)
   */
  public SmoothGrad(Params params, Method inner) {
    super(DEFINITION, params);
    this.inner = inner == null ? new Saliency() : inner;
  }

  public SmoothGrad() {
    this(null, null);
  }

  /** {@code smoothgrad} over saliency, else {@code smoothgrad:<wrapped id>}. */
  @Override
  public String id() {
    return inner instanceof Saliency ? "smoothgrad" : "smoothgrad:" + inner.id();
  }

  @Override
  public Map<String, Object> describe(Options options) {
    Map<String, Object> m = new LinkedHashMap<>(super.describe(options));
    m.put("wraps", inner.id());
    Map<String, Object> own = inner.describe(options);
    own.keySet().removeAll(options.describe().keySet());
    m.put("wrapped_parameters", own);
    return m;
  }

  @Override
  public float[] postProcess(Options o, float[] raw, int rawHeight, int rawWidth, int height, int width) {
    return inner.postProcess(o, raw, rawHeight, rawWidth, height, width);
  }

  @Override
  public Explanation explain(Request r) {
    long t0 = System.nanoTime();
    Options o = r.options();
    Params p = params(o);
    int n = r.n();
    int size = r.channels() * r.height() * r.width();
    float[][] logits = Tap.logits(r.network(), r.inputs(), n, o.batchSize());
    int[] targets = r.resolvedTargets(logits);
    double[] sigma = new double[n];
    SplittableRandom[] rng = new SplittableRandom[n];
    for (int i = 0; i < n; i++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int q = 0; q < size; q++) {
        lo = Math.min(lo, r.inputs()[i * size + q]);
        hi = Math.max(hi, r.inputs()[i * size + q]);
      }
      sigma[i] = p.noise() * (hi - lo);
      rng[i] = stream(o.seed(), r.key(i));
    }
    Request clean = r.withTargets(targets);
    float[] noisy = new float[n * size];
    double[][] sum = null;
    double[][] sumSq = null;
    Explanation last = null;
    for (int t = 0; t < p.samples(); t++) {
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < size; q++) noisy[i * size + q] = (float) (r.inputs()[i * size + q] + sigma[i] * gaussian(rng[i]));
      }
      last = inner.explain(clean.withInputs(noisy));
      if (sum == null) {
        sum = new double[n][last.raw()[0].length];
        sumSq = new double[n][last.raw()[0].length];
      }
      for (int i = 0; i < n; i++) {
        float[] m = last.raw()[i];
        for (int q = 0; q < m.length; q++) {
          sum[i][q] += m[q];
          sumSq[i][q] += (double) m[q] * m[q];
        }
      }
    }
    float[][] raw = new float[n][];
    float[][] maps = new float[n][];
    int samples = p.samples();
    for (int i = 0; i < n; i++) {
      raw[i] = new float[sum[i].length];
      for (int q = 0; q < raw[i].length; q++) {
        double mean = sum[i][q] / samples;
        raw[i][q] = (float) switch (p.aggregation()) {
          case MEAN -> mean;
          case MEAN_SQUARE -> sumSq[i][q] / samples;
          case VARIANCE -> Math.max(0, sumSq[i][q] / samples - mean * mean);
        };
      }
      maps[i] = inner.postProcess(o, raw[i], last.rawHeight(), last.rawWidth(), r.height(), r.width());
    }
    return new Explanation(id(), last.layer(), targets, logits, raw, last.rawHeight(), last.rawWidth(), maps, r.height(), r.width(),
        describe(o), since(t0), r.axes());
  }

  /** Input {@code key}'s own noise stream under {@code seed}. */
  static SplittableRandom stream(long seed, long key) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key);
  }

  /** A standard normal draw (Box-Muller on the seeded stream). */
  static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
