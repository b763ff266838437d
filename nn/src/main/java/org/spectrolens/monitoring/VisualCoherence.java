package org.spectrolens.monitoring;

/**
 * Visual coherence (the monitoring thesis, section 3.5): do a map's marked regions follow the
 * energy of the event of interest rather than the rest of the spectrogram? Scored as the Pearson
 * correlation, over the cells of the input grid, between the map and the target event's energy
 * (its stem through the model's front end, in dB), beside the correlation with the whole clip's
 * energy (the model input). A map that follows the event and not the background correlates more
 * with the first than with the second.
 */
public final class VisualCoherence {
  private VisualCoherence() {}

  /** Pearson correlation of two grids of one shape; NaN when either is constant. */
  public static double correlation(float[][] a, float[][] b) {
    double sa = 0;
    double sb = 0;
    long n = 0;
    for (int y = 0; y < a.length; y++) {
      for (int x = 0; x < a[y].length; x++) {
        sa += a[y][x];
        sb += b[y][x];
        n++;
      }
    }
    double ma = sa / n;
    double mb = sb / n;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int y = 0; y < a.length; y++) {
      for (int x = 0; x < a[y].length; x++) {
        double da = a[y][x] - ma;
        double db = b[y][x] - mb;
        cov += da * db;
        va += da * da;
        vb += db * db;
      }
    }
    return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Double.NaN;
  }
}
