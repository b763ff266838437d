package org.spectrolens.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * Normalised cross-correlation of a time-frequency template over a spectrogram, equal to
 * {@code skimage.feature.match_template(image, template)} (pad_input False): for every placement of
 * the template's top-left cell at (row r, column c),
 * <pre>
 *   ncc(r, c) = sum (I - mean I)(T - mean T) / sqrt(sum (I - mean I)^2 * sum (T - mean T)^2)
 * </pre>
 * over the h x w window I of the image, in [-1, 1]: 1 where the window is an affine copy
 * (a x T + b, a > 0) of the template, so a louder or quieter repeat of the same event scores 1.
 * A window with no variance (flat to 1e-9 of the grid's variance; scikit-image: a denominator
 * below machine epsilon) scores 0. The map has (H - h + 1) x (W - w + 1) cells; as a
 * {@link Spectrogram} ({@link #map}) each cell sits at the template's centre cell
 * ((h - 1) / 2, (w - 1) / 2, integer division, scikit-image's pad_input offset), so it reads in Hz
 * and s. A template as tall as the spectrogram slides in time only (one row).
 */
public final class TemplateMatcher {
  private TemplateMatcher() {}

  /**
   * The NCC map, [H - h + 1][W - w + 1].
   *
   * @throws SpectrolensException naming "template" when it is larger than the image either way
   */
  public static float[][] ncc(float[][] image, float[][] template) {
    int rows = image.length;
    int cols = image[0].length;
    int h = template.length;
    int w = template[0].length;
    if (h > rows || w > cols) {
      throw new SpectrolensException("template", String.format("%dx%d (rows x frames) is larger than the spectrogram's %dx%d",
          h, w, rows, cols));
    }
    double n = (double) h * w;
    double tMean = 0;
    for (float[] row : template) for (float v : row) tMean += v;
    tMean /= n;
    double[][] t = new double[h][w];
    double tSsd = 0;
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        t[i][j] = template[i][j] - tMean;
        tSsd += t[i][j] * t[i][j];
      }
    }
    // centred image and integral images of it and its square (windows' sums in O(1))
    double gMean = 0;
    for (float[] row : image) for (float v : row) gMean += v;
    gMean /= (double) rows * cols;
    double[][] x = new double[rows][cols];
    double gVar = 0;
    double[][] s1 = new double[rows + 1][cols + 1];
    double[][] s2 = new double[rows + 1][cols + 1];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = image[r][c] - gMean;
        x[r][c] = v;
        gVar += v * v;
        s1[r + 1][c + 1] = v + s1[r][c + 1] + s1[r + 1][c] - s1[r][c];
        s2[r + 1][c + 1] = v * v + s2[r][c + 1] + s2[r + 1][c] - s2[r][c];
      }
    }
    gVar /= (double) rows * cols;
    double flat = 1e-9 * n * gVar;
    int outR = rows - h + 1;
    int outC = cols - w + 1;
    float[][] out = new float[outR][outC];
    if (!(tSsd > 0)) return out; // a flat template matches nothing
    for (int r = 0; r < outR; r++) {
      for (int c = 0; c < outC; c++) {
        double sum = s1[r + h][c + w] - s1[r][c + w] - s1[r + h][c] + s1[r][c];
        double sumSq = s2[r + h][c + w] - s2[r][c + w] - s2[r + h][c] + s2[r][c];
        double ssd = sumSq - sum * sum / n;
        if (!(ssd > flat)) continue;
        double dot = 0; // sum of T' = 0, so the window's mean drops out of the numerator
        for (int i = 0; i < h; i++) {
          double[] xi = x[r + i];
          double[] ti = t[i];
          for (int j = 0; j < w; j++) dot += ti[j] * xi[c + j];
        }
        out[r][c] = (float) Math.max(-1, Math.min(1, dot / Math.sqrt(ssd * tSsd)));
      }
    }
    return out;
  }

  /** The NCC map on the spectrogram's axes: cell (r, c) at the template's centre cell. */
  public static Spectrogram map(Spectrogram image, float[][] template) {
    float[][] m = ncc(image.values(), template);
    int r0 = (template.length - 1) / 2;
    int c0 = (template[0].length - 1) / 2;
    return image.cropRows(r0, r0 + m.length).cropColumns(c0, c0 + m[0].length).withValues(m).withSpec(null);
  }

  /**
   * Detections: placements scoring at least {@code threshold}, best first, each kept only when its
   * box (the template's h x w cells there) overlaps every better kept box by an intersection over
   * union of at most {@code maxOverlap} (greedy non-maximum suppression; 0 = no overlap at all).
   *
   * @param ncc the map from {@link #ncc}
   * @param image the spectrogram matched, for the axes
   */
  public static List<Detection> detect(float[][] ncc, int h, int w, Spectrogram image, double threshold, double maxOverlap) {
    List<int[]> candidates = new ArrayList<>();
    for (int r = 0; r < ncc.length; r++) for (int c = 0; c < ncc[r].length; c++) if (ncc[r][c] >= threshold) candidates.add(new int[] {r, c});
    candidates.sort(Comparator.<int[]>comparingDouble(rc -> -ncc[rc[0]][rc[1]]).thenComparingInt(rc -> rc[1]).thenComparingInt(rc -> rc[0]));
    List<int[]> kept = new ArrayList<>();
    List<Detection> out = new ArrayList<>();
    for (int[] rc : candidates) {
      boolean ok = true;
      for (int[] k : kept) {
        if (iou(rc, k, h, w) > maxOverlap) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      kept.add(rc);
      out.add(Detection.of(image, rc[0], rc[1], h, w, ncc[rc[0]][rc[1]]));
    }
    return out;
  }

  private static double iou(int[] a, int[] b, int h, int w) {
    int dr = Math.max(0, h - Math.abs(a[0] - b[0]));
    int dc = Math.max(0, w - Math.abs(a[1] - b[1]));
    double inter = (double) dr * dc;
    return inter / (2.0 * h * w - inter);
  }
}
