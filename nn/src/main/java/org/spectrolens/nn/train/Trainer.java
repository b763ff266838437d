package org.spectrolens.nn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Json;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.Charts;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.SmallCnn;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.weights.TorchWeights;

/**
 * Trains a network on a dataset cache into a model directory:
 * {@code config.json}, {@code model.safetensors} (the best epoch's weights, torchvision names),
 * {@code metrics.json} and {@code confusion.png} (on the test split), {@code train_log.csv},
 * {@code curves.png}, {@code best.safetensors} and {@code checkpoint.safetensors} (for
 * {@code --resume}). A held-out part of the training split (whole speakers where known) drives
 * early stopping and the choice of the best epoch; the test split is never looked at while training.
 */
public final class Trainer {
  public static final String LOG = "train_log.csv";
  public static final String CURVES = "curves.png";
  public static final String BEST = "best.safetensors";
  public static final String WEIGHTS = "model.safetensors";
  public static final String METRICS = "metrics.json";
  public static final String CONFUSION = "confusion.png";

  /** Hooks for callers and tests (a test simulates a crash by throwing from one). */
  public interface Listener {
    default void afterBatch(int epoch, int batch) {}

    default void afterEpoch(EpochLog row) {}
  }

  /** What a finished run produced. */
  public record Outcome(ModelConfig config, Metrics metrics, List<EpochLog> log, double trainSeconds) {}

  private Trainer() {}

  /** The command recorded in the model folder's marker. */
  public static final String COMMAND = "train";

  public static Outcome train(CachedDataset ds, TrainConfig cfg, Path out, boolean resume, boolean progress, Listener listener) {
    return train(ds, cfg, out, resume, false, progress, listener);
  }

  /**
   * Trains into the model folder {@code out}, an in-place {@link OutputFolder} (locked, marked
   * {@code train}; a dataset folder, the dataset's own folder or any folder spectrolens did not
   * write is refused, and {@code force} only lets an input's folder be written).
   *
   * @param resume continue the checkpoint in {@code out}; its dataset id and options must match
   */
  public static Outcome train(CachedDataset ds, TrainConfig cfg, Path out, boolean resume, boolean force, boolean progress,
      Listener listener) {
    int dsChannels = ds.info().channelCount();
    if (dsChannels > 1 && cfg.channels() != 1 && cfg.channels() != dsChannels) { // before anything is written
      throw SpectrolensException.ofParameter("channels", "repeats a single-channel grid; the dataset has " + dsChannels
          + " input channels " + ds.info().channels() + " of its own");
    }
    try (OutputFolder folder = OutputFolder.inPlace(out, COMMAND, force, ds.dir(),
        cfg.pretrained() == null ? null : Path.of(cfg.pretrained()))) {
      Outcome o = trainInto(ds, cfg, folder.dir(), resume, progress, listener);
      folder.commit();
      return o;
    }
  }

  private static Outcome trainInto(CachedDataset ds, TrainConfig cfg, Path out, boolean resume, boolean progress, Listener listener) {
    cfg.check();
    Engine engine = Engines.init(cfg.threads());
    engine.setRandomSeed((int) cfg.seed());
    Path ckpt = out.resolve(Checkpoint.FILE);
    if (!resume && (Files.exists(ckpt) || Files.exists(out.resolve(ModelConfig.FILE)))) {
      throw new SpectrolensException(out.toString(), "already holds a model or a checkpoint; use `resume` to continue it or choose another `out`");
    }
    if (resume && Checkpoint.exists(ckpt)) checkResumable(ckpt, Checkpoint.state(ckpt), ds, cfg);
    List<String> classes = ds.classes();
    List<DatasetItem> train = ds.items("train");
    if (train.isEmpty()) throw new SpectrolensException(ds.dir().toString(), "no items in the train split");
    ValidationSplit vs = ValidationSplit.of(train, cfg.validationFraction(), cfg.seed());
    java.util.function.ToIntFunction<DatasetItem> label = cfg.shuffleLabels() ? shuffledLabels(ds, train, cfg.seed()) : ds::labelIndex;
    Examples fit = Examples.load(ds, vs.fit(), label, 0f, 1f);
    int dsChannels = ds.info().channelCount();
    // one mean and std per input channel (a dB spectrogram, a delta and a [0, 1] position differ in scale)
    float[][] ms = dsChannels > 1 ? fit.channelMeanStd() : new float[][] {{fit.meanStd()[0]}, {fit.meanStd()[1]}};
    fit.normalise(ms[0], ms[1]);
    Examples val = vs.validation().isEmpty() ? null : Examples.load(ds, vs.validation(), label, ms[0], ms[1]);
    int[] shape = {dsChannels > 1 ? dsChannels : cfg.channels(), ds.info().height(), ds.info().width()};
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new SpectrolensException(out.toString(), "cannot create: " + e.getMessage());
    }

