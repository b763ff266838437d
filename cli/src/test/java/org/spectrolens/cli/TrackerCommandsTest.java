package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;

/** {@code formants} and {@code pitch} on vowels with known F0 and formants. */
class TrackerCommandsTest {
  @TempDir Path dir;

  /**
   * A steady vowel: 140 Hz impulses through resonators at 700, 1200, 2600, 3400, 3900 Hz
   * (bandwidths 80, 100, 150, 200, 250 Hz) with a -12 dB/octave source, as a 16-bit WAV.
   */
  private Path vowel(String name, int rate, double seconds) {
    int n = (int) (rate * seconds);
    double[] x = new double[n];
    double period = rate / 140.0;
    for (double t = 0; t < n; t += period) x[(int) t] = 1;
    for (int pass = 0; pass < 2; pass++) { // two one-pole low-passes: the glottal tilt
      double a = Math.exp(-2 * Math.PI * 100.0 / rate), y = 0;
      for (int i = 0; i < n; i++) x[i] = y = (1 - a) * x[i] + a * y;
    }
    for (double[] fb : new double[][] {{700, 80}, {1200, 100}, {2600, 150}, {3400, 200}, {3900, 250}}) {
      double r = Math.exp(-Math.PI * fb[1] / rate), c = -r * r, b = 2 * r * Math.cos(2 * Math.PI * fb[0] / rate), g = 1 - b - c;
      double y1 = 0, y2 = 0;
      for (int i = 0; i < n; i++) {
        double y = g * x[i] + b * y1 + c * y2;
        y2 = y1;
        y1 = y;
        x[i] = y;
      }
    }
    double peak = Arrays.stream(x).map(Math::abs).max().orElse(1);
    float[] s = new float[n];
    for (int i = 0; i < n; i++) s[i] = (float) (0.5 * x[i] / peak);
    Path f = dir.resolve(name);
    WavWriter.writePcm16(f, new Clip(s, rate));
    return f;
  }

  private static List<double[]> rows(Path csv, int columns) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<double[]> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertEquals(columns, f.length, line);
      double[] v = new double[columns];
      for (int i = 0; i < columns; i++) v[i] = f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i]);
      out.add(v);
    }
    return out;
  }

  private static double median(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(r -> r[column]).filter(d -> !Double.isNaN(d)).sorted().toArray();
    return v[v.length / 2];
  }

  @Test
  void formantsOfOneFileGoToOneCsvWithAFigure() throws Exception {
    Path wav = vowel("a.wav", 16000, 0.505);
    Path csv = dir.resolve("out/a.csv");
    CliRun r = CliRun.of("formants", wav.toString(), "--out", csv.toString(), "--png");
    assertEquals(0, r.exit(), r.err());
    assertEquals("time,f1,f2,f3,f4,f5", Files.readAllLines(csv).get(0));
    List<double[]> rows = rows(csv, 6);
    // Frames every 10 ms centred in the clip: floor((0.505 - 0.05) / 0.01) + 1 = 46.
    assertEquals(46, rows.size());
    assertEquals(0.01, rows.get(1)[0] - rows.get(0)[0], 1e-6);
    assertEquals(700, median(rows, 1), 50);
    assertEquals(1200, median(rows, 2), 60);
    assertEquals(2600, median(rows, 3), 100);
    assertTrue(Files.size(dir.resolve("out/a.png")) > 1000);
  }

  @Test
  void telephoneSettingsAndSpeakerCeilings() throws Exception {
    Path wav = vowel("tel.wav", 8000, 0.4);
    CliRun r = CliRun.of("formants", wav.toString(), "--out", dir.resolve("tel.csv").toString(),
        "--ceiling", "4000", "--max-formants", "4");
    assertEquals(0, r.exit(), r.err());
    assertEquals("time,f1,f2,f3,f4", Files.readAllLines(dir.resolve("tel.csv")).get(0));
    assertEquals(700, median(rows(dir.resolve("tel.csv"), 5), 1), 50);

    // No option: the ceiling and count follow the rate (issue 25), as analyze and localisation's tracker truth.
    CliRun plain = CliRun.of("formants", wav.toString(), "--out", dir.resolve("plain.csv").toString());
    assertEquals(0, plain.exit(), plain.err());
    assertEquals("formants: 8000 Hz audio: ceiling 4000 Hz, 4 formants\n", plain.err());
    assertEquals(Files.readAllLines(dir.resolve("tel.csv")), Files.readAllLines(dir.resolve("plain.csv")));

    // A speaker's ceiling is a default, lowered to Nyquist with the count its formant spacing gives.
    CliRun man = CliRun.of("formants", wav.toString(), "--out", dir.resolve("man.csv").toString(), "--speaker", "child");
    assertEquals(0, man.exit(), man.err());
    assertEquals("formants: 8000 Hz audio: ceiling 4000 Hz, 2.5 formants\n", man.err());

    CliRun high = CliRun.of("formants", wav.toString(), "--out", dir.resolve("high.csv").toString(), "--ceiling", "5000");
    assertEquals(2, high.exit());
    assertEquals("spectrolens: " + wav + ": formant ceiling 5000 Hz is above the Nyquist frequency (4000 Hz) of this "
        + "8000 Hz recording; use a ceiling of at most 4000 Hz (for telephone speech 4000 Hz with 4 formants)\n", high.err());
    assertFalse(Files.exists(dir.resolve("high.csv")));
  }

  @Test
  void pitchOfSeveralFilesGoesToAFolder() throws Exception {
    Path a = vowel("a.wav", 16000, 0.5), b = vowel("b.wav", 22050, 0.3);
    Path out = dir.resolve("pitch");
    CliRun r = CliRun.of("pitch", a.toString(), b.toString(), "--out", out.toString(), "--png");
    assertEquals(0, r.exit(), r.err());
    for (String name : List.of("a", "b")) {
      Path csv = out.resolve(name + ".pitch.csv");
      assertEquals("time,f0", Files.readAllLines(csv).get(0));
      List<double[]> rows = rows(csv, 2);
      assertEquals(140, median(rows, 1), 1.0);
      assertTrue(Files.isRegularFile(out.resolve(name + ".pitch.png")));
    }
  }

  @Test
  void aFileTooShortForOneWindowIsOneLineAndTheOthersAreWritten() throws Exception {
    Path shortWav = vowel("short.wav", 16000, 0.03), good = vowel("good.wav", 16000, 0.3);
    Path out = dir.resolve("f");
    CliRun r = CliRun.of("formants", shortWav.toString(), good.toString(), "--out", out.toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("spectrolens: " + shortWav + ": 0.0300 s is too short for formant analysis"), r.err());
    assertTrue(Files.isRegularFile(out.resolve("good.formants.csv")));
    assertFalse(Files.exists(out.resolve("short.formants.csv")));

    CliRun p = CliRun.of("pitch", shortWav.toString(), "--out", dir.resolve("p.csv").toString());
    assertEquals(2, p.exit());
    assertTrue(p.err().startsWith("spectrolens: " + shortWav + ": 0.0300 s is too short for pitch analysis"), p.err());
  }
}
