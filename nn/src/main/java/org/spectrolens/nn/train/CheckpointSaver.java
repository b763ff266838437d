package org.spectrolens.nn.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainConfig;

/**
 * Writes {@link Checkpoint#FILE} after every epoch (network, Adam's moments, early stopping's state
 * and the log) and, when resuming, restores all of it before the first epoch, so that a run killed
 * at any moment continues bit for bit. Must come after {@link EarlyStopping} among the listeners,
 * whose decision of the epoch it records.
 */
public final class CheckpointSaver implements TrainingListener {
  private final Path file;
  private final boolean resume;
  private final EarlyStopping stopping;
  private final String datasetId;

  /**
   * @param dir the model folder
   * @param resume continue the checkpoint in {@code dir} if there is one
   * @param datasetId the training dataset's id, recorded so that a resume on another dataset is refused
   */
  public CheckpointSaver(Path dir, boolean resume, EarlyStopping stopping, String datasetId) {
    this.file = dir.resolve(Checkpoint.FILE);
    this.resume = resume;
    this.stopping = stopping;
    this.datasetId = datasetId;
  }

  @Override
  public void onTrainingBegin(Training t) {
    if (!resume || !Checkpoint.exists(file)) return;
    Checkpoint.State s = Checkpoint.read(file, t.network(), t.optimiser());
    t.resume(s.epochsDone(), s.log(), s.stopped());
    stopping.restore(s.bestValLoss(), s.bestEpoch(), s.badEpochs());
  }

  @Override
  public void onEpoch(Training t, EpochLog row) {
    Checkpoint.State s = new Checkpoint.State(t.epochsDone(), t.optimiser().stepCount(),
        t.hasValidation() ? stopping.bestLoss() : Double.POSITIVE_INFINITY, stopping.bestEpoch(), stopping.badEpochs(),
        t.stopRequested(), t.config(), List.copyOf(t.log()), datasetId);
    Checkpoint.write(file, t.network(), t.optimiser(), s);
  }

  /**
   * Refuses, before anything is loaded or built, a new run into a folder that holds a model or a
   * checkpoint, and a resume of a checkpoint made on another dataset or with other options.
   */
  public static void checkStart(Path dir, boolean resume, CachedDataset ds, TrainConfig cfg) {
    Path ckpt = dir.resolve(Checkpoint.FILE);
    if (!resume && (Files.exists(ckpt) || Files.exists(dir.resolve(ModelConfig.FILE)))) {
      throw new SpectrolensException(dir.toString(), "already holds a model or a checkpoint; use `resume` to continue it or choose another `out`");
    }
    if (resume && Checkpoint.exists(ckpt)) checkResumable(ckpt, Checkpoint.state(ckpt), ds, cfg);
  }

  private static void checkResumable(Path ckpt, Checkpoint.State state, CachedDataset ds, TrainConfig cfg) {
    if (state.datasetId() != null && !state.datasetId().equals(ds.info().id())) {
      throw new SpectrolensException(ckpt.toString(), "was trained on dataset " + state.datasetId() + ", but `data` "
          + ds.dir() + " is dataset " + ds.info().id() + "; resume with the same dataset, or train into another `out`");
    }
    String changed = changedOption(state.config(), cfg);
    if (changed != null) {
      throw new SpectrolensException(ckpt.toString(), "was written by a run with " + changed + "; resume with the same options");
    }
  }

  /**
   * The first parameter (other than {@code epochs} and {@code threads}, which a resumed run may
   * change) in which {@code now} differs from the checkpoint's {@code was}, as "`name` X (now Y)";
   * null if none.
   */
  static String changedOption(TrainConfig was, TrainConfig now) {
    String[][] pairs = {
        {"model", was.model(), now.model()}, {"seed", "" + was.seed(), "" + now.seed()},
        {"batch", "" + was.batch(), "" + now.batch()}, {"lr", "" + was.lr(), "" + now.lr()},
        {"weight_decay", "" + was.weightDecay(), "" + now.weightDecay()}, {"schedule", was.schedule(), now.schedule()},
        {"step_epochs", "" + was.stepEpochs(), "" + now.stepEpochs()}, {"gamma", "" + was.gamma(), "" + now.gamma()},
        {"augment", "" + was.augment(), "" + now.augment()}, {"vtlp", "" + was.vtlp(), "" + now.vtlp()}, {"eq", "" + was.eq(), "" + now.eq()},
        {"gain", "" + was.gain(), "" + now.gain()},
        {"noise_snr", String.valueOf(was.noiseSnr()), String.valueOf(now.noiseSnr())}, {"patience", "" + was.patience(), "" + now.patience()},
        {"validation_fraction", "" + was.validationFraction(), "" + now.validationFraction()},
        {"channels", "" + was.channels(), "" + now.channels()}, {"freeze", "" + was.freeze(), "" + now.freeze()},
        {"pretrained", String.valueOf(was.pretrained()), String.valueOf(now.pretrained())}};
    for (String[] p : pairs) {
      if (!p[1].equals(p[2])) return "`" + p[0] + "` " + p[1] + " (now " + p[2] + ")";
    }
    return null;
  }
}
