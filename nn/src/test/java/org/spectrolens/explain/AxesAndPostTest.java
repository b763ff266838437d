package org.spectrolens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.TimeAxis;

class AxesAndPostTest {
  @Test
  void resizeConventionsByHand() {
    float[] m = {0, 1};
    // half-pixel centres (cv2, torch align_corners=False): source x = (o + 0.5) / 2 - 0.5, clamped
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, Resize.BILINEAR.apply(m, 1, 2, 1, 4), 1e-7f);
    // corner-aligned (scipy zoom order 1, align_corners=True): o / 3
    assertArrayEquals(new float[] {0, 1 / 3f, 2 / 3f, 1}, Resize.BILINEAR_CORNERS.apply(m, 1, 2, 1, 4), 1e-7f);
    assertArrayEquals(new float[] {0, 0, 1, 1}, Resize.NEAREST.apply(m, 1, 2, 1, 4), 0f);
  }

  @Test
  void postProcessingOrders() {
    float[] raw = {-1, 1, 3};
    // relu -> [0, 1, 3]; resize to 1x3 is the identity; min-max -> [0, 1/3, 1]
    float[] a = PostProcess.defaults().apply(raw, 1, 3, 1, 3);
    assertArrayEquals(new float[] {0, 1 / 3f, 1}, a, 1e-6f);
    float[] b = new PostProcess(true, PostProcess.Order.RELU_MINMAX_RESIZE_MINMAX, Resize.BILINEAR).apply(raw, 1, 3, 1, 3);
    assertArrayEquals(a, b, 1e-6f);
    // where the resize overshoots nothing, the two orders differ only by the epsilon
    float[] up1 = PostProcess.defaults().apply(new float[] {0, 2}, 1, 2, 1, 4);
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, up1, 1e-6f);
  }

  @Test
  void mapsReadBackInHertzAndSeconds() {
    // 9 rows at 0, 500, ..., 4000 Hz; 4 columns 10 ms apart from 1.0 s
    MapAxes axes = new MapAxes(FrequencyAxis.linear(8000, 16), TimeAxis.of(1.0, 0.01, 4));
    float[][] map = new float[9][4];
    for (int t = 0; t < 4; t++) map[3][t] = 1; // 1500 Hz
    map[3][2] = 0;
    List<MapAxes.Band> bands = axes.frequencyBands(map, 1000);
    assertEquals(5, bands.size());
    assertEquals(1000, bands.get(1).from(), 0);
    assertEquals(0.75 / 2, bands.get(1).importance(), 1e-9); // rows at 1000 and 1500 Hz
    assertEquals(0, bands.get(2).importance(), 0);
    assertEquals(0.75, axes.importance(map, 1400, 1600, 0, 10), 1e-9);
    assertEquals(0, axes.importance(map, 1400, 1600, 1.015, 1.025), 0);
    List<MapAxes.Band> spans = axes.timeSpans(map, 0.02);
    assertEquals(1.0 / 9, spans.get(0).importance(), 1e-9);
    // a layer's 3-row map over the same extent: rows span 1500 Hz each, centred at 500, 2000, 3500
    MapAxes low = axes.resize(3, 2);
    assertEquals(500, low.frequencies().hz(0), 1e-9);
    assertEquals(2000, low.frequencies().hz(1), 1e-9);
    assertEquals(1.005, low.times().seconds(0), 1e-9);
  }

  @Test
  void melRowsKeepTheirHertzThroughResizing() {
    FrequencyAxis mel = FrequencyAxis.of(FrequencyScale.MEL_HTK, 0, 2840.0 / 63, 64);
    MapAxes axes = new MapAxes(mel, null);
    MapAxes half = axes.resize(32, 1);
    // cell j of the half-size grid covers rows 2j and 2j+1: centred between them in mel
    for (int j = 0; j < 32; j++) {
      double m0 = FrequencyScale.MEL_HTK.warp(mel.hz(2 * j));
      double m1 = FrequencyScale.MEL_HTK.warp(mel.hz(2 * j + 1));
      assertEquals((m0 + m1) / 2, FrequencyScale.MEL_HTK.warp(half.frequencies().hz(j)), 1e-6);
    }
  }
}
