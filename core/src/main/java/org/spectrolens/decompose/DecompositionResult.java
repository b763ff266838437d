package org.spectrolens.decompose;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.io.Json;

/**
 * {@code decomposition.json}, beside the templates and activations: what was decomposed, how,
 * the method's own figures and the spectrogram's spec. Written flat: the figures' keys differ by
 * method (PCA {@code explained_variance_ratio}, NMF {@code reconstruction_error}, ...).
 *
 * @param input the input file
 * @param method pca, ica or nmf
 * @param components components asked
 * @param rows the spectrogram's rows
 * @param columns the spectrogram's columns
 * @param figures the method's figures by key ({@link SpectrogramDecomposition#figures})
 * @param spec the spectrogram's spec as spectrogram axes files hold it; null (and not written) when unknown
 */
public record DecompositionResult(String input, String method, int components, int rows, int columns, Map<String, Object> figures,
    Map<String, Object> spec) {
  /** The file's name. */
  public static final String FILE = "decomposition.json";
  private static final List<String> FIELDS = List.of("input", "method", "components", "rows", "columns", "spec");

  public DecompositionResult {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  @JsonValue
  Map<String, Object> json() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("input", input);
    o.put("method", method);
    o.put("components", components);
    o.put("rows", rows);
    o.put("columns", columns);
    o.putAll(figures);
    if (spec != null) o.put("spec", spec);
    return o;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  @SuppressWarnings("unchecked")
  static DecompositionResult of(Map<String, Object> json) {
    Map<String, Object> figures = new LinkedHashMap<>(json);
    FIELDS.forEach(figures::remove);
    return new DecompositionResult(text(json.get("input")), text(json.get("method")), whole(json.get("components")), whole(json.get("rows")),
        whole(json.get("columns")), figures, json.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }

  private static int whole(Object v) {
    return v instanceof Number n ? n.intValue() : 0;
  }

  /** Writes {@code DIR/decomposition.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code decomposition.json}; a missing or malformed file is one clear error. */
  public static DecompositionResult read(Path file) {
    return Json.read(file, DecompositionResult.class);
  }
}
