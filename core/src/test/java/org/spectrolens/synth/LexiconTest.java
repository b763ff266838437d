package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private final Lexicon lexicon = Lexicon.builtIn();

  @Test
  void everyVoicelessConsonantOccursInOnsetsAndCodas() {
    for (String c : new String[] {"P", "T", "K", "F", "S", "CH", "SH", "TH"}) {
      boolean onset = false;
      boolean coda = false;
      for (Word w : lexicon.words()) {
        List<String> p = w.phones();
        if (p.get(0).equals(c)) onset = true;
        if (p.get(p.size() - 1).equals(c)) coda = true;
      }
      assertTrue(onset && coda, c + " onset " + onset + " coda " + coda);
    }
  }

  @Test
  void everyTargetVowelIsStressedInManyContentWordsAndContexts() {
    for (String v : VowelNorms.TARGET_VOWELS) {
      long words = lexicon.words().stream().filter(w -> "NAVS".contains(w.pos()) && w.contains(v)).count();
      long onsets = lexicon.words().stream().filter(w -> w.contains(v))
          .map(w -> w.phones().get(0)).distinct().count();
      assertTrue(words >= 12, v + ": " + words + " words");
      assertTrue(onsets >= 6, v + ": " + onsets + " different onsets");
    }
  }

  @Test
  void sentencesHaveFourToTenWords() {
    SentenceMaker maker = new SentenceMaker(lexicon);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    for (int i = 0; i < 500; i++) {
      int n = maker.sentence(i, rng).size();
      assertTrue(n >= 4 && n <= 10, "sentence of " + n + " words");
    }
  }
}
