package org.spectrolens.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.spectrogram.SpectrogramSpec;

class IdealBinaryMaskTest {
  static final int SR = 16000;
  static final int N_FFT = 512;
  static final int HOP = 128;

  /** periodic Hann, 512 points, hop 128, centred: 257 rows of 31.25 Hz, 126 columns for 1 s. */
  static InputFormat stft() {
    SpectrogramSpec s = SpectrogramSpec.torchaudio().withFft(N_FFT, N_FFT, HOP);
    return new InputFormat(s, 0, Double.NaN, N_FFT / 2 + 1, 1 + SR / HOP);
  }

  static Clip tone(double hz, double from, double to, double amplitude) {
    float[] s = new float[SR];
    for (int i = (int) (from * SR); i < (int) (to * SR); i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
    return new Clip(s, SR);
  }

  /**
   * A 1000 Hz tone (bin 32) from 0.25 to 0.75 s in silence: in every frame wholly inside the tone
   * the mask is exactly bins 31-33 (a bin-centred sinusoid under a periodic Hann window has
   * energy in its bin and its two neighbours only); no frame whose window misses the tone is
   * marked.
   */
  @Test
  void aPureToneInSilenceMarksExactlyItsBandAndSpan() {
    boolean[][] m = IdealBinaryMask.of(tone(1000, 0.25, 0.75, 0.5), new Clip(new float[SR], SR), stft());
    assertEquals(257, m.length);
    assertEquals(126, m[0].length);
    int inside = 0;
    for (int c = 0; c < m[0].length; c++) {
      double first = (c * HOP - N_FFT / 2) / (double) SR; // the frame's window, centred on c*hop
      double last = (c * HOP + N_FFT / 2) / (double) SR;
      boolean whollyInside = first >= 0.25 && last <= 0.75;
      boolean outside = last <= 0.25 || first >= 0.75;
      for (int r = 0; r < m.length; r++) {
        if (whollyInside) assertEquals(r >= 31 && r <= 33, m[r][c], "row " + r + " column " + c);
        if (outside) assertFalse(m[r][c], "row " + r + " column " + c);
      }
      if (whollyInside) inside++;
    }
    assertEquals(58, inside, "the windows of columns 34 to 91 lie wholly inside the tone");
    // the frames that straddle the hard onset and offset also hold the click's broadband energy
    assertTrue(IdealBinaryMask.area(m) >= 3.0 * 58 / (257 * 126));
  }

  /** Over noise 20 dB below it, the tone's cells are still its own; the noise's cells elsewhere are not. */
  @Test
  void aToneOverNoiseKeepsItsBandAndTheMarginMatters() {
    SplittableRandom rng = new SplittableRandom(1);
    float[] noise = new float[SR];
    for (int i = 0; i < SR; i++) noise[i] = (float) (0.005 * rng.nextGaussian());
    Clip t = tone(1000, 0.25, 0.75, 0.5);
    Clip n = new Clip(noise, SR);
    boolean[][] m = IdealBinaryMask.of(IdealBinaryMask.energy(t, stft()), IdealBinaryMask.energy(n, stft()), 0, 60);
    for (int c = 40; c < 90; c++) {
      assertTrue(m[32][c]);
      assertFalse(m[100][c]);
      assertFalse(m[5][c]);
    }
    for (int r = 0; r < 257; r++) assertFalse(m[r][5], "before the tone nothing is the tone's");
    // a margin above the tone-to-noise ratio in the centre bin leaves nothing
    boolean[][] none = IdealBinaryMask.of(IdealBinaryMask.energy(t, stft()), IdealBinaryMask.energy(n, stft()), 120, 60);
    assertEquals(0, IdealBinaryMask.area(none));
  }

  /** On a mel grid resized to 64x64 the marked rows are the ones whose band holds 1 kHz. */
  @Test
  void onAResizedMelGridTheRowsHoldTheTone() {
    SpectrogramSpec s = SpectrogramSpec.torchaudio().withKind(SpectrogramSpec.Kind.MEL).withFft(1024, 1024, 256).withMel(64, org.spectrolens.dsp.MelScale.HTK, SpectrogramSpec.MelNorm.NONE).withDb(true, 80);
    InputFormat f = new InputFormat(s, 0, Double.NaN, 64, 64);
    boolean[][] m = IdealBinaryMask.of(tone(1000, 0.25, 0.75, 0.5), new Clip(new float[SR], SR), f);
    var axis = org.spectrolens.spectrogram.FrontEnd.melAxis(s).resize(64);
    for (int r = 0; r < 64; r++) {
      if (m[r][32]) assertEquals(1000, axis.hz(r), 150, "row " + r);
    }
    assertTrue(m[nearest(axis, 1000)][32]);
  }

  static int nearest(org.spectrolens.spectrogram.FrequencyAxis a, double hz) {
    int best = 0;
    for (int r = 1; r < a.length(); r++) if (Math.abs(a.hz(r) - hz) < Math.abs(a.hz(best) - hz)) best = r;
    return best;
  }
}
