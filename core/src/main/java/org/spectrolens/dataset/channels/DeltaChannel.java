package org.spectrolens.dataset.channels;

import org.spectrolens.features.Delta;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * {@code delta} and {@code delta2}: the first and second time derivative of the front end's
 * spectrogram (its log values for a dB front end) by the features package's {@link Delta#librosa()}
 * ({@code librosa.feature.delta(S_db, width=9, order=1|2, mode="interp")}), in the front end's
 * unit per frame (per frame squared), computed on the full spectrogram before crop and resize and
 * then cropped and resized as the front end's grid is. A clip of fewer than 9 frames (under about
 * 40 ms at the speech defaults' 5 ms hop) takes the widest odd window it has (3 at least; fewer
 * than 3 frames give zeros), so that every segment of a dataset keeps its deltas.
 */
final class DeltaChannel implements InputChannel {
  private final int order;

  /** @param order 1 ({@code delta}) or 2 ({@code delta2}) */
  DeltaChannel(int order) {
    this.order = order;
  }

  @Override
  public String id() {
    return order == 1 ? "delta" : "delta2";
  }

  @Override
  public String description() {
    return order == 1 ? "first time derivative of the front end (librosa delta, width 9), its unit per frame"
        : "second time derivative of the front end (librosa delta order 2, width 9), its unit per frame^2";
  }

  @Override
  public boolean needsHzRows() {
    return false;
  }

  @Override
  public boolean needsAudio() {
    return true;
  }

  @Override
  public float[][] compute(ChannelSource in) {
    return in.toGrid().apply(of(in.requireFull(id()), order)).values();
  }

  /** The delta of {@code order} of a spectrogram along its frames, same axes (the width shrunk on short clips, as above). */
  static Spectrogram of(Spectrogram s, int order) {
    Delta d = Delta.librosa().withOrder(order);
    int frames = s.columns();
    if (frames < 3) return s.withValues(new float[s.rows()][frames]);
    if (frames < d.width()) d = new Delta(frames % 2 == 1 ? frames : frames - 1, order, d.edges());
    return d.apply(s);
  }
}
