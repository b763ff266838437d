package org.spectrolens.acoustics;

/**
 * Short-term analysis frames centred in a sound, as Praat lays them out: sample i is centred at
 * (i + 0.5) / rate, there are 1 + floor((duration - windowDuration) / step) frames, and the
 * middle of the frame grid is the middle of the sound.
 */
record AnalysisFrames(int count, double firstTime, double step) {

  static AnalysisFrames centred(int sampleCount, int sampleRate, double windowDuration, double step) {
    // Computed as Praat does (count x sample period, no tolerance), so that frame counts agree
    // with Praat's even where the quotient lands a rounding error below an integer.
    double duration = sampleCount * (1.0 / sampleRate);
    int n = (int) Math.floor((duration - windowDuration) / step) + 1;
    if (n < 1) return new AnalysisFrames(0, Double.NaN, step);
    double t1 = 0.5 * duration - 0.5 * (n - 1) * step;
    return new AnalysisFrames(n, t1, step);
  }

  double time(int frame) {
    return firstTime + frame * step;
  }

  double[] times() {
    double[] t = new double[count];
    for (int i = 0; i < count; i++) t[i] = time(i);
    return t;
  }

  /**
   * First sample of an even-length window of {@code 2 * half} samples centred at time t: half the
   * samples lie before t, half after.
   */
  static int windowStart(double t, int sampleRate, int half) {
    int left = (int) Math.floor(t * sampleRate - 0.5);
    return left - half + 1;
  }
}
