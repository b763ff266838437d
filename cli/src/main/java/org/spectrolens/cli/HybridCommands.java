package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.hybrid.FeatureChoice;
import org.spectrolens.nn.hybrid.HybridTrainer;

/** The hybrid-model paths of {@code train} and {@code predict} (classic classifiers on features or embeddings). */
final class HybridCommands {
  private HybridCommands() {}

  static int train(Path data, String model, FeatureChoice features, long seed, Path out, boolean force) {
    CachedDataset ds = CachedDataset.open(data);
    HybridTrainer.Outcome o = HybridTrainer.train(ds, model, features, seed, out, force);
    HybridTrainer.Timing t = o.timing();
    System.out.printf(Locale.ROOT, "trained %s on %s (%s, %d values per item): %.2f s of features, %.3f s of training on %d items%n",
        model, ds.info().id(), features.text(), o.config().columns().size(), t.featureSeconds(), t.trainSeconds(), t.trainItems());
    Metrics m = o.metrics();
    if (m != null) {
      System.out.printf(Locale.ROOT, "test: accuracy %.4f, balanced accuracy %.4f (n = %d), %.3f s to featurise and predict%n",
          m.accuracy(), m.balancedAccuracy(), m.n(), t.testSeconds());
    }
    System.out.println("model: " + out);
    return 0;
  }

  /** An audio input of {@code predict} for a hybrid model (its features come from the sound, so .npy grids are refused). */
  static Clip clip(Path in, Double start, Double end) {
    if (in.getFileName() != null && in.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
      throw new SpectrolensException(in.toString(), "a hybrid model takes audio (its features are computed from the sound), not a .npy grid");
    }
    if (!Files.isRegularFile(in)) throw new SpectrolensException(in.toString(), Files.exists(in) ? "not a file" : "no such file");
    return AudioFile.read(in, start == null ? 0 : start, end == null ? Double.POSITIVE_INFINITY : end);
  }
}
