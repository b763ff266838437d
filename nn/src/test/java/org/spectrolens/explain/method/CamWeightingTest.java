package org.spectrolens.explain.method;

import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Method;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Profile;
import org.spectrolens.explain.Request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;

/**
 * Gradient weighting rules on networks whose activations and gradients are known by hand. The
 * quadratic head has logit {@code V . A^2 / 2}, so with A = [1, 2] (one channel, 1x2) the gradient
 * is {@code V * A}.
 */
class CamWeightingTest {
  static final float[] A = {1, 2};

  static float[] raw(String method, Network net, float[] x, Options o) {
    return raw(Explainers.of(method), net, x, o);
  }

  static float[] raw(Method method, Network net, float[] x, Options o) {
    Request r = Request.of(net, x, 1).withTargets(0).withOptions(o);
    return method.explain(r).raw()[0];
  }

  static GradCamPlusPlus gradCamPlusPlus(GradCamPlusPlus.Alpha alpha) {
    return new GradCamPlusPlus(new GradCamPlusPlus.Params(alpha, 0));
  }

  static Network quad(float v0, float v1) {
    return TinyNets.quadratic(1, 1, 2, new float[] {v0, v1, 0, 0}, new float[] {0, 0});
  }

  @Test
  void gradCamPlusPlusAlphaFromSecondAndThirdPowers() {
    try (Network net = quad(1, 1)) {
      // g = [1, 2], sum A = 3: alpha = [1/(2+3), 4/(8+24)] = [0.2, 0.125]; w = 0.2*1 + 0.125*2 = 0.45
      assertArrayEquals(new float[] {0.45f, 0.9f}, raw("gradcam++", net, A, Options.defaults()), 1e-6f);
      // tf-keras-vis: alpha / sum(alpha) = alpha / 0.325 -> w = 0.45 / 0.325
      float w = 0.45f / 0.325f;
      assertArrayEquals(new float[] {w, 2 * w}, raw(gradCamPlusPlus(GradCamPlusPlus.Alpha.NORMALISED), net, A, Options.defaults()), 1e-5f);
    }
    try (Network net = quad(1, -1)) {
      // g = [1, -2]: alpha = [1/5, 4/(8 - 24)] = [0.2, -0.25]; relu(g) = [1, 0]
      assertArrayEquals(new float[] {0.2f, 0.4f}, raw("gradcam++", net, A, Options.defaults()), 1e-6f);
      // normalised over all positions: sum = -0.05 -> w = -4
      assertArrayEquals(new float[] {-4f, -8f}, raw(gradCamPlusPlus(GradCamPlusPlus.Alpha.NORMALISED), net, A, Options.defaults()), 1e-4f);
      // normalised over relu(g) > 0 only (the authors' code): sum = 0.2 -> w = 1
      assertArrayEquals(new float[] {1f, 2f}, raw(gradCamPlusPlus(GradCamPlusPlus.Alpha.THRESHOLDED), net, A, Options.defaults()), 1e-6f);
      // pytorch-grad-cam adds 1e-6 to the denominator
      float a0 = (float) (1 / (5 + 1e-6));
      assertArrayEquals(new float[] {a0, 2 * a0}, raw("gradcam++", net, A, Options.of(Profile.PYTORCH_GRAD_CAM)), 1e-7f);
    }
  }

  @Test
  void gradCamLayerCamHiResCamXGradCamByHand() {
    try (Network net = quad(1, 1)) {
      // g = [1, 2]: mean 1.5
      assertArrayEquals(new float[] {1.5f, 3f}, raw("gradcam", net, A, Options.defaults()), 1e-6f);
    }
    try (Network net = quad(1, -1)) {
      // g = [1, -2]
      assertArrayEquals(new float[] {-0.5f, -1f}, raw("gradcam", net, A, Options.defaults()), 1e-6f);
      assertArrayEquals(new float[] {1f, 0f}, raw("layercam", net, A, Options.defaults()), 1e-6f);
      assertArrayEquals(new float[] {1f, -4f}, raw("hirescam", net, A, Options.defaults()), 1e-6f);
      // w = (1*1 - 2*2) / (1 + 2) = -1
      assertArrayEquals(new float[] {-1f, -2f}, raw("xgradcam", net, A, Options.defaults()), 1e-6f);
    }
  }

