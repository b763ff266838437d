package org.spectrolens.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.analyze.Readings.Alignment;
import org.spectrolens.analyze.Readings.ConfusionOverlap;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.TimeAxis;
import org.spectrolens.truth.SegmentTruth;
import org.spectrolens.truth.TruthMasks;
import org.spectrolens.truth.TruthSource;

/** Constructed maps with known answers. */
class ReadingMathTest {
  /** 32 rows of 125 Hz (centres 0..3875 Hz), 8 columns at 0..0.07 s. */
  private static final FrequencyAxis ROWS = FrequencyAxis.of(FrequencyScale.LINEAR, 0, 125, 32);
  private static final TimeAxis COLUMNS = TimeAxis.of(0, 0.01, 8);

  private static TruthMasks masks(double f1, double f2, double f3, double f0) {
    int n = 8;
    double[] t = COLUMNS.seconds(), p = new double[n];
    double[][] f = new double[n][], b = new double[n][];
    for (int i = 0; i < n; i++) {
      p[i] = f0;
      f[i] = new double[] {f1, f2, f3};
      b[i] = new double[] {60, 80, 100};
    }
    return TruthMasks.of(new SegmentTruth("x", TruthSource.SYNTH, 0, 0.07, t, p, f, b), ROWS, COLUMNS);
  }

  private static float[][] onMask(boolean[][] mask) {
    float[][] m = new float[mask.length][mask[0].length];
    for (int r = 0; r < m.length; r++) for (int c = 0; c < m[r].length; c++) m[r][c] = mask[r][c] ? 0.7f : 0f;
    return m;
  }

  private static float[][] uniform(float v) {
    float[][] m = new float[32][8];
    for (float[] row : m) java.util.Arrays.fill(row, v);
    return m;
  }

  @Test
  void aMapExactlyOnTheTruthBandsScoresTheInverseOfTheirShare() {
    TruthMasks m = masks(500, 1500, 2500, 120);
    double share = TruthMasks.share(m.formants());
    assertTrue(share > 0 && share < 0.5, "share " + share);
    assertEquals(1 / share, MapMass.alignment(onMask(m.formants()), m.formants()), 1e-9);
    assertEquals(1 / TruthMasks.share(m.harmonics()), MapMass.alignment(onMask(m.harmonics()), m.harmonics()), 1e-9);
    // a map on F1 alone: F1 alignment 1/share(F1), and none of its mass in F2
    assertEquals(1 / TruthMasks.share(m.f1()), MapMass.alignment(onMask(m.f1()), m.f1()), 1e-9);
    assertEquals(0, MapMass.alignment(onMask(m.f1()), m.f2()), 0);
  }

  @Test
  void aUniformMapScoresOne() {
    TruthMasks m = masks(500, 1500, 2500, 120);
    for (boolean[][] mask : List.of(m.formants(), m.f1(), m.f2(), m.f3(), m.harmonics())) {
      assertEquals(1.0, MapMass.alignment(uniform(0.3f), mask), 1e-12);
    }
    assertEquals(Double.NaN, MapMass.alignment(uniform(0f), m.formants()));
    assertEquals(Double.NaN, MapMass.alignment(uniform(1f), masks(500, 1500, 2500, Double.NaN).harmonics()));
  }

  @Test
  void identicalMapsOverlapFullyAndDisjointOnesNotAtAll() {
    float[][] a = onMask(masks(500, 1500, 2500, 120).formants());
    float[][] scaled = new float[a.length][a[0].length];
    for (int r = 0; r < a.length; r++) for (int c = 0; c < a[r].length; c++) scaled[r][c] = 0.5f * a[r][c];
    assertEquals(1.0, MapMass.intersection(a, scaled), 1e-9);
    float[][] low = new float[32][8], high = new float[32][8];
    low[2][3] = 1;
    high[20][3] = 1;
    assertEquals(0.0, MapMass.intersection(low, high), 0);
    double[] byBand = MapMass.intersectionByBand(a, a, ROWS, FrequencyBand.uniform(250, 4000));
    assertEquals(1.0, java.util.Arrays.stream(byBand).sum(), 1e-9);
  }

