package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.hybrid.Classifiers;
import org.spectrolens.nn.hybrid.FeatureChoice;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.TrainConfig;
import org.spectrolens.nn.train.Trainer;
import org.spectrolens.params.Param;
import org.spectrolens.scene.ThesisRecipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens train}: trains a model on a dataset cache into a model directory. */
@Command(name = "train",
    description = {"Train a network on a dataset cache (built with 'spectrolens dataset').",
        "Writes MODEL/config.json, model.safetensors (torchvision names), metrics.json (test split),",
        "confusion.png, train_log.csv, curves.png and checkpoint.safetensors (for --resume)."})
public final class TrainCommand implements Callable<Integer>, Checked {
  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset cache directory.")
  Path data;

  @Option(names = "--model", defaultValue = "smallcnn", paramLabel = "NAME",
      description = {"smallcnn, resnet18, resnet34, resnet50 or resnet101 (default: ${DEFAULT-VALUE}), or a classic classifier",
          "on --features: hybrid:logistic, hybrid:svm, hybrid:random-forest or hybrid:knn."})
  String model;

  @Option(names = "--features", paramLabel = "LIST",
      description = {"Hybrid models: what the classifier sees: audio features (mfcc, ...), embeddings:MODEL (the",
          "penultimate layer of a trained network), or both, e.g. embeddings:models/vowels,mfcc."})
  String features;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model directory to write.")
  Path out;

  @Sets(TrainConfig.class)
  @Option(names = "--epochs", defaultValue = "" + TrainConfig.DEFAULT_EPOCHS, paramLabel = "N",
      description = "Most epochs (default: ${DEFAULT-VALUE}, CPU-practical; the paper trained 20).")
  int epochs;

  @Sets(TrainConfig.class)
  @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Sets(TrainConfig.class)
  @Option(names = "--lr", defaultValue = "1e-4", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Sets(TrainConfig.class)
  @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "X", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "S",
      description = "constant, cosine or step (default: ${DEFAULT-VALUE}).")
  String schedule;

  @Sets(TrainConfig.class)
  @Option(names = "--lr-step", defaultValue = "10", paramLabel = "N", description = "step schedule: epochs per decay (default: ${DEFAULT-VALUE}).")
  int stepEpochs;

  @Sets(TrainConfig.class)
  @Option(names = "--lr-gamma", defaultValue = "0.1", paramLabel = "X", description = "step schedule: decay factor (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--augment", description = "Time/frequency masking and small time shifts (no frequency shifts).")
  boolean augment;

  @Option(names = "--vtlp", defaultValue = "0", paramLabel = "W",
      description = "Vocal-tract-length perturbation: warp each training item's frequency axis by a factor drawn from"
          + " U(1-W, 1+W), as another talker's vocal tract would (Jaitly & Hinton 2013 use 0.1; default: 0, none).")
  double vtlp;

  @Option(names = "--eq", defaultValue = "0", paramLabel = "DB",
      description = "Random equalisation: add to each training item's rows a smooth gain curve over frequency (six knots,"
          + " U(-DB, DB) each, linear in log frequency), as another microphone would (e.g. 6; default: 0, none).")
  double eq;

  @Option(names = "--gain", defaultValue = "0", paramLabel = "DB",
      description = "Random gain: move each training item's level by one gain drawn from U(-DB, DB), as a louder or"
          + " quieter recording would (e.g. 10; default: 0, none).")
  double gain;

  @Option(names = "--noise", paramLabel = "SNR_DB",
      description = "Noise mixing: add white or pink noise to each training item, in power, at an SNR drawn from"
          + " U(SNR_DB, SNR_DB + 30) (e.g. 5; default: none).")
  Double noise;

  @Sets(TrainConfig.class)
  @Option(names = "--patience", defaultValue = "5", paramLabel = "N",
      description = "Stop after N epochs without a lower validation loss; 0 never stops early (default: ${DEFAULT-VALUE}).")
  int patience;

  @Sets(TrainConfig.class)
  @Option(names = "--validation", defaultValue = "0.1", paramLabel = "F",
      description = "Fraction of training speakers (or items) held out for validation; 0 = none (default: ${DEFAULT-VALUE}).")
  double validation;

