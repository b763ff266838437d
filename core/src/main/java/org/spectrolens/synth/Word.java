package org.spectrolens.synth;

import java.util.List;

/** A word with its part of speech ({@code N A V S D R C}) and ARPAbet pronunciation (MFA labels). */
public record Word(String pos, String text, List<String> phones) {
  public Word {
    phones = List.copyOf(phones);
  }

  /** Whether the word contains the phone class: a target vowel counts only when stressed. */
  boolean contains(String phoneClass) {
    for (String p : phones) {
      Phone ph = Phone.of(p);
      if (ph.name().equals(phoneClass) && (!ph.isVowel() || Phone.stress(p) >= 1)) return true;
    }
    return false;
  }
}
