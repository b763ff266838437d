package org.spectrolens.dataset.channels;

import org.spectrolens.dsp.Cqt;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * {@code cqt}: the constant-Q transform of the clip ({@link Cqt}, librosa's kernels) with
 * {@value #BINS_PER_OCTAVE} bins per octave from {@code max(C1 = 32.70 Hz, the grid's lowest
 * row)} up to the grid's top row (fewer bins where the top bin's pass band would cross Nyquist),
 * the front end's hop, power and dB settings (so a dB front end gives a dB CQT, with the same
 * ref, amin and top_db), then read at every grid cell: linear interpolation in log2 Hz at the
 * row's centre frequency and in time at the column's centre, clamped at the CQT's first and last
 * bin and frame. A CQT resolves low frequencies finely and high ones coarsely, where a linear
 * STFT does the opposite: the channel gives the network both on one grid.
 */
final class CqtChannel implements InputChannel {
  static final int BINS_PER_OCTAVE = 24;

  @Override
  public String id() {
    return "cqt";
  }

  @Override
  public String description() {
    return "constant-Q transform (librosa kernels, " + BINS_PER_OCTAVE + " bins/octave, the front end's hop and dB), interpolated at each row's Hz";
  }

  @Override
  public boolean needsAudio() {
    return true;
  }


  @Override
  public float[][] compute(ChannelSource in) {
    Spectrogram grid = in.grid();
    in.requireFull(id());
    SpectrogramSpec base = grid.spec();
    FrequencyAxis rows = grid.frequencies();
    double fmin = Math.max(FrontEnd.C1_HZ, rows.hz(0));
    double top = rows.hz(rows.length() - 1);
    int bins = Math.max(1, (int) Math.ceil(BINS_PER_OCTAVE * Math.log(top / fmin) / Math.log(2.0)) + 1);
    while (bins > 1 && Cqt.topPassbandHz(fmin, bins, BINS_PER_OCTAVE, 1.0) > base.sampleRate() / 2.0) bins--;
    SpectrogramSpec spec = base.withKind(SpectrogramSpec.Kind.CQT).withCqt(fmin, BINS_PER_OCTAVE, bins);
    Spectrogram cqt = FrontEnd.compute(in.clip(), spec);
    float[][] v = cqt.values();
    TimeAxis times = grid.times();
    float[][] out = new float[grid.rows()][grid.columns()];
    for (int r = 0; r < out.length; r++) {
      double b = clamp(BINS_PER_OCTAVE * Math.log(rows.hz(r) / fmin) / Math.log(2.0), bins - 1);
      int b0 = (int) Math.floor(b);
      int b1 = Math.min(b0 + 1, bins - 1);
      double wb = b - b0;
      for (int c = 0; c < out[r].length; c++) {
        double t = clamp(cqt.times().column(times.seconds(c)), cqt.columns() - 1);
        int t0 = (int) Math.floor(t);
        int t1 = Math.min(t0 + 1, cqt.columns() - 1);
        double wt = t - t0;
        double lo = (1 - wt) * v[b0][t0] + wt * v[b0][t1];
        double hi = (1 - wt) * v[b1][t0] + wt * v[b1][t1];
        out[r][c] = (float) ((1 - wb) * lo + wb * hi);
      }
    }
    return out;
  }

  private static double clamp(double x, int max) {
    return Math.max(0, Math.min(max, x));
  }
}
