package org.spectrolens.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;

/**
 * Reads {@code evaluate --by}'s {@code predictions.csv} ({@code id,label,predicted,p_<class>...},
 * as {@code nn.evaluate.Predictions.csv} writes it) into per-item predictions, the probabilities in
 * the dataset's class order.
 */
final class PredictionTable {
  private PredictionTable() {}

  static Map<String, ExplorerRun.Prediction> read(Path file, List<String> classes) {
    List<String> lines;
    try {
      lines = Csv.readLines(file);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    Map<String, ExplorerRun.Prediction> out = new LinkedHashMap<>();
    if (lines.isEmpty()) return out;
    List<String> header = Csv.split(lines.get(0));
    if (header.size() < 3 || !header.subList(0, 3).equals(List.of("id", "label", "predicted"))) {
      throw new SpectrolensException(file.toString(), "line 1: expected a header starting 'id,label,predicted'");
    }
    int[] column = new int[classes.size()];
    for (int k = 0; k < classes.size(); k++) column[k] = header.indexOf("p_" + classes.get(k));
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      List<String> c = Csv.split(lines.get(n));
      if (c.size() != header.size()) {
        throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": expected " + header.size() + " fields, found " + c.size());
      }
      double[] p = new double[classes.size()];
      for (int k = 0; k < p.length; k++) {
        try {
          p[k] = column[k] < 0 ? Double.NaN : Double.parseDouble(c.get(column[k]));
        } catch (NumberFormatException e) {
          throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": p_" + classes.get(k) + " is not a number");
        }
      }
      out.put(c.get(0), new ExplorerRun.Prediction(c.get(2), p));
    }
    return out;
  }
}
