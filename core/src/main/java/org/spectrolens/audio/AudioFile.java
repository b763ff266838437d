package org.spectrolens.audio;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.IoErrors;

/**
 * Reads audio files to mono {@link Clip}s. The format is recognised by content: WAV (RIFF or
 * RF64; PCM 8/16/24/32-bit, float 32/64, G.711, WAVE_FORMAT_EXTENSIBLE) and FLAC. Channels are
 * averaged. Every problem is a {@link SpectrolensException} naming the file.
 */
public final class AudioFile {
  static final String MP3_UNSUPPORTED = "MP3 is not supported (no maintained Apache-compatible decoder);"
      + " convert it to WAV or FLAC, e.g. `sox in.mp3 out.wav`";

  private AudioFile() {}

  /** The whole file, mixed to mono. */
  public static Clip read(Path file) {
    return read(file, 0, Double.POSITIVE_INFINITY);
  }

  /**
   * The span [startSeconds, endSeconds) mixed to mono, clamped to the file; WAV seeks to it. The
   * clip's offset is the time of its first sample (startSeconds rounded to the nearest frame).
   */
  public static Clip read(Path file, double startSeconds, double endSeconds) {
    String subject = file.toString();
    if (Double.isNaN(startSeconds) || Double.isNaN(endSeconds) || endSeconds < startSeconds) {
      throw new SpectrolensException(subject, "bad segment: " + startSeconds + " s to " + endSeconds + " s");
    }
    try (FileChannel ch = open(file)) {
      AudioContainer.Detected d = detect(ch, subject);
      if (d.container() == AudioContainer.FLAC) {
        FlacDecoder flac = new FlacDecoder(bytes(ch, subject), (int) d.start(), subject);
        FlacDecoder.StreamInfo si = flac.info();
        long total = si.totalSamples() > 0 ? si.totalSamples() : Long.MAX_VALUE;
        long a = frame(startSeconds, si.sampleRate(), total);
        long b = frame(endSeconds, si.sampleRate(), total);
        float[] s = flac.decode(a, b == Long.MAX_VALUE ? -1 : b);
        return new Clip(s, si.sampleRate(), subject, a / (double) si.sampleRate());
      }
      WavHeader h = WavHeader.parse(ch, subject);
      long a = frame(startSeconds, h.sampleRate(), h.frames());
      long b = frame(endSeconds, h.sampleRate(), h.frames());
      if (b - a > Integer.MAX_VALUE - 8) {
        throw new SpectrolensException(subject, "too long to hold in memory: " + (b - a) + " frames; read it in segments");
      }
      float[] s = PcmReader.readMono(ch, subject, h.dataOffset(), a, (int) (b - a), h.channels(),
          h.encoding(), ByteOrder.LITTLE_ENDIAN, h.sampleRate());
      return new Clip(s, h.sampleRate(), subject, a / (double) h.sampleRate());
    } catch (IOException e) {
      throw new SpectrolensException(subject, "cannot read: " + IoErrors.reason(e), e);
    }
  }

  /** Rate, channels, encoding and length from the header alone. */
  public static AudioInfo probe(Path file) {
    String subject = file.toString();
    try (FileChannel ch = open(file)) {
      AudioContainer.Detected d = detect(ch, subject);
      if (d.container() == AudioContainer.FLAC) {
        byte[] head = AudioContainer.head(ch, d.start(), 8 + 34); // the marker and STREAMINFO
        FlacDecoder.StreamInfo si = FlacDecoder.streamInfo(head, 0, subject, false);
        return new AudioInfo(si.sampleRate(), si.channels(), "FLAC " + si.bitsPerSample() + "-bit", si.totalSamples());
      }
      WavHeader h = WavHeader.parse(ch, subject);
      return new AudioInfo(h.sampleRate(), h.channels(), h.description(), h.frames());
    } catch (IOException e) {
      throw new SpectrolensException(subject, "cannot read: " + IoErrors.reason(e), e);
    }
  }

