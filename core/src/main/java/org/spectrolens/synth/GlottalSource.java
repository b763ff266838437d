package org.spectrolens.synth;

import java.util.random.RandomGenerator;

/**
 * Glottal volume velocity as Rosenberg (1971) pulses: a raised-cosine opening over 71 % of the
 * open phase, a quarter-cosine closing over the rest, then closure. Pitch-synchronous: period,
 * amplitude and shape are set at each pulse onset from the tracks, with jitter (period) and
 * shimmer (amplitude) drawn per pulse and aspiration noise gated to the open phase.
 */
final class GlottalSource {
  private final int sampleRate;
  private final Tracks tracks;
  private final RandomGenerator rng;
  private final VoiceQuality voice;
  private final double tilt;
  private double tilted;
  private boolean active;
  private double periodStart;
  private double period;
  private double opening;
  private double closing;
  private double amplitude;

  GlottalSource(int sampleRate, Tracks tracks, VoiceQuality voice, RandomGenerator rng) {
    this.sampleRate = sampleRate;
    this.tracks = tracks;
    this.voice = voice;
    this.tilt = voice.tiltCoefficient(sampleRate);
    this.rng = rng;
  }

  /** The flow at sample n through the voice's tilt filter (samples must be asked for in order). */
  double next(int n) {
    double x = pulse(n);
    if (tilt == 0) return x; // no tilt: the pulse itself, bit for bit
    tilted = (1 - tilt) * x + tilt * tilted;
    return tilted;
  }

  private double pulse(int n) {
    if (!active || n - periodStart >= period) {
      int f = Math.min(tracks.frames - 1, (int) (n / (sampleRate * Tracks.FRAME)));
      if (tracks.av[f] <= 1e-4 || tracks.f0[f] <= 0) {
        active = false;
        return 0;
      }
      periodStart = active ? periodStart + period : n;
      if (n - periodStart >= 1) periodStart = n; // never lag behind after long periods
      active = true;
      period = sampleRate / tracks.f0[f] * (1 + voice.jitter() * rng.nextGaussian());
      amplitude = tracks.av[f] * Math.max(0.5, 1 + voice.shimmer() * rng.nextGaussian());
      double open = voice.openQuotient() * period;
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
    return amplitude * (g + voice.breathiness() * rng.nextGaussian());
  }
}
