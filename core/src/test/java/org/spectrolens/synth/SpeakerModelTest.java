package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpeakerModelTest {
  @Test
  void drawnTokensHaveThePublishedMeansAndSpread() {
    SplittableRandom rng = new SplittableRandom(11);
    for (SpeakerGroup g : SpeakerGroup.values()) {
      for (String v : VowelNorms.TARGET_VOWELS) {
        int talkers = 400;
        int tokens = 10;
        double[][] f = new double[talkers * tokens][];
        for (int t = 0; t < talkers; t++) {
          Speaker s = Speaker.draw("x", g, rng);
          for (int k = 0; k < tokens; k++) f[t * tokens + k] = s.drawVowel(v, rng);
        }
        VowelNorms.Stats pub = VowelNorms.of(g, v);
        for (int k = 0; k < 4; k++) {
          double mean = 0;
          for (double[] x : f) mean += x[k] / f.length;
          double ss = 0;
          for (double[] x : f) ss += (x[k] - mean) * (x[k] - mean);
          double sd = Math.sqrt(ss / (f.length - 1));
          String at = g + " " + v + " F" + (k + 1);
          assertEquals(pub.mean()[k], mean, 0.02 * pub.mean()[k], at + " mean");
          assertEquals(pub.sd()[k], sd, 0.10 * pub.sd()[k], at + " sd");
        }
        for (double[] x : f) assertTrue(x[0] < x[1] && x[1] < x[2] && x[2] < x[3]);
      }
    }
  }

  @Test
  void talkersVaryAroundTheGroupF0AndScale() {
    SplittableRandom rng = new SplittableRandom(5);
    for (SpeakerGroup g : SpeakerGroup.values()) {
      int n = 20000;
      double sumLogF0 = 0;
      double sumLogScale = 0;
      double ssScale = 0;
      for (int i = 0; i < n; i++) {
        Speaker s = Speaker.draw("x", g, rng);
        sumLogF0 += Math.log(s.f0Mean());
        sumLogScale += s.logScale();
        ssScale += s.logScale() * s.logScale();
      }
      assertEquals(g.f0Mean, Math.exp(sumLogF0 / n), 0.01 * g.f0Mean, g + " geometric mean F0");
      assertEquals(0, sumLogScale / n, 0.002, g + " mean log scale");
      assertEquals(g.talkerScaleSd, Math.sqrt(ssScale / n), 0.05 * g.talkerScaleSd, g + " SD of log scale");
    }
  }

  @Test
  void hawksMillerBandwidthsMatchTheTabulatedValues() {
    // reference/anchors-data.md 1.8, evaluated from the published polynomial
    assertEquals(38, Bandwidths.hawksMiller(500, 132), 1);
    assertEquals(42, Bandwidths.hawksMiller(1000, 132), 1);
    assertEquals(130, Bandwidths.hawksMiller(3000, 132), 1);
    assertEquals(162, Bandwidths.hawksMiller(3000, 220), 1);
    assertEquals(71, Bandwidths.hawksMiller(300, 250), 1);
    assertEquals(481, Bandwidths.hawksMiller(5000, 250), 1);
  }
}
