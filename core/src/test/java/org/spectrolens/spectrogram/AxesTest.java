package org.spectrolens.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AxesTest {
  @Test
  void linearAxisGivesBinCentres() {
    FrequencyAxis f = FrequencyAxis.linear(22050, 2048);
    assertEquals(1025, f.length());
    assertEquals(0.0, f.hz(0), 1e-12);
    assertEquals(22050.0 * 371 / 2048, f.hz(371), 1e-9);
    assertEquals(11025.0, f.hz(1024), 1e-9);
    assertEquals(371.0, f.row(22050.0 * 371 / 2048), 1e-9);
  }

  @Test
  void melScalesMatchPublishedReferenceValues() {
    // anchors-audio.md 2.3: 1000 Hz = 999.99 mel (HTK) / 15.0 (Slaney); 4000 Hz = 2146.06 / 35.164
    assertEquals(999.99, FrequencyScale.MEL_HTK.warp(1000), 0.01);
    assertEquals(15.0, FrequencyScale.MEL_SLANEY.warp(1000), 1e-9);
    assertEquals(2146.06, FrequencyScale.MEL_HTK.warp(4000), 0.01);
    assertEquals(35.164, FrequencyScale.MEL_SLANEY.warp(4000), 0.001);
    for (FrequencyScale s : FrequencyScale.values()) {
      assertEquals(3210.5, s.unwarp(s.warp(3210.5)), 1e-6, s.id());
    }
  }

  @Test
  void cropKeepsHzOfEveryRow() {
    FrequencyAxis f = FrequencyAxis.linear(22050, 2048);
    FrequencyAxis c = f.crop(10, 372);
    assertEquals(362, c.length());
    for (int r = 0; r < c.length(); r++) assertEquals(f.hz(r + 10), c.hz(r), 1e-9);
  }

  @Test
  void resizeMapsCellCentresWithHalfPixelConvention() {
    // 372 rows (0..3994.9 Hz) shrunk to 224: new row j samples old position (j+0.5)*372/224-0.5.
    FrequencyAxis f = FrequencyAxis.linear(22050, 2048).crop(0, 372);
    FrequencyAxis r = f.resize(224);
    double binHz = 22050.0 / 2048;
    for (int j : new int[] {0, 100, 223}) {
      double pos = (j + 0.5) * 372.0 / 224 - 0.5;
      assertEquals(pos * binHz, r.hz(j), 1e-9);
    }
    // the resized grid spans the same band: outer edges coincide
    assertEquals(f.lowerEdgeHz(0), r.lowerEdgeHz(0), 1e-9);
    assertEquals(f.upperEdgeHz(371), r.upperEdgeHz(223), 1e-9);
  }

  @Test
  void melAxisResizesUniformlyInMelNotHz() {
    double lo = FrequencyScale.MEL_HTK.warp(0);
    double hi = FrequencyScale.MEL_HTK.warp(8000);
    double step = (hi - lo) / 129;
    FrequencyAxis mel = FrequencyAxis.of(FrequencyScale.MEL_HTK, lo + step, step, 128);
    FrequencyAxis r = mel.resize(64);
    // row j of the resized axis sits halfway (in mel) between old rows 2j and 2j+1
    double expectedMel = lo + step + (2 * 5 + 0.5) * step;
    assertEquals(FrequencyScale.MEL_HTK.unwarp(expectedMel), r.hz(5), 1e-6);
  }

  @Test
  void timeAxisOfCentredAndUncentredFrames() {
    TimeAxis centred = TimeAxis.frames(22050, 512, 2048, true, 10, 0.0);
    assertEquals(3 * 512 / 22050.0, centred.seconds(3), 1e-12);
    TimeAxis uncentred = TimeAxis.frames(22050, 512, 2048, false, 10, 1.5);
    assertEquals(1.5 + (3 * 512 + 1024) / 22050.0, uncentred.seconds(3), 1e-12);
    assertEquals(3.0, uncentred.column(uncentred.seconds(3)), 1e-9);
  }

  @Test
  void badCropIsRejected() {
    FrequencyAxis f = FrequencyAxis.linear(16000, 400);
    assertThrows(IllegalArgumentException.class, () -> f.crop(5, 500));
  }
}
