package org.spectrolens.acoustics;

import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;

/**
 * Brings a clip to the sample rate an analysis needs (the formant tracker works at twice its
 * ceiling, as Praat does). {@code org.spectrolens.audio.Resampler::resample} fits this shape.
 */
@FunctionalInterface
public interface RateConverter {
  Clip convert(Clip clip, int targetRate);

  /** Accepts only clips already at the target rate; anything else is a user error. */
  static RateConverter requireRate() {
    return (clip, targetRate) -> {
      if (clip.sampleRate() == targetRate) return clip;
      throw new SpectrolensException(clip.source(), "sample rate is " + clip.sampleRate()
          + " Hz but this analysis needs " + targetRate + " Hz: resample the clip first");
    };
  }
}
