package org.spectrolens.features;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.dsp.Decibels;
import org.spectrolens.dsp.Mfcc;

/**
 * MFCC, librosa's {@code feature.mfcc(n_mfcc=20, dct_type=2, norm="ortho", lifter=0)}: the
 * orthonormal DCT-II ({@link Mfcc}) of {@code power_to_db} (ref 1, amin 1e-10, top_db 80) of the
 * mel power spectrogram ({@link Analysis#melPower}: 128 Slaney bands, area-normalised). Units: dB
 * (DCT coefficients of dB values). Columns {@code mfcc_0 .. mfcc_19}.
 */
public final class MfccFeature implements Feature {
  /** librosa's {@code n_mfcc}. */
  public static final int N_MFCC = 20;

  @Override
  public String id() {
    return "mfcc";
  }

  @Override
  public String description() {
    return "MFCC (dB): 20 coefficients, DCT-II ortho of the 128-band Slaney log-mel spectrum (mfcc_0..19)";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    return FeatureTrack.numbered(a.times(), "mfcc", coefficients(a));
  }

  /** The coefficients [coefficient][frame]. */
  static float[][] coefficients(Analysis a) {
    return Mfcc.apply(Decibels.fromPower(a.melPower(), 1.0, Decibels.AMIN, 80.0), N_MFCC, 0.0);
  }

  static List<String> names(String prefix) {
    List<String> n = new ArrayList<>();
    for (int i = 0; i < N_MFCC; i++) n.add(prefix + "_" + i);
    return n;
  }
}
