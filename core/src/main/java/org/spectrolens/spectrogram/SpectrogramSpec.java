package org.spectrolens.spectrogram;

import org.spectrolens.dsp.MelScale;
import org.spectrolens.dsp.Window;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

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
    @Param(value = "analysis rate (Hz)", min = 1000, max = 768_000) int sampleRate,
    @Param(value = "FFT size (samples)", min = 2, max = SpectrogramSpec.MAX_N_FFT) int nFft,
    @Param(value = "window length (samples), at most n_fft", min = 1, max = SpectrogramSpec.MAX_N_FFT) int winLength,
    @Param(value = "hop (samples)", min = 1, max = 1 << 24) int hop,
    Window window,
    boolean center,
    PadMode padMode,
    @Param(value = "1 magnitude, 2 power", min = 1, max = 2) double power,
    @Param(value = "mel bands", min = 1, max = 2048) int nMels,
    @Param(value = "lowest mel/CQT frequency (Hz)", min = 0) double fmin,
    @Param(value = "highest frequency (Hz); NaN: sample_rate/2", min = 0, minOpen = true) double fmax,
    MelScale melScale,
    MelNorm melNorm,
    boolean db,
    double dbRef,
    double amin,
    @Param(value = "dB below the maximum kept (dB); NaN: no clipping", min = 0, minOpen = true) double topDb,
    @Param(value = "cepstral coefficients, at most n_mels", min = 1, max = 2048) int nMfcc,
    @Param(value = "cepstral liftering coefficient (0 = none)", min = 0) double lifter,
    @Param(value = "CQT bins per octave", min = 1, max = 96) int binsPerOctave,
    @Param(value = "CQT bins", min = 1, max = 1000) int nBins) {

  public enum Kind { STFT, MEL, MFCC, CQT }

  public enum PadMode { REFLECT, CONSTANT }

  public enum MelNorm { SLANEY, NONE }

  /**
   * torchaudio's defaults, each from torchaudio: {@code Spectrogram}/{@code MelSpectrogram}
   * n_fft 400, win_length n_fft, hop win_length // 2 = 200, periodic Hann, center with reflect
   * padding, power 2; {@code MelScale} 128 bands, fmin 0, fmax sr // 2, HTK scale, no norm;
   * {@code AmplitudeToDB} ref 1, amin 1e-10, top_db off; {@code MFCC} 40 coefficients (its
   * top_db of 80 is applied by {@link FrontEnd} when topDb is NaN), no lifter. The sample rate
   * 16000 is torchaudio's MelSpectrogram/MFCC default. CQT fields (84 bins, 12 per octave) are
   * librosa's, torchaudio having no CQT. dB is off, as the transforms are separate there.
   */
  public static SpectrogramSpec torchaudio() {
    return new SpectrogramSpec(Kind.STFT, 16000, 400, 400, 200, Window.HANN, true, PadMode.REFLECT, 2.0,
        128, 0.0, Double.NaN, MelScale.HTK, MelNorm.NONE, false, 1.0, 1e-10, Double.NaN, 40, 0.0, 12, 84);
  }

  /**
   * librosa's defaults, each from librosa (0.10/0.11): {@code stft} n_fft 2048, win_length
   * n_fft, hop win_length // 4 = 512, periodic Hann, center with zero ("constant") padding;
   * {@code melspectrogram} power 2, 128 bands, fmin 0, fmax sr/2, Slaney scale with Slaney
   * area norm; {@code power_to_db} ref 1, amin 1e-10, top_db 80; {@code mfcc} 20 coefficients,
   * lifter 0; {@code cqt} 84 bins, 12 per octave, fmin 0 here meaning C1 (32.70 Hz); sample
   * rate 22050. dB is off, as {@code power_to_db} is a separate step there.
   */
  public static SpectrogramSpec librosa() {
    return new SpectrogramSpec(Kind.STFT, 22050, 2048, 2048, 512, Window.HANN, true, PadMode.CONSTANT, 2.0,
        128, 0.0, Double.NaN, MelScale.SLANEY, MelNorm.SLANEY, false, 1.0, 1e-10, 80.0, 20, 0.0, 12, 84);
  }

  /** Largest FFT size accepted (about 3 s at 22,050 Hz); larger ones are typing errors, not analyses. */
  public static final int MAX_N_FFT = 1 << 16;

  /**
   * Refuses a spec the front end cannot compute honestly, naming the bad field in snake_case as
   * {@code <name>.axes.json} records it ({@code n_fft}, {@code sample_rate}): every field in its
   * {@link Param} range (whatever the kind), then win_length at most n_fft, power 1 or 2,
   * 0 <= fmin < fmax <= sr/2, ref and amin positive, top_db NaN (the kind's default), positive or
   * +inf (no clipping), n_mfcc at most n_mels, lifter finite, for CQT the top bin below Nyquist
   * and kernels that fit in a quarter of the heap. Every number must be finite.
   *
   * @return this spec
   * @throws org.spectrolens.SpectrolensException {@link org.spectrolens.SpectrolensException#ofParameter naming the parameter}, e.g. {@code fmax}
   */
  public SpectrogramSpec check() {
    return check(true);
  }

  /**
   * {@link #check()} without what depends on the sample rate (limits against Nyquist, CQT kernel
   * sizes): for options checked before each file's own rate is known.
   */
  public SpectrogramSpec checkRateFree() {
    return check(false);
  }

  private SpectrogramSpec check(boolean rateKnown) {
    Params.check(this); // each field's own range (@Param); what follows relates fields and the kind
    double nyquist = sampleRate / 2.0;
    require(Double.isFinite(fmin) && fmin >= 0, "fmin", "must be a finite number >= 0 Hz, found " + fmin);
    require(fmin < nyquist || !rateKnown, "fmin", "must be below the Nyquist frequency (" + nyquist + " Hz), found " + fmin);
    if (!Double.isNaN(fmax)) {
      require(Double.isFinite(fmax) && fmax > fmin, "fmax", "must be above `fmin` (" + fmin + " Hz), found " + fmax);
      require(fmax <= nyquist + 1e-9 || !rateKnown, "fmax", "must be at most the Nyquist frequency (" + nyquist + " Hz at " + sampleRate
          + " Hz), found " + fmax);
    }
    if (db) {
      require(dbRef > 0 && Double.isFinite(dbRef), "ref", "must be a positive finite number, found " + dbRef);
      require(amin > 0 && Double.isFinite(amin), "amin", "must be a positive finite number, found " + amin);
    }
    if (kind == Kind.CQT) {
      if (!rateKnown) return this;
      double f0 = fmin > 0 ? fmin : 32.703195662574764;
      double top = org.spectrolens.dsp.Cqt.topPassbandHz(f0, nBins, binsPerOctave, 1.0);
      require(top <= nyquist, "n_bins", String.format(java.util.Locale.ROOT,
          "%d bins from %.2f Hz reach %.1f Hz (top pass band), above the Nyquist frequency (%.1f Hz); lower `fmin` or `n_bins`",
          nBins, f0, top, nyquist));
      double r2 = Math.pow(2.0, 2.0 / binsPerOctave);
      double longest = (r2 + 1) / (r2 - 1) * sampleRate / f0; // samples in the lowest bin's kernel
      double bytes = 16.0 * nBins * Math.pow(2, Math.ceil(Math.log(longest) / Math.log(2)));
      require(bytes <= Runtime.getRuntime().maxMemory() / 4.0, "fmin", String.format(java.util.Locale.ROOT,
          "CQT kernels from %.2f Hz would take %.1f GiB, more than a quarter of the Java heap; raise `fmin`", f0, bytes / (1L << 30)));
      return this;
    }
    require(winLength >= 1 && winLength <= nFft, "win_length", "must lie in [1, n-fft = " + nFft + "], found " + winLength);
    require(power == 1 || power == 2, "power", "must be 1 (magnitude) or 2 (power), found " + power);
    if (kind == Kind.MFCC) {
      require(nMfcc >= 1 && nMfcc <= nMels, "n_mfcc", "must lie in [1, n-mels = " + nMels + "], found " + nMfcc);
      require(lifter >= 0 && Double.isFinite(lifter), "lifter", "must be a finite number >= 0, found " + lifter);
    }
    return this;
  }

  private static void require(boolean ok, String parameter, String problem) {
    if (!ok) throw org.spectrolens.SpectrolensException.ofParameter(parameter, problem);
  }

  /** The upper mel/band limit in Hz, resolving NaN to the Nyquist frequency. */
  public double fmaxHz() {
    return Double.isNaN(fmax) ? sampleRate / 2.0 : fmax;
  }

  public SpectrogramSpec withKind(Kind k) {
    return new SpectrogramSpec(k, sampleRate, nFft, winLength, hop, window, center, padMode, power, nMels, fmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  public SpectrogramSpec withSampleRate(int sr) {
    return new SpectrogramSpec(kind, sr, nFft, winLength, hop, window, center, padMode, power, nMels, fmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  /** New FFT size, window length and hop. */
  public SpectrogramSpec withFft(int newNFft, int newWinLength, int newHop) {
    return new SpectrogramSpec(kind, sampleRate, newNFft, newWinLength, newHop, window, center, padMode, power, nMels,
        fmin, fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  public SpectrogramSpec withWindow(Window w, boolean newCenter, PadMode newPadMode) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, w, newCenter, newPadMode, power, nMels, fmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  public SpectrogramSpec withPower(double p) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, window, center, padMode, p, nMels, fmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  /** Mel bands, scale and norm. */
  public SpectrogramSpec withMel(int bands, MelScale scale, MelNorm norm) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, window, center, padMode, power, bands, fmin,
        fmax, scale, norm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  /** Frequency range (fmax NaN = Nyquist). */
  public SpectrogramSpec withRange(double newFmin, double newFmax) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, window, center, padMode, power, nMels, newFmin,
        newFmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  /** dB on or off, with top_db (NaN = no clipping). */
  public SpectrogramSpec withDb(boolean on, double newTopDb) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, window, center, padMode, power, nMels, fmin,
        fmax, melScale, melNorm, on, dbRef, amin, newTopDb, nMfcc, lifter, binsPerOctave, nBins);
  }

  public SpectrogramSpec withMfcc(int coefficients, double newLifter) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, window, center, padMode, power, nMels, fmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, coefficients, newLifter, binsPerOctave, nBins);
  }

  public SpectrogramSpec withCqt(double newFmin, int newBinsPerOctave, int newBins) {
    return new SpectrogramSpec(kind, sampleRate, nFft, winLength, hop, window, center, padMode, power, nMels, newFmin,
        fmax, melScale, melNorm, db, dbRef, amin, topDb, nMfcc, lifter, newBinsPerOctave, newBins);
  }
}
