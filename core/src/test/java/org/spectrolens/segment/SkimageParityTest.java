package org.spectrolens.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Npy;

/**
 * Otsu, Felzenszwalb, morphology and connected components against scikit-image 0.19 and SciPy 1.10
 * ({@code scripts/reference/skimage_segment.py}) on a 40x60 test image (noise, two blocks, a
 * diagonal band, a ramp). Otsu's threshold, the morphology, the components and a flood fill from
 * the maximum must agree exactly;
 * Felzenszwalb must give the same number of segments with an adjusted Rand index of at least 0.99
 * (numpy's unstable argsort may order equal edge weights differently; on this image the partitions
 * are in fact identical). Skipped unless {@code /usr/bin/python3} imports skimage and scipy.
 */
class SkimageParityTest {
  private static final String PYTHON = "/usr/bin/python3";
  /** scale:sigma:min_size of each Felzenszwalb case: skimage's defaults, and coarser ones. */
  private static final String[] FELZ = {"1:0.8:20", "100:0.5:10", "300:0.8:5", "50:0:1"};

  @TempDir static Path dir;
  private static float[][] image;

  @BeforeAll
  static void reference() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(PYTHON, "-c", "import skimage, scipy").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "skimage/scipy not importable");
    Path script = findScript();
    Assumptions.assumeTrue(script != null, "scripts/reference/skimage_segment.py not found");
    image = testImage();
    Npy.write(dir.resolve("image.npy"), image);
    Process p = new ProcessBuilder(PYTHON, script.toString(), dir.resolve("image.npy").toString(), dir.resolve("ref").toString(),
        String.join(",", FELZ)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "reference script timed out");
    assertEquals(0, p.exitValue(), "reference script failed:\n" + out);
  }

  static float[][] testImage() {
    SplittableRandom rng = new SplittableRandom(7);
    float[][] g = new float[40][60];
    for (int r = 0; r < 40; r++) {
      for (int c = 0; c < 60; c++) {
        double v = 0.3 * rng.nextDouble();
        if (r >= 5 && r < 15 && c >= 10 && c < 30) v += 0.55;
        if (r >= 25 && r < 33 && c >= 40 && c < 52) v += 0.35;
        if (Math.abs(r - c / 2) < 2) v += 0.4;
        if (c >= 54) v += 0.1 * (r / 40.0);
        g[r][c] = (float) Math.min(1, v);
      }
    }
    return g;
  }

  static Path findScript() {
    Path d = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
      Path s = d.resolve("scripts/reference/skimage_segment.py");
      if (Files.exists(s)) return s;
    }
    return null;
  }

  private static float[][] ref(String name) {
    return Npy.read(dir.resolve("ref").resolve(name)).toMatrix();
  }

  private static boolean[][] bool(float[][] g) {
    boolean[][] b = new boolean[g.length][g[0].length];
    for (int r = 0; r < g.length; r++) for (int c = 0; c < g[r].length; c++) b[r][c] = g[r][c] != 0;
    return b;
  }

  @Test
  void otsuThresholdIsSkimages() throws Exception {
    double want = Double.parseDouble(Files.readString(dir.resolve("ref/otsu.txt")));
    assertEquals(want, Otsu.threshold(image, 256), 1e-12);
    assertEquals(Double.parseDouble(Files.readString(dir.resolve("ref/otsu64.txt"))), Otsu.threshold(image, 64), 1e-12);
    // the foreground is image > threshold, as skimage's mask
    boolean[][] mask = bool(ref("mask.npy"));
    int[][] labels = new Otsu(new Otsu.Params(256)).label(image);
    for (int r = 0; r < mask.length; r++) for (int c = 0; c < mask[r].length; c++) assertEquals(mask[r][c], labels[r][c] > 0);
  }

  @Test
  void felzenszwalbMatchesSkimage() {
    for (int i = 0; i < FELZ.length; i++) {
      String[] f = FELZ[i].split(":");
      int[][] got = Felzenszwalb.partition(image, Double.parseDouble(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]));
      float[][] want = ref("felz-" + i + ".npy");
      int[][] w = new int[want.length][want[0].length];
      for (int r = 0; r < w.length; r++) for (int c = 0; c < w[r].length; c++) w[r][c] = (int) want[r][c];
      assertEquals(count(w), count(got), FELZ[i] + ": number of segments");
      double ari = adjustedRand(w, got);
      assertTrue(ari >= 0.99, FELZ[i] + ": adjusted Rand index " + ari);
      System.out.println("felzenszwalb " + FELZ[i] + ": " + count(w) + " segments, ARI " + ari);
    }
  }

  @Test
  void morphologyIsSkimagesAndScipys() {
    boolean[][] mask = bool(ref("mask.npy"));
    for (int[] rc : new int[][] {{3, 3}, {2, 4}, {5, 1}}) {
      String size = rc[0] + "x" + rc[1];
      for (Morphology.Kind k : Morphology.Kind.values()) {
        String name = k.name().toLowerCase();
        assertGridEquals(bool(ref(name + "-" + size + ".npy")), new Morphology(k, rc[0], rc[1]).apply(mask), name + " " + size);
      }
      assertGridEquals(bool(ref("ndi-erosion-" + size + ".npy")), Morphology.erode(mask, rc[0], rc[1]), "ndimage erosion " + size);
      assertGridEquals(bool(ref("ndi-dilation-" + size + ".npy")), Morphology.dilate(mask, rc[0], rc[1]), "ndimage dilation " + size);
    }
  }

  @Test
  void componentsAreScipysAndSkimages() {
    boolean[][] mask = bool(ref("mask.npy"));
    int[][] four = ConnectedComponents.of(mask, false);
    int[][] eight = ConnectedComponents.of(mask, true);
    float[][] w4 = ref("label4.npy");
    float[][] w8 = ref("label8.npy");
    for (int r = 0; r < mask.length; r++) {
      for (int c = 0; c < mask[r].length; c++) {
        assertEquals((int) w4[r][c], four[r][c], "4-connected at " + r + "," + c);
        assertEquals((int) w8[r][c], eight[r][c], "8-connected at " + r + "," + c);
      }
    }
  }

  /** From the image's maximum (no cell lies above it, where the two definitions differ), the flood is skimage's. */
  @Test
  void regionGrowingFromTheMaximumIsSkimagesFlood() {
    int[] seed = {0, 0};
    for (int r = 0; r < image.length; r++) for (int c = 0; c < image[r].length; c++) if (image[r][c] > image[seed[0]][seed[1]]) seed = new int[] {r, c};
    int[][] got = RegionGrowing.grow(image, java.util.List.of(seed), 0.3);
    float[][] want = ref("flood.npy");
    int cells = 0;
    for (int r = 0; r < want.length; r++) {
      for (int c = 0; c < want[r].length; c++) {
        assertEquals(want[r][c] != 0, got[r][c] == 1, "cell " + r + "," + c);
        if (got[r][c] == 1) cells++;
      }
    }
    assertTrue(cells > 10, "the flood covers " + cells + " cells");
  }

  private static void assertGridEquals(boolean[][] want, boolean[][] got, String what) {
    for (int r = 0; r < want.length; r++) assertArrayEquals(want[r], got[r], what + ", row " + r);
  }

  static int count(int[][] l) {
    java.util.Set<Integer> s = new java.util.HashSet<>();
    for (int[] row : l) for (int v : row) s.add(v);
    return s.size();
  }

  /** Hubert and Arabie's adjusted Rand index of two labellings (sklearn.metrics.adjusted_rand_score). */
  static double adjustedRand(int[][] a, int[][] b) {
    java.util.Map<Long, Long> pairs = new java.util.HashMap<>();
    java.util.Map<Integer, Long> ra = new java.util.HashMap<>();
    java.util.Map<Integer, Long> rb = new java.util.HashMap<>();
    long n = 0;
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < a[r].length; c++) {
        pairs.merge(((long) a[r][c] << 32) | b[r][c], 1L, Long::sum);
        ra.merge(a[r][c], 1L, Long::sum);
        rb.merge(b[r][c], 1L, Long::sum);
        n++;
      }
    }
    double index = 0;
    for (long v : pairs.values()) index += v * (v - 1) / 2.0;
    double sa = 0;
    for (long v : ra.values()) sa += v * (v - 1) / 2.0;
    double sb = 0;
    for (long v : rb.values()) sb += v * (v - 1) / 2.0;
    double expected = sa * sb / (n * (n - 1) / 2.0);
    double max = (sa + sb) / 2;
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  /** The test's own check of the index: identical partitions score 1, a relabelling too, a different one less. */
  @Test
  void adjustedRandIndexIsRight() {
    int[][] a = {{0, 0, 1, 1}, {2, 2, 3, 3}};
    int[][] relabelled = {{5, 5, 1, 1}, {7, 7, 0, 0}};
    int[][] other = {{0, 1, 0, 1}, {0, 1, 0, 1}};
    assertEquals(1, adjustedRand(a, relabelled), 1e-12);
    assertTrue(adjustedRand(a, other) < 0.5);
  }
}
