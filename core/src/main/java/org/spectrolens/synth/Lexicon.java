package org.spectrolens.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The built-in word list ({@code words.txt} beside this class): real English words in ARPAbet. */
public final class Lexicon {
  private static final String RESOURCE = "words.txt";
  private final List<Word> words;

  private Lexicon(List<Word> words) {
    this.words = List.copyOf(words);
  }

  /** The built-in list; every phone label is checked against {@link Phone}. */
  public static Lexicon builtIn() {
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Word> out = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        String[] f = line.split("\\s+");
        List<String> phones = Arrays.asList(f).subList(2, f.length);
        phones.forEach(Phone::of);
        out.add(new Word(f[0], f[1], phones));
      }
      return new Lexicon(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Word> words() {
    return words;
  }

  public List<Word> byPos(String pos) {
    return words.stream().filter(w -> w.pos().equals(pos)).collect(Collectors.toList());
  }
}
