package org.spectrolens.segment;

/**
 * Connected components of a label grid: cells with the same non-zero label that touch (4-connected:
 * sharing an edge, as {@code scipy.ndimage.label}'s default structure; or 8-connected, corners too,
 * as {@code skimage.measure.label}'s default) form one component. Components are numbered 1..n in
 * raster order of their first cell (row by row from row 0, as scipy numbers them); 0 stays 0.
 */
public final class ConnectedComponents {
  private ConnectedComponents() {}

  /** Components of a foreground mask. */
  public static int[][] of(boolean[][] mask, boolean eight) {
    int[][] l = new int[mask.length][];
    for (int r = 0; r < mask.length; r++) {
      l[r] = new int[mask[r].length];
      for (int c = 0; c < l[r].length; c++) l[r][c] = mask[r][c] ? 1 : 0;
    }
    return of(l, eight);
  }

  /** Components of the cells sharing each non-zero label (a label split in two becomes two components). */
  public static int[][] of(int[][] labels, boolean eight) {
    int rows = labels.length;
    int cols = rows == 0 ? 0 : labels[0].length;
    int[][] out = new int[rows][cols];
    int[] queue = new int[rows * cols];
    int next = 0;
    for (int r0 = 0; r0 < rows; r0++) {
      for (int c0 = 0; c0 < cols; c0++) {
        int v = labels[r0][c0];
        if (v == 0 || out[r0][c0] != 0) continue;
        next++;
        int head = 0;
        int tail = 0;
        queue[tail++] = r0 * cols + c0;
        out[r0][c0] = next;
        while (head < tail) {
          int p = queue[head++];
          int r = p / cols;
          int c = p % cols;
          for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
              if ((dr == 0 && dc == 0) || (!eight && dr != 0 && dc != 0)) continue;
              int rr = r + dr;
              int cc = c + dc;
              if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || out[rr][cc] != 0 || labels[rr][cc] != v) continue;
              out[rr][cc] = next;
              queue[tail++] = rr * cols + cc;
            }
          }
        }
      }
    }
    return out;
  }
}