  @Option(names = "--pretrained", paramLabel = "F.safetensors",
      description = "Start from ImageNet weights in torchvision's names (all but fc are loaded; RGB conv1 is summed onto 1 channel).")
  Path pretrained;

  @Option(names = "--freeze", description = "Keep the convolutional layers fixed; train the classifier only.")
  boolean freeze;

  @Sets(TrainConfig.class)
  @Option(names = "--channels", defaultValue = "1", paramLabel = "C", description = "Input channels, 1 or 3, a single-channel grid repeated (default: ${DEFAULT-VALUE}); a dataset built with --channels sets C itself.")
  int channels;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--shuffle-labels", description = "Train on randomly permuted labels (seeded): the model of the data-randomisation sanity check.")
  boolean shuffleLabels;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--recipe", paramLabel = "thesis",
      description = "thesis: the monitoring thesis's training (smallcnn, Adam lr 3e-5, batch 32, 12 epochs, no early stop); options given beside it win.")
  String recipe;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Applies --recipe to the options the user did not give. */
  private void applyRecipe() {
    if (recipe == null) return;
    if (!recipe.equals(ThesisRecipe.ID)) throw new SpectrolensException("--recipe", "unknown recipe '" + recipe + "' (expected thesis)");
    var parse = spec.commandLine().getParseResult();
    if (!parse.hasMatchedOption("--model")) model = ThesisRecipe.MODEL;
    if (!parse.hasMatchedOption("--lr")) lr = ThesisRecipe.LEARNING_RATE;
    if (!parse.hasMatchedOption("--epochs")) epochs = ThesisRecipe.EPOCHS;
    if (!parse.hasMatchedOption("--batch")) batch = ThesisRecipe.BATCH;
    if (!parse.hasMatchedOption("--patience")) patience = 0;
  }

  @Option(names = "--force", description = "Write the model where an input lies (e.g. inside the dataset folder).")
  boolean force;

  @Override
  public void checkOptions() {
    applyRecipe();
    config().check(); // the ranges of --epochs, --lr, ... are TrainConfig's
    if (Classifiers.isHybrid(model)) {
      Classifiers.of(model);
      FeatureChoice.parse(features);
    } else if (features != null) {
      throw new SpectrolensException("--features", "only for hybrid models (--model hybrid:CLASSIFIER)");
    } else if (!Models.names().contains(model)) {
      throw new SpectrolensException("--model", "unknown model '" + model + "'; expected one of " + String.join(", ", Models.names()));
    }
    if (pretrained != null && !Files.isRegularFile(pretrained)) {
      throw new SpectrolensException(pretrained.toString(), Files.exists(pretrained) ? "not a file" : "no such file");
    }
  }

  private TrainConfig config() {
    return new TrainConfig(model, epochs, batch, lr, weightDecay, schedule, stepEpochs, gamma, augment, vtlp, eq, gain, noise, patience,
        validation, seed, channels, pretrained == null ? null : pretrained.toString(), freeze, threads, shuffleLabels);
  }

  @Override
  public Integer call() {
    Engines.init(threads);
    if (Classifiers.isHybrid(model)) return HybridCommands.train(data, model, FeatureChoice.parse(features), seed, out, force);
    CachedDataset ds = CachedDataset.open(data);
    Trainer.Outcome o;
    try (TrainingProgress progress = new TrainingProgress(System.err)) {
      o = quiet ? Trainer.train(ds, config(), out, resume, force) : Trainer.train(ds, config(), out, resume, force, progress);
    }
    System.out.printf(Locale.ROOT, "trained %s on %s: %d epochs (best %d), %.1f s of training on %d threads%n", model, ds.info().id(),
        o.config().epochsRun(), o.config().bestEpoch(), o.trainSeconds(), Engines.threads());
    Metrics m = o.metrics();
    if (m != null) {
      System.out.printf(Locale.ROOT, "test: accuracy %.4f, balanced accuracy %.4f (n = %d)%n", m.accuracy(), m.balancedAccuracy(), m.n());
    }
    System.out.println("model: " + out);
    return 0;
  }
}
