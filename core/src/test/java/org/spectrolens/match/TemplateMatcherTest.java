package org.spectrolens.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** Template matching finds known events at known times and bands, and scores affine copies 1. */
class TemplateMatcherTest {
  static final int SR = 16000;
  static final SpectrogramSpec SPEC = SpectrogramSpec.torchaudio().withSampleRate(SR).withFft(512, 512, 128).withDb(true, 80.0);

  /** 2.5 s: a 1.5-3 kHz chirp of 0.2 s at 0.6 s (amplitude 0.3) and at 1.8 s (0.15), a 1 kHz beep at 1.2 s, plus noise. */
  static float[] scene(double noise) {
    Random rnd = new Random(9);
    float[] x = new float[(int) (2.5 * SR)];
    for (int i = 0; i < x.length; i++) {
      double t = i / (double) SR;
      double v = noise * rnd.nextGaussian();
      v += 0.3 * chirp(t - 0.6) + 0.15 * chirp(t - 1.8);
      if (t >= 1.2 && t < 1.4) v += 0.3 * Math.sin(2 * Math.PI * 1000 * t);
      x[i] = (float) v;
    }
    return x;
  }

  static double chirp(double t) {
    if (t < 0 || t >= 0.2) return 0;
    return Math.sin(2 * Math.PI * (1500 * t + 0.5 * 7500 * t * t));
  }

  @Test
  void findsTheChirpsAtTheirTimesAndBand() {
    Spectrogram clean = FrontEnd.compute(new Clip(scene(0.0005), SR), SPEC);
    float[][] template = clean.cropTime(0.6, 0.8).cropFrequency(1000, 3500).values();
    Spectrogram noisy = FrontEnd.compute(new Clip(scene(0.02), SR), SPEC);
    float[][] ncc = TemplateMatcher.ncc(noisy.values(), template);
    List<Detection> found = TemplateMatcher.detect(ncc, template.length, template[0].length, noisy, 0.5, 0.0);
    assertEquals(2, found.size(), "detections " + found);
    found = found.stream().sorted(java.util.Comparator.comparingDouble(Detection::t0)).toList();
    double hop = 128.0 / SR;
    double bin = SR / 512.0;
    double[] starts = {0.6, 1.8};
    for (int i = 0; i < 2; i++) {
      Detection d = found.get(i);
      assertEquals(starts[i], d.t0(), 1.5 * hop, "t0 of " + d);
      assertEquals(starts[i] + 0.2, d.t1(), 1.5 * hop, "t1 of " + d);
      assertEquals(1000, d.f0Hz(), bin, "f0 of " + d);
      assertEquals(3500, d.f1Hz(), bin, "f1 of " + d);
      assertTrue(d.score() > 0.5 && d.score() <= 1.0, "score " + d);
    }
    // the map as a spectrogram: a cell sits at the template's centre
    Spectrogram map = TemplateMatcher.map(noisy, template);
    assertEquals(noisy.frequencies().value((template.length - 1) / 2), map.frequencies().value(0), 1e-9);
    assertEquals(noisy.times().seconds((template[0].length - 1) / 2), map.times().seconds(0), 1e-9);
  }

  @Test
  void anAffineCopyScoresOne() {
    Random rnd = new Random(2);
    float[][] image = new float[30][60];
    for (float[] row : image) for (int c = 0; c < row.length; c++) row[c] = (float) rnd.nextGaussian();
    float[][] t = new float[6][8];
    for (int i = 0; i < 6; i++) for (int j = 0; j < 8; j++) t[i][j] = 3f * image[12 + i][40 + j] - 7f;
    float[][] ncc = TemplateMatcher.ncc(image, t);
    assertEquals(1.0, ncc[12][40], 1e-6);
    float[][] negated = new float[6][8];
    for (int i = 0; i < 6; i++) for (int j = 0; j < 8; j++) negated[i][j] = -t[i][j];
    assertEquals(-1.0, TemplateMatcher.ncc(image, negated)[12][40], 1e-6);
    assertEquals("template: 31x8 (rows x frames) is larger than the spectrogram's 30x60",
        assertThrows(SpectrolensException.class, () -> TemplateMatcher.ncc(image, new float[31][8])).getMessage());
  }
}
