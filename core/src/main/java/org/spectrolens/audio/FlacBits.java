package org.spectrolens.audio;

/** A big-endian bit reader over a byte array, as FLAC frames are packed (RFC 9639). */
final class FlacBits {
  /** Thrown when a read runs past the end of the data. */
  static final class EndOfData extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndOfData() {
      super(null, null, false, false);
    }
  }

  private final byte[] data;
  private final int end;
  private long bit;

  FlacBits(byte[] data, int start, int end) {
    this.data = data;
    this.end = end;
    this.bit = (long) start * 8;
  }

  int bytePosition() {
    return (int) (bit >>> 3);
  }

  boolean atEnd() {
    return bytePosition() >= end;
  }

  void alignToByte() {
    bit = (bit + 7) & ~7L;
  }

  /** Unsigned value of the next {@code n} bits, 0 <= n <= 32. */
  long bits(int n) {
    if (n == 0) return 0;
    if (bit + n > (long) end * 8) throw new EndOfData();
    long v = 0;
    int left = n;
    while (left > 0) {
      int idx = (int) (bit >>> 3);
      int off = (int) (bit & 7);
      int take = Math.min(8 - off, left);
      int b = (data[idx] & 0xFF) >>> (8 - off - take) & ((1 << take) - 1);
      v = (v << take) | b;
      left -= take;
      bit += take;
    }
    return v;
  }

  int uint(int n) {
    return (int) bits(n);
  }

  /** Two's-complement signed value of the next {@code n} bits, 1 <= n <= 33. */
  long signed(int n) {
    if (n == 33) {
      long hi = bits(1);
      long v = (hi << 32) | bits(32);
      return (v << 31) >> 31;
    }
    long v = bits(n);
    return (v << (64 - n)) >> (64 - n);
  }

  /** The count of zero bits before the next one bit (which is consumed). */
  int unary() {
    int zeros = 0;
    while (true) {
      if (bit >= (long) end * 8) throw new EndOfData();
      int idx = (int) (bit >>> 3);
      int off = (int) (bit & 7);
      int b = (data[idx] << off) & 0xFF;
      if (b == 0) {
        zeros += 8 - off;
        bit += 8 - off;
      } else {
        int lead = Integer.numberOfLeadingZeros(b) - 24;
        zeros += lead;
        bit += lead + 1;
        return zeros;
      }
    }
  }

  /** One Rice-coded residual with parameter {@code k}, zig-zag decoded. */
  long rice(int k) {
    long q = unary();
    long v = (q << k) | bits(k);
    return (v >>> 1) ^ -(v & 1);
  }
}
