package org.spectrolens.nn.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics as scikit-learn defines them: accuracy, balanced accuracy (mean recall
 * over the classes that occur), per-class precision, recall and F1 (0 where undefined, as
 * sklearn's zero_division=0), and the confusion matrix with rows = true class, columns =
 * predicted class, as counts and row-normalised.
 */
public record Metrics(
    List<String> classes, int n, double accuracy,
    @JsonProperty("balanced_accuracy") double balancedAccuracy,
    @JsonProperty("per_class") Map<String, PerClass> perClass,
    @JsonProperty("confusion_matrix") int[][] confusionMatrix,
    @JsonProperty("confusion_matrix_normalized") double[][] confusionMatrixNormalized,
    String model, @JsonProperty("dataset_id") String datasetId, String split, Double loss) {

  /** One class's figures; support = number of true items of the class. */
  public record PerClass(double precision, double recall, double f1, int support) {}

  /** Metrics from true and predicted class indices. */
  public static Metrics of(List<String> classes, int[] truth, int[] predicted, String model, String datasetId, String split,
      Double loss) {
    int k = classes.size();
    int[][] cm = new int[k][k];
    for (int i = 0; i < truth.length; i++) cm[truth[i]][predicted[i]]++;
    int correct = 0;
    for (int c = 0; c < k; c++) correct += cm[c][c];
    Map<String, PerClass> per = new LinkedHashMap<>();
    double recallSum = 0;
    int present = 0;
    double[][] norm = new double[k][k];
    for (int c = 0; c < k; c++) {
      int support = 0;
      int predictedAs = 0;
      for (int j = 0; j < k; j++) {
        support += cm[c][j];
        predictedAs += cm[j][c];
      }
      double precision = predictedAs == 0 ? 0 : (double) cm[c][c] / predictedAs;
      double recall = support == 0 ? 0 : (double) cm[c][c] / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      per.put(classes.get(c), new PerClass(precision, recall, f1, support));
      if (support > 0) {
        recallSum += recall;
        present++;
      }
      for (int j = 0; j < k; j++) norm[c][j] = support == 0 ? 0 : (double) cm[c][j] / support;
    }
    double accuracy = truth.length == 0 ? Double.NaN : (double) correct / truth.length;
    double balanced = present == 0 ? Double.NaN : recallSum / present;
    return new Metrics(List.copyOf(classes), truth.length, accuracy, balanced, per, cm, norm, model, datasetId, split, loss);
  }
}
