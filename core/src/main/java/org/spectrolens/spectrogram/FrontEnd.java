package org.spectrolens.spectrogram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dsp.Cqt;
import org.spectrolens.dsp.Decibels;
import org.spectrolens.dsp.MelFilterBank;
import org.spectrolens.dsp.Mfcc;
import org.spectrolens.dsp.Padding;
import org.spectrolens.dsp.Stft;
import org.spectrolens.dsp.Window;
import org.spectrolens.spectrogram.SpectrogramSpec.Kind;

/**
 * Audio to spectrogram, with the axes attached. The numbers follow torchaudio and librosa for
 * the same parameters (see {@link SpectrogramSpec} for which default follows which tool):
 * <ul>
 *   <li>STFT: {@code |torch.stft|^power} ({@code torchaudio.transforms.Spectrogram}); rows at
 *       k * sr / n_fft. If {@code fmax} is set (not NaN) the rows whose centre lies above it are
 *       cropped (a row exactly at fmax is kept), after any dB conversion, so the dB values and
 *       the top_db floor are those of the full spectrogram; {@code fmin} does not crop STFT rows.
 *   <li>MEL: the mel filter bank applied to that ({@code MelSpectrogram}, librosa
 *       {@code melspectrogram}); rows at the band centres, uniform in mel.
 *   <li>MFCC: orthonormal DCT-II of the mel spectrogram in dB, always 10 log10 (power_to_db,
 *       both tools' choice whatever the power), with top_db {@code spec.topDb()}, where NaN
 *       means 80 (torchaudio's MFCC and librosa's mfcc both clip at 80 dB; pass +Infinity for
 *       no clipping); {@code spec.db()} is ignored; optional librosa lifter. Rows are
 *       coefficient indices ({@link FrequencyScale#CEPSTRAL}), not Hz.
 *   <li>CQT: see {@link Cqt} (librosa's kernels, scale=True, computed at the full rate); rows at
 *       fmin * 2^(k/B), uniform in log2 Hz; fmin &lt;= 0 means C1 = 32.70 Hz (librosa's
 *       default). The CQT frame centring uses {@code spec.padMode()}.
 * </ul>
 * With {@code spec.db()}: {@code 20/power * log10(max(amin, x)) - 20/power * log10(max(amin, ref))}
 * (10 for power, 20 for magnitude, as torchaudio's AmplitudeToDB with the matching stype), then
 * values below max - top_db raised to it (max over the whole grid).
 *
 * <p>Plans (window, FFT, filter bank, CQT kernels) are cached per spec and shared by threads.
 */
public final class FrontEnd {
  /** librosa's default CQT fmin, {@code note_to_hz("C1")}. */
  public static final double C1_HZ = 32.703195662574764;
  /** Top-dB both tools use for MFCC when the spec leaves it unset. */
  public static final double MFCC_TOP_DB = 80.0;
  private static final int MAX_CACHED_PLANS = 64;
  private static final Map<SpectrogramSpec, Plan> PLANS = new ConcurrentHashMap<>();

  private FrontEnd() {}

  public static Spectrogram compute(Clip clip, SpectrogramSpec spec) {
    check(clip, spec);
    Plan plan = plan(spec);
    float[] x = clip.samples();
    FrequencyAxis rows;
    float[][] values;
    int frames;
    switch (spec.kind()) {
      case STFT -> {
        values = plan.stft.spectrogram(x, spec.power());
        frames = values[0].length;
        if (spec.db()) values = toDb(values, spec, 20.0 / spec.power(), spec.topDb());
        rows = FrequencyAxis.linear(spec.sampleRate(), spec.nFft());
      }
      case MEL -> {
        values = plan.mel.apply(plan.stft.spectrogram(x, spec.power()));
        frames = values[0].length;
        if (spec.db()) values = toDb(values, spec, 20.0 / spec.power(), spec.topDb());
        rows = melAxis(spec);
      }
      case MFCC -> {
        float[][] mel = plan.mel.apply(plan.stft.spectrogram(x, spec.power()));
        frames = mel[0].length;
        double topDb = Double.isNaN(spec.topDb()) ? MFCC_TOP_DB : spec.topDb();
        values = Mfcc.apply(toDb(mel, spec, 10.0, topDb), spec.nMfcc(), spec.lifter());
        rows = FrequencyAxis.cepstral(spec.nMfcc());
      }
      case CQT -> {
        values = plan.cqt.spectrogram(x, spec.power(), padding(spec), true);
        frames = values[0].length;
        if (spec.db()) values = toDb(values, spec, 20.0 / spec.power(), spec.topDb());
        rows = FrequencyAxis.of(FrequencyScale.LOG, Math.log(cqtFmin(spec)) / Math.log(2.0),
            1.0 / spec.binsPerOctave(), spec.nBins());
      }
      default -> throw new IllegalStateException("unknown kind " + spec.kind());
    }
    boolean centred = spec.kind() == Kind.CQT || spec.center();
    int frameLength = spec.kind() == Kind.CQT ? plan.cqt.nFft() : spec.nFft();
    TimeAxis times = TimeAxis.frames(spec.sampleRate(), spec.hop(), frameLength, centred, frames, clip.offsetSeconds());
    Spectrogram s = new Spectrogram(values, rows, times, spec);
    if (spec.kind() == Kind.STFT && !Double.isNaN(spec.fmax())) {
      s = s.cropFrequency(0.0, spec.fmax());
    }
    return s;
  }

