package org.spectrolens.nn.hybrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/** The registry of {@link Classifier}s by id, and the {@code hybrid:<id>} model names. */
public final class Classifiers {
  /** The prefix of a hybrid model's name in {@code train --model}. */
  public static final String PREFIX = "hybrid:";
  private static final Map<String, Classifier> ALL = new LinkedHashMap<>();

  static {
    for (Classifier c : List.of(new LogisticRegression(), new SupportVectorMachine(), new RandomForest(), new NearestNeighbours())) {
      ALL.put(c.id(), c);
    }
  }

  private Classifiers() {}

  public static List<String> ids() {
    return List.copyOf(ALL.keySet());
  }

  /** True for a {@code --model} value naming a hybrid model ({@code hybrid:...}). */
  public static boolean isHybrid(String model) {
    return model != null && model.startsWith(PREFIX);
  }

  /** The classifier of {@code hybrid:<id>} (or of a bare id). */
  public static Classifier of(String model) {
    String id = isHybrid(model) ? model.substring(PREFIX.length()) : model;
    Classifier c = ALL.get(id);
    if (c == null) {
      throw SpectrolensException.ofParameter("model", "unknown classifier '" + id + "' in '" + model + "'; expected one of hybrid:"
          + String.join(", hybrid:", ALL.keySet()));
    }
    return c;
  }
}
