package org.spectrolens.judge;

import org.spectrolens.judge.metric.localisation.MaximumPlateau;
import org.spectrolens.judge.metric.localisation.PointingGame;
import org.spectrolens.judge.metric.localisation.PointingGameAny;
import org.spectrolens.judge.metric.localisation.RelevanceMass;
import org.spectrolens.judge.metric.localisation.RelevanceRank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.TimeAxis;

/** Relevance mass, relevance rank and the pointing game on hand-worked maps, with their chance levels. */
class LocalisationTest {
  // 4 rows (0, 100, 200, 300 Hz) x 5 columns (0, 10, ..., 40 ms)
  static final MapAxes AXES = new MapAxes(FrequencyAxis.of(FrequencyScale.LINEAR, 0, 100, 4), TimeAxis.of(0, 0.01, 5));

  static Judged judged(float[] map, boolean[] truth, double tolHz, double tolMs) {
    Judging g = Judging.defaults(RemovalUnits.full(4, 5)).withTolerance(tolHz, tolMs);
    return Judged.of(null, new int[] {1, 4, 5}, new float[20], 1, new float[][] {map}, new int[1], null, new boolean[][] {truth}, AXES, g);
  }

  static boolean[] rows(int... r) {
    boolean[] t = new boolean[20];
    for (int y : r) for (int x = 0; x < 5; x++) t[y * 5 + x] = true;
    return t;
  }

  @Test
  void relevanceMassAndRankByHand() {
    float[] map = new float[20];
    map[5] = 0.5f; // row 1 (truth)
    map[6] = 0.2f; // row 1 (truth)
    map[0] = 0.3f; // row 0
    map[17] = -1f; // negative relevance does not count
    boolean[] truth = rows(1);
    Judged j = judged(map, truth, 0, 0);
    assertEquals(0.7 / 1.0, new RelevanceMass().score(j), 1e-6);
    // K = 5 truth cells; the top five: 0.5 (in), 0.3 (out), 0.2 (in), then two of the 16 tied zeros, 3 of which lie in
    // the truth: expected hits 2 + 2 * 3/16, never "the first two by position"
    assertEquals((2 + 2 * 3 / 16.0) / 5, new RelevanceRank().score(j), 1e-12);
    assertEquals(0.25, new RelevanceMass().chanceScore(j), 1e-12);
    assertEquals(0.25, new RelevanceRank().chanceScore(j), 1e-12);
  }

  @Test
  void thePointingGameHitsWithinItsToleranceInHzAndMs() {
    float[] map = new float[20];
    map[3 * 5 + 4] = 1; // 300 Hz, 40 ms
    boolean[] truth = new boolean[20];
    truth[1 * 5 + 2] = true; // 100 Hz, 20 ms
    assertEquals(0, new PointingGame().score(judged(map, truth, 100, 20)), 0); // 200 Hz away
    assertEquals(0, new PointingGame().score(judged(map, truth, 200, 10)), 0); // 20 ms away
    assertEquals(1, new PointingGame().score(judged(map, truth, 200, 20)), 0);
    // chance: the zone within 200 Hz and 20 ms of (100 Hz, 20 ms): rows 0-3 x columns 0-4 = all 20 cells
    assertEquals(1, new PointingGame().chanceScore(judged(map, truth, 200, 20)), 1e-12);
    // within 100 Hz and 10 ms: rows 0-2 x columns 1-3 = 9 cells
    assertEquals(9 / 20.0, new PointingGame().chanceScore(judged(map, truth, 100, 10)), 1e-12);
    assertEquals(1 / 20.0, new PointingGame().chanceScore(judged(map, truth, 0, 0)), 1e-12);
  }

  @Test
  void onAPlateauThePointingGameIsTheShareOfTiedMaximaInTheZoneAndQuantusCountsAnyOfThem() {
    float[] map = new float[20];
    for (int x = 0; x < 5; x++) map[x] = 1; // row 0 (0 Hz): a plateau of 5 tied maxima
    map[3 * 5] = 1; // and one at 300 Hz
    boolean[] truth = new boolean[20];
    truth[2] = true; // 0 Hz, 20 ms
    // zone within 10 ms: row 0, columns 1-3: 3 of the 6 tied maxima
    assertEquals(0.5, new PointingGame().score(judged(map, truth, 0, 10)), 1e-12);
    assertEquals(1, new PointingGameAny().score(judged(map, truth, 0, 10)), 0);
    assertEquals(6, new MaximumPlateau().score(judged(map, truth, 0, 10)), 0);
    // a constant map: Quantus's rule hits on every item; the expected hit is the zone's share, chance itself
    float[] flat = new float[20];
    java.util.Arrays.fill(flat, 0.3f);
    assertEquals(1, new PointingGameAny().score(judged(flat, truth, 0, 10)), 0);
    assertEquals(new PointingGame().chanceScore(judged(flat, truth, 0, 10)), new PointingGame().score(judged(flat, truth, 0, 10)), 1e-12);
  }
}
