package org.spectrolens.segment;

import org.spectrolens.params.ParameterRecords;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/** Closed forms: a tone burst in silence, hand-made grids with known labels, and the option checks. */
class SegmentationTest {
  private static final int SR = 16000;

  /** 1 s at 16 kHz: a 1000 Hz tone from 0.3 to 0.6 s, silence elsewhere. */
  static Clip toneBurst() {
    float[] x = new float[SR];
    for (int i = (int) (0.3 * SR); i < (int) (0.6 * SR); i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / SR));
    return new Clip(x, SR);
  }

  /**
   * STFT n_fft 512 (31.25 Hz bins), hop 128 (8 ms), power: the burst is one region from 0.3 to 0.6 s
   * within half a window plus a hop (24 ms), in a band around 1000 Hz (bin 32) for the threshold, Otsu
   * and region-growing methods alike. Within 20 dB of the peak the band is at most 7 bins (218.75 Hz):
   * in steady state the Hann main lobe keeps 3 bins, and frames that hold only part of the burst
   * spread it by one bin more on each side.
   */
  @Test
  void aToneBurstInSilenceIsOneRegionWithItsSpanAndBand() {
    SpectrogramSpec spec = SpectrogramSpec.torchaudio().withFft(512, 512, 128);
    Spectrogram s = FrontEnd.compute(toneBurst(), spec);
    for (Segmenter m : List.of(new Threshold(new Threshold.Params(20, true)), new Otsu(new Otsu.Params(256)),
        new RegionGrowing(new RegionGrowing.Params(3, 20)))) {
      LabelGrid l = new Segmentation(m, List.of()).segment(s);
      List<Region> rs = l.regions(s);
      String id = m.definition().id();
      assertEquals(1, rs.size(), id + ": regions " + rs);
      Region r = rs.get(0);
      assertEquals(0.3, r.t0(), 0.024, id + " t0");
      assertEquals(0.6, r.t1(), 0.024, id + " t1");
      assertTrue(r.f0Hz() < 1000 && r.f1Hz() > 1000, id + " band " + r.f0Hz() + ".." + r.f1Hz());
      if (!id.equals("otsu")) assertTrue(r.bandwidthHz() <= 7 * 31.25 + 1e-9, id + " bandwidth " + r.bandwidthHz());
      // energy: the region holds the tone, whose power per bin is far above silence
      assertTrue(r.energyDb() > 0, id + " energy " + r.energyDb());
    }
  }

  private static Spectrogram grid(float[][] v) {
    return new Spectrogram(v, FrequencyAxis.of(FrequencyScale.LINEAR, 100, 100, v.length), TimeAxis.of(0.5, 0.25, v[0].length), null);
  }

  @Test
  void regionsReadInSecondsAndHzAtCellEdgesAndAreNumberedByOnset() {
    float[][] v = {
      {0, 0, 0, 5, 5},
      {9, 0, 0, 5, 5},
      {9, 0, 0, 0, 0},
    };
    LabelGrid l = new Segmentation(new Threshold(new Threshold.Params(1, false)), List.of()).segment(grid(v));
    assertEquals(2, l.count());
    assertArrayEquals(new int[] {0, 0, 0, 2, 2}, l.labels()[0]);
    assertArrayEquals(new int[] {1, 0, 0, 2, 2}, l.labels()[1]);
    List<Region> rs = l.regions(grid(v));
    // region 1: column 0 (centre 0.5 s, step 0.25), rows 1-2 (centres 200, 300 Hz, step 100)
    assertEquals(new Region(1, 0.375, 0.625, 150, 350, 2, 10 * Math.log10(9)), rs.get(0));
    assertEquals(new Region(2, 1.125, 1.625, 50, 250, 4, 10 * Math.log10(5)), rs.get(1));
    assertEquals("1,0.375000,0.625000,150.000,350.000,2,9.542", rs.get(0).csvRow());
  }

  @Test
  void kMeansSeparatesLevelsAndTheLowestClusterIsBackground() {
    float[][] v = {
      {0, 0, 10, 10, 0, 20},
      {0, 1, 10, 11, 0, 21},
    };
    double[] centres = new double[3];
    int[][] k = KMeans.clusters(v, 3, 100, centres);
    assertArrayEquals(new double[] {1 / 6.0, 10.25, 20.5}, centres, 1e-12);
    assertArrayEquals(new int[] {0, 0, 1, 1, 0, 2}, k[0]);
    int[][] l = new KMeans(new KMeans.Params(3, 100, true)).label(v);
    assertArrayEquals(new int[] {0, 0, 1, 1, 0, 2}, l[0]);
    int[][] merged = new KMeans(new KMeans.Params(2, 100, false)).label(v);
    assertArrayEquals(new int[] {0, 0, 1, 1, 0, 1}, merged[1]);
  }

  @Test
  void regionGrowingFloodsDownToTheToleranceFromEachSeed() {
    float[][] v = {
      {10, 8, 3, 9, 9},
      {7, 1, 1, 6, 2},
    };
    int[][] l = RegionGrowing.grow(v, List.of(new int[] {0, 0}, new int[] {0, 3}, new int[] {0, 4}), 3);
    // seed 10 takes 8 and 7 (>= 7); seed 9 at (0,3) takes its 9 and 6 (>= 6); (0,4) is already taken
    assertArrayEquals(new int[] {1, 1, 0, 2, 2}, l[0]);
    assertArrayEquals(new int[] {1, 0, 0, 2, 0}, l[1]);
  }

  @Test
  void morphologyOnAPartitionKeepsLabelsAndOnAMaskRecomputesComponents() {
    float[][] v = new float[6][8];
    for (int r = 1; r < 5; r++) for (int c = 1; c < 4; c++) v[r][c] = 10;
    v[2][4] = 10; // a one-cell bridge to a second block
    for (int r = 1; r < 5; r++) for (int c = 5; c < 7; c++) v[r][c] = 10;
    Segmentation mask = new Segmentation(new Threshold(new Threshold.Params(5, false)), Morphology.parse("opening:2", "m"));
    // the opening removes the bridge: two regions
    assertEquals(2, mask.segment(grid(v)).count());
    assertEquals(1, new Segmentation(new Threshold(new Threshold.Params(5, false)), List.of()).segment(grid(v)).count());
    // a dilation on a partition: new cells take their neighbour's label
    int[][] labels = Segmentation.refill(new int[][] {{1, 0, 0, 2}}, new boolean[][] {{true, true, true, true}});
    assertArrayEquals(new int[] {1, 1, 2, 2}, labels[0]);
  }

  @Test
  void aboveFloorSubtractsEachRowsQuantileAsNumpyInterpolatesIt() {
    float[][] g = Segmentation.aboveRowQuantile(new float[][] {{1, 2, 3}, {4, 4, 10, 4}}, 0.5);
    assertArrayEquals(new float[] {-1, 0, 1}, g[0]);
    assertArrayEquals(new float[] {0, 0, 6, 0}, g[1]);
    // numpy.quantile([0, 10, 20, 30, 40], 0.2) = 8; of [3, 1, 2, 4] at 0.25: position 0.75 -> 1.75
    assertArrayEquals(new float[] {-8, 2, 12, 22, 32}, Segmentation.aboveRowQuantile(new float[][] {{0, 10, 20, 30, 40}}, 0.2)[0], 1e-5f);
    assertArrayEquals(new float[] {1.25f, -0.75f, 0.25f, 2.25f}, Segmentation.aboveRowQuantile(new float[][] {{3, 1, 2, 4}}, 0.25)[0], 1e-6f);
  }

  @Test
  void badSettingsAreOneLineErrors() {
    assertEquals("--method: unknown segmentation method 'watershed'; expected one of threshold, otsu, region-growing, kmeans, felzenszwalb",
        assertThrows(SpectrolensException.class, () -> Segmenters.parse("watershed", "--method")).getMessage());
    assertEquals("--method: felzenszwalb: has no parameter 'k'; its parameters: scale, sigma, min-size, normalise, min-mean",
        assertThrows(SpectrolensException.class, () -> Segmenters.parse("felzenszwalb:k=3", "--method")).getMessage());
    assertEquals("--method: kmeans.clusters: must lie in [2, 64], found 1",
        assertThrows(SpectrolensException.class, () -> Segmenters.parse("kmeans:clusters=1", "--method")).getMessage());
    assertEquals("--morphology: unknown operation 'thinning'; expected erosion, dilation, opening or closing",
        assertThrows(SpectrolensException.class, () -> Morphology.parse("thinning:3", "--morphology")).getMessage());
    assertEquals("--morphology: structuring element side must be a whole number in [1, 1000], found '0'",
        assertThrows(SpectrolensException.class, () -> Morphology.parse("opening:3x0", "--morphology")).getMessage());
    Segmentation big = new Segmentation(new Otsu(new Otsu.Params(256)), Morphology.parse("closing:5", "m"));
    assertEquals("segment: spectrogram of 3x4 cells is smaller than the morphology element closing:5x5",
        assertThrows(SpectrolensException.class, () -> big.segment(grid(new float[3][4]))).getMessage());
    assertEquals(List.of("threshold", "otsu", "region-growing", "kmeans", "felzenszwalb"), Segmenters.IDS);
  }

  @Test
  void docsTableIsTheRegistrysTable() throws Exception {
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/segmentation.md"));
    int a = docs.indexOf("<!-- segmenters:begin -->\n");
    int b = docs.indexOf("<!-- segmenters:end -->");
    assertTrue(a >= 0 && b > a, "docs/segmentation.md keeps the generated table between the markers");
    assertEquals(Segmenters.markdownTable(), docs.substring(a + "<!-- segmenters:begin -->\n".length(), b),
        "regenerate the table in docs/segmentation.md from Segmenters.markdownTable()");
  }

  @Test
  void parametersAreReadFromTheRecordAndSetFromText() {
    Felzenszwalb f = (Felzenszwalb) Segmenters.parse("felzenszwalb:scale=100,min-size=5,normalise=false", "--method");
    assertEquals(new Felzenszwalb.Params(100, 0.8, 5, false, Double.NEGATIVE_INFINITY), f.parameters());
    assertEquals(List.of("scale", "sigma", "min-size", "normalise", "min-mean"),
        Felzenszwalb.DEFINITION.parameters().stream().map(ParameterRecords.Parameter::name).toList());
    assertEquals(100.0, ParameterRecords.values(f.parameters()).get("scale"));
  }
}
