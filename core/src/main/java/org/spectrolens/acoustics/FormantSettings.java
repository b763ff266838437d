package org.spectrolens.acoustics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

/**
 * The formant tracker's ceiling and number of formants for a recording, derived from its own
 * sample rate unless given.
 *
 * <p>The rule, for a recording at {@code r} Hz (Nyquist {@code r/2}):
 *
 * <ul>
 *   <li>ceiling: the one given (refused above Nyquist with the {@code formants} command's message,
 *       {@link FormantTracker#requireCeilingWithinBand(String, int, double)}), else the speaker's
 *       five-formant ceiling ({@link SpeakerType}: Praat's 5000 Hz man, 5500 Hz woman, 8000 Hz
 *       child; 5500 Hz, Praat's default, when no speaker is named) lowered to Nyquist where it
 *       lies above;</li>
 *   <li>formants: the number given, else one per formant spacing below the ceiling, rounded to
 *       a multiple of 0.5, from 1 to 5; the spacing is the speaker's ceiling / 5 (1000 Hz man,
 *       1100 Hz woman, 1600 Hz child), and 1000 Hz when no speaker is named.</li>
 * </ul>
 *
 * <p>Why the count scales with the ceiling: a vocal tract is close to a uniform tube closed at the
 * glottis, with one resonance every {@code c / 2L} Hz ({@code L} its length), and Praat's
 * ceilings are five such spacings (a 17.5 cm male tract: 1000 Hz, so 5000 Hz). A band cut at
 * Nyquist holds proportionally fewer formants; an all-pole model asked for more pole pairs than
 * there are resonances fits one to the empty top of the band or splits a formant, which is why
 * 5 formants at 4000 Hz put /i/'s F2 at 1055 Hz on 8 kHz studio speech (issue 25). With no speaker
 * named the spacing is the longest (adult male) tract's, so that no speaker's formant below the
 * ceiling is left without a pole pair (merging F2 and F3 is the worse error): 8 kHz audio gets
 * 4000 Hz and 4 formants (the usual telephone setting), a named man 4, woman 3.5, child 2.5;
 * recordings of 11,025 Hz and up keep 5500 Hz (or the speaker's ceiling) and 5 formants, Praat's
 * defaults. On spectrolens's synthetic vowels at 8 kHz (TelephoneTruthTest) 4000 Hz with 4
 * formants gives median F1/F2/F3 errors of 3.1/1.9/1.3% against 3.4/2.0/2.2% with 3.5, and
 * 3.2/4.2/15.7% with the former 5500 Hz and 5.
 *
 * @param speaker the kind of speaker whose tract sets the defaults; null = woman (Praat's default)
 * @param ceiling formant ceiling in Hz, or NaN to derive it from the rate and speaker
 * @param maxFormants formants sought (LPC order twice this), a multiple of 0.5, or NaN to derive it
 */
public record FormantSettings(
    SpeakerType speaker,
    @Param(value = "formant ceiling in Hz (default: the speaker's, at most Nyquist)", min = 100, minOpen = true) double ceiling,
    @Param(value = "formants sought, a multiple of 0.5 (default: from the ceiling and speaker)", min = 1, max = 10) double maxFormants) {

  /** The most formants the rule gives (Praat's default). */
  public static final double FULL_BAND_FORMANTS = 5;

  public FormantSettings {
    Params.check(FormantSettings.class, "ceiling", ceiling);
    Params.check(FormantSettings.class, "maxFormants", maxFormants);
    if (!Double.isNaN(maxFormants) && Math.abs(2 * maxFormants - Math.rint(2 * maxFormants)) > 1e-9) {
      throw org.spectrolens.SpectrolensException.ofParameter("max_formants", "must be a multiple of 0.5, found " + maxFormants);
    }
  }

  /** Everything derived from each recording's rate (woman's tract). */
  public static FormantSettings fromRate() {
    return new FormantSettings(null, Double.NaN, Double.NaN);
  }

  /** A fixed ceiling with the rule's formant count. */
  public static FormantSettings ceiling(double hz) {
    return new FormantSettings(null, hz, Double.NaN);
  }

  /** The speaker assumed: the one given, else woman. */
  public SpeakerType speakerOrDefault() {
    return speaker == null ? SpeakerType.WOMAN : speaker;
  }

  /** Ceiling and formants resolved for one rate. */
  public record Resolved(double ceiling, double maxFormants) {}

  /**
   * The settings for a recording.
   *
   * @param source the recording, named by the refusal
   * @param sampleRate its rate in Hz
   * @throws org.spectrolens.SpectrolensException where a given ceiling lies above Nyquist (the
   *     message of the {@code formants} command)
   */
  public Resolved resolve(String source, int sampleRate) {
    double nyquist = sampleRate / 2.0;
    double speakerCeiling = speakerOrDefault().formantCeilingHz();
    double hz;
    if (Double.isNaN(ceiling)) {
      hz = Math.min(speakerCeiling, nyquist);
    } else {
      FormantTracker.requireCeilingWithinBand(source, sampleRate, ceiling);
      hz = ceiling;
    }
    double n = maxFormants;
    if (Double.isNaN(n)) {
      double spacing = (speaker == null ? SpeakerType.MAN.formantCeilingHz() : speakerCeiling) / FULL_BAND_FORMANTS;
      n = Math.max(1, Math.min(FULL_BAND_FORMANTS, Math.rint(2 * hz / spacing) / 2));
    }
    return new Resolved(hz, n);
  }

  /** A tracker for a recording at {@code sampleRate} (step, window, pre-emphasis as given). */
  public FormantTracker tracker(String source, int sampleRate, double timeStep, double windowLength, double preEmphasisFromHz,
      RateConverter converter) {
    Resolved r = resolve(source, sampleRate);
    return new FormantTracker(timeStep, r.maxFormants(), r.ceiling(), windowLength, preEmphasisFromHz, converter);
  }

  /** As recorded in result files: the speaker, and the ceiling and formants given or "from the sample rate". */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("speaker", speakerOrDefault().name().toLowerCase(java.util.Locale.ROOT) + (speaker == null ? " (default)" : ""));
    m.put("ceiling_hz", Double.isNaN(ceiling) ? "speaker's, at most Nyquist" : (Object) ceiling);
    m.put("max_formants", Double.isNaN(maxFormants) ? "5 x ceiling / speaker's ceiling" : (Object) maxFormants);
    return m;
  }

}
