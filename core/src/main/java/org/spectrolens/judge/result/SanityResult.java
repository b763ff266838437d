package org.spectrolens.judge.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sanity.json}: each method's parameter and data randomisation checks (Adebayo et al.
 * 2018) and the random-logit test, and which methods fail.
 *
 * @param methods each method's checks, in the order asked (the energy map last)
 * @param failing the ids of the methods that fail
 * @param options what was judged (threshold, shuffled model, re-initialisation)
 */
public record SanityResult(Map<String, Checks> methods, List<String> failing, JudgeRun options) {
  /** The file's name. */
  public static final String FILE = "sanity.json";

  public SanityResult {
    methods = methods == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    failing = failing == null ? List.of() : List.copyOf(failing);
  }

  /**
   * Mean similarity of maps before and after a change of the model, and on how many items each
   * mean rests (Spearman is undefined for a constant map).
   *
   * @param spearman mean Spearman rank correlation of the absolute maps; NaN when no item has one
   * @param ssim mean SSIM
   * @param items items compared
   * @param spearmanItems items with a Spearman correlation
   */
  @JsonPropertyOrder({"spearman", "ssim", "items", "spearman_items"})
  public record Similarity(Double spearman, Double ssim, Integer items, @JsonProperty("spearman_items") Integer spearmanItems) {}

  /**
   * One randomisation step: the maps after the layers up to {@code layer} are re-initialised.
   *
   * @param layer the last layer re-initialised (cascading) or the one re-initialised (independent)
   * @param spearman see {@link Similarity}
   * @param ssim see {@link Similarity}
   * @param items see {@link Similarity}
   * @param spearmanItems see {@link Similarity}
   */
  @JsonPropertyOrder({"layer", "spearman", "ssim", "items", "spearman_items"})
  public record Step(String layer, Double spearman, Double ssim, Integer items, @JsonProperty("spearman_items") Integer spearmanItems) {
    public static Step of(String layer, Similarity s) {
      return new Step(layer, s.spearman(), s.ssim(), s.items(), s.spearmanItems());
    }
  }

  /**
   * One method's checks.
   *
   * @param cascading top-down cascading randomisation, one step per layer
   * @param independent each layer randomised alone
   * @param randomLogitSsim SSIM between the maps of the predicted and a random other class
   * @param randomLogitPasses whether that SSIM is below the threshold
   * @param dataRandomisation similarity to the shuffled-label model's maps; null (and not written) without one
   * @param verdictOnSsimOnly whether the verdict rests on SSIM alone (no item has a Spearman correlation)
   * @param passes whether every check passes
   * @param failedChecks the checks that fail
   * @param seconds wall time of the checks, s
   */
  @JsonPropertyOrder({"cascading", "independent", "random_logit_ssim", "random_logit_passes", "data_randomisation", "verdict_on_ssim_only",
      "passes", "failed_checks", "seconds"})
  public record Checks(List<Step> cascading, List<Step> independent,
      @JsonProperty("random_logit_ssim") Double randomLogitSsim,
      @JsonProperty("random_logit_passes") Boolean randomLogitPasses,
      @JsonProperty("data_randomisation") @JsonInclude(JsonInclude.Include.NON_NULL) Similarity dataRandomisation,
      @JsonProperty("verdict_on_ssim_only") Boolean verdictOnSsimOnly,
      Boolean passes,
      @JsonProperty("failed_checks") List<String> failedChecks,
      Double seconds) {
    public Checks {
      cascading = cascading == null ? List.of() : List.copyOf(cascading);
      independent = independent == null ? List.of() : List.copyOf(independent);
    }

    /** The last cascading step (every layer randomised); null when there is none. */
    public Step last() {
      return cascading.isEmpty() ? null : cascading.get(cascading.size() - 1);
    }
  }

  /** Writes {@code DIR/sanity.json} (atomically). */
  public void write(Path dir) {
    ResultFiles.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code sanity.json}; a missing or malformed file is one clear error. */
  public static SanityResult read(Path file) {
    return ResultFiles.read(file, SanityResult.class);
  }
}
