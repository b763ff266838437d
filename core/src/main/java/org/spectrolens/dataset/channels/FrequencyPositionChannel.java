package org.spectrolens.dataset.channels;

import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.FrequencyAxis;

/**
 * {@code freq-position}: a constant-in-time channel holding each row's centre frequency divided
 * by the Nyquist frequency (so in [0, 1]; row r of every column is {@code hz(r) / (sr / 2)}), the
 * CoordConv idea (Liu et al. 2018) applied to the one axis of a spectrogram that is not
 * translation-invariant. Normalised by Nyquist rather than by the grid's own range so that the
 * value means the same Hz in every dataset of one sample rate.
 */
final class FrequencyPositionChannel implements InputChannel {
  @Override
  public String id() {
    return "freq-position";
  }

  @Override
  public String description() {
    return "each row's centre frequency / Nyquist (sr/2), in [0, 1], the same in every column (CoordConv)";
  }

  @Override
  public boolean needsAudio() {
    return false;
  }


  @Override
  public float[][] compute(ChannelSource in) {
    FrequencyAxis f = in.grid().frequencies();
    if (!f.scale().isFrequency()) throw SpectrolensException.ofParameter("channels", "freq-position needs rows in Hz; this grid's rows are " + f.unit());
    double nyquist = in.grid().spec().sampleRate() / 2.0;
    float[][] out = new float[in.grid().rows()][in.grid().columns()];
    for (int r = 0; r < out.length; r++) java.util.Arrays.fill(out[r], (float) (f.hz(r) / nyquist));
    return out;
  }
}
