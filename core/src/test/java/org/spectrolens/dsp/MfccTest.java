package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MfccTest {
  @Test
  void dctOfAConstantHasOnlyC0() {
    int n = 128;
    float[][] logMel = new float[n][1];
    for (float[] r : logMel) r[0] = -20f;
    float[][] c = Mfcc.apply(logMel, 40, 0);
    assertEquals(-20 * Math.sqrt(n), c[0][0], 1e-3);
    for (int k = 1; k < 40; k++) assertEquals(0.0, c[k][0], 1e-3);
  }

  @Test
  void dctOfABasisCosineIsSqrtHalfN() {
    int n = 64;
    int k0 = 5;
    float[][] logMel = new float[n][1];
    for (int i = 0; i < n; i++) logMel[i][0] = (float) Math.cos(Math.PI * k0 * (i + 0.5) / n);
    float[][] c = Mfcc.apply(logMel, 20, 0);
    for (int k = 0; k < 20; k++) assertEquals(k == k0 ? Math.sqrt(n / 2.0) : 0.0, c[k][0], 1e-5);
  }

  @Test
  void orthonormalMatrix() {
    double[][] d = Mfcc.dctMatrix(16, 16);
    for (int a = 0; a < 16; a++) {
      for (int b = 0; b < 16; b++) {
        double dot = 0;
        for (int i = 0; i < 16; i++) dot += d[a][i] * d[b][i];
        assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12);
      }
    }
  }

  @Test
  void lifterAsLibrosa() {
    double[] w = Mfcc.lifter(20, 22);
    assertEquals(1 + 11 * Math.sin(Math.PI / 22), w[0], 1e-12);
    assertEquals(1 + 11 * Math.sin(Math.PI * 20 / 22), w[19], 1e-12);
    assertEquals(1.0, Mfcc.lifter(20, 0)[7], 0);
  }
}
