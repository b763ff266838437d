package org.spectrolens.judge;

import java.util.SplittableRandom;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;

/**
 * A toy whose evidence is a known band. Inputs 1x16x16: a quiet background U(0, 0.5), the
 * evidence band (rows 4-5) alternating 1 (even columns) and 0.5 (odd columns), like harmonics,
 * and a louder distractor band (rows 12-13) at 2. The network is linear and reads the band's
 * pattern: logit 0 = 16 (mean(band, even) - mean(band, odd)) - mean(distractor) - 5.8 = 0.2,
 * logit 1 = 0. So class 0 is predicted; blurring or removing one 2x2 cell of the band (its share
 * of the pattern is 1) flips it, and removing the distractor only raises it. The truth map marks
 * the band exactly; the energy map points at the distractor.
 */
final class BandToy {
  static final int H = 16;
  static final int W = 16;
  static final int[] SHAPE = {1, H, W};
  static final int BAND_LO = 4;
  static final int BAND_HI = 6;
  static final int DISTRACTOR_LO = 12;
  static final int DISTRACTOR_HI = 14;

  private BandToy() {}

  static boolean inBand(int p) {
    int y = p / W;
    return y >= BAND_LO && y < BAND_HI;
  }

  static boolean inDistractor(int p) {
    int y = p / W;
    return y >= DISTRACTOR_LO && y < DISTRACTOR_HI;
  }

  static Network network() {
    return network(-1, -5.8f);
  }

  /** logit 0 = 16 (mean(band, even) - mean(band, odd)) + distractor * mean(distractor) + bias. */
  static Network network(float distractor, float bias) {
    float[] v = new float[2 * H * W];
    for (int p = 0; p < H * W; p++) {
      if (inBand(p)) v[p] = p % 2 == 0 ? 1 : -1;
      if (inDistractor(p)) v[p] = distractor / (2 * W);
    }
    return TinyNets.linear(1, H, W, v, new float[] {bias, 0});
  }

  static float[] inputs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * H * W];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < H * W; p++) {
        x[i * H * W + p] = inBand(p) ? (p % 2 == 0 ? 1 : 0.5f) : inDistractor(p) ? 2 : (float) (0.5 * rng.nextDouble());
      }
    }
    return x;
  }

  static float[][] truthMaps(int n) {
    float[][] m = new float[n][H * W];
    for (float[] row : m) for (int p = 0; p < row.length; p++) row[p] = inBand(p) ? 1 : 0;
    return m;
  }

  static boolean[][] truthMasks(int n) {
    boolean[][] m = new boolean[n][H * W];
    for (boolean[] row : m) for (int p = 0; p < row.length; p++) row[p] = inBand(p);
    return m;
  }

  static float[][] reverse(float[][] maps) {
    float[][] out = new float[maps.length][];
    for (int i = 0; i < maps.length; i++) {
      out[i] = new float[maps[i].length];
      for (int p = 0; p < out[i].length; p++) out[i][p] = 1 - maps[i][p];
    }
    return out;
  }
}
