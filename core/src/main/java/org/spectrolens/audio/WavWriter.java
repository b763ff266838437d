package org.spectrolens.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.spectrolens.io.AtomicFiles;

/** Writes mono WAV files (16-bit PCM or 32-bit IEEE float), atomically. */
public final class WavWriter {
  private WavWriter() {}

  /** 16-bit PCM; samples are clipped to [-1, 1) and rounded. */
  public static void writePcm16(Path file, Clip clip) {
    AtomicFiles.writeBytes(file, pcm16(clip));
  }

  /** The bytes of {@link #writePcm16}'s file (a WAV sent rather than written, as the explorer's audio). */
  public static byte[] pcm16(Clip clip) {
    float[] s = clip.samples();
    ByteBuffer data = ByteBuffer.allocate(s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : s) {
      double c = Math.max(-1.0, Math.min(32767.0 / 32768.0, v));
      data.putShort((short) Math.round(c * 32768.0));
    }
    return wav(1, 16, clip.sampleRate(), data.array());
  }

  /** 32-bit IEEE float, samples unchanged. */
  public static void writeFloat32(Path file, Clip clip) {
    float[] s = clip.samples();
    ByteBuffer data = ByteBuffer.allocate(s.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : s) data.putFloat(v);
    AtomicFiles.writeBytes(file, wav(3, 32, clip.sampleRate(), data.array()));
  }

  private static byte[] wav(int format, int bits, int rate, byte[] data) {
    int blockAlign = bits / 8;
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data.length);
    b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) format).putShort((short) 1).putInt(rate).putInt(rate * blockAlign);
    b.putShort((short) blockAlign).putShort((short) bits);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return b.array();
  }
}
