package org.spectrolens.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.spectrolens.SpectrolensException;

/**
 * Reads interleaved PCM frames from a file region and mixes them to mono (the average of the
 * channels), a block at a time so that only the float result is held in memory.
 */
final class PcmReader {
  private static final int BLOCK_BYTES = 1 << 16;

  private PcmReader() {}

  /**
   * @param dataOffset the file position of frame 0
   * @param firstFrame the first frame to read
   * @param frames how many frames to read (all must be present)
   */
  static float[] readMono(FileChannel ch, String subject, long dataOffset, long firstFrame, int frames,
      int channels, SampleEncoding enc, ByteOrder order, int rate) throws IOException {
    int frameBytes = channels * enc.bytes();
    int framesPerBlock = Math.max(1, BLOCK_BYTES / frameBytes);
    ByteBuffer buf = ByteBuffer.allocate(framesPerBlock * frameBytes).order(order);
    float[] out = new float[frames];
    float scale = 1f / channels;
    long pos = dataOffset + firstFrame * frameBytes;
    int done = 0;
    while (done < frames) {
      int n = Math.min(framesPerBlock, frames - done);
      buf.clear().limit(n * frameBytes);
      while (buf.hasRemaining()) {
        int r = ch.read(buf, pos + buf.position());
        if (r < 0) {
          throw new SpectrolensException(subject, "truncated: file ends at frame "
              + (firstFrame + done + buf.position() / frameBytes) + " of " + (firstFrame + frames));
        }
      }
      pos += n * frameBytes;
      mix(buf, n, channels, enc, out, done, scale);
      if (enc.isFloat()) checkFinite(out, done, n, subject, firstFrame, rate);
      done += n;
    }
    return out;
  }

  private static void mix(ByteBuffer buf, int n, int channels, SampleEncoding enc, float[] out, int at,
      float scale) {
    int sb = enc.bytes();
    int p = 0;
    if (channels == 1) {
      for (int i = 0; i < n; i++, p += sb) out[at + i] = enc.decode(buf, p);
      return;
    }
    for (int i = 0; i < n; i++) {
      float sum = 0;
      for (int c = 0; c < channels; c++, p += sb) sum += enc.decode(buf, p);
      out[at + i] = sum * scale;
    }
  }

  // A NaN in any channel survives the mix, and so does an infinity (or becomes NaN).
  private static void checkFinite(float[] out, int at, int n, String subject, long firstFrame, int rate) {
    for (int i = at; i < at + n; i++) {
      if (!Float.isFinite(out[i])) {
        long frame = firstFrame + i;
        throw new SpectrolensException(subject, String.format(java.util.Locale.ROOT,
            "%s sample at %.6f s (frame %d)", Float.isNaN(out[i]) ? "NaN" : "infinite",
            frame / (double) rate, frame));
      }
    }
  }
}
