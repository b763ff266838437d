package org.spectrolens.synth;

/**
 * Formant bandwidth from formant frequency and F0 (Hawks &amp; Miller 1995, JASA 97:1343;
 * coefficients as published): bandwidths widen with F0.
 */
public final class Bandwidths {
  private Bandwidths() {}

  public static double hawksMiller(double formant, double f0) {
    double s = 1 + 0.25 * (f0 - 132) / 88;
    double f = Math.min(formant, 5000); // the fit covers 0-5 kHz
    double b;
    if (f < 500) {
      b = 165.327516 - 6.73636734e-1 * f + 1.80874446e-3 * f * f - 4.52201682e-6 * f * f * f
          + 7.49514000e-9 * Math.pow(f, 4) - 4.70219241e-12 * Math.pow(f, 5);
    } else {
      b = 15.8146139 + 8.10159009e-2 * f - 9.79728215e-5 * f * f + 5.28725064e-8 * f * f * f
          - 1.07099364e-11 * Math.pow(f, 4) + 7.91528509e-16 * Math.pow(f, 5);
    }
    return Math.max(30, s * b);
  }
}
