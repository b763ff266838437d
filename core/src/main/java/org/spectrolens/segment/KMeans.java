package org.spectrolens.segment;

import org.spectrolens.params.Param;
import java.util.Arrays;

/**
 * k-means on the cells' values (Lloyd's algorithm in one dimension): centres start at the
 * quantiles {@code (i + 0.5) / k} of the values (deterministic, no random start), then every cell
 * joins its nearest centre (ties: the lower) and every centre moves to its cells' mean, until no
 * cell changes cluster or {@code iterations} passes. The cluster with the lowest centre is the
 * background; with {@code connected} the other clusters' cells are split into 4-connected
 * regions, otherwise each cluster is one region (labels by increasing centre).
 */
public final class KMeans extends SegmenterBase<KMeans.Params> {
  /**
   * @param clusters k, including the background cluster
   * @param iterations most Lloyd passes
   * @param connected split each cluster into its connected components
   */
  public record Params(
      @Param(value = "clusters, the lowest-valued one being background", min = 2, max = 64) int clusters,
      @Param(value = "most Lloyd iterations", min = 1, max = 10000) int iterations,
      @Param("split each cluster into connected regions") boolean connected) {}

  public static final SegmenterDefinition<Params> DEFINITION = new SegmenterDefinition<>("kmeans",
      "k-means on cell values; the lowest cluster is background, the others split into connected regions",
      new Params(3, 100, true), KMeans::new);

  public KMeans(Params params) {
    super(params);
  }

  @Override
  public SegmenterDefinition<?> definition() {
    return DEFINITION;
  }

  /** The cluster of every cell, 0 = lowest centre .. k-1; {@code centres} receives the final centres. */
  public static int[][] clusters(float[][] grid, int k, int iterations, double[] centres) {
    int rows = grid.length;
    int cols = grid[0].length;
    float[] sorted = new float[rows * cols];
    for (int r = 0; r < rows; r++) System.arraycopy(grid[r], 0, sorted, r * cols, cols);
    Arrays.sort(sorted);
    for (int i = 0; i < k; i++) centres[i] = sorted[(int) Math.min(sorted.length - 1, Math.floor((i + 0.5) / k * sorted.length))];
    int[][] a = new int[rows][cols];
    for (int[] row : a) Arrays.fill(row, -1);
    for (int it = 0; it < iterations; it++) {
      boolean changed = false;
      double[] sum = new double[k];
      long[] n = new long[k];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double v = grid[r][c];
          int best = 0;
          for (int j = 1; j < k; j++) if (Math.abs(v - centres[j]) < Math.abs(v - centres[best])) best = j;
          if (a[r][c] != best) changed = true;
          a[r][c] = best;
          sum[best] += v;
          n[best]++;
        }
      }
      for (int j = 0; j < k; j++) if (n[j] > 0) centres[j] = sum[j] / n[j];
      if (!changed) break;
    }
    // rank clusters by centre so that 0 is the lowest
    Integer[] idx = new Integer[k];
    for (int j = 0; j < k; j++) idx[j] = j;
    Arrays.sort(idx, (x, y) -> Double.compare(centres[x], centres[y]));
    int[] rank = new int[k];
    double[] c2 = new double[k];
    for (int j = 0; j < k; j++) {
      rank[idx[j]] = j;
      c2[j] = centres[idx[j]];
    }
    System.arraycopy(c2, 0, centres, 0, k);
    for (int[] row : a) for (int c = 0; c < row.length; c++) row[c] = rank[row[c]];
    return a;
  }

  @Override
  public int[][] label(float[][] grid) {
    int[][] a = clusters(grid, parameters().clusters(), parameters().iterations(), new double[parameters().clusters()]);
    if (parameters().connected()) return ConnectedComponents.of(a, false);
    // clusters 1..k-1 keep their rank; empty ranks are squeezed out so that every label is used
    int[] map = new int[parameters().clusters()];
    for (int[] row : a) for (int v : row) map[v] = 1;
    int next = 0;
    for (int j = 1; j < map.length; j++) map[j] = map[j] == 1 ? ++next : 0;
    map[0] = 0;
    for (int[] row : a) for (int c = 0; c < row.length; c++) row[c] = map[row[c]];
    return a;
  }
}
