package org.spectrolens.features;

import java.util.List;

/**
 * Harmonic and percussive levels: the magnitude STFT split by {@link Hpss#librosa()} (median
 * filters of 31 frames and 31 bins, soft masks with power 2), then each part's RMS by librosa's
 * Parseval form ({@code rms(S=...)}, as {@link Rms} without samples). Units: full scale 1.
 * Columns {@code harmonic_rms, percussive_rms}.
 */
public final class HarmonicPercussive implements Feature {
  @Override
  public String id() {
    return "hpss";
  }

  @Override
  public String description() {
    return "harmonic and percussive RMS (full scale 1): median-filter HPSS (kernel 31, soft masks), Parseval per part";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    Hpss.Parts p = Hpss.librosa().split(a.magnitude());
    return new FeatureTrack(a.times(), List.of("harmonic_rms", "percussive_rms"),
        new float[][] {Rms.fromMagnitude(p.harmonic(), a.nFft()), Rms.fromMagnitude(p.percussive(), a.nFft())});
  }
}
