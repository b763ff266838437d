package org.spectrolens.explain.method;

import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Method;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Profile;
import org.spectrolens.explain.Request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;

/**
 * Score-CAM on a global-average-pool network whose layer is the input itself (1x3 grid, two
 * channels): the masks are the channels' min-max maps, the masked inputs' logits are
 * {@code W . mean(x') + b}, and the weights follow by hand.
 */
class ScoreCamTest {
  static final float[] W = {1, -1, -0.5f, 2};
  static final float[] B = {0.2f, 0};
  static final float[] X = {1, 3, 2, 4, 0, 8};

  /** min-max of channel k with epsilon. */
  static double[] mask(int k, double eps) {
    double lo = Math.min(X[3 * k], Math.min(X[3 * k + 1], X[3 * k + 2]));
    double hi = Math.max(X[3 * k], Math.max(X[3 * k + 1], X[3 * k + 2]));
    double[] m = new double[3];
    for (int p = 0; p < 3; p++) m[p] = (X[3 * k + p] - lo) / (hi - lo + eps);
    return m;
  }

  /** Logits of the input masked by channel k's mask against baseline values b[channel]. */
  static double[] maskedLogits(int k, double[] b, double eps) {
    double[] m = mask(k, eps);
    double[] mean = new double[2];
    for (int ch = 0; ch < 2; ch++) {
      for (int p = 0; p < 3; p++) mean[ch] += (b[ch] + m[p] * (X[3 * ch + p] - b[ch])) / 3;
    }
    return new double[] {W[0] * mean[0] + W[1] * mean[1] + B[0], W[2] * mean[0] + W[3] * mean[1] + B[1]};
  }

  static float[] combine(double w0, double w1) {
    float[] m = new float[3];
    for (int p = 0; p < 3; p++) m[p] = (float) (w0 * X[p] + w1 * X[3 + p]);
    return m;
  }

  static double softmax(double[] v, int i) {
    return Math.exp(v[i]) / (Math.exp(v[0]) + Math.exp(v[1]));
  }

  static float[] raw(Network net, int target, Options o) {
    return raw(Explainers.of("scorecam"), net, target, o);
  }

  static float[] raw(Method m, Network net, int target, Options o) {
    return m.explain(Request.of(net, X, 1).withTargets(target).withOptions(o)).raw()[0];
  }

  /** Score-CAM with the spectrolens defaults but these weights and channels. */
  static ScoreCam.Params params(ScoreCam.Weighting w, int channels, ScoreCam.Selection s) {
    ScoreCam.Params d = ScoreCam.DEFINITION.spectrolens();
    return new ScoreCam.Params(w, d.maskResize(), d.maskEpsilon(), d.skipConstantChannels(), channels, s);
  }

  @Test
  void classProbabilityWeights() {
    try (Network net = TinyNets.gap(2, 1, 3, W, B)) {
      double[] zero = {0, 0};
      Options o = Options.defaults().withBaseline(Baseline.ZERO);
      for (int t = 0; t < 2; t++) {
        double w0 = softmax(maskedLogits(0, zero, 1e-7), t);
        double w1 = softmax(maskedLogits(1, zero, 1e-7), t);
        assertArrayEquals(combine(w0, w1), raw(net, t, o), 1e-5f);
      }
      // the floor baseline: each channel's minimum
      double[] floor = {1, 0};
      double w0 = softmax(maskedLogits(0, floor, 1e-7), 1);
      double w1 = softmax(maskedLogits(1, floor, 1e-7), 1);
      assertArrayEquals(combine(w0, w1), raw(net, 1, Options.defaults()), 1e-5f);
    }
  }

  @Test
  void channelSoftmaxOfLogitsAsPytorchGradCam() {
    try (Network net = TinyNets.gap(2, 1, 3, W, B)) {
      double[] zero = {0, 0};
      double s0 = maskedLogits(0, zero, 1e-8)[1];
      double s1 = maskedLogits(1, zero, 1e-8)[1];
      double w0 = Math.exp(s0) / (Math.exp(s0) + Math.exp(s1));
      assertArrayEquals(combine(w0, 1 - w0), raw(net, 1, Options.of(Profile.PYTORCH_GRAD_CAM)), 1e-5f);
    }
  }

