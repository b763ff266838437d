package org.spectrolens.nn.evaluate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.io.Json;
import org.spectrolens.judge.result.FaithfulnessResult;

/**
 * The headline figures of a run of studies ({@code demo}'s {@code summary.json}): each study's test
 * accuracy and each map's deletion AUC, and how long each step took. Written and read through this
 * record, so that the demo, the tests and any later reader agree on its keys.
 *
 * @param speech the speech experiments' headlines, by experiment name, in the order run
 * @param monitoring the monitoring scene's headline
 * @param paperResolution the paper-resolution run's model and accuracy; null (and not written) without one
 * @param seconds each step's wall time, s, in the order run
 * @param totalSeconds the whole run's wall time, s
 * @param report the report's path
 */
@JsonPropertyOrder({"speech", "monitoring", "paper-resolution", "seconds", "total_seconds", "report"})
public record StudySummary(Map<String, Headline> speech, Headline monitoring,
    @JsonProperty("paper-resolution") @JsonInclude(JsonInclude.Include.NON_NULL) PaperResolution paperResolution,
    Map<String, Double> seconds, @JsonProperty("total_seconds") double totalSeconds, String report) {
  /** The file's name. */
  public static final String FILE = "summary.json";

  public StudySummary {
    speech = Collections.unmodifiableMap(new LinkedHashMap<>(speech));
    seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
  }

  /**
   * A study's headline figures.
   *
   * @param accuracy test accuracy
   * @param balancedAccuracy mean recall over the classes
   * @param testItems items in the test split
   * @param deletionAucProb each method's deletion AUC (probability), then the reference maps' ({@code random map}, {@code energy map})
   */
  @JsonPropertyOrder({"accuracy", "balanced_accuracy", "test_items", "deletion_auc_prob"})
  public record Headline(double accuracy, @JsonProperty("balanced_accuracy") double balancedAccuracy, @JsonProperty("test_items") int testItems,
      @JsonProperty("deletion_auc_prob") Map<String, Double> deletionAucProb) {
    public Headline {
      deletionAucProb = Collections.unmodifiableMap(new LinkedHashMap<>(deletionAucProb));
    }

    /**
     * The headline of a trained model ({@code MODEL/metrics.json}) and its judging folder
     * ({@code JUDGE/faithfulness/faithfulness.json}; no deletion AUCs without one).
     */
    public static Headline of(Path model, Path judge) {
      Metrics m = Json.read(model.resolve("metrics.json"), Metrics.class);
      Map<String, Double> deletion = new LinkedHashMap<>();
      Path faithfulness = judge.resolve("faithfulness").resolve(FaithfulnessResult.FILE);
      if (Files.isRegularFile(faithfulness)) {
        FaithfulnessResult j = FaithfulnessResult.read(faithfulness);
        j.methods().forEach((name, s) -> deletion.put(name, s.score("deletion_auc_prob")));
        j.baselines().forEach((name, s) -> deletion.put(name + " map", s.score("deletion_auc_prob")));
      }
      return new Headline(m.accuracy(), m.balancedAccuracy(), m.n(), deletion);
    }
  }

  /**
   * The paper-resolution run: its network and test accuracy.
   *
   * @param model the network's architecture
   * @param accuracy test accuracy
   */
  @JsonPropertyOrder({"model", "accuracy"})
  public record PaperResolution(String model, double accuracy) {
    /** The run of a trained model folder ({@code MODEL/metrics.json}). */
    public static PaperResolution of(String architecture, Path model) {
      return new PaperResolution(architecture, Json.read(model.resolve("metrics.json"), Metrics.class).accuracy());
    }
  }

  /** The table printed at the end of a run: one line per study, the speech experiments then the monitoring scene. */
  public List<String> table() {
    List<String> out = new ArrayList<>();
    out.add("study                 test accuracy  balanced  items   deletion AUC (prob.; lower = more faithful)");
    Map<String, Headline> rows = new LinkedHashMap<>(speech);
    rows.put("monitoring scene", monitoring);
    rows.forEach((name, h) -> {
      List<String> d = new ArrayList<>();
      h.deletionAucProb().forEach((k, v) -> d.add(String.format(Locale.ROOT, "%s %.3f", k, v)));
      out.add(String.format(Locale.ROOT, "%-20s %12.2f%% %8.2f%% %6d   %s", name, 100 * h.accuracy(), 100 * h.balancedAccuracy(), h.testItems(),
          String.join(", ", d)));
    });
    return out;
  }

  /** Writes {@code DIR/summary.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code summary.json}; a missing or malformed file is one clear error. */
  public static StudySummary read(Path file) {
    return Json.read(file, StudySummary.class);
  }
}
