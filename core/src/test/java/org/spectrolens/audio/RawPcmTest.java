package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawPcmTest {
  @TempDir Path dir;

  private Clip raw(byte[] bytes, RawFormat f) throws IOException {
    Path p = dir.resolve("x" + System.nanoTime() + ".pcm");
    Files.write(p, bytes);
    return AudioFile.readRaw(p, f);
  }

  @Test
  void bigAndLittleEndian() throws IOException {
    assertArrayEquals(new float[] {0.5f, -1f}, raw(new byte[] {0x40, 0, (byte) 0x80, 0}, RawFormat.of(8000, 1, "s16be")).samples());
    assertArrayEquals(new float[] {0.5f, -1f}, raw(new byte[] {0, 0x40, 0, (byte) 0x80}, RawFormat.of(8000, 1, "s16le")).samples());
    assertArrayEquals(new float[] {-0.5f}, raw(new byte[] {(byte) 0xC0, 0, 0}, RawFormat.of(8000, 1, "s24be")).samples());
    assertArrayEquals(new float[] {-0.5f}, raw(new byte[] {0, 0, (byte) 0xC0}, RawFormat.of(8000, 1, "s24le")).samples());
    assertArrayEquals(new float[] {0f, 127f / 128}, raw(new byte[] {(byte) 128, (byte) 255}, RawFormat.of(8000, 1, "u8")).samples());
  }

  @Test
  void floatsAndChannels() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.BIG_ENDIAN);
    b.putDouble(0.5).putDouble(-0.25).putDouble(1).putDouble(0);
    Clip c = raw(b.array(), RawFormat.of(44100, 2, "f64be"));
    assertArrayEquals(new float[] {0.125f, 0.5f}, c.samples());
    assertEquals(44100, c.sampleRate());
    ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.75f).putInt(1 << 30);
    assertArrayEquals(new float[] {0.75f}, raw(Arrays.copyOf(f.array(), 4), RawFormat.of(8000, 1, "f32le")).samples());
    assertArrayEquals(new float[] {0.5f}, raw(Arrays.copyOfRange(f.array(), 4, 8), RawFormat.of(8000, 1, "s32le")).samples());
  }

  @Test
  void unknownFormatName() {
    assertThrows(IllegalArgumentException.class, () -> RawFormat.of(8000, 1, "s12le"));
  }

  private static final class Arrays {
    static byte[] copyOf(byte[] a, int n) {
      return java.util.Arrays.copyOf(a, n);
    }

    static byte[] copyOfRange(byte[] a, int from, int to) {
      return java.util.Arrays.copyOfRange(a, from, to);
    }
  }
}
