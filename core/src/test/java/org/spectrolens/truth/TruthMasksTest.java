package org.spectrolens.truth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.TimeAxis;

/** Masks of hand-made tracks on grids whose rows are known exactly. */
class TruthMasksTest {
  /** 40 rows of 100 Hz centred at 0, 100, ..., 3900 Hz: row r covers [r*100 - 50, r*100 + 50). */
  private static final FrequencyAxis ROWS = FrequencyAxis.of(FrequencyScale.LINEAR, 0, 100, 40);
  /** 10 columns at 0.00, 0.01, ..., 0.09 s. */
  private static final TimeAxis COLUMNS = TimeAxis.of(0, 0.01, 10);

  /** Frames every 10 ms over [0.02, 0.07]: F1 500 +/- 60, F2 1510 +/- 100, F3 2500 +/- 120, F0 120 Hz. */
  private static SegmentTruth steady(double f0) {
    int n = 6;
    double[] t = new double[n], f = new double[n];
    double[][] fm = new double[n][], bw = new double[n][];
    for (int i = 0; i < n; i++) {
      t[i] = 0.02 + 0.01 * i;
      f[i] = f0;
      fm[i] = new double[] {500, 1510, 2500};
      bw[i] = new double[] {60, 100, 120};
    }
    return new SegmentTruth("x.wav", TruthSource.SYNTH, 0.02, 0.07, t, f, fm, bw);
  }

  private static boolean[] rowsOf(boolean[][] m, int column) {
    boolean[] out = new boolean[m.length];
    for (int r = 0; r < m.length; r++) out[r] = m[r][column];
    return out;
  }

  private static boolean[] expected(int... rows) {
    boolean[] out = new boolean[ROWS.length()];
    for (int r : rows) out[r] = true;
    return out;
  }

  @Test
  void formantBandsCoverTheRowsTheirBandwidthOverlapsInsideTheSegmentOnly() {
    TruthMasks m = TruthMasks.of(steady(120), ROWS, COLUMNS);
    // F1 440-560 Hz touches rows 4 [350,450), 5, 6 [550,650); F2 1410-1610: rows 14, 15, 16;
    // F3 2380-2620: rows 24 [2350,2450) .. 26.
    for (int c = 2; c <= 7; c++) {
      assertArrayEquals(expected(4, 5, 6), rowsOf(m.f1(), c), "column " + c);
      assertArrayEquals(expected(14, 15, 16), rowsOf(m.f2(), c));
      assertArrayEquals(expected(24, 25, 26), rowsOf(m.f3(), c));
      assertArrayEquals(expected(4, 5, 6, 14, 15, 16, 24, 25, 26), rowsOf(m.formants(), c));
    }
    for (int c : new int[] {0, 1, 8, 9}) assertArrayEquals(expected(), rowsOf(m.formants(), c), "column " + c);
    assertEquals(9.0 * 6 / (40 * 10), TruthMasks.share(m.formants()), 1e-12);
  }

  @Test
  void aBandInsideOneRowMarksThatRow() {
    SegmentTruth narrow = new SegmentTruth("x.wav", TruthSource.SYNTH, 0, 0.09, COLUMNS.seconds(),
        new double[10], filled(10, 720), filled(10, 10));
    boolean[][] f1 = TruthMasks.formantBand(narrow, 1, ROWS, COLUMNS);
    for (int c = 0; c < 10; c++) assertArrayEquals(expected(7), rowsOf(f1, c));
  }

  @Test
  void harmonicsBelow700HzAreMarkedInVoicedColumnsOnly() {
    // 120, 240, 360, 480, 600 Hz -> rows 1, 2, 4, 5, 6 (720 Hz is above 700 Hz).
    boolean[][] h = TruthMasks.of(steady(120), ROWS, COLUMNS).harmonics();
    assertArrayEquals(expected(1, 2, 4, 5, 6), rowsOf(h, 4));
    assertArrayEquals(expected(), rowsOf(h, 9));
    boolean[][] none = TruthMasks.of(steady(Double.NaN), ROWS, COLUMNS).harmonics();
    assertEquals(0, TruthMasks.share(none));
  }

  @Test
  void melRowsAreReadInHzAndCepstralRowsAreRefused() {
    FrequencyAxis mel = FrequencyAxis.of(FrequencyScale.MEL_HTK, 0, 2595 * Math.log10(1 + 4000 / 700.0) / 63, 64);
    boolean[][] f1 = TruthMasks.formantBand(steady(120), 1, mel, COLUMNS);
    for (int r = 0; r < 64; r++) {
      boolean overlaps = mel.lowerEdgeHz(r) < 560 && mel.upperEdgeHz(r) > 440;
      assertEquals(overlaps, f1[r][4], "row " + r);
    }
    assertTrue(TruthMasks.share(f1) > 0);
    SpectrolensException e = assertThrows(SpectrolensException.class,
        () -> TruthMasks.of(steady(120), FrequencyAxis.cepstral(13), COLUMNS));
    assertTrue(e.getMessage().contains("not Hz"), e.getMessage());
  }

  @Test
  void valuesAreReadFromTheNearestFrameAndNotOutsideTheSegment() {
    SegmentTruth t = steady(120);
    assertEquals(500, t.formantAt(1, 0.0249), 0);
    assertEquals(Double.NaN, t.formantAt(1, 0.0199));
    assertEquals(Double.NaN, t.f0At(0.0701));
    assertEquals(1.0, t.voicedFraction());
    assertEquals(1510, t.medianFormant(2));
    assertFalse(Double.isNaN(t.bandwidthAt(3, 0.05)));
  }

  private static double[][] filled(int n, double f1) {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) out[i] = new double[] {f1, Double.NaN, Double.NaN};
    return out;
  }
}
