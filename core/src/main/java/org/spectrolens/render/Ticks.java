package org.spectrolens.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;

/**
 * Chooses round tick values. Linear axes get multiples of a 1-2-2.5-5 step (as matplotlib's
 * MaxNLocator); a frequency axis is placed through {@link FrequencyAxis#row(double)}, so on a mel or
 * log axis the same Hz spacing is not the same pixel spacing, and families that stay legible on a
 * warped axis (octaves 250, 500, 1000, 2000 Hz; 1-2-5 decades) compete with the linear ones. The
 * family with the most ticks that keeps every gap at least {@code minGap} pixels wins.
 */
final class Ticks {
  private Ticks() {}

  /** Tick values and whether their labels should share one number of decimals (linear families). */
  record Choice(double[] values, boolean uniformDecimals) {
    static final Choice NONE = new Choice(new double[0], true);
  }

  private static final double[] MANTISSAS = {1, 2, 2.5, 5};

  /**
   * Multiples of the smallest nice step that is at least {@code minGap} pixels long and leaves two
   * ticks in [lo, hi]; {@code integers} restricts steps to whole numbers (indices).
   */
  static Choice linear(double lo, double hi, double pxPerUnit, double minGap, boolean integers) {
    if (!(hi > lo) || !(pxPerUnit > 0)) return Choice.NONE;
    double minStep = minGap / pxPerUnit;
    int e0 = (int) Math.floor(Math.log10(minStep)) - 1;
    double[] fallback = null;
    for (int e = e0; e <= e0 + 20; e++) {
      for (double m : MANTISSAS) {
        double step = m * Math.pow(10, e);
        if (step < minStep * (1 - 1e-9)) continue;
        if (integers && (step < 1 || step != Math.rint(step))) continue;
        double[] v = multiples(lo, hi, m, e);
        if (v.length >= 2) return new Choice(v, true);
        if (fallback == null && v.length == 1) fallback = v;
        if (step > hi - lo && fallback != null) return new Choice(fallback, true);
      }
    }
    return fallback == null ? Choice.NONE : new Choice(fallback, true);
  }