  @Test
  void bandSharesSplitEachRowOverTheBandsItsExtentCovers() {
    float[][] m = new float[32][8];
    m[4][0] = 1; // 500 Hz, extent 437.5-562.5: half in 250-500, half in 500-750
    m[5][1] = 3; // 625 Hz, extent 562.5-687.5: all in 500-750
    double[] s = MapMass.bandShares(m, ROWS, FrequencyBand.uniform(250, 4000));
    assertEquals(16, s.length);
    assertEquals(0.5 / 4, s[1], 1e-12);
    assertEquals(3.5 / 4, s[2], 1e-12);
    // a uniform map: every inner 250 Hz band holds two rows' worth, no sawtooth; the first also row
    // 0 (DC, clipped to 0-62.5 Hz) whole, the last one and a half rows (the grid ends at 3937.5 Hz)
    double[] flat = MapMass.bandShares(uniform(1), ROWS, FrequencyBand.uniform(250, 4000));
    assertEquals(1.0, java.util.Arrays.stream(flat).sum(), 1e-12);
    for (int b = 1; b < 15; b++) assertEquals(2.0 / 32, flat[b], 1e-12, "band " + b);
    assertEquals(2.5 / 32, flat[0], 1e-12);
    assertEquals(1.5 / 32, flat[15], 1e-12);
    double[] named = MapMass.bandShares(m, ROWS, FrequencyBand.named(4000));
    assertArrayEquals(new double[] {1, 1, 0}, java.util.Arrays.copyOf(named, 3), 1e-12); // F0 and F1 regions both hold 437-688 Hz
  }

  @Test
  void spearmanMatchesScipyAndThePermutationTestIsSeeded() {
    double[] x = {0.9, 0.5, 0.7, 0.7, 0.2, 0.4, 0.8, 0.1};
    double[] y = {0.30, 0.05, 0.10, 0.20, 0.00, 0.05, 0.25, 0.02};
    assertEquals(0.9638554216867469, RankCorrelation.spearman(x, y), 1e-12); // scipy.stats.spearmanr
    double p = RankCorrelation.permutationP(x, y, 2000, 7);
    assertEquals(p, RankCorrelation.permutationP(x, y, 2000, 7));
    assertTrue(p < 0.01, "p " + p);
    double[] noise = {0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6};
    assertTrue(RankCorrelation.permutationP(x, noise, 2000, 7) > 0.1);
  }

  @Test
  void theAccumulatorReadsClassMeansAlignmentAndConfusionAgainstOverlap() {
    List<String> classes = List.of("a", "b", "c");
    MethodAccumulator acc = new MethodAccumulator("m", false, classes, 32, 8, ROWS, FrequencyBand.uniform(250, 4000), FrequencyBand.named(4000));
    TruthMasks m = masks(500, 1500, 2500, 120);
    // a and b: the same map (on the formants); c: uniform
    for (int i = 0; i < 3; i++) {
      acc.add(0, "men", onMask(m.formants()), m);
      acc.add(1, "women", onMask(m.formants()), m);
      acc.add(2, "men", uniform(0.2f), m);
    }
    double[][] confusion = {{0.6, 0.3, 0.1}, {0.4, 0.5, 0.1}, {0.1, 0.1, 0.8}};
    MethodReading r = acc.finish(confusion, 500, 1);
    assertEquals(1 / TruthMasks.share(m.formants()), r.alignment().get("a").formants(), 1e-9);
    assertEquals(1.0, r.alignment().get("c").formants(), 1e-9);
    Alignment all = r.alignment().get("all");
    assertEquals(9, all.n());
    assertEquals((2 / TruthMasks.share(m.formants()) + 1) / 3, all.formants(), 1e-9);
    assertEquals(TruthMasks.share(m.formants()), all.formantShare(), 1e-12);
    ConfusionOverlap co = r.confusionOverlap();
    assertEquals(3, co.pairs().size());
    assertEquals(1.0, co.pairs().get(0).overlap(), 1e-6); // a-b: identical class means
    assertEquals(0.35, co.pairs().get(0).confusion(), 1e-12);
    assertEquals(1.0, co.spearman(), 1e-12); // overlaps 1, x, x against confusions 0.35, 0.1, 0.1
    assertEquals("a", co.mostConfused().get(0).a());
    assertEquals("b", co.mostConfused().get(0).b());
    assertEquals(0.7f * 1, r.classMeans()[0][4][0], 1e-6); // 500 Hz row lies in F1 +/- 60
    Map<String, double[]> groups = r.groupBandProfile();
    assertEquals(List.of("men", "women"), List.copyOf(groups.keySet()));
    assertEquals(1.0, java.util.Arrays.stream(groups.get("women")).sum(), 1e-9);
    assertEquals(List.of("a", "c"), List.copyOf(r.groupClassBandProfile().get("men").keySet()));
  }

