package org.spectrolens.audio;

import org.spectrolens.SpectrolensException;

/**
 * A FLAC decoder written from the format specification (RFC 9639): STREAMINFO, frame headers
 * (CRC-8 checked), CONSTANT / VERBATIM / FIXED / LPC subframes with wasted bits, Rice-coded
 * residuals (with escapes), stereo decorrelation, frame CRC-16. No Apache-compatible FLAC decoder
 * is on Maven Central (jFLAC 1.5.2 is LGPL-2.1), hence this one. Samples scale by 2^(bps-1).
 */
final class FlacDecoder {
  /** STREAMINFO, plus where the audio frames start (after all metadata blocks). */
  record StreamInfo(int sampleRate, int channels, int bitsPerSample, long totalSamples, int framesStart) {}

  private final byte[] data;
  private final String subject;
  private final StreamInfo info;
  private long[][] block = new long[0][];

  FlacDecoder(byte[] data, int start, String subject) {
    this.data = data;
    this.subject = subject;
    this.info = streamInfo(data, start, subject, true);
  }

  StreamInfo info() {
    return info;
  }

  /**
   * Parses STREAMINFO after the {@code fLaC} marker at {@code start}; with {@code walk}, also the
   * other metadata blocks to find the first frame (else framesStart is -1).
   */
  static StreamInfo streamInfo(byte[] d, int start, String subject, boolean walk) {
    FlacBits in = new FlacBits(d, start + 4, d.length);
    try {
      int first = in.uint(8);
      int len = in.uint(24);
      if (start + 8 + 34 > d.length) throw new FlacBits.EndOfData();
      if ((first & 0x7F) != 0 || len < 34) {
        throw new SpectrolensException(subject, "corrupt FLAC: the first metadata block is not STREAMINFO");
      }
      in.bits(80); // block and frame size limits
      int rate = in.uint(20);
      int channels = in.uint(3) + 1;
      int bps = in.uint(5) + 1;
      long total = in.bits(32) << 4 | in.bits(4);
      if (rate == 0) throw new SpectrolensException(subject, "corrupt FLAC: STREAMINFO sample rate is 0");
      int pos = start + 8 + len;
      boolean last = (first & 0x80) != 0;
      if (!walk) return new StreamInfo(rate, channels, bps, total, -1);
      while (!last) {
        if (pos + 4 > d.length) throw new FlacBits.EndOfData();
        last = (d[pos] & 0x80) != 0;
        pos += 4 + ((d[pos + 1] & 0xFF) << 16 | (d[pos + 2] & 0xFF) << 8 | (d[pos + 3] & 0xFF));
      }
      if (pos > d.length) throw new FlacBits.EndOfData();
      return new StreamInfo(rate, channels, bps, total, pos);
    } catch (FlacBits.EndOfData e) {
      throw new SpectrolensException(subject, "truncated: the file ends inside the FLAC metadata");
    }
  }

