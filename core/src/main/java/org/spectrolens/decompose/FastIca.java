package org.spectrolens.decompose;

import java.util.Random;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Independent component analysis by FastICA (Hyvärinen 1999) as scikit-learn's {@code FastICA}
 * defaults: the centred data whitened by its leading {@code k} principal axes (unit variance),
 * then the parallel (symmetric) fixed-point iteration with {@code G(u) = log cosh u} (so
 * {@code g = tanh}, {@code g' = 1 - tanh^2}): {@code W <- (W W^T)^(-1/2) W+},
 * {@code W+ = E[g(W z) z^T] - diag(E[g'(W z)]) W}, until {@code max |1 - |diag(W+ W^T)|| < tol}
 * (1e-4) or 200 iterations. The start {@code W} is standard normal from {@code seed}. Sources
 * come out with unit variance (sklearn's {@code whiten='unit-variance'}); their order and sign
 * are arbitrary, as in every ICA.
 *
 * @param mean [d] column means removed first
 * @param unmixing [k][d] maps a centred sample to its sources: {@code s = unmixing (x - mean)}
 * @param mixing [d][k] the pseudo-inverse of unmixing: columns are the independent components in feature space
 * @param sources [n][k] the estimated sources per sample
 * @param iterations fixed-point iterations run
 */
public record FastIca(double[] mean, double[][] unmixing, double[][] mixing, double[][] sources, int iterations) {
  public static final int MAX_ITERATIONS = 200;
  public static final double TOLERANCE = 1e-4;

  /** FastICA of {@code x} [n samples][d features] into {@code k} sources (1 <= k <= min(n, d)). */
  public static FastIca fit(double[][] x, int k, long seed) {
    int n = x.length;
    int d = x[0].length;
    Matrices.checkComponents(k, Math.min(n, d), "at most min(samples, features)");
    double[] mean = Matrices.columnMeans(x);
    double[][] c = Matrices.centred(x, mean);
    // whitening K [k][d]: z = K (x - mean) has identity covariance (1/n, as sklearn)
    Svd svd = Svd.top(c, k);
    double[][] whiten = new double[k][d];
    for (int j = 0; j < k; j++) {
      double scale = svd.s()[j] > 0 ? Math.sqrt(n) / svd.s()[j] : 0;
      for (int f = 0; f < d; f++) whiten[j][f] = svd.v()[j][f] * scale;
    }
    double[][] z = Matrices.multiply(whiten, Matrices.transpose(c)); // [k][n]
    Random rnd = new Random(seed);
    double[][] w = new double[k][k];
    for (double[] row : w) for (int j = 0; j < k; j++) row[j] = rnd.nextGaussian();
    w = symmetricDecorrelation(w);
    int it = 0;
    while (it < MAX_ITERATIONS) {
      it++;
      double[][] wz = Matrices.multiply(w, z);
      double[][] gwz = new double[k][n];
      double[] meanDeriv = new double[k];
      for (int i = 0; i < k; i++) {
        for (int t = 0; t < n; t++) {
          double g = Math.tanh(wz[i][t]);
          gwz[i][t] = g;
          meanDeriv[i] += 1 - g * g;
        }
        meanDeriv[i] /= n;
      }
      double[][] next = Matrices.multiply(gwz, Matrices.transpose(z));
      for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) next[i][j] = next[i][j] / n - meanDeriv[i] * w[i][j];
      next = symmetricDecorrelation(next);
      double lim = 0;
      for (int i = 0; i < k; i++) {
        double dot = 0;
        for (int j = 0; j < k; j++) dot += next[i][j] * w[i][j];
        lim = Math.max(lim, Math.abs(Math.abs(dot) - 1));
      }
      w = next;
      if (lim < TOLERANCE) break;
    }
    double[][] unmixing = Matrices.multiply(w, whiten);
    double[][] sources = Matrices.transpose(Matrices.multiply(unmixing, Matrices.transpose(c)));
    // unit-variance sources: rescale each row of the unmixing matrix by the source's std
    for (int j = 0; j < k; j++) {
      double ss = 0;
      for (double[] s : sources) ss += s[j] * s[j];
      double std = Math.sqrt(ss / n);
      if (std > 0) {
        for (double[] s : sources) s[j] /= std;
        for (int f = 0; f < d; f++) unmixing[j][f] /= std;
      }
    }
    RealMatrix pinv = new org.apache.commons.math3.linear.SingularValueDecomposition(MatrixUtils.createRealMatrix(unmixing))
        .getSolver().getInverse();
    return new FastIca(mean, unmixing, pinv.getData(), sources, it);
  }

  /** {@code (W W^T)^(-1/2) W}: rows made orthonormal symmetrically, none favoured. */
  static double[][] symmetricDecorrelation(double[][] w) {
    RealMatrix m = MatrixUtils.createRealMatrix(w);
    EigenDecomposition eig = new EigenDecomposition(m.multiply(m.transpose()));
    RealMatrix e = eig.getV();
    double[] values = eig.getRealEigenvalues();
    double[][] inv = new double[values.length][values.length];
    for (int i = 0; i < values.length; i++) inv[i][i] = 1 / Math.sqrt(Math.max(values[i], Double.MIN_NORMAL));
    return e.multiply(MatrixUtils.createRealMatrix(inv)).multiply(e.transpose()).multiply(m).getData();
  }
}
