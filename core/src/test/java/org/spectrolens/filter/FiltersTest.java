package org.spectrolens.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** Closed forms of the filters, the registry's text forms and errors, and axis preservation. */
class FiltersTest {
  @Test
  void gaussianOfADeltaIsTheKernel() {
    float[][] x = new float[41][51];
    x[20][25] = 1f;
    float[][] y = Filters.parse("gaussian:sigma-rows=2,sigma-columns=3", "t").apply(x, null);
    double[] kr = GaussianFilter.kernel(2, 8);
    double[] kc = GaussianFilter.kernel(3, 12);
    double sum = 0;
    for (int r = 0; r < 41; r++) {
      for (int c = 0; c < 51; c++) {
        int dr = r - 20;
        int dc = c - 25;
        double expected = Math.abs(dr) <= 8 && Math.abs(dc) <= 12 ? kr[dr + 8] * kc[dc + 12] : 0;
        assertEquals(expected, y[r][c], 1e-7, "cell " + r + "," + c);
        sum += y[r][c];
      }
    }
    assertEquals(1.0, sum, 1e-5, "mass kept");
    // the kernel itself: exp(-x^2 / 2 sigma^2), normalised
    assertEquals(Math.exp(-0.5 / 4.0) / Math.exp(0), kr[9] / kr[8], 1e-12);
  }

  @Test
  void medianRemovesSaltNoise() {
    Random rnd = new Random(3);
    float[][] clean = new float[60][80];
    for (int r = 0; r < 60; r++) for (int c = 0; c < 80; c++) clean[r][c] = (float) (-40 + 10 * Math.sin(r / 7.0) + 5 * Math.cos(c / 9.0));
    float[][] noisy = new float[60][];
    for (int r = 0; r < 60; r++) noisy[r] = clean[r].clone();
    int salted = 0;
    for (int r = 0; r < 60; r += 3) {
      for (int c = 0; c < 80; c += 3) {
        if (rnd.nextDouble() < 0.5) {
          noisy[r][c] = 0f; // isolated clicks at 0 dB: at most one per 3x3 window
          salted++;
        }
      }
    }
    assertTrue(salted > 200, "salted " + salted);
    float[][] y = new MedianFilter(new MedianFilter.Parameters(3, 3, Boundary.REFLECT)).apply(noisy, null);
    float[][] yClean = new MedianFilter(new MedianFilter.Parameters(3, 3, Boundary.REFLECT)).apply(clean, null);
    for (int r = 0; r < 60; r++) for (int c = 0; c < 80; c++) {
      assertTrue(y[r][c] < -20, "salt left at " + r + "," + c);
      assertTrue(Math.abs(y[r][c] - yClean[r][c]) <= 2.5, "cell " + r + "," + c); // within one neighbour's step
    }
  }

  /** White noise's power spectrogram: exponential cells, so with the mean noise power estimated, a share 1 - exp(-alpha) is left at the floor. */
  @Test
  void spectralSubtractionOfStationaryNoiseLeavesTheFloor() {
    Random rnd = new Random(11);
    float[] x = new float[16000 * 4];
    double sigma = 0.1;
    for (int i = 0; i < x.length; i++) x[i] = (float) (sigma * rnd.nextGaussian());
    SpectrogramSpec spec = SpectrogramSpec.torchaudio().withSampleRate(16000).withFft(512, 512, 512);
    Spectrogram s = FrontEnd.compute(new Clip(x, 16000), spec).cropRows(1, 256); // DC and Nyquist bins are not exponential
    for (double[] pa : new double[][] {{10, 2}, {50, 1}, {20, 3}}) {
      double p = pa[0] / 100;
      double alpha = pa[1];
      SpectralSubtraction f = new SpectralSubtraction(new SpectralSubtraction.Parameters(pa[0], alpha, 0.01, SpectralSubtraction.Domain.AUTO));
      Spectrogram y = f.apply(s);
      double[][] lin = new double[s.rows()][];
      for (int r = 0; r < s.rows(); r++) {
        lin[r] = new double[s.columns()];
        for (int c = 0; c < s.columns(); c++) lin[r][c] = s.value(r, c);
      }
      double[] floor = NoiseFloor.perBand(lin, pa[0]);
      for (int r = 0; r < floor.length; r++) floor[r] /= -Math.log(1 - p);
      long atFloor = 0;
      for (int r = 0; r < y.rows(); r++) for (int c = 0; c < y.columns(); c++) {
        if (Math.abs(y.value(r, c) - 0.01 * floor[r]) <= 1e-6 * floor[r]) atFloor++;
      }
      double share = atFloor / (double) (y.rows() * y.columns());
      double expected = 1 - Math.exp(-alpha);
      assertEquals(expected, share, 0.02, "share at the floor for p=" + pa[0] + " alpha=" + alpha);
    }
    // the median floor of each band is ln 2 times the mean power sigma^2 sum(w^2) (periodic Hann: 3N/8)
    double[][] lin = new double[s.rows()][];
    for (int r = 0; r < s.rows(); r++) {
      lin[r] = new double[s.columns()];
      for (int c = 0; c < s.columns(); c++) lin[r][c] = s.value(r, c);
    }
    double mean = 0;
    for (double v : NoiseFloor.perBand(lin, 50)) mean += v;
    mean /= s.rows();
    assertEquals(Math.log(2) * sigma * sigma * 512 * 3 / 8, mean, 0.05 * mean);
  }

