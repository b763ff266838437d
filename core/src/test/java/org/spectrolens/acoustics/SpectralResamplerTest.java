package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.audio.Clip;

class SpectralResamplerTest {
  /** sin(2 pi f t) sampled at sample centres t = (i + 0.5) / rate. */
  private static float[] sine(int rate, double seconds, double f) {
    float[] x = new float[(int) Math.round(rate * seconds)];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(2 * Math.PI * f * (i + 0.5) / rate);
    return x;
  }

  private static double worstInside(float[] y, int rate, double f, double amplitude) {
    double worst = 0;
    for (int i = y.length / 5; i < 4 * y.length / 5; i++) {
      worst = Math.max(worst, Math.abs(y[i] - amplitude * Math.sin(2 * Math.PI * f * (i + 0.5) / rate)));
    }
    return worst;
  }

  @Test
  void downsamplingKeepsTheBandAndTheSampleCentres() {
    Clip in = new Clip(sine(22050, 0.4, 1000), 22050);
    Clip out = SpectralResampler.resample(in, 11000);
    assertEquals(11000, out.sampleRate());
    assertEquals(4400, out.samples().length); // round(8820 x 11000 / 22050)
    assertTrue(worstInside(out.samples(), 11000, 1000, 1.0) < 1e-3);
  }

  @Test
  void downsamplingRemovesWhatLiesAboveTheNewNyquistFrequency() {
    float[] a = sine(22050, 0.4, 1000), b = sine(22050, 0.4, 7000);
    float[] x = new float[a.length];
    for (int i = 0; i < x.length; i++) x[i] = a[i] + b[i];
    Clip out = SpectralResampler.resample(new Clip(x, 22050), 11000);
    assertTrue(worstInside(out.samples(), 11000, 1000, 1.0) < 2e-3, "7 kHz would alias to 4 kHz");
  }

  @Test
  void upsamplingInterpolates() {
    Clip out = SpectralResampler.resample(new Clip(sine(8000, 0.3, 440), 8000), 11025);
    assertEquals(Math.round(2400 * 11025 / 8000.0), out.samples().length);
    assertTrue(worstInside(out.samples(), 11025, 440, 1.0) < 1e-3);
  }

  @Test
  void sameRateIsUntouched() {
    Clip in = new Clip(sine(11000, 0.1, 300), 11000);
    assertSame(in, SpectralResampler.resample(in, 11000));
  }
}
