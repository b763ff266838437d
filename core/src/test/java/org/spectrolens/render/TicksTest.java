package org.spectrolens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

class TicksTest {
  @Test
  void linearStepsAreNiceMultiples() {
    // 0..4000 over 400 px with at least 40 px between ticks: step 500 (50 px), not 250 (25 px)
    assertArrayEquals(new double[] {0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000},
        Ticks.linear(0, 4000, 0.1, 40, false).values());
    // seconds: 0.3 prints as 0.3, not 0.30000000000000004
    double[] v = Ticks.linear(0.01, 0.95, 500, 40, false).values();
    assertArrayEquals(new String[] {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"}, Ticks.labels(v, 1, true));
    assertArrayEquals(new String[] {"0.0", "0.5", "1.0"}, Ticks.labels(new double[] {0, 0.5, 1}, 1, true));
    assertArrayEquals(new String[] {"0.25", "0.5", "1"}, Ticks.labels(new double[] {250, 500, 1000}, 1000, false));
    assertArrayEquals(new String[] {"\u221210", "0"}, Ticks.labels(new double[] {-10, -0.0}, 1, true));
    // indices only get whole steps
    for (double x : Ticks.linear(0, 3, 100, 30, true).values()) assertEquals(Math.rint(x), x);
  }

  @Test
  void frequencyTicksAreRoundSpacedAndReadBack() {
    FrequencyAxis[] axes = {
        FrequencyAxis.linear(22050, 2048),
        FrequencyAxis.of(FrequencyScale.MEL_HTK, 0, FrequencyScale.MEL_HTK.warp(8000) / 127, 128),
        FrequencyAxis.of(FrequencyScale.MEL_SLANEY, FrequencyScale.MEL_SLANEY.warp(11025) / 129,
            FrequencyScale.MEL_SLANEY.warp(11025) / 129, 128),
        FrequencyAxis.of(FrequencyScale.LOG, FrequencyScale.LOG.warp(32.703), 1.0 / 12, 84)};
    for (FrequencyAxis axis : axes) {
      for (int height : new int[] {120, 300, 700}) {
        float[][] v = new float[axis.length()][10];
        Spectrogram s = new Spectrogram(v, axis, TimeAxis.of(0, 0.01, 10), null);
        Figure fig = SpectrogramImage.defaults().withPlotSize(400, height).render(s);
        List<Tick> ticks = fig.frequencyTicks();
        String where = axis + " at " + height + " px: " + ticks;
        assertTrue(ticks.size() >= 3, where);
        for (int i = 0; i < ticks.size(); i++) {
          Tick t = ticks.get(i);
          assertEquals(fig.yOfHz(t.value()), t.pixel(), 1e-9, where);
          double shown = Double.parseDouble(t.label());
          assertTrue(Math.abs(shown - t.value()) < 1e-9 || Math.abs(shown * 1000 - t.value()) < 1e-6, where);
          if (i > 0) assertTrue(ticks.get(i - 1).pixel() - t.pixel() >= 15, "legible gap: " + where);
          assertTrue(t.pixel() >= fig.plot().y - 0.5 && t.pixel() <= fig.plot().y + height - 0.5, where);
        }
        assertTrue(ticks.size() <= 13, "not crowded: " + where);
        if (System.getenv("SHOW_TICKS") != null) System.out.println(where);
      }
    }
  }
}
