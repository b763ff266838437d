package org.spectrolens.segment;

import org.spectrolens.params.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Region growing from seeds: each seed floods the 4-connected cells not yet in a region whose value
 * is at least the seed's value minus {@code tolerance} (as {@code skimage.segmentation.flood(grid,
 * seed, tolerance=...)}; cells above the seed are taken too). Seeds are grown in decreasing order
 * of value, a seed already inside an earlier region is skipped. By default the seeds are every
 * cell within {@code seed-level} of the grid's maximum; {@link #grow} takes explicit seeds.
 */
public final class RegionGrowing extends SegmenterBase<RegionGrowing.Params> {
  /**
   * @param seedLevel seeds are the cells within this distance of the grid's maximum (grid unit)
   * @param tolerance a region takes the cells down to this far below its seed (grid unit)
   */
  public record Params(
      @Param(value = "seeds: cells within this of the maximum (grid unit, dB for spectrograms)", min = 0) double seedLevel,
      @Param(value = "a region takes cells down to this far below its seed (grid unit)", min = 0) double tolerance) {}

  public static final SegmenterDefinition<Params> DEFINITION = new SegmenterDefinition<>("region-growing",
      "flood fill from the loudest cells down to a tolerance below each seed (as skimage.segmentation.flood)",
      new Params(20, 10), RegionGrowing::new);

  public RegionGrowing(Params params) {
    super(params);
  }

  @Override
  public SegmenterDefinition<?> definition() {
    return DEFINITION;
  }

  @Override
  public int[][] label(float[][] grid) {
    double max = Double.NEGATIVE_INFINITY;
    for (float[] row : grid) for (float v : row) max = Math.max(max, v);
    List<int[]> seeds = new ArrayList<>();
    for (int r = 0; r < grid.length; r++) {
      for (int c = 0; c < grid[r].length; c++) if (grid[r][c] >= max - parameters().seedLevel()) seeds.add(new int[] {r, c});
    }
    return grow(grid, seeds, parameters().tolerance());
  }

  /**
   * Regions grown from explicit seeds ({row, column} each), in decreasing order of the seeds'
   * values (ties: the order given); labels 1.. in the order the regions were grown.
   */
  public static int[][] grow(float[][] grid, List<int[]> seeds, double tolerance) {
    int rows = grid.length;
    int cols = grid[0].length;
    List<int[]> order = new ArrayList<>(seeds);
    order.sort(Comparator.comparingDouble((int[] s) -> -grid[s[0]][s[1]]));
    int[][] out = new int[rows][cols];
    int[] queue = new int[rows * cols];
    int next = 0;
    for (int[] s : order) {
      if (out[s[0]][s[1]] != 0) continue;
      double floor = grid[s[0]][s[1]] - tolerance;
      next++;
      int head = 0;
      int tail = 0;
      queue[tail++] = s[0] * cols + s[1];
      out[s[0]][s[1]] = next;
      while (head < tail) {
        int p = queue[head++];
        int r = p / cols;
        int c = p % cols;
        for (int k = 0; k < 4; k++) {
          int rr = r + (k == 0 ? -1 : k == 1 ? 1 : 0);
          int cc = c + (k == 2 ? -1 : k == 3 ? 1 : 0);
          if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || out[rr][cc] != 0 || grid[rr][cc] < floor) continue;
          out[rr][cc] = next;
          queue[tail++] = rr * cols + cc;
        }
      }
    }
    return out;
  }
}
