package org.spectrolens.nn.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.SmallCnn;
import org.spectrolens.nn.model.TorchWeights;
import org.spectrolens.nn.model.TrainConfig;

/**
 * Trains a network on a dataset cache into a model directory: {@code config.json}, {@code
 * model.safetensors} (the best epoch's weights, torchvision names), {@code metrics.json} and
 * {@code confusion.png} (on the test split), {@code train_log.csv}, {@code curves.png}, {@code
 * best.safetensors} and {@code checkpoint.safetensors} (for resuming). A held-out part of the
 * training split (whole speakers where known) drives early stopping and the choice of the best
 * epoch; the test split is never looked at while training.
 *
 * <p>It prepares the data and the network and runs a {@link TrainingLoop} with the listeners that
 * write that folder ({@link EarlyStopping}, {@link CheckpointSaver}, {@link EpochLogWriter},
 * {@link ModelExport}, {@link TestEvaluation}) and {@link DivergenceCheck}, then the caller's.
 */
public final class Trainer {
  /** The command recorded in the model folder's marker. */
  public static final String COMMAND = "train";

  /**
   * What a finished run produced.
   *
   * @param metrics on the test split; null when it has no items
   * @param trainSeconds training time summed over the epochs, those before a resume included
   */
  public record Outcome(ModelConfig config, Metrics metrics, List<EpochLog> log, double trainSeconds) {}

  private Trainer() {}

  /**
   * Trains into the model folder {@code out}, an in-place {@link OutputFolder} (locked, marked
   * {@code train}; a dataset folder, the dataset's own folder or any folder spectrolens did not
   * write is refused, and {@code force} only lets an input's folder be written).
   *
   * @param resume continue the checkpoint in {@code out}; its dataset id and options must match
   * @param listeners called after the run's own (e.g. a progress display)
   */
  public static Outcome train(CachedDataset ds, TrainConfig cfg, Path out, boolean resume, boolean force,
      TrainingListener... listeners) {
    int dsChannels = ds.info().channelCount();
    if (dsChannels > 1 && cfg.channels() != 1 && cfg.channels() != dsChannels) { // before anything is written
      throw SpectrolensException.ofParameter("channels", "repeats a single-channel grid; the dataset has " + dsChannels
          + " input channels " + ds.info().channels() + " of its own");
    }
    try (OutputFolder folder = OutputFolder.inPlace(out, COMMAND, force, ds.dir(),
        cfg.pretrained() == null ? null : Path.of(cfg.pretrained()))) {
      Outcome o = trainInto(ds, cfg, folder.dir(), resume, List.of(listeners));
      folder.commit();
      return o;
    }
  }

  private static Outcome trainInto(CachedDataset ds, TrainConfig cfg, Path out, boolean resume, List<TrainingListener> more) {
    cfg.check();
    Engine engine = Engines.init(cfg.threads());
    engine.setRandomSeed((int) cfg.seed());
    CheckpointSaver.checkStart(out, resume, ds, cfg);
    TrainingData data = TrainingData.load(ds, cfg);
    int dsChannels = ds.info().channelCount();
    int[] shape = {dsChannels > 1 ? dsChannels : cfg.channels(), ds.info().height(), ds.info().width()};
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new SpectrolensException(out.toString(), "cannot create: " + e.getMessage());
    }
    ValidationSplit vs = data.split();
    ModelConfig template = new ModelConfig(ModelConfig.FORMAT, cfg.model(), ds.classes(), shape, data.normalization(), ds.info(),
        ds.info().id(), new ModelConfig.Split(ds.info().split(), "train", "test", cfg.validationFraction(), vs.by(), vs.ids(),
            vs.fit().size(), vs.validation().size(), ds.items("test").size()),
        cfg.seed(), cfg, ModelExport.WEIGHTS, 0, 0);
    EarlyStopping stopping = new EarlyStopping(out, cfg.patience());
    ModelExport export = new ModelExport(out, stopping, template);
    TestEvaluation test = new TestEvaluation(out, ds);
    // order matters: the checkpoint records early stopping's decision; the test evaluation reads the exported model
    List<TrainingListener> listeners = new ArrayList<>(List.of(new DivergenceCheck(), stopping,
        new CheckpointSaver(out, resume, stopping, ds.info().id()), new EpochLogWriter(out), export, test));
    listeners.addAll(more);
    Training t;
    try (Network net = Models.create(cfg.model(), shape, ds.classes().size(), cfg.seed())) {
      if (cfg.pretrained() != null) {
        TorchWeights.loadPretrained(net, Path.of(cfg.pretrained()), TorchWeights.ChannelReduction.SUM);
      }
      if (cfg.freeze()) net.setFrozen(name -> !isHead(cfg.model(), name));
      t = new Training(cfg, net, new Adam((float) cfg.weightDecay()), data.validation() != null);
      new TrainingLoop(engine, data.fit(), data.validation(), listeners).run(t);
    }
    double secs = t.log().stream().mapToDouble(EpochLog::seconds).sum();
    return new Outcome(export.config(), test.metrics(), List.copyOf(t.log()), secs);
  }

  /** Parameters that stay trainable when the rest is frozen: the classifier after the convolutional layers. */
  static boolean isHead(String model, String name) {
    if (SmallCnn.NAME.equals(model)) return name.startsWith("fc1.") || name.startsWith("fc2.") || name.startsWith("fc.");
    return name.startsWith("fc.");
  }
}
