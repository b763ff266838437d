package org.spectrolens.segment;

import java.util.List;
import org.spectrolens.family.Family;
import org.spectrolens.family.Parameterised;

/**
 * The registry of segmentation methods: the one place their ids are listed. {@link #register} adds
 * one from outside the package (a method is one class implementing {@link Segmenter} with a
 * {@link SegmenterDefinition}).
 */
public final class Segmenters {
  private static final Family<SegmenterDefinition<?>> FAMILY = new Family<>("segmentation method", "method",
      List.of(Threshold.DEFINITION, Otsu.DEFINITION, RegionGrowing.DEFINITION, KMeans.DEFINITION, Felzenszwalb.DEFINITION));

  /** The ids of the built-in methods, in the registry's order. */
  public static final List<String> IDS = FAMILY.ids();

  private Segmenters() {}

  /** The family: every registered method, built-in ones first. */
  public static Family<SegmenterDefinition<?>> family() {
    return FAMILY;
  }

  /** Adds a method; its id must be new and free of ',' and ':'. */
  public static void register(SegmenterDefinition<?> d) {
    FAMILY.register(d);
  }

  /** Every registered method, built-in ones first. */
  public static List<SegmenterDefinition<?>> all() {
    return FAMILY.all();
  }

  /** The definition of a method id, or the one-line error (naming {@code subject}) listing the ids. */
  public static SegmenterDefinition<?> definition(String id, String subject) {
    return FAMILY.get(id, subject);
  }

  /**
   * The method named by {@code id[:name=value,...]} (ParameterRecords' text form); unset parameters
   * keep their defaults.
   *
   * @param subject the parameter named in errors
   */
  public static Segmenter parse(String text, String subject) {
    return Parameterised.parse(FAMILY, text, subject);
  }

  /** One line per method and parameter, for help texts. */
  public static List<String> describe() {
    return Parameterised.describe(FAMILY, d -> "", d -> "");
  }

  /** The methods table of {@code docs/segmentation.md}: id, description, parameters with defaults. */
  public static String markdownTable() {
    return FAMILY.markdownTable(List.of("id", "what it computes", "parameters: default"),
        d -> List.of("`" + d.id() + "`", d.description(), Parameterised.parameterCell(d, d.defaults())));
  }
}
