package org.spectrolens.cli;

import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.SpectrogramSpec.Kind;
import org.spectrolens.spectrogram.SpectrogramSpec.MelNorm;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.spectrogram.SpectrogramSpec.PadMode;
import org.spectrolens.dsp.Window;
import picocli.CommandLine.Option;

/**
 * The spectrogram front-end options shared by every command that turns audio into model input
 * ({@code spectrogram}, {@code dataset}, ...). Defaults are torchaudio's, except that the sample
 * rate defaults to the file's own and the hop to win_length/2 as torchaudio computes it.
 */
public final class FrontEndOptions implements Checked {
  @Option(names = "--kind", defaultValue = "stft", description = "stft, mel, mfcc or cqt (default: ${DEFAULT-VALUE}).")
  Kind kind;

  @Param(min = 1000, max = 768_000, orZero = true)
  @Option(names = "--sr", defaultValue = "0", paramLabel = "HZ",
      description = "Resample to this rate first; 0 keeps each file's rate (default: ${DEFAULT-VALUE}).")
  int sampleRate;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--n-fft", defaultValue = "400", paramLabel = "N", description = "FFT size (default: ${DEFAULT-VALUE}, torchaudio).")
  int nFft;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--win-length", paramLabel = "N", description = "Window length in samples (default: n-fft).")
  Integer winLength;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--hop", paramLabel = "N", description = "Hop in samples (default: win-length/2, torchaudio).")
  Integer hop;

  @Option(names = "--window", defaultValue = "hann", description = "hann, hamming, blackman or rectangular, periodic (default: ${DEFAULT-VALUE}).")
  Window window;

  @Option(names = "--center", defaultValue = "true", arity = "1", paramLabel = "true|false",
      description = "Centre frames on t*hop by padding (default: ${DEFAULT-VALUE}).")
  boolean center;

  @Option(names = "--pad-mode", defaultValue = "reflect", description = "reflect or constant (zeros; librosa >= 0.9) (default: ${DEFAULT-VALUE}).")
  PadMode padMode;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--power", defaultValue = "2", paramLabel = "1|2", description = "1 magnitude or 2 power, nothing between (default: ${DEFAULT-VALUE}).")
  double power;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--n-mels", defaultValue = "128", paramLabel = "N", description = "Mel bands (default: ${DEFAULT-VALUE}).")
  int nMels;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--fmin", defaultValue = "0", paramLabel = "HZ", description = "Lowest mel/CQT frequency (default: ${DEFAULT-VALUE}; CQT: 32.70 Hz).")
  double fmin;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--fmax", paramLabel = "HZ", description = "Highest frequency: mel bank limit, and rows above it are cropped (default: sr/2).")
  Double fmax;

  @Option(names = "--mel-scale", defaultValue = "htk", description = "htk (torchaudio) or slaney (librosa) (default: ${DEFAULT-VALUE}).")
  MelScale melScale;

  @Option(names = "--mel-norm", defaultValue = "none", description = "slaney (area, librosa) or none (torchaudio) (default: ${DEFAULT-VALUE}).")
  MelNorm melNorm;

  @Option(names = "--db", negatable = true, description = "Convert to decibels (10 log10 for power, 20 log10 for magnitude; ref 1, amin 1e-10).")
  boolean db;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--top-db", paramLabel = "X", description = "With --db, clip values more than X dB below the maximum (default: off, torchaudio).")
  Double topDb;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--n-mfcc", defaultValue = "40", paramLabel = "N", description = "MFCC coefficients (default: ${DEFAULT-VALUE}, torchaudio).")
  int nMfcc;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--lifter", defaultValue = "0", paramLabel = "L", description = "MFCC liftering (default: ${DEFAULT-VALUE} = none).")
  double lifter;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--bins-per-octave", defaultValue = "12", paramLabel = "B", description = "CQT bins per octave (default: ${DEFAULT-VALUE}).")
  int binsPerOctave;

  @Sets(SpectrogramSpec.class)
  @Option(names = "--n-bins", defaultValue = "84", paramLabel = "N", description = "CQT bins (default: ${DEFAULT-VALUE}).")
  int nBins;

  /**
   * Checks the options as the spec they make ({@link SpectrogramSpec#check}: its ranges and how
   * they relate) before any work: at --sr, or, when
   * each file keeps its own rate (--sr 0), everything but what depends on the rate (--fmax against
   * Nyquist), which is checked per file.
   */
  @Override
  public void checkOptions() {
    if (sampleRate > 0) toSpec(sampleRate).check();
    else toSpec(48_000).checkRateFree();
  }

  /** The spec for audio at {@code fileRate} Hz (used when --sr is 0). */
  public SpectrogramSpec toSpec(int fileRate) {
    int sr = sampleRate > 0 ? sampleRate : fileRate;
    int win = winLength != null ? winLength : nFft;
    int h = hop != null ? hop : Math.max(1, win / 2);
    double fminHz = kind == Kind.CQT && fmin == 0 ? 32.703195662574764 : fmin;
    return new SpectrogramSpec(kind, sr, nFft, win, h, window, center, padMode, power, nMels, fminHz,
        fmax == null ? Double.NaN : fmax, melScale, melNorm, db || kind == Kind.MFCC, 1.0, 1e-10,
        topDb == null ? Double.NaN : topDb, nMfcc, lifter, binsPerOctave, nBins);
  }
}
