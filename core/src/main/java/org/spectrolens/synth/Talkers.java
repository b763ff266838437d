package org.spectrolens.synth;

import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

/**
 * Who speaks a synthetic corpus: how talkers aim at their vowels, what voices they have, and how
 * many utterances each says (so how many talkers a corpus of a given size has).
 *
 * @param vowels where each talker's vowel targets come from
 * @param voices one voice source per group, or one per talker
 * @param utterancesEach utterances per talker (fewer: more talkers, more speaker variety)
 */
public record Talkers(VowelSystem vowels, VoiceQuality.Variety voices,
    @Param(value = "utterances per talker", min = 1, max = 1000) int utterancesEach) {
  /** Citation vowels, one voice per group, 20 utterances per talker: the corpus as it always was. */
  public static final Talkers DEFAULT = new Talkers(VowelSystem.CITATION, VoiceQuality.Variety.UNIFORM, 20);

  public Talkers {
    Params.check(Talkers.class, "utterancesEach", utterancesEach);
  }

  /** Talkers for {@code utterances} utterances: at least one per group (or per utterance), at most 999 (3-digit ids). */
  int count(int utterances) {
    return Math.max(Math.min(3, utterances), Math.min(999, (utterances + utterancesEach - 1) / utterancesEach));
  }
}
