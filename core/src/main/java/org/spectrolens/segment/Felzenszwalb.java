package org.spectrolens.segment;

import org.spectrolens.params.Param;
import java.util.Arrays;
import org.spectrolens.spectrogram.Normalisation;

/**
 * Graph-based segmentation (Felzenszwalb and Huttenlocher 2004) exactly as
 * {@code skimage.segmentation.felzenszwalb(grid, scale, sigma, min_size, channel_axis=None)}
 * (scikit-image 0.19):
 * <ol>
 *   <li>Gaussian smoothing with {@code sigma} cells ({@code scipy.ndimage.gaussian_filter},
 *       truncated at 4 sigma, {@code mode='reflect'});</li>
 *   <li>a graph on the 8-connected grid, each edge weighted by the absolute difference of its two
 *       smoothed cells, edges taken in increasing weight (ties: right, down, down-right, up-right
 *       edges, each in raster order; numpy's unstable argsort may order ties differently);</li>
 *   <li>two components merge when the edge's weight is below both components' internal difference
 *       plus {@code k / |C|}, where k = scale / 255 (skimage's rescaling, in single precision as
 *       skimage computes it) and the internal difference is the last merging edge's weight;</li>
 *   <li>components smaller than {@code min-size} cells are merged along the edges in the same order.</li>
 * </ol>
 * With {@code normalise} (the default) the grid is first min-max scaled to [0, 1], so {@code scale}
 * means what it means for an image in [0, 1] whatever the grid's unit (dB, a map). Segments whose
 * mean value (in the grid's unit, before scaling) is below {@code min-mean} become background
 * (default -inf: every segment is a region).
 */
public final class Felzenszwalb extends SegmenterBase<Felzenszwalb.Params> {
  /**
   * @param scale the observation level k (times 255, skimage's convention): larger, larger segments
   * @param sigma Gaussian smoothing before segmentation, in cells
   * @param minSize smallest segment in cells, enforced by merging
   * @param normalise min-max scale the grid to [0, 1] first
   * @param minMean segments whose mean value is below this become background (grid unit)
   */
  public record Params(
      @Param(value = "observation level (skimage's scale; larger gives larger segments)", min = 0) double scale,
      @Param(value = "Gaussian smoothing before segmentation (cells)", min = 0, max = 100) double sigma,
      @Param(value = "smallest segment (cells)", min = 1) int minSize,
      @Param("min-max scale the grid to [0, 1] first") boolean normalise,
      @Param("segments with a lower mean value become background (grid unit; -inf keeps all)") double minMean) {}

  /** skimage's defaults (scale 1, sigma 0.8, min_size 20) on the normalised grid, every segment kept. */
  public static final SegmenterDefinition<Params> DEFINITION = new SegmenterDefinition<>("felzenszwalb",
      "graph-based segmentation (Felzenszwalb-Huttenlocher 2004, as skimage.segmentation.felzenszwalb)",
      new Params(1, 0.8, 20, true, Double.NEGATIVE_INFINITY), Felzenszwalb::new);

  public Felzenszwalb(Params params) {
    super(params);
  }

  @Override
  public SegmenterDefinition<?> definition() {
    return DEFINITION;
  }

  @Override
  public int[][] label(float[][] grid) {
    float[][] g = parameters().normalise() ? Normalisation.minMax(grid) : grid;
    int[][] seg = partition(g, parameters().scale(), parameters().sigma(), parameters().minSize());
    int n = 0;
    for (int[] row : seg) for (int v : row) n = Math.max(n, v + 1);
    double[] sum = new double[n];
    long[] count = new long[n];
    for (int r = 0; r < seg.length; r++) {
      for (int c = 0; c < seg[r].length; c++) {
        sum[seg[r][c]] += grid[r][c];
        count[seg[r][c]]++;
      }
    }
    int[] map = new int[n];
    int next = 0;
    for (int s = 0; s < n; s++) map[s] = sum[s] / count[s] >= parameters().minMean() ? ++next : 0;
    int[][] out = new int[seg.length][];
    for (int r = 0; r < seg.length; r++) {
      out[r] = new int[seg[r].length];
      for (int c = 0; c < out[r].length; c++) out[r][c] = map[seg[r][c]];
    }
    return out;
  }

