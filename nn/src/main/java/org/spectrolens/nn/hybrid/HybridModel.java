package org.spectrolens.nn.hybrid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.IoErrors;
import org.spectrolens.io.Json;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.model.TrainedModel;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * A hybrid model folder opened for use: {@code hybrid.json}, the Tribuo classifier and, for
 * embeddings, the network in {@code embedder/}. Predicts dataset splits (as {@link
 * org.spectrolens.nn.evaluate.Evaluator} does for networks) and clips of audio.
 */
public final class HybridModel implements AutoCloseable {
  private final Path dir;
  private final HybridConfig config;
  private final Model<Label> model;
  private final TrainedModel embedder;
  private final String[] names;

  HybridModel(Path dir, HybridConfig config, Model<Label> model, TrainedModel embedder) {
    this.dir = dir;
    this.config = config;
    this.model = model;
    this.embedder = embedder;
    this.names = config.columns().toArray(new String[0]);
  }

  /** True when {@code dir} is a hybrid model folder (holds {@code hybrid.json}). */
  public static boolean isHybrid(Path dir) {
    return dir != null && Files.isRegularFile(dir.resolve(HybridConfig.FILE));
  }

  @SuppressWarnings("unchecked")
  public static HybridModel open(Path dir) {
    Path cfgFile = dir.resolve(HybridConfig.FILE);
    HybridConfig cfg = Json.read(cfgFile, HybridConfig.class);
    if (cfg.format() != HybridConfig.FORMAT) {
      throw new SpectrolensException(cfgFile.toString(), "hybrid model format " + cfg.format() + ", expected " + HybridConfig.FORMAT);
    }
    if (cfg.columns() == null || cfg.mean() == null || cfg.std() == null || cfg.columns().size() != cfg.mean().length
        || cfg.mean().length != cfg.std().length || cfg.classes() == null || cfg.classes().size() < 2) {
      throw new SpectrolensException(cfgFile.toString(), "needs classes and as many columns, means and stds");
    }
    Classifiers.of(cfg.model());
    AudioSummary.features(cfg.features());
    Model<?> m;
    Path weights = dir.resolve(cfg.weights() == null ? HybridConfig.WEIGHTS : cfg.weights());
    try (InputStream in = Files.newInputStream(weights)) {
      m = Model.deserializeFromStream(in);
    } catch (IOException | RuntimeException e) {
      throw new SpectrolensException(weights.toString(), "cannot read the classifier: " + (e instanceof IOException io ? IoErrors.reason(io) : e.getMessage()));
    }
    if (!m.validate(Label.class)) throw new SpectrolensException(weights.toString(), "not a classification model");
    TrainedModel emb = cfg.embedder() == null ? null : TrainedModel.open(dir.resolve(cfg.embedder()));
    return new HybridModel(dir, cfg, (Model<Label>) m, emb);
  }

  public HybridConfig config() {
    return config;
  }

  public Path dir() {
    return dir;
  }

  /** Predictions on {@code split} (test, train or all) of {@code ds}; its labels must be among the model's classes. */
  public Predictions predict(CachedDataset ds, String split) {
    if (!List.of("train", "test", "all").contains(split)) {
      throw SpectrolensException.ofParameter("split", "expected test, train or all, got '" + split + "'");
    }
    List<DatasetItem> items = ds.items(split);
    if (items.isEmpty()) throw new SpectrolensException(ds.dir().toString(), "no items in split '" + split + "'");
    int[] truth = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      truth[i] = config.classes().indexOf(items.get(i).label());
      if (truth[i] < 0) {
        throw new SpectrolensException(ds.dir().toString(), "label '" + items.get(i).label() + "' of item " + items.get(i).id()
            + " is not one of the model's classes " + config.classes());
      }
    }
    double[][] x = FeatureVectors.of(config.choice(dir), embedder, ds, items).values();
    int[] predicted = new int[items.size()];
    double[][] p = new double[items.size()][];
    double loss = 0;
    for (int i = 0; i < items.size(); i++) {
      p[i] = probabilities(x[i]);
      predicted[i] = org.spectrolens.nn.model.TrainedModel.argmax(p[i]);
      loss -= Math.log(Math.max(p[i][truth[i]], 1e-15));
    }
    return new Predictions(config.classes(), items, truth, predicted, p, config.model(), ds.info().id(), split, loss / items.size());
  }

  /** Class probabilities of a clip of audio, featurised as the training items were. */
  public double[] predict(Clip clip) {
    return probabilities(FeatureVectors.of(config.choice(dir), embedder, clip));
  }

  /**
   * Class probabilities (class order of the config) of one raw vector: standardised, then the
   * classifier's scores (softmax for logistic regression, Platt-scaled for the SVM, vote
   * fractions for the forest and k-NN), normalised to sum to 1.
   */
  double[] probabilities(double[] raw) {
    if (raw.length != names.length) {
      throw new SpectrolensException(dir.toString(), raw.length + " feature values, the model was trained on " + names.length);
    }
    Prediction<Label> pred = model.predict(TribuoData.example(names, standardise(raw, config.mean(), config.std()), null));
    double[] p = new double[config.classes().size()];
    double sum = 0;
    for (var e : pred.getOutputScores().entrySet()) {
      int k = config.classes().indexOf(e.getKey());
      if (k >= 0) {
        p[k] = Math.max(0, e.getValue().getScore());
        sum += p[k];
      }
    }
    if (!(sum > 0)) {
      p[config.classes().indexOf(pred.getOutput().getLabel())] = 1;
      return p;
    }
    for (int k = 0; k < p.length; k++) p[k] /= sum;
    return p;
  }

  static double[] standardise(double[] raw, double[] mean, double[] std) {
    double[] z = new double[raw.length];
    for (int j = 0; j < raw.length; j++) z[j] = (raw[j] - mean[j]) / std[j];
    return z;
  }

  @Override
  public void close() {
    if (embedder != null) embedder.close();
  }
}
