package org.spectrolens.truth;

import java.util.Arrays;
import java.util.Locale;
import org.spectrolens.SpectrolensException;

/** Where per-item formant and F0 tracks come from ({@code --truth synth|tracker}). */
public enum TruthSource {
  /** The tracks that drove the synthesiser: {@code truth/<id>.csv} beside {@code wavs/<id>.wav}. */
  SYNTH("synth"),
  /** The project's Burg formant and autocorrelation pitch trackers run on the item's audio. */
  TRACKER("tracker");

  private final String id;

  TruthSource(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * @param option the option name for the error message, e.g. {@code --truth}
   * @throws SpectrolensException for anything but {@code synth} or {@code tracker}
   */
  public static TruthSource fromId(String id, String option) {
    for (TruthSource s : values()) if (s.id.equals(id.toLowerCase(Locale.ROOT))) return s;
    throw new SpectrolensException(option, "unknown truth source '" + id + "'; expected one of "
        + Arrays.stream(values()).map(TruthSource::id).toList());
  }
}
