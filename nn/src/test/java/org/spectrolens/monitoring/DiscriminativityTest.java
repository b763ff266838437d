package org.spectrolens.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.scene.IdealBinaryMask;

class DiscriminativityTest {
  static boolean[][] block(int h, int w, int r0, int r1, int c0, int c1) {
    boolean[][] m = new boolean[h][w];
    for (int r = r0; r < r1; r++) for (int c = c0; c < c1; c++) m[r][c] = true;
    return m;
  }

  @Test
  void anOracleMapScoresOneAndARandomMapScoresTheMasksArea() {
    boolean[][] mask = block(64, 64, 10, 20, 5, 45); // 400 of 4096 cells
    float[][] oracle = new float[64][64];
    for (int r = 0; r < 64; r++) for (int c = 0; c < 64; c++) oracle[r][c] = mask[r][c] ? 1 : 0;
    assertEquals(1.0, Discriminativity.ownShare(oracle, mask), 0);
    SplittableRandom rng = new SplittableRandom(3);
    double mean = 0;
    for (int k = 0; k < 200; k++) {
      float[][] random = new float[64][64];
      for (float[] row : random) for (int c = 0; c < 64; c++) row[c] = rng.nextFloat();
      mean += Discriminativity.ownShare(random, mask) / 200;
    }
    assertEquals(IdealBinaryMask.area(mask), mean, 0.002, "chance = the mask's area share");
    assertEquals(400 / 4096.0, IdealBinaryMask.area(mask), 1e-12);
    // a map on the other source's cells scores 0; a map with no mass has no share
    assertEquals(0.0, Discriminativity.ownShare(oracle, block(64, 64, 30, 40, 0, 64)), 0);
    assertTrue(Double.isNaN(Discriminativity.ownShare(new float[64][64], mask)));
  }

  @Test
  void coherenceIsPearsonOverTheGrid() {
    float[][] a = {{0, 1, 2}, {3, 4, 5}};
    float[][] b = {{10, 12, 14}, {16, 18, 20}};
    float[][] c = {{5, 4, 3}, {2, 1, 0}};
    assertEquals(1.0, VisualCoherence.correlation(a, b), 1e-12);
    assertEquals(-1.0, VisualCoherence.correlation(a, c), 1e-12);
    assertTrue(Double.isNaN(VisualCoherence.correlation(a, new float[2][3])));
  }
}
