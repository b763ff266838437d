package org.spectrolens.synth.channel;

import org.spectrolens.dsp.Biquad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each part of a channel against its closed form. */
class ChannelPartsTest {
  private static final int SR = 22050;

  @Test
  void theButterworthSectionsAreTheBilinearButterworthFilter() {
    for (int order : new int[] {2, 4, 6}) {
      for (double f = 50; f < 3950; f += 97) {
        double t = Math.tan(Math.PI * f / 8000);
        double lo = 1 / Math.sqrt(1 + Math.pow(Math.tan(Math.PI * 300 / 8000) / t, 2 * order));
        double hi = 1 / Math.sqrt(1 + Math.pow(t / Math.tan(Math.PI * 3400 / 8000), 2 * order));
        assertEquals(lo, product(Biquad.butterworth(true, order, 300, 8000), f, 8000), 1e-9, "high-pass " + order + " at " + f);
        assertEquals(hi, product(Biquad.butterworth(false, order, 3400, 8000), f, 8000), 1e-9, "low-pass " + order + " at " + f);
      }
    }
  }

  private static double product(Biquad[] sections, double f, int sr) {
    double m = 1;
    for (Biquad b : sections) m *= b.magnitude(f, sr);
    return m;
  }

  @Test
  void theTelephoneBandPasses1kHzAndStops200HzAnd3800Hz() {
    // closed form of the band (fourth-order Butterworth filters, forwards and backwards):
    // amplitude 1 / (1 + (t(300) / t(f))^8) / (1 + (t(f) / t(3400))^8), t(f) = tan(pi f / 8000)
    double t200 = Math.tan(Math.PI * 200 / 8000);
    double t300 = Math.tan(Math.PI * 300 / 8000);
    double expected200 = 20 * Math.log10(1 / (1 + Math.pow(t300 / t200, 8)));
    assertEquals(-28.6, expected200, 0.1);
    assertEquals(expected200, 20 * Math.log10(Telephone.response(200)), 1e-6);
    assertEquals(0, 20 * Math.log10(Telephone.response(1000)), 0.01);
    assertTrue(20 * Math.log10(Telephone.response(3800)) < -70);

    assertEquals(0, gainDb(1000), 0.05, "1 kHz through the line");
    assertEquals(expected200, gainDb(200), 0.3, "200 Hz through the line");
    // 3.8 kHz: the band's -77 dB, and the resampler's stop band beside it
    assertTrue(gainDb(3800) < -60, "3.8 kHz through the line: " + gainDb(3800));
    assertTrue(gainDb(6000) < -80, "6 kHz, above the 8 kHz line's Nyquist: " + gainDb(6000));
  }

  /** The line's gain (dB) for a steady sine at {@code f}, over the middle half second of 1.5 s. */
  private static double gainDb(double f) {
    double[] x = sine(f, (int) (1.5 * SR));
    double[] y = Telephone.apply(x, SR);
    assertEquals(x.length, y.length);
    return 20 * Math.log10(rms(y, SR / 2, SR) / rms(x, SR / 2, SR));
  }

  @Test
  void theMicrophoneFollowsItsResponse() {
    Microphone mic = new Microphone(120, 7000, 3000, 6, 1.2);
    for (double f : new double[] {60, 120, 500, 1500, 3000, 6000, 9000}) {
      double[] x = sine(f, SR);
      double[] y = x.clone();
      mic.apply(y, SR);
      double measured = 20 * Math.log10(rms(y, SR / 4, 3 * SR / 4) / rms(x, SR / 4, 3 * SR / 4));
      assertEquals(20 * Math.log10(mic.response(f, SR)), measured, 0.05, "at " + f + " Hz");
    }
    // the peak gives its gain, the Butterworth corners -6 dB (-3 dB each way)
    assertEquals(6, 20 * Math.log10(new Microphone(20, 10000, 3000, 6, 1.2).response(3000, SR)), 0.1);
    assertEquals(-6.02, 20 * Math.log10(new Microphone(120, 10000, 3000, 0, 1.2).response(120, SR)), 0.05);
  }

