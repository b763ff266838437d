package org.spectrolens.dataset.channels;

import java.util.function.UnaryOperator;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * What a channel is computed from: the audio as the front end saw it, the front end's full
 * spectrogram and the model-input grid made from it.
 *
 * @param clip the clip after resampling to the spec's rate and padding (null when only a grid is
 *     at hand, e.g. a {@code .npy} input: channels that {@link InputChannel#needsAudio() need
 *     audio} refuse it)
 * @param full the front end's spectrogram of {@code clip} before crop and resize (null without a clip)
 * @param grid the model-input grid (cropped to the dataset's band, resized to H x W): every
 *     channel lands on its axes
 * @param toGrid crops and resizes a spectrogram on {@code full}'s axes exactly as {@code grid}
 *     was made (null without a clip)
 */
public record ChannelSource(Clip clip, Spectrogram full, Spectrogram grid, UnaryOperator<Spectrogram> toGrid) {

  /** A source with the model-input grid only (no audio). */
  public static ChannelSource gridOnly(Spectrogram grid) {
    return new ChannelSource(null, null, grid, null);
  }

  /** The full spectrogram, refusing a grid-only source (a channel that needs audio). */
  public Spectrogram requireFull(String channel) {
    if (full == null) throw SpectrolensException.ofParameter("channels", "channel " + channel + " needs the audio, not only a model-input grid");
    return full;
  }
}
