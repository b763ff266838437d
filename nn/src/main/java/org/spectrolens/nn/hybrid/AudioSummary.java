package org.spectrolens.nn.hybrid;

import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.features.Analysis;
import org.spectrolens.features.Feature;
import org.spectrolens.features.FeatureTrack;
import org.spectrolens.features.Features;

/**
 * A fixed-length description of one stretch of audio (a dataset item's segment) from frame-wise
 * {@link Features} (librosa's definitions): each column's mean and population standard deviation
 * over frames ({@code <column>_mean, <column>_std}). The frames are speech-length rather than
 * librosa's 2048 points, since a vowel lasts 70-300 ms: n_fft the power of two at or below
 * 25 ms x sqrt 2 of the clip's rate (512 at 16,000 and 22,050 Hz, 23-32 ms), Hann, hop n_fft / 4,
 * centred with zero padding.
 */
final class AudioSummary {
  static final List<FeatureTrack.Statistic> STATISTICS = List.of(FeatureTrack.Statistic.MEAN, FeatureTrack.Statistic.STD);

  private AudioSummary() {}

  /** The features of {@code ids}, checked: known ids, none twice (the one-line {@code features} errors otherwise). */
  static List<Feature> features(List<String> ids) {
    try {
      return ids.isEmpty() ? List.of() : Features.of(ids);
    } catch (SpectrolensException e) {
      throw e.withProblem(e.problem() + "; or embeddings:MODEL");
    }
  }

  /** n_fft for a rate: the power of two at or below 25 ms x sqrt 2. */
  static int nFft(double sampleRate) {
    return Integer.highestOneBit((int) Math.max(4, Math.round(0.025 * sampleRate * Math.sqrt(2))));
  }

  /** The summary of {@code features} over {@code clip}; every value finite. */
  static FeatureTrack.Summary of(List<Feature> features, Clip clip) {
    int n = nFft(clip.sampleRate());
    FeatureTrack t = Features.compute(features, Analysis.of(clip, n, n / 4));
    FeatureTrack.Summary s = t.summary(STATISTICS);
    for (int j = 0; j < s.values().length; j++) {
      if (!Double.isFinite(s.values()[j])) {
        throw new SpectrolensException(clip.source(), "feature " + s.names().get(j) + " is not finite (" + s.values()[j] + ")");
      }
    }
    return s;
  }
}
