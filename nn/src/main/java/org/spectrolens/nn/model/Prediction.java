package org.spectrolens.nn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A model's prediction for one input, as {@code predict --json} prints it.
 *
 * @param input the input file
 * @param top the most probable class
 * @param classes the model's classes, in output order
 * @param logits the network's outputs; null (and not written) for a hybrid model, which has none
 * @param probabilities the softmax of the logits (a hybrid model's class probabilities), one per class
 */
@JsonPropertyOrder({"input", "top", "classes", "logits", "probabilities"})
public record Prediction(String input, String top, List<String> classes, @JsonInclude(JsonInclude.Include.NON_NULL) float[] logits,
    double[] probabilities) {
  /** The prediction of {@code probabilities} (and {@code logits}, null for none) over {@code classes}. */
  public static Prediction of(String input, List<String> classes, float[] logits, double[] probabilities) {
    return new Prediction(input, classes.get(TrainedModel.argmax(probabilities)), classes, logits, probabilities);
  }
}
