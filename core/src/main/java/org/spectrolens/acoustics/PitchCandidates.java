package org.spectrolens.acoustics;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

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
   * within one lag of the peak (Brent's method); strengths above 1 (possible after the window
   * division) become their inverse; candidates at or above the ceiling are dropped.
   */
  void refine(double[] r, int rate, double ceiling) {
    int kept = 0;
    BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-7);
    for (int c = 0; c < voicedCount; c++) {
      int k = peakLag[c];
      double start = Math.max(k - 0.999, Math.min(k + 0.999, rate / frequency[c]));
      UnivariatePointValuePair best = brent.optimize(new MaxEval(100), GoalType.MAXIMIZE,
          new SearchInterval(k - 1.0, k + 1.0, start), new UnivariateObjectiveFunction(x -> sinc(r, x)));
      double lag = best.getPoint();
      double str = best.getValue();
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
    double frac = x - Math.floor(x);
    if (frac == 0.0) return r[Math.abs((int) x)];
    return SincInterpolation.at(r, x, SINC_DEPTH, true);
  }
}
