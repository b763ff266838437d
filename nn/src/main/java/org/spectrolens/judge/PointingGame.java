package org.spectrolens.judge;

import java.util.Set;
import org.spectrolens.explain.MapAxes;

/**
 * Pointing game (Zhang et al. 2018) with its tolerance in Hz and ms: a hit (1) when the map's
 * maximum cell (first in row-major order on ties) lies within {@link Judging#toleranceHz} and
 * {@link Judging#toleranceMs} of a truth cell (centre to centre, both at once), else 0. Without
 * axes the tolerance is 0 (the maximum must be a truth cell). Chance: the share of cells within
 * the tolerance of the truth, where a uniformly random point lands. NaN for an empty mask.
 * Higher is better.
 */
public final class PointingGame extends Described implements LocalisationMetric {
  public PointingGame() {
    super("pointing_game", Category.LOCALISATION, Direction.HIGHER, Set.of(Need.TRUTH),
        "1 when the map's maximum lies within the tolerance (Hz, ms) of the truth (Zhang 2018); chance = the share of the grid within it.");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      boolean[] zone = zone(j, j.truth(i));
      float[] a = j.map(i);
      int best = 0;
      for (int p = 1; p < a.length; p++) if (a[p] > a[best]) best = p;
      out[i] = LocalisationMetric.share(j.truth(i)) > 0 ? (zone[best] ? 1 : 0) : Double.NaN;
    }
    return out;
  }

  @Override
  public double[] chance(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      out[i] = LocalisationMetric.share(j.truth(i)) > 0 ? LocalisationMetric.share(zone(j, j.truth(i))) : Double.NaN;
    }
    return out;
  }

  /** The truth dilated by the tolerance: every cell within toleranceHz and toleranceMs of a truth cell. */
  static boolean[] zone(Judged j, boolean[] truth) {
    int h = j.height();
    int w = j.width();
    MapAxes axes = j.axes();
    double tolHz = axes == null ? 0 : j.judging().toleranceHz();
    double tolMs = axes == null || axes.times() == null ? 0 : j.judging().toleranceMs();
    if (tolHz <= 0 && tolMs <= 0) return truth.clone();
    double[] hz = new double[h];
    for (int y = 0; y < h; y++) hz[y] = axes.frequencies().hz(y);
    double[] ms = new double[w];
    for (int t = 0; t < w; t++) ms[t] = axes.times() == null ? t : axes.times().seconds(t) * 1000;
    // separable dilation: rows within tolHz, then columns within tolMs
    boolean[] rows = new boolean[h * w];
    for (int y = 0; y < h; y++) {
      for (int t = 0; t < w; t++) {
        if (!truth[y * w + t]) continue;
        for (int yy = 0; yy < h; yy++) if (Math.abs(hz[yy] - hz[y]) <= tolHz) rows[yy * w + t] = true;
      }
    }
    boolean[] out = new boolean[h * w];
    for (int y = 0; y < h; y++) {
      for (int t = 0; t < w; t++) {
        if (!rows[y * w + t]) continue;
        for (int tt = 0; tt < w; tt++) if (Math.abs(ms[tt] - ms[t]) <= tolMs) out[y * w + tt] = true;
      }
    }
    return out;
  }
}
