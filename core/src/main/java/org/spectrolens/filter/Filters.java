package org.spectrolens.filter;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.family.Family;
import org.spectrolens.family.Parameterised;
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
  private static final Family<FilterDefinition<?>> FAMILY = new Family<>("filter", "filter", List.of(GaussianFilter.DEFINITION,
      MedianFilter.DEFINITION, BilateralFilter.DEFINITION, WienerFilter.DEFINITION, WaveletShrinkage.DEFINITION,
      SpectralSubtraction.DEFINITION));

  private Filters() {}

  /** The family: every registered filter, built-in ones first. */
  public static Family<FilterDefinition<?>> family() {
    return FAMILY;
  }

  /** Adds a filter; its id must be new and free of ':' and ','. */
  public static void register(FilterDefinition<?> d) {
    FAMILY.register(d);
  }

  /** Every registered filter, built-in ones first. */
  public static List<FilterDefinition<?>> all() {
    return FAMILY.all();
  }

  /** The ids of every registered filter. */
  public static List<String> ids() {
    return FAMILY.ids();
  }

  /** The definition of an id, or the one-line error (naming {@code subject}) listing the ids. */
  public static FilterDefinition<?> definition(String id, String subject) {
    return FAMILY.get(id, subject);
  }

  /**
   * The filter named by {@code id[:name=value,...]}; unset parameters keep their defaults.
   *
   * @param subject the parameter or file named in errors
   */
  public static SpectrogramFilter parse(String text, String subject) {
    return Parameterised.parse(FAMILY, text, subject);
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
    return Parameterised.describe(FAMILY, d -> " [reference: " + d.reference() + "]", d -> d.id() + ".");
  }

  /** The filters table of {@code docs/filters.md}: id, what it computes, reference, parameters with defaults. */
  public static String markdownTable() {
    return FAMILY.markdownTable(List.of("id", "what it computes", "reference", "parameters (default)"),
        d -> List.of("`" + d.id() + "`", d.description(), d.reference(), Parameterised.parameterCell(d, d.defaults())));
  }
}