  @Test
  void onGapNetworksCamGradCamHiResCamAndXGradCamAgreeUpToScale() {
    int c = 3;
    int h = 4;
    int w = 5;
    float[] weight = {0.5f, -1f, 2f, -0.25f, 1.5f, 0.75f};
    float[] x = new float[c * h * w];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 + rnd.nextDouble());
    try (Network net = TinyNets.gap(c, h, w, weight, new float[] {0.1f, -0.2f})) {
      for (int target = 0; target < 2; target++) {
        float[] cam = new float[h * w];
        float[] positive = new float[h * w];
        for (int k = 0; k < c; k++) {
          for (int p = 0; p < h * w; p++) {
            cam[p] += weight[target * c + k] * x[k * h * w + p];
            positive[p] += Math.max(0, weight[target * c + k]) * x[k * h * w + p] / (h * w);
          }
        }
        Request r = Request.of(net, x, 1).withTargets(target);
        Explanation camE = Explainers.explain("cam", r);
        assertArrayEquals(cam, camE.raw()[0], 1e-5f);
        float[] scaled = cam.clone();
        for (int p = 0; p < scaled.length; p++) scaled[p] /= h * w;
        for (String m : new String[] {"gradcam", "hirescam", "xgradcam"}) {
          Explanation e = Explainers.explain(m, r);
          assertArrayEquals(scaled, e.raw()[0], 1e-5f, m);
          assertArrayEquals(camE.maps()[0], e.maps()[0], 1e-4f, m);
        }
        assertArrayEquals(positive, Explainers.explain("layercam", r).raw()[0], 1e-5f);
      }
    }
  }

  @Test
  void camWithoutGlobalPoolingAndOneDenseLayerIsAClearError() {
    try (Network net = quad(1, 1)) {
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> raw("cam", net, A, Options.defaults()));
      assertTrue(e.getMessage().contains("global average pooling"), e.getMessage());
    }
  }

  @Test
  void targetDefaultsToThePredictedClassAndLayerToTheLastConvolutionalOne() {
    float[] weight = {1, 0, 0, 1};
    float[] x = new float[2 * 2 * 2];
    for (int p = 0; p < 4; p++) x[4 + p] = 1; // channel 1 on: class 1 wins
    try (Network net = TinyNets.gap(2, 2, 2, weight, new float[] {0, 0})) {
      Explanation e = Explainers.explain("gradcam", Request.of(net, x, 1));
      assertEquals(1, e.targets()[0]);
      assertEquals("features", e.layer());
      assertThrows(SpectrolensException.class, () -> Explainers.explain("gradcam", Request.of(net, x, 1).withLayer("nope")));
    }
  }

  @Test
  void eigenCamProjectsOnTheFirstPrincipalDirection() {
    // two channels proportional to one pattern: the centred matrix has rank 1, the projection is
    // the centred pattern times |(1, 2)| (sign fixed so the largest value is positive)
    float[] p = {0, 1, 3, 0};
    float[] x = new float[8];
    for (int i = 0; i < 4; i++) {
      x[i] = p[i];
      x[4 + i] = 2 * p[i];
    }
    try (Network net = TinyNets.gap(2, 2, 2, new float[] {1, 1, 1, 1}, new float[] {0, 0})) {
      float[] got = Explainers.explain("eigencam", Request.of(net, x, 1).withTargets(0)).raw()[0];
      double norm = Math.sqrt(5);
      for (int i = 0; i < 4; i++) assertEquals((p[i] - 1) * norm, got[i], 1e-4);
    }
  }

  @Test
  void ablationCamWeightsAreRelativeScoreDrops() {
    // logits = W . mean(A) + b; ablating channel k (to 0: min(A) == 0) drops the score by W_k mean(A^k)
    float[] weight = {1, 2, 0, 0};
    float[] x = {0, 2, 4, 6, 1, 1, 1, 1};
    try (Network net = TinyNets.gap(2, 2, 2, weight, new float[] {1, 0})) {
      double y = 1 + 1 * 3 + 2 * 1; // 6
      double w0 = 3 / y;
      double w1 = 2 / y;
      float[] got = Explainers.explain("ablationcam", Request.of(net, x, 1).withTargets(0)).raw()[0];
      for (int p = 0; p < 4; p++) assertEquals(w0 * x[p] + w1 * x[4 + p], got[p], 1e-5);
    }
  }

  @Test
  void aBatchGivesTheMapsOfItsInputsOneByOne() {
    float[] weight = {0.5f, -1f, 2f, -0.25f, 1.5f, 0.75f};
    float[] x = new float[2 * 3 * 16];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble();
    try (Network net = TinyNets.gap(3, 4, 4, weight, new float[] {0, 0})) {
      for (String m : new String[] {"gradcam", "gradcam++", "scorecam", "saliency"}) {
        Explanation both = Explainers.explain(m, Request.of(net, x, 2).withTargets(0, 1));
        for (int i = 0; i < 2; i++) {
          float[] xi = java.util.Arrays.copyOfRange(x, i * 48, (i + 1) * 48);
          Explanation one = Explainers.explain(m, Request.of(net, xi, 1).withTargets(i));
          assertArrayEquals(one.maps()[0], both.maps()[i], 1e-5f, m);
        }
      }
    }
  }
}
