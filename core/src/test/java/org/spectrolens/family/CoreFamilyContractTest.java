package org.spectrolens.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.audio.Clip;
import org.spectrolens.features.Analysis;
import org.spectrolens.features.Feature;
import org.spectrolens.features.FeatureTrack;
import org.spectrolens.features.Features;
import org.spectrolens.filter.FilterDefinition;
import org.spectrolens.filter.Filters;
import org.spectrolens.filter.SpectrogramFilter;
import org.spectrolens.segment.SegmenterDefinition;
import org.spectrolens.segment.Segmenters;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The contract every member of core's parameterised and plain families keeps, run against every
 * registered member (Captum's test_config.py style): filters keep the grid's shape and finite
 * values and round-trip their text form; segmenters label every cell; features give one finite row
 * per analysis frame. A new member is checked here without a new test.
 */
class CoreFamilyContractTest {
  /** A dB spectrogram-like grid [30][40]: two ridges over a floor, with a little texture. */
  static float[][] grid() {
    float[][] x = new float[30][40];
    for (int r = 0; r < 30; r++) {
      for (int c = 0; c < 40; c++) {
        x[r][c] = (float) (-60 + 5 * Math.sin(0.9 * r * c) + (r == 8 || r == 20 ? 45 : 0) + (c > 30 ? 10 : 0));
      }
    }
    return x;
  }

  @Test
  void everyFilterKeepsTheGridAndItsTextForm() {
    for (FilterDefinition<?> d : Filters.all()) {
      SpectrogramFilter f = d.create();
      float[][] y = f.apply(grid(), SpectrogramSpec.librosa());
      assertEquals(30, y.length, d.id());
      for (float[] row : y) {
        assertEquals(40, row.length, d.id());
        for (float v : row) assertTrue(Float.isFinite(v), d.id() + ": finite");
      }
      assertEquals(d.id(), f.id());
      assertEquals(f.text(), Filters.parse(f.text(), "filter").text(), d.id() + ": the text form parses back to itself");
    }
  }

  @Test
  void everySegmenterLabelsEveryCell() {
    for (SegmenterDefinition<?> d : Segmenters.all()) {
      int[][] labels = d.create().label(grid());
      assertEquals(30, labels.length, d.id());
      for (int[] row : labels) {
        assertEquals(40, row.length, d.id());
        for (int l : row) assertTrue(l >= 0, d.id() + ": labels are non-negative");
      }
      assertEquals(d.id(), d.create().definition().id());
    }
  }

  @Test
  void everyFeatureGivesOneFiniteRowPerFrame() {
    float[] s = new float[22050 / 2];
    for (int i = 0; i < s.length; i++) s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 22050.0) + 0.05 * Math.sin(0.37 * i * i % 7));
    Analysis a = Analysis.of(new Clip(s, 22050));
    for (Feature f : Features.family().all()) {
      FeatureTrack t = f.compute(a);
      assertEquals(a.frames(), t.frames(), f.id() + ": one row per STFT frame");
      assertTrue(t.columns() >= 1, f.id());
      for (float[] row : t.values()) for (float v : row) assertTrue(Float.isFinite(v), f.id() + ": finite");
      assertTrue(!f.description().isBlank(), f.id());
    }
    assertEquals(List.copyOf(Features.ids()), Features.family().ids());
  }
}
