package org.spectrolens.segment;

import org.spectrolens.params.ParameterRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/**
 * The registry of segmentation methods: the one place their ids are listed. {@link #register} adds
 * one from outside the package (a method is one class implementing {@link Segmenter} with a
 * {@link SegmenterDefinition}).
 */
public final class Segmenters {
  private static final Map<String, SegmenterDefinition<?>> DEFINITIONS = new LinkedHashMap<>();

  static {
    for (SegmenterDefinition<?> d : List.of(Threshold.DEFINITION, Otsu.DEFINITION, RegionGrowing.DEFINITION, KMeans.DEFINITION,
        Felzenszwalb.DEFINITION)) {
      DEFINITIONS.put(d.id(), d);
    }
  }

  /** The ids of the built-in methods, in the registry's order. */
  public static final List<String> IDS = List.copyOf(DEFINITIONS.keySet());

  private Segmenters() {}

  /** Adds a method; its id must be new and free of ',' and ':'. */
  public static synchronized void register(SegmenterDefinition<?> d) {
    if (d.id().isEmpty() || d.id().contains(",") || d.id().contains(":")) throw new IllegalArgumentException("bad method id '" + d.id() + "'");
    SegmenterDefinition<?> was = DEFINITIONS.putIfAbsent(d.id(), d);
    if (was != null && was != d) throw new IllegalArgumentException("a segmentation method '" + d.id() + "' is registered already");
  }

  /** Every registered method, built-in ones first. */
  public static synchronized List<SegmenterDefinition<?>> all() {
    return List.copyOf(DEFINITIONS.values());
  }

  /** The definition of a method id, or the one-line error (naming {@code subject}) listing the ids. */
  public static synchronized SegmenterDefinition<?> definition(String id, String subject) {
    SegmenterDefinition<?> d = DEFINITIONS.get(id);
    if (d == null) throw new SpectrolensException(subject, "unknown segmentation method '" + id + "'; expected one of " + String.join(", ", DEFINITIONS.keySet()));
    return d;
  }

  /**
   * The method named by {@code id[:name=value,...]} (ParameterRecords' text form); unset parameters
   * keep their defaults.
   *
   * @param subject the option named in errors (e.g. {@code --method})
   */
  public static Segmenter parse(String text, String subject) {
    Map.Entry<String, Map<String, String>> e = ParameterRecords.parseText(text, subject);
    SegmenterDefinition<?> d = definition(e.getKey(), subject);
    try {
      return d.create(e.getValue());
    } catch (SpectrolensException ex) {
      throw new SpectrolensException(subject, ex.getMessage());
    }
  }

  /** One line per method and parameter, for help texts. */
  public static List<String> describe() {
    List<String> out = new ArrayList<>();
    for (SegmenterDefinition<?> d : all()) {
      out.add(d.id() + "  " + d.description());
      Map<String, Object> v = ParameterRecords.values(d.defaults());
      for (ParameterRecords.Parameter p : d.parameters()) {
        out.add("    " + p.name() + "  " + p.description() + " (default " + v.get(p.name()) + ")");
      }
    }
    return out;
  }

  /** The methods table of {@code docs/segmentation.md}: id, description, parameters with defaults. */
  public static String markdownTable() {
    StringBuilder b = new StringBuilder("| id | what it computes | parameters: default |\n| --- | --- | --- |\n");
    for (SegmenterDefinition<?> d : all()) {
      Map<String, Object> v = ParameterRecords.values(d.defaults());
      List<String> ps = new ArrayList<>();
      for (ParameterRecords.Parameter p : d.parameters()) ps.add("`" + p.name() + "` " + v.get(p.name()) + ": " + p.description());
      b.append("| `").append(d.id()).append("` | ").append(d.description()).append(" | ").append(String.join("; ", ps)).append(" |\n");
    }
    return b.toString();
  }
}
