package org.spectrolens.acoustics;

import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;

/**
 * Brings a clip to the sample rate an analysis needs (the formant tracker works at twice its
 * ceiling, as Praat does). {@link SpectralResampler#resample} (Praat's method, the default) and
 * {@code org.spectrolens.audio.Resampler::resample} fit this shape. The latter puts output sample
 * n at input time n / rate while the trackers (like Praat) take sample i to be centred at
 * (i + 0.5) / rate: a shift of half the difference of the sample periods (23 us for 22050 ->
 * 11000 Hz), far below a frame step; its anti-alias filter passes only 85 % of the new band,
 * which moves formants a little more away from Praat's (see PraatComparisonTest).
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
