package org.spectrolens.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpectrogramTest {
  private static Spectrogram ramp(int rows, int cols) {
    float[][] v = new float[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) v[r][c] = 3 * r + 0.5f * c;
    return new Spectrogram(v, FrequencyAxis.linear(22050, 2 * (rows - 1)), TimeAxis.of(0, 0.01, cols), null);
  }

  @Test
  void cropFrequencyKeepsRowsUpToFmaxInclusive() {
    Spectrogram s = ramp(1025, 4).cropFrequency(0, 4000);
    assertEquals(372, s.rows());
    assertEquals(22050.0 * 371 / 2048, s.frequencies().hz(371), 1e-9);
    assertEquals(3 * 371f, s.value(371, 0));
  }

  @Test
  void resizeOfALinearRampIsExactAndAxesFollow() {
    // Away from the edges the antialiased kernel reproduces a plane at each new cell's mapped
    // position to within a few thousandths of a cell (a sampled triangle's centroid is not
    // exactly its centre when the scale is not an integer).
    Spectrogram s = ramp(101, 40);
    Spectrogram r = s.resize(50, 20);
    for (int j = 5; j < 45; j++) {
      double pos = (j + 0.5) * 101.0 / 50 - 0.5;
      assertEquals(3 * pos + 0.5 * ((10 + 0.5) * 2 - 0.5), r.value(j, 10), 3 * 0.01); // 0.01 of a row (slope 3 per row)
      assertEquals(s.frequencies().hz(pos), r.frequencies().hz(j), 1e-9);
    }
    assertEquals(s.times().seconds(0.5), r.times().seconds(0), 1e-12); // (0+0.5)*2-0.5
  }

  @Test
  void upsamplingIsBilinearWithClampedEdges() {
    float[][] v = {{0f, 10f}};
    float[][] up = GridResize.resize(v, 1, 4);
    // half-pixel centres: new x = (j+0.5)/2-0.5 -> -0.25, 0.25, 0.75, 1.25, clamped to [0,1]
    assertEquals(0f, up[0][0], 1e-6);
    assertEquals(2.5f, up[0][1], 1e-6);
    assertEquals(7.5f, up[0][2], 1e-6);
    assertEquals(10f, up[0][3], 1e-6);
  }

  @Test
  void downsamplingByTwoAveragesNeighbours() {
    float[][] v = {{1f, 3f, 5f, 7f, 9f, 11f, 13f, 15f}};
    float[][] d = GridResize.resize(v, 1, 4);
    // new cell 1 is centred at old position 2.5; the triangle of half-width 2 weighs old cells
    // 1..4 by 1/8, 3/8, 3/8, 1/8
    assertEquals((3 + 3 * 5 + 3 * 7 + 9) / 8f, d[0][1], 1e-5);
  }

  @Test
  void cropTimeSelectsColumnsByCentreTime() {
    Spectrogram s = ramp(5, 100).cropTime(0.2, 0.5);
    assertEquals(31, s.columns());
    assertEquals(0.2, s.times().seconds(0), 1e-12);
  }

  @Test
  void mismatchedAxesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Spectrogram(new float[3][4], FrequencyAxis.linear(8000, 8), TimeAxis.of(0, 1, 4), null));
  }
}
