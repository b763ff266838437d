package org.spectrolens.synth;

/**
 * Klatt's (1980) second-order digital resonator, {@code y[n] = A x[n] + B y[n-1] + C y[n-2]},
 * with unity gain at 0 Hz. Its frequency and bandwidth may change between samples; the state is
 * kept so the output stays continuous (as in Klatt's synthesiser, which updates every frame).
 */
final class Resonator {
  private final double samplePeriod;
  private double a;
  private double b;
  private double c;
  private double y1;
  private double y2;

  Resonator(int sampleRate) {
    this.samplePeriod = 1.0 / sampleRate;
    set(500, 100);
  }

  /** Sets the centre frequency and bandwidth (Hz); a frequency of 0 makes a low-pass. */
  void set(double frequency, double bandwidth) {
    double r = Math.exp(-Math.PI * bandwidth * samplePeriod);
    c = -r * r;
    b = 2 * r * Math.cos(2 * Math.PI * frequency * samplePeriod);
    a = 1 - b - c;
  }

  /** |H| at {@code frequency} Hz: a resonator's peak gain is far above its unity DC gain. */
  double gainAt(double frequency) {
    double w = 2 * Math.PI * frequency * samplePeriod;
    double re = 1 - b * Math.cos(w) - c * Math.cos(2 * w);
    double im = b * Math.sin(w) + c * Math.sin(2 * w);
    return Math.abs(a) / Math.hypot(re, im);
  }

  double process(double x) {
    double y = a * x + b * y1 + c * y2;
    y2 = y1;
    y1 = y;
    return y;
  }
}
