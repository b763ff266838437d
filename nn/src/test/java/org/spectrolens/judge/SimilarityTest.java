package org.spectrolens.judge;

import org.spectrolens.judge.metric.Sanity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spearman and SSIM against closed forms. */
class SimilarityTest {
  @Test
  void spearmanOfAbsoluteValuesWithAverageRanks() {
    assertEquals(1, Similarity.spearman(new float[] {1, 2, 3, 4}, new float[] {10, 20, 30, 45}), 1e-12);
    assertEquals(1, Similarity.spearman(new float[] {-1, 2, -3, 4}, new float[] {1, 2, 3, 4}), 1e-12); // absolute values
    assertEquals(-1, Similarity.spearman(new float[] {1, 2, 3, 4}, new float[] {4, 3, 2, 1}), 1e-12);
    // ranks {1.5, 1.5, 3} vs {1, 2, 3}: Pearson = (0 * ... ) -> 0.8660254 (scipy.stats.spearmanr([1,1,2],[1,2,3]))
    assertEquals(0.8660254037844387, Similarity.spearman(new float[] {1, 1, 2}, new float[] {1, 2, 3}), 1e-12);
  }

  @Test
  void ssimIsOneForEqualMapsAndTheLuminanceTermForConstantOnes() {
    float[] a = new float[100];
    for (int i = 0; i < a.length; i++) a[i] = (float) Math.sin(i * 0.37) * 0.5f + 0.5f;
    assertEquals(1, Similarity.ssim(a, a, 10, 10), 1e-9);
    float[] c = new float[100];
    float[] d = new float[100];
    java.util.Arrays.fill(c, 0.2f);
    java.util.Arrays.fill(d, 0.6f);
    double c1 = 1e-4;
    double want = (2 * 0.2 * 0.6 + c1) / (0.2 * 0.2 + 0.6 * 0.6 + c1);
    assertEquals(want, Similarity.ssim(c, d, 10, 10), 1e-6);
    // a map against its negative image around 0.5 has negative structure
    float[] neg = new float[100];
    for (int i = 0; i < a.length; i++) neg[i] = 1 - a[i];
    assertEquals(true, Similarity.ssim(a, neg, 10, 10) < 0);
  }

  @Test
  void undefinedSpearmanIsCountedAndAVerdictWithoutItRestsOnSsim() {
    float[] a = {0.1f, 0.9f, 0.4f, 0.7f};
    float[] b = {0.2f, 0.8f, 0.3f, 0.6f};
    float[] flat = {0, 0, 0, 0}; // a randomised CAM map that its ReLU zeroed
    Similarity.Mean m = Similarity.mean(new float[][] {a, a, a}, new float[][] {b, flat, flat}, 2, 2);
    assertEquals(3, m.items());
    assertEquals(1, m.spearmanItems());
    assertEquals(1.0, m.spearman(), 1e-12); // the one defined item, not a mean over NaN
    org.junit.jupiter.api.Assertions.assertTrue(m.spearmanPartial());
    // every map constant: Spearman undefined everywhere, the verdict is SSIM's
    Similarity.Mean none = Similarity.mean(new float[][] {a}, new float[][] {flat}, 2, 2);
    assertEquals(0, none.spearmanItems());
    assertEquals(none.ssim() < Sanity.THRESHOLD, Sanity.changed(none));
  }
}
