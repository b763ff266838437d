package org.spectrolens.synth;

import java.util.random.RandomGenerator;

/**
 * Glottal volume velocity as Rosenberg (1971) pulses: a raised-cosine opening over 71 % of the
 * open phase, a quarter-cosine closing over the rest, then closure. Pitch-synchronous: period,
 * amplitude and shape are set at each pulse onset from the tracks, with jitter (period) and
 * shimmer (amplitude) drawn per pulse and aspiration noise gated to the open phase.
 */
final class GlottalSource {
  static final double JITTER = 0.005;
  static final double SHIMMER = 0.04;

  private final int sampleRate;
  private final Tracks tracks;
  private final RandomGenerator rng;
  private final double openQuotient;
  private final double breath;
  private boolean active;
  private double periodStart;
  private double period;
  private double opening;
  private double closing;
  private double amplitude;

  GlottalSource(int sampleRate, Tracks tracks, double openQuotient, double breath, RandomGenerator rng) {
    this.sampleRate = sampleRate;
    this.tracks = tracks;
    this.openQuotient = openQuotient;
    this.breath = breath;
    this.rng = rng;
  }

  /** The flow at sample n (samples must be asked for in order). */
  double next(int n) {
    if (!active || n - periodStart >= period) {
      int f = Math.min(tracks.frames - 1, (int) (n / (sampleRate * Tracks.FRAME)));
      if (tracks.av[f] <= 1e-4 || tracks.f0[f] <= 0) {
        active = false;
        return 0;
      }
      periodStart = active ? periodStart + period : n;
      if (n - periodStart >= 1) periodStart = n; // never lag behind after long periods
      active = true;
      period = sampleRate / tracks.f0[f] * (1 + JITTER * rng.nextGaussian());
      amplitude = tracks.av[f] * Math.max(0.5, 1 + SHIMMER * rng.nextGaussian());
      double open = openQuotient * period;
      opening = 0.71 * open;
      closing = open - opening;
    }
    double phase = n - periodStart;
    double g;
    if (phase < opening) {
      g = 0.5 * (1 - Math.cos(Math.PI * phase / opening));
    } else if (phase < opening + closing) {
      g = Math.cos(0.5 * Math.PI * (phase - opening) / closing);
    } else {
      return 0;
    }
    return amplitude * (g + breath * rng.nextGaussian());
  }
}