  /** Headerless PCM in the stated format, mixed to mono. */
  public static Clip readRaw(Path file, RawFormat format) {
    String subject = file.toString();
    try (FileChannel ch = open(file)) {
      long size = ch.size();
      if (size % format.frameBytes() != 0) {
        throw new SpectrolensException(subject, "raw PCM of " + size + " bytes is not a whole number of "
            + format.frameBytes() + "-byte frames (" + format + ")");
      }
      if (size / format.frameBytes() > Integer.MAX_VALUE - 8) {
        throw new SpectrolensException(subject, "too long to hold in memory: " + size + " bytes");
      }
      float[] s = PcmReader.readMono(ch, subject, 0, 0, (int) (size / format.frameBytes()),
          format.channels(), format.encoding(), format.order(), format.sampleRate());
      return new Clip(s, format.sampleRate(), subject, 0.0);
    } catch (IOException e) {
      throw new SpectrolensException(subject, "cannot read: " + IoErrors.reason(e), e);
    }
  }

  private static long frame(double seconds, int rate, long frames) {
    if (seconds == Double.POSITIVE_INFINITY) return frames;
    return Math.max(0, Math.min(frames, Math.round(seconds * rate)));
  }

  private static FileChannel open(Path file) throws IOException {
    String subject = file.toString();
    if (Files.isDirectory(file)) throw new SpectrolensException(subject, "is a directory, not an audio file");
    try {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
      if (ch.size() == 0) {
        ch.close();
        throw new SpectrolensException(subject, "empty file (0 bytes), not audio");
      }
      return ch;
    } catch (NoSuchFileException e) {
      throw new SpectrolensException(subject, "no such file");
    }
  }

  private static AudioContainer.Detected detect(FileChannel ch, String subject) throws IOException {
    AudioContainer.Detected d = AudioContainer.detect(ch);
    switch (d.container()) {
      case WAV: case RF64: case FLAC: return d;
      case MP3: throw new SpectrolensException(subject, MP3_UNSUPPORTED);
      case OGG: throw new SpectrolensException(subject, "Ogg (Vorbis/Opus/FLAC-in-Ogg) is not supported; convert it to WAV or FLAC");
      case RIFX: throw new SpectrolensException(subject, "big-endian WAV (RIFX) is not supported; convert it with `sox in.wav out.wav`");
      case AIFF: throw new SpectrolensException(subject, "AIFF is not supported; convert it to WAV or FLAC");
      case MP4: throw new SpectrolensException(subject, "MP4/M4A is not supported; convert it to WAV or FLAC");
      default:
        byte[] h = AudioContainer.head(ch, 0, 4);
        if (ch.size() < 12 && startsLikeAudio(h)) {
          throw new SpectrolensException(subject, "truncated: " + ch.size() + " bytes, shorter than an audio header");
        }
        throw new SpectrolensException(subject, "not an audio file (starts with " + describe(h)
            + "; expected WAV 'RIFF....WAVE' or FLAC 'fLaC')");
    }
  }

  private static boolean startsLikeAudio(byte[] h) {
    String s = new String(h, java.nio.charset.StandardCharsets.ISO_8859_1);
    return !s.isEmpty() && ("RIFF".startsWith(s) || s.startsWith("RIFF") || "RF64".startsWith(s)
        || s.startsWith("RF64") || "fLaC".startsWith(s));
  }

  private static String describe(byte[] h) {
    StringBuilder sb = new StringBuilder();
    for (byte b : h) sb.append(String.format(Locale.ROOT, "%02X ", b & 0xFF));
    return "bytes " + sb.toString().trim();
  }

  private static byte[] bytes(FileChannel ch, String subject) throws IOException {
    long size = ch.size();
    if (size > Integer.MAX_VALUE - 8) throw new SpectrolensException(subject, "FLAC file over 2 GiB is not supported");
    return AudioContainer.head(ch, 0, (int) size);
  }
}
