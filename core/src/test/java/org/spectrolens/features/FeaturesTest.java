package org.spectrolens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.TimeAxis;

/** Every feature on closed-form signals, against the formula of its librosa definition. */
class FeaturesTest {
  private static final int SR = 22050;

  static float[] sine(double hz, double amplitude, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
    return x;
  }

  private static Analysis analysis(float[] x) {
    return Analysis.of(new Clip(x, SR, "test.wav", 0.0));
  }

  /** Frames whose whole window lies inside a signal of n samples (no padding effect). */
  private static int[] interior(Analysis a, int n) {
    int from = (Analysis.N_FFT / 2 + a.hop() - 1) / a.hop();
    int to = (n - Analysis.N_FFT / 2) / a.hop();
    return new int[] {from, to};
  }

  @Test
  void centroidOfAToneIsItsFrequency() {
    for (double hz : new double[] {440.0, 1000.0, 3150.0}) {
      float[] x = sine(hz, 0.5, SR);
      Analysis a = analysis(x);
      float[] c = Features.of("centroid").compute(a).column("centroid");
      int[] in = interior(a, x.length);
      double worst = 0;
      for (int t = in[0]; t <= in[1]; t++) {
        assertEquals(hz, c[t], 0.5, hz + " Hz, frame " + t);
        worst = Math.max(worst, Math.abs(c[t] - hz));
      }
      System.out.printf("centroid of a %.0f Hz tone: max |error| %.4f Hz%n", hz, worst);
    }
  }

  @Test
  void bandwidthOfTwoEqualTonesIsHalfTheirDistance() {
    // magnitudes concentrated at f1 and f2 with equal weight: centroid (f1+f2)/2, spread |f2-f1|/2
    // (plus the main lobe's own width, 0.5 bin, negligible here)
    double binHz = SR / 2048.0;
    double f1 = 93 * binHz;
    double f2 = 279 * binHz;
    float[] x = sine(f1, 0.4, SR);
    float[] y = sine(f2, 0.4, SR);
    for (int i = 0; i < x.length; i++) x[i] += y[i];
    Analysis a = analysis(x);
    float[] b = Features.of("bandwidth").compute(a).column("bandwidth");
    float[] c = Features.of("centroid").compute(a).column("centroid");
    int[] in = interior(a, x.length);
    double expected = Math.sqrt(Math.pow((f2 - f1) / 2, 2) + 0.25 * binHz * binHz);
    for (int t = in[0]; t <= in[1]; t++) {
      assertEquals((f1 + f2) / 2, c[t], 0.5, "centroid, frame " + t);
      assertEquals(expected, b[t], 0.005 * expected, "bandwidth, frame " + t);
    }
  }

  @Test
  void rolloffOfAToneIsWithinItsMainLobe() {
    double binHz = SR / 2048.0;
    float[] x = sine(2000.0, 0.5, SR);
    Analysis a = analysis(x);
    float[] r = Features.of("rolloff").compute(a).column("rolloff");
    int[] in = interior(a, x.length);
    for (int t = in[0]; t <= in[1]; t++) assertEquals(2000.0, r[t], 2 * binHz, "frame " + t);
  }

