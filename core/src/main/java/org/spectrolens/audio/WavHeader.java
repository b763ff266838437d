package org.spectrolens.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.spectrolens.SpectrolensException;

/**
 * The layout of a RIFF/WAVE (or RF64) file: sample format from the {@code fmt } chunk and where
 * the {@code data} chunk's frames lie. Other chunks (LIST, fact, ...) are skipped, honouring the
 * pad byte after odd-sized chunks.
 */
record WavHeader(int sampleRate, int channels, SampleEncoding encoding, long dataOffset, long frames,
    String description) {

  private static final int TAG_PCM = 1;
  private static final int TAG_FLOAT = 3;
  private static final int TAG_ALAW = 6;
  private static final int TAG_MULAW = 7;
  private static final int TAG_EXTENSIBLE = 0xFFFE;
  private static final long PLACEHOLDER = 0xFFFFFFFFL;

  int frameBytes() {
    return channels * encoding.bytes();
  }

  static WavHeader parse(FileChannel ch, String subject) throws IOException {
    long fileSize = ch.size();
    ByteBuffer head = read(ch, 0, 12, subject, "RIFF header");
    String riff = id(head, 0);
    boolean rf64 = riff.equals("RF64");
    long pos = 12;
    long ds64DataSize = -1;
    Fmt fmt = null;
    long dataOffset = -1;
    long dataSize = -1;
    while (true) {
      if (pos + 8 > fileSize) {
        String missing = fmt == null ? "fmt " : "data";
        throw new SpectrolensException(subject, "truncated: the header ends (at byte " + fileSize
            + ") before a '" + missing + "' chunk");
      }
      ByteBuffer ck = read(ch, pos, 8, subject, "chunk header");
      String id = id(ck, 0);
      long size = ck.getInt(4) & 0xFFFFFFFFL;
      long body = pos + 8;
      if (id.equals("ds64") && rf64) {
        ds64DataSize = read(ch, body, 16, subject, "ds64 chunk").getLong(8);
      } else if (id.equals("fmt ")) {
        if (body + size > fileSize) {
          throw new SpectrolensException(subject, "truncated: 'fmt ' chunk declares " + size
              + " bytes but only " + (fileSize - body) + " are present");
        }
        fmt = Fmt.parse(read(ch, body, (int) Math.min(size, 64), subject, "fmt chunk"), subject);
      } else if (id.equals("data")) {
        long available = fileSize - body;
        if (rf64 && size == PLACEHOLDER && ds64DataSize >= 0) size = ds64DataSize;
        if (size == PLACEHOLDER || (size == 0 && available > 0 && !looksLikeChunk(ch, body, fileSize))) {
          // written by a streaming tool that never came back to fill in the size
          size = fmt == null ? available : available - available % (fmt.blockAlign);
        }
        if (size > available) {
          throw new SpectrolensException(subject, "truncated: data chunk declares " + size
              + " bytes but only " + available + " are present");
        }
        dataOffset = body;
        dataSize = size;
        if (fmt != null) break;
      }
      pos = body + size + (size & 1);
      if (fmt != null && dataOffset >= 0) break;
    }
    if (dataSize % fmt.blockAlign != 0) {
      throw new SpectrolensException(subject, "truncated: data chunk of " + dataSize
          + " bytes is not a whole number of " + fmt.blockAlign + "-byte frames");
    }
    String desc = (rf64 ? "RF64 " : "WAV ") + fmt.encoding.description()
        + (fmt.extensible ? " (extensible)" : "");
    return new WavHeader(fmt.rate, fmt.channels, fmt.encoding, dataOffset, dataSize / fmt.blockAlign, desc);
  }

  /** Whether a real chunk follows an empty data chunk (else the zero size is a placeholder). */
  private static boolean looksLikeChunk(FileChannel ch, long pos, long fileSize) throws IOException {
    if (pos + 8 > fileSize) return false;
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(b, pos);
    for (int i = 0; i < 4; i++) {
      int c = b.get(i) & 0xFF;
      if (c < 0x20 || c > 0x7E) return false;
    }
    return pos + 8 + (b.getInt(4) & 0xFFFFFFFFL) <= fileSize;
  }

  private record Fmt(int channels, int rate, int blockAlign, SampleEncoding encoding, boolean extensible) {
    static Fmt parse(ByteBuffer b, String subject) {
      if (b.limit() < 16) {
        throw new SpectrolensException(subject, "malformed 'fmt ' chunk of " + b.limit() + " bytes (at least 16 expected)");
      }
      int tag = b.getShort(0) & 0xFFFF;
      int channels = b.getShort(2) & 0xFFFF;
      int rate = b.getInt(4);
      int blockAlign = b.getShort(12) & 0xFFFF;
      int bits = b.getShort(14) & 0xFFFF;
      boolean extensible = tag == TAG_EXTENSIBLE;
      if (extensible) {
        if (b.limit() < 40) {
          throw new SpectrolensException(subject, "malformed WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk of " + b.limit() + " bytes (40 expected)");
        }
        tag = b.getShort(24) & 0xFFFF; // the sub-format GUID starts with the format tag
      }
      if (channels == 0) throw new SpectrolensException(subject, "WAV header declares 0 channels");
      if (rate <= 0) throw new SpectrolensException(subject, "WAV header declares sample rate " + rate);
      int container = blockAlign > 0 && blockAlign % channels == 0 ? blockAlign / channels : (bits + 7) / 8;
      SampleEncoding enc = encoding(tag, container, subject);
      return new Fmt(channels, rate, channels * enc.bytes(), enc, extensible);
    }

    private static SampleEncoding encoding(int tag, int bytes, String subject) {
      SampleEncoding e = null;
      if (tag == TAG_PCM) {
        e = bytes == 1 ? SampleEncoding.U8 : bytes == 2 ? SampleEncoding.S16
            : bytes == 3 ? SampleEncoding.S24 : bytes == 4 ? SampleEncoding.S32 : null;
      } else if (tag == TAG_FLOAT) {
        e = bytes == 4 ? SampleEncoding.F32 : bytes == 8 ? SampleEncoding.F64 : null;
      } else if (tag == TAG_MULAW && bytes == 1) {
        e = SampleEncoding.MULAW;
      } else if (tag == TAG_ALAW && bytes == 1) {
        e = SampleEncoding.ALAW;
      }
      if (e == null) {
        throw new SpectrolensException(subject, String.format(Locale.ROOT,
            "unsupported WAV encoding: format tag 0x%04X (%s), %d bytes per sample", tag, tagName(tag), bytes));
      }
      return e;
    }
  }

  static String tagName(int tag) {
    switch (tag) {
      case TAG_PCM: return "PCM";
      case 2: return "Microsoft ADPCM";
      case TAG_FLOAT: return "IEEE float";
      case TAG_ALAW: return "A-law";
      case TAG_MULAW: return "mu-law";
      case 0x11: return "IMA ADPCM";
      case 0x31: return "GSM 6.10";
      case 0x50: return "MPEG";
      case 0x55: return "MPEG Layer 3";
      case 0x161: return "Windows Media Audio";
      default: return "unknown";
    }
  }

  private static String id(ByteBuffer b, int at) {
    byte[] four = new byte[4];
    b.get(at, four);
    return new String(four, StandardCharsets.ISO_8859_1);
  }

  private static ByteBuffer read(FileChannel ch, long pos, int n, String subject, String what) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new SpectrolensException(subject, "truncated: the file ends inside the " + what
            + " (" + b.position() + " of " + n + " bytes)");
      }
    }
    return b.flip();
  }
}
