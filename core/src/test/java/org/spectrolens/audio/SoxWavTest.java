package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WAVs in every encoding as sox writes them (extensible headers included), checked against sox. */
class SoxWavTest {
  @TempDir Path dir;
  Path src;

  @BeforeEach
  void source() throws Exception {
    Sox.assumePresent();
    src = dir.resolve("src.wav");
    Files.write(src, FlacDecoderTest.wavOf(FlacDecoderTest.signal(2, 8000, 16000, 16, 0), 16000, 16));
  }

  @ParameterizedTest(name = "{0} {1}-bit, {2} channel(s)")
  @CsvSource({"signed-integer,24,2", "signed-integer,32,2", "floating-point,32,2", "floating-point,64,2",
      "signed-integer,24,1", "signed-integer,16,3"})
  void widerEncodingsOfA16BitSignalDecodeToTheSameValues(String encoding, int bits, int channels) throws Exception {
    Path out = dir.resolve("out.wav");
    // -c 3 copies the mix of the two channels into all three, -c 1 averages: compare with sox's 16-bit take
    Path ref = dir.resolve("ref.wav");
    Sox.run(src, "-D", "-b", 16, "-e", "signed-integer", "-c", channels, ref);
    Sox.run(ref, "-e", encoding, "-b", bits, out);
    assertArrayEquals(AudioFile.read(ref).samples(), AudioFile.read(out).samples());
    AudioInfo info = AudioFile.probe(out);
    assertEquals(channels, info.channels());
    assertEquals(8000, info.frames());
    if (encoding.equals("signed-integer") && (bits > 16 || channels > 2)) assertTrue(info.encoding().contains("extensible"), info.encoding());
  }

  @ParameterizedTest
  @CsvSource({"u-law,8", "a-law,8", "unsigned-integer,8"})
  void companded8BitMatchesSoxsOwnExpansion(String encoding, int bits) throws Exception {
    Path coded = dir.resolve("coded.wav");
    Path back = dir.resolve("back.wav");
    Sox.run(src, "-D", "-e", encoding, "-b", bits, coded);
    Sox.run(coded, "-e", "signed-integer", "-b", 16, back);
    assertArrayEquals(AudioFile.read(back).samples(), AudioFile.read(coded).samples());
  }

  @Test
  void rawFromSoxMatchesTheWav() throws Exception {
    Path raw = dir.resolve("x.raw");
    Sox.run(src, "-t", "raw", "-e", "signed-integer", "-b", 24, "-B", raw);
    assertArrayEquals(AudioFile.read(src).samples(), AudioFile.readRaw(raw, RawFormat.of(16000, 2, "s24be")).samples());
  }

  @Test
  void resamplingAgreesWithSoxVeryHighQuality() throws Exception {
    // both pass everything below 4 kHz unchanged and in time: on tones below it they must agree
    Path mono = dir.resolve("mono.wav");
    Path down = dir.resolve("down.wav");
    float[] x = new float[16000];
    for (int i = 0; i < x.length; i++) {
      double t = i / 16000.0;
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * t) + 0.2 * Math.sin(2 * Math.PI * 1234.5 * t + 1)
          + 0.1 * Math.sin(2 * Math.PI * 3900 * t + 2));
    }
    WavWriter.writeFloat32(mono, new Clip(x, 16000));
    Sox.run(mono, "-e", "floating-point", "-b", 32, down, "rate", "-v", 11025);
    float[] ref = AudioFile.read(down).samples();
    float[] ours = Resampler.resample(AudioFile.read(mono), 11025).samples();
    assertEquals(ref.length, ours.length);
    double err = 0, pow = 0;
    for (int i = ref.length / 10; i < ref.length * 9 / 10; i++) {
      err += (ref[i] - ours[i]) * (ref[i] - ours[i]);
      pow += ref[i] * ref[i];
    }
    double db = 10 * Math.log10(err / pow);
    assertTrue(db < -80, "difference from sox: " + db + " dB");
  }
}
