package org.spectrolens.nn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.spectrolens.dataset.DatasetInfo;

/**
 * A model directory's {@code config.json}: what is needed to rebuild the network, feed it new
 * data exactly as in training, and know where it came from.
 *
 * @param format config format version
 * @param model architecture name
 * @param classes class names in output order
 * @param inputShape [C, H, W] of one network input
 * @param normalization applied to dataset grids before the network: (x - mean) / std, train-set figures
 * @param dataset the training dataset's front end, size and split ({@code dataset.json})
 * @param datasetId the training dataset's id
 * @param split how train, validation and test items were chosen
 * @param seed the training seed
 * @param training the training options
 * @param weights weights file in this directory (safetensors, torchvision names)
 * @param bestEpoch the epoch whose weights were kept (1-based)
 * @param epochsRun epochs trained
 * @param imported where a network trained elsewhere came from ({@code spectrolens import}); null
 *     (and absent from the JSON) for a network spectrolens built, whose architecture is {@code model}
 */
public record ModelConfig(
    int format, String model, List<String> classes,
    @JsonProperty("input_shape") int[] inputShape,
    Normalization normalization, DatasetInfo dataset,
    @JsonProperty("dataset_id") String datasetId, Split split, long seed, TrainConfig training, String weights,
    @JsonProperty("best_epoch") int bestEpoch, @JsonProperty("epochs_run") int epochsRun,
    @JsonInclude(JsonInclude.Include.NON_NULL) Imported imported) {

  public static final int FORMAT = 1;
  public static final String FILE = "config.json";

  /** A model spectrolens trained (nothing imported). */
  public ModelConfig(int format, String model, List<String> classes, int[] inputShape, Normalization normalization,
      DatasetInfo dataset, String datasetId, Split split, long seed, TrainConfig training, String weights, int bestEpoch,
      int epochsRun) {
    this(format, model, classes, inputShape, normalization, dataset, datasetId, split, seed, training, weights, bestEpoch,
        epochsRun, null);
  }

  /**
   * The origin of an imported network, whose file is {@code weights} in the model folder.
   *
   * @param engine torchscript or onnx (also the config's {@code model})
   * @param source the file imported, as given
   * @param sha256 the file's SHA-256, hex
   * @param layer the layer the module exposes for CAM methods ({@code to_<layer>}, {@code from_<layer>}); null for none
   * @param waveform for a network that takes the raw waveform (its front end inside it): the waveform
   *     it takes; the dataset front end is then the STFT its maps are read on. Null (and absent from
   *     the JSON) for a network that takes the front end's grid
   */
  public record Imported(String engine, String source, String sha256, @JsonInclude(JsonInclude.Include.NON_NULL) String layer,
      @JsonInclude(JsonInclude.Include.NON_NULL) Waveform waveform) {
    /** A network that takes the front end's grid. */
    public Imported(String engine, String source, String sha256, String layer) {
      this(engine, source, sha256, layer, null);
    }
  }

  /**
   * The input of a raw-waveform network: {@code samples} samples at the front end's rate, shaped
   * {@code [N, 1, samples]} ({@code channelAxis}, the default) or {@code [N, samples]}.
   */
  public record Waveform(int samples, @JsonProperty("channel_axis") boolean channelAxis) {}

  /**
   * Input normalisation: {@code (x - mean) / std} over every cell of a single-channel input; for a
   * dataset with input channels, channel c uses {@code channelMeans[c]} and {@code channelStds[c]}
   * (train-set figures of that channel; a dB spectrogram, its delta and a [0, 1] frequency position
   * differ in scale by orders of magnitude), and {@code mean}/{@code std} repeat channel 0's.
   *
   * @param channelMeans per-channel means (null, and absent from the JSON, for a single-channel dataset)
   * @param channelStds per-channel standard deviations (likewise)
   */
  public record Normalization(double mean, double std,
      @JsonProperty("channel_means") @JsonInclude(JsonInclude.Include.NON_NULL) double[] channelMeans,
      @JsonProperty("channel_stds") @JsonInclude(JsonInclude.Include.NON_NULL) double[] channelStds) {
    /** One mean and standard deviation for every cell. */
    public Normalization(double mean, double std) {
      this(mean, std, null, null);
    }

    /** The mean of channel c of the dataset's channels (the one mean without per-channel figures). */
    public double mean(int c) {
      return channelMeans == null ? mean : channelMeans[c];
    }

    /** The standard deviation of channel c (the one std without per-channel figures). */
    public double std(int c) {
      return channelStds == null ? std : channelStds[c];
    }
  }

  /**
   * @param method the dataset's split: stratified, speaker or kfold
   * @param train the dataset split trained on ("train")
   * @param test the dataset split evaluated in metrics.json ("test")
   * @param validationFraction fraction of training speakers (or items) held out for validation
   * @param validationBy "speaker" or "item"
   * @param validationIds the held-out speakers (or item ids)
   * @param trainItems items trained on
   * @param validationItems items held out for validation
   * @param testItems items in the test split
   */
  public record Split(
      String method, String train, String test,
      @JsonProperty("validation_fraction") double validationFraction,
      @JsonProperty("validation_by") String validationBy,
      @JsonProperty("validation_ids") List<String> validationIds,
      @JsonProperty("train_items") int trainItems, @JsonProperty("validation_items") int validationItems,
      @JsonProperty("test_items") int testItems) {}
}