  /**
   * skimage's segmentation of {@code grid}: labels 0..n-1 numbered in raster order of each
   * segment's first cell (row by row from row 0), as skimage numbers them.
   */
  public static int[][] partition(float[][] grid, double scale, double sigma, int minSize) {
    int h = grid.length;
    int w = grid[0].length;
    double[][] img = new double[h][w];
    for (int r = 0; r < h; r++) for (int c = 0; c < w; c++) img[r][c] = grid[r][c];
    if (sigma > 1e-15) img = gaussian(img, sigma);
    int nRight = h * (w - 1);
    int nDown = (h - 1) * w;
    int nDiag = (h - 1) * (w - 1);
    int m = nRight + nDown + 2 * nDiag;
    int[] a = new int[m];
    int[] b = new int[m];
    double[] cost = new double[m];
    int e = 0;
    for (int r = 0; r < h; r++) for (int c = 0; c < w - 1; c++, e++) edge(a, b, cost, e, img, r, c + 1, r, c, w);
    for (int r = 0; r < h - 1; r++) for (int c = 0; c < w; c++, e++) edge(a, b, cost, e, img, r + 1, c, r, c, w);
    for (int r = 0; r < h - 1; r++) for (int c = 0; c < w - 1; c++, e++) edge(a, b, cost, e, img, r + 1, c + 1, r, c, w);
    for (int r = 0; r < h - 1; r++) for (int c = 0; c < w - 1; c++, e++) edge(a, b, cost, e, img, r, c + 1, r + 1, c, w);
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Double.compare(cost[x], cost[y]));
    int n = h * w;
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    int[] size = new int[n];
    Arrays.fill(size, 1);
    double[] internal = new double[n];
    double k = scale / 255.0;
    for (int q = 0; q < m; q++) {
      int i = order[q];
      int s0 = root(parent, a[i]);
      int s1 = root(parent, b[i]);
      if (s0 == s1) continue;
      // skimage holds these two in C floats
      float in0 = (float) (internal[s0] + k / size[s0]);
      float in1 = (float) (internal[s1] + k / size[s1]);
      if (cost[i] < Math.min(in0, in1)) {
        int s = join(parent, s0, s1);
        size[s] = size[s0] + size[s1];
        internal[s] = cost[i];
      }
    }
    for (int q = 0; q < m; q++) {
      int i = order[q];
      int s0 = root(parent, a[i]);
      int s1 = root(parent, b[i]);
      if (s0 == s1) continue;
      if (size[s0] < minSize || size[s1] < minSize) {
        int s = join(parent, s0, s1);
        size[s] = size[s0] + size[s1];
      }
    }
    int[] id = new int[n];
    Arrays.fill(id, -1);
    int next = 0;
    int[][] out = new int[h][w];
    for (int p = 0; p < n; p++) {
      int s = root(parent, p);
      if (id[s] < 0) id[s] = next++;
      out[p / w][p % w] = id[s];
    }
    return out;
  }

  private static void edge(int[] a, int[] b, double[] cost, int e, double[][] img, int r0, int c0, int r1, int c1, int w) {
    a[e] = r0 * w + c0;
    b[e] = r1 * w + c1;
    double d = img[r0][c0] - img[r1][c1];
    cost[e] = Math.sqrt(d * d);
  }

  /** The root of a tree: always its smallest index, as skimage's union-find keeps it. */
  private static int root(int[] parent, int i) {
    int r = i;
    while (parent[r] != r) r = parent[r];
    while (parent[i] != r) {
      int next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  }

  private static int join(int[] parent, int s0, int s1) {
    int r = Math.min(s0, s1);
    parent[s0] = r;
    parent[s1] = r;
    return r;
  }

  /**
   * {@code scipy.ndimage.gaussian_filter(img, sigma, mode='reflect', truncate=4.0)}: separable,
   * rows (axis 0) first, kernel radius {@code int(4 sigma + 0.5)}, weights normalised to sum 1,
   * edges mirrored with the edge cell repeated (d c b a | a b c d).
   */
  static double[][] gaussian(double[][] img, double sigma) {
    int radius = (int) (4.0 * sigma + 0.5);
    double[] wt = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      wt[i + radius] = Math.exp(-0.5 / (sigma * sigma) * i * i);
      sum += wt[i + radius];
    }
    for (int i = 0; i < wt.length; i++) wt[i] /= sum;
    int h = img.length;
    int w = img[0].length;
    double[][] tmp = new double[h][w];
    for (int c = 0; c < w; c++) {
      for (int r = 0; r < h; r++) {
        double s = img[r][c] * wt[radius];
        for (int j = radius; j >= 1; j--) s += (img[reflect(r - j, h)][c] + img[reflect(r + j, h)][c]) * wt[radius + j];
        tmp[r][c] = s;
      }
    }
    double[][] out = new double[h][w];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double s = tmp[r][c] * wt[radius];
        for (int j = radius; j >= 1; j--) s += (tmp[r][reflect(c - j, w)] + tmp[r][reflect(c + j, w)]) * wt[radius + j];
        out[r][c] = s;
      }
    }
    return out;
  }

  /** scipy's 'reflect': ... b a | a b c ... c | c b ..., periodic with period 2n. */
  static int reflect(int i, int n) {
    int p = Math.floorMod(i, 2 * n);
    return p < n ? p : 2 * n - 1 - p;
  }
}
