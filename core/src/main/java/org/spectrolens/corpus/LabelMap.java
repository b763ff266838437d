package org.spectrolens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;
import org.spectrolens.io.IoErrors;

/**
 * Maps alignment labels (ARPAbet from MFA, SAMPA/X-SAMPA from WebMAUS, IPA from MFA's
 * english_mfa) to a task's classes. ARPAbet stress digits are stripped ({@code IY1} is
 * {@code IY}) after the stress filter of a vowel task ({@link #withStress}) has kept or left out
 * the token; silence and noise labels ({@code ""}, {@code sil}, {@code sp}, {@code spn},
 * {@code <p:>}, ...) are never a class. The ɑ class takes ARPAbet AA and SAMPA {@code A},
 * {@code A:} and {@code Q} (WebMAUS eng-US writes the LOT/PALM vowel as {@code Q}).
 *
 * <p>ARPAbet and SAMPA reuse some letters for different sounds ({@code S} is /s/ in ARPAbet and
 * /ʃ/ in SAMPA, {@code T} /t/ and /θ/); both are unvoiced, so the built-in tasks are unambiguous.
 * A task that separates them needs an override file ({@link #read}).
 */
public final class LabelMap {
  private static final Pattern STRESS = Pattern.compile("([A-Za-z]+)[012]");
  private static final Set<String> SILENCE = Set.of("", "sil", "sp", "spn", "SIL", "SP", "SPN", "<p:>", "<p>", "<nib>",
      "<usb>", "<sil>", "<unk>", "#", "<", ">", "_", "<p>:");

  /** The seed paper's vowel classes, in index order, and their spellings. */
  private static final Map<String, List<String>> VOWELS = new LinkedHashMap<>();
  /** The paper's unvoiced consonants /p t k f s tʃ ʃ θ/. */
  private static final List<String> UNVOICED = List.of(
      "P", "T", "K", "F", "S", "CH", "SH", "TH", // ARPAbet
      "p", "t", "k", "f", "s", "tS", "S", "T", // SAMPA (S and T coincide with ARPAbet's, same class)
      "pʰ", "tʰ", "kʰ", "tʃ", "ʃ", "θ", "t_h", "p_h", "k_h"); // IPA (english_mfa), X-SAMPA aspirates

  static {
    VOWELS.put("i", List.of("i", "IY", "i:", "iː"));
    VOWELS.put("ae", List.of("ae", "AE", "{", "æ"));
    VOWELS.put("er", List.of("er", "ER", "3`", "3:", "3\\`", "ɝ", "ɜ", "ɜː", "ɝː"));
    VOWELS.put("aa", List.of("aa", "AA", "A", "A:", "Q", "ɑ", "ɑː", "ɒ"));
    VOWELS.put("u", List.of("u", "UW", "u:", "uː", "ʉː", "ʉ"));
  }

  private final List<String> classes;
  private final Map<String, String> table;
  /** True for an identity map that accepts any non-silence label (the chunks task). */
  private final boolean identity;
  /** Vowel tokens kept by stress digit; null keeps every token (not a vowel task). */
  private final Stress stress;

  private LabelMap(List<String> classes, Map<String, String> table, boolean identity) {
    this(classes, table, identity, null);
  }

  private LabelMap(List<String> classes, Map<String, String> table, boolean identity, Stress stress) {
    this.classes = List.copyOf(classes);
    this.table = Map.copyOf(table);
    this.identity = identity;
    this.stress = stress;
  }

  /** This map keeping only the tokens {@code stress} keeps (vowel tasks). */
  public LabelMap withStress(Stress stress) {
    return new LabelMap(classes, table, identity, stress);
  }

  /** The stress filter, or null when every token is kept whatever its digit. */
  public Stress stress() {
    return stress;
  }

  /** The built-in map of a task; chunks keeps every recording label as its own class. */
  public static LabelMap of(Task task) {
    Map<String, String> t = new LinkedHashMap<>();
    switch (task) {
      case VOWELS -> {
        VOWELS.forEach((cls, spellings) -> spellings.forEach(s -> t.put(s, cls)));
        return new LabelMap(List.copyOf(VOWELS.keySet()), t, false);
      }
      case VOICING -> {
        VOWELS.values().forEach(spellings -> spellings.forEach(s -> t.put(s, "voiced")));
        UNVOICED.forEach(s -> t.put(s, "unvoiced"));
        t.put("voiced", "voiced");
        t.put("unvoiced", "unvoiced");
        return new LabelMap(List.of("voiced", "unvoiced"), t, false);
      }
      default -> {
        return new LabelMap(List.of(), t, true);
      }
    }
  }

  /**
   * Reads an override: CSV lines {@code label,class} (an optional header {@code label,class};
   * {@code #} starts a comment line; an empty class drops the label). Classes are indexed in
   * order of first appearance. Labels match exactly, or after stripping ARPAbet stress digits.
   */
  public static LabelMap read(Path file) {
    List<String> lines;
    try {
      lines = Csv.readLines(file);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), Files.exists(file) ? "cannot read: " + IoErrors.reason(e) : "no such file");
    }
    Map<String, String> t = new LinkedHashMap<>();
    Set<String> classes = new LinkedHashSet<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = n == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(n);
      if (line.isBlank() || line.startsWith("#")) continue;
      List<String> f = Csv.split(line);
      if (f.size() != 2) throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": expected 'label,class', found " + f.size() + " field(s)");
      String label = f.get(0).trim();
      String cls = f.get(1).trim();
      if (n == 0 && label.equals("label") && cls.equals("class")) continue;
      String before = t.put(label, cls);
      if (before != null && !before.equals(cls)) {
        throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": label '" + label + "' mapped to both '" + before + "' and '" + cls + "'");
      }
      if (!cls.isEmpty()) classes.add(cls);
    }
    if (classes.isEmpty()) throw new SpectrolensException(file.toString(), "no 'label,class' lines");
    return new LabelMap(new ArrayList<>(classes), t, false);
  }

  /** Class names in index order (empty for the chunks identity map: classes come from the data). */
  public List<String> classes() {
    return classes;
  }

  public boolean isIdentity() {
    return identity;
  }

  /** True for labels that mark silence, pauses or noise in MFA and WebMAUS output. */
  public static boolean isSilence(String label) {
    return SILENCE.contains(label.trim());
  }

  /** ARPAbet {@code IY1} to {@code IY}; other labels unchanged. */
  public static String stripStress(String label) {
    Matcher m = STRESS.matcher(label);
    return m.matches() ? m.group(1) : label;
  }

  /** The class of a label, or empty when it is silence or not part of the task. */
  public Optional<String> classOf(String label) {
    String l = label.trim();
    if (identity) return isSilence(l) ? Optional.empty() : Optional.of(l);
    String c = table.get(l);
    if (c == null) c = table.get(stripStress(l));
    return c == null || c.isEmpty() ? Optional.empty() : Optional.of(c);
  }
}
