package org.spectrolens.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/** Crop and pad fits in closed form: which frames are kept, what fills the rest, and the time axis that follows them. */
class FitTest {
  /** Two rows, frame t worth t (row 0) and 10 t (row 1), 10 ms apart from 0.5 s. */
  static Spectrogram frames(int t) {
    float[][] v = new float[2][t];
    for (int i = 0; i < t; i++) {
      v[0][i] = i;
      v[1][i] = 10 * i;
    }
    return new Spectrogram(v, FrequencyAxis.of(FrequencyScale.LINEAR, 0, 100, 2), TimeAxis.of(0.5, 0.01, t), SpectrogramSpec.torchaudio());
  }

  @Test
  void cropKeepsTheCentredFramesRoundingHalfToEvenAsPython() {
    // (9 - 4) / 2 = 2.5: Python's round gives 2 (torchvision's center_crop), not 3
    Spectrogram g = new Fit("crop", 0).apply(frames(9), 2, 4);
    assertArrayEquals(new float[] {2, 3, 4, 5}, g.values()[0]);
    assertEquals(0.52, g.times().start(), 1e-12);
    // (11 - 4) / 2 = 3.5 rounds to 4
    assertArrayEquals(new float[] {4, 5, 6, 7}, new Fit("crop", 0).apply(frames(11), 2, 4).values()[0]);
  }

  @Test
  void cropOfAShorterGridFillsBothSidesAsTorchvision() {
    // 3 frames to 6: (6 - 3) // 2 = 1 before, 2 after
    Spectrogram g = new Fit("crop", -7).apply(frames(3), 2, 6);
    assertArrayEquals(new float[] {-7, 0, 10, 20, -7, -7}, g.values()[1]);
    assertEquals(0.49, g.times().start(), 1e-12);
    assertEquals(0.01, g.times().step(), 1e-12);
  }

  @Test
  void padKeepsTheFirstFramesAndFillsAfter() {
    assertArrayEquals(new float[] {0, 1, 2, 3}, new Fit("pad", -100).apply(frames(9), 2, 4).values()[0]);
    Spectrogram g = new Fit("pad", -100).apply(frames(2), 2, 4);
    assertArrayEquals(new float[] {0, 1, -100, -100}, g.values()[0]);
    assertEquals(0.5, g.times().start(), 1e-12);
  }

  @Test
  void rowsMustAlreadyBeTheHeightAndTheModeKnown() {
    assertThrows(SpectrolensException.class, () -> new Fit("pad", 0).apply(frames(4), 3, 4));
    assertThrows(SpectrolensException.class, () -> new Fit("stretch", 0));
    assertThrows(SpectrolensException.class, () -> new Fit("pad", Double.NaN));
  }
}
