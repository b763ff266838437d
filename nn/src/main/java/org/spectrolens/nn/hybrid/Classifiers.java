package org.spectrolens.nn.hybrid;

import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.family.Family;

/** The registry of {@link Classifier}s by id, and the {@code hybrid:<id>} model names. */
public final class Classifiers {
  /** The prefix of a hybrid model's name in {@code train --model}. */
  public static final String PREFIX = "hybrid:";
  private static final Family<Classifier> FAMILY = new Family<>("classifier", "model",
      List.of(new LogisticRegression(), new SupportVectorMachine(), new RandomForest(), new NearestNeighbours()));

  private Classifiers() {}

  /** The family: every registered classifier, built-in ones first. */
  public static Family<Classifier> family() {
    return FAMILY;
  }

  /** Adds a classifier; its id must be new. */
  public static void register(Classifier c) {
    FAMILY.register(c);
  }

  public static List<String> ids() {
    return FAMILY.ids();
  }

  /** True for a {@code --model} value naming a hybrid model ({@code hybrid:...}). */
  public static boolean isHybrid(String model) {
    return model != null && model.startsWith(PREFIX);
  }

  /** The classifier of {@code hybrid:<id>} (or of a bare id). */
  public static Classifier of(String model) {
    String id = isHybrid(model) ? model.substring(PREFIX.length()) : model;
    if (!FAMILY.contains(id)) {
      throw SpectrolensException.ofParameter("model", "unknown classifier '" + id + "' in '" + model + "'; expected one of hybrid:"
          + String.join(", hybrid:", FAMILY.ids()));
    }
    return FAMILY.get(id);
  }
}
