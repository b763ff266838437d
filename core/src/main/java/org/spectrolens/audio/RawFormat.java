package org.spectrolens.audio;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * The layout of headerless PCM, which the file cannot tell: rate, channels, sample encoding and
 * byte order.
 */
public record RawFormat(int sampleRate, int channels, SampleEncoding encoding, ByteOrder order) {
  public RawFormat {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(order, "order");
    if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    if (channels <= 0) throw new IllegalArgumentException("channels must be positive: " + channels);
  }

  /**
   * From a sox/ffmpeg-style name: {@code u8}, {@code s16le}, {@code s24be}, {@code s32le},
   * {@code f32le}, {@code f64be}, {@code mulaw}, {@code alaw} (no suffix means little-endian).
   */
  public static RawFormat of(int sampleRate, int channels, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    ByteOrder order = n.endsWith("be") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    String base = n.endsWith("le") || n.endsWith("be") ? n.substring(0, n.length() - 2) : n;
    SampleEncoding e;
    switch (base) {
      case "u8": e = SampleEncoding.U8; break;
      case "s16": e = SampleEncoding.S16; break;
      case "s24": e = SampleEncoding.S24; break;
      case "s32": e = SampleEncoding.S32; break;
      case "f32": e = SampleEncoding.F32; break;
      case "f64": e = SampleEncoding.F64; break;
      case "mulaw": case "ulaw": e = SampleEncoding.MULAW; break;
      case "alaw": e = SampleEncoding.ALAW; break;
      default:
        throw new IllegalArgumentException("unknown raw sample format '" + name
            + "' (expected u8, s16le, s16be, s24le, s24be, s32le, s32be, f32le, f32be, f64le, f64be, mulaw, alaw)");
    }
    return new RawFormat(sampleRate, channels, e, order);
  }

  public int frameBytes() {
    return channels * encoding.bytes();
  }

  @Override
  public String toString() {
    return encoding.description() + (encoding.bytes() > 1
        ? (order == ByteOrder.LITTLE_ENDIAN ? " little-endian" : " big-endian") : "")
        + ", " + channels + " channel(s), " + sampleRate + " Hz";
  }
}
