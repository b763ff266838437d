package org.spectrolens.dsp;

import java.util.stream.IntStream;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform magnitudes as {@code torch.stft} (and librosa's {@code stft})
 * compute them: frames of {@code nFft} samples every {@code hop} samples, each multiplied by a
 * periodic window of {@code winLength} points centred in the frame, real FFT, output
 * {@code |X|^power} as [bin][frame] with bin k at k * sr / nFft.
 *
 * <p>With {@code center}, the signal is padded by nFft/2 at both ends so that frame t is centred
 * on sample t * hop and there are {@code 1 + n / hop} frames; without it frame t starts at
 * t * hop and there are {@code 1 + (n - nFft) / hop}. The FFT runs in double precision (on
 * JTransforms), so cells 80 dB below the maximum keep their value to far better than 0.01 dB;
 * results are stored as float. An instance is immutable and safe to share between threads:
 * each thread gets its own FFT plan and frame buffer.
 */
public final class Stft {
  /** Frames x nFft above which frames are spread over the common fork-join pool. */
  private static final long PARALLEL_WORK = 1L << 20;
  private static final int CHUNK = 64;

  private final int nFft;
  private final int winLength;
  private final int hop;
  private final boolean center;
  private final Padding padding;
  private final double[] window;
  private final int windowFrom;
  private final int windowTo;
  private final ThreadLocal<Worker> workers;

  public Stft(int nFft, int winLength, int hop, Window window, boolean center, Padding padding) {
    if (nFft < 2) throw new IllegalArgumentException("n_fft must be at least 2: " + nFft);
    if (winLength < 1 || winLength > nFft) {
      throw new IllegalArgumentException("win_length must be in 1.." + nFft + ": " + winLength);
    }
    if (hop < 1) throw new IllegalArgumentException("hop must be positive: " + hop);
    this.nFft = nFft;
    this.winLength = winLength;
    this.hop = hop;
    this.center = center;
    this.padding = padding;
    this.window = window.framed(winLength, nFft);
    this.windowFrom = (nFft - winLength) / 2;
    this.windowTo = windowFrom + winLength;
    this.workers = ThreadLocal.withInitial(() -> new Worker(nFft));
  }

  public int nFft() {
    return nFft;
  }

  public int winLength() {
    return winLength;
  }

  public int hop() {
    return hop;
  }

  public boolean center() {
    return center;
  }

  /** Number of frequency bins, nFft/2 + 1. */
  public int bins() {
    return nFft / 2 + 1;
  }

  /** The window as placed in the frame (nFft values, zeros outside the centred winLength). */
  public double[] window() {
    return window.clone();
  }

  /** Frames for a signal of {@code samples} samples (0 if an uncentred signal is shorter than nFft). */
  public int frames(int samples) {
    int padded = samples + (center ? 2 * (nFft / 2) : 0);
    return padded < nFft ? 0 : 1 + (padded - nFft) / hop;
  }

  /**
   * {@code |STFT|^power} as [bin][frame]. {@code power} 2 gives power, 1 magnitude.
   *
   * @throws IllegalArgumentException when the signal gives no frame (empty, or shorter than
   *     nFft without centring)
   */
  public float[][] spectrogram(float[] samples, double power) {
    int frames = frames(samples.length);
    if (samples.length == 0 || frames <= 0) {
      throw new IllegalArgumentException("a signal of " + samples.length + " samples gives no frame of "
          + nFft + (center ? "" : " (center=false needs at least n_fft samples)"));
    }
    double[] x = padding.apply(samples, center ? nFft / 2 : 0);
    float[][] out = new float[bins()][frames];
    if ((long) frames * nFft >= PARALLEL_WORK && frames >= 2 * CHUNK) {
      int chunks = (frames + CHUNK - 1) / CHUNK;
      IntStream.range(0, chunks).parallel()
          .forEach(c -> run(x, out, c * CHUNK, Math.min(frames, (c + 1) * CHUNK), power));
    } else {
      run(x, out, 0, frames, power);
    }
    return out;
  }

  /**
   * The complex STFT [bin][frame] (no power taken), as {@code torch.stft(..., return_complex=True)}
   * with this window, centring and padding; the phase is that of a frame whose sample 0 is the
   * frame start (the window centred in it).
   *
   * @throws IllegalArgumentException when the signal gives no frame
   */
  public Spectrum transform(float[] samples) {
    int frames = frames(samples.length);
    if (samples.length == 0 || frames <= 0) {
      throw new IllegalArgumentException("a signal of " + samples.length + " samples gives no frame of " + nFft);
    }
    double[] x = padding.apply(samples, center ? nFft / 2 : 0);
    Spectrum out = Spectrum.zeros(bins(), frames);
    Worker w = workers.get();
    double[] buf = w.buffer;
    int half = nFft / 2;
    for (int t = 0; t < frames; t++) {
      int start = t * hop;
      java.util.Arrays.fill(buf, 0.0);
      for (int i = windowFrom; i < windowTo; i++) buf[i] = x[start + i] * window[i];
      w.fft.realForward(buf);
      out.re()[0][t] = buf[0];
      for (int k = 1; k < half; k++) {
        out.re()[k][t] = buf[2 * k];
        out.im()[k][t] = buf[2 * k + 1];
      }
      if (nFft % 2 == 0) {
        out.re()[half][t] = buf[1];
      } else if (half > 0) {
        out.re()[half][t] = buf[2 * half];
        out.im()[half][t] = buf[1];
      }
    }
    return out;
  }

  private void run(double[] x, float[][] out, int fromFrame, int toFrame, double power) {
    Worker w = workers.get();
    double[] buf = w.buffer;
    int half = nFft / 2;
    boolean even = nFft % 2 == 0;
    for (int t = fromFrame; t < toFrame; t++) {
      int start = t * hop;
      java.util.Arrays.fill(buf, 0, windowFrom, 0.0);
      for (int i = windowFrom; i < windowTo; i++) buf[i] = x[start + i] * window[i];
      java.util.Arrays.fill(buf, windowTo, nFft, 0.0);
      w.fft.realForward(buf);
      // JTransforms packs the half spectrum in place: a[0] = Re 0; for even n a[1] = Re n/2,
      // for odd n a[1] = Im (n-1)/2; a[2k], a[2k+1] = Re k, Im k otherwise.
      out[0][t] = scale(buf[0] * buf[0], power);
      for (int k = 1; k < half; k++) {
        double re = buf[2 * k];
        double im = buf[2 * k + 1];
        out[k][t] = scale(re * re + im * im, power);
      }
      if (even) {
        out[half][t] = scale(buf[1] * buf[1], power);
      } else if (half > 0) {
        double re = buf[2 * half];
        double im = buf[1];
        out[half][t] = scale(re * re + im * im, power);
      }
    }
  }

  private static float scale(double squared, double power) {
    if (power == 2.0) return (float) squared;
    if (power == 1.0) return (float) Math.sqrt(squared);
    return (float) Math.pow(squared, power / 2.0);
  }

  private static final class Worker {
    final DoubleFFT_1D fft;
    final double[] buffer;

    Worker(int n) {
      fft = new DoubleFFT_1D(n);
      buffer = new double[n];
    }
  }
}
