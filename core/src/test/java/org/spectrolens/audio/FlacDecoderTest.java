package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spectrolens.SpectrolensException;

class FlacDecoderTest {
  @TempDir Path dir;

  /** Tones, noise and a silent stretch, channels correlated so that stereo decorrelation is used. */
  static int[][] signal(int channels, int frames, int rate, int bits, int wastedBits) {
    Random rnd = new Random(42);
    int[][] s = new int[channels][frames];
    double full = (1 << (bits - 1)) - 1;
    for (int i = 0; i < frames; i++) {
      double t = i / (double) rate;
      double common = 0.4 * Math.sin(2 * Math.PI * 300 * t) + 0.02 * rnd.nextGaussian();
      for (int c = 0; c < channels; c++) {
        double v = t >= 0.4 && t < 0.5 ? 0 : 0.8 * common + 0.15 * Math.sin(2 * Math.PI * (1200 + 500 * c) * t);
        int q = (int) Math.round(v * full);
        s[c][i] = (q >> wastedBits) << wastedBits;
      }
    }
    return s;
  }

  static byte[] wavOf(int[][] s, int rate, int bits) {
    int ch = s.length;
    int n = s[0].length;
    int bytes = bits / 8;
    ByteBuffer b = ByteBuffer.allocate(n * ch * bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < ch; c++) {
        int v = s[c][i];
        if (bits == 8) b.put((byte) (v + 128));
        else for (int k = 0; k < bytes; k++) b.put((byte) (v >> (8 * k)));
      }
    }
    return WavBytes.wav(1, ch, rate, bits, b.array());
  }

  @ParameterizedTest(name = "{0}-bit, {1} channel(s), compression {2}, {3} wasted bits")
  @CsvSource({"16,1,0,0", "16,2,5,0", "16,2,8,0", "24,2,8,0", "24,1,5,8", "8,1,8,0", "16,3,8,0", "24,2,0,0"})
  void soxFlacDecodesExactlyLikeTheWavSoxWrote(int bits, int channels, int level, int wasted) throws Exception {
    Sox.assumePresent();
    int rate = 16000;
    Path src = dir.resolve("src.wav");
    Files.write(src, wavOf(signal(channels, rate, rate, bits, wasted), rate, bits));
    Path flac = dir.resolve("out.flac");
    Path wav = dir.resolve("out.wav");
    Sox.run(src, "-C", level, flac);
    Sox.run(flac, wav); // sox's own decode of the FLAC
    Clip fromFlac = AudioFile.read(flac);
    assertArrayEquals(AudioFile.read(wav).samples(), fromFlac.samples());
    assertArrayEquals(AudioFile.read(src).samples(), fromFlac.samples());
    assertEquals(new AudioInfo(rate, channels, "FLAC " + bits + "-bit", rate), AudioFile.probe(flac));
    Clip seg = AudioFile.read(flac, 0.3, 0.6);
    assertEquals(0.3, seg.offsetSeconds(), 1e-12);
    assertArrayEquals(AudioFile.read(wav, 0.3, 0.6).samples(), seg.samples());
  }

  @Test
  void soxFlacCutShortIsTruncated() throws Exception {
    Sox.assumePresent();
    Path src = dir.resolve("src.wav");
    Files.write(src, wavOf(signal(1, 16000, 16000, 16, 0), 16000, 16));
    Path flac = dir.resolve("full.flac");
    Sox.run(src, flac);
    byte[] b = Files.readAllBytes(flac);
    Path cut = dir.resolve("cut.flac");
    Files.write(cut, java.util.Arrays.copyOf(b, b.length * 2 / 3));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> AudioFile.read(cut));
    assertTrue(e.problem().startsWith("truncated") && e.problem().contains("16000"), e.problem());
  }

  // ---- a FLAC file assembled by hand from RFC 9639, so the decoder is tested without sox ----

  /** STREAMINFO for mono 16-bit 8000 Hz, then a VERBATIM frame of 4 samples and a CONSTANT frame of 3. */
  static byte[] handMadeFlac() {
    return handMadeFlac(-1);
  }

  /** With {@code padding >= 0}, a PADDING block of that many bytes follows STREAMINFO. */
  static byte[] handMadeFlac(int padding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'f', 'L', 'a', 'C', (byte) (padding >= 0 ? 0x00 : 0x80), 0, 0, 34});
    ByteBuffer si = ByteBuffer.allocate(34);
    si.putShort((short) 3).putShort((short) 4).put(new byte[6]);
    // 20 bits rate 8000, 3 bits channels-1 = 0, 5 bits bps-1 = 15, 36 bits total = 7
    long packed = (8000L << 44) | (0L << 41) | (15L << 36) | 7L;
    si.putLong(packed).put(new byte[16]);
    out.writeBytes(si.array());
    if (padding >= 0) {
      out.writeBytes(new byte[] {(byte) 0x81, (byte) (padding >> 16), (byte) (padding >> 8), (byte) padding});
      out.writeBytes(new byte[padding]);
    }
    // frame 0: block size code 6 (8-bit size-1 follows), rate from STREAMINFO, mono, 16-bit
    out.writeBytes(frame(new byte[] {(byte) 0xFF, (byte) 0xF8, 0x60, 0x08, 0x00, 0x03},
        new byte[] {0x02, 0x40, 0x00, (byte) 0xC0, 0x00, 0x00, 0x01, 0x7F, (byte) 0xFF}));
    // frame 1: 3 samples, CONSTANT subframe of -2
    out.writeBytes(frame(new byte[] {(byte) 0xFF, (byte) 0xF8, 0x60, 0x08, 0x01, 0x02},
        new byte[] {0x00, (byte) 0xFF, (byte) 0xFE}));
    return out.toByteArray();
  }

  private static byte[] frame(byte[] header, byte[] subframes) {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.writeBytes(header);
    f.write(crc(header, 8, 0x07));
    f.writeBytes(subframes);
    byte[] sofar = f.toByteArray();
    int crc16 = crc(sofar, 16, 0x8005);
    f.write(crc16 >> 8);
    f.write(crc16 & 0xFF);
    return f.toByteArray();
  }

  /** Bitwise MSB-first CRC with initial value 0, as RFC 9639 defines CRC-8 and CRC-16. */
  private static int crc(byte[] data, int width, int poly) {
    int crc = 0;
    int top = 1 << (width - 1);
    int mask = (1 << width) - 1;
    for (byte b : data) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean in = ((b >> bit) & 1) != 0;
        boolean msb = (crc & top) != 0;
        crc = (crc << 1) & mask;
        if (in ^ msb) crc ^= poly;
      }
    }
    return crc;
  }

  @Test
  void handMadeFlacDecodes() throws IOException {
    Path f = dir.resolve("hand.bin");
    Files.write(f, handMadeFlac());
    assertArrayEquals(new float[] {0.5f, -0.5f, 1f / 32768, 32767f / 32768, -2f / 32768, -2f / 32768, -2f / 32768},
        AudioFile.read(f).samples());
    assertEquals(new AudioInfo(8000, 1, "FLAC 16-bit", 7), AudioFile.probe(f));
    assertArrayEquals(new float[] {32767f / 32768, -2f / 32768}, AudioFile.read(f, 3 / 8000.0, 5 / 8000.0).samples());
  }

  @Test
  void metadataBlocksAndAnId3TagAreSkipped() throws IOException {
    byte[] flac = handMadeFlac(200_000);
    byte[] tagged = new byte[10 + 100 + flac.length];
    tagged[0] = 'I';
    tagged[1] = 'D';
    tagged[2] = '3';
    tagged[3] = 4;
    tagged[9] = 100; // syncsafe size 100
    System.arraycopy(flac, 0, tagged, 110, flac.length);
    Path f = dir.resolve("tagged.flac");
    Files.write(f, tagged);
    assertEquals(new AudioInfo(8000, 1, "FLAC 16-bit", 7), AudioFile.probe(f));
    assertEquals(7, AudioFile.read(f).samples().length);
    assertEquals(0.5f, AudioFile.read(f).samples()[0]);
  }

  @Test
  void aFlippedBitFailsTheFrameCrc() throws IOException {
    byte[] b = handMadeFlac();
    b[42 + 8] ^= 0x10; // a sample byte of the first frame
    Path f = dir.resolve("flipped.flac");
    Files.write(f, b);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> AudioFile.read(f));
    assertTrue(e.problem().startsWith("corrupt FLAC frame") && e.problem().contains("CRC"), e.problem());
  }
}
