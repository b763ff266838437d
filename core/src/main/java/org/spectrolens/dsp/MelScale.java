package org.spectrolens.dsp;

/**
 * The mel formula, the one place it is written: the spectrogram spec names it, the filter bank
 * spaces its bands with it, and {@code FrequencyScale}'s mel axes warp with it.
 */
public enum MelScale {
  /** m = 2595 log10(1 + f/700) (HTK; torchaudio's default, librosa's {@code htk=True}). */
  HTK,
  /** Linear f/(200/3) below 1 kHz, 15 + ln(f/1000)/(ln 6.4/27) above (Slaney, Auditory Toolbox; librosa's default). */
  SLANEY;

  private static final double F_SP = 200.0 / 3.0;
  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
  private static final double LOG_STEP = Math.log(6.4) / 27.0;

  /** Hz to mel. */
  public double hzToMel(double hz) {
    if (this == HTK) return 2595.0 * Math.log10(1.0 + hz / 700.0);
    return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
  }

  /** Mel to Hz. */
  public double melToHz(double mel) {
    if (this == HTK) return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
  }
}
