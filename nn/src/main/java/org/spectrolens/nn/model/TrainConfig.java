package org.spectrolens.nn.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

/**
 * Training options. Defaults are the seed paper's (Adam, lr 1e-4, batch 32) with early stopping.
 * They live beside {@link ModelConfig} because every model's {@code config.json} records them (the
 * training package uses them, the model package must not depend on training).
 *
 * @param model architecture: smallcnn, resnet18, resnet34, resnet50, resnet101
 * @param epochs most epochs to run
 * @param batch batch size
 * @param lr initial learning rate
 * @param weightDecay L2 weight decay (PyTorch Adam's weight_decay)
 * @param schedule learning-rate schedule: constant, cosine (to 0 over the epochs) or step
 * @param stepEpochs step schedule: epochs between decays
 * @param gamma step schedule: factor per decay
 * @param augment time/frequency masking and small time shifts (see {@link org.spectrolens.nn.data.Augment})
 * @param vtlp vocal-tract-length perturbation: largest |alpha - 1| of the per-item frequency warp
 *     (0 = none; see {@link org.spectrolens.nn.data.VocalTractWarp})
 * @param eq random equalisation: largest gain either way (dB) of a smooth per-item curve over the
 *     rows (0 = none; see {@link org.spectrolens.nn.data.RandomEqualisation})
 * @param gain random gain: largest level change either way (dB) of a per-item gain (0 = none; see
 *     {@link org.spectrolens.nn.data.RandomGain})
 * @param noiseSnr noise mixing: the lowest of the per-item SNRs (dB), drawn up to 30 dB above it
 *     (null = none; see {@link org.spectrolens.nn.data.NoiseMixing})
 * @param patience early stopping: epochs without a better validation loss before stopping (0 = never)
 * @param validationFraction fraction of training speakers (or items) held out for validation
 * @param seed seeds initialisation, validation split, shuffling and augmentation
 * @param channels input channels (1, or 3 with the grid repeated, e.g. for RGB-pretrained weights)
 * @param pretrained safetensors with ImageNet weights in torchvision's names, or null
 * @param freeze keep the convolutional layers fixed (train the classifier only)
 * @param threads engine threads (0 = all cores)
 * @param shuffleLabels train on the training split's labels randomly permuted (seeded): the model of
 *     Adebayo et al.'s data-randomisation test, which can only memorise
 */
public record TrainConfig(
    String model,
    @Param(value = "most epochs", min = 1, max = 100_000) int epochs,
    @Param(value = "batch size (batch norm needs two items)", min = 2, max = 65_536) int batch,
    @Param(value = "Adam learning rate", min = 0, minOpen = true, max = 10) double lr,
    @Param(value = "L2 weight decay", min = 0, max = 1) @JsonProperty("weight_decay") double weightDecay,
    String schedule,
    @Param(value = "step schedule: epochs per decay", min = 1, max = 100_000) @JsonProperty("step_epochs") int stepEpochs,
    @Param(value = "step schedule: decay factor", min = 0, minOpen = true, max = 1) double gamma,
    boolean augment,
    @Param(value = "vocal-tract-length perturbation: largest warp |alpha - 1|", min = 0, max = 0.4) double vtlp,
    @Param(value = "random equalisation: largest gain either way (dB)", min = 0, max = 24) double eq,
    @Param(value = "random gain: largest level change either way (dB)", min = 0, max = 40) double gain,
    @Param(value = "noise mixing: lowest SNR (dB)", min = -20, max = 60)
        @JsonProperty("noise_snr") @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Double noiseSnr,
    @Param(value = "epochs without a lower validation loss before stopping (0 = never)", min = 0, max = 100_000) int patience,
    @Param(value = "fraction held out for validation (0 = none)", min = 0, max = 1, maxOpen = true)
        @JsonProperty("validation_fraction") double validationFraction,
    long seed,
    @Param(value = "input channels, 1 or 3", min = 1, max = 3) int channels,
    String pretrained, boolean freeze, int threads, @JsonProperty("shuffle_labels") boolean shuffleLabels) {

  /** The learning-rate schedules {@link #lrAt} knows. */
  public static final List<String> SCHEDULES = List.of("constant", "cosine", "step");

  /**
   * Refuses options training cannot use, naming the parameter: each number in its {@link Param}
   * range and finite, channels 1 or 3, a known schedule.
   *
   * @return this config
   */
  public TrainConfig check() {
    Params.check(this);
    double[] reals = {lr, weightDecay, gamma, validationFraction, vtlp, eq, gain, noiseSnr == null ? 0 : noiseSnr};
    String[] names = {"lr", "weight_decay", "gamma", "validation_fraction", "vtlp", "eq", "gain", "noise_snr"};
    for (int i = 0; i < reals.length; i++) {
      if (Double.isNaN(reals[i])) throw SpectrolensException.ofParameter(names[i], "must be a number, found NaN");
    }
    if (channels == 2) throw SpectrolensException.ofParameter("channels", "must be 1 or 3, found 2");
    if (!SCHEDULES.contains(schedule)) {
      throw SpectrolensException.ofParameter("schedule", "unknown schedule '" + schedule + "'; expected constant, cosine or step");
    }
    return this;
  }

  /**
   * Default epochs: CPU-practical rather than the paper's 20. smallcnn on the built-in vowel
   * dataset at 64x64 reaches 99.3% test accuracy in 3 epochs (about 7 minutes on 2 busy cores);
   * 20 epochs (with early stopping) is the paper's setting.
   */
  public static final int DEFAULT_EPOCHS = 3;

  public static TrainConfig defaults(String model) {
    return new TrainConfig(model, DEFAULT_EPOCHS, 32, 1e-4, 0, "constant", 10, 0.1, false, 0, 0, 0, null, 5, 0.1, 1, 1, null, false, 0, false);
  }

  /** The learning rate of epoch {@code e} (0-based). */
  public double lrAt(int e) {
    return switch (schedule) {
      case "constant" -> lr;
      case "cosine" -> lr * 0.5 * (1 + Math.cos(Math.PI * e / Math.max(1, epochs)));
      case "step" -> lr * Math.pow(gamma, e / Math.max(1, stepEpochs));
      default -> throw SpectrolensException.ofParameter("schedule", "unknown schedule '" + schedule
          + "'; expected constant, cosine or step");
    };
  }

  public TrainConfig withEpochs(int n) {
    return new TrainConfig(model, n, batch, lr, weightDecay, schedule, stepEpochs, gamma, augment, vtlp, eq, gain, noiseSnr, patience,
        validationFraction, seed, channels, pretrained, freeze, threads, shuffleLabels);
  }

  public TrainConfig withShuffledLabels(boolean shuffle) {
    return new TrainConfig(model, epochs, batch, lr, weightDecay, schedule, stepEpochs, gamma, augment, vtlp, eq, gain, noiseSnr, patience,
        validationFraction, seed, channels, pretrained, freeze, threads, shuffle);
  }
}
