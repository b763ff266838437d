package org.spectrolens.decompose;

/**
 * Principal component analysis as scikit-learn's {@code PCA} (full SVD of the centred data):
 * components are the leading right singular vectors, explained variance {@code s^2 / (n - 1)},
 * the ratio that over the total variance, scores {@code (x - mean) V^T}; signs as
 * {@code svd_flip} (the largest-magnitude score of each component is positive).
 *
 * @param mean [d] column means removed before the decomposition
 * @param components [k][d] unit-norm principal axes, by decreasing variance
 * @param explainedVariance [k] variance along each axis (unbiased, n - 1)
 * @param explainedVarianceRatio [k] each axis's share of the total variance
 * @param scores [n][k] the samples projected on the axes
 */
public record Pca(double[] mean, double[][] components, double[] explainedVariance, double[] explainedVarianceRatio,
    double[][] scores) {

  /** PCA of {@code x} [n samples][d features] keeping {@code k} components (1 <= k <= min(n, d)). */
  public static Pca fit(double[][] x, int k) {
    int n = x.length;
    Matrices.checkComponents(k, Math.min(n, x[0].length), "at most min(samples, features)");
    double[] mean = Matrices.columnMeans(x);
    double[][] c = Matrices.centred(x, mean);
    double total = 0;
    for (double[] row : c) for (double v : row) total += v * v;
    total /= Math.max(1, n - 1);
    Svd svd = Svd.top(c, k);
    double[] var = new double[k];
    double[] ratio = new double[k];
    double[][] scores = new double[n][k];
    for (int j = 0; j < k; j++) {
      var[j] = svd.s()[j] * svd.s()[j] / Math.max(1, n - 1);
      ratio[j] = total > 0 ? var[j] / total : 0;
      for (int i = 0; i < n; i++) scores[i][j] = svd.u()[i][j] * svd.s()[j];
    }
    return new Pca(mean, svd.v(), var, ratio, scores);
  }
}
