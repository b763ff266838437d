package org.spectrolens.synth;

/**
 * Klatt's antiresonator (a pair of zeros), the inverse of {@link Resonator}: used with a nasal
 * pole to add the nasal zero; setting the zero equal to the pole cancels both for oral sounds.
 */
final class AntiResonator {
  private final double samplePeriod;
  private double a;
  private double b;
  private double c;
  private double x1;
  private double x2;

  AntiResonator(int sampleRate) {
    this.samplePeriod = 1.0 / sampleRate;
    set(500, 100);
  }

  void set(double frequency, double bandwidth) {
    double r = Math.exp(-Math.PI * bandwidth * samplePeriod);
    double cr = -r * r;
    double br = 2 * r * Math.cos(2 * Math.PI * frequency * samplePeriod);
    double ar = 1 - br - cr;
    a = 1 / ar;
    b = -br / ar;
    c = -cr / ar;
  }

  double process(double x) {
    double y = a * x + b * x1 + c * x2;
    x2 = x1;
    x1 = x;
    return y;
  }
}
