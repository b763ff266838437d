package org.spectrolens.monitoring;

import org.spectrolens.stats.Correlation;

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
    return Correlation.pearson(a, b);
  }
}
