package org.spectrolens.analyze;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Csv;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.analyze.Readings.Alignment;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Writes an {@link AcousticReading} into a folder (the command's {@code OutputFolder}, which makes the
 * whole folder appear at once): {@code analysis.json}; {@code band_profiles.csv}, {@code named_bands.csv},
 * {@code alignment.csv}, {@code confusion_overlap.csv}, {@code group_band_profiles.csv};
 * {@code class_means/<method>.npy} (float32 [classes, H, W]); {@code band_profiles.png},
 * {@code class_means.png}, {@code confusion_overlap.png}.
 */
public final class AnalysisFiles {
  private AnalysisFiles() {}

  /** Writes every file into {@code dir} (which exists). */
  public static void write(Path dir, AcousticReading a, FrequencyAxis rows, SpectrogramSpec spec) {
    Json.write(dir.resolve("analysis.json"), a);
    AtomicFiles.writeString(dir.resolve("band_profiles.csv"), profiles(a, false));
    AtomicFiles.writeString(dir.resolve("named_bands.csv"), profiles(a, true));
    AtomicFiles.writeString(dir.resolve("alignment.csv"), alignment(a));
    AtomicFiles.writeString(dir.resolve("confusion_overlap.csv"), overlap(a));
    AtomicFiles.writeString(dir.resolve("group_band_profiles.csv"), groups(a));
    for (MethodReading m : a.methods().values()) {
      float[][][] means = m.classMeans();
      int k = means.length, h = means[0].length, w = means[0][0].length;
      float[] flat = new float[k * h * w];
      for (int c = 0; c < k; c++) for (int r = 0; r < h; r++) System.arraycopy(means[c][r], 0, flat, (c * h + r) * w, w);
      Npy.write(dir.resolve("class_means").resolve(m.method().replace(':', '_') + ".npy"), new Npy.Array(new int[] {k, h, w}, flat));
    }
    ReadingFigures.bandProfiles(dir.resolve("band_profiles.png"), a);
    ReadingFigures.classMeans(dir.resolve("class_means.png"), a, rows, spec);
    ReadingFigures.confusionAndOverlap(dir.resolve("confusion_overlap.png"), a);
  }

  /** method,class,band,from_hz,to_hz,share (class "all" = every item). */
  static String profiles(AcousticReading a, boolean named) {
    List<FrequencyBand> bands = named ? a.namedBands() : a.bands();
    StringBuilder s = new StringBuilder("method,class,band,from_hz,to_hz,share\n");
    for (MethodReading m : a.methods().values()) {
      (named ? m.namedBandProfile() : m.bandProfile()).forEach((cls, shares) -> rows(s, m.method() + "," + Csv.field(cls), bands, shares));
    }
    return s.toString();
  }

  static String alignment(AcousticReading a) {
    StringBuilder s = new StringBuilder("method,class,n,formants,formants_median,f1,f2,f3,formant_share,voiced,harmonics,"
        + "harmonics_median,harmonic_share\n");
    for (MethodReading m : a.methods().values()) {
      for (Map.Entry<String, Alignment> e : m.alignment().entrySet()) {
        Alignment x = e.getValue();
        s.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%s,%s,%s,%d,%s,%s,%s%n", m.method(), Csv.field(e.getKey()), x.n(),
            num(x.formants()), num(x.formantsMedian()), num(x.f1()), num(x.f2()), num(x.f3()), num(x.formantShare()), x.voiced(),
            num(x.harmonics()), num(x.harmonicsMedian()), num(x.harmonicShare())));
      }
    }
    return s.toString();
  }

  static String overlap(AcousticReading a) {
    StringBuilder s = new StringBuilder("method,a,b,overlap,confusion_ab,confusion_ba\n");
    for (MethodReading m : a.methods().values()) {
      for (Readings.Pair p : m.confusionOverlap().pairs()) {
        s.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", m.method(), Csv.field(p.a()), Csv.field(p.b()),
            num(p.overlap()), num(p.confusionAb()), num(p.confusionBa())));
      }
    }
    return s.toString();
  }

  /** method,group,class,band,from_hz,to_hz,share. */
  static String groups(AcousticReading a) {
    StringBuilder s = new StringBuilder("method,group,class,band,from_hz,to_hz,share\n");
    for (MethodReading m : a.methods().values()) {
      m.groupBandProfile().forEach((g, shares) -> rows(s, m.method() + "," + Csv.field(g) + ",all", a.bands(), shares));
      m.groupClassBandProfile().forEach((g, perClass) -> perClass.forEach((cls, shares) ->
          rows(s, m.method() + "," + Csv.field(g) + "," + Csv.field(cls), a.bands(), shares)));
    }
    return s.toString();
  }

  private static void rows(StringBuilder s, String prefix, List<FrequencyBand> bands, double[] shares) {
    for (int b = 0; b < bands.size(); b++) {
      FrequencyBand band = bands.get(b);
      s.append(prefix).append(',').append(Csv.field(band.name())).append(String.format(Locale.ROOT, ",%.1f,%.1f,%s%n",
          band.fromHz(), band.toHz(), num(shares[b])));
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }
}
