package org.spectrolens.judge;

import java.util.SplittableRandom;

/**
 * ROAD's noisy linear imputation (Rong et al. 2022): each removed cell becomes the weighted mean
 * of its eight neighbours (weight 1/6 for the four sharing an edge, 1/12 for the diagonals,
 * normalised over the neighbours inside the grid), solved jointly for all removed cells, plus
 * Gaussian noise. The system {@code D_i x_i - sum_{j removed} w_ij x_j = sum_{j kept} w_ij x_j}
 * is symmetric positive definite wherever a removed region touches a kept cell, so it is solved
 * by conjugate gradients (Rong's code uses a sparse least-squares solve; same solution). A plane
 * with nothing kept is filled with its mean.
 */
final class NoisyLinearImputation {
  private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};
  private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
  private static final double[] W = {1 / 12.0, 1 / 6.0, 1 / 12.0, 1 / 6.0, 1 / 6.0, 1 / 12.0, 1 / 6.0, 1 / 12.0};

  private NoisyLinearImputation() {}

  /**
   * Imputes the removed cells of every channel of {@code x} ([c, h, w] flat) in place.
   *
   * @param removed [h*w], true where the cell is removed
   * @param noise standard deviation of the added noise as a fraction of each channel's standard deviation
   */
  static void impute(float[] x, int c, int h, int w, boolean[] removed, double noise, SplittableRandom rng) {
    int hw = h * w;
    int[] index = new int[hw];
    int m = 0;
    for (int p = 0; p < hw; p++) index[p] = removed[p] ? m++ : -1;
    if (m == 0) return;
    int[] cells = new int[m];
    for (int p = 0; p < hw; p++) if (index[p] >= 0) cells[index[p]] = p;
    for (int ch = 0; ch < c; ch++) {
      int o = ch * hw;
      double mean = 0;
      double sq = 0;
      for (int p = 0; p < hw; p++) {
        mean += x[o + p];
        sq += (double) x[o + p] * x[o + p];
      }
      mean /= hw;
      double sd = Math.sqrt(Math.max(0, sq / hw - mean * mean));
      double[] v = solve(x, o, h, w, index, cells, m);
      for (int k = 0; k < m; k++) {
        double noisy = v[k] + (noise > 0 ? noise * sd * gaussian(rng) : 0);
        x[o + cells[k]] = (float) noisy;
      }
    }
  }

  private static double[] solve(float[] x, int o, int h, int w, int[] index, int[] cells, int m) {
    double[] diag = new double[m];
    double[] rhs = new double[m];
    double keptMean = 0;
    int kept = 0;
    for (int p = 0; p < h * w; p++) {
      if (index[p] < 0) {
        keptMean += x[o + p];
        kept++;
      }
    }
    double[] v = new double[m];
    if (kept == 0) {
      double s = 0;
      for (int p = 0; p < h * w; p++) s += x[o + p];
      java.util.Arrays.fill(v, s / (h * w));
      return v;
    }
    keptMean /= kept;
    for (int k = 0; k < m; k++) {
      int y = cells[k] / w;
      int t = cells[k] % w;
      for (int d = 0; d < 8; d++) {
        int yy = y + DY[d];
        int tt = t + DX[d];
        if (yy < 0 || yy >= h || tt < 0 || tt >= w) continue;
        diag[k] += W[d];
        int q = yy * w + tt;
        if (index[q] < 0) rhs[k] += W[d] * x[o + q];
      }
      v[k] = keptMean;
    }
    // conjugate gradients on A v = rhs, A = diag - (weights between removed cells)
    double[] r = new double[m];
    double[] Av = multiply(v, diag, index, cells, h, w);
    for (int k = 0; k < m; k++) r[k] = rhs[k] - Av[k];
    double[] p = r.clone();
    double rr = dot(r, r);
    double tol = 1e-10 * Math.max(1e-30, dot(rhs, rhs));
    for (int it = 0; it < 2000 && rr > tol; it++) {
      double[] Ap = multiply(p, diag, index, cells, h, w);
      double alpha = rr / dot(p, Ap);
      for (int k = 0; k < m; k++) {
        v[k] += alpha * p[k];
        r[k] -= alpha * Ap[k];
      }
      double next = dot(r, r);
      double beta = next / rr;
      rr = next;
      for (int k = 0; k < m; k++) p[k] = r[k] + beta * p[k];
    }
    return v;
  }

  private static double[] multiply(double[] v, double[] diag, int[] index, int[] cells, int h, int w) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      int y = cells[k] / w;
      int t = cells[k] % w;
      double s = diag[k] * v[k];
      for (int d = 0; d < 8; d++) {
        int yy = y + DY[d];
        int tt = t + DX[d];
        if (yy < 0 || yy >= h || tt < 0 || tt >= w) continue;
        int j = index[yy * w + tt];
        if (j >= 0) s -= W[d] * v[j];
      }
      out[k] = s;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  /** A standard normal draw (Box-Muller), from a seeded generator. */
  static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
