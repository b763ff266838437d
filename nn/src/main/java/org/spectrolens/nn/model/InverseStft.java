package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The first stage of an imported raw-waveform network: the complex STFT {@code [N, 2, F, T]}
 * (real, imaginary) back to the waveform the module takes, as {@code torch.istft(X, n_fft, hop,
 * win_length, window, center, length=samples)}, written with DJL ops so that autograd carries input
 * gradients to every STFT cell. DJL has no istft, and the inverse is linear, so it is two matrix
 * products and an overlap-add: each frame's inverse real DFT times the synthesis window is
 * {@code X_re^T C + X_im^T S} ({@code C[f][k] = c_f cos(2 pi f k / n) w[k] / n},
 * {@code S[f][k] = -c_f sin(2 pi f k / n) w[k] / n}, {@code c_f} 1 at 0 Hz and Nyquist, 2 between,
 * so the imaginary parts of those two bins are ignored as every C2R transform does), cut into
 * hop-long pieces that are shifted and summed (piece j of frame t lands at block t + j), then
 * divided by the overlapped squared window and the centring pad cut away.
 */
final class InverseStft {
  /** torch.istft refuses a window whose squared overlap-add falls below this inside the output. */
  static final double ENVELOPE_FLOOR = 1e-11;
  /** The stage's name. */
  static final String NAME = "istft";

  private InverseStft() {}

  /**
   * The stage for {@code frames} frames of {@code spec}'s STFT giving {@code samples} samples,
   * shaped {@code [N, 1, samples]} ({@code channelAxis}) or {@code [N, samples]}; its constants live
   * in {@code manager}.
   */
  static Stage stage(NDManager manager, SpectrogramSpec spec, int frames, int samples, boolean channelAxis) {
    int n = spec.nFft();
    int hop = spec.hop();
    int bins = n / 2 + 1;
    int pieces = (n + hop - 1) / hop;
    double[] w = spec.window().framed(spec.winLength(), n);
    NDArray[] weights = new NDArray[pieces];
    for (int j = 0; j < pieces; j++) {
      float[] m = new float[2 * bins * hop];
      for (int f = 0; f < bins; f++) {
        double c = (f == 0 || (n % 2 == 0 && f == n / 2)) ? 1 : 2;
        for (int q = 0; q < hop; q++) {
          int k = j * hop + q;
          if (k >= n) continue;
          double a = 2 * Math.PI * f * (double) k / n;
          m[f * hop + q] = (float) (c * Math.cos(a) * w[k] / n);
          m[(bins + f) * hop + q] = (float) (-c * Math.sin(a) * w[k] / n);
        }
      }
      weights[j] = manager.create(m, new Shape(2L * bins, hop));
    }
    int total = n + hop * (frames - 1);
    int offset = spec.center() ? n / 2 : 0;
    int kept = Math.max(0, Math.min(samples, total - offset));
    float[] inverse = new float[kept];
    double[] envelope = new double[total];
    for (int t = 0; t < frames; t++) for (int k = 0; k < n; k++) envelope[t * hop + k] += w[k] * w[k];
    for (int i = 0; i < kept; i++) {
      double e = envelope[offset + i];
      if (!(e > ENVELOPE_FLOOR)) {
        throw SpectrolensException.ofParameter("hop", String.format(Locale.ROOT, "the %s window of %d samples every %d samples leaves"
            + " sample %d uncovered (squared windows overlap-add to %.3g there), so the STFT cannot be inverted; use a hop that"
            + " satisfies the overlap-add condition (at most n_fft/2 for Hann)", spec.window().name().toLowerCase(Locale.ROOT),
            spec.winLength(), hop, i, e));
      }
      inverse[i] = (float) (1 / e);
    }
    NDArray scale = manager.create(inverse, new Shape(kept));
    int blocks = frames + pieces - 1;
    return new Stage(NAME, (x, training) -> {
      long batch = x.getShape().get(0);
      NDArray cols = x.reshape(batch, 2L * bins, frames).transpose(0, 2, 1); // [N, T, 2F]
      NDArray sum = null;
      for (int j = 0; j < pieces; j++) {
        NDArray piece = cols.matMul(weights[j]).pad(new Shape(0, 0, j, pieces - 1 - j), 0); // [N, T + pieces - 1, hop]
        sum = sum == null ? piece : sum.add(piece);
      }
      NDArray y = sum.reshape(batch, (long) blocks * hop).get(":, " + offset + ":" + (offset + kept)).mul(scale);
      if (kept < samples) y = y.pad(new Shape(0, samples - kept), 0);
      return channelAxis ? y.reshape(batch, 1, samples) : y;
    });
  }
}