  /** The mel axis of a MEL spec: band i centred at mel(fmin) + (i + 1) * step. */
  public static FrequencyAxis melAxis(SpectrogramSpec spec) {
    FrequencyScale scale = FrequencyScale.mel(spec.melScale());
    double lo = scale.warp(spec.fmin());
    double step = (scale.warp(spec.fmaxHz()) - lo) / (spec.nMels() + 1);
    return FrequencyAxis.of(scale, lo + step, step, spec.nMels());
  }

  /** The filter bank a MEL or MFCC spec uses. */
  public static MelFilterBank melFilterBank(SpectrogramSpec spec) {
    return new MelFilterBank(spec.sampleRate(), spec.nFft(), spec.nMels(), spec.fmin(), spec.fmaxHz(),
        spec.melScale(),
        spec.melNorm() == SpectrogramSpec.MelNorm.SLANEY);
  }

  private static float[][] toDb(float[][] v, SpectrogramSpec spec, double multiplier, double topDb) {
    return Decibels.convert(v, multiplier, spec.dbRef(), spec.amin(), topDb);
  }

  private static double cqtFmin(SpectrogramSpec spec) {
    return spec.fmin() > 0 ? spec.fmin() : C1_HZ;
  }

  private static Padding padding(SpectrogramSpec spec) {
    return spec.padMode() == SpectrogramSpec.PadMode.REFLECT ? Padding.REFLECT : Padding.CONSTANT;
  }

  private static void check(Clip clip, SpectrogramSpec spec) {
    if (clip.sampleRate() != spec.sampleRate()) {
      throw new SpectrolensException(clip.source(), "sample rate " + clip.sampleRate() + " Hz differs from the spectrogram's "
          + spec.sampleRate() + " Hz; resample first");
    }
    float[] x = clip.samples();
    if (x.length == 0) throw new SpectrolensException(clip.source(), "no samples (empty clip)");
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        throw new SpectrolensException(clip.source(), String.format("sample %d (%.4f s) is %s", i,
            clip.offsetSeconds() + i / (double) clip.sampleRate(), Float.isNaN(x[i]) ? "NaN" : "infinite"));
      }
    }
    if (spec.kind() != Kind.CQT && !spec.center() && x.length < spec.nFft()) {
      throw new SpectrolensException(clip.source(), String.format(
          "%d samples (%.1f ms) are fewer than n_fft %d; use center=true or a smaller n_fft", x.length,
          1000.0 * clip.durationSeconds(), spec.nFft()));
    }
  }

  private static Plan plan(SpectrogramSpec spec) {
    Plan p = PLANS.get(spec);
    if (p != null) return p;
    spec.check();
    try {
      p = new Plan(spec);
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException("spectrogram spec", e.getMessage(), e);
    }
    if (PLANS.size() >= MAX_CACHED_PLANS) PLANS.clear();
    PLANS.put(spec, p);
    return p;
  }

  /** Everything precomputed for one spec. */
  private static final class Plan {
    final Stft stft;
    final MelFilterBank mel;
    final Cqt cqt;

    Plan(SpectrogramSpec spec) {
      if (!(spec.power() > 0)) throw new IllegalArgumentException("power must be positive (1 magnitude, 2 power): " + spec.power());
      if (spec.kind() == Kind.CQT) {
        stft = null;
        mel = null;
        cqt = new Cqt(spec.sampleRate(), spec.hop(), cqtFmin(spec), spec.nBins(), spec.binsPerOctave(), 1.0);
        return;
      }
      stft = new Stft(spec.nFft(), spec.winLength(), spec.hop(), spec.window(), spec.center(),
          padding(spec));
      cqt = null;
      if (spec.fmax() < 0) throw new IllegalArgumentException("fmax must be non-negative: " + spec.fmax());
      if (spec.kind() == Kind.MEL || spec.kind() == Kind.MFCC) {
        if (spec.fmaxHz() > spec.sampleRate() / 2.0 + 1e-9) {
          throw new IllegalArgumentException("fmax " + spec.fmaxHz() + " Hz exceeds the Nyquist frequency " + spec.sampleRate() / 2.0 + " Hz");
        }
        mel = melFilterBank(spec);
        if (spec.kind() == Kind.MFCC && (spec.nMfcc() < 1 || spec.nMfcc() > spec.nMels())) {
          throw new IllegalArgumentException("n_mfcc must be in 1..n_mels (" + spec.nMels() + "): " + spec.nMfcc());
        }
      } else {
        mel = null;
      }
    }
  }
}
