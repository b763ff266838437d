package org.spectrolens.corpus;

import java.nio.file.Path;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;

/** Test audio: tones written with WavWriter. */
public final class TestWavs {
  private TestWavs() {}

  /** A sine of {@code hz} at amplitude 0.5, {@code seconds} long (rounded to whole samples). */
  public static void tone(Path file, double hz, double seconds, int rate) {
    int n = (int) Math.round(seconds * rate);
    float[] s = new float[n];
    for (int i = 0; i < n; i++) s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    WavWriter.writePcm16(file, new Clip(s, rate));
  }
}
