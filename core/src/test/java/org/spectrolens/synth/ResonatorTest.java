package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResonatorTest {
  private static final int SR = 22050;

  @Test
  void impulseResponseIsTheDampedSinusoidOfItsPoles() {
    double f = 700;
    double bw = 90;
    Resonator r = new Resonator(SR);
    r.set(f, bw);
    // Poles r e^{±jθ}: h[n] = A r^n sin((n+1)θ) / sin θ, with r = exp(-π BW T), θ = 2π F T.
    double radius = Math.exp(-Math.PI * bw / SR);
    double theta = 2 * Math.PI * f / SR;
    double a = 1 - 2 * radius * Math.cos(theta) + radius * radius;
    for (int n = 0; n < 400; n++) {
      double y = r.process(n == 0 ? 1 : 0);
      double expected = a * Math.pow(radius, n) * Math.sin((n + 1) * theta) / Math.sin(theta);
      assertEquals(expected, y, 1e-12, "n=" + n);
    }
  }

  @Test
  void unityGainAtZeroHertz() {
    Resonator r = new Resonator(SR);
    r.set(1500, 120);
    double y = 0;
    for (int n = 0; n < 20000; n++) y = r.process(1.0);
    assertEquals(1.0, y, 1e-9);
    assertEquals(1.0, r.gainAt(0), 1e-12);
  }

  @Test
  void gainAtTheCentreMatchesASteadySine() {
    Resonator r = new Resonator(SR);
    double f = 2500;
    r.set(f, 150);
    double peak = 0;
    for (int n = 0; n < 40000; n++) {
      double y = r.process(Math.sin(2 * Math.PI * f * n / SR));
      if (n > 30000) peak = Math.max(peak, Math.abs(y));
    }
    assertEquals(r.gainAt(f), peak, 1e-3 * peak);
  }

  @Test
  void antiResonatorUndoesTheResonator() {
    Resonator r = new Resonator(SR);
    AntiResonator z = new AntiResonator(SR);
    r.set(450, 100);
    z.set(450, 100);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int n = 0; n < 2000; n++) {
      double x = rng.nextGaussian();
      assertEquals(x, z.process(r.process(x)), 1e-9);
    }
  }
}
