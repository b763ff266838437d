package org.spectrolens.decompose;

import org.spectrolens.SpectrolensException;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) into two dimensions, with scikit-learn's
 * {@code TSNE(method='exact')} choices: squared Euclidean input distances; per-point Gaussian
 * bandwidths found by bisection so that each conditional distribution has perplexity
 * {@code perplexity} (entropy in nats, tolerance 1e-5, 100 steps); {@code P = (P_j|i + P_i|j) / 2n};
 * Student-t (one degree of freedom) similarities in the map; gradient descent on KL(P || Q) with
 * momentum 0.5 for the first 250 iterations (P exaggerated 12-fold) and 0.8 after, per-coordinate
 * gains (+0.2 / x0.8, at least 0.01), learning rate {@code max(n / 12 / 4, 50)} ("auto"),
 * 1000 iterations; start from PCA scaled to a first-axis std of 1e-4 ({@code init='pca'}).
 * Exact t-SNE costs O(n^2) per iteration: a few thousand points at most (sklearn's default,
 * Barnes-Hut, approximates the same objective). No Apache-compatible, maintained JVM t-SNE was at
 * hand (Tribuo has none; Smile's is GPL), hence this implementation, checked against sklearn's
 * trustworthiness in the tests.
 *
 * @param embedding [n][2] map coordinates
 * @param klDivergence KL(P || Q) at the end
 */
public record Tsne(double[][] embedding, double klDivergence) {
  public static final double PERPLEXITY = 30;
  public static final int ITERATIONS = 1000;
  static final int EXPLORATION = 250;
  static final double EXAGGERATION = 12;
  static final double MACHINE_EPSILON = Math.ulp(1.0);

  /** Maps {@code x} [n][d] (n >= 4) to the plane with sklearn's default perplexity (30, lowered to (n - 1) / 3 for tiny n). */
  public static Tsne fit(double[][] x) {
    return fit(x, Math.min(PERPLEXITY, (x.length - 1) / 3.0), ITERATIONS);
  }

  public static Tsne fit(double[][] x, double perplexity, int iterations) {
    int n = x.length;
    if (n < 4) throw SpectrolensException.ofParameter("method", "tsne", "needs at least 4 points, found " + n);
    if (!(perplexity > 0 && perplexity < n)) {
      throw SpectrolensException.ofParameter("perplexity", "must be in (0, " + n + "), found " + perplexity);
    }
    double[][] p = jointProbabilities(squaredDistances(x), perplexity);
    Pca pca = Pca.fit(x, Math.min(2, Math.min(n, x[0].length)));
    double[][] y = new double[n][2];
    double sd = 0;
    for (int i = 0; i < n; i++) sd += pca.scores()[i][0] * pca.scores()[i][0];
    sd = Math.sqrt(sd / n); // numpy's std (ddof 0) of a centred column
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < pca.scores()[0].length; c++) y[i][c] = sd > 0 ? pca.scores()[i][c] / sd * 1e-4 : 0;
    }
    double rate = Math.max(n / EXAGGERATION / 4, 50);
    double[][] update = new double[n][2];
    double[][] gains = new double[n][2];
    for (double[] g : gains) java.util.Arrays.fill(g, 1.0);
    double kl = 0;
    for (int it = 0; it < iterations; it++) {
      boolean exploring = it < EXPLORATION;
      double exaggeration = exploring ? EXAGGERATION : 1;
      double momentum = exploring ? 0.5 : 0.8;
      double[][] grad = new double[n][2];
      kl = gradient(p, y, exaggeration, grad);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 2; c++) {
          boolean inc = update[i][c] * grad[i][c] < 0;
          gains[i][c] = Math.max(inc ? gains[i][c] + 0.2 : gains[i][c] * 0.8, 0.01);
          update[i][c] = momentum * update[i][c] - rate * gains[i][c] * grad[i][c];
          y[i][c] += update[i][c];
        }
      }
    }
    return new Tsne(y, kl);
  }

  static double[][] squaredDistances(double[][] x) {
    int n = x.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int f = 0; f < x[i].length; f++) {
          double r = x[i][f] - x[j][f];
          s += r * r;
        }
        d[i][j] = s;
        d[j][i] = s;
      }
    }
    return d;
  }

  /** Symmetric joint probabilities P [n][n] (zero diagonal, summing to 1, floored at machine epsilon off the diagonal). */
  static double[][] jointProbabilities(double[][] d2, double perplexity) {
    int n = d2.length;
    double[][] cond = new double[n][n];
    double target = Math.log(perplexity);
    for (int i = 0; i < n; i++) {
      double beta = 1;
      double lo = Double.NEGATIVE_INFINITY;
      double hi = Double.POSITIVE_INFINITY;
      for (int step = 0; step < 100; step++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          cond[i][j] = j == i ? 0 : Math.exp(-d2[i][j] * beta);
          sum += cond[i][j];
        }
        if (sum == 0) sum = 1e-8;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
          cond[i][j] /= sum;
          weighted += d2[i][j] * cond[i][j];
        }
        double entropy = Math.log(sum) + beta * weighted;
        double diff = entropy - target;
        if (Math.abs(diff) <= 1e-5) break;
        if (diff > 0) {
          lo = beta;
          beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
        } else {
          hi = beta;
          beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
        }
      }
    }
    double total = 0;
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i][j] = cond[i][j] + cond[j][i];
        total += p[i][j];
      }
    }
    total = Math.max(total, MACHINE_EPSILON);
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i][j] = i == j ? 0 : Math.max(p[i][j] / total, MACHINE_EPSILON);
    return p;
  }

  /** Fills {@code grad} with dKL/dy for P scaled by {@code exaggeration}; returns the KL divergence. */
  static double gradient(double[][] p, double[][] y, double exaggeration, double[][] grad) {
    int n = y.length;
    double[][] num = new double[n][n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = y[i][0] - y[j][0];
        double dy = y[i][1] - y[j][1];
        double q = 1 / (1 + dx * dx + dy * dy);
        num[i][j] = q;
        num[j][i] = q;
        sum += 2 * q;
      }
    }
    double kl = 0;
    for (int i = 0; i < n; i++) {
      double gx = 0;
      double gy = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) continue;
        double q = Math.max(num[i][j] / sum, MACHINE_EPSILON);
        double pij = p[i][j] * exaggeration;
        kl += pij * Math.log(Math.max(pij, MACHINE_EPSILON) / q);
        double f = (pij - q) * num[i][j];
        gx += f * (y[i][0] - y[j][0]);
        gy += f * (y[i][1] - y[j][1]);
      }
      grad[i][0] = 4 * gx;
      grad[i][1] = 4 * gy;
    }
    return kl;
  }
}
