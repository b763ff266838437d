package org.spectrolens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;

class LabelMapTest {
  @TempDir Path tmp;

  @Test
  void vowelsFromArpabetWithStressAndFromSampa() {
    LabelMap m = LabelMap.of(Task.VOWELS);
    assertEquals(List.of("i", "ae", "er", "aa", "u"), m.classes());
    String[][] cases = {
        {"IY1", "i"}, {"IY0", "i"}, {"IY2", "i"}, {"AE1", "ae"}, {"ER0", "er"}, {"AA1", "aa"}, {"UW2", "u"},
        {"i:", "i"}, {"{", "ae"}, {"3`", "er"}, {"3:", "er"}, {"3\\`", "er"}, {"A", "aa"}, {"A:", "aa"}, {"Q", "aa"},
        {"u:", "u"}, {"iː", "i"}, {"æ", "ae"}, {"ɝ", "er"}, {"ɑː", "aa"}, {"ʉː", "u"}};
    for (String[] c : cases) assertEquals(Optional.of(c[1]), m.classOf(c[0]), c[0]);
    for (String other : List.of("AH0", "IH1", "EH1", "S", "P", "I", "E", "@", "V", "", "spn", "<p:>", "sil", "IY3")) {
      assertEquals(Optional.empty(), m.classOf(other), other);
    }
  }

  @Test
  void voicingTakesTheFiveVowelsAndThePapersUnvoicedConsonants() {
    LabelMap m = LabelMap.of(Task.VOICING);
    assertEquals(List.of("voiced", "unvoiced"), m.classes());
    for (String v : List.of("IY1", "AE0", "ER1", "AA2", "UW1", "i:", "{", "3`", "Q", "u:")) assertEquals(Optional.of("voiced"), m.classOf(v), v);
    for (String u : List.of("P", "T", "K", "F", "S", "CH", "SH", "TH", "p", "t", "k", "f", "s", "tS", "S", "T", "tʃ", "ʃ", "θ")) {
      assertEquals(Optional.of("unvoiced"), m.classOf(u), u);
    }
    for (String o : List.of("B", "D", "G", "Z", "V", "DH", "JH", "b", "z", "dZ", "AH0", "", "<p:>", "spn")) assertEquals(Optional.empty(), m.classOf(o), o);
  }

  @Test
  void silenceAndNoiseAreNeverAClass() {
    for (String s : List.of("", " ", "sil", "sp", "spn", "<p:>", "<nib>", "<usb>")) {
      assertTrue(LabelMap.isSilence(s), s);
      assertEquals(Optional.empty(), LabelMap.of(Task.CHUNKS).classOf(s));
    }
    assertEquals(Optional.of("dog"), LabelMap.of(Task.CHUNKS).classOf("dog"));
    assertEquals("IY", LabelMap.stripStress("IY1"));
    assertEquals("tS", LabelMap.stripStress("tS"));
  }

  @Test
  void overrideFileReplacesTheMap() throws IOException {
    Path f = tmp.resolve("map.csv");
    Files.writeString(f, "label,class\n# LOT vowel kept apart\nAA,lot\nQ,lot\nIY,fleece\ni:,fleece\nAO,\n");
    LabelMap m = LabelMap.read(f);
    assertEquals(List.of("lot", "fleece"), m.classes());
    assertEquals(Optional.of("lot"), m.classOf("AA1"));
    assertEquals(Optional.of("lot"), m.classOf("Q"));
    assertEquals(Optional.of("fleece"), m.classOf("i:"));
    assertEquals(Optional.empty(), m.classOf("AO1"));
    assertEquals(Optional.empty(), m.classOf("AE1"));

    Files.writeString(f, "AA,lot\nAA,palm\n");
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> LabelMap.read(f));
    assertTrue(e.problem().startsWith("line 2:"), e.getMessage());
    Files.writeString(f, "AA;lot\n");
    assertTrue(assertThrows(SpectrolensException.class, () -> LabelMap.read(f)).problem().startsWith("line 1:"));
  }
}