  @Test
  void spectralSubtractionInDbIsTheSameSubtractionInPower() {
    Random rnd = new Random(5);
    float[] x = new float[16000];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * rnd.nextGaussian() + 0.3 * Math.sin(2 * Math.PI * 1000 * i / 16000.0) * (i > 8000 ? 1 : 0));
    SpectrogramSpec power = SpectrogramSpec.torchaudio().withSampleRate(16000);
    Spectrogram p = FrontEnd.compute(new Clip(x, 16000), power);
    Spectrogram d = FrontEnd.compute(new Clip(x, 16000), power.withDb(true, Double.NaN));
    SpectrogramFilter f = Filters.parse("spectral-subtraction", "t");
    Spectrogram yp = f.apply(p);
    Spectrogram yd = f.apply(d);
    for (int r = 0; r < p.rows(); r++) for (int c = 0; c < p.columns(); c++) {
      double expected = 10 * Math.log10(Math.max(yp.value(r, c), 1e-10));
      assertEquals(expected, yd.value(r, c), 1e-3, "cell " + r + "," + c);
    }
  }

  @Test
  void daubechiesReconstructsPerfectly() {
    Random rnd = new Random(7);
    for (Daubechies w : Daubechies.values()) {
      for (int n : new int[] {16, 33, 64}) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        double[][] ad = w.forward(x);
        double[] y = w.inverse(ad[0], ad[1]);
        assertTrue(y.length >= n, w + " n=" + n);
        double energy = 0;
        for (double[] band : ad) for (double v : band) energy += v * v;
        for (int i = 0; i < n; i++) assertEquals(x[i], y[i], 1e-10, w + " n=" + n + " i=" + i);
        assertTrue(energy > 0.5 * n);
      }
    }
  }

  @Test
  void everyFilterKeepsTheAxes() {
    float[] x = new float[8000];
    Random rnd = new Random(1);
    for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
    Spectrogram s = FrontEnd.compute(new Clip(x, 8000), SpectrogramSpec.torchaudio().withSampleRate(8000).withDb(true, 80.0));
    for (String id : Filters.ids()) {
      Spectrogram y = Filters.parse(id, "t").apply(s);
      assertEquals(s.frequencies(), y.frequencies(), id);
      assertEquals(s.times(), y.times(), id);
      assertSame(s.spec(), y.spec(), id);
    }
  }

  @Test
  void textFormsAndErrors() {
    SpectrogramFilter f = Filters.parse("median:rows=5,columns=3", "--filter");
    assertEquals("median:rows=5,columns=3,boundary=reflect", f.text());
    assertEquals(f.text(), Filters.parse(f.text(), "x").text());
    assertEquals(List.of("gaussian", "median", "bilateral", "wiener", "wavelet", "spectral-subtraction"), Filters.ids());
    assertEquals("--filter: unknown filter 'blur'; expected one of gaussian, median, bilateral, wiener, wavelet, spectral-subtraction",
        assertThrows(SpectrolensException.class, () -> Filters.parse("blur", "--filter")).getMessage());
    assertEquals("--filter: median.rows: must lie in [1, 999], found 0",
        assertThrows(SpectrolensException.class, () -> Filters.parse("median:rows=0", "--filter")).getMessage());
    assertEquals("--filter: wiener.rows: must be odd, got 4",
        assertThrows(SpectrolensException.class, () -> Filters.parse("wiener:rows=4", "--filter")).getMessage());
    assertEquals("--filter: median: has no parameter 'size'; its parameters: rows, columns, boundary",
        assertThrows(SpectrolensException.class, () -> Filters.parse("median:size=3", "--filter")).getMessage());
    assertEquals("a.npy: 4x40 (rows x frames) is smaller than the median filter's 5x3 footprint (median:rows=5,columns=3,boundary=reflect)",
        assertThrows(SpectrolensException.class, () -> Filters.apply(List.of(f), new float[4][40], null, "a.npy")).getMessage());
  }

  @Test
  void docsListEveryFilterWithItsDefaults() throws Exception {
    java.nio.file.Path doc = ScipyReferenceTest.findScript("docs/filters.md");
    org.junit.jupiter.api.Assumptions.assumeTrue(doc != null, "docs/filters.md not found");
    assertTrue(java.nio.file.Files.readString(doc).contains(Filters.markdownTable()), "docs/filters.md's table is not Filters.markdownTable()");
  }
}
