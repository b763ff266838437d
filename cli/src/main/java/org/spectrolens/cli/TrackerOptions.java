package org.spectrolens.cli;

import org.spectrolens.acoustics.FormantSettings;
import org.spectrolens.acoustics.SpeakerType;
import org.spectrolens.truth.TruthReader;
import org.spectrolens.truth.TruthSource;
import picocli.CommandLine.Option;

/**
 * The formant tracker's options of every command that takes {@code --truth tracker}: unset, the
 * ceiling and formant count follow each recording's own sample rate ({@link FormantSettings}).
 */
final class TrackerOptions {
  @Option(names = "--ceiling", paramLabel = "HZ",
      description = "--truth tracker: formant ceiling (default: the --speaker's, 5500 Hz without one, lowered to each recording's "
          + "Nyquist frequency); a ceiling above a recording's Nyquist frequency is refused.")
  Double ceiling;

  @Option(names = "--max-formants", paramLabel = "N",
      description = "--truth tracker: formants sought, a multiple of 0.5 (default: one per 1000 Hz of ceiling, or per the "
          + "--speaker's formant spacing, at most 5: 4 at 4000 Hz for 8 kHz audio, 5 for wideband).")
  Double maxFormants;

  @Option(names = "--speaker", paramLabel = "KIND",
      description = "--truth tracker: man, woman or child: Praat's ceiling for five formants (5000, 5500, 8000 Hz) and its spacing.")
  SpeakerType speaker;

  /** The settings given (NaN where not given). */
  FormantSettings settings() {
    return new FormantSettings(speaker, ceiling == null ? Double.NaN : ceiling, maxFormants == null ? Double.NaN : maxFormants);
  }

  /** The reader of {@code --truth} with these settings. */
  TruthReader reader(String truth) {
    return TruthReader.of(TruthSource.fromId(truth, "--truth"), settings());
  }
}
