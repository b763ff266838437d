package org.spectrolens.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {
  @Test
  void pearsonMatchesScipy() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {2.1, 3.9, 6.2, 7.8, 10.1, 11.7};
    // scipy.stats.pearsonr(x, y).statistic
    assertEquals(0.9988953182174386, Correlation.pearson(x, y), 1e-12);
    assertEquals(1, Correlation.pearson(x, new double[] {3, 5, 7, 9, 11, 13}), 1e-15);
    assertEquals(-1, Correlation.pearson(x, new double[] {6, 5, 4, 3, 2, 1}), 1e-15);
  }

  @Test
  void constantOrEmptySidesHaveNoCorrelation() {
    assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
    assertTrue(Double.isNaN(Correlation.pearson(new double[0], new double[0])));
    assertTrue(Double.isNaN(Correlation.spearman(new double[] {1}, new double[] {2})));
    assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[2], new double[3]));
  }

  @Test
  void gridsPairCellByCell() {
    float[][] a = {{1, 2, 3}, {4, 5, 6}};
    float[][] b = {{2, 4, 6}, {8, 10, 12}};
    assertEquals(1, Correlation.pearson(a, b), 1e-15);
    assertEquals(Correlation.pearson(new double[] {1, 2, 3, 4, 5, 6}, new double[] {6, 5, 4, 3, 2, 1}),
        Correlation.pearson(a, new float[][] {{6, 5, 4}, {3, 2, 1}}), 0.0);
  }

  @Test
  void ranksAverageTiesAndSpearmanMatchesScipy() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlation.ranks(new double[] {1, 5, 5, 9}), 0.0);
    // scipy.stats.spearmanr([1, 1, 2], [1, 2, 3]).statistic
    assertEquals(0.8660254037844387, Correlation.spearman(new double[] {1, 1, 2}, new double[] {1, 2, 3}), 1e-12);
    // monotone but not linear: rho 1, r below 1
    double[] x = {1, 2, 3, 4};
    double[] y = {1, 4, 9, 100};
    assertEquals(1, Correlation.spearman(x, y), 1e-15);
    assertTrue(Correlation.pearson(x, y) < 0.9);
  }
}
