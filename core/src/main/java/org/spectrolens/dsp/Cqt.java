package org.spectrolens.dsp;

import java.util.stream.IntStream;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Constant-Q transform magnitudes with librosa's kernels ({@code librosa.cqt}, filter_scale 1,
 * norm 1, window hann, tuning 0), computed directly at the full sample rate: one FFT per frame
 * and every bin's kernel applied in the frequency domain, instead of librosa's octave-by-octave
 * downsampling.
 *
 * <p>Bin k has centre {@code f_k = fmin * 2^(k/B)} and a kernel of length
 * {@code l_k = Q sr / f_k} with {@code Q = filterScale / alpha},
 * {@code alpha = (2^(2/B) - 1) / (2^(2/B) + 1)} (Q = 17.33 for B = 12): samples
 * {@code n = floor(-l/2) .. floor(l/2) - 1} of {@code exp(2 pi i f_k n / sr)} times a periodic
 * Hann window of that many points, L1-normalised, centred in a frame of
 * {@code N = 2^ceil(log2(max l))} samples (at least {@code 2^(1 + ceil(log2 hop))}). As in
 * librosa, the response of frame t is {@code sum over f <= N/2 of K_k[f] X_t[f]} with
 * {@code K_k = FFT(l_k / N * kernel_k)}, X_t the unwindowed FFT of the frame centred on sample
 * t * hop (zero padding), and with {@code scale} the response is divided by sqrt(l_k); a
 * sinusoid of amplitude A at f_k therefore reads {@code A sqrt(l_k) / 2}.
 *
 * <p>How close to librosa: at the top octave this is librosa's own formula; librosa computes
 * lower octaves on a signal halved in rate by a resampler (soxr_hq) and drops the smallest 1% of
 * each kernel's spectrum (sparsity 0.01), so its values differ from these by the resampler's and
 * the sparsification's error (a fraction of a dB on tones, more near the band edges of the
 * resampler). Here only spectral kernel weights below 1e-6 of the kernel's peak are dropped.
 */
public final class Cqt {
  /** librosa's equivalent noise bandwidth of the Hann window, in bins (for the Nyquist check). */
  private static final double HANN_BANDWIDTH = 1.50018310546875;
  private static final double SPARSITY = 1e-6;

  private final double sampleRate;
  private final int hop;
  private final int nFft;
  private final double[] freqs;
  private final double[] lengths;
  private final int[][] kernelBins;
  private final double[][] kernelRe;
  private final double[][] kernelIm;
  private final ThreadLocal<Worker> workers;

  /**
   * The upper edge of the top bin's pass band (Hz), which must stay below Nyquist: the centre
   * {@code fmin 2^((nBins-1)/binsPerOctave)} widened by half the Hann window's bandwidth over Q.
   */
  public static double topPassbandHz(double fmin, int nBins, int binsPerOctave, double filterScale) {
    double r2 = Math.pow(2.0, 2.0 / binsPerOctave);
    double q = filterScale / ((r2 - 1.0) / (r2 + 1.0));
    return fmin * Math.pow(2.0, (double) (nBins - 1) / binsPerOctave) * (1.0 + 0.5 * HANN_BANDWIDTH / q);
  }

  /**
   * @param filterScale librosa's filter_scale (1 by default): longer kernels for larger values
   */
  public Cqt(double sampleRate, int hop, double fmin, int nBins, int binsPerOctave, double filterScale) {
    if (hop < 1) throw new IllegalArgumentException("hop must be positive: " + hop);
    if (!(fmin > 0)) throw new IllegalArgumentException("CQT fmin must be positive: " + fmin);
    if (nBins < 1 || binsPerOctave < 1) throw new IllegalArgumentException("CQT needs n_bins and bins_per_octave >= 1");
    this.sampleRate = sampleRate;
    this.hop = hop;
    double r2 = Math.pow(2.0, 2.0 / binsPerOctave);
    double alpha = (r2 - 1.0) / (r2 + 1.0);
    double q = filterScale / alpha;
    freqs = new double[nBins];
    lengths = new double[nBins];
    double maxLen = 0;
    for (int k = 0; k < nBins; k++) {
      freqs[k] = fmin * Math.pow(2.0, (double) k / binsPerOctave);
      lengths[k] = q * sampleRate / freqs[k];
      maxLen = Math.max(maxLen, lengths[k]);
    }
    double top = freqs[nBins - 1] * (1.0 + 0.5 * HANN_BANDWIDTH / q);
    if (top > sampleRate / 2.0) {
      throw new IllegalArgumentException(String.format(
          "the top CQT bin (%.1f Hz, pass band to %.1f Hz) exceeds the Nyquist frequency %.1f Hz: lower fmin or n_bins",
          freqs[nBins - 1], top, sampleRate / 2.0));
    }
    int n = 1 << (int) Math.ceil(Math.log(maxLen) / Math.log(2.0) - 1e-12);
    int minN = 1 << (1 + (int) Math.ceil(Math.log(hop) / Math.log(2.0) - 1e-12));
    nFft = Math.max(n, minN);
    kernelBins = new int[nBins][];
    kernelRe = new double[nBins][];
    kernelIm = new double[nBins][];
    DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
    double[] buf = new double[2 * nFft];
    int padLen = 1 << (int) Math.ceil(Math.log(maxLen) / Math.log(2.0) - 1e-12);
    for (int k = 0; k < nBins; k++) buildKernel(k, fft, buf, padLen);
    workers = ThreadLocal.withInitial(() -> new Worker(nFft));
  }

