package org.spectrolens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.dsp.Stft;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Explanations you can listen to: a map that covers one tone's band keeps that tone and removes
 * the other, with the original phase (where masked + complement is the signal) and by Griffin-Lim
 * from the grid alone.
 */
class MaskedAudioTest {
  private static final int SR = 16000;
  private static final SpectrogramSpec SPEC = SpectrogramSpec.torchaudio().withKind(SpectrogramSpec.Kind.MEL).withSampleRate(SR)
      .withFft(512, 512, 128).withMel(64, MelScale.HTK, SpectrogramSpec.MelNorm.NONE).withDb(true, 80.0);

  private static float[] tone(double hz, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / SR));
    return x;
  }

  /** A map on the 32x32 model grid: 1 on the rows centred in [300, 800] Hz (the 500 Hz tone), 0 elsewhere. */
  private static float[][] lowBandMap(Spectrogram grid) {
    float[][] map = new float[grid.rows()][grid.columns()];
    for (int r = 0; r < grid.rows(); r++) {
      double hz = grid.frequencies().hz(r);
      if (hz >= 300 && hz <= 800) java.util.Arrays.fill(map[r], 1f);
    }
    return map;
  }

  /** Energy within 100 Hz of {@code hz}, from the signal's STFT. */
  private static double bandEnergy(float[] x, double hz) {
    float[][] p = new Stft(512, 512, 128, org.spectrolens.dsp.Window.HANN, true, org.spectrolens.dsp.Padding.CONSTANT).spectrogram(x, 2.0);
    double e = 0;
    for (int k = 0; k < p.length; k++) {
      if (Math.abs(k * (double) SR / 512 - hz) > 100) continue;
      for (float v : p[k]) e += v;
    }
    return e;
  }

  @Test
  void originalPhaseKeepsTheMappedToneAndSumsBackToTheSignal() {
    float[] low = tone(500, SR);
    float[] high = tone(3000, SR);
    float[] x = new float[SR];
    for (int i = 0; i < SR; i++) x[i] = low[i] + high[i];
    Clip clip = new Clip(x, SR, "two-tones.wav", 0.0);
    Spectrogram grid = FrontEnd.compute(clip, SPEC).resize(32, 32);
    MapAxes axes = new MapAxes(grid.frequencies(), grid.times());
    MaskedAudio.Sounds s = MaskedAudio.fromAudio(clip, MaskedAudio.stftOf(SPEC), lowBandMap(grid), axes);
    assertEquals("original", s.phase());
    double worst = 0;
    for (int i = 0; i < SR; i++) worst = Math.max(worst, Math.abs(s.masked().samples()[i] + s.complement().samples()[i] - x[i]));
    assertTrue(worst < 1e-5, "masked + complement = signal, max error " + worst);
    double kept = 10 * Math.log10(bandEnergy(s.masked().samples(), 500) / bandEnergy(s.masked().samples(), 3000));
    double removed = 10 * Math.log10(bandEnergy(s.complement().samples(), 3000) / bandEnergy(s.complement().samples(), 500));
    System.out.printf("original phase: masked 500 Hz over 3000 Hz %.1f dB, complement 3000 over 500 Hz %.1f dB%n", kept, removed);
    assertTrue(kept > 40, "the masked sound keeps 500 Hz and drops 3000 Hz: " + kept + " dB");
    assertTrue(removed > 40, "the complement keeps 3000 Hz and drops 500 Hz: " + removed + " dB");
  }

  @Test
  void griffinLimFromTheGridAloneSeparatesTheTonesToo() {
    float[] low = tone(500, SR / 2);
    float[] high = tone(3000, SR / 2);
    float[] x = new float[SR / 2];
    for (int i = 0; i < x.length; i++) x[i] = low[i] + high[i];
    Spectrogram grid = FrontEnd.compute(new Clip(x, SR, "two-tones.wav", 0.0), SPEC).resize(32, 32);
    MapAxes axes = new MapAxes(grid.frequencies(), grid.times());
    MaskedAudio.Sounds s = MaskedAudio.fromGrid(grid, SPEC, MaskedAudio.stftOf(SPEC), lowBandMap(grid), axes);
    assertEquals("griffin-lim", s.phase());
    assertEquals(x.length, s.masked().samples().length, 128);
    double kept = 10 * Math.log10(bandEnergy(s.masked().samples(), 500) / bandEnergy(s.masked().samples(), 3000));
    double removed = 10 * Math.log10(bandEnergy(s.complement().samples(), 3000) / bandEnergy(s.complement().samples(), 500));
    double whole = 10 * Math.log10(bandEnergy(s.input().samples(), 3000) / bandEnergy(s.input().samples(), 500));
    System.out.printf("Griffin-Lim: masked 500 over 3000 Hz %.1f dB, complement 3000 over 500 Hz %.1f dB, unmasked 3000 over 500 Hz %.1f dB%n",
        kept, removed, whole);
    assertTrue(kept > 20, "masked: " + kept + " dB");
    assertTrue(removed > 20, "complement: " + removed + " dB");
    assertTrue(Math.abs(whole) < 6, "the unmasked reconstruction holds both tones: " + whole + " dB");
  }

  @Test
  void mfccInputsHaveNoSoundToMask() {
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> MaskedAudio.stftOf(SPEC.withKind(SpectrogramSpec.Kind.MFCC)));
    assertTrue(e.getMessage().startsWith("audio: the model's inputs are MFCCs"), e.getMessage());
  }
}