  /** k * m * 10^e for all k with the value in [lo, hi], computed so that 0.1 * 3 prints as 0.3. */
  private static double[] multiples(double lo, double hi, double m, int e) {
    double step = m * Math.pow(10, e);
    long k0 = (long) Math.ceil(lo / step - 1e-9);
    long k1 = (long) Math.floor(hi / step + 1e-9);
    if (k1 - k0 > 10_000) return new double[0];
    List<Double> out = new ArrayList<>();
    for (long k = k0; k <= k1; k++) {
      double v = e >= 0 ? k * m * Math.pow(10, e) : k * m / Math.pow(10, -e);
      out.add(v == 0 ? 0.0 : v);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Round Hz values for a frequency axis drawn {@code pxPerRow} pixels per row, at least
   * {@code minGap} pixels apart ({@code minLinearGap} for evenly spaced multiples, which read as
   * crowded sooner than the uneven octave ticks of a warped axis).
   */
  static Choice frequency(FrequencyAxis axis, double pxPerRow, double minGap, double minLinearGap) {
    int n = axis.length();
    if (n == 0) return Choice.NONE;
    double loHz = axis.hz(-0.5);
    double hiHz = axis.hz(n - 0.5);
    List<Choice> families = new ArrayList<>();
    Choice lin = linearOnWarped(axis, pxPerRow, minLinearGap, Math.max(0, loHz), hiHz);
    boolean linearScale = axis.scale() == FrequencyScale.LINEAR;
    if (linearScale) families.add(lin);
    families.add(greedy(axis, pxPerRow, minGap, geometric(hiHz, new double[] {1}, 2.0)));
    families.add(greedy(axis, pxPerRow, minGap, geometric(hiHz, new double[] {1, 2, 5}, 10.0)));
    families.add(greedy(axis, pxPerRow, minGap, geometric(hiHz, new double[] {1}, 4.0)));
    families.add(greedy(axis, pxPerRow, minGap, geometric(hiHz, new double[] {1}, 10.0)));
    if (!linearScale) families.add(lin);
    Choice best = Choice.NONE;
    for (Choice c : families) if (c.values().length > best.values().length) best = c;
    return best;
  }

  /** The smallest linear step whose ticks are all at least minGap apart on this (possibly warped) axis. */
  private static Choice linearOnWarped(FrequencyAxis axis, double pxPerRow, double minGap, double lo, double hi) {
    if (!(hi > lo)) return Choice.NONE;
    // On Hz, mel and log axes the top gap is the narrowest, never wider than the average one.
    double avgPxPerHz = axis.length() * pxPerRow / (hi - lo);
    for (int e = 0; e <= 6; e++) {
      for (double m : MANTISSAS) {
        if (m * Math.pow(10, e) * avgPxPerHz < minGap) continue;
        double[] v = inside(axis, multiples(lo, hi, m, e));
        if (v.length < 2) continue;
        if (minPixelGap(axis, pxPerRow, v) >= minGap) return new Choice(v, true);
      }
    }
    return Choice.NONE;
  }

  /**
   * 0 and mantissa * 1000 * base^k Hz up to above hiHz, ascending; from 10 Hz, or from 125 Hz for
   * octaves and double octaves (62.5 Hz is not a label anyone wants to read).
   */
  private static double[] geometric(double hiHz, double[] mantissas, double base) {
    List<Double> out = new ArrayList<>();
    out.add(0.0);
    double lowest = base < 10 ? 125 : 10;
    for (int k = -12; k <= 12; k++) {
      double p = 1000.0 * Math.pow(base, k);
      if (p < lowest * (1 - 1e-9) || p > Math.max(hiHz, 0) * base) continue;
      for (double m : mantissas) out.add(m * p);
    }
    return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /**
   * Takes the candidates from the top down while each stays minGap below the last one taken; after
   * the first too-close value only 0 Hz may still join (the bottom of a mel axis is crowded).
   */
  private static Choice greedy(FrequencyAxis axis, double pxPerRow, double minGap, double[] candidates) {
    double[] v = inside(axis, candidates);
    List<Double> taken = new ArrayList<>();
    double last = Double.NaN;
    boolean stopped = false;
    for (int i = v.length - 1; i >= 0; i--) {
      if (stopped && v[i] != 0) continue;
      double px = (axis.row(v[i]) + 0.5) * pxPerRow;
      if (Double.isNaN(last) || last - px >= minGap) {
        taken.add(0, v[i]);
        last = px;
      } else {
        stopped = true;
      }
    }
    return new Choice(taken.stream().mapToDouble(Double::doubleValue).toArray(), false);
  }

  /** The values whose row lies within the drawn extent [-0.5, n - 0.5]. */
  private static double[] inside(FrequencyAxis axis, double[] hz) {
    int n = axis.length();
    List<Double> out = new ArrayList<>();
    for (double h : hz) {
      double r = axis.row(h);
      if (Double.isFinite(r) && r >= -0.5 - 1e-9 && r <= n - 0.5 + 1e-9) out.add(h);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double minPixelGap(FrequencyAxis axis, double pxPerRow, double[] hz) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 1; i < hz.length; i++) min = Math.min(min, (axis.row(hz[i]) - axis.row(hz[i - 1])) * pxPerRow);
    return min;
  }

  /** Labels for values divided by {@code unit}, trailing zeros dropped (or shared decimals when uniform). */
  static String[] labels(double[] values, double unit, boolean uniformDecimals) {
    int[] dec = new int[values.length];
    int maxDec = 0;
    for (int i = 0; i < values.length; i++) {
      dec[i] = decimals(values[i] / unit);
      maxDec = Math.max(maxDec, dec[i]);
    }
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      int d = uniformDecimals ? maxDec : dec[i];
      String s = String.format(Locale.ROOT, "%." + d + "f", values[i] / unit);
      if (s.matches("-0(\\.0+)?")) s = s.substring(1);
      out[i] = s.replace('-', '\u2212');
    }
    return out;
  }

  /** Fewest decimals (at most 6) that show x exactly to 1e-6 of its magnitude. */
  static int decimals(double x) {
    for (int d = 0; d < 6; d++) {
      double scaled = x * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return d;
    }
    return 6;
  }
}
