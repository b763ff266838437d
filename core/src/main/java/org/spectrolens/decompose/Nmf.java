package org.spectrolens.decompose;

import org.spectrolens.SpectrolensException;

/**
 * Non-negative matrix factorisation {@code X ~ W H} with scikit-learn's {@code NMF(init='nndsvda',
 * solver='mu', beta_loss='frobenius')} defaults: loss {@code 1/2 ||X - W H||_F^2}, Lee and Seung's
 * multiplicative updates {@code W <- W * (X H^T) / (W H H^T)} then
 * {@code H <- H * (W^T X) / (W^T W H)} (a zero denominator replaced by float32 eps, as sklearn),
 * started from NNDSVD (Boutsidis and Gallopoulos 2008) with zeros filled by the mean of X
 * ("nndsvda"); every 10 iterations it stops when the Frobenius error fell by less than
 * {@code tol} (1e-4) times the initial error since the last check, or after 200 iterations.
 *
 * @param w [n][k] activations (non-negative)
 * @param h [k][d] parts (non-negative)
 * @param reconstructionError {@code ||X - W H||_F} at the end (sklearn's {@code reconstruction_err_})
 * @param iterations updates run (sklearn's {@code n_iter_})
 */
public record Nmf(double[][] w, double[][] h, double reconstructionError, int iterations) {
  public static final int MAX_ITERATIONS = 200;
  public static final double TOLERANCE = 1e-4;
  /** numpy's float32 machine epsilon, sklearn's guard for zero denominators. */
  static final double EPSILON = Math.ulp(1.0f);

  /** NMF of non-negative {@code x} [n][d] with {@code k} parts (1 <= k <= min(n, d), as NNDSVD needs). */
  public static Nmf fit(double[][] x, int k) {
    return fit(x, k, MAX_ITERATIONS, TOLERANCE);
  }

  public static Nmf fit(double[][] x, int k, int maxIterations, double tol) {
    int n = x.length;
    int d = x[0].length;
    Matrices.checkComponents(k, Math.min(n, d), "NNDSVD needs at most min(rows, columns)");
    double min = Double.POSITIVE_INFINITY;
    for (double[] row : x) for (double v : row) min = Math.min(min, v);
    if (min < 0) {
      throw SpectrolensException.ofParameter("method", "nmf", "needs a non-negative matrix (found " + min
          + "); use a power or magnitude spectrogram, not decibels");
    }
    double[][][] init = nndsvda(x, k);
    double[][] w = init[0];
    double[][] h = init[1];
    double errorAtInit = error(x, w, h);
    double previous = errorAtInit;
    int it = 0;
    while (it < maxIterations) {
      it++;
      double[][] ht = Matrices.transpose(h);
      multiplyInPlace(w, Matrices.multiply(x, ht), Matrices.multiply(w, Matrices.multiply(h, ht)));
      double[][] wt = Matrices.transpose(w);
      multiplyInPlace(h, Matrices.multiply(wt, x), Matrices.multiply(Matrices.multiply(wt, w), h));
      if (tol > 0 && it % 10 == 0) {
        double e = error(x, w, h);
        if ((previous - e) / errorAtInit < tol) break;
        previous = e;
      }
    }
    return new Nmf(w, h, error(x, w, h), it);
  }

  /** a *= numerator / denominator, element-wise; a zero denominator counts as {@link #EPSILON}. */
  private static void multiplyInPlace(double[][] a, double[][] numerator, double[][] denominator) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        double den = denominator[i][j] == 0 ? EPSILON : denominator[i][j];
        a[i][j] *= numerator[i][j] / den;
      }
    }
  }

  /** {@code ||X - W H||_F}. */
  public static double error(double[][] x, double[][] w, double[][] h) {
    double[][] wh = Matrices.multiply(w, h);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        double r = x[i][j] - wh[i][j];
        s += r * r;
      }
    }
    return Math.sqrt(s);
  }

  /** sklearn's {@code _initialize_nmf(init='nndsvda')}: {W, H}. */
  static double[][][] nndsvda(double[][] x, int k) {
    int n = x.length;
    int d = x[0].length;
    Svd svd = Svd.top(x, k);
    double[][] w = new double[n][k];
    double[][] h = new double[k][d];
    for (int j = 0; j < k; j++) {
      double[] uj = new double[n];
      for (int i = 0; i < n; i++) uj[i] = svd.u()[i][j];
      double[] vj = svd.v()[j];
      double[] u;
      double[] v;
      double sigma;
      if (j == 0) {
        u = abs(uj);
        v = abs(vj);
        sigma = 1;
      } else {
        double[] xp = part(uj, true);
        double[] xn = part(uj, false);
        double[] yp = part(vj, true);
        double[] yn = part(vj, false);
        double mp = norm(xp) * norm(yp);
        double mn = norm(xn) * norm(yn);
        boolean positive = mp > mn;
        u = scaled(positive ? xp : xn, 1 / norm(positive ? xp : xn));
        v = scaled(positive ? yp : yn, 1 / norm(positive ? yp : yn));
        sigma = positive ? mp : mn;
      }
      double lambda = Math.sqrt(svd.s()[j] * sigma);
      for (int i = 0; i < n; i++) w[i][j] = lambda * u[i];
      for (int f = 0; f < d; f++) h[j][f] = lambda * v[f];
    }
    double avg = 0;
    for (double[] row : x) for (double v : row) avg += v;
    avg /= (double) n * d;
    for (double[] row : w) for (int j = 0; j < k; j++) row[j] = row[j] < 1e-6 ? avg : row[j];
    for (double[] row : h) for (int f = 0; f < d; f++) row[f] = row[f] < 1e-6 ? avg : row[f];
    return new double[][][] {w, h};
  }

  private static double[] abs(double[] a) {
    double[] o = new double[a.length];
    for (int i = 0; i < a.length; i++) o[i] = Math.abs(a[i]);
    return o;
  }

  private static double[] part(double[] a, boolean positive) {
    double[] o = new double[a.length];
    for (int i = 0; i < a.length; i++) o[i] = positive ? Math.max(a[i], 0) : Math.abs(Math.min(a[i], 0));
    return o;
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double v : a) s += v * v;
    return Math.sqrt(s);
  }

  private static double[] scaled(double[] a, double f) {
    double[] o = new double[a.length];
    for (int i = 0; i < a.length; i++) o[i] = Double.isFinite(f) ? a[i] * f : 0;
    return o;
  }
}
