package org.spectrolens.explain.method;

import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;

/**
 * Input-gradient and perturbation methods on the quadratic network (input gradient
 * {@code V_c * x}) and the global-average-pool network (input gradient {@code W_c / (h w)}).
 */
class InputMethodsTest {
  static final int C = 2;
  static final int H = 2;
  static final int W = 3;
  static final float[] V = {1, -2, 0.5f, 3, -1, 0, 2, 1, -1, 0.5f, 4, -3, /* class 1 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  static final float[] X = {0.5f, -1, 2, 1, 0, 3, -2, 1, 1, 0.25f, -0.5f, 2};

  static Network quad() {
    return TinyNets.quadratic(C, H, W, V, new float[] {0.1f, 0});
  }

  static Request req(Network net, Options o) {
    return Request.of(net, X, 1).withTargets(0).withOptions(o);
  }

  @Test
  void saliencyIsTheMaximumOverChannelsOfTheAbsoluteGradient() {
    try (Network net = quad()) {
      float[] want = new float[H * W];
      for (int p = 0; p < H * W; p++) {
        for (int c = 0; c < C; c++) want[p] = Math.max(want[p], Math.abs(V[c * H * W + p] * X[c * H * W + p]));
      }
      assertArrayEquals(want, Explainers.explain("saliency", req(net, Options.defaults())).raw()[0], 1e-6f);
    }
  }

  @Test
  void smoothGradWithSigmaZeroIsSaliency() {
    try (Network net = quad()) {
      Explanation s = Explainers.explain("saliency", req(net, Options.defaults()));
      Explanation g = new SmoothGrad(new SmoothGrad.Params(5, 0, SmoothGrad.Aggregation.MEAN), null).explain(req(net, Options.defaults()));
      assertArrayEquals(s.raw()[0], g.raw()[0], 1e-6f);
      assertArrayEquals(s.maps()[0], g.maps()[0], 1e-6f);
    }
  }

  @Test
  void smoothGradAveragesAbsoluteGradientsOfNoisyCopiesThenTakesTheChannelMax() {
    int samples = 4;
    double noise = 0.3;
    long seed = 11;
    try (Network net = quad()) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (float v : X) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      double sigma = noise * (hi - lo);
      // input 0's own stream; each sample's saliency is the channel maximum of |V * noisy|, averaged over samples
      SplittableRandom rng = SmoothGrad.stream(seed, 0);
      double[] mean = new double[H * W];
      float[] noisy = new float[X.length];
      for (int t = 0; t < samples; t++) {
        for (int q = 0; q < X.length; q++) noisy[q] = (float) (X[q] + sigma * SmoothGrad.gaussian(rng));
        for (int p = 0; p < H * W; p++) mean[p] += Math.max(Math.abs(V[p] * noisy[p]), Math.abs(V[H * W + p] * noisy[H * W + p])) / samples;
      }
      float[] want = new float[H * W];
      for (int p = 0; p < H * W; p++) want[p] = (float) mean[p];
      Options o = Options.defaults().withSeed(seed);
      SmoothGrad sg = new SmoothGrad(new SmoothGrad.Params(samples, noise, SmoothGrad.Aggregation.MEAN), null);
      assertArrayEquals(want, sg.explain(req(net, o)).raw()[0], 1e-5f);
      // same seed, same map; another seed, another map
      assertArrayEquals(want, sg.explain(req(net, o)).raw()[0], 0f);
      assertFalse(Arrays.equals(want, sg.explain(req(net, o.withSeed(12))).raw()[0]));
    }
  }

  @Test
  void integratedGradientsIsCompleteAndExactOnAQuadratic() {
    // the gradient is linear along the path, so the midpoint rule is exact: the attributions sum to S(x) - S(b)
    try (Network net = quad()) {
      for (Baseline b : Baseline.values()) {
        Options o = Options.defaults().withBaseline(b).withBatchSize(2);
        float[] base = b.of(X, C, H, W);
        double sx = 0.1;
        double sb = 0.1;
        for (int q = 0; q < X.length; q++) {
          sx += V[q] * X[q] * X[q] / 2;
          sb += V[q] * base[q] * base[q] / 2;
        }
        float[] raw = new IntegratedGradients(new IntegratedGradients.Params(3)).explain(req(net, o)).raw()[0];
        double sum = 0;
        for (float v : raw) sum += v;
        assertEquals(sx - sb, sum, 1e-4, b.id());
        // and cell by cell: sum_c (x - b) V (x + b) / 2
        for (int p = 0; p < H * W; p++) {
          double want = 0;
          for (int c = 0; c < C; c++) {
            int q = c * H * W + p;
            want += (X[q] - base[q]) * V[q] * (X[q] + base[q]) / 2;
          }
          assertEquals(want, raw[p], 1e-5, b.id());
        }
      }
    }
  }

  @Test
  void occlusionIsTheMeanScoreDropOverTheWindowsCoveringACell() {
    // one channel 2x4, gap + linear: occluding a window (baseline 0) drops the score by W0 * sum(window) / 8
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    try (Network net = TinyNets.gap(1, 2, 4, new float[] {2, 1}, new float[] {0, 0})) {
      Options o = Options.defaults().withBaseline(Baseline.ZERO);
      float[] got = new Occlusion(new Occlusion.Params(1, 2, 1, 2, 0, 0)).explain(Request.of(net, x, 1).withTargets(0).withOptions(o)).raw()[0];
      float[] want = {2 * 3 / 8f, 2 * 3 / 8f, 2 * 7 / 8f, 2 * 7 / 8f, 2 * 11 / 8f, 2 * 11 / 8f, 2 * 15 / 8f, 2 * 15 / 8f};
      assertArrayEquals(want, got, 1e-6f);
      // overlapping 2x2 windows with stride 1 and a cut-short last window: the middle columns average two or three windows
      float[] got2 = new Occlusion(new Occlusion.Params(2, 2, 2, 1, 0, 0)).explain(Request.of(net, x, 1).withTargets(0).withOptions(o)).raw()[0];
      double w0 = 2 * (1 + 2 + 5 + 6) / 8.0;
      double w1 = 2 * (2 + 3 + 6 + 7) / 8.0;
      double w2 = 2 * (3 + 4 + 7 + 8) / 8.0;
      assertEquals(w0, got2[0], 1e-6);
      assertEquals((w0 + w1) / 2, got2[1], 1e-6);
      assertEquals((w1 + w2) / 2, got2[2], 1e-6);
      assertEquals(w2, got2[3], 1e-6);
    }
  }

  @Test
  void baselinesByHand() {
    float[] x = {1, 3, 5, 7, 2, 2, 2, 10}; // one input, 2 channels of 2x2
    assertArrayEquals(new float[] {1, 1, 1, 1, 2, 2, 2, 2}, Baseline.FLOOR.of(x, 2, 2, 2), 0f);
    assertArrayEquals(new float[] {4, 4, 4, 4, 4, 4, 4, 4}, Baseline.MEAN.of(x, 2, 2, 2), 0f);
    assertArrayEquals(new float[] {2, 2, 6, 6, 2, 2, 6, 6}, Baseline.FREQ_MEAN.of(x, 2, 2, 2), 0f);
    assertArrayEquals(new float[8], Baseline.ZERO.of(x, 2, 2, 2), 0f);
    float[] flat = new float[25];
    Arrays.fill(flat, 3);
    assertArrayEquals(flat, Baseline.BLUR.of(flat, 1, 5, 5), 1e-6f);
    float[] out = new float[8];
    Baseline.mask(x, Baseline.FLOOR.of(x, 2, 2, 2), new float[] {0, 0.5f, 1, 1}, 2, 4, out, 0);
    assertArrayEquals(new float[] {1, 2, 5, 7, 2, 2, 2, 10}, out, 0f);
  }
}
