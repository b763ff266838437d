package org.spectrolens.nn.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

class SafeTensorsTest {
  @TempDir Path dir;

  /** A file from a header string and data bytes, laid out as the format specifies. */
  private Path file(String header, byte[] data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Path f = dir.resolve("t" + System.nanoTime() + ".safetensors");
    Files.write(f, b.array());
    return f;
  }

  @Test
  void roundTripKeepsValuesShapesOrderAndMetadata() {
    LinkedHashMap<String, Tensor> t = new LinkedHashMap<>();
    t.put("b.weight", Tensor.f32(new long[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, 1e30f, -0f}));
    t.put("a.num_batches_tracked", Tensor.i64(new long[0], new long[] {Long.MAX_VALUE}));
    t.put("c", Tensor.f32(new long[] {0}, new float[0]));
    Path f = dir.resolve("x.safetensors");
    SafeTensors.write(f, t, Map.of("format", "pt"));
    SafeTensors.Contents back = SafeTensors.readAll(f);
    assertEquals(java.util.List.of("b.weight", "a.num_batches_tracked", "c"), java.util.List.copyOf(back.tensors().keySet()));
    assertArrayEquals(t.get("b.weight").floats(), back.tensors().get("b.weight").floats());
    assertArrayEquals(new long[] {2, 3}, back.tensors().get("b.weight").shape());
    assertArrayEquals(new long[] {Long.MAX_VALUE}, back.tensors().get("a.num_batches_tracked").longs());
    assertEquals("pt", back.metadata().get("format"));
  }

  @Test
  void widensHalfAndBfloat16() throws IOException {
    // IEEE binary16: 0x3C00 = 1, 0xC000 = -2, 0x7BFF = 65504, 0x0001 = 2^-24, 0x7C00 = +inf
    // bfloat16 is the top half of a float32: 0x3F80 = 1, 0xC0A0 = -5
    ByteBuffer d = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : new int[] {0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00, 0x3F80, 0xC0A0}) d.putShort((short) v);
    Path f = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[5],\"data_offsets\":[0,10]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[10,14]}}", d.array());
    // the decoder widens infinities faithfully, and the reader refuses them: weights must be finite
    assertEquals(Float.POSITIVE_INFINITY, SafeTensors.halfToFloat((short) 0x7C00));
    SpectrolensException inf = assertThrows(SpectrolensException.class, () -> SafeTensors.read(f));
    assertEquals(f + ": tensor 'h' value [4] is +inf; only finite numbers are accepted", inf.getMessage());
    d.putShort(8, (short) 0x3C00);
    Path g = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[5],\"data_offsets\":[0,10]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[10,14]}}", d.array());
    Map<String, Tensor> t = SafeTensors.read(g);
    assertArrayEquals(new float[] {1f, -2f, 65504f, (float) Math.pow(2, -24), 1f}, t.get("h").floats());
    assertArrayEquals(new float[] {1f, -5f}, t.get("b").floats());
  }

  private void assertRejected(String header, byte[] data, String expected) throws IOException {
    Path f = file(header, data);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> SafeTensors.read(f));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }

  @Test
  void rejectsMalformedFilesWithoutAllocatingClaims() throws IOException {
    // a header length far beyond the file
    ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
    Path f = dir.resolve("huge.safetensors");
    Files.write(f, huge.array());
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> SafeTensors.read(f));
    assertTrue(e.getMessage().contains("bad safetensors header length"), e.getMessage());
    Path tiny = dir.resolve("tiny.safetensors");
    Files.write(tiny, new byte[3]);
    assertThrows(SpectrolensException.class, () -> SafeTensors.read(tiny));

    assertRejected("{not json", new byte[0], "not JSON");
    assertRejected("[1,2]", new byte[0], "not a JSON object");
    assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[1000000000,1000000000],\"data_offsets\":[0,8]}}", new byte[8], "needs");
    assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8], "outside");
    assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8], "needs 12 bytes");
    assertRejected("{\"w\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[8], "unsupported dtype");
    assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", new byte[8], "bad shape");
    assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", new byte[8], "data_offsets");
    assertRejected("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12], "overlap");
    assertRejected("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8], "file holds 8");
  }
}
