package org.spectrolens.nn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.data.Augment;
import org.spectrolens.nn.data.NoiseMixing;
import org.spectrolens.nn.data.RandomEqualisation;
import org.spectrolens.nn.data.RandomGain;
import org.spectrolens.nn.data.VocalTractWarp;
import org.spectrolens.nn.data.Examples;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainConfig;
import org.spectrolens.nn.model.TrainedModel;

/**
 * The training loop and nothing else: per epoch, the items in a seeded order, batches built on
 * another thread, forward, cross-entropy, backward and an Adam step, then the validation loss;
 * everything else (files, stopping, console) is a {@link TrainingListener}. Every draw depends only
 * on (seed, epoch, item), so a resumed run trains exactly the batches the interrupted one would have.
 */
public final class TrainingLoop {
  /** Validation batch size (inference only: it changes the speed, not the figures). */
  private static final int VALIDATION_BATCH = 64;

  private final Engine engine;
  private final Examples fit;
  private final Examples validation;
  private final List<TrainingListener> listeners;

  /**
   * @param fit the training items, normalised
   * @param validation the held-out items, normalised alike, or null for none
   */
  public TrainingLoop(Engine engine, Examples fit, Examples validation, List<TrainingListener> listeners) {
    this.engine = engine;
    this.fit = fit;
    this.validation = validation;
    this.listeners = List.copyOf(listeners);
  }

  /** Trains {@code t} from its {@link Training#epochsDone()} to its configured epochs or an early stop. */
  public void run(Training t) {
    ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
      Thread th = new Thread(r, "spectrolens-batches");
      th.setDaemon(true);
      return th;
    });
    try {
      for (TrainingListener l : listeners) l.onTrainingBegin(t);
      TrainConfig cfg = t.config();
      for (int e = t.epochsDone(); e < cfg.epochs() && !t.stopRequested(); e++) {
        long t0 = System.nanoTime();
        double lr = cfg.lrAt(e);
        double[] lossAcc = epoch(t, e, lr, loader);
        Evaluator.Result v = validation == null ? null : Evaluator.run(t.network(), validation, VALIDATION_BATCH);
        double secs = (System.nanoTime() - t0) / 1e9;
        EpochLog row = new EpochLog(e + 1, lr, lossAcc[0], lossAcc[1], v == null ? Double.NaN : v.loss(),
            v == null ? Double.NaN : v.accuracy(), secs);
        t.epochDone(row);
        for (TrainingListener l : listeners) l.onEpoch(t, row);
      }
      for (TrainingListener l : listeners) l.onTrainingEnd(t);
    } finally {
      loader.shutdownNow();
    }
  }

  /**
   * The config's augmentation for this network's input; VTLP, noise and equalisation need the
   * dataset's rows in Hz, noise, equalisation and gain its values in dB, on one channel.
   */
  private Augment augmentation(TrainConfig cfg, Network net) {
    Augment aug = cfg.augment() ? Augment.defaults(net.inputShape()[1], net.inputShape()[2]) : Augment.NONE;
    if (cfg.vtlp() > 0) aug = aug.withWarp(new VocalTractWarp(cfg.vtlp(), rowHz("vtlp")));
    double[] norm = fit.normalisation();
    if (cfg.noiseSnr() != null) aug = aug.withNoise(new NoiseMixing(cfg.noiseSnr(), rowHz("noise_snr"), norm[0], norm[1]));
    if (cfg.eq() > 0) aug = aug.withEq(new RandomEqualisation(cfg.eq(), rowHz("eq"), norm[1]));
    if (cfg.gain() > 0) aug = aug.withGain(new RandomGain(cfg.gain(), decibelStd("gain", norm[1])));
    return aug;
  }

  /** The training items' rows in Hz, where {@code parameter} may use them. */
  private double[] rowHz(String parameter) {
    if (fit.rowHz() == null) {
      throw SpectrolensException.ofParameter(parameter, "needs rows in Hz; this dataset's rows are cepstral coefficients");
    }
    if (!parameter.equals("vtlp")) decibelStd(parameter, 1);
    return fit.rowHz();
  }

  /** {@code std}, the dataset's dB per unit, where {@code parameter} needs its values in dB on one channel. */
  private double decibelStd(String parameter, double std) {
    if (!fit.decibels()) {
      throw SpectrolensException.ofParameter(parameter, "needs values in dB; this dataset's spectrogram has db off");
    }
    if (fit.channels() != 1) {
      throw SpectrolensException.ofParameter(parameter, "needs a single-channel dataset; this one has " + fit.channels() + " channels");
    }
    return std;
  }

  /** One pass over the training items; returns mean loss and accuracy. */
  private double[] epoch(Training t, int e, double lr, ExecutorService loader) {
    TrainConfig cfg = t.config();
    Network net = t.network();
    int[] order = fit.order(cfg.seed(), e);
    int n = order.length;
    int batches = (n + cfg.batch() - 1) / cfg.batch();
    if (n % cfg.batch() == 1 && batches > 1) batches--; // a batch of one cannot be batch-normalised
    Augment aug = augmentation(cfg, net);
    int channels = net.inputShape()[0];
    int k = net.numClasses();
    int[] s = net.inputShape();
    double lossSum = 0;
    int correct = 0;
    int seen = 0;
    for (TrainingListener l : listeners) l.onEpochBegin(t, e, batches);
    try {
      Future<float[]> next = loader.submit(() -> fit.batch(slice(order, 0, cfg.batch(), n), channels, aug, cfg.seed(), e));
      for (int b = 0; b < batches; b++) {
        int[] idx = slice(order, b * cfg.batch(), cfg.batch(), n);
        // the last batch takes the remainder (a remainder of one joins it rather than stand alone)
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
          t.optimiser().step(net.trainable(), lr);
        }
        lossSum += loss * idx.length;
        for (int i = 0; i < idx.length; i++) {
          if (TrainedModel.argmax(logits, i * k, k) == fit.label(idx[i])) correct++;
        }
        seen += idx.length;
        TrainingListener.Batch done = new TrainingListener.Batch(e, b, batches, idx.length, loss, lossSum / seen, (double) correct / seen);
        for (TrainingListener l : listeners) l.onBatch(t, done);
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    } catch (ExecutionException ex) {
      throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
    }
    return new double[] {lossSum / seen, (double) correct / seen};
  }

  private static int[] slice(int[] order, int from, int len, int n) {
    return Arrays.copyOfRange(order, Math.min(from, n), Math.min(from + len, n));
  }
}
