package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spectrolens.audio.WavBytes.chunk;
import static org.spectrolens.audio.WavBytes.fmt;
import static org.spectrolens.audio.WavBytes.riff;
import static org.spectrolens.audio.WavBytes.wav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

/** Every bad input gives one line that names the file and the problem. */
class AudioErrorsTest {
  @TempDir Path dir;

  private String problem(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return failure(f, () -> AudioFile.read(f));
  }

  private static String failure(Path f, Executable read) {
    SpectrolensException e = assertThrows(SpectrolensException.class, read);
    assertEquals(f.toString(), e.subject());
    assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.problem();
  }

  @Test
  void emptyFile() throws IOException {
    assertTrue(problem("empty.wav", new byte[0]).contains("empty file"));
  }

  @Test
  void notAudio() throws IOException {
    String p = problem("notes.wav", "hello, this is text".getBytes(StandardCharsets.US_ASCII));
    assertTrue(p.startsWith("not an audio file"), p);
    assertTrue(p.contains("68 65 6C 6C"), p); // "hell"
  }

  @Test
  void truncatedHeaders() throws IOException {
    assertTrue(problem("riff.wav", "RIFF".getBytes(StandardCharsets.US_ASCII)).startsWith("truncated"));
    byte[] whole = wav(1, 1, 8000, 16, WavBytes.pcm16((short) 1));
    String p = problem("head.wav", Arrays.copyOf(whole, 30));
    assertTrue(p.startsWith("truncated") && p.contains("fmt "), p);
    p = problem("nodata.wav", Arrays.copyOf(whole, 36));
    assertTrue(p.startsWith("truncated") && p.contains("data"), p);
  }

  @Test
  void truncatedDataNamesBothSizes() throws IOException {
    byte[] whole = wav(1, 2, 8000, 16, new byte[1000]);
    String p = problem("cut.wav", Arrays.copyOf(whole, whole.length - 500));
    assertTrue(p.startsWith("truncated") && p.contains("1000") && p.contains("500"), p);
  }

  @Test
  void dataShortOfAWholeFrameIsTruncation() throws IOException {
    // stereo 16-bit frames are 4 bytes; 6 bytes is one and a half frames
    byte[] bytes = riff(chunk("fmt ", fmt(1, 2, 8000, 16, 2)), chunk("data", new byte[6]));
    String p = problem("half.wav", bytes);
    assertTrue(p.startsWith("truncated") && p.contains("6 bytes") && p.contains("4-byte frames"), p);
  }

  @Test
  void unsupportedEncodingNamesTheFormatTag() throws IOException {
    String p = problem("adpcm.wav", wav(2, 1, 8000, 4, new byte[8]));
    assertTrue(p.contains("unsupported WAV encoding") && p.contains("0x0002") && p.contains("ADPCM"), p);
    p = problem("float16.wav", wav(3, 1, 8000, 16, new byte[8]));
    assertTrue(p.contains("0x0003") && p.contains("2 bytes per sample"), p);
  }

  @Test
  void nanAndInfinitySayWhen() throws IOException {
    float[] v = new float[20];
    v[10] = Float.NaN;
    String p = problem("nan.wav", wav(3, 1, 8000, 32, WavBytes.f32(v)));
    assertTrue(p.contains("NaN sample at 0.001250 s"), p);
    double[] d = new double[20];
    d[4] = Double.NEGATIVE_INFINITY;
    p = problem("inf.wav", wav(3, 1, 8000, 64, WavBytes.f64(d)));
    assertTrue(p.contains("infinite sample at 0.000500 s"), p);
  }

  @Test
  void missingFileAndDirectory() {
    Path f = dir.resolve("nope.wav");
    assertEquals("no such file", failure(f, () -> AudioFile.read(f)));
    assertEquals("no such file", failure(f, () -> AudioFile.probe(f)));
    assertTrue(failure(dir, () -> AudioFile.read(dir)).contains("directory"));
  }

  @Test
  void mp3AndOtherContainersSayWhatToDo() throws IOException {
    byte[] frame = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x44, 0, 0, 0, 0, 0, 0, 0, 0};
    assertEquals(AudioFile.MP3_UNSUPPORTED, problem("song.mp3", frame));
    byte[] id3 = new byte[40];
    System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, id3, 0, 3);
    id3[9] = 10; // a 10-byte tag, then the frame
    System.arraycopy(frame, 0, id3, 20, frame.length);
    assertEquals(AudioFile.MP3_UNSUPPORTED, problem("tagged.bin", id3));
    byte[] rifx = WavBytes.wav(1, 1, 8000, 16, new byte[2]);
    rifx[3] = 'X';
    assertTrue(problem("be.wav", rifx).contains("RIFX"));
    assertTrue(problem("x.ogg", "OggS\0\2\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)).contains("Ogg"));
  }

  @Test
  void badSegment() throws IOException {
    Path f = dir.resolve("ok.wav");
    Files.write(f, wav(1, 1, 8000, 16, new byte[100]));
    assertTrue(failure(f, () -> AudioFile.read(f, 2, 1)).contains("bad segment"));
  }

  @Test
  void rawOfPartialFrames() throws IOException {
    Path f = dir.resolve("x.raw");
    Files.write(f, new byte[7]);
    String p = failure(f, () -> AudioFile.readRaw(f, RawFormat.of(8000, 2, "s16le")));
    assertTrue(p.contains("7 bytes") && p.contains("4-byte frames"), p);
  }

  @Test
  void truncatedAndCorruptFlac() throws IOException {
    byte[] head = {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34, 0x10, 0};
    String p = problem("cut.flac", head);
    assertTrue(p.startsWith("truncated") && p.contains("metadata"), p);
    byte[] notStreamInfo = Arrays.copyOf(new byte[] {'f', 'L', 'a', 'C', (byte) 0x84, 0, 0, 34}, 60);
    p = problem("bad.flac", notStreamInfo);
    assertTrue(p.startsWith("corrupt FLAC") && p.contains("STREAMINFO"), p);
  }
}