  private static org.spectrolens.dataset.DatasetItem item(int sourceRate) {
    return new org.spectrolens.dataset.DatasetItem("i", "x.wav", 0, 0.07, "a", "s", "test", 0, "i.npy", 0, 0.01, sourceRate);
  }

  @Test
  void rowsAboveTheLowestSourceNyquistAreLeftOutOfEveryReadingButTheClassMeans() {
    // 32 rows to 4000 Hz; 16 kHz and 4 kHz recordings: rows from 2000 Hz up hold no signal of the latter.
    SourceBand band = SourceBand.of(List.of(item(16000), item(4000), item(0)), ROWS);
    assertEquals(new SourceBand(16, 2000, 4000, 32), band);
    assertTrue(band.note().startsWith("rows above 2000 Hz (16 of 32) hold no signal of the 4000 Hz recordings"), band.note());
    assertEquals(new SourceBand(32, ROWS.upperEdgeHz(31), 8000, 32), SourceBand.of(List.of(item(8000)), ROWS)); // nothing above Nyquist
    assertEquals(false, SourceBand.of(List.of(item(0)), ROWS).excludes()); // caches without source rates: unknown

    List<String> classes = List.of("a", "b");
    MethodAccumulator acc = new MethodAccumulator("m", false, classes, 32, 8, ROWS, FrequencyBand.uniform(250, band.topHz()),
        FrequencyBand.named(band.topHz()), band);
    TruthMasks m = masks(500, 1500, 2500, 120); // F3 lies above 2000 Hz
    float[][] map = onMask(m.formants());
    for (int r = 16; r < 32; r++) java.util.Arrays.fill(map[r], 0.9f); // mass where there is no signal
    acc.add(0, null, map, m);
    acc.add(1, null, uniform(0.2f), m);
    MethodReading r = acc.finish(new double[][] {{1, 0}, {0, 1}}, 10, 1);
    // Band profile over 0-2000 Hz only, summing to 1: the empty rows' mass is not in the denominator.
    assertEquals(8, r.bandProfile().get("a").length);
    assertEquals(1.0, java.util.Arrays.stream(r.bandProfile().get("a")).sum(), 1e-9);
    // Alignment as on the grid cut at 2000 Hz: F1 and F2 cells against the lower 16 rows.
    float[][] lower = java.util.Arrays.copyOf(map, 16);
    boolean[][] lowerMask = java.util.Arrays.copyOf(m.formants(), 16);
    assertEquals(MapMass.alignment(lower, lowerMask), r.alignment().get("a").formants(), 1e-9);
    assertEquals(1 / TruthMasks.share(lowerMask), r.alignment().get("a").formants(), 1e-9); // all of its kept mass on F1/F2
    assertEquals(TruthMasks.share(lowerMask), r.alignment().get("a").formantShare(), 1e-12);
    // The class mean keeps every row (the figure marks the edge).
    assertEquals(0.9f, r.classMeans()[0][31][0], 1e-6);
  }
}
