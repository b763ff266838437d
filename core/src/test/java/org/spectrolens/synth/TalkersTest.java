package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;

class TalkersTest {
  @Test
  void theCorpusSizeAndUtterancesEachGiveTheTalkerCount() {
    assertEquals(100, Talkers.DEFAULT.count(2000), "2000 utterances, 20 each");
    assertEquals(30, Talkers.DEFAULT.count(600));
    assertEquals(31, Talkers.DEFAULT.count(601), "a last talker takes the remainder");
    Talkers five = new Talkers(VowelSystem.CONNECTED, VoiceQuality.Variety.UNIFORM, 5);
    assertEquals(120, five.count(600));
    assertEquals(3, Talkers.DEFAULT.count(10), "at least one talker per group");
    assertEquals(2, Talkers.DEFAULT.count(2), "but no talker without an utterance");
    assertEquals(999, new Talkers(VowelSystem.CITATION, VoiceQuality.Variety.UNIFORM, 1).count(5000), "3-digit ids");
  }

  @Test
  void refusesNoUtterancesPerTalker() {
    SpectrolensException e = assertThrows(SpectrolensException.class,
        () -> new Talkers(VowelSystem.CITATION, VoiceQuality.Variety.UNIFORM, 0));
    assertEquals("utterances_each: must lie in [1, 1000], found 0", e.getMessage());
  }
}
