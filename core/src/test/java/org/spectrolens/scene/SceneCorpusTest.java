package org.spectrolens.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;

class SceneCorpusTest {
  @TempDir Path tmp;

  @Test
  void stemsOnDiskSumExactlyToTheClip() throws Exception {
    SceneCorpus scene = new SceneCorpus(3, 12, 16000, -5, 20);
    Path dir = tmp.resolve("scene");
    SceneCorpus.Summary s = scene.write(dir, d -> {});
    assertEquals(6, s.positive());
    assertFalse(Files.exists(dir.resolveSibling("scene.partial")));
    List<String> clips = Files.readAllLines(dir.resolve("clips.csv"));
    assertEquals("id,label,kinds,snr_db", clips.get(0));
    assertEquals(13, clips.size());
    for (String row : clips.subList(1, clips.size())) {
      String[] f = row.split(",");
      Path wav = dir.resolve(f[1]).resolve(f[0] + ".wav");
      float[] clip = AudioFile.read(wav).samples();
      float[] event = AudioFile.read(SceneCorpus.eventStem(wav)).samples();
      float[] rest = AudioFile.read(SceneCorpus.restStem(wav)).samples();
      assertEquals(16000, clip.length);
      double eventPower = 0;
      for (int i = 0; i < clip.length; i++) {
        assertEquals(clip[i], event[i] + rest[i], 0f, "sample " + i + " of " + f[0]);
        eventPower += event[i] * event[i];
      }
      assertTrue(eventPower > 0, "an event stem holds a sound");
    }
    assertTrue(Files.isRegularFile(dir.resolve("scene.json")));
  }

  @Test
  void sameSeedSameClipAndTheEventsFollowTheirPhysics() {
    SceneCorpus a = new SceneCorpus(5, 400, 16000, -5, 20);
    SceneCorpus b = new SceneCorpus(5, 400, 16000, -5, 20);
    assertArrayEquals(a.clip(7).event(), b.clip(7).event());
    assertArrayEquals(a.clip(7).rest(), b.clip(7).rest());
    int seen = 0;
    for (int i = 0; i < 400; i += 3) { // no speech pool needed for the checks: positives and the rest
      SceneClip c = a.clip(i);
      assertEquals(i % 2 == 0, c.positive());
      assertEquals(c.positive(), c.kinds().get(0).positive(), "the event stem's kind matches the label");
      for (SceneEvent e : c.events()) {
        assertTrue(e.onset() >= 0 && e.offset() <= 1.0 + 1e-9, e.toString());
        switch (e.kind()) {
          case WHEEZE -> {
            assertTrue(e.offset() - e.onset() >= 0.25 - 1e-9, "wheezes last at least 250 ms");
            assertTrue(e.f0Min() >= 100 && e.f0Min() <= 1000, e.toString());
          }
          case RHONCHUS -> assertTrue(e.f0Max() < 200, e.toString());
          case STRIDOR -> assertTrue(e.f0Min() >= 450, e.toString());
          case BEEP -> assertTrue(e.f0Min() >= 900 && e.f0Max() <= 1100 && e.f0Min() == e.f0Max(), e.toString());
          case HUM -> assertTrue(e.f0Min() == 50 || e.f0Min() == 60, e.toString());
          case COUGH, VENTILATOR, TRANSIENT -> assertTrue(Double.isNaN(e.f0Min()), e.toString());
          default -> { }
        }
        seen++;
      }
    }
    assertTrue(seen > 150);
  }

  /** In a clip with one sound and the background, the event's power over its span is the drawn SNR above the rest. */
  @Test
  void theSnrIsTheEventOverTheBackground() {
    SceneCorpus scene = new SceneCorpus(2, 200, 16000, -5, 20);
    int checked = 0;
    for (int i = 0; i < 200 && checked < 10; i += 2) {
      SceneClip c = scene.clip(i);
      if (c.events().size() != 1) continue;
      SceneEvent e = c.events().get(0);
      int a = (int) Math.round(e.onset() * 16000);
      int b = (int) Math.round(e.offset() * 16000);
      double pe = 0;
      for (int k = a; k < b; k++) pe += c.event()[k] * c.event()[k];
      pe /= b - a;
      double pr = 0;
      for (float v : c.rest()) pr += v * v;
      pr /= c.rest().length;
      assertEquals(c.snrDb(), 10 * Math.log10(pe / pr), 0.1, c.csvRow());
      checked++;
    }
    assertEquals(10, checked);
  }

  @Test
  void refusesToReplaceAForeignDirectoryAndBadOptions() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "keep");
    SceneCorpus scene = new SceneCorpus(1, 2, 16000, -5, 20);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> scene.write(dir, d -> {}));
    assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
    assertTrue(Files.exists(dir.resolve("notes.txt")));
    assertThrows(SpectrolensException.class, () -> new SceneCorpus(1, 10, 16000, 5, -5));
    assertThrows(SpectrolensException.class, () -> new SceneCorpus(1, 0, 16000, -5, 20));
    // an earlier scene is replaced
    Path out = tmp.resolve("again");
    new SceneCorpus(1, 4, 16000, -5, 20).write(out, d -> {});
    new SceneCorpus(1, 2, 16000, -5, 20).write(out, d -> {});
    assertEquals(3, Files.readAllLines(out.resolve("clips.csv")).size());
  }
}
