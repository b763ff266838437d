package org.spectrolens.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/**
 * PCA, NMF, FastICA and t-SNE against scikit-learn 1.2 ({@code /usr/bin/python3}; those parts
 * skip without it) and against closed forms: ICA must recover two known sources from their
 * mixtures, t-SNE must keep three separated clusters apart.
 */
class DecompositionsTest {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path tmp;

  /** 60 samples of 8 correlated features (float32-exact, so Java and numpy see the same numbers). */
  static double[][] correlated(long seed, int n, int d) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian() * 3;
      double b = r.nextGaussian();
      for (int j = 0; j < d; j++) x[i][j] = (float) (a * Math.cos(j) + b * Math.sin(2 * j) + 0.1 * r.nextGaussian() + j);
    }
    return x;
  }

  static double[][] nonNegative(long seed, int n, int d) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (a * Math.exp(-(j - 3) * (j - 3) / 4.0) + b * Math.exp(-(j - 8) * (j - 8) / 2.0) + 0.01 * r.nextDouble());
      }
    }
    return x;
  }

  @Test
  void pcaMatchesSklearnUpToSign() throws Exception {
    double[][] x = correlated(3, 60, 8);
    Pca p = Pca.fit(x, 3);
    // closed-form checks that need no reference: unit orthogonal axes, decreasing variance
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) assertEquals(a == b ? 1 : 0, dot(p.components()[a], p.components()[b]), 1e-9);
      if (a > 0) assertTrue(p.explainedVariance()[a] <= p.explainedVariance()[a - 1]);
    }
    JsonNode ref = sklearn(x, "from sklearn.decomposition import PCA\n"
        + "p = PCA(n_components=3).fit(X)\n"
        + "out = dict(components=p.components_.tolist(), var=p.explained_variance_.tolist(), ratio=p.explained_variance_ratio_.tolist())\n");
    for (int c = 0; c < 3; c++) {
      assertEquals(ref.get("var").get(c).asDouble(), p.explainedVariance()[c], 1e-9 * ref.get("var").get(0).asDouble());
      assertEquals(ref.get("ratio").get(c).asDouble(), p.explainedVarianceRatio()[c], 1e-9);
      double sign = Math.signum(dot(p.components()[c], row(ref.get("components").get(c))));
      for (int j = 0; j < 8; j++) assertEquals(ref.get("components").get(c).get(j).asDouble(), sign * p.components()[c][j], 1e-7);
    }
  }

  @Test
  void nmfMatchesSklearnMultiplicativeUpdates() throws Exception {
    double[][] x = nonNegative(5, 40, 12);
    Nmf nmf = Nmf.fit(x, 3);
    for (double[] r : nmf.w()) for (double v : r) assertTrue(v >= 0);
    for (double[] r : nmf.h()) for (double v : r) assertTrue(v >= 0);
    assertEquals(Nmf.error(x, nmf.w(), nmf.h()), nmf.reconstructionError(), 1e-12);
    double norm = Math.sqrt(java.util.Arrays.stream(x).flatMapToDouble(java.util.Arrays::stream).map(v -> v * v).sum());
    assertTrue(nmf.reconstructionError() < 0.05 * norm, "two bumps plus 1% noise fit with 3 parts: " + nmf.reconstructionError());
    JsonNode ref = sklearn(x, "from sklearn.decomposition import NMF\n"
        + "m = NMF(n_components=3, init='nndsvda', solver='mu', beta_loss='frobenius', max_iter=200, tol=1e-4, random_state=0)\n"
        + "W = m.fit_transform(X)\n"
        + "out = dict(err=float(m.reconstruction_err_), n_iter=int(m.n_iter_))\n");
    assertEquals(ref.get("n_iter").asInt(), nmf.iterations(), "same stopping iteration");
    assertEquals(ref.get("err").asDouble(), nmf.reconstructionError(), 1e-6 * norm);
  }

  @Test
  void nmfRefusesNegativeValues() {
    double[][] x = {{1, -1}, {2, 3}};
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.spectrolens.SpectrolensException.class, () -> Nmf.fit(x, 1));
    assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
  }

  @Test
  void fastIcaRecoversTwoMixedSources() {
    int n = 2000;
    double[][] sources = new double[n][2];
    for (int t = 0; t < n; t++) {
      sources[t][0] = Math.sin(2 * Math.PI * t / 97.0);
      sources[t][1] = Math.signum(Math.sin(2 * Math.PI * t / 41.0)); // square wave: strongly non-Gaussian
    }
    double[][] mixing = {{1.0, 0.6}, {0.4, 1.0}, {0.7, -0.3}};
    double[][] x = Matrices.multiply(sources, Matrices.transpose(mixing)); // [n][3]
    FastIca ica = FastIca.fit(x, 2, 0);
    for (int s = 0; s < 2; s++) {
      double best = 0;
      for (int c = 0; c < 2; c++) best = Math.max(best, Math.abs(correlation(sources, s, ica.sources(), c)));
      assertTrue(best > 0.99, "source " + s + " recovered with |r| = " + best);
    }
  }

  @Test
  void tsneKeepsClustersApart() throws Exception {
    Random r = new Random(7);
    int n = 60;
    double[][] x = new double[n][10];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i % 3;
      for (int j = 0; j < 10; j++) x[i][j] = (float) ((j == label[i] ? 8 : 0) + r.nextGaussian());
    }
    Tsne t = Tsne.fit(x, 10, 500);
    // every point's 5 nearest map neighbours share its cluster
    int kept = 0;
    for (int i = 0; i < n; i++) {
      final int fi = i;
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) order[j] = j;
      java.util.Arrays.sort(order, (a, b) -> Double.compare(d2(t.embedding()[fi], t.embedding()[a]), d2(t.embedding()[fi], t.embedding()[b])));
      for (int k = 1; k <= 5; k++) if (label[order[k]] == label[i]) kept++;
    }
    assertTrue(kept >= 0.98 * 5 * n, "neighbours in the same cluster: " + kept + " of " + 5 * n);
    Path y = tmp.resolve("Y.npy");
    Npy.write(y, toFloat(t.embedding()));
    JsonNode ref = sklearn(x, "from sklearn.manifold import trustworthiness\n"
        + "Y = np.load(r'" + y + "').astype(np.float64)\n"
        + "out = dict(t=float(trustworthiness(X, Y, n_neighbors=5)))\n");
    assertTrue(ref.get("t").asDouble() > 0.9, "trustworthiness " + ref.get("t").asDouble());
  }

  // ---- helpers ----

  /** Runs {@code code} with {@code X} (float64 from a float32 .npy) and numpy in scope; returns the JSON of its {@code out}. */
  JsonNode sklearn(double[][] x, String code) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no /usr/bin/python3");
    Path in = tmp.resolve("X-" + System.nanoTime() + ".npy");
    Npy.write(in, toFloat(x));
    String script = "import json, numpy as np\ntry:\n  import sklearn\nexcept ImportError:\n  raise SystemExit(3)\n"
        + "X = np.load(r'" + in + "').astype(np.float64)\n" + code + "print(json.dumps(out))\n";
    Process p = new ProcessBuilder(PYTHON, "-c", script).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    Assumptions.assumeTrue(p.exitValue() != 3, "scikit-learn not importable");
    assertEquals(0, p.exitValue(), text);
    String last = text.strip().lines().reduce((a, b) -> b).orElse("");
    return Json.MAPPER.readTree(last);
  }

  static float[][] toFloat(double[][] x) {
    float[][] f = new float[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) f[i][j] = (float) x[i][j];
    return f;
  }

  static double[] row(JsonNode a) {
    double[] r = new double[a.size()];
    for (int i = 0; i < r.length; i++) r[i] = a.get(i).asDouble();
    return r;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  static double d2(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
    return s;
  }

  static double correlation(double[][] a, int ca, double[][] b, int cb) {
    double[] x = new double[a.length];
    double[] y = new double[b.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = a[i][ca];
      y[i] = b[i][cb];
    }
    return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(x, y);
  }
}