  @Test
  void theRoomsDecayMeasuredBySchroederIntegrationIsItsRt60() {
    SplittableRandom rng = new SplittableRandom(5);
    for (double rt60 : new double[] {0.15, 0.3, 0.5, 0.8}) {
      for (double drr : new double[] {0, 10}) {
        double[] h = new Room(rt60, drr).impulseResponse(SR, rng);
        assertEquals(1, h[0], 0);
        double tail = 0;
        for (int i = 1; i < h.length; i++) tail += h[i] * h[i];
        assertEquals(drr, 10 * Math.log10(1 / tail), 1e-9, "direct-to-reverberant ratio");
        assertEquals(rt60, schroederT20(h), 0.03 * rt60, "RT60 " + rt60 + " s");
      }
    }
  }

  /**
   * Schroeder's (1965) backward-integrated energy decay of the tail, a least-squares line through
   * it from -5 to -25 dB, extrapolated to 60 dB (ISO 3382's T20).
   */
  private static double schroederT20(double[] h) {
    double[] edc = new double[h.length];
    double sum = 0;
    for (int i = h.length - 1; i >= 1; i--) {
      sum += h[i] * h[i];
      edc[i] = sum;
    }
    List<double[]> points = new ArrayList<>();
    for (int i = 1; i < h.length; i++) {
      double db = 10 * Math.log10(edc[i] / edc[1]);
      if (db <= -5 && db >= -25) points.add(new double[] {i / (double) SR, db});
    }
    double mt = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double md = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (double[] p : points) {
      num += (p[0] - mt) * (p[1] - md);
      den += (p[0] - mt) * (p[0] - mt);
    }
    return -60 / (num / den);
  }

  @Test
  void fftConvolutionIsDirectConvolutionCutToTheInput() {
    SplittableRandom rng = new SplittableRandom(2);
    double[] x = new double[1000];
    double[] h = new double[333];
    for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
    for (int i = 0; i < h.length; i++) h[i] = rng.nextGaussian();
    double[] y = Room.convolve(x, h);
    assertEquals(x.length, y.length);
    for (int n = 0; n < x.length; n++) {
      double direct = 0;
      for (int k = 0; k <= Math.min(n, h.length - 1); k++) direct += h[k] * x[n - k];
      assertEquals(direct, y[n], 1e-9);
    }
  }

  @Test
  void pinkNoiseFallsThreeDecibelsPerOctave() {
    double[] p = BackgroundNoise.pink(1 << 18, new SplittableRandom(3));
    // power in [f, 2f) is the same in every octave for 1/f noise
    double low = bandPower(p, 250, 500);
    double high = bandPower(p, 2000, 4000);
    assertEquals(0, 10 * Math.log10(high / low), 0.5);
  }

  /** Power of {@code x} between {@code lo} and {@code hi} Hz, by the DFT at SR (bins summed). */
  private static double bandPower(double[] x, double lo, double hi) {
    double[] a = x.clone();
    new org.jtransforms.fft.DoubleFFT_1D(a.length).realForward(a);
    double sum = 0;
    for (int k = (int) Math.ceil(lo * a.length / SR); k < hi * a.length / SR; k++) sum += a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
    return sum;
  }

  @Test
  void parsesItsLabelsOnly() {
    assertEquals(Channel.Variety.VARIED, Channel.Variety.parse("varied"));
    assertEquals(Channel.Variety.CLEAN, Channel.Variety.parse(Channel.Variety.CLEAN.label()));
    assertThrows(IllegalArgumentException.class, () -> Channel.Variety.parse("Varied"));
  }

  static double[] sine(double f, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = 0.1 * Math.sin(2 * Math.PI * f * i / SR);
    return x;
  }

  static double rms(double[] x, int a, int b) {
    double s = 0;
    for (int i = a; i < b; i++) s += x[i] * x[i];
    return Math.sqrt(s / (b - a));
  }
}
