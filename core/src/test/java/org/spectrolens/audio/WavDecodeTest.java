package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spectrolens.audio.WavBytes.chunk;
import static org.spectrolens.audio.WavBytes.fmt;
import static org.spectrolens.audio.WavBytes.riff;
import static org.spectrolens.audio.WavBytes.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavDecodeTest {
  @TempDir Path dir;

  private Clip read(byte[] bytes) throws IOException {
    Path f = dir.resolve("t" + System.nanoTime() + ".wav");
    Files.write(f, bytes);
    return AudioFile.read(f);
  }

  @Test
  void unsigned8BitIsCentredOn128() throws IOException {
    Clip c = read(wav(1, 1, 8000, 8, new byte[] {0, (byte) 128, (byte) 255, 64}));
    assertArrayEquals(new float[] {-1f, 0f, 127f / 128, -0.5f}, c.samples());
    assertEquals(8000, c.sampleRate());
  }

  @Test
  void signedIntegersScaleByTwoToBitsMinusOne() throws IOException {
    assertArrayEquals(new float[] {-1f, 0f, 32767f / 32768, 1f / 32768},
        read(wav(1, 1, 16000, 16, WavBytes.pcm16((short) -32768, (short) 0, (short) 32767, (short) 1))).samples());
    assertArrayEquals(new float[] {-1f, -1f / 8388608, 8388607f / 8388608, 0.5f},
        read(wav(1, 1, 16000, 24, WavBytes.pcm24(-8388608, -1, 8388607, 4194304))).samples());
    assertArrayEquals(new float[] {-1f, 0.25f, (float) (Integer.MAX_VALUE / 2147483648.0)},
        read(wav(1, 1, 16000, 32, WavBytes.pcm32(Integer.MIN_VALUE, 1 << 29, Integer.MAX_VALUE))).samples());
  }

  @Test
  void floatsAreTakenAsTheyAre() throws IOException {
    assertArrayEquals(new float[] {0.1f, -1.5f, 0f},
        read(wav(3, 1, 16000, 32, WavBytes.f32(0.1f, -1.5f, 0f))).samples());
    assertArrayEquals(new float[] {(float) 0.1, (float) -0.7},
        read(wav(3, 1, 16000, 64, WavBytes.f64(0.1, -0.7))).samples());
  }

  @Test
  void g711CodesExpandToTheStandardLinearValues() throws IOException {
    // ITU-T G.711 tables: mu-law 0x80 = +32124, 0x00 = -32124, 0xFF = 0; A-law 0xD5 = +8, 0x55 = -8, 0xAA = +32256
    assertArrayEquals(new float[] {32124f / 32768, -32124f / 32768, 0f},
        read(wav(7, 1, 8000, 8, new byte[] {(byte) 0x80, 0x00, (byte) 0xFF})).samples());
    assertArrayEquals(new float[] {8f / 32768, -8f / 32768, 32256f / 32768},
        read(wav(6, 1, 8000, 8, new byte[] {(byte) 0xD5, 0x55, (byte) 0xAA})).samples());
  }

  @Test
  void channelsAreAveraged() throws IOException {
    // three channels, two frames
    Clip c = read(wav(1, 3, 16000, 16, WavBytes.pcm16((short) 300, (short) 600, (short) 900, (short) -3, (short) 0, (short) 0)));
    assertArrayEquals(new float[] {(300 + 600 + 900) / 3f / 32768, -1f / 32768}, c.samples(), 1e-9f);
  }

  @Test
  void extensiblePcmAndFloat() throws IOException {
    byte[] pcm = riff(chunk("fmt ", WavBytes.fmtExtensible(1, 2, 48000, 20, 3)),
        chunk("data", WavBytes.pcm24(4096 << 4, 0, -(8388608), -(8388608))));
    assertArrayEquals(new float[] {65536f / 8388608 / 2, -1f}, read(pcm).samples());
    byte[] flt = riff(chunk("fmt ", WavBytes.fmtExtensible(3, 1, 48000, 32, 4)), chunk("data", WavBytes.f32(0.25f)));
    assertArrayEquals(new float[] {0.25f}, read(flt).samples());
    Path f = dir.resolve("ext.wav");
    Files.write(f, pcm);
    AudioInfo info = AudioFile.probe(f);
    assertEquals(new AudioInfo(48000, 2, "WAV PCM signed 24-bit (extensible)", 2), info);
  }

  @Test
  void unknownChunksAreSkippedWithTheirPadByte() throws IOException {
    byte[] bytes = riff(chunk("LIST", new byte[] {1, 2, 3}), chunk("fmt ", fmt(1, 1, 16000, 16, 2)),
        chunk("junk", new byte[] {9}), chunk("data", WavBytes.pcm16((short) 16384)), chunk("LIST", new byte[] {7, 7, 7}));
    assertArrayEquals(new float[] {0.5f}, read(bytes).samples());
  }

  @Test
  void placeholderDataSizesMeanTheRestOfTheFile() throws IOException {
    byte[] data = WavBytes.pcm16((short) 16384, (short) -16384);
    for (long placeholder : new long[] {0xFFFFFFFFL, 0}) {
      byte[] bytes = riff(chunk("fmt ", fmt(1, 1, 16000, 16, 2)), chunk("data", placeholder, data));
      assertArrayEquals(new float[] {0.5f, -0.5f}, read(bytes).samples(), "placeholder " + placeholder);
    }
    // a real empty data chunk followed by another chunk stays empty
    byte[] empty = riff(chunk("fmt ", fmt(1, 1, 16000, 16, 2)), chunk("data", new byte[0]), chunk("LIST", new byte[4]));
    assertEquals(0, read(empty).samples().length);
  }

  @Test
  void rf64TakesTheDataSizeFromDs64() throws IOException {
    ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
    ds64.putLong(0).putLong(4).putLong(2).putInt(0);
    byte[] bytes = WavBytes.container("RF64", chunk("ds64", ds64.array()), chunk("fmt ", fmt(1, 1, 16000, 16, 2)),
        chunk("data", 0xFFFFFFFFL, WavBytes.pcm16((short) 8192, (short) 16384)), chunk("LIST", new byte[2]));
    assertArrayEquals(new float[] {0.25f, 0.5f}, read(bytes).samples());
  }

  @Test
  void probeReadsTheHeader() throws IOException {
    Path f = dir.resolve("p.wav");
    Files.write(f, wav(1, 2, 22050, 16, new byte[22050 * 4]));
    AudioInfo info = AudioFile.probe(f);
    assertEquals(new AudioInfo(22050, 2, "WAV PCM signed 16-bit", 22050), info);
    assertEquals(1.0, info.durationSeconds());
  }

  @Test
  void segmentsSeekAndKeepTheirTime() throws IOException {
    int rate = 1000;
    short[] v = new short[3000];
    for (int i = 0; i < v.length; i++) v[i] = (short) (i - 1500);
    Path f = dir.resolve("seg.wav");
    Files.write(f, riff(chunk("fmt ", fmt(1, 1, rate, 16, 2)), chunk("data", WavBytes.pcm16(v))));
    Clip seg = AudioFile.read(f, 1.25, 1.5);
    assertEquals(250, seg.samples().length);
    assertEquals(1.25, seg.offsetSeconds());
    assertEquals((1250 - 1500) / 32768f, seg.samples()[0]);
    assertEquals((1499 - 1500) / 32768f, seg.samples()[249]);
    Clip clamped = AudioFile.read(f, 2.9, 10);
    assertEquals(100, clamped.samples().length);
    assertEquals(2.9, clamped.offsetSeconds(), 1e-12);
    assertArrayEquals(AudioFile.read(f).slice(0.5, 0.75).samples(), AudioFile.read(f, 0.5, 0.75).samples());
  }

  @Test
  void contentDecidesNotTheExtension() throws IOException {
    Path f = dir.resolve("really-a-wav.flac");
    Files.write(f, wav(1, 1, 8000, 16, WavBytes.pcm16((short) 16384)));
    assertArrayEquals(new float[] {0.5f}, AudioFile.read(f).samples());
  }
}
