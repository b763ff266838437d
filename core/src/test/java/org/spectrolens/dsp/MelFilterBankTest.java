package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.dsp.MelScale;

class MelFilterBankTest {
  @Test
  void melFormulasGiveTheReferenceValues() {
    // anchors-audio.md 2.3 (computed from the published formulas)
    assertEquals(999.99, MelScale.HTK.hzToMel(1000), 0.005);
    assertEquals(15.0, MelScale.SLANEY.hzToMel(1000), 1e-12);
    assertEquals(2146.06, MelScale.HTK.hzToMel(4000), 0.005);
    assertEquals(35.164, MelScale.SLANEY.hzToMel(4000), 0.0005);
    assertEquals(3176.32, MelScale.HTK.hzToMel(11025), 0.005);
    assertEquals(49.911, MelScale.SLANEY.hzToMel(11025), 0.0005);
    assertEquals(7.5, MelScale.SLANEY.hzToMel(500), 1e-12); // linear part: f / (200/3)
    for (MelScale s : MelScale.values()) assertEquals(1234.5, s.melToHz(s.hzToMel(1234.5)), 1e-9);
  }

  @Test
  void trianglesStartPeakAndEndAtTheMelSpacedPoints() {
    for (MelScale scale : MelScale.values()) {
      double sr = 22050;
      int nFft = 2048;
      int nMels = 40;
      MelFilterBank bank = new MelFilterBank(sr, nFft, nMels, 0, 11025, scale, false);
      double[] p = bank.pointsHz();
      double step = scale.hzToMel(11025) / (nMels + 1);
      for (int i = 0; i < p.length; i++) assertEquals(i * step, scale.hzToMel(p[i]), 1e-9);
      double[][] w = bank.weights();
      double bin = sr / nFft;
      for (int m = 0; m < nMels; m++) {
        int peak = 0;
        for (int k = 0; k < w[m].length; k++) {
          double f = k * bin;
          boolean inside = f > p[m] + 1e-9 && f < p[m + 2] - 1e-9;
          assertEquals(inside, w[m][k] > 0, scale + " band " + m + " bin " + k);
          if (w[m][k] > w[m][peak]) peak = k;
        }
        // the peak is one of the two bins around the centre, with the triangle's height there
        assertTrue(Math.abs(peak * bin - p[m + 1]) <= bin, scale + " band " + m);
        double f = peak * bin;
        double expected = f <= p[m + 1] ? (f - p[m]) / (p[m + 1] - p[m]) : (p[m + 2] - f) / (p[m + 2] - p[m + 1]);
        assertEquals(expected, w[m][peak], 1e-12);
      }
    }
  }

  @Test
  void htkCentreAt1000HzForAPointOnABin() {
    // one band between 0 and 2000 mel: centre at mel 1000 -> 700 (10^(1000/2595) - 1) Hz
    MelFilterBank bank = new MelFilterBank(16000, 512, 1, 0, MelScale.HTK.melToHz(2000), MelScale.HTK, false);
    assertEquals(700 * (Math.pow(10, 1000 / 2595.0) - 1), bank.centresHz()[0], 1e-9);
  }

  @Test
  void slaneyNormGivesEveryBandUnitArea() {
    double sr = 16000;
    int nFft = 16384;
    MelFilterBank bank = new MelFilterBank(sr, nFft, 20, 0, 8000, MelScale.SLANEY, true);
    double bin = sr / nFft;
    for (double[] band : bank.weights()) {
      double area = 0;
      for (double v : band) area += v * bin;
      assertEquals(1.0, area, 2e-3);
    }
    MelFilterBank plain = new MelFilterBank(sr, nFft, 20, 0, 8000, MelScale.SLANEY, false);
    for (double[] band : plain.weights()) {
      double max = 0;
      for (double v : band) max = Math.max(max, v);
      assertTrue(max <= 1.0 && max > 0.99);
    }
  }

  @Test
  void applyIsTheMatrixProduct() {
    MelFilterBank bank = new MelFilterBank(8000, 64, 5, 100, 3500, MelScale.HTK, true);
    float[][] s = new float[33][3];
    for (int k = 0; k < 33; k++) for (int t = 0; t < 3; t++) s[k][t] = (float) (k * 0.1 + t);
    float[][] m = bank.apply(s);
    double[][] w = bank.weights();
    for (int b = 0; b < 5; b++) {
      for (int t = 0; t < 3; t++) {
        double acc = 0;
        for (int k = 0; k < 33; k++) acc += w[b][k] * s[k][t];
        assertEquals(acc, m[b][t], 1e-5 * Math.max(1, Math.abs(acc)));
      }
    }
  }
}
