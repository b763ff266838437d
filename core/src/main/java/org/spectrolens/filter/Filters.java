package org.spectrolens.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The registry of spectrogram filters: the one place their ids are listed. A filter is one class
 * implementing {@link SpectrogramFilter} with its own parameter record and a
 * {@link FilterDefinition}; {@link #register} adds one from outside. Filters are named in text as
 * {@code id[:name=value,...]} ({@code median:rows=5,columns=3}); a chain is applied in order.
 */
public final class Filters {
  private static final Map<String, FilterDefinition<?>> DEFINITIONS = new LinkedHashMap<>();

  static {
    for (FilterDefinition<?> d : List.of(GaussianFilter.DEFINITION, MedianFilter.DEFINITION, BilateralFilter.DEFINITION,
        WienerFilter.DEFINITION, WaveletShrinkage.DEFINITION, SpectralSubtraction.DEFINITION)) {
      DEFINITIONS.put(d.id(), d);
    }
  }

  private Filters() {}

  /** Adds a filter; its id must be new and free of ':' and ','. */
  public static synchronized void register(FilterDefinition<?> d) {
    if (d.id().isEmpty() || d.id().contains(":") || d.id().contains(",")) throw new IllegalArgumentException("bad filter id '" + d.id() + "'");
    FilterDefinition<?> was = DEFINITIONS.putIfAbsent(d.id(), d);
    if (was != null && was != d) throw new IllegalArgumentException("a filter '" + d.id() + "' is registered already");
  }

  /** Every registered filter, built-in ones first. */
  public static synchronized List<FilterDefinition<?>> all() {
    return List.copyOf(DEFINITIONS.values());
  }

  /** The ids of every registered filter. */
  public static synchronized List<String> ids() {
    return List.copyOf(DEFINITIONS.keySet());
  }

  /** The definition of an id, or the one-line error (naming {@code subject}) listing the ids. */
  public static synchronized FilterDefinition<?> definition(String id, String subject) {
    FilterDefinition<?> d = DEFINITIONS.get(id);
    if (d == null) throw new SpectrolensException(subject, "unknown filter '" + id + "'; expected one of " + String.join(", ", DEFINITIONS.keySet()));
    return d;
  }

  /**
   * The filter named by {@code id[:name=value,...]}; unset parameters keep their defaults.
   *
   * @param subject the option or file named in errors (e.g. {@code --filter})
   */
  public static SpectrogramFilter parse(String text, String subject) {
    Map.Entry<String, Map<String, String>> e = ParameterRecords.parseText(text, subject);
    FilterDefinition<?> d = definition(e.getKey(), subject);
    try {
      return d.create(e.getValue());
    } catch (SpectrolensException ex) {
      throw new SpectrolensException(subject, ex.getMessage());
    }
  }

  /** {@link #parse} of each text, in order. */
  public static List<SpectrogramFilter> parseAll(List<String> texts, String subject) {
    List<SpectrogramFilter> out = new ArrayList<>();
    for (String t : texts) out.add(parse(t, subject));
    return out;
  }

  /** The canonical texts of a chain (what dataset.json records). */
  public static List<String> texts(List<SpectrogramFilter> chain) {
    List<String> out = new ArrayList<>();
    for (SpectrogramFilter f : chain) out.add(f.text());
    return out;
  }

  /** The chain applied in order; the axes and spec are kept. */
  public static Spectrogram apply(List<SpectrogramFilter> chain, Spectrogram s) {
    for (SpectrogramFilter f : chain) s = f.apply(s);
    return s;
  }

  /** The chain applied in order to bare values, each size-checked against {@code subject}. */
  public static float[][] apply(List<SpectrogramFilter> chain, float[][] values, SpectrogramSpec spec, String subject) {
    for (SpectrogramFilter f : chain) {
      f.check(values.length, values.length == 0 ? 0 : values[0].length, subject);
      values = f.apply(values, spec);
    }
    return values;
  }

  /** One line per filter and parameter, as {@code filter --list} prints them. */
  public static List<String> describe() {
    List<String> out = new ArrayList<>();
    for (FilterDefinition<?> d : all()) {
      out.add(d.id() + "  " + d.description() + " [reference: " + d.reference() + "]");
      Map<String, Object> v = ParameterRecords.values(d.defaults());
      for (ParameterRecords.Parameter p : d.parameters()) {
        String choices = p.choices().isEmpty() ? "" : " {" + String.join(", ", p.choices()) + "}";
        out.add("    " + d.id() + "." + p.name() + choices + "  " + p.description() + " (default " + v.get(p.name()) + ")");
      }
    }
    return out;
  }

  /** The filters table of {@code docs/filters.md}: id, what it computes, reference, parameters with defaults. */
  public static String markdownTable() {
    StringBuilder b = new StringBuilder("| id | what it computes | reference | parameters (default) |\n| --- | --- | --- | --- |\n");
    for (FilterDefinition<?> d : all()) {
      Map<String, Object> v = ParameterRecords.values(d.defaults());
      List<String> ps = new ArrayList<>();
      for (ParameterRecords.Parameter p : d.parameters()) ps.add("`" + p.name() + "` " + v.get(p.name()) + ": " + p.description());
      b.append("| `").append(d.id()).append("` | ").append(d.description()).append(" | ").append(d.reference()).append(" | ")
          .append(String.join("; ", ps)).append(" |\n");
    }
    return b.toString();
  }
}
