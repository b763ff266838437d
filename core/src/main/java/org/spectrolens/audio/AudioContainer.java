package org.spectrolens.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** The container a file holds, recognised by its first bytes (never by its name). */
enum AudioContainer {
  WAV, RF64, RIFX, FLAC, MP3, OGG, AIFF, MP4, UNKNOWN;

  /** The container and the byte where it starts (after an ID3v2 tag, if any). */
  record Detected(AudioContainer container, long start) {}

  static Detected detect(FileChannel ch) throws IOException {
    byte[] h = head(ch, 0, 12);
    long start = 0;
    if (h.length >= 10 && ascii(h, 0, 3).equals("ID3")) {
      // ID3v2: a 10-byte header, a syncsafe size, and a 10-byte footer when flagged
      start = 10 + ((h[6] & 0x7F) << 21 | (h[7] & 0x7F) << 14 | (h[8] & 0x7F) << 7 | (h[9] & 0x7F))
          + ((h[5] & 0x10) != 0 ? 10 : 0);
      h = head(ch, start, 12);
      if (h.length >= 4 && ascii(h, 0, 4).equals("fLaC")) return new Detected(FLAC, start);
      return new Detected(MP3, start);
    }
    return new Detected(of(h), start);
  }

  static AudioContainer of(byte[] h) {
    if (h.length >= 4 && ascii(h, 0, 4).equals("fLaC")) return FLAC;
    if (h.length >= 12 && ascii(h, 8, 4).equals("WAVE")) {
      String riff = ascii(h, 0, 4);
      if (riff.equals("RIFF")) return WAV;
      if (riff.equals("RF64")) return RF64;
      if (riff.equals("RIFX")) return RIFX;
    }
    if (h.length >= 4 && ascii(h, 0, 4).equals("OggS")) return OGG;
    if (h.length >= 12 && ascii(h, 0, 4).equals("FORM") && ascii(h, 8, 3).equals("AIF")) return AIFF;
    if (h.length >= 8 && ascii(h, 4, 4).equals("ftyp")) return MP4;
    // MPEG audio frame sync: 11 one bits, a valid version, a layer other than the reserved 00
    if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x18) != 0x08
        && (h[1] & 0x06) != 0) {
      return MP3;
    }
    return UNKNOWN;
  }

  static byte[] head(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining() && ch.read(b, pos + b.position()) >= 0) {
      // keep reading until full or end of file
    }
    return java.util.Arrays.copyOf(b.array(), b.position());
  }

  private static String ascii(byte[] h, int at, int n) {
    return new String(h, at, n, StandardCharsets.ISO_8859_1);
  }
}
