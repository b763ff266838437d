package org.spectrolens.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, so tests can make any layout, valid or broken. */
final class WavBytes {
  private WavBytes() {}

  static byte[] fmt(int tag, int channels, int rate, int bits, int containerBytes) {
    ByteBuffer b = le(16);
    b.putShort((short) tag).putShort((short) channels).putInt(rate)
        .putInt(rate * channels * containerBytes).putShort((short) (channels * containerBytes))
        .putShort((short) bits);
    return b.array();
  }

  /** WAVE_FORMAT_EXTENSIBLE whose sub-format GUID starts with {@code subTag}. */
  static byte[] fmtExtensible(int subTag, int channels, int rate, int validBits, int containerBytes) {
    ByteBuffer b = le(40);
    b.put(fmt(0xFFFE, channels, rate, containerBytes * 8, containerBytes));
    b.putShort((short) 22).putShort((short) validBits).putInt(channels == 1 ? 4 : 3);
    b.putShort((short) subTag).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
        (byte) 0x9B, 0x71});
    return b.array();
  }

  static byte[] chunk(String id, byte[] body) {
    return chunk(id, body.length, body);
  }

  /** A chunk whose header declares {@code declared} bytes (placeholders, lies), plus a pad byte if odd. */
  static byte[] chunk(String id, long declared, byte[] body) {
    ByteBuffer b = le(8 + body.length + (body.length & 1));
    b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt((int) declared).put(body);
    return b.array();
  }

  static byte[] riff(byte[]... chunks) {
    return container("RIFF", chunks);
  }

  static byte[] container(String magic, byte[]... chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int size = 4;
    for (byte[] c : chunks) size += c.length;
    ByteBuffer h = le(12);
    h.put(magic.getBytes(StandardCharsets.US_ASCII)).putInt(magic.equals("RF64") ? -1 : size)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(h.array());
    for (byte[] c : chunks) out.writeBytes(c);
    return out.toByteArray();
  }

  static byte[] pcm16(short... v) {
    ByteBuffer b = le(v.length * 2);
    for (short s : v) b.putShort(s);
    return b.array();
  }

  static byte[] pcm24(int... v) {
    ByteBuffer b = le(v.length * 3);
    for (int s : v) b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
    return b.array();
  }

  static byte[] pcm32(int... v) {
    ByteBuffer b = le(v.length * 4);
    for (int s : v) b.putInt(s);
    return b.array();
  }

  static byte[] f32(float... v) {
    ByteBuffer b = le(v.length * 4);
    for (float s : v) b.putFloat(s);
    return b.array();
  }

  static byte[] f64(double... v) {
    ByteBuffer b = le(v.length * 8);
    for (double s : v) b.putDouble(s);
    return b.array();
  }

  /** A whole mono/multi-channel file of one plain format tag. */
  static byte[] wav(int tag, int channels, int rate, int bits, byte[] data) {
    return riff(chunk("fmt ", fmt(tag, channels, rate, bits, (bits + 7) / 8)), chunk("data", data));
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
