package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.synth.UtterancePlan.Piece;
import org.spectrolens.synth.UtterancePlan.Segment;

class UndershootTest {
  /** The same talker twice: one speaking citation forms, one connected speech, same vowel means. */
  private static Speaker talker(VowelSystem system) {
    Speaker base = Speaker.draw("x", SpeakerGroup.MEN, VowelSystem.CONNECTED, VoiceQuality.Variety.UNIFORM, new SplittableRandom(5));
    return new Speaker("x", base.group(), base.logScale(), base.f0Mean(), base.rate(), system, base.vowelMeans(), base.voice());
  }

  private static Piece vowelPiece(UtterancePlan plan, String label) {
    Segment v = plan.segments().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    double mid = (v.start() + v.end()) / 2;
    return plan.pieces().stream().filter(p -> p.start() <= mid && mid < p.end()).findFirst().orElseThrow();
  }

  @Test
  void aConnectedVowelStopsShortOfItsTargetTowardTheFlankingLociByItsDuration() {
    List<Word> words = List.of(new Word("N", "dude", List.of("D", "UW1", "D")), new Word("N", "peat", List.of("P", "IY1", "T")));
    UtterancePlan citation = Planner.plan(talker(VowelSystem.CITATION), words, new SplittableRandom(8));
    UtterancePlan connected = Planner.plan(talker(VowelSystem.CONNECTED), words, new SplittableRandom(8));
    Speaker spk = talker(VowelSystem.CONNECTED);
    for (String[] c : new String[][] {{"UW1", "D", "D"}, {"IY1", "P", "T"}}) {
      Segment seg = connected.segments().stream().filter(s -> s.label().equals(c[0])).findFirst().orElseThrow();
      double d = seg.end() - seg.start();
      double share = 0.8 * Math.exp(-12 * d);
      Piece before = vowelPiece(citation, c[0]);
      Piece after = vowelPiece(connected, c[0]);
      for (int k = 1; k < 3; k++) {
        double locus = (Phone.valueOf(c[1]).locus[k] + Phone.valueOf(c[2]).locus[k]) / 2 * spk.scale();
        double expected = before.f()[k] + share * (locus - before.f()[k]);
        assertEquals(expected, after.f()[k], 1e-9, c[0] + " F" + (k + 1));
      }
      assertEquals(before.f()[0], after.f()[0], 0, "F1 is left alone");
    }
    // /u/ between alveolars fronts: its F2 rises toward the 1700 Hz locus
    assertTrue(vowelPiece(connected, "UW1").f()[1] > vowelPiece(citation, "UW1").f()[1]);
    // the segments (durations) are the same: undershoot draws nothing
    assertEquals(citation.segments(), connected.segments());
  }
}
