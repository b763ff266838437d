package org.spectrolens.explain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every choice an explainer makes where the published definitions or the reference libraries
 * leave room, with spectrolens's defaults ({@link #defaults()}) and the two compatibility
 * profiles ({@link #compat(Compat)}). {@link #describe()} records them beside every map.
 *
 * @param compat the profile these options started from
 * @param post post-processing of raw maps
 * @param alpha Grad-CAM++'s alpha normalisation
 * @param scoreWeighting Score-CAM's channel weights
 * @param maskResize upsampling of Score-CAM's masks
 * @param maskEps epsilon of the masks' min-max
 * @param skipConstantChannels Score-CAM: a channel with max == min gets weight 0 (the authors' code) instead of a mask of zeros
 * @param fasterChannels Faster Score-CAM: channels kept (tf-keras-vis {@code max_N}; the thesis used 10)
 * @param fasterSelection Faster Score-CAM: top channels per sample or their union over the batch
 * @param baseline what masking and occlusion replace the input with
 * @param seed seed of every random step
 * @param smoothSamples SmoothGrad's noisy samples
 * @param smoothNoise SmoothGrad's sigma as a fraction of each input's value range
 * @param igSteps Integrated Gradients' Riemann steps (midpoint rule)
 * @param occlusion Occlusion's window and stride
 * @param batchSize masked or perturbed inputs per forward pass
 * @param eigenSign Eigen-CAM: flip the projection's sign so its largest-magnitude value is positive (SVD's sign is arbitrary)
 */
public record Options(
    Compat compat, PostProcess post, Alpha alpha, ScoreWeighting scoreWeighting, Resize maskResize, float maskEps,
    boolean skipConstantChannels, int fasterChannels, Selection fasterSelection, Baseline baseline, long seed,
    int smoothSamples, double smoothNoise, int igSteps, OcclusionWindow occlusion, int batchSize, boolean eigenSign) {

  /** Profiles: spectrolens's own defaults, or a reference library's behaviour. */
  public enum Compat {
    NONE("spectrolens"), PYTORCH_GRAD_CAM("pytorch-grad-cam"), TF_KERAS_VIS("tf-keras-vis");

    private final String id;

    Compat(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Compat fromId(String id) {
      for (Compat c : values()) if (c.id.equals(id)) return c;
      throw new org.spectrolens.SpectrolensException("--compat", "unknown profile '" + id + "'; expected pytorch-grad-cam or tf-keras-vis");
    }
  }

  /** Grad-CAM++'s alpha: as in the paper's eq. 19 and pytorch-grad-cam, or normalised per channel. */
  public enum Alpha {
    /** {@code g^2 / (2 g^2 + sum(A) g^3)}, 0 where g = 0 (paper eq. 19; pytorch-grad-cam adds 1e-6). */
    UNNORMALISED("unnormalised"),
    /** divided by its sum over all positions of the channel (tf-keras-vis). */
    NORMALISED("normalised"),
    /** divided by its sum over the positions where relu(g) > 0 (the authors' code). */
    THRESHOLDED("thresholded");

    private final String id;

    Alpha(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Score-CAM's channel weights from the scores of the masked inputs. */
  public enum ScoreWeighting {
    /** the target's class probability (softmax over classes) of each masked input: the authors' code, tf-keras-vis >= 0.7 on a logit model. */
    CLASS_PROBABILITY("class-probability"),
    /** softmax over channels of the target logits: pytorch-grad-cam; also the paper's, whose baseline score cancels in the softmax. */
    CHANNEL_SOFTMAX("channel-softmax"),
    /** softmax over classes of the class probabilities: tf-keras-vis's documented usage on a model that ends in softmax. */
    DOUBLE_SOFTMAX("double-softmax");

    private final String id;

    ScoreWeighting(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Faster Score-CAM's channel selection in a batch. */
  public enum Selection {
    PER_SAMPLE("per-sample"), BATCH_UNION("batch-union");

    private final String id;

    Selection(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * Occlusion's sliding window in input cells, or (when {@code bandHz} / {@code spanSeconds} are
   * positive) in Hz and seconds, converted to cells through the input grid's axes.
   */
  public record OcclusionWindow(int height, int width, int strideY, int strideX, double bandHz, double spanSeconds) {
    public static OcclusionWindow cells(int height, int width, int strideY, int strideX) {
      return new OcclusionWindow(height, width, strideY, strideX, 0, 0);
    }
  }

  public static Options defaults() {
    return compat(Compat.NONE);
  }

  public static Options compat(Compat c) {
    OcclusionWindow occ = OcclusionWindow.cells(16, 16, 8, 8);
    return switch (c) {
      case NONE -> new Options(c, PostProcess.defaults(), Alpha.UNNORMALISED, ScoreWeighting.CLASS_PROBABILITY,
          Resize.BILINEAR, 1e-7f, true, 10, Selection.PER_SAMPLE, Baseline.FLOOR, 0, 20, 0.2, 50, occ, 32, true);
      case PYTORCH_GRAD_CAM -> new Options(c,
          new PostProcess(true, PostProcess.Order.RELU_MINMAX_RESIZE_MINMAX, Resize.BILINEAR),
          Alpha.UNNORMALISED, ScoreWeighting.CHANNEL_SOFTMAX, Resize.BILINEAR_CORNERS, 1e-8f, false, 10,
          Selection.PER_SAMPLE, Baseline.ZERO, 0, 20, 0.2, 50, occ, 16, false);
      case TF_KERAS_VIS -> new Options(c,
          new PostProcess(true, PostProcess.Order.RELU_RESIZE_MINMAX, Resize.BILINEAR_CORNERS),
          Alpha.NORMALISED, ScoreWeighting.CLASS_PROBABILITY, Resize.BILINEAR_CORNERS, 1e-7f, false, 10,
          Selection.BATCH_UNION, Baseline.ZERO, 0, 20, 0.2, 50, occ, 32, false);
    };
  }

  public Options withPost(PostProcess p) {
    return new Options(compat, p, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withAlpha(Alpha a) {
    return new Options(compat, post, a, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withScoreWeighting(ScoreWeighting s) {
    return new Options(compat, post, alpha, s, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withSkipConstantChannels(boolean b) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, b, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withFaster(int channels, Selection s) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, channels, s, baseline, seed, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withBaseline(Baseline b) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, b, seed, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withSeed(long s) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, s, smoothSamples, smoothNoise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withSmoothGrad(int samples, double noise) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, samples, noise, igSteps, occlusion, batchSize, eigenSign);
  }

  public Options withIgSteps(int steps) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, steps, occlusion, batchSize, eigenSign);
  }

  public Options withOcclusion(OcclusionWindow o) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, igSteps, o, batchSize, eigenSign);
  }

  public Options withBatchSize(int b) {
    return new Options(compat, post, alpha, scoreWeighting, maskResize, maskEps, skipConstantChannels, fasterChannels, fasterSelection, baseline, seed, smoothSamples, smoothNoise, igSteps, occlusion, b, eigenSign);
  }

  /** The options that matter to {@code method}, by name, for the record kept beside its maps. */
  public Map<String, Object> describe(String method) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("compat", compat.id());
    m.put("relu", post.relu());
    m.put("post_order", post.order().id());
    m.put("resize", post.resize().id());
    switch (method) {
      case "gradcam++" -> m.put("alpha", alpha.id());
      case "scorecam", "faster-scorecam" -> {
        m.put("weighting", scoreWeighting.id());
        m.put("mask_resize", maskResize.id());
        m.put("mask_eps", maskEps);
        m.put("skip_constant_channels", skipConstantChannels);
        m.put("baseline", baseline.id());
        m.put("batch_size", batchSize);
        if (method.equals("faster-scorecam")) {
          m.put("channels", fasterChannels);
          m.put("selection", fasterSelection.id());
        }
      }
      case "smoothgrad" -> {
        m.put("samples", smoothSamples);
        m.put("noise", smoothNoise);
        m.put("seed", seed);
      }
      case "integrated-gradients" -> {
        m.put("steps", igSteps);
        m.put("baseline", baseline.id());
      }
      case "occlusion" -> {
        m.put("window", occlusion);
        m.put("baseline", baseline.id());
        m.put("batch_size", batchSize);
      }
      case "ablationcam" -> m.put("batch_size", batchSize);
      case "eigencam" -> m.put("sign_fixed", eigenSign);
      default -> { }
    }
    return m;
  }
}
