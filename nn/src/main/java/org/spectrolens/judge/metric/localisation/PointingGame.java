package org.spectrolens.judge.metric.localisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.Judging;
import org.spectrolens.judge.LocalisationMetric;
import org.spectrolens.judge.Ties;
import java.util.Set;
import org.spectrolens.explain.MapAxes;

/**
 * Pointing game (Zhang et al. 2018) with its tolerance in Hz and ms: a hit when the map's maximum
 * lies within {@link Judging#toleranceHz} and {@link Judging#toleranceMs} of a truth cell (centre
 * to centre, both at once). Without axes the tolerance is 0 (the maximum must be a truth cell).
 *
 * <p>A map's maximum may be a plateau: a coarse CAM upsampled by cell ties hundreds of cells. The
 * score is then the expected hit of a maximum drawn uniformly among the tied cells, i.e. the share
 * of them inside the tolerance zone (1 or 0 for a unique maximum, as published). Quantus counts a
 * hit when any tied maximum is inside ({@link PointingGameAny}), which scores a constant map 1 on
 * every item; taking the first maximum in row order (spectrolens before 2026-12) lets the grid's
 * edge rows decide. Chance: the share of cells within the tolerance of the truth, where a
 * uniformly random point lands. NaN for an empty mask. Higher is better.
 */
public final class PointingGame extends Described implements LocalisationMetric {
  public PointingGame() {
    super("pointing_game", Category.LOCALISATION, Direction.HIGHER, Set.of(Need.TRUTH),
        "Share of the map's (tied) maximum cells within the tolerance (Hz, ms) of the truth: the expected hit of a uniformly drawn maximum (Zhang 2018); chance = the share of the grid within it.");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      int[] maxima = maxima(j.map(i));
      out[i] = LocalisationMetric.share(j.truth(i)) > 0 ? (double) inZone(maxima, zone(j, j.truth(i))) / maxima.length : Double.NaN;
    }
    return out;
  }

  /** The cells holding the map's maximum value (one for a unique peak; every cell of a constant map). */
  static int[] maxima(float[] a) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : a) max = Math.max(max, v);
    int[] out = new int[Ties.maximumCells(a)];
    int k = 0;
    for (int p = 0; p < a.length && k < out.length; p++) if (a[p] == max) out[k++] = p;
    return out;
  }

  /** How many of {@code cells} lie in {@code zone}. */
  static int inZone(int[] cells, boolean[] zone) {
    int n = 0;
    for (int p : cells) if (zone[p]) n++;
    return n;
  }

  @Override
  public double[] chance(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      out[i] = LocalisationMetric.share(j.truth(i)) > 0 ? LocalisationMetric.share(zone(j, j.truth(i))) : Double.NaN;
    }
    return out;
  }

  /** Each item's tolerance zone ({@link #zone}), [n][H*W]: where the pointing game counts a maximum as a hit. */
  public static boolean[][] zones(Judged j) {
    boolean[][] out = new boolean[j.n()][];
    for (int i = 0; i < out.length; i++) out[i] = zone(j, j.truth(i));
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
