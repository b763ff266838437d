package org.spectrolens.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.match.TemplateMatcher;

/**
 * Every filter and the template matcher against SciPy 1.10 / scikit-image 0.19 / PyWavelets
 * (scripts/reference/filters_reference.py) on two grids: values in [0, 1] (a spectrogram-like
 * pattern plus uniform noise) and the same in dB (-80..0). Equal to 1e-5 of the grid's range
 * (float32 outputs), except scikit-image's bilateral, whose colour weights are quantised into
 * 10^6 bins (1e-4). Skipped unless {@code /usr/bin/python3} imports scipy and skimage; the wavelet
 * cases also need pywt.
 */
class ScipyReferenceTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final double TOLERANCE = 1e-5;

  @TempDir static Path dir;
  private static Path script;
  private static float[][] unit;
  private static float[][] db;

  @BeforeAll
  static void requireScipy() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no /usr/bin/python3");
    Process p = new ProcessBuilder(PYTHON, "-c", "import scipy.ndimage, scipy.signal, skimage.restoration").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "scipy/skimage not importable");
    script = findScript("scripts/reference/filters_reference.py");
    Assumptions.assumeTrue(script != null, "scripts/reference/filters_reference.py not found");
    unit = grid(37, 53, 1);
    db = new float[unit.length][];
    for (int r = 0; r < unit.length; r++) {
      db[r] = new float[unit[r].length];
      for (int c = 0; c < unit[r].length; c++) db[r][c] = -80f + 80f * unit[r][c];
    }
  }

  /** A harmonic stack that moves, a click column and uniform noise, in [0, 1]. */
  static float[][] grid(int rows, int cols, long seed) {
    Random rnd = new Random(seed);
    float[][] x = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = 0.3 * rnd.nextDouble();
        int f0 = 5 + c / 10;
        if (r % f0 == 0) v += 0.6;
        if (c == 17) v += 0.4;
        x[r][c] = (float) Math.min(1.0, v);
      }
    }
    return x;
  }

  private record Case(String name, float[][] input, SpectrogramFilter ours, Map<String, Object> reference, double tolerance) {}

  @Test
  void filtersEqualScipyAndScikitImage() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (var in : Map.of("unit", unit, "db", db).entrySet()) {
      String g = in.getKey();
      float[][] x = in.getValue();
      cases.add(new Case(g + "-gaussian-1x1", x, new GaussianFilter(new GaussianFilter.Parameters(1, 1, 4, Boundary.REFLECT)),
          ref("gaussian", "sigma_rows", 1.0, "sigma_columns", 1.0, "truncate", 4.0, "mode", "reflect"), TOLERANCE));
      cases.add(new Case(g + "-gaussian-2.5x0.7-nearest", x, new GaussianFilter(new GaussianFilter.Parameters(2.5, 0.7, 3, Boundary.NEAREST)),
          ref("gaussian", "sigma_rows", 2.5, "sigma_columns", 0.7, "truncate", 3.0, "mode", "nearest"), TOLERANCE));
      cases.add(new Case(g + "-gaussian-wide-mirror", x, new GaussianFilter(new GaussianFilter.Parameters(12, 0, 4, Boundary.MIRROR)),
          ref("gaussian", "sigma_rows", 12.0, "sigma_columns", 0.0, "truncate", 4.0, "mode", "mirror"), TOLERANCE));
      cases.add(new Case(g + "-median-3x3", x, new MedianFilter(new MedianFilter.Parameters(3, 3, Boundary.REFLECT)),
          ref("median", "rows", 3, "columns", 3, "mode", "reflect"), TOLERANCE));
      cases.add(new Case(g + "-median-4x5-wrap", x, new MedianFilter(new MedianFilter.Parameters(4, 5, Boundary.WRAP)),
          ref("median", "rows", 4, "columns", 5, "mode", "wrap"), TOLERANCE));
      cases.add(new Case(g + "-median-2x6-constant", x, new MedianFilter(new MedianFilter.Parameters(2, 6, Boundary.CONSTANT)),
          ref("median", "rows", 2, "columns", 6, "mode", "constant"), TOLERANCE));
      cases.add(new Case(g + "-wiener-3x3", x, new WienerFilter(new WienerFilter.Parameters(3, 3, 0, Boundary.CONSTANT)),
          ref("wiener", "rows", 3, "columns", 3), TOLERANCE));
      cases.add(new Case(g + "-wiener-5x3", x, new WienerFilter(new WienerFilter.Parameters(5, 3, 0, Boundary.CONSTANT)),
          ref("wiener", "rows", 5, "columns", 3), TOLERANCE));
      cases.add(new Case(g + "-wavelet-db4-bayes", x, new WaveletShrinkage(new WaveletShrinkage.Parameters(Daubechies.DB4, 0,
          WaveletShrinkage.Method.BAYES_SHRINK, 0, true)), ref("wavelet", "wavelet", "db4", "mode", "soft", "method", "BayesShrink"), TOLERANCE));
      cases.add(new Case(g + "-wavelet-db2-visu-2levels", x, new WaveletShrinkage(new WaveletShrinkage.Parameters(Daubechies.DB2, 2,
          WaveletShrinkage.Method.VISU_SHRINK, 0, true)), ref("wavelet", "wavelet", "db2", "mode", "soft", "method", "VisuShrink", "levels", 2),
          TOLERANCE));
      cases.add(new Case(g + "-wavelet-db1-bayes-hard", x, new WaveletShrinkage(new WaveletShrinkage.Parameters(Daubechies.DB1, 0,
          WaveletShrinkage.Method.BAYES_SHRINK, 0, false)), ref("wavelet", "wavelet", "db1", "mode", "hard", "method", "BayesShrink"), TOLERANCE));
      double sc = g.equals("db") ? 8.0 : 0.1;
      cases.add(new Case(g + "-bilateral-definition", x, new BilateralFilter(new BilateralFilter.Parameters(1.5, sc, 0, Boundary.REFLECT)),
          ref("bilateral-direct", "window", 11, "sigma_color", sc, "sigma_spatial", 1.5, "mode", "symmetric"), TOLERANCE));
    }
    // scikit-image itself, where its spatial table does not matter (flat spatial weights) and its input is >= 0
    cases.add(new Case("unit-bilateral-skimage", unit, new BilateralFilter(new BilateralFilter.Parameters(1000, 0.1, 5, Boundary.REFLECT)),
        ref("bilateral", "window", 5, "sigma_color", 0.1, "sigma_spatial", 1000.0, "bins", 1_000_000, "mode", "symmetric"), 1e-4));
    cases.add(new Case("unit-bilateral-skimage-zeros", unit, new BilateralFilter(new BilateralFilter.Parameters(1000, 0.2, 7, Boundary.CONSTANT)),
        ref("bilateral", "window", 7, "sigma_color", 0.2, "sigma_spatial", 1000.0, "bins", 1_000_000, "mode", "constant"), 1e-4));

    List<Map<String, Object>> json = new ArrayList<>();
    for (Case c : cases) {
      Path in = dir.resolve(c.name + ".in.npy");
      Npy.write(in, c.input);
      Map<String, Object> m = new LinkedHashMap<>(c.reference);
      m.put("in", in.toString());
      m.put("out", dir.resolve(c.name + ".out.npy").toString());
      json.add(m);
    }
    run(json);
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (Case c : cases) {
      Path out = dir.resolve(c.name + ".out.npy");
      if (!Files.exists(out)) {
        report.append(String.format("%-36s skipped (no reference)%n", c.name));
        continue;
      }
      float[][] ref = Npy.read(out).toMatrix();
      float[][] ours = c.ours.apply(c.input, null);
      double range = range(c.input);
      double worst = worst(ref, ours);
      double change = worst(c.input, ours);
      compared++;
      report.append(String.format("%-36s max |diff| %.3g (range %.3g, change %.3g)%n", c.name, worst, range, change));
      if (!(worst <= c.tolerance * range)) failures.add(c.name + " " + worst);
      if (!(change > 0.01 * range)) failures.add(c.name + ": the filter changed nothing");
    }
    System.out.print(report);
    assertTrue(compared >= 20, "compared " + compared + " cases");
    assertTrue(failures.isEmpty(), "differences above tolerance: " + failures + "\n" + report);
  }

  @Test
  void templateMatchingEqualsScikitImage() throws Exception {
    float[][] image = grid(40, 90, 2);
    float[][] template = new float[9][12];
    for (int r = 0; r < 9; r++) template[r] = java.util.Arrays.copyOfRange(image[r + 10], 30, 42);
    float[][] full = new float[40][];
    for (int r = 0; r < 40; r++) full[r] = java.util.Arrays.copyOfRange(image[r], 50, 57);
    List<Map<String, Object>> json = new ArrayList<>();
    Map<String, float[][]> templates = Map.of("patch", template, "full-height", full);
    Npy.write(dir.resolve("image.npy"), image);
    for (var t : templates.entrySet()) {
      Npy.write(dir.resolve(t.getKey() + ".t.npy"), t.getValue());
      json.add(new LinkedHashMap<>(Map.of("kind", "match", "in", dir.resolve("image.npy").toString(), "template",
          dir.resolve(t.getKey() + ".t.npy").toString(), "out", dir.resolve(t.getKey() + ".ncc.npy").toString())));
    }
    run(json);
    for (var t : templates.entrySet()) {
      float[][] ref = Npy.read(dir.resolve(t.getKey() + ".ncc.npy")).toMatrix();
      float[][] ours = TemplateMatcher.ncc(image, t.getValue());
      assertEquals(ref.length, ours.length, t.getKey() + " rows");
      assertEquals(ref[0].length, ours[0].length, t.getKey() + " columns");
      double worst = worst(ref, ours);
      System.out.printf("match %-12s %dx%d max |diff| %.3g%n", t.getKey(), ours.length, ours[0].length, worst);
      assertTrue(worst <= 1e-5, t.getKey() + ": " + worst);
    }
  }

  private static Map<String, Object> ref(String kind, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private static double range(float[][] x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float[] r : x) for (float v : r) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  private static double worst(float[][] a, float[][] b) {
    assertEquals(a.length, b.length, "rows");
    double w = 0;
    for (int r = 0; r < a.length; r++) {
      assertEquals(a[r].length, b[r].length, "columns");
      for (int c = 0; c < a[r].length; c++) w = Math.max(w, Math.abs(a[r][c] - b[r][c]));
    }
    return w;
  }

  private static void run(List<Map<String, Object>> cases) throws Exception {
    Path json = Files.createTempFile(dir, "cases", ".json");
    Json.write(json, cases);
    Process p = new ProcessBuilder(PYTHON, script.toString(), json.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "reference script timed out");
    assertEquals(0, p.exitValue(), "reference script failed:\n" + out);
  }

  static Path findScript(String relative) {
    Path d = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
      Path s = d.resolve(relative);
      if (Files.exists(s)) return s;
    }
    return null;
  }
}