  @Test
  void flatnessIsOneForAFlatSpectrumNearExpMinusGammaForNoiseAndNearZeroForATone() {
    // an impulse at the centre of frame 4: |X_k| = w[N/2] = 1 for every k, flatness exactly 1
    float[] click = new float[SR / 2];
    click[4 * 512] = 1f;
    float[] f = Features.of("flatness").compute(analysis(click)).column("flatness");
    assertEquals(1.0, f[4], 1e-5);
    // white Gaussian noise: each bin's power is exponential, E[ln P] = ln E[P] - gamma, so the
    // flatness of a frame tends to exp(-0.5772) = 0.5615 (the expected spectrum's flatness is 1)
    Random rnd = new Random(1);
    float[] noise = new float[2 * SR];
    for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.1 * rnd.nextGaussian());
    Analysis a = analysis(noise);
    float[] fn = Features.of("flatness").compute(a).column("flatness");
    int[] in = interior(a, noise.length);
    double mean = 0;
    for (int t = in[0]; t <= in[1]; t++) mean += fn[t];
    mean /= in[1] - in[0] + 1;
    System.out.printf("flatness: impulse %.7f, white noise mean %.4f (exp(-gamma) = 0.5615)%n", f[4], mean);
    assertEquals(Math.exp(-0.5772156649), mean, 0.02);
    float[] ft = Features.of("flatness").compute(analysis(sine(1000, 0.5, SR))).column("flatness");
    System.out.printf("flatness of a 1000 Hz tone: %.2e%n", ft[10]);
    assertTrue(ft[10] < 1e-3, "tone flatness " + ft[10]);
  }

  @Test
  void zeroCrossingRateOfASineIsTwiceItsFrequencyOverTheRate() {
    for (double hz : new double[] {100.0, 441.0, 2000.0}) {
      float[] x = sine(hz, 0.5, SR);
      Analysis a = analysis(x);
      float[] z = Features.of("zcr").compute(a).column("zcr");
      int[] in = interior(a, x.length);
      double worst = 0;
      for (int t = in[0]; t <= in[1]; t++) {
        assertEquals(2 * hz / SR, z[t], 1.0 / 2048 + 1e-9, hz + " Hz, frame " + t);
        worst = Math.max(worst, Math.abs(z[t] - 2 * hz / SR));
      }
      System.out.printf("zcr of a %.0f Hz sine: max |error| %.2e per sample (1/2048 = %.2e)%n", hz, worst, 1.0 / 2048);
    }
  }

  @Test
  void rmsOfASineIsAmplitudeOverRootTwo() {
    float[] x = sine(440.0, 0.6, SR);
    Analysis a = analysis(x);
    float[] r = Features.of("rms").compute(a).column("rms");
    int[] in = interior(a, x.length);
    double worst = 0;
    for (int t = in[0]; t <= in[1]; t++) {
      assertEquals(0.6 / Math.sqrt(2), r[t], 0.002, "frame " + t);
      worst = Math.max(worst, Math.abs(r[t] - 0.6 / Math.sqrt(2)));
    }
    System.out.printf("rms of a 0.6 sine: max |error| %.2e%n", worst);
    // from magnitudes alone (librosa's Parseval form): the Hann window's mean square 3/8 is included
    Analysis m = Analysis.ofMagnitude(a.magnitude(), SR, 2048, 512, a.times());
    float[] rs = Features.of("rms").compute(m).column("rms");
    for (int t = in[0]; t <= in[1]; t++) assertEquals(0.6 / Math.sqrt(2) * Math.sqrt(3.0 / 8), rs[t], 0.002, "frame " + t);
  }

  @Test
  void fluxOfAStepIsTheStepInDbThreeFramesLater() {
    // magnitudes x10 from frame 10 on: every mel band's power rises by 20 dB at once
    int frames = 20;
    float[][] s = new float[1025][frames];
    for (float[] row : s) for (int t = 0; t < frames; t++) row[t] = t < 10 ? 0.01f : 0.1f;
    Analysis a = Analysis.ofMagnitude(s, SR, 2048, 512, TimeAxis.frames(SR, 512, 2048, true, frames, 0));
    float[] f = Features.of("flux").compute(a).column("flux");
    for (int t = 0; t < frames; t++) assertEquals(t == 12 ? 20.0 : 0.0, f[t], 1e-3, "frame " + t);
  }

  @Test
  void chromaOfA440PeaksAtA() {
    float[] x = sine(440.0, 0.5, SR);
    Analysis a = analysis(x);
    FeatureTrack c = Features.of("chroma").compute(a);
    assertEquals("chroma_C", c.names().get(0));
    assertEquals("chroma_A", c.names().get(9));
    int[] in = interior(a, x.length);
    for (int t = in[0]; t <= in[1]; t++) {
      assertEquals(1.0, c.values()[9][t], 1e-6, "A is the largest class, frame " + t);
      for (int i = 0; i < 12; i++) if (i != 9) assertTrue(c.values()[i][t] < 0.5, c.names().get(i) + " " + c.values()[i][t]);
    }
    // C5 (523.25 Hz) moves the peak to C
    FeatureTrack cc = Features.of("chroma").compute(analysis(sine(523.2511, 0.5, SR)));
    assertEquals(1.0, cc.values()[0][10], 1e-6);
  }

  @Test
  void contrastIsHighForATonesBandAndLowForNoise() {
    Random rnd = new Random(2);
    float[] x = sine(1000.0, 0.5, SR);
    for (int i = 0; i < x.length; i++) x[i] += (float) (1e-3 * rnd.nextGaussian());
    FeatureTrack c = Features.of("contrast").compute(analysis(x));
    assertEquals(7, c.columns());
    assertEquals("contrast_6", c.names().get(6));
    // 1000 Hz lies in band 3 (800..1600 Hz): peak at the tone, valley at the noise floor
    // power_to_db of magnitudes: 10 log10 of the peak/valley magnitude ratio
    System.out.printf("contrast: tone band %.1f dB, noise band %.1f dB%n", c.values()[3][10], c.values()[6][10]);
    assertTrue(c.values()[3][10] > 40, "tone band contrast " + c.values()[3][10]);
    assertTrue(c.values()[6][10] < 20, "noise band contrast " + c.values()[6][10]);
  }

  @Test
  void mfccDeltasOfASteadyToneVanishAndOfARampAreItsSlope() {
    float[] x = sine(700.0, 0.5, SR);
    Analysis a = analysis(x);
    FeatureTrack d = Features.of("mfcc-delta").compute(a);
    assertEquals(20, d.columns());
    int[] in = interior(a, x.length);
    for (int t = in[0] + 4; t <= in[1] - 4; t++) assertEquals(0.0, d.values()[0][t], 1e-3);
    // Savitzky-Golay: the delta of a ramp is its slope everywhere, edges included (interp);
    // the delta-delta of t^2 is 2
    float[][] ramp = new float[1][12];
    float[][] square = new float[1][12];
    for (int t = 0; t < 12; t++) {
      ramp[0][t] = 3 * t - 5;
      square[0][t] = t * t;
    }
    for (float v : Delta.librosa().apply(ramp, "ramp")[0]) assertEquals(3.0, v, 1e-5);
    for (float v : Delta.librosa().withOrder(2).apply(square, "square")[0]) assertEquals(2.0, v, 1e-4);
    // torchaudio's replicate edges: the interior is the slope, the ends see a flat extension
    float[] ta = Delta.torchaudio().apply(ramp, "ramp")[0];
    assertEquals(3.0, ta[5], 1e-5);
    assertEquals(3.0 * 5 / 10, ta[0], 1e-5); // (1*3 + 2*6) / 10 with x_{-1} = x_{-2} = x_0
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Delta.librosa().apply(new float[1][8], "short.wav"));
    assertEquals("short.wav: 8 frames are fewer than the delta width 9 (librosa's mode='interp' needs a whole window)", e.getMessage());
  }

  @Test
  void hpssSeparatesAToneFromClicks() {
    int n = SR;
    float[] tone = sine(1000.0, 0.3, n);
    float[] clicks = new float[n];
    for (int i = 2000; i < n; i += 5000) clicks[i] = 1f;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = tone[i] + clicks[i];
    Analysis a = analysis(x);
    Hpss.Masks m = Hpss.librosa().masks(a.magnitude());
    org.spectrolens.dsp.Istft inverse = new org.spectrolens.dsp.Istft(a.stft("test"));
    float[] h = inverse.invert(a.spectrum().times(m.harmonic()), n);
    float[] p = inverse.invert(a.spectrum().times(m.percussive()), n);
    double sumError = 0;
    for (int i = 0; i < n; i++) sumError = Math.max(sumError, Math.abs(h[i] + p[i] - x[i]));
    assertTrue(sumError < 1e-4, "harmonic + percussive = signal, max error " + sumError);
    // energy fractions on the masked magnitudes: the tone's band goes to the harmonic part, the
    // clicks' frames away from the tone to the percussive part
    float[][] mag = a.magnitude();
    double binHz = SR / 2048.0;
    double toneH = 0;
    double toneAll = 0;
    double clickP = 0;
    double clickAll = 0;
    for (int k = 0; k < mag.length; k++) {
      for (int t = 0; t < mag[k].length; t++) {
        double e = (double) mag[k][t] * mag[k][t];
        if (Math.abs(k * binHz - 1000) < 3 * binHz) {
          toneH += e * m.harmonic()[k][t] * m.harmonic()[k][t];
          toneAll += e;
        } else if (Math.abs(k * binHz - 1000) > 200 && Math.floorMod(t * 512 - 2000 + 256, 5000) <= 512) {
          clickP += e * m.percussive()[k][t] * m.percussive()[k][t];
          clickAll += e;
        }
      }
    }
    double hSnr = snrDb(tone, h);
    System.out.printf("HPSS tone+clicks: tone band %.3f harmonic, click frames %.3f percussive, harmonic vs tone %.1f dB%n",
        toneH / toneAll, clickP / clickAll, hSnr);
    assertTrue(toneH / toneAll > 0.95, "tone band energy in the harmonic part: " + toneH / toneAll);
    assertTrue(clickP / clickAll > 0.9, "click energy in the percussive part: " + clickP / clickAll);
    assertTrue(hSnr > 20, "harmonic part vs the tone: " + hSnr + " dB");
    FeatureTrack levels = Features.of("hpss").compute(a);
    assertEquals(List.of("harmonic_rms", "percussive_rms"), levels.names());
  }

  static double snrDb(float[] reference, float[] estimate) {
    double s = 0;
    double e = 0;
    for (int i = 0; i < reference.length; i++) {
      s += (double) reference[i] * reference[i];
      double d = estimate[i] - reference[i];
      e += d * d;
    }
    return 10 * Math.log10(s / e);
  }

  @Test
  void summaryIsMeanAndStdPerColumn() {
    FeatureTrack t = new FeatureTrack(TimeAxis.of(0, 0.1, 4), List.of("a", "b"), new float[][] {{1, 2, 3, 4}, {5, 5, 5, 5}});
    FeatureTrack.Summary s = t.summary(List.of(FeatureTrack.Statistic.MEAN, FeatureTrack.Statistic.STD));
    assertEquals(List.of("a_mean", "a_std", "b_mean", "b_std"), s.names());
    assertEquals(2.5, s.values()[0], 1e-12);
    assertEquals(Math.sqrt(1.25), s.values()[1], 1e-12);
    assertEquals(0.0, s.values()[3], 1e-12);
    assertTrue(t.csv().startsWith("time_s,a,b\n0.000000,1,5\n0.100000,2,5\n"), t.csv());
  }

  @Test
  void unknownFeatureAndSamplelessZcrAreOneLineErrors() {
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Features.of("loudness"));
    assertTrue(e.getMessage().startsWith("features: unknown feature 'loudness'; expected one of centroid, bandwidth"), e.getMessage());
    Analysis m = Analysis.ofMagnitude(new float[1025][3], SR, 2048, 512, TimeAxis.of(0, 0.1, 3));
    e = assertThrows(SpectrolensException.class, () -> Features.of("zcr").compute(m));
    assertEquals("zcr: needs the audio samples, not a spectrogram", e.getMessage());
  }
}
