package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

class SegmentCommandTest {
  @TempDir Path dir;

  /** 1 s at 16 kHz, a 1000 Hz tone from 0.3 to 0.6 s. */
  private Path burst(String name) {
    float[] x = new float[16000];
    for (int i = 4800; i < 9600; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
    Path f = dir.resolve(name);
    WavWriter.writePcm16(f, new Clip(x, 16000));
    return f;
  }

  @Test
  void aToneBurstGivesOneRegionInSecondsAndHz() throws Exception {
    Path out = dir.resolve("seg");
    CliRun r = CliRun.of("segment", burst("b.wav").toString(), "--method", "threshold", "--param", "level=20", "--n-fft", "512", "--hop", "128",
        "--morphology", "closing:3", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    Npy.Array labels = Npy.read(out.resolve("labels.npy"));
    assertArrayEquals(new int[] {257, 126}, labels.shape());
    assertTrue(Files.isRegularFile(out.resolve("labels.axes.json")));
    assertTrue(Files.size(out.resolve("overlay.png")) > 1000);
    List<String> rows = Files.readAllLines(out.resolve("regions.csv"));
    assertEquals("id,t0,t1,f0_hz,f1_hz,area,energy_db", rows.get(0));
    assertEquals(2, rows.size(), rows.toString());
    String[] f = rows.get(1).split(",");
    assertEquals(0.3, Double.parseDouble(f[1]), 0.024);
    assertEquals(0.6, Double.parseDouble(f[2]), 0.024);
    assertTrue(Double.parseDouble(f[3]) < 1000 && Double.parseDouble(f[4]) > 1000, rows.get(1));
    JsonNode j = Json.MAPPER.readTree(out.resolve("segment.json").toFile());
    assertEquals("threshold", j.get("method").asText());
    assertEquals("closing:3x3", j.get("morphology").get(0).asText());
    assertEquals("dB (converted)", j.get("levels").asText());
  }

  @Test
  void aMapIsSegmentedOnItsCellsAndSeveralInputsGetAFolderEach() throws Exception {
    float[][] map = new float[6][8];
    for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) map[r][c] = 1;
    for (int r = 4; r < 6; r++) for (int c = 5; c < 8; c++) map[r][c] = 0.8f;
    Npy.write(dir.resolve("map.npy"), map);
    Path out = dir.resolve("maps");
    CliRun r = CliRun.of("segment", dir.resolve("map.npy").toString(), burst("c.wav").toString(), "--method", "otsu", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> rows = Files.readAllLines(out.resolve("map/regions.csv"));
    // two blocks; a bare map's rows and columns are numbered (cell edges at -0.5 .. n-0.5)
    assertEquals(List.of("id,t0,t1,f0_hz,f1_hz,area,energy_db", "1,-0.500000,2.500000,-0.500,2.500,9,0.000",
        "2,4.500000,7.500000,3.500,5.500,6,-0.969"), rows);
    assertTrue(Files.isRegularFile(out.resolve("c/regions.csv")));
  }

  @Test
  void scoresEventDetectionOnASyntheticScene() throws Exception {
    Path scene = dir.resolve("scene");
    assertEquals(0, CliRun.of("synth-scene", "--out", scene.toString(), "--clips", "4").exit());
    Path out = dir.resolve("det");
    CliRun r = CliRun.of("segment", "--scene", scene.toString(), "--method", "otsu", "--above-floor", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> rows = Files.readAllLines(out.resolve("detection.csv"));
    assertEquals("method,settings,precision,recall,iou,mean_iou,truth_share,detected_share,event_precision,event_recall,clips", rows.get(0));
    String[] f = rows.get(1).split(",");
    assertEquals("otsu", f[0]);
    for (int i = 2; i < 10; i++) {
      double v = Double.parseDouble(f[i]);
      assertTrue(v >= 0 && v <= 1, rows.get(1));
    }
    assertEquals("4", f[10]);
    assertTrue(r.out().contains("| otsu |"), r.out());
  }

  @Test
  void listsEveryMethodWithItsParameters() {
    CliRun r = CliRun.of("segment", "--list");
    assertEquals(0, r.exit(), r.err());
    for (String id : org.spectrolens.segment.Segmenters.IDS) assertTrue(r.out().contains(id + "  "), id);
    assertTrue(r.out().contains("    min-size  smallest segment (cells) (default 20)"), r.out());
  }
}
