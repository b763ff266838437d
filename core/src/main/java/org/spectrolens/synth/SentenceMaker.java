package org.spectrolens.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Makes short sentences (4-10 words) from part-of-speech templates. Each content slot is given a
 * focus class, cycling through the five target vowels and eight voiceless consonants, and takes a
 * word containing it, so that the classes come out roughly balanced over a corpus.
 */
public final class SentenceMaker {
  /** The classes the seed paper classifies: five vowels, then the voiceless consonants. */
  public static final String[] FOCUS = {"IY", "AE", "ER", "AA", "UW", "P", "T", "K", "F", "S", "CH", "SH", "TH"};

  private static final String[] TEMPLATES = {
    "D A N V D N", "S V D A N", "S V D N R D N", "D N V D A N R D N", "S V D A N C D A N",
    "D A N V R D N", "S V D N", "D A A N V D N R S", "S V D N C D N", "D N V R D A N",
  };

  private final Lexicon lexicon;
  private final Map<String, Map<String, List<Word>>> byPosAndClass = new HashMap<>();

  public SentenceMaker(Lexicon lexicon) {
    this.lexicon = lexicon;
    for (String pos : new String[] {"N", "A", "V", "S"}) {
      Map<String, List<Word>> m = new HashMap<>();
      for (String c : FOCUS) {
        m.put(c, lexicon.byPos(pos).stream().filter(w -> w.contains(c)).toList());
      }
      byPosAndClass.put(pos, m);
    }
  }

  /** The sentence for utterance {@code index}: the template and focus classes follow the index. */
  public List<Word> sentence(long index, RandomGenerator rng) {
    String[] slots = TEMPLATES[rng.nextInt(TEMPLATES.length)].split(" ");
    List<Word> out = new ArrayList<>();
    int content = 0;
    for (String pos : slots) {
      if (byPosAndClass.containsKey(pos)) {
        String focus = FOCUS[(int) Math.floorMod(index * 5 + content, FOCUS.length)];
        content++;
        List<Word> pool = byPosAndClass.get(pos).get(focus);
        if (pool.isEmpty()) pool = lexicon.byPos(pos);
        out.add(pool.get(rng.nextInt(pool.size())));
      } else {
        List<Word> pool = lexicon.byPos(pos);
        out.add(pool.get(rng.nextInt(pool.size())));
      }
    }
    // "a" becomes "an" before a vowel.
    for (int i = 0; i + 1 < out.size(); i++) {
      if (out.get(i).text().equals("a") && Phone.of(out.get(i + 1).phones().get(0)).isVowel()) {
        out.set(i, new Word("D", "an", List.of("AH0", "N")));
      }
    }
    return out;
  }

  /** The transcription: first letter capitalised, a full stop at the end. */
  public static String text(List<Word> words) {
    StringBuilder s = new StringBuilder();
    for (Word w : words) {
      if (s.length() > 0) s.append(' ');
      s.append(w.text());
    }
    s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
    return s.append('.').toString();
  }
}
