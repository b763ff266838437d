package org.spectrolens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Rectangle;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

class OverlayImageTest {
  private static final int ROWS = 24;
  private static final int COLS = 30;

  private static Spectrogram spectrogram() {
    Random rnd = new Random(7);
    float[][] v = new float[ROWS][COLS];
    for (float[] r : v) for (int c = 0; c < COLS; c++) r[c] = -80 + 80 * rnd.nextFloat();
    v[3][4] = Float.NaN;
    return new Spectrogram(v, FrequencyAxis.of(FrequencyScale.MEL_SLANEY, 2, 1.5, ROWS), TimeAxis.of(0, 0.005, COLS),
        null);
  }

  private static float[][] map() {
    Random rnd = new Random(11);
    float[][] m = new float[ROWS][COLS];
    for (float[] r : m) for (int c = 0; c < COLS; c++) r[c] = rnd.nextFloat();
    m[5][6] = Float.NaN;
    return m;
  }

  @Test
  void alphaZeroIsTheSpectrogram() {
    Spectrogram s = spectrogram();
    SpectrogramImage base = SpectrogramImage.defaults().withColorMap(ColorMap.GREY).withCellPixels(3).withColorBar(false);
    Figure plain = base.render(s);
    Figure over = OverlayImage.defaults().withBase(base).withAlpha(0).render(s, map());
    Rectangle p = plain.plot();
    assertEquals(p, over.plot());
    for (int y = p.y; y < p.y + p.height; y++) {
      for (int x = p.x; x < p.x + p.width; x++) {
        assertEquals(plain.image().getRGB(x, y), over.image().getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void blendIsTheWeightedMeanOfBothColours() {
    Spectrogram s = spectrogram();
    float[][] m = map();
    double alpha = 0.3;
    OverlayImage o = OverlayImage.defaults().withAlpha(alpha).withBase(
        SpectrogramImage.defaults().withColorMap(ColorMap.MAGMA).withRange(-80, 0).withCellPixels(2));
    Figure fig = o.render(s, m);
    for (int[] rc : new int[][] {{0, 0}, {10, 17}, {23, 29}, {5, 6}, {3, 4}}) {
      int r = rc[0];
      int c = rc[1];
      int x = fig.plot().x + 2 * c;
      int y = fig.plot().y + fig.plot().height - 2 * (r + 1);
      int under = ColorMap.MAGMA.rgb(s.value(r, c), -80, 0);
      if (under == ColorMap.NAN_ARGB) under = 0xFFFFFFFF;
      int over = ColorMap.JET.rgb(m[r][c]);
      int expected = 0xFF000000;
      for (int shift = 16; shift >= 0; shift -= 8) {
        int u = (under >> shift) & 0xFF;
        int v = (over >> shift) & 0xFF;
        int mixed = Float.isNaN(m[r][c]) ? u : (int) Math.round((1 - alpha) * u + alpha * v);
        expected |= mixed << shift;
      }
      assertEquals(Integer.toHexString(expected), Integer.toHexString(fig.image().getRGB(x, y)), "cell " + r + "," + c);
    }
  }

  @Test
  void alphaOneIsTheMap() {
    Spectrogram s = spectrogram();
    float[][] m = map();
    Figure fig = OverlayImage.defaults().withAlpha(1).withMapColors(ColorMap.INFERNO)
        .withBase(SpectrogramImage.defaults().withColorMap(ColorMap.GREY).withCellPixels(1)).render(s, m);
    int x = fig.plot().x + 9;
    int y = fig.plot().y + fig.plot().height - 1 - 13;
    assertEquals(ColorMap.INFERNO.rgb(m[13][9]), fig.image().getRGB(x, y));
  }

  @Test
  void lowResolutionMapKeepsItsNativeCells() {
    float[][] v = new float[28][28];
    Spectrogram s = new Spectrogram(v, FrequencyAxis.of(FrequencyScale.MEL_HTK, 100, 90, 28), TimeAxis.of(0.5, 0.01, 28),
        null);
    // a 7x7 map on the axes the model's last block sees: each cell covers 4x4 spectrogram cells
    Spectrogram coarse = s.resize(7, 7);
    float[][] m = new float[7][7];
    for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) m[i][j] = (i * 7 + j) / 48f;
    Spectrogram map = coarse.withValues(m);
    Figure fig = OverlayImage.defaults().withAlpha(1).withMapColors(ColorMap.VIRIDIS)
        .withBase(SpectrogramImage.defaults().withCellPixels(4)).render(s, map);
    int x0 = fig.plot().x;
    int bottom = fig.plot().y + fig.plot().height;
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 7; j++) {
        int expected = ColorMap.VIRIDIS.rgb(m[i][j]);
        for (int k : new int[] {0, 15}) {
          for (int l : new int[] {0, 15}) {
            assertEquals(expected, fig.image().getRGB(x0 + 16 * j + k, bottom - 16 * (i + 1) + l), "cell " + i + "," + j);
          }
        }
      }
    }
    // a map over the first half of the frames only leaves the second half uncovered
    Spectrogram half = s.cropColumns(0, 14).withValues(new float[28][14]);
    for (float[] r : half.values()) java.util.Arrays.fill(r, 1f);
    Figure partial = OverlayImage.defaults().withAlpha(1).withBase(SpectrogramImage.defaults().withCellPixels(4))
        .render(s, half);
    int y = partial.plot().y + 10;
    assertEquals(ColorMap.JET.rgb(1.0), partial.image().getRGB(partial.plot().x + 14 * 4 - 1, y));
    assertEquals(ColorMap.MAGMA.rgb(0.0), partial.image().getRGB(partial.plot().x + 14 * 4, y));
    assertThrows(IllegalArgumentException.class, () -> OverlayImage.defaults().render(s,
        new Spectrogram(m, FrequencyAxis.of(FrequencyScale.LINEAR, 0, 100, 7), coarse.times(), null)));
  }

  @Test
  void titleAndShapeChecks() {
    assertEquals("voiced (p = 0.93)", OverlayImage.predictionTitle("voiced", 0.934));
    assertEquals("voiced (p = 0.93)", OverlayImage.defaults().withPrediction("voiced", 0.934).base().title());
    assertThrows(IllegalArgumentException.class, () -> OverlayImage.defaults().render(spectrogram(), new float[7][7]));
    assertThrows(IllegalArgumentException.class, () -> OverlayImage.defaults().withAlpha(1.5));
  }
}
