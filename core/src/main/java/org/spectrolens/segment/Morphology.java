package org.spectrolens.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;

/**
 * Binary morphology on a foreground mask [rows][columns] with a rectangular structuring element of
 * {@code rows x columns} cells (frequency rows by time frames, so a band and a duration can be
 * shaped separately), as {@code skimage.morphology.binary_*} with {@code footprint=np.ones((rows,
 * columns))}, which are {@code scipy.ndimage.binary_*}:
 * <ul>
 *   <li>erosion: a cell stays when every cell under the element (centred at index size//2) is
 *       foreground; cells beyond the grid count as foreground ({@code border_value=1}, skimage's
 *       choice), so a region touching the edge of the clip is not eaten from the edge;
 *   <li>dilation: a cell becomes foreground when any cell under the reflected element is; cells
 *       beyond the grid count as background;
 *   <li>opening = dilation of the erosion (removes specks smaller than the element);
 *   <li>closing = erosion of the dilation (fills gaps smaller than the element).
 * </ul>
 * scipy's own {@code binary_erosion} defaults to {@code border_value=0}; with {@code
 * border_value=1} the two agree cell for cell (checked in the tests).
 *
 * @param kind the operation
 * @param rows element height in cells (at least 1)
 * @param columns element width in cells (at least 1)
 */
public record Morphology(Kind kind, int rows, int columns) {
  /** The four operations. */
  public enum Kind { EROSION, DILATION, OPENING, CLOSING }

  /** The largest element side accepted from text. */
  public static final int MAX_SIZE = 1000;

  public Morphology {
    if (rows < 1 || columns < 1) throw new IllegalArgumentException("structuring element " + rows + "x" + columns);
  }

  /**
   * Operations from text, applied left to right: {@code opening:3,closing:3x5} (a square side, or
   * {@code ROWSxCOLUMNS}); {@code subject} names the option in errors. Empty text: none.
   */
  public static List<Morphology> parse(String text, String subject) {
    List<Morphology> out = new ArrayList<>();
    if (text == null || text.isBlank()) return out;
    for (String part : text.split(",")) {
      String[] f = part.trim().split(":", -1);
      Kind k = null;
      for (Kind c : Kind.values()) if (c.name().toLowerCase(Locale.ROOT).equals(f[0])) k = c;
      if (k == null) throw new SpectrolensException(subject, "unknown operation '" + f[0] + "'; expected erosion, dilation, opening or closing");
      if (f.length != 2) throw new SpectrolensException(subject, "expected " + f[0] + ":SIZE or " + f[0] + ":ROWSxCOLUMNS, found '" + part.trim() + "'");
      String[] s = f[1].split("x", -1);
      if (s.length > 2) throw new SpectrolensException(subject, "expected SIZE or ROWSxCOLUMNS, found '" + f[1] + "'");
      int r = side(s[0], subject);
      int c = s.length == 2 ? side(s[1], subject) : r;
      out.add(new Morphology(k, r, c));
    }
    return out;
  }

  private static int side(String t, String subject) {
    try {
      int v = Integer.parseInt(t);
      if (v >= 1 && v <= MAX_SIZE) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SpectrolensException(subject, "structuring element side must be a whole number in [1, " + MAX_SIZE + "], found '" + t + "'");
  }

  /** This operation applied to {@code mask} (a new array). */
  public boolean[][] apply(boolean[][] mask) {
    return switch (kind) {
      case EROSION -> erode(mask, rows, columns);
      case DILATION -> dilate(mask, rows, columns);
      case OPENING -> dilate(erode(mask, rows, columns), rows, columns);
      case CLOSING -> erode(dilate(mask, rows, columns), rows, columns);
    };
  }

  /** The operations applied in order. */
  public static boolean[][] apply(List<Morphology> ops, boolean[][] mask) {
    for (Morphology m : ops) mask = m.apply(mask);
    return mask;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + rows + "x" + columns;
  }

  /** Erosion, separable for a rectangle: along time, then along frequency. */
  static boolean[][] erode(boolean[][] m, int sr, int sc) {
    return pass(pass(m, sc, false, true), sr, false, false);
  }

  static boolean[][] dilate(boolean[][] m, int sr, int sc) {
    return pass(pass(m, sc, true, true), sr, true, false);
  }

  /**
   * One 1-D pass of a line element of {@code size} cells. Erosion reads offsets
   * {@code -c .. size-1-c} with c = size/2 (outside: true); dilation reads the reflected offsets
   * {@code -(size-1-c) .. c} (outside: false), as scipy places even-sized elements.
   */
  private static boolean[][] pass(boolean[][] m, int size, boolean dilate, boolean alongColumns) {
    int rows = m.length;
    int cols = rows == 0 ? 0 : m[0].length;
    int c = size / 2;
    int lo = dilate ? -(size - 1 - c) : -c;
    int hi = dilate ? c : size - 1 - c;
    boolean[][] out = new boolean[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int t = 0; t < cols; t++) {
        boolean v = !dilate;
        for (int d = lo; d <= hi; d++) {
          int rr = alongColumns ? r : r + d;
          int tt = alongColumns ? t + d : t;
          boolean inside = rr >= 0 && rr < rows && tt >= 0 && tt < cols;
          boolean x = inside ? m[rr][tt] : !dilate;
          if (dilate && x) {
            v = true;
            break;
          }
          if (!dilate && !x) {
            v = false;
            break;
          }
        }
        out[r][t] = v;
      }
    }
    return out;
  }
}
