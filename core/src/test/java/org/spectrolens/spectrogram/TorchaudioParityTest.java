package org.spectrolens.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.SpectrogramSpec.Kind;
import org.spectrolens.spectrogram.SpectrogramSpec.MelNorm;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.spectrogram.SpectrogramSpec.PadMode;
import org.spectrolens.dsp.Window;

/**
 * FrontEnd against torchaudio 0.13 (scripts/reference/torchaudio_features.py) on a harmonic
 * complex with vibrato plus noise: every cell above the floor (the maximum - 80 dB) must agree
 * to 0.01 dB (MFCC: 0.01 in coefficient units, which are dB-weighted sums). Skipped unless
 * {@code /usr/bin/python3 -c "import torchaudio"} works.
 */
class TorchaudioParityTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final double TOLERANCE_DB = 0.01;
  private static final int SR = 22050;

  @TempDir static Path dir;
  private static Path script;

  @BeforeAll
  static void requireTorchaudio() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no /usr/bin/python3");
    Process p = new ProcessBuilder(PYTHON, "-c", "import torchaudio").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "torchaudio not importable");
    script = findScript();
    Assumptions.assumeTrue(script != null, "scripts/reference/torchaudio_features.py not found");
  }

  /** 1 s: harmonics 1..12 of 180 Hz with 5 Hz vibrato, 1/k amplitudes, plus white noise at -40 dB. */
  static float[] testSignal() {
    Random rnd = new Random(42);
    float[] x = new float[SR];
    double phase = 0;
    for (int i = 0; i < SR; i++) {
      double t = i / (double) SR;
      double f0 = 180.0 * (1.0 + 0.03 * Math.sin(2 * Math.PI * 5.0 * t));
      phase += 2 * Math.PI * f0 / SR;
      double v = 0;
      for (int k = 1; k <= 12; k++) v += Math.sin(k * phase) / k;
      x[i] = (float) (0.2 * v + 0.01 * rnd.nextGaussian());
    }
    return x;
  }

  @Test
  void matchesTorchaudio() throws Exception {
    float[] x = testSignal();
    Path wav = dir.resolve("signal.wav");
    WavWriter.writeFloat32(wav, new Clip(x, SR, wav.toString(), 0.0));
    SpectrogramSpec base = SpectrogramSpec.torchaudio().withSampleRate(SR).withFft(2048, 2048, 512).withDb(true, Double.NaN);

    Map<String, SpectrogramSpec> cases = new LinkedHashMap<>();
    cases.put("stft-power-db", base);
    cases.put("stft-magnitude-db", base.withPower(1.0));
    cases.put("stft-center-false", base.withWindow(Window.HANN, false, PadMode.REFLECT));
    cases.put("stft-hamming", base.withWindow(Window.HAMMING, true, PadMode.REFLECT));
    cases.put("stft-blackman-constant-pad", base.withWindow(Window.BLACKMAN, true, PadMode.CONSTANT));
    cases.put("stft-win1024-hop256", base.withFft(2048, 1024, 256));
    cases.put("stft-torchaudio-defaults-400", base.withFft(400, 400, 200));
    cases.put("mel-htk-none", base.withKind(Kind.MEL));
    cases.put("mel-slaney-slaney-librosa", base.withKind(Kind.MEL).withMel(128, MelScale.SLANEY, MelNorm.SLANEY)
        .withWindow(Window.HANN, true, PadMode.CONSTANT).withDb(true, 80.0));
    cases.put("mel-64-fmax4000-top60", base.withKind(Kind.MEL).withMel(64, MelScale.HTK, MelNorm.SLANEY)
        .withRange(50.0, 4000.0).withDb(true, 60.0));
    cases.put("mfcc-40", base.withKind(Kind.MFCC).withDb(false, Double.NaN));
    cases.put("mfcc-20-librosa", base.withKind(Kind.MFCC).withMel(128, MelScale.SLANEY, MelNorm.SLANEY)
        .withWindow(Window.HANN, true, PadMode.CONSTANT).withMfcc(20, 0.0));

    // the same in float64 torch: how much of the difference is torch's float32 arithmetic
    cases.put("stft-power-db/float64", base);
    cases.put("stft-torchaudio-defaults-400/float64", base.withFft(400, 400, 200));
    cases.put("mel-slaney-slaney-librosa/float64", cases.get("mel-slaney-slaney-librosa"));
    cases.put("mfcc-40/float64", cases.get("mfcc-40"));

    List<String> lines = new ArrayList<>();
    for (var e : cases.entrySet()) {
      String line = args(wav, dir.resolve(file(e.getKey())), e.getValue());
      lines.add(e.getKey().endsWith("/float64") ? line + " --dtype float64" : line);
    }
    Path batch = dir.resolve("runs.txt");
    Files.write(batch, lines, StandardCharsets.UTF_8);
    run(PYTHON, script.toString(), "--batch", batch.toString());

    Clip clip = new Clip(x, SR, wav.toString(), 0.0);
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (var e : cases.entrySet()) {
      float[][] ref = Npy.read(dir.resolve(file(e.getKey()))).toMatrix();
      float[][] ours = FrontEnd.compute(clip, e.getValue()).values();
      assertEquals(ref.length, ours.length, e.getKey() + ": rows");
      assertEquals(ref[0].length, ours[0].length, e.getKey() + ": columns");
      double max = Double.NEGATIVE_INFINITY;
      for (float[] r : ref) for (float v : r) max = Math.max(max, v);
      boolean cepstral = e.getValue().kind() == Kind.MFCC;
      double floor = cepstral ? Double.NEGATIVE_INFINITY : max - 80.0;
      double worst = 0;
      int cells = 0;
      for (int i = 0; i < ref.length; i++) {
        for (int t = 0; t < ref[i].length; t++) {
          if (ref[i][t] <= floor) continue;
          cells++;
          worst = Math.max(worst, Math.abs(ref[i][t] - ours[i][t]));
        }
      }
      report.append(String.format("%-36s %4dx%-4d cells %6d  max |diff| %.5f%n", e.getKey(), ref.length, ref[0].length,
          cells, worst));
      if (!(worst <= TOLERANCE_DB) || cells == 0) failures.add(e.getKey() + " " + worst);
    }
    System.out.print(report);
    assertTrue(failures.isEmpty(), "differences above " + TOLERANCE_DB + ": " + failures + "\n" + report);
  }

  private static String file(String caseName) {
    return caseName.replace('/', '-') + ".npy";
  }

  private static String args(Path wav, Path out, SpectrogramSpec s) {
    List<String> a = new ArrayList<>(List.of("--wav", wav.toString(), "--out", out.toString(),
        "--kind", s.kind().name().toLowerCase(), "--n-fft", "" + s.nFft(), "--win-length", "" + s.winLength(),
        "--hop", "" + s.hop(), "--window", s.window().name().toLowerCase(), "--center", "" + s.center(),
        "--pad-mode", s.padMode().name().toLowerCase(), "--power", "" + s.power(), "--n-mels", "" + s.nMels(),
        "--fmin", "" + s.fmin(), "--mel-scale", s.melScale().name().toLowerCase(),
        "--mel-norm", s.melNorm().name().toLowerCase(), "--n-mfcc", "" + s.nMfcc()));
    if (!Double.isNaN(s.fmax())) a.addAll(List.of("--fmax", "" + s.fmax()));
    if (s.db()) a.add("--db");
    if (!Double.isNaN(s.topDb())) a.addAll(List.of("--top-db", "" + s.topDb()));
    return String.join(" ", a);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "reference script timed out");
    assertEquals(0, p.exitValue(), "reference script failed:\n" + out);
  }

  static Path findScript() {
    Path d = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
      Path s = d.resolve("scripts/reference/torchaudio_features.py");
      if (Files.exists(s)) return s;
    }
    return null;
  }
}
