package org.spectrolens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputNamesTest {
  @Test
  void subFoldersAreMirroredAndClashingStemsKeepTheirExtension() {
    Path in = Path.of("/data/in");
    Map<Path, String> n = OutputNames.of(List.of(in.resolve("x.wav"), in.resolve("x.flac"), in.resolve("sub/x.wav"),
        in.resolve("y.wav"), in.resolve("y.wav")), ".npy");
    assertEquals(List.of("x.wav.npy", "x.flac.npy", "sub/x.npy", "y.npy"), List.copyOf(n.values()), "duplicates count once");
  }

  @Test
  void filesFromDifferentFoldersKeepTheirFolders() {
    Map<Path, String> n = OutputNames.of(List.of(Path.of("/a/one/s.wav"), Path.of("/a/two/s.wav")), ".npy");
    assertEquals(List.of("one/s.npy", "two/s.npy"), List.copyOf(n.values()));
    assertEquals(List.of("t.npy"), List.copyOf(OutputNames.of(List.of(Path.of("/q/t.WAV")), ".npy").values()));
  }
}
