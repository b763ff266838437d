package org.spectrolens.features;

import java.util.Locale;
import org.spectrolens.SpectrolensException;

/**
 * MFCC deltas: {@link Delta#librosa()} (Savitzky-Golay, width 9, interp edges, as
 * {@code librosa.feature.delta(mfcc, order=1|2)}) of the 20 {@link MfccFeature} coefficients.
 * Order 1 ({@code mfcc-delta}, columns {@code mfcc_delta_0..19}) in dB per frame; order 2
 * ({@code mfcc-delta2}, columns {@code mfcc_delta2_0..19}) in dB per frame squared. Needs at least
 * 9 frames (1 + 8 hops: 0.19 s at 22,050 Hz with hop 512).
 */
public final class MfccDelta implements Feature {
  private final int order;

  /** @param order 1 (delta) or 2 (delta-delta) */
  public MfccDelta(int order) {
    if (order < 1 || order > 2) throw new IllegalArgumentException("order must be 1 or 2: " + order);
    this.order = order;
  }

  @Override
  public String id() {
    return order == 1 ? "mfcc-delta" : "mfcc-delta2";
  }

  @Override
  public String description() {
    return (order == 1 ? "MFCC deltas (dB/frame)" : "MFCC delta-deltas (dB/frame^2)")
        + ": Savitzky-Golay, width 9, librosa's feature.delta (" + prefix() + "_0..19)";
  }

  private String prefix() {
    return order == 1 ? "mfcc_delta" : "mfcc_delta2";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    Delta delta = Delta.librosa().withOrder(order);
    if (a.frames() < delta.minFrames()) {
      int samples = (delta.minFrames() - 1) * a.hop();
      throw new SpectrolensException(a.source(), String.format(Locale.ROOT,
          "too short for %s: %d frames, its window needs %d (at least %d samples, %.3f s, at hop %d)",
          id(), a.frames(), delta.minFrames(), samples, samples / a.sampleRate(), a.hop()));
    }
    float[][] d = delta.apply(MfccFeature.coefficients(a), a.source());
    return new FeatureTrack(a.times(), MfccFeature.names(prefix()), d);
  }
}
