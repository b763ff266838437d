package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

class AudioFolderTest {
  @TempDir Path dir;

  @Test
  void listsSortedRecursivelyAndCollectsFailures() throws IOException {
    byte[] wav = WavBytes.wav(1, 1, 8000, 16, WavBytes.pcm16((short) 16384));
    Files.createDirectories(dir.resolve("b/c"));
    Files.write(dir.resolve("b/c/z.WAV"), wav);
    Files.write(dir.resolve("a.wav"), wav);
    Files.write(dir.resolve("b/broken.wav"), new byte[0]);
    Files.write(dir.resolve("b/noext"), wav); // recognised by content
    Files.write(dir.resolve("b/notes.txt"), "text".getBytes());
    Files.write(dir.resolve(".a.wav.123.tmp"), wav); // hidden, e.g. a half-written temporary
    Files.write(dir.resolve("b/hand.flac"), FlacDecoderTest.handMadeFlac());
    AudioFolder folder = new AudioFolder(dir);
    assertEquals(List.of(dir.resolve("a.wav"), dir.resolve("b/broken.wav"), dir.resolve("b/c/z.WAV"),
        dir.resolve("b/hand.flac"), dir.resolve("b/noext")), folder.files());
    List<String> seen = new ArrayList<>();
    for (AudioFolder.Item item : folder) {
      seen.add(item.file().getFileName() + (item.ok() ? ":" + item.clip().samples().length : ":error"));
    }
    assertEquals(List.of("a.wav:1", "broken.wav:error", "z.WAV:1", "hand.flac:7", "noext:1"), seen);
    assertEquals(1, folder.failures().size());
    assertTrue(folder.failures().get(0).getMessage().contains("broken.wav: empty file"));
    assertArrayEquals(new float[] {0.5f}, folder.stream().findFirst().orElseThrow().clip().samples());
  }

  @Test
  void notAFolder() {
    Path f = dir.resolve("missing");
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> new AudioFolder(f));
    assertEquals(f + ": not a folder", e.getMessage());
  }
}
