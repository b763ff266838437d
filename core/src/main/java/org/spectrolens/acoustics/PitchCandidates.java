package org.spectrolens.acoustics;

/**
 * The candidates of one pitch frame: the unvoiced one (its strength from the frame's loudness)
 * and up to max - 1 voiced ones (frequency and autocorrelation strength).
 */
final class PitchCandidates {
  /** Half-width in lags of the sinc interpolation (Praat's standard depth for "ac"). */
  static final int SINC_DEPTH = 70;

  final double unvoicedStrength;
  final double[] frequency;
  final double[] strength;
  private final int[] peakLag;
  private final double[] rank;
  int voicedCount;

  PitchCandidates(int maxCandidates, double unvoicedStrength) {
    this.unvoicedStrength = unvoicedStrength;
    int voiced = maxCandidates - 1;
    frequency = new double[voiced];
    strength = new double[voiced];
    peakLag = new int[voiced];
    rank = new double[voiced];
  }

  /** Local strength of a voiced candidate: strength minus the octave cost below the ceiling. */
  static double localStrength(double strength, double frequency, double octaveCost, double ceiling) {
    return strength - octaveCost * Math.log(ceiling / frequency) / Math.log(2.0);
  }

  /** Keeps the peak if there is room or it beats the weakest kept one. */
  void offer(double freq, double str, int lag, double octaveCost, double ceiling) {
    double local = localStrength(str, freq, octaveCost, ceiling);
    int slot;
    if (voicedCount < frequency.length) {
      slot = voicedCount++;
    } else {
      slot = 0;
      for (int i = 1; i < voicedCount; i++) if (rank[i] < rank[slot]) slot = i;
      if (local <= rank[slot]) return;
    }
    frequency[slot] = freq;
    strength[slot] = str;
    peakLag[slot] = lag;
    rank[slot] = local;
  }

  /**
   * Replaces each parabolic estimate by the maximum of the sinc-interpolated autocorrelation
   * within one lag of the peak (golden-section search); strengths above 1 (possible after the
   * window division) become their inverse; candidates at or above the ceiling are dropped.
   */
  void refine(double[] r, int rate, double ceiling) {
    int kept = 0;
    for (int c = 0; c < voicedCount; c++) {
      int k = peakLag[c];
      double lo = k - 1.0, hi = k + 1.0;
      final double g = 0.5 * (Math.sqrt(5.0) - 1.0);
      double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
      double f1 = sinc(r, x1), f2 = sinc(r, x2);
      while (hi - lo > 1e-5) {
        if (f1 > f2) {
          hi = x2;
          x2 = x1;
          f2 = f1;
          x1 = hi - g * (hi - lo);
          f1 = sinc(r, x1);
        } else {
          lo = x1;
          x1 = x2;
          f1 = f2;
          x2 = lo + g * (hi - lo);
          f2 = sinc(r, x2);
        }
      }
      double lag = 0.5 * (lo + hi);
      double str = sinc(r, lag);
      if (str > 1.0) str = 1.0 / str;
      double freq = rate / lag;
      if (freq >= ceiling) continue;
      frequency[kept] = freq;
      strength[kept] = str;
      peakLag[kept] = k;
      kept++;
    }
    voicedCount = kept;
  }

  /**
   * Band-limited interpolation of r at fractional lag x: sum of r[i] sinc(pi (x - i)) with a
   * raised-cosine taper over SINC_DEPTH lags each side; r is even (r[-i] = r[i]) and ends at its
   * last element.
   */
  static double sinc(double[] r, double x) {
    int left = (int) Math.floor(x);
    double frac = x - left;
    if (frac == 0.0) return r[Math.abs(left)];
    int last = r.length - 1;
    double sinPiFrac = Math.sin(Math.PI * frac);
    double taper = Math.PI / (SINC_DEPTH + 0.5);
    double sum = 0.0;
    // Terms i = left - m (d = frac + m) and i = left + 1 + m (d = frac - 1 - m), m = 0..depth-1.
    for (int m = 0; m < SINC_DEPTH; m++) {
      double sign = (m & 1) == 0 ? 1.0 : -1.0;
      int i = left - m;
      if (Math.abs(i) <= last) {
        double d = frac + m;
        sum += r[Math.abs(i)] * sign * sinPiFrac / (Math.PI * d) * (0.5 + 0.5 * Math.cos(taper * d));
      }
      i = left + 1 + m;
      if (Math.abs(i) <= last) {
        double d = frac - 1 - m; // sin(pi d) = sin(pi frac) * (-1)^(m+1)
        sum += r[Math.abs(i)] * (-sign) * sinPiFrac / (Math.PI * d) * (0.5 + 0.5 * Math.cos(taper * d));
      }
    }
    return sum;
  }
}