  /** Mono samples of frames [from, to) (to = -1: to the end). */
  float[] decode(long from, long to) {
    long declared = info.totalSamples();
    long end = to >= 0 ? to : declared > 0 ? declared : Long.MAX_VALUE;
    // grown as frames arrive: a corrupt STREAMINFO must not make us allocate its claimed length
    float[] out = new float[(int) Math.min(1 << 20, Math.max(0, end - from))];
    int n = 0;
    long sample = 0;
    int pos = info.framesStart();
    while (pos < data.length && sample < end) {
      int frameStart = pos;
      int size;
      try {
        FlacBits in = new FlacBits(data, pos, data.length);
        size = frame(in);
        pos = in.bytePosition();
      } catch (FlacBits.EndOfData e) {
        throw new SpectrolensException(subject, "truncated: the FLAC stream ends inside the frame at sample "
            + sample + (declared > 0 ? " (STREAMINFO declares " + declared + " samples)" : ""));
      }
      checkCrc16(frameStart, pos, sample);
      long a = Math.max(from, sample);
      long b = Math.min(end, sample + size);
      if (b > a) {
        if (n + (b - a) > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, (int) (n + b - a)));
        mix((int) (a - sample), (int) (b - sample), out, n);
        n += (int) (b - a);
      }
      sample += size;
    }
    if (declared > 0 && sample < Math.min(end, declared)) {
      throw new SpectrolensException(subject, "truncated: STREAMINFO declares " + declared
          + " samples but only " + sample + " are present");
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private void mix(int a, int b, float[] out, int at) {
    // the same arithmetic as PcmReader, so FLAC and WAV of one signal decode to equal floats
    int ch = info.channels();
    float unit = (float) (1.0 / (1L << (info.bitsPerSample() - 1)));
    float scale = 1f / ch;
    for (int i = a; i < b; i++) {
      if (ch == 1) {
        out[at + i - a] = block[0][i] * unit;
        continue;
      }
      float sum = 0;
      for (int c = 0; c < ch; c++) sum += block[c][i] * unit;
      out[at + i - a] = sum * scale;
    }
  }

  /** Decodes one frame into {@link #block}; returns its block size. */
  private int frame(FlacBits in) {
    int headerStart = in.bytePosition();
    if (in.uint(15) != 0x7FFC) throw corrupt(headerStart, "no frame sync code");
    in.uint(1); // blocking strategy: samples are counted, not read from the header
    int bsCode = in.uint(4);
    int srCode = in.uint(4);
    int chCode = in.uint(4);
    int ssCode = in.uint(3);
    in.uint(1);
    int lead = Integer.numberOfLeadingZeros(~(in.uint(8) << 24));
    for (int i = 1; i < lead; i++) in.uint(8); // UTF-8-style coded frame or sample number
    int blockSize = bsCode == 1 ? 192 : bsCode <= 5 ? 576 << (bsCode - 2)
        : bsCode == 6 ? in.uint(8) + 1 : bsCode == 7 ? in.uint(16) + 1 : 256 << (bsCode - 8);
    if (bsCode == 0) throw corrupt(headerStart, "reserved block size");
    if (srCode == 12) in.uint(8);
    else if (srCode == 13 || srCode == 14) in.uint(16);
    int crc8 = crc8(headerStart, in.bytePosition());
    if (in.uint(8) != crc8) throw corrupt(headerStart, "frame header CRC mismatch");
    int bps = ssCode == 0 ? info.bitsPerSample() : new int[] {0, 8, 12, -1, 16, 20, 24, 32}[ssCode];
    int channels = chCode < 8 ? chCode + 1 : 2;
    if (bps < 0 || chCode > 10 || channels != info.channels()) throw corrupt(headerStart, "bad frame header");
    if (block.length != channels || block[0].length < blockSize) block = new long[channels][Math.max(blockSize, 4608)];
    for (int c = 0; c < channels; c++) {
      boolean side = (chCode == 8 || chCode == 10) ? c == 1 : chCode == 9 && c == 0;
      subframe(in, block[c], blockSize, bps + (side ? 1 : 0), headerStart);
    }
    decorrelate(chCode, block, blockSize);
    in.alignToByte();
    in.uint(16); // CRC-16, checked by the caller over the whole frame
    return blockSize;
  }

  private static void decorrelate(int chCode, long[][] s, int n) {
    long[] l = s[0];
    long[] r = s.length > 1 ? s[1] : null;
    for (int i = 0; i < n && chCode >= 8; i++) {
      if (chCode == 8) {
        r[i] = l[i] - r[i]; // left, side
      } else if (chCode == 9) {
        l[i] = l[i] + r[i]; // side, right
      } else {
        long mid = (l[i] << 1) | (r[i] & 1);
        long side = r[i];
        l[i] = (mid + side) >> 1;
        r[i] = (mid - side) >> 1;
      }
    }
  }

  private void subframe(FlacBits in, long[] out, int n, int bps, int frameStart) {
    if (in.uint(1) != 0) throw corrupt(frameStart, "subframe padding bit set");
    int type = in.uint(6);
    int wasted = in.uint(1) == 1 ? in.unary() + 1 : 0;
    bps -= wasted;
    if (type == 0) {
      java.util.Arrays.fill(out, 0, n, in.signed(bps));
    } else if (type == 1) {
      for (int i = 0; i < n; i++) out[i] = in.signed(bps);
    } else if (type >= 8 && type <= 12) {
      int order = type - 8;
      for (int i = 0; i < order; i++) out[i] = in.signed(bps);
      residual(in, out, n, order, frameStart);
      fixed(out, n, order);
    } else if (type >= 32) {
      int order = type - 31;
      for (int i = 0; i < order; i++) out[i] = in.signed(bps);
      int precision = in.uint(4) + 1;
      int shift = (int) in.signed(5);
      if (precision == 16 || shift < 0) throw corrupt(frameStart, "bad LPC precision or shift");
      long[] coef = new long[order];
      for (int j = 0; j < order; j++) coef[j] = in.signed(precision);
      residual(in, out, n, order, frameStart);
      for (int i = order; i < n; i++) {
        long sum = 0;
        for (int j = 0; j < order; j++) sum += coef[j] * out[i - 1 - j];
        out[i] += sum >> shift;
      }
    } else {
      throw corrupt(frameStart, "reserved subframe type " + type);
    }
    if (wasted > 0) for (int i = 0; i < n; i++) out[i] <<= wasted;
  }

  private static void fixed(long[] s, int n, int order) {
    for (int i = order; i < n; i++) {
      switch (order) {
        case 1: s[i] += s[i - 1]; break;
        case 2: s[i] += 2 * s[i - 1] - s[i - 2]; break;
        case 3: s[i] += 3 * s[i - 1] - 3 * s[i - 2] + s[i - 3]; break;
        case 4: s[i] += 4 * s[i - 1] - 6 * s[i - 2] + 4 * s[i - 3] - s[i - 4]; break;
        default: break;
      }
    }
  }

  private void residual(FlacBits in, long[] out, int n, int order, int frameStart) {
    int method = in.uint(2);
    if (method > 1) throw corrupt(frameStart, "reserved residual coding method");
    int paramBits = method == 0 ? 4 : 5;
    int escape = (1 << paramBits) - 1;
    int partitionOrder = in.uint(4);
    int per = n >> partitionOrder;
    if (per << partitionOrder != n || per < order) throw corrupt(frameStart, "bad residual partition order");
    int i = order;
    for (int p = 0; p < 1 << partitionOrder; p++) {
      int k = in.uint(paramBits);
      int stop = (p + 1) * per;
      if (k == escape) {
        int raw = in.uint(5);
        for (; i < stop; i++) out[i] = raw == 0 ? 0 : in.signed(raw);
      } else {
        for (; i < stop; i++) out[i] = in.rice(k);
      }
    }
  }

  private void checkCrc16(int from, int to, long sample) {
    int crc = 0;
    for (int i = from; i < to - 2; i++) crc = ((crc << 8) ^ CRC16[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
    int stored = (data[to - 2] & 0xFF) << 8 | (data[to - 1] & 0xFF);
    if (crc != stored) throw corrupt(from, "frame CRC-16 mismatch (at sample " + sample + ")");
  }

  private int crc8(int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= data[i] & 0xFF;
      for (int b = 0; b < 8; b++) crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
    }
    return crc;
  }

  private SpectrolensException corrupt(int bytePos, String what) {
    return new SpectrolensException(subject, "corrupt FLAC frame at byte " + bytePos + ": " + what);
  }

  private static final int[] CRC16 = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i << 8;
      for (int b = 0; b < 8; b++) c = (c & 0x8000) != 0 ? (c << 1) ^ 0x8005 : c << 1;
      CRC16[i] = c & 0xFFFF;
    }
  }
}
