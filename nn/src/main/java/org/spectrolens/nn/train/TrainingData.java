package org.spectrolens.nn.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.data.Examples;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainConfig;

/**
 * A run's inputs in memory: the training split less a validation hold-out, normalised by the
 * trained-on items' figures (one mean and std per input channel, since a dB spectrogram, a delta
 * and a [0, 1] position differ in scale), and the held-out items normalised alike.
 *
 * @param fit the items trained on
 * @param validation the held-out items, or null when none are held out
 * @param split which items were held out
 * @param mean normalisation mean per dataset channel (one figure for a single-channel dataset)
 * @param std normalisation standard deviation per dataset channel, likewise
 */
public record TrainingData(Examples fit, Examples validation, ValidationSplit split, float[] mean, float[] std) {
  /** Loads {@code ds}'s train split as {@code cfg} asks (hold-out fraction, seed, shuffled labels). */
  public static TrainingData load(CachedDataset ds, TrainConfig cfg) {
    List<DatasetItem> train = ds.items("train");
    if (train.isEmpty()) throw new SpectrolensException(ds.dir().toString(), "no items in the train split");
    ValidationSplit vs = ValidationSplit.of(train, cfg.validationFraction(), cfg.seed());
    ToIntFunction<DatasetItem> label = cfg.shuffleLabels() ? shuffledLabels(ds, train, cfg.seed()) : ds::labelIndex;
    Examples fit = Examples.load(ds, vs.fit(), label, 0f, 1f);
    float[][] ms = ds.info().channelCount() > 1 ? fit.channelMeanStd() : new float[][] {{fit.meanStd()[0]}, {fit.meanStd()[1]}};
    fit.normalise(ms[0], ms[1]);
    Examples val = vs.validation().isEmpty() ? null : Examples.load(ds, vs.validation(), label, ms[0], ms[1]);
    return new TrainingData(fit, val, vs, ms[0], ms[1]);
  }

  /** The recorded normalisation: one figure pair, or per-channel figures (channel 0's repeated as the pair). */
  public ModelConfig.Normalization normalization() {
    if (mean.length == 1) return new ModelConfig.Normalization(mean[0], std[0]);
    double[] m = new double[mean.length];
    double[] d = new double[mean.length];
    for (int c = 0; c < m.length; c++) {
      m[c] = mean[c];
      d[c] = std[c];
    }
    return new ModelConfig.Normalization(m[0], d[0], m, d);
  }

  /** The training split's labels randomly permuted among its items (seeded), for {@code shuffleLabels}. */
  static ToIntFunction<DatasetItem> shuffledLabels(CachedDataset ds, List<DatasetItem> train, long seed) {
    int[] labels = new int[train.size()];
    for (int i = 0; i < labels.length; i++) labels[i] = ds.labelIndex(train.get(i));
    SplittableRandom r = new SplittableRandom(Examples.mix(seed, -3, -4));
    for (int i = labels.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < labels.length; i++) byId.put(train.get(i).id(), labels[i]);
    return item -> byId.get(item.id());
  }
}