  private void buildKernel(int k, DoubleFFT_1D fft, double[] buf, int padLen) {
    double l = lengths[k];
    int from = (int) Math.floor(-l / 2.0);
    int to = (int) Math.floor(l / 2.0);
    int len = to - from;
    double[] w = Window.HANN.periodic(len);
    double l1 = Window.sum(w);
    java.util.Arrays.fill(buf, 0.0);
    // librosa pads each kernel to padLen (centred), then the FFT of length nFft zero-pads at the end
    int lpad = (padLen - len) / 2;
    double gain = l / nFft / l1;
    for (int i = 0; i < len; i++) {
      double phase = 2.0 * Math.PI * freqs[k] * (from + i) / sampleRate;
      buf[2 * (lpad + i)] = gain * w[i] * Math.cos(phase);
      buf[2 * (lpad + i) + 1] = gain * w[i] * Math.sin(phase);
    }
    fft.complexForward(buf);
    int half = nFft / 2;
    double peak = 0;
    for (int f = 0; f <= half; f++) peak = Math.max(peak, Math.hypot(buf[2 * f], buf[2 * f + 1]));
    int count = 0;
    for (int f = 0; f <= half; f++) if (Math.hypot(buf[2 * f], buf[2 * f + 1]) >= SPARSITY * peak) count++;
    int[] idx = new int[count];
    double[] re = new double[count];
    double[] im = new double[count];
    int j = 0;
    for (int f = 0; f <= half; f++) {
      if (Math.hypot(buf[2 * f], buf[2 * f + 1]) >= SPARSITY * peak) {
        idx[j] = f;
        re[j] = buf[2 * f];
        im[j] = buf[2 * f + 1];
        j++;
      }
    }
    kernelBins[k] = idx;
    kernelRe[k] = re;
    kernelIm[k] = im;
  }

  /** Centre frequency of every bin in Hz. */
  public double[] frequencies() {
    return freqs.clone();
  }

  /** Kernel length of every bin in samples (fractional, as librosa's {@code wavelet_lengths}). */
  public double[] lengths() {
    return lengths.clone();
  }

  /** FFT (frame) size N. */
  public int nFft() {
    return nFft;
  }

  public int hop() {
    return hop;
  }

  /** Frames for a signal of {@code samples} samples: 1 + n / hop (centred). */
  public int frames(int samples) {
    return 1 + samples / hop;
  }

  /**
   * {@code |C|^power} as [bin][frame], frames centred on t * hop with zero padding
   * (librosa's default pad_mode) or reflect padding.
   *
   * @param scale divide by sqrt(kernel length) (librosa's default {@code scale=True})
   */
  public float[][] spectrogram(float[] samples, double power, Padding padding, boolean scale) {
    if (samples.length == 0) throw new IllegalArgumentException("an empty signal has no CQT frame");
    int frames = frames(samples.length);
    double[] x = padding.apply(samples, nFft / 2);
    float[][] out = new float[freqs.length][frames];
    double[] norm = new double[freqs.length];
    for (int k = 0; k < norm.length; k++) norm[k] = scale ? 1.0 / Math.sqrt(lengths[k]) : 1.0;
    IntStream range = IntStream.range(0, frames);
    if (frames >= 8) range = range.parallel();
    range.forEach(t -> frame(x, t, out, power, norm));
    return out;
  }

  private void frame(double[] x, int t, float[][] out, double power, double[] norm) {
    Worker w = workers.get();
    double[] buf = w.buffer;
    System.arraycopy(x, t * hop, buf, 0, nFft);
    w.fft.realForward(buf);
    int half = nFft / 2;
    // unpack to re/im of bins 0..N/2 with numpy's sign convention (JTransforms' imaginary parts
    // are those of exp(-2 pi i jk/n) as numpy's)
    double[] re = w.re;
    double[] im = w.im;
    re[0] = buf[0];
    im[0] = 0;
    re[half] = buf[1];
    im[half] = 0;
    for (int f = 1; f < half; f++) {
      re[f] = buf[2 * f];
      im[f] = buf[2 * f + 1];
    }
    for (int k = 0; k < freqs.length; k++) {
      int[] idx = kernelBins[k];
      double[] kr = kernelRe[k];
      double[] ki = kernelIm[k];
      double sr = 0;
      double si = 0;
      for (int j = 0; j < idx.length; j++) {
        int f = idx[j];
        sr += kr[j] * re[f] - ki[j] * im[f];
        si += kr[j] * im[f] + ki[j] * re[f];
      }
      double mag2 = (sr * sr + si * si) * norm[k] * norm[k];
      out[k][t] = power == 2.0 ? (float) mag2 : power == 1.0 ? (float) Math.sqrt(mag2) : (float) Math.pow(mag2, power / 2);
    }
  }

  private static final class Worker {
    final DoubleFFT_1D fft;
    final double[] buffer;
    final double[] re;
    final double[] im;

    Worker(int n) {
      fft = new DoubleFFT_1D(n);
      buffer = new double[n];
      re = new double[n / 2 + 1];
      im = new double[n / 2 + 1];
    }
  }
}
