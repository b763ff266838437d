package org.spectrolens.judge.metric;

import org.spectrolens.judge.LayerStep;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.Similarity;
import org.spectrolens.judge.metric.randomisation.CascadingRandomisation;
import org.spectrolens.judge.metric.randomisation.DataRandomisation;
import org.spectrolens.judge.metric.randomisation.IndependentRandomisation;
import org.spectrolens.judge.metric.randomisation.RandomLogit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spectrolens.nn.model.Network;

/**
 * The sanity checks of one method (Adebayo et al. 2018) and its verdict. A method passes when,
 * with every layer re-initialised (the last cascading step), both the mean Spearman correlation
 * and the mean SSIM of its maps to the trained network's maps are below {@link #THRESHOLD}, and,
 * when a shuffled-label model is given, the same holds for its maps. Spearman is undefined for a
 * constant map; its mean is over the items where it is defined ({@link Similarity.Mean} says how
 * many), and when it is defined on none the verdict rests on SSIM alone
 * ({@link #restsOnSsimOnly}). The random-logit SSIM is
 * reported beside the verdict and has its own flag: for a two-class model the maps of the two
 * logits may legitimately mirror each other.
 *
 * @param cascading cumulative re-initialisation, top layer first
 * @param independent one layer at a time, top layer first
 * @param randomLogitSsim mean SSIM to the map of a random other class
 * @param data similarity to the shuffled-label model's maps, or null
 * @param failures the checks failed, by name (empty when the method passes)
 */
public record Sanity(List<LayerStep> cascading, List<LayerStep> independent, double randomLogitSsim, Similarity.Mean data,
    List<String> failures) {

  /** Similarity (Spearman and SSIM alike) below which a randomised map counts as changed. */
  public static final double THRESHOLD = 0.5;

  /**
   * What {@code sanity.json}'s options record about the checks: the threshold, the shuffled-label
   * model (null for none) and how a layer is re-initialised.
   */
  public static Map<String, Object> settings(String shuffledModel) {
    Map<String, Object> o = new java.util.LinkedHashMap<>();
    o.put("threshold", THRESHOLD);
    o.put("shuffled_model", shuffledModel);
    o.put("reinitialisation", "fresh initialisation of the architecture from seed + 1000003 (parameters and batch-norm statistics)");
    return o;
  }

  public boolean passes() {
    return failures.isEmpty();
  }

  /** True when the maps count as changed: Spearman (where defined on some item) and SSIM below the threshold. */
  public static boolean changed(Similarity.Mean m) {
    return (m.spearmanItems() == 0 || m.spearman() < THRESHOLD) && m.ssim() < THRESHOLD;
  }

  /** True when the last cascading step's Spearman is undefined on every item, so the verdict rests on SSIM alone. */
  public boolean restsOnSsimOnly() {
    return !cascading.isEmpty() && cascading.get(cascading.size() - 1).similarity().spearmanItems() == 0;
  }

  public boolean randomLogitPasses() {
    return randomLogitSsim < THRESHOLD;
  }

  /** These checks as written in {@code sanity.json}, with the {@code seconds} they took. */
  public org.spectrolens.judge.result.SanityResult.Checks result(double seconds) {
    return new org.spectrolens.judge.result.SanityResult.Checks(steps(cascading), steps(independent), randomLogitSsim, randomLogitPasses(),
        data == null ? null : data.result(), restsOnSsimOnly(), passes(), failures, seconds);
  }

  private static List<org.spectrolens.judge.result.SanityResult.Step> steps(List<LayerStep> steps) {
    List<org.spectrolens.judge.result.SanityResult.Step> out = new ArrayList<>();
    for (LayerStep s : steps) out.add(org.spectrolens.judge.result.SanityResult.Step.of(s.layer(), s.similarity().result()));
    return out;
  }

  /**
   * Runs every check for one method.
   *
   * @param shuffled a model of the same architecture trained on shuffled labels, or null
   */
  public static Sanity check(Network net, MapMaker maker, float[] inputs, int n, int[] targets, Network shuffled, long seed) {
    float[][] trained = maker.maps(net, inputs, n, targets);
    List<LayerStep> cascading = ((CascadingRandomisation) MetricRegistry.of("cascading")).run(net, maker, inputs, n, targets, trained, seed);
    List<LayerStep> independent = ((IndependentRandomisation) MetricRegistry.of("independent")).run(net, maker, inputs, n, targets, trained, seed);
    double logit = ((RandomLogit) MetricRegistry.of("random_logit_ssim")).run(net, maker, inputs, n, targets, trained, seed);
    Similarity.Mean data = shuffled == null ? null
        : ((DataRandomisation) MetricRegistry.of("data_randomisation")).run(shuffled, maker, inputs, n, targets, trained);
    List<String> failures = new ArrayList<>();
    LayerStep last = cascading.isEmpty() ? null : cascading.get(cascading.size() - 1);
    if (last != null && !changed(last.similarity())) failures.add("cascading");
    if (data != null && !changed(data)) failures.add("data_randomisation");
    return new Sanity(cascading, independent, logit, data, failures);
  }
}
