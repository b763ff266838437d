package org.spectrolens.spectrogram;

import org.spectrolens.dsp.MelScale;

/**
 * How rows are spaced in frequency. Every spectrogram spectrolens makes has rows equally spaced
 * in one of these warped domains (Hz, mel, or octaves), which is what keeps the Hz of every row
 * exact through cropping and resizing.
 */
public enum FrequencyScale {
  /** Linear frequency: the warped value is Hz (STFT bins). */
  LINEAR {
    @Override public double warp(double hz) { return hz; }
    @Override public double unwarp(double w) { return w; }
  },
  /** HTK mel ({@link MelScale#HTK}; torchaudio's default). */
  MEL_HTK {
    @Override public double warp(double hz) { return MelScale.HTK.hzToMel(hz); }
    @Override public double unwarp(double m) { return MelScale.HTK.melToHz(m); }
  },
  /** Slaney mel ({@link MelScale#SLANEY}: linear below 1 kHz, logarithmic above; librosa's default). */
  MEL_SLANEY {
    @Override public double warp(double hz) { return MelScale.SLANEY.hzToMel(hz); }
    @Override public double unwarp(double m) { return MelScale.SLANEY.melToHz(m); }
  },
  /** Logarithmic frequency in octaves: w = log2(f) (constant-Q bins). */
  LOG {
    @Override public double warp(double hz) { return Math.log(hz) / Math.log(2.0); }
    @Override public double unwarp(double w) { return Math.pow(2.0, w); }
  },
  /**
   * Cepstral coefficients (MFCC rows): not a frequency. The identity warp makes "row values"
   * the coefficient index 0, 1, 2, ...; they are not Hz. Check {@link #isFrequency()} before
   * reading an axis in Hz: {@link FrequencyAxis#hz} refuses this scale and
   * {@link FrequencyAxis#value} reads the index instead.
   */
  CEPSTRAL {
    @Override public double warp(double index) { return index; }
    @Override public double unwarp(double w) { return w; }
  };

  /** False for {@link #CEPSTRAL}, whose rows are coefficient indices, not Hz. */
  public boolean isFrequency() {
    return this != CEPSTRAL;
  }

  /** Hz to this scale's own unit (Hz, mel or octaves). */
  public abstract double warp(double hz);

  /** This scale's unit back to Hz. */
  public abstract double unwarp(double w);

  /** The axis of mel bands made with {@code scale}. */
  public static FrequencyScale mel(MelScale scale) {
    return scale == MelScale.HTK ? MEL_HTK : MEL_SLANEY;
  }

  /** Lower-case id used in JSON and on the command line ("linear", "mel-htk", "mel-slaney", "log", "cepstral"). */
  public String id() {
    return name().toLowerCase().replace('_', '-');
  }

  public static FrequencyScale fromId(String id) {
    for (FrequencyScale s : values()) if (s.id().equals(id)) return s;
    throw new IllegalArgumentException("unknown frequency scale '" + id + "'");
  }
}
