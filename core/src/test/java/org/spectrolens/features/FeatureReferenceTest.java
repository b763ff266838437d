package org.spectrolens.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.dsp.GriffinLim;
import org.spectrolens.dsp.Padding;
import org.spectrolens.dsp.Stft;
import org.spectrolens.dsp.Window;
import org.spectrolens.io.Npy;

/**
 * Features against the reference tools where they have them (scripts/reference/features_reference.py):
 * torchaudio's spectral_centroid, compute_deltas and griffinlim, scipy's savgol_filter (which is
 * librosa's delta) and median_filter (librosa's HPSS medians). Skipped unless /usr/bin/python3
 * imports torchaudio and scipy. Tolerances: centroid 0.01 Hz; deltas 1e-4 (relative to the
 * input's range); medians exact (1e-6); Griffin-Lim's spectral convergence after 32 iterations at
 * most torchaudio's + {@link #GRIFFIN_LIM_MARGIN}.
 */
class FeatureReferenceTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final int SR = 22050;
  /** How much worse than torchaudio's our Griffin-Lim convergence may be (absolute). */
  static final double GRIFFIN_LIM_MARGIN = 0.005;

  @TempDir static Path dir;
  private static float[] signal;
  private static float[][] grid;
  private static float[][] magnitude;
  private static Stft glStft;

  @BeforeAll
  static void runReference() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(PYTHON, "-c", "import torchaudio, scipy.signal, scipy.ndimage").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "torchaudio/scipy not importable");
    Path script = find("scripts/reference/features_reference.py");
    Assumptions.assumeTrue(script != null, "scripts/reference/features_reference.py not found");

    signal = testSignal();
    Npy.write(dir.resolve("signal.npy"), new float[][] {signal});
    Files.writeString(dir.resolve("sr.txt"), Integer.toString(SR));
    grid = MfccFeature.coefficients(Analysis.of(new Clip(signal, SR)));
    Npy.write(dir.resolve("deltas_in.npy"), grid);
    glStft = new Stft(1024, 1024, 256, Window.HANN, true, Padding.REFLECT);
    magnitude = glStft.spectrogram(signal, 1.0);
    Npy.write(dir.resolve("magnitude.npy"), magnitude);
    Files.writeString(dir.resolve("hop.txt"), "256");

    Process p = new ProcessBuilder(PYTHON, script.toString(), dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "reference script timed out");
    assertEquals(0, p.exitValue(), "reference script failed:\n" + out);
  }

  /** 1 s: harmonics 1..12 of 180 Hz with 5 Hz vibrato, 1/k amplitudes, white noise at -40 dB, a click at 0.5 s. */
  static float[] testSignal() {
    Random rnd = new Random(42);
    float[] x = new float[SR];
    double phase = 0;
    for (int i = 0; i < SR; i++) {
      double f0 = 180.0 * (1.0 + 0.03 * Math.sin(2 * Math.PI * 5.0 * i / SR));
      phase += 2 * Math.PI * f0 / SR;
      double v = 0;
      for (int k = 1; k <= 12; k++) v += Math.sin(k * phase) / k;
      x[i] = (float) (0.2 * v + 0.01 * rnd.nextGaussian());
    }
    x[SR / 2] += 0.8f;
    return x;
  }

  @Test
  void centroidMatchesTorchaudio() {
    float[] ref = Npy.read(dir.resolve("centroid.npy")).toMatrix()[0];
    Analysis a = Analysis.of(new Clip(signal, SR), new Stft(2048, 2048, 512, Window.HANN, true, Padding.REFLECT));
    float[] ours = Features.of("centroid").compute(a).column("centroid");
    assertEquals(ref.length, ours.length);
    double worst = maxDiff(new float[][] {ref}, new float[][] {ours});
    System.out.printf("centroid vs torchaudio: max |diff| %.5f Hz over %d frames%n", worst, ref.length);
    assertTrue(worst < 0.01, "centroid differs by " + worst + " Hz");
  }

  @Test
  void deltasMatchTorchaudioAndScipy() {
    double range = 0;
    for (float[] r : grid) for (float v : r) range = Math.max(range, Math.abs(v));
    double ta = maxDiff(Npy.read(dir.resolve("deltas_ta.npy")).toMatrix(), Delta.torchaudio().apply(grid, "x"));
    double s1 = maxDiff(Npy.read(dir.resolve("savgol1.npy")).toMatrix(), Delta.librosa().apply(grid, "x"));
    double s2 = maxDiff(Npy.read(dir.resolve("savgol2.npy")).toMatrix(), Delta.librosa().withOrder(2).apply(grid, "x"));
    System.out.printf("deltas (input range %.1f): torchaudio compute_deltas %.2e, savgol order 1 %.2e, order 2 %.2e%n", range, ta, s1, s2);
    for (double d : List.of(ta, s1, s2)) assertTrue(d < 1e-4 * range, "delta differs by " + d);
  }

  @Test
  void hpssMediansMatchScipy() {
    double h = maxDiff(Npy.read(dir.resolve("median_h.npy")).toMatrix(), Hpss.medianAlongTime(magnitude, 31));
    double p = maxDiff(Npy.read(dir.resolve("median_p.npy")).toMatrix(), Hpss.medianAlongFrequency(magnitude, 31));
    System.out.printf("HPSS medians vs scipy.ndimage.median_filter: harmonic %.2e, percussive %.2e%n", h, p);
    assertTrue(h < 1e-6 && p < 1e-6, "medians differ: " + h + ", " + p);
  }

  @Test
  void griffinLimConvergesAsWellAsTorchaudio() throws Exception {
    List<String> ref = Files.readAllLines(dir.resolve("griffinlim.txt"));
    double theirs = Double.parseDouble(ref.get(0));
    double theirsPlain = Double.parseDouble(ref.get(1));
    double ours = GriffinLim.defaults(glStft).reconstruct(magnitude, signal.length).spectralConvergence();
    double oursPlain = new GriffinLim(glStft, 32, 0.0, GriffinLim.Init.ZERO, 0).reconstruct(magnitude, signal.length)
        .spectralConvergence();
    System.out.printf("Griffin-Lim spectral convergence after 32 iterations (n_fft 1024, hop 256, 1 s at 22050 Hz, zero initial phase):"
        + " momentum 0.99 ours %.4f torchaudio %.4f; momentum 0 ours %.4f torchaudio %.4f%n", ours, theirs, oursPlain, theirsPlain);
    assertTrue(ours <= theirs + GRIFFIN_LIM_MARGIN, "ours " + ours + ", torchaudio " + theirs);
    assertTrue(oursPlain <= theirsPlain + GRIFFIN_LIM_MARGIN, "momentum 0: ours " + oursPlain + ", torchaudio " + theirsPlain);
  }

  private static double maxDiff(float[][] a, float[][] b) {
    assertEquals(a.length, b.length, "rows");
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].length, b[i].length, "columns");
      for (int j = 0; j < a[i].length; j++) worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
    }
    return worst;
  }

  static Path find(String relative) {
    Path d = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
      Path s = d.resolve(relative);
      if (Files.exists(s)) return s;
    }
    return null;
  }
}
