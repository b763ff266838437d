package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {
  private static final double AMP = 0.5;
  private static final double PHASE = 0.3;

  /** Amplitude and phase of the best least-squares fit a*cos + b*sin at f over the clip's middle. */
  static double[] fit(float[] y, int rate, double f) {
    int from = y.length / 5;
    int to = y.length - y.length / 5;
    double cc = 0, ss = 0, cs = 0, yc = 0, ys = 0;
    for (int n = from; n < to; n++) {
      double w = 2 * Math.PI * f * n / rate;
      double c = Math.cos(w), s = Math.sin(w);
      cc += c * c; ss += s * s; cs += c * s; yc += y[n] * c; ys += y[n] * s;
    }
    double det = cc * ss - cs * cs;
    double a = (yc * ss - ys * cs) / det;
    double b = (ys * cc - yc * cs) / det;
    // y = A sin(w + phi) = A sin(phi) cos + A cos(phi) sin
    return new double[] {Math.hypot(a, b), Math.atan2(a, b)};
  }

  static Clip tone(double f, int rate, double seconds) {
    float[] s = new float[(int) Math.round(seconds * rate)];
    for (int n = 0; n < s.length; n++) s[n] = (float) (AMP * Math.sin(2 * Math.PI * f * n / rate + PHASE));
    return new Clip(s, rate);
  }

  @ParameterizedTest
  @CsvSource({"22050,16000", "44100,22050", "16000,22050", "48000,22050"})
  void inBandTonesKeepAmplitudeAndPhase(int from, int to) {
    double lowerNyquist = Math.min(from, to) / 2.0;
    for (double f : new double[] {1000, 0.8 * lowerNyquist}) {
      Clip out = Resampler.resample(tone(f, from, 0.5), to);
      assertEquals(Math.round(0.5 * from * (double) to / from), out.samples().length);
      double[] ap = fit(out.samples(), to, f);
      double db = 20 * Math.log10(ap[0] / AMP);
      assertTrue(Math.abs(db) < 0.1, f + " Hz changed by " + db + " dB");
      assertEquals(PHASE, ap[1], 1e-3, "zero group delay: phase at " + f + " Hz");
    }
  }

  @ParameterizedTest
  @CsvSource({"22050,16000", "44100,22050", "48000,22050"})
  void tonesAboveNewNyquistAreRemoved(int from, int to) {
    double nyquist = to / 2.0;
    for (double f : new double[] {1.03 * nyquist, 1.2 * nyquist, Math.min(0.95 * from / 2.0, 1.8 * nyquist)}) {
      Clip out = Resampler.resample(tone(f, from, 0.5), to);
      double alias = Math.abs(to - f); // where a tone between Nyquist and the new rate folds to
      double db = 20 * Math.log10(fit(out.samples(), to, alias)[0] / AMP);
      assertTrue(db < -80, f + " Hz leaks at " + alias + " Hz: " + db + " dB");
    }
  }

  @Test
  void upsamplingLeavesNoImages() {
    // 16 kHz -> 22.05 kHz: a 6.4 kHz tone has its first image at 16000 - 6400 = 9600 Hz
    Clip out = Resampler.resample(tone(6400, 16000, 0.5), 22050);
    double db = 20 * Math.log10(fit(out.samples(), 22050, 9600)[0] / AMP);
    assertTrue(db < -80, "image at 9600 Hz: " + db + " dB");
  }

  @Test
  void sameRateReturnsTheClipAndMetadataIsKept() {
    Clip c = new Clip(new float[] {1, 2, 3}, 16000, "a.wav", 1.5);
    assertSame(c, Resampler.resample(c, 16000));
    Clip r = Resampler.resample(c, 8000);
    assertEquals(2, r.samples().length); // round(3 * 8000 / 16000) = round(1.5)
    assertEquals("a.wav", r.source());
    assertEquals(1.5, r.offsetSeconds());
    assertEquals(8000, r.sampleRate());
  }

  @Test
  void phasesComputedOnTheFlyEqualTheTable() {
    float[] x = tone(440, 22050, 0.05).samples();
    float[] table = new Resampler.Kernel(22050, 16000, true).apply(x);
    float[] onTheFly = new Resampler.Kernel(22050, 16000, false).apply(x);
    assertArrayEquals(table, onTheFly);
  }

  @Test
  void emptyAndTinyClips() {
    assertEquals(0, Resampler.resample(new Clip(new float[0], 22050), 16000).samples().length);
    float[] one = Resampler.resample(new Clip(new float[] {1f}, 16000), 48000).samples();
    assertEquals(3, one.length);
    assertTrue(one[0] > 0.9f && one[0] < 1.1f, "the sample itself lands on output 0: " + one[0]);
  }

  @Test
  void reducesTheRatioByTheGcd() {
    Resampler.Kernel k = Resampler.kernel(22050, 16000);
    assertEquals(320, k.up);
    assertEquals(441, k.down);
  }

  @Test
  void besselI0MatchesKnownValues() {
    assertEquals(1.0, Resampler.besselI0(0), 0);
    assertEquals(1.2660658777520084, Resampler.besselI0(1), 1e-15);
    assertEquals(2815.716628466254, Resampler.besselI0(10), 1e-9);
  }
}
