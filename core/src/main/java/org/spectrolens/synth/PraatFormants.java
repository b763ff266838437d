package org.spectrolens.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.acoustics.Praat;

/**
 * F1 and F2 measured by Praat's "To Formant (burg)" (5 formants, the given ceiling, 25 ms window,
 * pre-emphasis from 50 Hz) on a 200 ms excerpt around each time, with one Praat run for a whole
 * list of measurements. Praat is an external program; {@link #available()} says whether it is.
 */
public final class PraatFormants {
  /** One measurement: a WAV file, a time in it (s) and the formant ceiling (Hz). */
  public record Job(Path wav, double time, double ceiling) {}

  private PraatFormants() {}

  public static boolean available() {
    return Praat.available();
  }

  /** {F1, F2} per job, in order (NaN where Praat found none). */
  public static List<double[]> measure(List<Job> jobs) {
    try {
      Path dir = Files.createTempDirectory("spectrolens-praat");
      try {
        Path script = dir.resolve("measure-formants.praat");
        try (InputStream in = PraatFormants.class.getResourceAsStream("measure-formants.praat")) {
          Files.write(script, in.readAllBytes());
        }
        StringBuilder s = new StringBuilder();
        for (Job j : jobs) {
          s.append(j.wav().toAbsolutePath()).append('\t')
              .append(String.format(Locale.ROOT, "%.5f\t%.0f", j.time(), j.ceiling())).append('\n');
        }
        Path jobFile = dir.resolve("jobs.txt");
        Path out = dir.resolve("out.txt");
        Files.writeString(jobFile, s, StandardCharsets.UTF_8);
        Praat.Output o = Praat.run(script, 3600, jobFile.toString(), out.toString());
        if (o.exitCode() != 0) throw new SpectrolensException("praat", "measurement failed: " + o.text().strip());
        List<double[]> result = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
          if (line.isBlank()) continue;
          String[] f = line.split("\t");
          result.add(new double[] {parse(f[0]), parse(f[1])});
        }
        if (result.size() != jobs.size()) {
          throw new SpectrolensException("praat", "expected " + jobs.size() + " results, got " + result.size());
        }
        return result;
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new SpectrolensException("praat", "cannot run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpectrolensException("praat", "interrupted");
    }
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN; // --undefined--
    }
  }
}
