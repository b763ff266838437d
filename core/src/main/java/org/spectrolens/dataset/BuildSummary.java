package org.spectrolens.dataset;

import java.util.List;
import java.util.Map;

/**
 * What a dataset build made and left out; written as {@code summary.json}.
 *
 * @param id the dataset's content id
 * @param task the task
 * @param split the split mode (stratified, speaker, kfold, speaker-kfold)
 * @param classes class names in index order
 * @param counts items per class and split: {class: {train: n, test: n}}
 * @param skipped problems by reason (missing wav, interval outside file, label outside task,
 *     decode error, ...); any of them fails a --strict build
 * @param dropped segments left out by design by reason (silence, other labels, minimum duration,
 *     per-class cap, balancing)
 * @param totals items, train, test, skipped, dropped, speakers
 * @param stress vowels task: the stress filter ({@code setting}: primary or any) and the vowel
 *     tokens read from the alignments by stress digit ({@code "kept primary (1)": n},
 *     {@code "skipped unstressed (0)": n}, ...); empty for other tasks
 * @param sourceRates items per source sample rate in Hz ({@code "8000": 1263}), before resampling
 * @param sampleRate the front end's rate in Hz, every item's rate after resampling
 */
public record BuildSummary(
    String id, String task, String split, List<String> classes, Map<String, Map<String, Integer>> counts,
    Map<String, Integer> skipped, Map<String, Integer> dropped, Map<String, Integer> totals,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    Map<String, Object> stress,
    @com.fasterxml.jackson.annotation.JsonProperty("source_rates") Map<String, Integer> sourceRates,
    @com.fasterxml.jackson.annotation.JsonProperty("sample_rate") int sampleRate) {

  public BuildSummary {
    stress = stress == null ? Map.of() : stress;
    sourceRates = sourceRates == null ? Map.of() : sourceRates;
  }

  /** A summary without stress counts (not a vowel task). */
  public BuildSummary(String id, String task, String split, List<String> classes, Map<String, Map<String, Integer>> counts,
      Map<String, Integer> skipped, Map<String, Integer> dropped, Map<String, Integer> totals) {
    this(id, task, split, classes, counts, skipped, dropped, totals, Map.of(), Map.of(), 0);
  }

  /**
   * One line when items were resampled to the front end's rate, or null: "resampled 1263 items
   * from 8000 Hz to 22050 Hz; rows above 4000 Hz hold no signal of them".
   */
  public String resampled() {
    StringBuilder s = new StringBuilder();
    int lowest = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> e : sourceRates.entrySet()) {
      int rate = Integer.parseInt(e.getKey());
      if (rate == sampleRate || sampleRate <= 0) continue;
      s.append(s.length() == 0 ? "" : ", ").append(e.getValue()).append(" items from ").append(rate).append(" Hz");
      lowest = Math.min(lowest, rate);
    }
    if (s.length() == 0) return null;
    return "resampled " + s + " to " + sampleRate + " Hz" + (lowest < sampleRate
        ? "; rows above " + lowest / 2 + " Hz hold no signal of the " + lowest + " Hz recordings" : "");
  }

  /** A few lines for the terminal. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("dataset %s: %d items (%d train, %d test), task %s, split %s%n", id, totals.get("items"),
        totals.get("train"), totals.get("test"), task, split));
    counts.forEach((cls, bySplit) -> s.append(String.format("  %-10s train %6d  test %6d%n", cls,
        bySplit.getOrDefault("train", 0), bySplit.getOrDefault("test", 0))));
    if (!skipped.isEmpty()) s.append("  skipped: ").append(skipped).append(System.lineSeparator());
    if (!dropped.isEmpty()) s.append("  dropped: ").append(dropped).append(System.lineSeparator());
    String resampled = resampled();
    if (resampled != null) s.append("  ").append(resampled).append(System.lineSeparator());
    if (!stress.isEmpty()) s.append("  vowel tokens by stress (").append(stress.get("setting")).append(" kept): ")
        .append(stress.get("tokens")).append(System.lineSeparator());
    return s.toString();
  }
}
