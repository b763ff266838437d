package org.spectrolens.analyze;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.spectrolens.analyze.Readings.ClassTruth;
import org.spectrolens.analyze.Readings.MethodReading;

/**
 * The acoustic reading of a model's explanation maps over a dataset split ({@code analysis.json}).
 *
 * @param model model name
 * @param dataset the dataset's content id
 * @param task vowels, voicing, ...
 * @param split the split read
 * @param truth synth or tracker
 * @param target label (each item explained for its true class) or predicted
 * @param classes class names in index order
 * @param items items read
 * @param itemsWithoutTruth items whose truth could not be had (no alignment for them)
 * @param accuracy the model's accuracy on these items
 * @param confusion [true][predicted] counts
 * @param confusionNormalized [true][predicted] rates
 * @param bands the uniform bands of the band profiles
 * @param namedBands the named bands
 * @param rowHz centre frequency of each row of the grid (class-mean maps share it)
 * @param columnSeconds mean time of each column from the segment's start, over the items
 * @param classTruth median F0 and F1-F3 per class
 * @param groups items per speaker group (empty without groups)
 * @param methods per method (and the {@code energy} reference): the reading
 * @param options the explanation options
 * @param methodSeconds wall time per method
 * @param seconds wall time of the whole reading
 * @param signalTopHz the lowest source rate's Nyquist frequency where it lies inside the grid: rows
 *     above it are marked in the class-mean maps and left out of band profiles, alignment and
 *     overlap ({@link SourceBand}); null when every row holds signal
 * @param columnStepRange the smallest and largest seconds per column over the items: they differ
 *     where segments of different lengths were resized to the same width (time is then relative
 *     to each segment, and the class-mean maps are drawn on a 0-1 axis)
 * @param notes what a reader must know to read the numbers (rows excluded, ...)
 */
public record AcousticReading(String model, String dataset, String task, String split, String truth, String target,
    List<String> classes, int items, @JsonProperty("items_without_truth") int itemsWithoutTruth, double accuracy,
    int[][] confusion, @JsonProperty("confusion_normalized") double[][] confusionNormalized, List<FrequencyBand> bands,
    @JsonProperty("named_bands") List<FrequencyBand> namedBands, @JsonProperty("row_hz") double[] rowHz,
    @JsonProperty("column_seconds") double[] columnSeconds, @JsonProperty("class_truth") Map<String, ClassTruth> classTruth,
    Map<String, Integer> groups, Map<String, MethodReading> methods, Map<String, Object> options,
    @JsonProperty("method_seconds") Map<String, Double> methodSeconds, double seconds,
    @JsonProperty("signal_top_hz") Double signalTopHz, @JsonProperty("column_step_range") double[] columnStepRange,
    List<String> notes) {
  public AcousticReading {
    notes = notes == null ? List.of() : List.copyOf(notes); // files written before issue 25 have none
  }

  /** True when the items' segments were resized to the grid's width with different seconds per column. */
  public boolean stretched() {
    return columnStepRange != null && columnStepRange.length == 2 && columnStepRange[1] > columnStepRange[0] * (1 + 1e-6);
  }
}
