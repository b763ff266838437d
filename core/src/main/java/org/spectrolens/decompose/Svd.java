package org.spectrolens.decompose;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The leading singular triplets of a dense matrix, from the symmetric eigen-decomposition
 * (commons-math3) of the smaller of its two Gram matrices: enough precision for the few leading
 * components PCA, ICA whitening and NNDSVD need, at the cost of an eigen-decomposition of
 * min(n, d) x min(n, d) rather than an SVD of n x d. Signs follow scikit-learn's
 * {@code svd_flip(u_based_decision=True)}: the entry of largest magnitude of each left singular
 * vector is positive.
 *
 * @param u [n][k] left singular vectors (columns)
 * @param s [k] singular values, descending
 * @param v [k][d] right singular vectors (rows)
 */
public record Svd(double[][] u, double[] s, double[][] v) {

  /** The leading {@code k} singular triplets of {@code x} [n][d]; k at most min(n, d). */
  public static Svd top(double[][] x, int k) {
    int n = x.length;
    int d = x[0].length;
    if (k < 1 || k > Math.min(n, d)) throw new IllegalArgumentException("k must be in 1.." + Math.min(n, d) + ", got " + k);
    boolean rows = n <= d; // eigen-decompose X X^T (n x n) when n is the smaller side, else X^T X (d x d)
    RealMatrix m = MatrixUtils.createRealMatrix(x);
    RealMatrix gram = rows ? m.multiply(m.transpose()) : m.transpose().multiply(m);
    EigenDecomposition eig = new EigenDecomposition(gram);
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    double[][] u = new double[n][k];
    double[] s = new double[k];
    double[][] v = new double[k][d];
    for (int c = 0; c < k; c++) {
      int j = order[c];
      double sigma = Math.sqrt(Math.max(0, values[j]));
      s[c] = sigma;
      double[] vec = eig.getEigenvector(j).toArray();
      if (rows) {
        for (int i = 0; i < n; i++) u[i][c] = vec[i];
        for (int f = 0; f < d; f++) {
          double acc = 0;
          for (int i = 0; i < n; i++) acc += x[i][f] * vec[i];
          v[c][f] = sigma > 0 ? acc / sigma : 0;
        }
      } else {
        v[c] = vec;
        for (int i = 0; i < n; i++) {
          double acc = 0;
          for (int f = 0; f < d; f++) acc += x[i][f] * vec[f];
          u[i][c] = sigma > 0 ? acc / sigma : 0;
        }
      }
      int big = 0;
      for (int i = 1; i < n; i++) if (Math.abs(u[i][c]) > Math.abs(u[big][c])) big = i;
      if (u[big][c] < 0) {
        for (int i = 0; i < n; i++) u[i][c] = -u[i][c];
        for (int f = 0; f < d; f++) v[c][f] = -v[c][f];
      }
    }
    return new Svd(u, s, v);
  }
}