  @Test
  void doubleSoftmaxAsTfKerasVisOnASoftmaxModel() {
    try (Network net = TinyNets.gap(2, 1, 3, W, B)) {
      double[] zero = {0, 0};
      double[] w = new double[2];
      for (int k = 0; k < 2; k++) {
        double[] z = maskedLogits(k, zero, 1e-7);
        double[] p = {softmax(z, 0), softmax(z, 1)};
        w[k] = softmax(p, 0);
      }
      ScoreCam.Params tk = ScoreCam.DEFINITION.tfKerasVis();
      ScoreCam doubleSoftmax = new ScoreCam(new ScoreCam.Params(ScoreCam.Weighting.DOUBLE_SOFTMAX, tk.maskResize(), tk.maskEpsilon(),
          tk.skipConstantChannels(), tk.channels(), tk.selection()));
      assertArrayEquals(combine(w[0], w[1]), raw(doubleSoftmax, net, 0, Options.of(Profile.TF_KERAS_VIS)), 1e-5f);
    }
  }

  @Test
  void oneChannelGivesThatChannelsMinMaxMap() {
    float[] x = {3, 1, 4, 1, 5, 9};
    try (Network net = TinyNets.gap(1, 2, 3, new float[] {1, -1}, new float[] {0, 0})) {
      for (Options o : new Options[] {Options.defaults(), Options.of(Profile.PYTORCH_GRAD_CAM), Options.of(Profile.TF_KERAS_VIS)}) {
        float[] got = Explainers.explain("scorecam", Request.of(net, x, 1).withTargets(1).withOptions(o)).maps()[0];
        for (int p = 0; p < 6; p++) assertEquals((x[p] - 1) / 8.0, got[p], 1e-5, o.profile().id());
      }
    }
  }

  @Test
  void fasterScoreCamKeepsTheChannelsOfLargestSpread() {
    try (Network net = TinyNets.gap(2, 1, 3, W, B)) {
      Options all = Options.defaults().withBaseline(Baseline.ZERO);
      ScoreCam two = ScoreCam.faster(params(ScoreCam.Weighting.CLASS_PROBABILITY, 2, ScoreCam.Selection.PER_SAMPLE));
      assertArrayEquals(raw(net, 0, all), raw(two, net, 0, all), 1e-6f);
      // channel 1 (4, 0, 8) spreads more than channel 0 (1, 3, 2): only it is kept
      ScoreCam one = ScoreCam.faster(params(ScoreCam.Weighting.CLASS_PROBABILITY, 1, ScoreCam.Selection.PER_SAMPLE));
      double w1 = softmax(maskedLogits(1, new double[] {0, 0}, 1e-7), 0);
      assertArrayEquals(combine(0, w1), raw(one, net, 0, all), 1e-5f);
    }
  }

  @Test
  void batchUnionSelectionDependsOnTheBatchPerSampleDoesNot() {
    float[] other = {0, 9, 0, 1, 1, 1}; // channel 0 spreads more here
    float[] both = new float[12];
    System.arraycopy(X, 0, both, 0, 6);
    System.arraycopy(other, 0, both, 6, 6);
    try (Network net = TinyNets.gap(2, 1, 3, W, B)) {
      Options o = Options.defaults();
      ScoreCam per = ScoreCam.faster(params(ScoreCam.Weighting.CLASS_PROBABILITY, 1, ScoreCam.Selection.PER_SAMPLE));
      ScoreCam union = ScoreCam.faster(params(ScoreCam.Weighting.CLASS_PROBABILITY, 1, ScoreCam.Selection.BATCH_UNION));
      float[] alone = per.explain(Request.of(net, X, 1).withTargets(0).withOptions(o)).raw()[0];
      float[] inBatch = per.explain(Request.of(net, both, 2).withTargets(0, 0).withOptions(o)).raw()[0];
      assertArrayEquals(alone, inBatch, 1e-6f);
      float[] unionBatch = union.explain(Request.of(net, both, 2).withTargets(0, 0).withOptions(o)).raw()[0];
      float[] full = Explainers.explain("scorecam", Request.of(net, X, 1).withTargets(0).withOptions(o)).raw()[0];
      assertArrayEquals(full, unionBatch, 1e-6f);
    }
  }
}
