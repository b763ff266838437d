package org.spectrolens.explain.method;

import org.spectrolens.explain.LayerMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.Param;

/**
 * Eigen-CAM (Muhammad and Yeasin 2020): the activations as a matrix [h*w, K], each channel centred,
 * projected onto their first principal direction (first right singular vector), as
 * pytorch-grad-cam's {@code get_2d_projection}. Class-agnostic: the target does not change it.
 * The projection equals {@code sigma_1 u_1}, the top eigenvector of the smaller Gram matrix
 * found by power iteration. Its sign is arbitrary (LAPACK's in the reference); with
 * {@link Params#fixSign()} it is turned so that the largest-magnitude value is positive.
 */
public final class EigenCam extends LayerMethod<EigenCam.Params> {
  /** @param fixSign turn the projection so that its largest-magnitude value is positive */
  public record Params(@Param("turn the projection so its largest-magnitude value is positive (SVD's sign is arbitrary)") boolean fixSign) {}

  public static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("eigencam",
      "Eigen-CAM: the activations' first principal component (class-agnostic)", "1 forward",
      new Params(true), new Params(false), new Params(false), EigenCam::new);

  /** @param params null: the request profile's */
  public EigenCam(Params params) {
    super(DEFINITION, params);
  }

  public EigenCam() {
    this(null);
  }

  static final int MAX_ITERATIONS = 1000;

  @Override
  protected boolean needsGradients() {
    return false;
  }

  @Override
  protected float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    int hw = a.plane();
    int k = a.k();
    double[][] x = new double[hw][k];
    for (int c = 0; c < k; c++) {
      int o = (i * k + c) * hw;
      double mean = 0;
      for (int p = 0; p < hw; p++) {
        float v = a.activations()[o + p];
        x[p][c] = Float.isNaN(v) ? 0 : v;
        mean += x[p][c];
      }
      mean /= hw;
      for (int p = 0; p < hw; p++) x[p][c] -= mean;
    }
    double[] proj = firstProjection(x, hw, k);
    if (params(r.options()).fixSign()) {
      int big = 0;
      for (int p = 1; p < hw; p++) if (Math.abs(proj[p]) > Math.abs(proj[big])) big = p;
      if (proj[big] < 0) for (int p = 0; p < hw; p++) proj[p] = -proj[p];
    }
    return toFloat(proj);
  }

  /** X v_1 for the first right singular vector v_1 of X [rows, cols]. */
  static double[] firstProjection(double[][] x, int rows, int cols) {
    if (rows <= cols) {
      // X X^T u = s^2 u and X v_1 = s u_1
      double[][] g = new double[rows][rows];
      for (int a = 0; a < rows; a++) for (int b = a; b < rows; b++) {
        double s = 0;
        for (int c = 0; c < cols; c++) s += x[a][c] * x[b][c];
        g[a][b] = s;
        g[b][a] = s;
      }
      double[] u = topEigenvector(g);
      double lambda = rayleigh(g, u);
      double sigma = Math.sqrt(Math.max(0, lambda));
      double[] out = new double[rows];
      for (int p = 0; p < rows; p++) out[p] = sigma * u[p];
      return out;
    }
    double[][] g = new double[cols][cols];
    for (int p = 0; p < rows; p++) for (int a = 0; a < cols; a++) {
      double xa = x[p][a];
      if (xa == 0) continue;
      for (int b = 0; b < cols; b++) g[a][b] += xa * x[p][b];
    }
    double[] v = topEigenvector(g);
    double[] out = new double[rows];
    for (int p = 0; p < rows; p++) {
      double s = 0;
      for (int c = 0; c < cols; c++) s += x[p][c] * v[c];
      out[p] = s;
    }
    return out;
  }

  private static double[] topEigenvector(double[][] g) {
    int n = g.length;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = 1.0 / Math.sqrt(n) * (1 + 1e-3 * i);
    normalise(v);
    double[] next = new double[n];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      for (int a = 0; a < n; a++) {
        double s = 0;
        for (int b = 0; b < n; b++) s += g[a][b] * v[b];
        next[a] = s;
      }
      if (normalise(next) == 0) return v;
      double diff = 0;
      for (int a = 0; a < n; a++) diff = Math.max(diff, Math.abs(next[a] - v[a]));
      System.arraycopy(next, 0, v, 0, n);
      if (diff < 1e-12) break;
    }
    return v;
  }

  private static double rayleigh(double[][] g, double[] v) {
    double s = 0;
    for (int a = 0; a < v.length; a++) for (int b = 0; b < v.length; b++) s += v[a] * g[a][b] * v[b];
    return s;
  }

  private static double normalise(double[] v) {
    double s = 0;
    for (double d : v) s += d * d;
    s = Math.sqrt(s);
    if (s == 0) return 0;
    for (int i = 0; i < v.length; i++) v[i] /= s;
    return s;
  }
}
