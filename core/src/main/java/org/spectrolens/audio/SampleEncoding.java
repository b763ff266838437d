package org.spectrolens.audio;

import java.nio.ByteBuffer;

/**
 * How one sample is stored, and its conversion to float. Integer PCM is scaled by 2^(bits-1)
 * (8-bit unsigned: (u - 128) / 128), as torchaudio's {@code normalize=True} and soundfile do;
 * G.711 codes expand to 16-bit linear values first, then scale by 2^15.
 */
public enum SampleEncoding {
  U8(1, "PCM unsigned 8-bit"),
  S16(2, "PCM signed 16-bit"),
  S24(3, "PCM signed 24-bit"),
  S32(4, "PCM signed 32-bit"),
  F32(4, "IEEE float 32-bit"),
  F64(8, "IEEE float 64-bit"),
  MULAW(1, "G.711 mu-law"),
  ALAW(1, "G.711 A-law");

  private final int bytes;
  private final String description;

  SampleEncoding(int bytes, String description) {
    this.bytes = bytes;
    this.description = description;
  }

  public int bytes() {
    return bytes;
  }

  public String description() {
    return description;
  }

  public boolean isFloat() {
    return this == F32 || this == F64;
  }

  /** The sample at absolute index {@code pos} of {@code b}, in the buffer's byte order. */
  public float decode(ByteBuffer b, int pos) {
    switch (this) {
      case U8: return ((b.get(pos) & 0xFF) - 128) / 128f;
      case S16: return b.getShort(pos) / 32768f;
      case S24: return s24(b, pos) / 8388608f;
      case S32: return (float) (b.getInt(pos) / 2147483648.0);
      case F32: return b.getFloat(pos);
      case F64: return (float) b.getDouble(pos);
      case MULAW: return muLaw(b.get(pos)) / 32768f;
      case ALAW: return aLaw(b.get(pos)) / 32768f;
      default: throw new AssertionError(this);
    }
  }

  private static int s24(ByteBuffer b, int pos) {
    int b0 = b.get(pos) & 0xFF;
    int b1 = b.get(pos + 1) & 0xFF;
    int b2 = b.get(pos + 2);
    return b.order() == java.nio.ByteOrder.LITTLE_ENDIAN
        ? (b2 << 16) | (b1 << 8) | b0
        : ((b0 << 24) >> 8) | (b1 << 8) | (b2 & 0xFF);
  }

  /** ITU-T G.711 mu-law expansion to a 16-bit linear value (0x80 is +32124, 0xFF is 0). */
  static int muLaw(byte code) {
    int u = ~code & 0xFF;
    int exponent = (u >> 4) & 7;
    int magnitude = (((u & 0x0F) << 3) + 0x84) << exponent;
    int value = magnitude - 0x84;
    return (u & 0x80) != 0 ? -value : value;
  }

  /** ITU-T G.711 A-law expansion to a 16-bit linear value (0xD5 is +8, 0xAA is +32256). */
  static int aLaw(byte code) {
    int a = (code ^ 0x55) & 0xFF;
    int exponent = (a >> 4) & 7;
    int mantissa = a & 0x0F;
    int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
    return (a & 0x80) != 0 ? magnitude : -magnitude;
  }
}
