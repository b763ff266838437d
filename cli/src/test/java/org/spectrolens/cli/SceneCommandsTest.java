package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.scene.ThesisRecipe;

/** synth-scene, dataset --recipe thesis and dataset --events from the command line. */
class SceneCommandsTest {
  @TempDir Path tmp;

  @Test
  void aSceneBecomesAThesisDatasetWithoutItsStems() {
    Path scene = tmp.resolve("scene");
    CliRun s = CliRun.of("synth-scene", "--out", scene.toString(), "--clips", "6", "--seed", "2");
    assertEquals(0, s.exit(), s.err());
    assertTrue(Files.isRegularFile(scene.resolve("stems/scene-00001.event.wav")));
    Path ds = tmp.resolve("ds");
    CliRun d = CliRun.of("dataset", "--corpus", scene.toString(), "--task", "chunks", "--recipe", "thesis", "--out", ds.toString(),
        "--no-progress", "--test-fraction", "0.5");
    assertEquals(0, d.exit(), d.err());
    CachedDataset c = CachedDataset.open(ds);
    assertEquals(java.util.List.of("negative", "positive"), c.classes(), "stems/ is not a class");
    assertEquals(6, c.items().size());
    assertEquals(ThesisRecipe.spec(), c.info().spec());
    assertEquals(64, c.info().height());
  }

  /** localisation --truth synth on a scene dataset takes the events' ideal binary masks as truth. */
  @Test
  void localisationOnASceneUsesTheStems() throws Exception {
    Path scene = tmp.resolve("scene");
    assertEquals(0, CliRun.of("synth-scene", "--out", scene.toString(), "--clips", "8", "--seed", "3").exit());
    Path ds = tmp.resolve("ds");
    CliRun d = CliRun.of("dataset", "--corpus", scene.toString(), "--task", "chunks", "--kind", "mel", "--sr", "16000", "--n-fft", "512",
        "--win-length", "512", "--hop", "256", "--n-mels", "32", "--size", "32x32", "--test-fraction", "0.5", "--out", ds.toString(), "--no-progress");
    assertEquals(0, d.exit(), d.err());
    Path model = tmp.resolve("model");
    CliRun t = CliRun.of("train", "--data", ds.toString(), "--model", "smallcnn", "--epochs", "1", "--batch", "4", "--quiet",
        "--validation", "0", "--out", model.toString());
    assertEquals(0, t.exit(), t.err());
    Path out = tmp.resolve("loc");
    CliRun l = CliRun.of("localisation", "--model", model.toString(), "--data", ds.toString(), "--truth", "synth", "--methods", "gradcam",
        "--samples", "4", "--save-maps", "--out", out.toString());
    assertEquals(0, l.exit(), l.err());
    var json = org.spectrolens.io.Json.MAPPER.readTree(out.resolve("localisation.json").toFile());
    assertEquals("the event's cells (ideal binary mask of its stems)", json.get("options").get("region").asText());
    assertEquals(4, json.get("options").get("items_with_truth").asInt());
    double chance = json.get("chance").get("relevance_mass").asDouble();
    assertTrue(chance > 0 && chance < 1, "chance is the events' area share: " + chance);
    var g = json.get("methods").get("gradcam");
    assertTrue(g.get("items_with_tied_maximum").asInt() <= 4 && g.get("largest_tied_maximum").asInt() >= 1, g.toString());
    // the saved maps and zones give back each item's pointing games (items.csv), both rules
    float[] maps = org.spectrolens.io.Npy.read(out.resolve("maps/gradcam.npy")).data();
    float[] zone = org.spectrolens.io.Npy.read(out.resolve("zone.npy")).data();
    java.util.List<String> rows = Files.readAllLines(out.resolve("items.csv"));
    java.util.List<String> header = java.util.Arrays.asList(rows.get(0).split(","));
    int expected = header.indexOf("pointing_game");
    int any = header.indexOf("pointing_game_any");
    int hw = maps.length / 4;
    for (int i = 0; i < 4; i++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int p = 0; p < hw; p++) max = Math.max(max, maps[i * hw + p]);
      int tied = 0;
      int hits = 0;
      for (int p = 0; p < hw; p++) {
        if (maps[i * hw + p] != max) continue;
        tied++;
        if (zone[i * hw + p] > 0) hits++;
      }
      String[] f = rows.get(1 + i).split(",");
      assertEquals("gradcam", f[2]);
      assertEquals((double) hits / tied, Double.parseDouble(f[expected]), 1e-5);
      assertEquals(hits > 0 ? 1 : 0, Double.parseDouble(f[any]), 0);
    }
  }

  @Test
  void badOptionsAreOneLine() {
    CliRun r = CliRun.of("synth-scene", "--out", tmp.resolve("x").toString(), "--snr-range", "20,-5");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("spectrolens: --snr-range: "), r.err());
    CliRun q = CliRun.of("dataset", "--corpus", tmp.toString(), "--task", "chunks", "--recipe", "thesis", "--hop", "128", "--out",
        tmp.resolve("y").toString());
    assertEquals(2, q.exit());
    assertTrue(q.err().startsWith("spectrolens: --recipe: fixes the front end; drop --hop"), q.err());
    assertFalse(Files.exists(tmp.resolve("x")));
    assertFalse(Files.exists(tmp.resolve("y")));
  }

  @Test
  void aBadEventAnnotationIsOneLineAndWritesNothing() throws Exception {
    Path rec = tmp.resolve("rec");
    float[] tone = new float[3 * 16000];
    for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000));
    WavWriter.writePcm16(rec.resolve("bed-3.wav"), new Clip(tone, 16000));
    String[][] cases = {
        {"bed-3.wav,2.5,3.5,wheeze", "line 2: event 2.500-3.500 s ends after the end of bed-3.wav (3.000 s)"},
        {"bed-3.wav,1.5,1.0,wheeze", "line 2: onset 1.5 s is not before offset 1.0 s"},
        {"bed-4.wav,0.5,1.0,wheeze", "line 2: no such recording 'bed-4.wav'"},
    };
    for (String[] k : cases) {
      Path csv = tmp.resolve("events.csv");
      Files.writeString(csv, "file,onset,offset,label\n" + k[0] + "\n");
      Path out = tmp.resolve("ds");
      CliRun r = CliRun.of("dataset", "--corpus", rec.toString(), "--task", "chunks", "--events", csv.toString(), "--sr", "16000",
          "--out", out.toString(), "--no-progress");
      assertEquals(2, r.exit(), r.err());
      assertEquals("spectrolens: " + csv + ": " + k[1], r.err().strip());
      assertFalse(Files.exists(out), k[0]);
      assertFalse(Files.exists(tmp.resolve("ds.partial")), k[0]);
    }
  }
}
