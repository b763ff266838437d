package org.spectrolens.nn.hybrid;

import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.family.Family;
import org.spectrolens.family.Parameterised;
import org.spectrolens.params.ParameterRecords;

/** The registry of {@link Classifier}s by id, and the {@code hybrid:<id>[:name=value,...]} model names. */
public final class Classifiers {
  /** The prefix of a hybrid model's name in {@code train --model}. */
  public static final String PREFIX = "hybrid:";
  private static final Family<Classifier<?>> FAMILY = new Family<>("classifier", "model",
      List.of(new LogisticRegression(), new SupportVectorMachine(), new RandomForest(), new NearestNeighbours()));

  private Classifiers() {}

  /** The family: every registered classifier, built-in ones first. */
  public static Family<Classifier<?>> family() {
    return FAMILY;
  }

  /** Adds a classifier; its id must be new. */
  public static void register(Classifier<?> c) {
    FAMILY.register(c);
  }

  public static List<String> ids() {
    return FAMILY.ids();
  }

  /** True for a {@code --model} value naming a hybrid model ({@code hybrid:...}). */
  public static boolean isHybrid(String model) {
    return model != null && model.startsWith(PREFIX);
  }

  /**
   * The classifier of {@code hybrid:<id>} (or of a bare id), its hyper-parameters set from
   * {@code :name=value,...} where given ({@code hybrid:knn:k=3}), the defaults otherwise.
   */
  public static Classifier.Configured of(String model) {
    String text = isHybrid(model) ? model.substring(PREFIX.length()) : model;
    String id = ParameterRecords.parseText(text, "model").getKey();
    if (!FAMILY.contains(id)) {
      throw SpectrolensException.ofParameter("model", "unknown classifier '" + id + "' in '" + model + "'; expected one of hybrid:"
          + String.join(", hybrid:", FAMILY.ids()));
    }
    return Parameterised.parse(FAMILY, text, "model");
  }

  /** The classifiers table of {@code docs/hybrid.md}: id, what it computes, parameters with defaults. */
  public static String markdownTable() {
    return FAMILY.markdownTable(List.of("id", "what it computes", "parameters (default)"),
        c -> List.of("`" + c.id() + "`", c.description(), Parameterised.parameterCell(c, c.defaults())));
  }
}
