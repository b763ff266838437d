package org.spectrolens.acoustics;

import java.util.Locale;
import java.util.Objects;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;

/**
 * Median F1, F2, F3 and F0 over the middle third of a vowel interval, the usual steady-state
 * reading. Only the interval plus some context is analysed (enough for the analysis windows and
 * the pitch path), so measuring thousands of segments of long files stays cheap; the pitch
 * tracker's silence threshold is therefore relative to the loudest sample of that excerpt, not
 * of the whole file.
 */
public final class VowelMeasurement {
  /** Context analysed either side of the interval, in seconds (a formant window and a bit). */
  static final double CONTEXT = 0.06;

  private static final VowelMeasurement DEFAULT = new VowelMeasurement();

  private final RateConverter rateConverter;
  private final PitchTracker pitchTracker;

  /**
   * @param rateConverter brings excerpts to the formant analysis rate (twice the ceiling), e.g.
   *     {@code SpectralResampler::resample} or {@code org.spectrolens.audio.Resampler::resample}
   * @param pitchTracker the F0 analysis (e.g. {@link PitchTracker#praat()})
   */
  public VowelMeasurement(RateConverter rateConverter, PitchTracker pitchTracker) {
    this.rateConverter = Objects.requireNonNull(rateConverter, "rateConverter");
    this.pitchTracker = Objects.requireNonNull(pitchTracker, "pitchTracker");
  }

  /** Praat's default formant and pitch settings with the given rate converter. */
  public VowelMeasurement(RateConverter rateConverter) {
    this(rateConverter, PitchTracker.praat());
  }

  /** Praat's default formant and pitch settings, resampling as Praat does. */
  public VowelMeasurement() {
    this(SpectralResampler::resample);
  }

  /**
   * Median F1-F3 and F0 over the middle third of [from, to] with Praat's defaults (formants at
   * twice the ceiling after resampling, pitch 75-600 Hz at the clip's own rate).
   */
  public static Result measure(Clip clip, double from, double to, double ceilingHz) {
    return DEFAULT.measureInterval(clip, from, to, ceilingHz);
  }

  /** Median formants and F0 of one vowel; NaN where a value is missing (e.g. unvoiced). */
  public record Result(double f1, double f2, double f3, double f0) {}

  /**
   * @param from start of the vowel, seconds from the clip's first sample
   * @param to end of the vowel
   * @param ceilingHz formant ceiling (5500 Hz for women, 5000 for men)
   */
  public Result measureInterval(Clip clip, double from, double to, double ceilingHz) {
    if (!(from >= 0) || !(to > from) || to > clip.durationSeconds() + 1e-9) {
      throw new SpectrolensException(clip.source(), String.format(Locale.ROOT,
          "vowel interval %.4f-%.4f s is empty or outside the clip (0-%.4f s)", from, to, clip.durationSeconds()));
    }
    double third = (to - from) / 3.0;
    double a = from + third, b = to - third, mid = 0.5 * (from + to);
    Clip excerpt = clip.slice(from - CONTEXT, to + CONTEXT);
    double shift = excerpt.offsetSeconds() - clip.offsetSeconds(); // excerpt time 0 in clip time

    FormantTrack formants = FormantTracker.praat(ceilingHz, rateConverter).track(excerpt);
    double[] f = formants.median(a - shift, b - shift);
    if (!hasFrameIn(formants.frameCount(), formants::time, a - shift, b - shift)) {
      f = formants.at(mid - shift); // a middle third shorter than one time step
    }
    PitchTrack pitch = pitchTracker.track(excerpt);
    double f0 = hasFrameIn(pitch.frameCount(), pitch::time, a - shift, b - shift)
        ? pitch.median(a - shift, b - shift)
        : pitch.at(mid - shift);
    return new Result(f[0], f.length > 1 ? f[1] : Double.NaN, f.length > 2 ? f[2] : Double.NaN, f0);
  }

  private static boolean hasFrameIn(int count, java.util.function.IntToDoubleFunction time, double from, double to) {
    for (int i = 0; i < count; i++) {
      double t = time.applyAsDouble(i);
      if (t >= from && t <= to) return true;
    }
    return false;
  }
}
