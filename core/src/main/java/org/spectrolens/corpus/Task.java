package org.spectrolens.corpus;

import java.util.Locale;
import org.spectrolens.SpectrolensException;

/**
 * What a dataset classifies: the seed paper's five vowels, voiced vs unvoiced sounds, or fixed
 * windows ("chunks") of labelled recordings as in the monitoring thesis.
 */
public enum Task {
  /** /i/ IY, /æ/ AE, /ɜ/ ER, /ɑ/ AA, /u/ UW. */
  VOWELS,
  /** The five vowels (voiced) vs /p t k f s tʃ ʃ θ/ (unvoiced), balanced. */
  VOICING,
  /** Fixed windows over labelled recordings; classes are the recordings' labels. */
  CHUNKS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Task fromId(String id) {
    for (Task t : values()) if (t.id().equalsIgnoreCase(id)) return t;
    throw SpectrolensException.ofParameter("task", "unknown task '" + id + "' (expected vowels, voicing or chunks)");
  }
}