    Checkpoint.State state;
    List<EpochLog> log = new ArrayList<>();
    ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "spectrolens-batches");
      t.setDaemon(true);
      return t;
    });
    try (Network net = Models.create(cfg.model(), shape, classes.size(), cfg.seed())) {
      if (cfg.pretrained() != null) {
        TorchWeights.loadPretrained(net, Path.of(cfg.pretrained()), TorchWeights.ChannelReduction.SUM);
      }
      if (cfg.freeze()) net.setFrozen(name -> !isHead(cfg.model(), name));
      Adam adam = new Adam((float) cfg.weightDecay());
      if (resume && Checkpoint.exists(ckpt)) {
        state = Checkpoint.read(ckpt, net, adam);
        log.addAll(state.log());
      } else {
        state = new Checkpoint.State(0, 0, Double.POSITIVE_INFINITY, 0, 0, false, cfg, List.of(), ds.info().id());
      }
      for (int e = state.epochsDone(); e < cfg.epochs() && !state.stopped(); e++) {
        long t0 = System.nanoTime();
        double lr = cfg.lrAt(e);
        double[] lossAcc = epoch(engine, net, adam, fit, cfg, e, lr, loader, progress, listener);
        Evaluator.Result v = val == null ? null : Evaluator.run(net, val, 64);
        double secs = (System.nanoTime() - t0) / 1e9;
        EpochLog row = new EpochLog(e + 1, lr, lossAcc[0], lossAcc[1], v == null ? Double.NaN : v.loss(),
            v == null ? Double.NaN : v.accuracy(), secs);
        log.add(row);
        double best = state.bestValLoss();
        int bestEpoch = state.bestEpoch();
        int bad = state.badEpochs();
        if (v == null || v.loss() < best) {
          best = v == null ? Double.NaN : v.loss();
          bestEpoch = e + 1;
          bad = 0;
          TorchWeights.export(net, out.resolve(BEST));
        } else {
          bad++;
        }
        boolean stop = cfg.patience() > 0 && bad >= cfg.patience();
        state = new Checkpoint.State(e + 1, adam.stepCount(), v == null ? Double.POSITIVE_INFINITY : best, bestEpoch, bad,
            stop, cfg, List.copyOf(log), ds.info().id());
        Checkpoint.write(ckpt, net, adam, state);
        writeLog(out, log, false);
        if (progress) {
          System.err.printf(Locale.ROOT, "epoch %d/%d: loss %.4f acc %.4f%s (%.1f s)%s%n", e + 1, cfg.epochs(), row.trainLoss(),
              row.trainAccuracy(), v == null ? "" : String.format(Locale.ROOT, ", val loss %.4f acc %.4f", v.loss(), v.accuracy()),
              secs, stop ? "; early stop" : "");
        }
        listener.afterEpoch(row);
      }
      TorchWeights.load(net, out.resolve(BEST));
      TorchWeights.export(net, out.resolve(WEIGHTS));
    } finally {
      loader.shutdownNow();
    }
    writeLog(out, log, true);
    int testItems = ds.items("test").size();
    ModelConfig mc = new ModelConfig(ModelConfig.FORMAT, cfg.model(), classes, shape,
        normalization(ms), ds.info(), ds.info().id(),
        new ModelConfig.Split(ds.info().split(), "train", "test", cfg.validationFraction(), vs.by(), vs.ids(),
            vs.fit().size(), vs.validation().size(), testItems),
        cfg.seed(), cfg, WEIGHTS, state.bestEpoch(), state.epochsDone());
    Json.write(out.resolve(ModelConfig.FILE), mc);
    Metrics metrics = null;
    if (testItems > 0) {
      try (TrainedModel tm = TrainedModel.open(out)) {
        metrics = Evaluator.evaluate(tm, ds, "test");
      }
      Json.write(out.resolve(METRICS), metrics);
      Charts.confusion(out.resolve(CONFUSION), metrics);
    }
    double secs = log.stream().mapToDouble(EpochLog::seconds).sum();
    return new Outcome(mc, metrics, List.copyOf(log), secs);
  }

  /** The recorded normalisation: one figure pair, or per-channel figures (channel 0's repeated as the pair). */
  private static ModelConfig.Normalization normalization(float[][] ms) {
    if (ms[0].length == 1) return new ModelConfig.Normalization(ms[0][0], ms[1][0]);
    double[] m = new double[ms[0].length];
    double[] d = new double[ms[0].length];
    for (int c = 0; c < m.length; c++) {
      m[c] = ms[0][c];
      d[c] = ms[1][c];
    }
    return new ModelConfig.Normalization(m[0], d[0], m, d);
  }

  /** Refuses to resume a checkpoint made on another dataset or with other options, before anything is built. */
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
        {"augment", "" + was.augment(), "" + now.augment()}, {"patience", "" + was.patience(), "" + now.patience()},
        {"validation_fraction", "" + was.validationFraction(), "" + now.validationFraction()},
        {"channels", "" + was.channels(), "" + now.channels()}, {"freeze", "" + was.freeze(), "" + now.freeze()},
        {"pretrained", String.valueOf(was.pretrained()), String.valueOf(now.pretrained())}};
    for (String[] p : pairs) {
      if (!p[1].equals(p[2])) return "`" + p[0] + "` " + p[1] + " (now " + p[2] + ")";
    }
    return null;
  }

  /** Parameters that stay trainable under --freeze: the classifier after the convolutional layers. */
  static boolean isHead(String model, String name) {
    if (SmallCnn.NAME.equals(model)) return name.startsWith("fc1.") || name.startsWith("fc2.") || name.startsWith("fc.");
    return name.startsWith("fc.");
  }

  /** One pass over the training items; returns mean loss and accuracy. */
  private static double[] epoch(Engine engine, Network net, Adam adam, Examples fit, TrainConfig cfg, int e, double lr,
      ExecutorService loader, boolean progress, Listener listener) {
    int[] order = fit.order(cfg.seed(), e);
    int n = order.length;
    int batches = (n + cfg.batch() - 1) / cfg.batch();
    if (n % cfg.batch() == 1 && batches > 1) batches--; // a batch of one cannot be batch-normalised
    Augment aug = cfg.augment() ? Augment.defaults(net.inputShape()[1], net.inputShape()[2]) : Augment.NONE;
    int channels = net.inputShape()[0];
    int k = net.numClasses();
    int[] s = net.inputShape();
    double lossSum = 0;
    int correct = 0;
    int seen = 0;
    ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", e + 1, cfg.epochs()))
        .setInitialMax(batches).setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build() : null;
    try {
      Future<float[]> next = loader.submit(() -> fit.batch(slice(order, 0, cfg.batch(), n), channels, aug, cfg.seed(), e));
      for (int b = 0; b < batches; b++) {
        int[] idx = slice(order, b * cfg.batch(), cfg.batch(), n);
        if (b == batches - 1 && batches * cfg.batch() < n) idx = Arrays.copyOfRange(order, b * cfg.batch(), n);
        float[] data = next.get();
        if (data.length != idx.length * channels * s[1] * s[2]) data = fit.batch(idx, channels, aug, cfg.seed(), e);
        if (b + 1 < batches) {
          int[] nextIdx = b + 2 == batches && batches * cfg.batch() < n
              ? Arrays.copyOfRange(order, (b + 1) * cfg.batch(), n) : slice(order, (b + 1) * cfg.batch(), cfg.batch(), n);
          next = loader.submit(() -> fit.batch(nextIdx, channels, aug, cfg.seed(), e));
        }
        float[] onehot = new float[idx.length * k];
        for (int i = 0; i < idx.length; i++) onehot[i * k + fit.label(idx[i])] = 1;
        float[] logits;
        float loss;
        try (NDManager bm = net.manager().newSubManager()) {
          NDArray x = bm.create(data, new Shape(idx.length, s[0], s[1], s[2]));
          NDArray y = bm.create(onehot, new Shape(idx.length, k));
          NDArray out;
          NDArray l;
          try (GradientCollector gc = engine.newGradientCollector()) {
            out = net.forward(x, true);
            l = out.logSoftmax(1).mul(y).sum().div(-idx.length);
            gc.backward(l);
          }
          loss = l.getFloat();
          logits = out.toFloatArray();
          adam.step(net.trainable(), lr);
        }
        if (!Float.isFinite(loss)) throw SpectrolensException.ofParameter("lr", "training diverged (loss " + loss + " in epoch " + (e + 1) + "); try a smaller learning rate");
        lossSum += loss * idx.length;
        for (int i = 0; i < idx.length; i++) {
          if (TrainedModel.argmax(logits, i * k, k) == fit.label(idx[i])) correct++;
        }
        seen += idx.length;
        if (bar != null) {
          bar.step();
          bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.3f", lossSum / seen, (double) correct / seen));
        }
        listener.afterBatch(e, b);
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    } catch (ExecutionException ex) {
      throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
    } finally {
      if (bar != null) bar.close();
    }
    return new double[] {lossSum / seen, (double) correct / seen};
  }

  private static int[] slice(int[] order, int from, int len, int n) {
    return Arrays.copyOfRange(order, Math.min(from, n), Math.min(from + len, n));
  }

  /** The log CSV (every epoch, so a killed run keeps it) and, at the end, the curves PNG. */
  static void writeLog(Path out, List<EpochLog> log, boolean curves) {
    StringBuilder sb = new StringBuilder(EpochLog.CSV_HEADER).append('\n');
    for (EpochLog r : log) sb.append(r.csv()).append('\n');
    AtomicFiles.writeString(out.resolve(LOG), sb.toString());
    if (curves && !log.isEmpty()) Charts.curves(out.resolve(CURVES), log);
  }

  /** The part of the training split held out for validation: whole speakers where every item names one. */
  /** The training split's labels randomly permuted among its items (seeded), for {@code --shuffle-labels}. */
  static java.util.function.ToIntFunction<DatasetItem> shuffledLabels(CachedDataset ds, List<DatasetItem> train, long seed) {
    int[] labels = new int[train.size()];
    for (int i = 0; i < labels.length; i++) labels[i] = ds.labelIndex(train.get(i));
    SplittableRandom r = new SplittableRandom(Examples.mix(seed, -3, -4));
    for (int i = labels.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    java.util.Map<String, Integer> byId = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i++) byId.put(train.get(i).id(), labels[i]);
    return item -> byId.get(item.id());
  }

  record ValidationSplit(List<DatasetItem> fit, List<DatasetItem> validation, String by, List<String> ids) {
    static ValidationSplit of(List<DatasetItem> train, double fraction, long seed) {
      if (fraction <= 0) return new ValidationSplit(train, List.of(), "none", List.of());
      SplittableRandom r = new SplittableRandom(Examples.mix(seed, -1, -2));
      TreeMap<String, List<DatasetItem>> bySpeaker = new TreeMap<>();
      boolean allNamed = true;
      for (DatasetItem i : train) {
        if (i.speaker() == null || i.speaker().isEmpty()) allNamed = false;
        else bySpeaker.computeIfAbsent(i.speaker(), k -> new ArrayList<>()).add(i);
      }
      Set<String> held = new HashSet<>();
      String by;
      if (allNamed && bySpeaker.size() >= 2) {
        List<String> speakers = new ArrayList<>(bySpeaker.keySet());
        shuffle(speakers, r);
        int nv = (int) Math.min(speakers.size() - 1, Math.max(1, Math.round(fraction * speakers.size())));
        held.addAll(speakers.subList(0, nv));
        by = "speaker";
      } else {
        TreeMap<String, List<DatasetItem>> byLabel = new TreeMap<>();
        for (DatasetItem i : train) byLabel.computeIfAbsent(i.label(), k -> new ArrayList<>()).add(i);
        for (List<DatasetItem> items : byLabel.values()) {
          List<DatasetItem> sorted = new ArrayList<>(items);
          sorted.sort(java.util.Comparator.comparing(DatasetItem::id));
          shuffle(sorted, r);
          int nv = (int) Math.min(sorted.size() - 1, Math.round(fraction * sorted.size()));
          for (int j = 0; j < nv; j++) held.add(sorted.get(j).id());
        }
        by = "item";
      }
      List<DatasetItem> fit = new ArrayList<>();
      List<DatasetItem> val = new ArrayList<>();
      for (DatasetItem i : train) {
        if (held.contains(by.equals("speaker") ? i.speaker() : i.id())) val.add(i);
        else fit.add(i);
      }
      List<String> ids = new ArrayList<>(held);
      ids.sort(null);
      return new ValidationSplit(fit, val, by, ids);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
      for (int i = list.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        T t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
      }
    }
  }
}
