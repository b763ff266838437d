package org.spectrolens.nn.hybrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.IoErrors;
import org.spectrolens.io.Json;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.embed.Embeddings;
import org.spectrolens.nn.evaluate.Charts;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Trains a hybrid model: a classic {@link Classifier} on standardised {@link FeatureVectors} of a
 * dataset's train split, evaluated on its test split (the same speaker-independent or stratified
 * split the networks use). Writes, atomically (an {@link OutputFolder}), {@code hybrid.json},
 * {@code model.tribuo} (Tribuo's protobuf format), {@code metrics.json} and {@code confusion.png}
 * (test split), {@code timing.json}, and for embeddings a copy of the network in {@code embedder/}
 * so the folder stands alone.
 */
public final class HybridTrainer {
  /** The command recorded in the folder's marker: the same as the networks', so either may replace the other. */
  public static final String COMMAND = "train";

  /** Tribuo reports every SGD epoch and forest member at INFO on stderr; keep its warnings only (a held reference: JUL loggers are weak). */
  private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

  static {
    TRIBUO.setLevel(java.util.logging.Level.WARNING);
  }

  private HybridTrainer() {}

  /**
   * @param trainSeconds fitting the classifier (features excluded)
   * @param featureSeconds computing the train items' vectors (audio features and embeddings)
   * @param testSeconds featurising and predicting the test items
   * @param testItems items in the test split
   */
  public record Timing(double featureSeconds, double trainSeconds, double testSeconds, int trainItems, int testItems) {}

  public record Outcome(HybridConfig config, Metrics metrics, Timing timing) {}

  public static Outcome train(CachedDataset ds, String modelName, FeatureChoice choice, long seed, Path out, boolean force) {
    Classifier.Configured classifier = Classifiers.of(modelName);
    List<DatasetItem> train = ds.items("train");
    if (train.isEmpty()) throw new SpectrolensException(ds.dir().toString(), "no items in the train split");
    Path[] inputs = choice.embeddingModel() == null ? new Path[] {ds.dir()} : new Path[] {ds.dir(), choice.embeddingModel()};
    TrainedModel embedder = choice.embeddingModel() == null ? null : TrainedModel.open(choice.embeddingModel());
    try {
      if (embedder != null) Embeddings.requireMatching(embedder, ds); // before any output
    } catch (RuntimeException e) {
      embedder.close();
      throw e;
    }
    if (Files.exists(out.resolve(ModelConfig.FILE)) || Files.exists(out.resolve(HybridConfig.FILE))) {
      // as a network's training does: a trained model is never replaced by training into its folder
      throw new SpectrolensException(out.toString(), "already holds a model; choose another `out`, or move it away");
    }
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, inputs)) {
      Path dir = folder.dir();
      long t0 = System.nanoTime();
      FeatureVectors fv = FeatureVectors.of(choice, embedder, ds, train);
      double featureSeconds = (System.nanoTime() - t0) / 1e9;
      double[][] stats = meanStd(fv.values());
      double[][] z = new double[fv.values().length][];
      for (int i = 0; i < z.length; i++) z[i] = HybridModel.standardise(fv.values()[i], stats[0], stats[1]);
      String[] names = fv.columns().toArray(new String[0]);
      long t1 = System.nanoTime();
      Model<Label> model = classifier.trainer(names.length, seed)
          .train(TribuoData.dataset(ds.info().id(), names, z, train.stream().map(DatasetItem::label).toList()));
      double trainSeconds = (System.nanoTime() - t1) / 1e9;
      String embedderDir = null;
      String layer = null;
      if (embedder != null) {
        embedderDir = HybridConfig.EMBEDDER;
        layer = Embeddings.layer(embedder.network());
        copyModel(choice.embeddingModel(), embedder.config(), dir.resolve(embedderDir));
      }
      HybridConfig cfg = new HybridConfig(HybridConfig.FORMAT, Classifiers.PREFIX + classifier.id(), classifier.describe(),
          choice.audio(), embedderDir, layer, ds.classes(), fv.columns(), stats[0], stats[1], ds.info(), ds.info().id(),
          train.size(), seed, HybridConfig.WEIGHTS);
      AtomicFiles.write(dir.resolve(HybridConfig.WEIGHTS), model::serializeToStream);
      Json.write(dir.resolve(HybridConfig.FILE), cfg);
      Metrics metrics = null;
      double testSeconds = 0;
      int testItems = ds.items("test").size();
      if (testItems > 0) {
        try (HybridModel hm = new HybridModel(dir, cfg, model, embedder == null ? null : TrainedModel.open(dir.resolve(embedderDir)))) {
          long t2 = System.nanoTime();
          Predictions p = hm.predict(ds, "test");
          testSeconds = (System.nanoTime() - t2) / 1e9;
          metrics = p.metrics();
        }
        Json.write(dir.resolve("metrics.json"), metrics);
        Charts.confusion(dir.resolve("confusion.png"), metrics);
      }
      Timing timing = new Timing(featureSeconds, trainSeconds, testSeconds, train.size(), testItems);
      Json.write(dir.resolve("timing.json"), timing);
      folder.commit();
      return new Outcome(cfg, metrics, timing);
    } finally {
      if (embedder != null) embedder.close();
    }
  }

  /** Column means and population standard deviations (1 where a column is constant). */
  static double[][] meanStd(double[][] x) {
    int d = x[0].length;
    double[] mean = new double[d];
    double[] std = new double[d];
    for (double[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j];
    for (int j = 0; j < d; j++) mean[j] /= x.length;
    for (double[] r : x) for (int j = 0; j < d; j++) std[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / x.length);
      if (!(std[j] > 1e-12)) std[j] = 1;
    }
    return new double[][] {mean, std};
  }

  /** Copies a network's config.json and weights (all a model needs to open) into {@code to}. */
  private static void copyModel(Path from, ModelConfig cfg, Path to) {
    try {
      org.spectrolens.io.OutputFolder.recordWrite(to.resolve(ModelConfig.FILE));
      Files.createDirectories(to);
      Files.copy(from.resolve(ModelConfig.FILE), to.resolve(ModelConfig.FILE));
      Files.copy(from.resolve(cfg.weights()), to.resolve(cfg.weights()));
    } catch (IOException e) {
      throw new SpectrolensException(from.toString(), "cannot copy the embedding model: " + IoErrors.reason(e));
    }
  }
}
