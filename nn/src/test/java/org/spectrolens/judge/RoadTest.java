package org.spectrolens.judge;

import org.spectrolens.judge.metric.faithfulness.RoadLerfAuc;
import org.spectrolens.judge.metric.faithfulness.RoadMorfAuc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;

/** ROAD's imputation and areas against hand-worked values. */
class RoadTest {
  @Test
  void aLonelyCellBecomesTwoThirdsItsEdgeNeighboursPlusOneThirdItsDiagonals() {
    // 3x3: edges 3, diagonals 6: (4 * 3/6 + 4 * 6/12) / (4/6 + 4/12) = 2 + 2 = 4
    float[] x = {6, 3, 6, 3, 100, 3, 6, 3, 6};
    boolean[] removed = new boolean[9];
    removed[4] = true;
    NoisyLinearImputation.impute(x, 1, 3, 3, removed, 0, new SplittableRandom(1));
    assertEquals(4, x[4], 1e-6);
  }

  @Test
  void aLinearRampIsImputedExactlyAndNoiseHasTheAskedSpread() {
    int h = 12;
    int w = 10;
    float[] x = new float[h * w];
    for (int y = 0; y < h; y++) for (int t = 0; t < w; t++) x[y * w + t] = 0.5f * y - 0.25f * t + 3;
    boolean[] removed = new boolean[h * w];
    for (int y = 3; y < 9; y++) for (int t = 2; t < 7; t++) removed[y * w + t] = true;
    float[] imputed = x.clone();
    NoisyLinearImputation.impute(imputed, 1, h, w, removed, 0, new SplittableRandom(1));
    for (int p = 0; p < x.length; p++) assertEquals(x[p], imputed[p], 1e-4, "cell " + p);
    // with noise: the residuals' spread is noise x the input's standard deviation
    float[] noisy = x.clone();
    NoisyLinearImputation.impute(noisy, 1, h, w, removed, 0.5, new SplittableRandom(2));
    double mean = 0;
    for (float v : x) mean += v / x.length;
    double sd = 0;
    for (float v : x) sd += (v - mean) * (v - mean) / x.length;
    sd = Math.sqrt(sd);
    double ss = 0;
    int k = 0;
    for (int p = 0; p < x.length; p++) {
      if (removed[p]) {
        ss += (noisy[p] - x[p]) * (noisy[p] - x[p]);
        k++;
      }
    }
    assertEquals(0.5 * sd, Math.sqrt(ss / k), 0.25 * 0.5 * sd);
  }

  @Test
  void roadAreasOfTheBandMapAreTheHandWorkedValues() {
    // the band toy without its distractor: logit 0 = 16 (mean even - mean odd) - 7.8 = 0.2. The
    // band is 8 of the 64 units (8x8 grid); imputing any one of them removes its share 1 of the
    // pattern and flips the prediction.
    // Units removed at p%: floor(64 p / 100), truncated as Quantus counts.
    // MoRF: 1% removes no unit (kept, 1); 3% removes one band unit: every later point 0; area = (0.02 / 2) / 0.98.
    // LeRF: the band goes last; floor(p * 64 / 100) > 56 from p = 91: points 1..89 kept, 91..99 not;
    // area = ((0.89 - 0.01) + 0.02 / 2) / 0.98.
    try (Network net = BandToy.network(0, -7.8f)) {
      int n = 3;
      float[] x = BandToy.inputs(n, 7);
      Judged j = Judged.of(net, BandToy.SHAPE, x, n, BandToy.truthMaps(n), new int[n], null, null, null, BandEvidenceTest.judging());
      assertEquals(0.2, j.logits()[0][0], 1e-5);
      assertEquals(0.01 / 0.98, new RoadMorfAuc().score(j), 1e-12);
      assertEquals((0.88 + 0.01) / 0.98, new RoadLerfAuc().score(j), 1e-9);
    }
  }
}
