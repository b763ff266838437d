package org.spectrolens.monitoring;

/**
 * Class discriminativity (the monitoring thesis, section 3.6; Wang 2022 after [22]): on a mixture
 * of a positive and a negative clip, the map explaining each class should mark only that class's
 * source. Scored as the <em>own share</em>: the share of the map's mass on the cells where its own
 * source dominates the mixture (its ideal binary mask). A perfect map scores 1; a map that ignores
 * the sources scores about the mask's area share (chance); reading them side by side is the point.
 */
public final class Discriminativity {
  private Discriminativity() {}

  /**
   * The share of {@code map}'s mass (values >= 0) inside {@code mask}: sum over the mask / sum over
   * the grid; NaN for a map with no mass.
   */
  public static double ownShare(float[][] map, boolean[][] mask) {
    double in = 0;
    double all = 0;
    for (int y = 0; y < map.length; y++) {
      for (int x = 0; x < map[y].length; x++) {
        double v = Math.max(0, map[y][x]);
        all += v;
        if (mask[y][x]) in += v;
      }
    }
    return all > 0 ? in / all : Double.NaN;
  }
}
