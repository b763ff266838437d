package org.spectrolens.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

class NpyTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsShapeAndValues() {
    float[][] m = {{1f, 2f, 3f}, {4f, Float.MIN_VALUE, -0f}};
    Path f = dir.resolve("a.npy");
    Npy.write(f, m);
    Npy.Array a = Npy.read(f);
    assertArrayEquals(new int[] {2, 3}, a.shape());
    assertArrayEquals(m[1], a.toMatrix()[1]);
  }

  @Test
  void headerIsNumpyVersion1AlignedTo64Bytes() throws Exception {
    byte[] b = Npy.encode(new Npy.Array(new int[] {7}, new float[7]));
    assertEquals(1, b[6]);
    int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLen) % 64);
    String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
    assertTrue(header.contains("'shape': (7,)"), header);
    assertTrue(header.endsWith("\n"));
  }

  @Test
  void truncatedDataIsReportedWithSizes() throws Exception {
    byte[] b = Npy.encode(new Npy.Array(new int[] {2, 2}, new float[4]));
    Path f = dir.resolve("t.npy");
    Files.write(f, Arrays.copyOf(b, b.length - 3));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Npy.read(f));
    assertTrue(e.getMessage().startsWith(f.toString() + ": data size 13 bytes"), e.getMessage());
  }

  @Test
  void wrongDtypeAndBadMagicAreRejected() throws Exception {
    Path f = dir.resolve("i.npy");
    byte[] b = Npy.encode(new Npy.Array(new int[] {1}, new float[1]));
    String s = new String(b, StandardCharsets.ISO_8859_1).replace("<f4", "<i4");
    Files.write(f, s.getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(assertThrows(SpectrolensException.class, () -> Npy.read(f)).getMessage().contains("'<i4'"));
    Files.writeString(f, "hello world");
    assertTrue(assertThrows(SpectrolensException.class, () -> Npy.read(f)).getMessage().contains("bad magic"));
  }

  @Test
  void atomicWriteLeavesNoTemporaryFiles() throws Exception {
    Path f = dir.resolve("sub/x.json");
    Json.write(f, java.util.Map.of("a", 1));
    assertEquals(1, Json.read(f, java.util.Map.class).get("a"));
    try (var s = Files.list(f.getParent())) {
      assertEquals(1, s.count());
    }
  }
}
