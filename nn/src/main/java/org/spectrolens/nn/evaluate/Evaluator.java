package org.spectrolens.nn.evaluate;

import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.data.Examples;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/** Runs a model over a dataset split and computes {@link Metrics}. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Metrics of {@code model} on {@code split} (test, train or all) of {@code ds}, which may be
   * another dataset than the training one (other speakers) as long as it featurises audio the
   * same way and its labels are among the model's classes.
   */
  public static Metrics evaluate(TrainedModel model, CachedDataset ds, String split) {
    return predict(model, ds, split).metrics();
  }

  /**
   * Per-item predictions of {@code model} on {@code split} of {@code ds} (checked as {@link
   * #evaluate}): the items in split order with their true and predicted classes and class
   * probabilities.
   */
  public static Predictions predict(TrainedModel model, CachedDataset ds, String split) {
    requireSameFrontEnd(model, ds);
    if (!List.of("train", "test", "all").contains(split)) {
      throw SpectrolensException.ofParameter("split", "expected test, train or all, got '" + split + "'");
    }
    return predict(model, ds, split, ds.items(split));
  }

  /** Refuses a dataset whose items were featurised otherwise than the model's training data (front end, crop, size). */
  public static void requireSameFrontEnd(TrainedModel model, CachedDataset ds) {
    ModelConfig cfg = model.config();
    if (cfg.dataset() != null && !cfg.dataset().sameFrontEnd(ds.info())) {
      throw new SpectrolensException(ds.dir().toString(), "front end differs from the model's (" + describe(ds.info())
          + " vs the model's " + describe(cfg.dataset()) + "); rebuild the dataset with the model's front end");
    }
  }

  /**
   * Predictions on chosen items of {@code ds} (e.g. a sample of a split), in their order;
   * {@code split} only labels the result.
   */
  public static Predictions predict(TrainedModel model, CachedDataset ds, String split, List<DatasetItem> items) {
    ModelConfig cfg = model.config();
    if (items.isEmpty()) throw new SpectrolensException(ds.dir().toString(), "no items in split '" + split + "'");
    List<String> classes = cfg.classes();
    Examples ex = Examples.load(ds, items, item -> {
      int k = classes.indexOf(item.label());
      if (k < 0) {
        throw new SpectrolensException(ds.dir().toString(), "label '" + item.label() + "' of item " + item.id()
            + " is not one of the model's classes " + classes);
      }
      return k;
    }, model.normalisation()[0], model.normalisation()[1]);
    Result r = run(model.network(), ex, 64);
    return new Predictions(classes, items, r.truth(), r.predicted(), r.probabilities(), cfg.model(), ds.info().id(), split,
        r.loss());
  }

  /**
   * Predictions of a network over examples, with the mean cross-entropy.
   *
   * @param probabilities [item][class] softmax of the logits
   */
  public record Result(int[] truth, int[] predicted, double[][] probabilities, double loss, double accuracy) {}

  public static Result run(Network net, Examples ex, int batch) {
    int n = ex.size();
    int[] truth = new int[n];
    int[] predicted = new int[n];
    double[][] probabilities = new double[n][];
    double loss = 0;
    int correct = 0;
    int channels = net.inputShape()[0];
    for (int from = 0; from < n; from += batch) {
      int[] idx = new int[Math.min(batch, n - from)];
      for (int i = 0; i < idx.length; i++) idx[i] = from + i;
      float[][] logits = TrainedModel.logits(net, ex.batch(idx, channels, null, 0, 0), idx.length);
      for (int i = 0; i < idx.length; i++) {
        int t = ex.label(idx[i]);
        int p = TrainedModel.argmax(logits[i]);
        truth[idx[i]] = t;
        predicted[idx[i]] = p;
        probabilities[idx[i]] = TrainedModel.softmax(logits[i]);
        loss += crossEntropy(logits[i], t);
        if (p == t) correct++;
      }
    }
    return new Result(truth, predicted, probabilities, n == 0 ? Double.NaN : loss / n, n == 0 ? Double.NaN : (double) correct / n);
  }

  /** -log softmax(logits)[target], via log-sum-exp. */
  static double crossEntropy(float[] logits, int target) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) max = Math.max(max, v);
    double sum = 0;
    for (float v : logits) sum += Math.exp(v - max);
    return Math.log(sum) + max - logits[target];
  }

  private static String describe(org.spectrolens.dataset.DatasetInfo i) {
    return i.spec().kind() + " n_fft " + i.spec().nFft() + " hop " + i.spec().hop() + " " + i.height() + "x" + i.width()
        + " crop " + i.cropMinHz() + "-" + i.cropMaxHz() + " Hz" + (i.channels().isEmpty() ? "" : " channels " + String.join(",", i.channels()));
  }
}
