package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.dataset.channels.ChannelStack;
import org.spectrolens.io.Finite;
import org.spectrolens.io.Json;

/**
 * A model directory opened for use: {@code config.json}, the network with its weights, and the
 * input preparation used in training (normalisation, channel repetition).
 */
public final class TrainedModel implements AutoCloseable {
  private final Path dir;
  private final ModelConfig config;
  private final Network network;

  private TrainedModel(Path dir, ModelConfig config, Network network) {
    this.dir = dir;
    this.config = config;
    this.network = network;
  }

  public static TrainedModel open(Path dir) {
    ModelConfig config = readConfig(dir);
    if (config.imported() != null) return new TrainedModel(dir, config, ImportedNetworks.open(dir, config));
    Network net = Models.create(config.model(), config.inputShape(), config.classes().size(), config.seed());
    try {
      TorchWeights.load(net, dir.resolve(config.weights()));
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
    return new TrainedModel(dir, config, net);
  }

  /** A model folder's config.json, read and checked ({@link #checkConfig}); no engine needed. */
  public static ModelConfig readConfig(Path dir) {
    Path cfg = dir.resolve(ModelConfig.FILE);
    if (!Files.isRegularFile(cfg)) {
      if (Files.isRegularFile(dir.resolve("hybrid.json"))) { // nn.hybrid's folders: a classic classifier, no network to run
        throw new SpectrolensException(dir.toString(), "a hybrid model (hybrid.json) has no network for this command;"
            + " only train, evaluate and predict take it (its network, if any, is in embedder/)");
      }
      throw new SpectrolensException(dir.toString(), "not a model directory (no config.json; train one with 'spectrolens train')");
    }
    ModelConfig config = Json.read(cfg, ModelConfig.class);
    if (config.format() != ModelConfig.FORMAT) {
      throw new SpectrolensException(cfg.toString(), "model format " + config.format() + ", expected " + ModelConfig.FORMAT);
    }
    if (config.inputShape() == null || config.inputShape().length != 3 || config.classes() == null) {
      throw new SpectrolensException(cfg.toString(), "needs classes and input_shape [C, H, W]");
    }
    checkConfig(cfg.toString(), config);
    return config;
  }

  /**
   * Refuses a config.json that would give wrong numbers or exhaust memory rather than fail: the
   * normalisation statistics must be finite with std > 0 (std 0 divides every input into NaN),
   * the input shape [1 or 3, 1..4096, 1..4096], at least two classes, and the weights a file
   * name inside the model folder.
   */
  static void checkConfig(String name, ModelConfig config) {
    if (config.normalization() == null) throw new SpectrolensException(name, "no 'normalization' {mean, std}");
    Finite.check(name, "normalization.mean", config.normalization().mean());
    Finite.check(name, "normalization.std", config.normalization().std());
    if (!(config.normalization().std() > 0)) {
      throw new SpectrolensException(name, "normalization.std must be positive, found " + config.normalization().std());
    }
    int[] s = config.inputShape();
    int dsChannels = config.dataset() == null ? 1 : config.dataset().check(name + " (dataset)").channelCount();
    if (dsChannels > 1) {
      if (s[0] != dsChannels || s[1] < 1 || s[1] > 4096 || s[2] < 1 || s[2] > 4096) {
        throw new SpectrolensException(name, "input_shape must be [" + dsChannels + " (the dataset's channels), 1..4096, 1..4096], found "
            + java.util.Arrays.toString(s));
      }
      checkChannelFigures(name, config.normalization(), dsChannels, true);
    } else if ((s[0] != 1 && s[0] != 3) || s[1] < 1 || s[1] > 4096 || s[2] < 1 || s[2] > 4096) {
      throw new SpectrolensException(name, "input_shape must be [1 or 3, 1..4096, 1..4096], found " + java.util.Arrays.toString(s));
    } else {
      checkChannelFigures(name, config.normalization(), s[0], false);
    }
    if (config.classes().size() < 2) throw new SpectrolensException(name, "needs at least two classes, found " + config.classes().size());
    if (config.imported() != null) {
      if (!ImportedNetworks.ENGINES.contains(config.model()) || !config.model().equals(config.imported().engine())) {
        throw new SpectrolensException(name, "an imported model's 'model' must be its engine (" + String.join(" or ", ImportedNetworks.ENGINES)
            + "), found '" + config.model() + "'");
      }
      if (config.imported().sha256() == null) throw new SpectrolensException(name, "imported.sha256 is missing");
    } else if (!Models.names().contains(config.model())) {
      throw new SpectrolensException(name, "unknown model '" + config.model() + "'; expected one of " + String.join(", ", Models.names()));
    }
    String w = config.weights();
    if (w == null || w.isEmpty() || w.contains("/") || w.contains("\\") || w.equals("..")) {
      throw new SpectrolensException(name, "'weights' must name a file in the model folder, found '" + w + "'");
    }
  }

  /**
   * Per-channel figures: {@code channels} finite means and positive standard deviations.
   * {@code required} for a dataset's channels; optional for a single grid repeated over the
   * network's channels (a network with an RGB stem trained on {@code (x - mean[c]) / std[c]},
   * ImageNet style).
   */
  private static void checkChannelFigures(String name, ModelConfig.Normalization n, int channels, boolean required) {
    double[] m = n.channelMeans();
    double[] d = n.channelStds();
    if (!required && m == null && d == null) return;
    if (m == null || d == null || m.length != channels || d.length != channels) {
      throw new SpectrolensException(name, "normalization needs channel_means and channel_stds of " + channels + " values (one per input channel)");
    }
    for (int c = 0; c < channels; c++) {
      Finite.check(name, "normalization.channel_means", m[c]);
      Finite.check(name, "normalization.channel_stds", d[c]);
      if (!(d[c] > 0)) throw new SpectrolensException(name, "normalization.channel_stds must be positive, found " + d[c]);
    }
  }

  public Path dir() {
    return dir;
  }

  public ModelConfig config() {
    return config;
  }

  public Network network() {
    return network;
  }

  /** C of the dataset items the model was trained on: 1, or the number of its input channels. */
  public int datasetChannels() {
    return config.dataset() == null ? 1 : config.dataset().channelCount();
  }

  /**
   * The network input [C*H*W] for a dataset-style grid [H][W]: normalised, repeated over C. A
   * model trained on input channels needs them all ({@link #input(float[])}): this refuses it.
   */
  public float[] input(float[][] grid) {
    int[] s = config.inputShape();
    if (datasetChannels() > 1) {
      throw new SpectrolensException(dir == null ? null : dir.toString(), "takes " + datasetChannels() + " input channels "
          + config.dataset().channels() + "; give all of them ([C,H,W]) or the audio, not one [H,W] grid");
    }
    if (grid.length != s[1] || grid[0].length != s[2]) {
      throw new SpectrolensException(null, "grid is " + grid.length + "x" + grid[0].length + ", the model needs " + s[1] + "x" + s[2]);
    }
    float[] flat = new float[s[1] * s[2]];
    for (int y = 0; y < s[1]; y++) System.arraycopy(grid[y], 0, flat, y * s[2], s[2]);
    return input(flat);
  }

  /**
   * The network input [C*H*W] for a dataset item's channels, flat [C_d*H*W] as
   * {@link org.spectrolens.dataset.CachedDataset#loadChannels} gives them: channel c normalised
   * with the training figures of channel c; a single-channel item is repeated over the network's C.
   */
  public float[] input(float[] channels) {
    int[] s = config.inputShape();
    int hw = s[1] * s[2];
    int cd = datasetChannels();
    if (channels.length != cd * hw) {
      throw new SpectrolensException(null, "input of " + channels.length + " values, the model needs " + cd + "x" + s[1] + "x" + s[2]);
    }
    float[] out = new float[s[0] * hw];
    for (int c = 0; c < s[0]; c++) {
      int from = (c < cd ? c : 0) * hw; // a single-channel item is repeated over the network's channels
      float mean = (float) config.normalization().mean(c);
      float std = (float) config.normalization().std(c);
      for (int q = 0; q < hw; q++) out[c * hw + q] = (channels[from + q] - mean) / std;
    }
    return out;
  }

  /**
   * The normalisation {@code (x - mean[c]) / std[c]} of items as a dataset stores them:
   * {@code [2][C]} for the dataset's C channels, or for the network's when a single grid is
   * repeated over them with figures per network channel (then each item becomes C channels).
   */
  public float[][] normalisation() {
    ModelConfig.Normalization n = config.normalization();
    int c = datasetChannels() == 1 && n.channelMeans() != null ? config.inputShape()[0] : datasetChannels();
    float[][] out = new float[2][c];
    for (int i = 0; i < c; i++) {
      out[0][i] = (float) n.mean(i);
      out[1][i] = (float) n.std(i);
    }
    return out;
  }

  /** The network input for the channels of one clip ({@link SpectrogramFeaturiser#featuriseChannels}). */
  public float[] input(ChannelStack stack) {
    int[] s = config.inputShape();
    if (stack.count() != datasetChannels() || stack.grid().rows() != s[1] || stack.grid().columns() != s[2]) {
      throw new SpectrolensException(null, stack.count() + " channels of " + stack.grid().rows() + "x" + stack.grid().columns()
          + ", the model needs " + datasetChannels() + " of " + s[1] + "x" + s[2]);
    }
    return input(stack.flat());
  }

  /**
   * The network input for a clip of audio, featurised exactly as the training dataset's items
   * were (the dataset builder's {@link SpectrogramFeaturiser} with the dataset's front end and
   * channels: resample, pad a clip shorter than a padded chunk to the chunk, spectrogram, crop,
   * resize, channels), then normalised as in training.
   */
  public float[] input(Clip clip) {
    if (config.dataset() == null) throw new SpectrolensException(dir.toString(), "config.json has no dataset front end to featurise audio with");
    return input(new SpectrogramFeaturiser(InputFormat.of(config.dataset())).featuriseChannels(clip));
  }

  /** Logits [n][classes] of n inputs given flat as [n, C, H, W], in inference mode. */
  public float[][] logits(float[] inputs, int n) {
    return logits(network, inputs, n);
  }

  /** Logits of {@code n} flat inputs in inference mode (running batch-norm statistics). */
  public static float[][] logits(Network net, float[] inputs, int n) {
    int[] s = net.inputShape();
    int k = net.numClasses();
    float[][] out = new float[n][k];
    try (NDManager tmp = net.manager().newSubManager()) {
      NDArray x = tmp.create(inputs, new Shape(n, s[0], s[1], s[2]));
      float[] flat = net.forward(x, false).toFloatArray();
      for (int i = 0; i < n; i++) System.arraycopy(flat, i * k, out[i], 0, k);
    }
    return out;
  }

  /** The index of the largest value (the first of ties): the predicted class of a logit or probability vector. */
  public static int argmax(float[] v) {
    return argmax(v, 0, v.length);
  }

  /** The argmax of {@code v[from .. from+length)}, relative to {@code from} (one row of a flat [n, classes] array). */
  public static int argmax(float[] v, int from, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) if (v[from + i] > v[from + best]) best = i;
    return best;
  }

  /** The index of the largest value (the first of ties). */
  public static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
    return best;
  }

  /** Softmax of one logit vector, computed stably in double. */
  public static double[] softmax(float[] logits) {
    double[] v = new double[logits.length];
    for (int i = 0; i < v.length; i++) v[i] = logits[i];
    return softmax(v);
  }

  /** Softmax of one score vector, computed stably (the maximum is subtracted first). */
  public static double[] softmax(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (double d : v) max = Math.max(max, d);
    double[] p = new double[v.length];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      p[i] = Math.exp(v[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < v.length; i++) p[i] /= sum;
    return p;
  }

  @Override
  public void close() {
    network.close();
  }
}
