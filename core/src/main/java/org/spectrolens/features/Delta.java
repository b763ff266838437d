package org.spectrolens.features;

import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * Local derivatives along time (deltas) of every row of a grid, by Savitzky-Golay filtering: the
 * {@code order}-th derivative at each frame of the least-squares polynomial of degree
 * {@code order} fitted to the {@code width} frames around it, in units per frame.
 * <ul>
 *   <li>{@link #librosa()}: {@code librosa.feature.delta(data, width=9, order=1, mode="interp")},
 *       i.e. {@code scipy.signal.savgol_filter(data, 9, polyorder=order, deriv=order, mode="interp")}:
 *       the first and last {@code width/2} frames take the derivative of the polynomial fitted to
 *       the first/last {@code width} frames; the grid needs at least {@code width} frames.
 *   <li>{@link #torchaudio()}: {@code torchaudio.functional.compute_deltas(x, win_length=5,
 *       mode="replicate")}: {@code d_t = sum_{k=-n..n} k x_{t+k} / (2 sum_{k=1..n} k^2)},
 *       n = (5 - 1) / 2, edges padded by repeating the first/last frame (order 1 only, as there).
 * </ul>
 * Inside the grid both are the same first-order filter {@code sum k x_{t+k} / sum k^2}.
 *
 * @param width odd window length in frames, at least 3
 * @param order derivative order, 1 (delta) or 2 (delta-delta); polynomial degree = order
 * @param edges how the first and last frames are handled
 */
public record Delta(int width, int order, Edges edges) {
  /** Edge handling: scipy's {@code mode="interp"} (librosa) or replicate padding (torchaudio). */
  public enum Edges { INTERP, REPLICATE }

  public Delta {
    if (width < 3 || width % 2 == 0) throw new IllegalArgumentException("delta width must be an odd number >= 3: " + width);
    if (order < 1 || order > 2) throw new IllegalArgumentException("delta order must be 1 or 2: " + order);
  }

  /** librosa's default: width 9, first order, interp edges. */
  public static Delta librosa() {
    return new Delta(9, 1, Edges.INTERP);
  }

  /** torchaudio's default: width 5, first order, replicate edges. */
  public static Delta torchaudio() {
    return new Delta(5, 1, Edges.REPLICATE);
  }

  public Delta withOrder(int newOrder) {
    return new Delta(width, newOrder, edges);
  }

  /** The least number of frames this delta accepts: {@code width} for interp edges, 1 otherwise. */
  public int minFrames() {
    return edges == Edges.INTERP ? width : 1;
  }

  /**
   * Deltas of every row of {@code x} [row][frame] along the frames.
   *
   * @throws SpectrolensException ({@code source}) when interp edges get fewer frames than the width
   */
  public float[][] apply(float[][] x, String source) {
    int frames = x[0].length;
    if (frames < minFrames()) {
      throw new SpectrolensException(source, frames + " frames are fewer than the delta width " + width + " (librosa's mode='interp' needs a whole window)");
    }
    int half = width / 2;
    double[] centre = weights(half);
    double[][] edge = null;
    if (edges == Edges.INTERP) {
      edge = new double[width][];
      for (int p = 0; p < width; p++) edge[p] = weights(p);
    }
    float[][] out = new float[x.length][frames];
    for (int r = 0; r < x.length; r++) {
      float[] row = x[r];
      float[] o = out[r];
      for (int t = 0; t < frames; t++) {
        double s = 0;
        if (edges == Edges.INTERP && t < half) {
          for (int j = 0; j < width; j++) s += edge[t][j] * row[j];
        } else if (edges == Edges.INTERP && t >= frames - half) {
          int from = frames - width;
          for (int j = 0; j < width; j++) s += edge[t - from][j] * row[from + j];
        } else {
          for (int j = 0; j < width; j++) {
            int i = Math.min(frames - 1, Math.max(0, t - half + j));
            s += centre[j] * row[i];
          }
        }
        o[t] = (float) s;
      }
    }
    return out;
  }

  /** Deltas of a grid's rows, same axes. */
  public Spectrogram apply(Spectrogram s) {
    return s.withValues(apply(s.values(), "spectrogram"));
  }

  /**
   * Weights w_j (j = 0..width-1) giving the {@code order}-th derivative, at window position
   * {@code at}, of the degree-{@code order} least-squares polynomial through the window: a row of
   * {@code E (A^T A)^-1 A^T} with A the Vandermonde matrix of centred positions.
   */
  double[] weights(int at) {
    int half = width / 2;
    int p = order + 1;
    double[][] m = new double[p][p];
    for (int j = 0; j < width; j++) {
      double u = j - half;
      for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) m[a][b] += Math.pow(u, a + b);
    }
    // e = d^order/du^order of (1, u, u^2, ...) at u = at - half
    double u0 = at - half;
    double[] e = new double[p];
    for (int a = order; a < p; a++) e[a] = factorial(a) / factorial(a - order) * Math.pow(u0, a - order);
    double[] c = solve(m, e); // (A^T A)^-1 e, symmetric
    double[] w = new double[width];
    for (int j = 0; j < width; j++) {
      double u = j - half;
      double s = 0;
      for (int a = 0; a < p; a++) s += c[a] * Math.pow(u, a);
      w[j] = s;
    }
    return w;
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) f *= i;
    return f;
  }

  /** Gaussian elimination with partial pivoting on a small system. */
  private static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) a[i] = a0[i].clone();
    double[] b = b0.clone();
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
      double[] tr = a[col];
      a[col] = a[piv];
      a[piv] = tr;
      double tb = b[col];
      b[col] = b[piv];
      b[piv] = tb;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k < n; k++) a[r][k] -= f * a[col][k];
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
      x[r] = s / a[r][r];
    }
    return x;
  }
}
