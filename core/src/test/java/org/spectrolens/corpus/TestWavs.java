package org.spectrolens.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;

/** Test audio: tones written with WavWriter, and durations read from the RIFF header. */
public final class TestWavs {
  private TestWavs() {}

  /** A sine of {@code hz} at amplitude 0.5, {@code seconds} long (rounded to whole samples). */
  public static void tone(Path file, double hz, double seconds, int rate) {
    int n = (int) Math.round(seconds * rate);
    float[] s = new float[n];
    for (int i = 0; i < n; i++) s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    WavWriter.writePcm16(file, new Clip(s, rate));
  }

  /** data bytes / byte rate, from the header WavWriter writes (the probe tests use). */
  public static double seconds(Path wav) {
    try {
      byte[] b = Files.readAllBytes(wav);
      ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      if (b.length < 44 || h.getInt(0) != 0x46464952) throw new SpectrolensException(wav.toString(), "not a RIFF file");
      return h.getInt(40) / (double) h.getInt(28);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
