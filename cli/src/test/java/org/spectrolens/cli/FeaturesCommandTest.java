package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;

/** {@code features}: per-file CSVs in a folder and the per-file summary table, on tones of known frequency. */
class FeaturesCommandTest {
  @TempDir Path dir;

  private Path tone(String name, double hz) {
    float[] x = new float[22050];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 22050));
    Path f = dir.resolve("in").resolve(name);
    try {
      Files.createDirectories(f.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    WavWriter.writeFloat32(f, new Clip(x, 22050));
    return f;
  }

  @Test
  void writesACsvPerFileAndASummaryTable() throws Exception {
    tone("a440.wav", 440);
    tone("c1000.wav", 1000);
    CliRun r = CliRun.of("features", dir.resolve("in").toString(), "--features", "centroid,zcr,chroma", "--out", dir.resolve("out").toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(dir.resolve("out/a440.features.csv"));
    assertEquals("time_s,centroid,zcr,chroma_C,chroma_C#,chroma_D,chroma_D#,chroma_E,chroma_F,chroma_F#,chroma_G,chroma_G#,chroma_A,chroma_A#,chroma_B",
        lines.get(0));
    assertEquals(1 + 1 + 22050 / 512, lines.size()); // header + 1 + n / hop frames
    String[] mid = lines.get(1 + 20).split(","); // frame 20
    assertEquals(20 * 512 / 22050.0, Double.parseDouble(mid[0]), 1e-6);
    assertEquals(440, Double.parseDouble(mid[1]), 0.5);
    assertEquals(2 * 440 / 22050.0, Double.parseDouble(mid[2]), 1.0 / 2048);
    assertEquals(1.0, Double.parseDouble(mid[3 + 9]), 1e-6); // chroma_A

    r = CliRun.of("features", dir.resolve("in/a440.wav").toString(), dir.resolve("in/c1000.wav").toString(), "--features", "centroid,rms",
        "--summary", "mean,std", "--out", dir.resolve("table.csv").toString());
    assertEquals(0, r.exit(), r.err());
    List<String> table = Files.readAllLines(dir.resolve("table.csv"));
    assertEquals("file,centroid_mean,centroid_std,rms_mean,rms_std", table.get(0));
    assertEquals(3, table.size());
    double centroid = Double.parseDouble(table.get(2).split(",")[1]);
    assertTrue(centroid > 980 && centroid < 1050, "mean centroid of a 1000 Hz tone (edge frames included): " + centroid);
  }
}
