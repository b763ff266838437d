package org.spectrolens.explain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every method shares: the profile its parameters default from, the post-processing of raw
 * maps, the masking baseline, the seed of every random step and how many perturbed inputs run per
 * forward pass. A method's own parameters live in its own record (see {@link MethodDefinition}).
 *
 * @param profile whose conventions the defaults follow
 * @param post raw map to [0, 1] map on the input grid
 * @param baseline what masking, occlusion and integration paths replace the input with
 * @param seed seed of every random step (SmoothGrad's noise); each input draws from its own stream
 *     derived from the seed and the input's key, so a batch gives exactly its items' maps
 * @param batchSize masked, noisy or interpolated inputs per forward pass (at least 1)
 */
public record Options(Profile profile, PostProcess post, Baseline baseline, long seed, int batchSize) {
  public Options {
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
  }

  /**
   * Perturbed inputs per forward pass in every profile. It never changes a map, only memory and
   * speed, so the profiles do not copy the libraries' values (pytorch-grad-cam's Score-CAM uses 16);
   * on 2 cores 16 and 64 ran Score-CAM equally fast (scripts/bench/explain_vs_pytorch.sh).
   */
  public static final int BATCH = 64;

  /** spectrolens's defaults. */
  public static Options defaults() {
    return of(Profile.SPECTROLENS);
  }

  /** The shared settings of a profile. */
  public static Options of(Profile p) {
    return switch (p) {
      case SPECTROLENS -> new Options(p, PostProcess.defaults(), Baseline.FLOOR, 0, BATCH);
      case PYTORCH_GRAD_CAM -> new Options(p, new PostProcess(true, PostProcess.Order.RELU_MINMAX_RESIZE_MINMAX, Resize.BILINEAR),
          Baseline.ZERO, 0, BATCH);
      case TF_KERAS_VIS -> new Options(p, new PostProcess(true, PostProcess.Order.RELU_RESIZE_MINMAX, Resize.BILINEAR_CORNERS),
          Baseline.ZERO, 0, BATCH);
    };
  }

  public Options withPost(PostProcess p) {
    return new Options(profile, p, baseline, seed, batchSize);
  }

  public Options withBaseline(Baseline b) {
    return new Options(profile, post, b, seed, batchSize);
  }

  public Options withSeed(long s) {
    return new Options(profile, post, baseline, s, batchSize);
  }

  public Options withBatchSize(int b) {
    return new Options(profile, post, baseline, seed, b);
  }

  /** The shared settings by name, as recorded beside every map. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("compat", profile.id());
    m.put("relu", post.relu());
    m.put("post_order", post.order().id());
    m.put("resize", post.resize().id());
    m.put("baseline", baseline.id());
    m.put("seed", seed);
    m.put("batch_size", batchSize);
    return m;
  }
}
