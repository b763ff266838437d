package org.spectrolens.spectrogram;

/**
 * Every choice that makes a spectrogram from samples, recorded with each spectrogram (in
 * {@code <name>.axes.json}) and in every model directory. Defaults follow torchaudio
 * ({@link #torchaudio()}); {@link #librosa()} gives librosa's.
 *
 * @param kind stft, mel, mfcc or cqt
 * @param sampleRate the rate the audio is resampled to before analysis (Hz)
 * @param nFft FFT size
 * @param winLength window length in samples (&lt;= nFft; a shorter window is zero-padded centred)
 * @param hop hop length in samples
 * @param window analysis window (periodic)
 * @param center pad so that frame t is centred on sample t*hop
 * @param padMode padding used when centred
 * @param power 1 for magnitude, 2 for power
 * @param nMels mel bands (mel and mfcc)
 * @param fmin lowest frequency of the mel filter bank or CQT (Hz)
 * @param fmax highest mel frequency (Hz); NaN means sampleRate/2
 * @param melScale HTK or Slaney mel formula
 * @param melNorm Slaney area normalisation or none
 * @param db convert to decibels
 * @param dbRef dB reference (value mapped to 0 dB)
 * @param amin floor applied before the logarithm
 * @param topDb clip values more than topDb below the maximum; NaN means no clipping
 * @param nMfcc number of cepstral coefficients
 * @param lifter cepstral liftering coefficient (0 = none)
 * @param binsPerOctave CQT bins per octave
 * @param nBins CQT bins
 */
public record SpectrogramSpec(
    Kind kind,
    int sampleRate,
    int nFft,
    int winLength,
    int hop,
    Window window,
    boolean center,
    PadMode padMode,
    double power,
    int nMels,
    double fmin,
    double fmax,
    MelScale melScale,
    MelNorm melNorm,
    boolean db,
    double dbRef,
    double amin,
    double topDb,
    int nMfcc,
    double lifter,
    int binsPerOctave,
    int nBins) {

  public enum Kind { STFT, MEL, MFCC, CQT }

  public enum Window { HANN, HAMMING, BLACKMAN, RECTANGULAR }

  public enum PadMode { REFLECT, CONSTANT }

  public enum MelScale { HTK, SLANEY }

  public enum MelNorm { SLANEY, NONE }

  /** torchaudio's defaults: n_fft 400, hop 200, reflect padding, power 2, HTK mel, no norm, no top_db. */
  public static SpectrogramSpec torchaudio() {
    return new SpectrogramSpec(Kind.STFT, 16000, 400, 400, 200, Window.HANN, true, PadMode.REFLECT, 2.0,
        128, 0.0, Double.NaN, MelScale.HTK, MelNorm.NONE, false, 1.0, 1e-10, Double.NaN, 40, 0.0, 12, 84);
  }

  /** librosa's defaults: n_fft 2048, hop 512, zero padding, Slaney mel with area norm, top_db 80. */
  public static SpectrogramSpec librosa() {
    return new SpectrogramSpec(Kind.STFT, 22050, 2048, 2048, 512, Window.HANN, true, PadMode.CONSTANT, 2.0,
        128, 0.0, Double.NaN, MelScale.SLANEY, MelNorm.SLANEY, false, 1.0, 1e-10, 80.0, 20, 0.0, 12, 84);
  }

  /** The upper mel/band limit in Hz, resolving NaN to the Nyquist frequency. */
  public double fmaxHz() {
    return Double.isNaN(fmax) ? sampleRate / 2.0 : fmax;
  }

  public SpectrogramSpec withKind(Kind k) {
    return new SpectrogramSpec(k, sampleRate, nFft, winLength, hop, window, center, padMode, power, nMels, fmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }
}
