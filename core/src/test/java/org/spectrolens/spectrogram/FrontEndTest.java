package org.spectrolens.spectrogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dsp.Mfcc;
import org.spectrolens.spectrogram.SpectrogramSpec.Kind;
import org.spectrolens.spectrogram.SpectrogramSpec.MelNorm;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.spectrogram.SpectrogramSpec.PadMode;
import org.spectrolens.dsp.Window;

class FrontEndTest {
  private static final int SR = 22050;
  private static final SpectrogramSpec LIBROSA = SpectrogramSpec.librosa();

  static Clip tone(double hz, double amplitude, int samples, double offset) {
    float[] x = new float[samples];
    for (int i = 0; i < samples; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
    return new Clip(x, SR, "tone.wav", offset);
  }

  @Test
  void stftRowsAreBinsAndColumnsAreFrameCentres() {
    Spectrogram s = FrontEnd.compute(tone(1000, 0.5, SR, 2.0), LIBROSA);
    assertEquals(1025, s.rows());
    assertEquals(1 + SR / 512, s.columns());
    assertEquals(FrequencyAxis.linear(SR, 2048), s.frequencies());
    assertEquals(2.0, s.times().seconds(0), 1e-12); // centred: t * hop / sr after the clip offset
    assertEquals(2.0 + 10 * 512.0 / SR, s.times().seconds(10), 1e-12);

    Spectrogram u = FrontEnd.compute(tone(1000, 0.5, SR, 0.0), LIBROSA.withWindow(Window.HANN, false, PadMode.CONSTANT));
    assertEquals(1 + (SR - 2048) / 512, u.columns());
    assertEquals((10 * 512 + 1024.0) / SR, u.times().seconds(10), 1e-12); // uncentred: (t hop + n_fft/2) / sr
  }

  @Test
  void dbToneLevelAndTopDbFloor() {
    // a bin-centred tone of amplitude A: |X| = A * (n_fft / 2) / 2, so dB = 20 log10(A n_fft / 4)
    int k0 = 93;
    Spectrogram s = FrontEnd.compute(tone(k0 * SR / 2048.0, 0.5, SR, 0), LIBROSA.withDb(true, 80.0));
    int mid = s.columns() / 2;
    assertEquals(20 * Math.log10(0.5 * 2048 / 4), s.value(k0, mid), 1e-3);
    assertEquals(s.max() - 80.0, s.min(), 1e-3);
  }

  @Test
  void fmaxCropsStftRowsAndResizeReadsBackHz() {
    Spectrogram s = FrontEnd.compute(tone(440, 0.5, SR, 0), LIBROSA.withRange(0, 4000));
    assertEquals(372, s.rows()); // bins 0..371, 371 * 22050 / 2048 = 3994.41 Hz
    assertEquals(3994.41, s.frequencies().hz(371), 0.005);
    Spectrogram r = s.resize(224, 224);
    double bin = SR / 2048.0;
    assertEquals((0.5 * 372 / 224 - 0.5) * bin, r.frequencies().hz(0), 1e-9);
    assertEquals((223.5 * 372 / 224 - 0.5) * bin, r.frequencies().hz(223), 1e-9);
    Spectrogram c = s.cropFrequency(300, 600);
    assertTrue(c.frequencies().hz(0) >= 300 && c.frequencies().hz(c.rows() - 1) <= 600);
  }

  @Test
  void melRowsAreBandCentresUniformInMel() {
    SpectrogramSpec spec = LIBROSA.withKind(Kind.MEL).withMel(64, MelScale.SLANEY, MelNorm.SLANEY).withRange(50, 8000);
    Spectrogram s = FrontEnd.compute(tone(1000, 0.5, SR, 0), spec);
    assertEquals(FrequencyScale.MEL_SLANEY, s.frequencies().scale());
    assertArrayEquals(FrontEnd.melFilterBank(spec).centresHz(), s.frequencies().hz(), 1e-9);
    // the 1 kHz tone lands in the band whose centre is nearest 1 kHz (in mel)
    int mid = s.columns() / 2;
    int peak = 0;
    for (int r = 0; r < s.rows(); r++) if (s.value(r, mid) > s.value(peak, mid)) peak = r;
    assertEquals(Math.round(s.frequencies().row(1000)), peak, 1.0);
  }

  @Test
  void mfccIsTheOrthonormalDctOfTheLogMel() {
    SpectrogramSpec mel = SpectrogramSpec.torchaudio().withSampleRate(SR).withKind(Kind.MEL).withDb(true, 80.0);
    Clip clip = tone(700, 0.3, SR / 2, 0);
    float[][] logMel = FrontEnd.compute(clip, mel).values();
    Spectrogram m = FrontEnd.compute(clip, mel.withKind(Kind.MFCC).withDb(false, Double.NaN)); // NaN top_db = 80
    double[][] dct = Mfcc.dctMatrix(40, 128);
    for (int t = 0; t < m.columns(); t += 7) {
      for (int k = 0; k < 40; k++) {
        double c = 0;
        for (int b = 0; b < 128; b++) c += dct[k][b] * logMel[b][t];
        assertEquals(c, m.value(k, t), 1e-3);
      }
    }
    assertEquals(FrequencyScale.CEPSTRAL, m.frequencies().scale());
    assertEquals(39.0, m.frequencies().value(39), 0);
    assertThrows(IllegalStateException.class, () -> m.frequencies().hz(3));
  }

  @Test
  void cqtRowsAreLogSpacedFromC1() {
    SpectrogramSpec spec = LIBROSA.withKind(Kind.CQT);
    Spectrogram s = FrontEnd.compute(tone(440, 0.5, SR, 0), spec);
    assertEquals(84, s.rows());
    assertEquals(FrontEnd.C1_HZ, s.frequencies().hz(0), 1e-9);
    assertEquals(440.0, s.frequencies().hz(45), 1e-9); // A4 is 45 semitones above C1
    int mid = s.columns() / 2;
    int peak = 0;
    for (int r = 0; r < s.rows(); r++) if (s.value(r, mid) > s.value(peak, mid)) peak = r;
    assertEquals(45, peak);
  }

  @Test
  void badClipsAreRefusedNamingTheSource() {
    SpectrolensException rate = assertThrows(SpectrolensException.class,
        () -> FrontEnd.compute(new Clip(new float[100], 16000, "a.wav", 0), LIBROSA));
    assertEquals("a.wav", rate.subject());
    SpectrolensException empty = assertThrows(SpectrolensException.class,
        () -> FrontEnd.compute(new Clip(new float[0], SR, "b.wav", 0), LIBROSA));
    assertEquals("b.wav", empty.subject());
    float[] x = new float[4000];
    x[2205] = Float.NaN;
    SpectrolensException nan = assertThrows(SpectrolensException.class,
        () -> FrontEnd.compute(new Clip(x, SR, "c.wav", 0), LIBROSA));
    assertEquals("c.wav", nan.subject());
    assertTrue(nan.problem().contains("NaN") && nan.problem().contains("0.1000 s"), nan.problem());
    SpectrolensException bad = assertThrows(SpectrolensException.class,
        () -> FrontEnd.compute(new Clip(new float[4000], SR, "d.wav", 0), LIBROSA.withFft(1024, 2048, 512)));
    assertEquals("win_length", bad.subject()); // the parameter, as axes.json names it
    assertEquals("win_length", bad.parameter());
    assertTrue(bad.problem().contains("[1, n-fft = 1024]"), bad.problem());
  }

  @Test
  void shortClipsStillGiveFramesWithReflectPadding() {
    // 30 ms vowel at n_fft 2048: torch refuses reflect pads longer than the signal; here it repeats
    Spectrogram s = FrontEnd.compute(tone(300, 0.5, 662, 0), SpectrogramSpec.torchaudio().withSampleRate(SR)
        .withFft(2048, 2048, 512));
    assertEquals(2, s.columns());
    assertTrue(s.max() > 0);
  }
}
