package org.spectrolens.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The inverse of an {@link Stft} by weighted overlap-add, as {@code torch.istft} and librosa's
 * {@code istft}: each frame's inverse real FFT (the imaginary parts of the 0 Hz and Nyquist bins
 * ignored, as every C2R transform does) is multiplied by the analysis window and added at
 * {@code t * hop}; the sum is divided by the overlapped squared window, {@code sum_t w^2(n - t*hop)},
 * where that exceeds 1e-11 (librosa's guard; torch refuses such windows), and a centred STFT's
 * {@code nFft/2} padding is cut from the start. For a window and hop whose squared window overlaps
 * without gaps (Hann with hop at most nFft/2), {@code invert(stft.transform(x), x.length)} gives x
 * back to rounding error, whatever the padding mode, because the padded samples are cut off.
 */
public final class Istft {
  private static final double ENVELOPE_FLOOR = 1e-11;

  private final Stft stft;
  private final double[] window;
  private final DoubleFFT_1D fft;

  public Istft(Stft stft) {
    this.stft = stft;
    this.window = stft.window();
    this.fft = new DoubleFFT_1D(stft.nFft());
  }

  /**
   * The signal of a spectrum [bin][frame], {@code length} samples long (cut or zero-padded, as
   * {@code torch.istft(..., length=)}); with centring, sample 0 is the centre of frame 0.
   *
   * @throws IllegalArgumentException when the spectrum does not have {@code nFft/2 + 1} bins
   */
  public float[] invert(Spectrum x, int length) {
    int nFft = stft.nFft();
    int hop = stft.hop();
    if (x.bins() != stft.bins()) throw new IllegalArgumentException(x.bins() + " bins, the STFT has " + stft.bins());
    if (length < 0) throw new IllegalArgumentException("negative length " + length);
    int frames = x.frames();
    int total = nFft + hop * (frames - 1);
    double[] sum = new double[total];
    double[] envelope = new double[total];
    double[] buf = new double[nFft];
    int half = nFft / 2;
    for (int t = 0; t < frames; t++) {
      java.util.Arrays.fill(buf, 0.0);
      buf[0] = x.re()[0][t];
      for (int k = 1; k < half; k++) {
        buf[2 * k] = x.re()[k][t];
        buf[2 * k + 1] = x.im()[k][t];
      }
      if (nFft % 2 == 0) {
        buf[1] = x.re()[half][t];
      } else if (half > 0) {
        buf[2 * half] = x.re()[half][t];
        buf[1] = x.im()[half][t];
      }
      fft.realInverse(buf, true);
      int start = t * hop;
      for (int i = 0; i < nFft; i++) {
        sum[start + i] += buf[i] * window[i];
        envelope[start + i] += window[i] * window[i];
      }
    }
    int offset = stft.center() ? nFft / 2 : 0;
    float[] out = new float[length];
    for (int i = 0; i < length && offset + i < total; i++) {
      double e = envelope[offset + i];
      out[i] = (float) (e > ENVELOPE_FLOOR ? sum[offset + i] / e : sum[offset + i]);
    }
    return out;
  }

  /** The length torch.istft gives without {@code length=}: {@code nFft + hop (frames - 1)}, less the centring pads. */
  public int naturalLength(int frames) {
    return stft.nFft() + stft.hop() * (frames - 1) - (stft.center() ? 2 * (stft.nFft() / 2) : 0);
  }
}
