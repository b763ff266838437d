package org.spectrolens.dataset.channels;

import org.spectrolens.SpectrolensException;
import org.spectrolens.dsp.Padding;
import org.spectrolens.dsp.Spectrum;
import org.spectrolens.dsp.Stft;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * {@code stft-real} and {@code stft-imag}: the real and imaginary parts of the complex STFT
 * ({@code torch.stft(..., return_complex=True)}) with the front end's n_fft, window, hop and
 * centring, no power, dB or normalisation, on the front end's grid. Together they are the input of
 * an imported raw-waveform model (docs/import.md): the network's first stage inverts them, so a
 * map on these two channels reads on the STFT grid in Hz and seconds. Only an STFT front end has
 * these rows.
 */
final class StftPartChannel implements InputChannel {
  private final boolean real;

  /** @param real true for {@code stft-real}, false for {@code stft-imag} */
  StftPartChannel(boolean real) {
    this.real = real;
  }

  @Override
  public String id() {
    return real ? "stft-real" : "stft-imag";
  }

  @Override
  public String description() {
    return real ? "real part of the complex STFT on the front end's grid (a raw-waveform model's input, docs/import.md)"
        : "imaginary part of the complex STFT on the front end's grid (a raw-waveform model's input, docs/import.md)";
  }

  @Override
  public boolean needsAudio() {
    return true;
  }

  @Override
  public float[][] compute(ChannelSource in) {
    Spectrogram full = in.requireFull(id());
    SpectrogramSpec s = full.spec();
    if (s.kind() != SpectrogramSpec.Kind.STFT || full.rows() != s.nFft() / 2 + 1) {
      throw SpectrolensException.ofParameter("channels", id() + " needs an STFT front end with every bin (no fmax)");
    }
    Spectrum x = stft(s).transform(in.clip().samples());
    double[][] part = real ? x.re() : x.im();
    float[][] v = new float[part.length][part[0].length];
    for (int k = 0; k < v.length; k++) for (int t = 0; t < v[0].length; t++) v[k][t] = (float) part[k][t];
    return in.toGrid().apply(full.withValues(v)).values();
  }

  /** The STFT of an STFT spec (its window, hop, centring and padding). */
  public static Stft stft(SpectrogramSpec s) {
    Padding pad = s.padMode() == SpectrogramSpec.PadMode.REFLECT ? Padding.REFLECT : Padding.CONSTANT;
    return new Stft(s.nFft(), s.winLength(), s.hop(), s.window(), s.center(), pad);
  }
}
