package org.spectrolens.judge;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.explain.Tap;
import org.spectrolens.explain.Baseline;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/**
 * One batch under judgement: the inputs exactly as the network sees them (flat [n, C, H, W]), one
 * map per input on the input grid ([n][H*W], row 0 the lowest frequency; any scale, the metrics
 * that need [0, 1] say so), the class each map explains, the true labels (for accuracy curves),
 * optional truth masks ([n][H*W]) and axes, and the shared {@link Judging} settings. Metrics
 * never care how the maps were made.
 *
 * <p>Work that depends only on the inputs (baselines, the unperturbed logits) is shared between
 * every {@link #withMaps} copy; work that depends on the maps (curves) is remembered per copy,
 * so metrics reading the same curve pay for it once.
 */
public final class Judged {
  private final Shared shared;
  private final float[][] maps;
  private final Map<String, Object> memo = new HashMap<>();

  private static final class Shared {
    final Network network;
    final int[] shape;
    final float[] inputs;
    final int n;
    final int[] targets;
    final int[] labels;
    final boolean[][] truth;
    final MapAxes axes;
    final Judging judging;
    final int first;
    final float[][] baselines;
    final long[][] unitKeys;
    final long[][] cellKeys;
    float[][] logits;
    final AtomicLong forwardPasses = new AtomicLong();

    Shared(Network network, int[] shape, float[] inputs, int n, int[] targets, int[] labels, boolean[][] truth, MapAxes axes, Judging judging,
        int first) {
      this.network = network;
      this.shape = shape;
      this.inputs = inputs;
      this.n = n;
      this.targets = targets;
      this.labels = labels;
      this.truth = truth;
      this.axes = axes;
      this.judging = judging;
      this.first = first;
      this.baselines = new float[n][];
      this.unitKeys = new long[n][];
      this.cellKeys = new long[n][];
    }
  }

  private Judged(Shared shared, float[][] maps) {
    this.shared = shared;
    this.maps = maps;
  }

  /**
   * A batch to judge.
   *
   * @param network the model (may be null for metrics that need no forward pass)
   * @param inputs [n, C, H, W] flat
   * @param maps [n][H*W]
   * @param targets the class each map explains
   * @param labels the true classes (null: the targets)
   * @param truth truth masks [n][H*W] (null when there are none)
   * @param axes the input grid's axes (null when unknown)
   */
  public static Judged of(Network network, int[] shape, float[] inputs, int n, float[][] maps, int[] targets, int[] labels,
      boolean[][] truth, MapAxes axes, Judging judging) {
    return of(network, shape, inputs, n, maps, targets, labels, truth, axes, judging, 0);
  }

  /**
   * As above for items {@code [first, first + n)} of a larger sample judged in parts (on several
   * machines): every seeded per-item stream is keyed by the item's place in the whole sample
   * ({@link #key}), so each item's scores are those the whole sample gives it.
   */
  public static Judged of(Network network, int[] shape, float[] inputs, int n, float[][] maps, int[] targets, int[] labels,
      boolean[][] truth, MapAxes axes, Judging judging, int first) {
    int size = shape[0] * shape[1] * shape[2];
    if (inputs.length != n * size) throw new IllegalArgumentException("inputs hold " + inputs.length + " values, expected " + n * size);
    if (maps.length != n || targets.length != n) throw new IllegalArgumentException("one map and one target per input expected");
    if (judging.units().unitOf().length != shape[1] * shape[2]) throw new IllegalArgumentException("units are not on the input grid");
    Shared s = new Shared(network, shape.clone(), inputs, n, targets.clone(), labels == null ? targets.clone() : labels.clone(), truth, axes,
        judging, first);
    return new Judged(s, maps);
  }

  /** The same inputs, targets and settings with other maps (e.g. another method's, or a reference map). */
  public Judged withMaps(float[][] other) {
    if (other.length != shared.n) throw new IllegalArgumentException("one map per input expected");
    return new Judged(shared, other);
  }

  public int n() {
    return shared.n;
  }

  public int channels() {
    return shared.shape[0];
  }

  public int height() {
    return shared.shape[1];
  }

  public int width() {
    return shared.shape[2];
  }

  public int[] shape() {
    return shared.shape.clone();
  }

  public float[] map(int i) {
    return maps[i];
  }

  public float[][] maps() {
    return maps;
  }

  public int target(int i) {
    return shared.targets[i];
  }

  public int label(int i) {
    return shared.labels[i];
  }

  public Judging judging() {
    return shared.judging;
  }

  public RemovalUnits units() {
    return shared.judging.units();
  }

  public MapAxes axes() {
    return shared.axes;
  }

  /** The truth mask of input {@code i} ([H*W]); a one-line error when the batch has none. */
  public boolean[] truth(int i) {
    if (shared.truth == null) throw SpectrolensException.ofParameter("truth", "no truth masks for this batch");
    return shared.truth[i];
  }

  public boolean hasTruth() {
    return shared.truth != null;
  }

  /** Values of input {@code i}, [C*H*W] (a copy). */
  public float[] input(int i) {
    int size = shared.shape[0] * shared.shape[1] * shared.shape[2];
    float[] x = new float[size];
    System.arraycopy(shared.inputs, i * size, x, 0, size);
    return x;
  }

  /** Input {@code i}'s place in the whole sample (its index when the batch is the whole sample): the key of its random streams. */
  public long key(int i) {
    return shared.first + (long) i;
  }

  /** The seed of the last resort between units equal in map score and in content ({@link Ties}). */
  public long tieSeed(int i) {
    return shared.judging.seed() * 31 + key(i);
  }

  /**
   * The removal units of input {@code i} from most to least relevant by its map; ties follow the
   * units' content, never their position ({@link Ties}).
   */
  public int[] mostRelevantFirst(int i) {
    return units().mostRelevantFirst(maps[i], unitKeys(i), tieSeed(i));
  }

  /** The content key of each removal unit of input {@code i} ({@link Ties#contentKeys}; computed once for all maps). */
  public long[] unitKeys(int i) {
    synchronized (shared) {
      if (shared.unitKeys[i] == null) shared.unitKeys[i] = units().contentKeys(input(i), channels(), shared.judging.seed());
      return shared.unitKeys[i];
    }
  }

  /** The content key of each cell of input {@code i}, [H*W] (ties between single cells, e.g. the top-50% mask). */
  public long[] cellKeys(int i) {
    synchronized (shared) {
      if (shared.cellKeys[i] == null) {
        int hw = height() * width();
        int[] self = new int[hw];
        for (int p = 0; p < hw; p++) self[p] = p;
        shared.cellKeys[i] = Ties.contentKeys(input(i), channels(), self, hw, shared.judging.seed());
      }
      return shared.cellKeys[i];
    }
  }

  /** The masking baseline of input {@code i}, [C*H*W]. */
  public float[] baseline(int i) {
    synchronized (shared) {
      if (shared.baselines[i] == null) {
        // a complex STFT input (a raw-waveform model) is removed by silence: zero in both parts
        Baseline b = shared.network != null && shared.network.complexInput() ? Baseline.ZERO : shared.judging.baseline();
        shared.baselines[i] = b.of(input(i), shared.shape[0], shared.shape[1], shared.shape[2]);
      }
      return shared.baselines[i];
    }
  }

  /** Logits of the unperturbed inputs, [n][classes] (computed once for all maps). */
  public float[][] logits() {
    synchronized (shared) {
      if (shared.logits == null) shared.logits = forward(shared.inputs, shared.n);
      return shared.logits;
    }
  }

  /** Softmax of {@link #logits()} for input {@code i}. */
  public double[] probabilities(int i) {
    return TrainedModel.softmax(logits()[i]);
  }

  /** Logits of {@code count} perturbed inputs ([count, C, H, W] flat), in forward passes of {@link Judging#batchSize} inputs. */
  public float[][] forward(float[] x, int count) {
    if (shared.network == null) throw new IllegalStateException("this metric needs the model");
    shared.forwardPasses.addAndGet(count);
    return Tap.logits(shared.network, x, count, shared.judging.batchSize());
  }

  /** Inputs run through the network so far (for forward passes per second). */
  public long forwardPasses() {
    return shared.forwardPasses.get();
  }

  /** The value remembered under {@code key}, or null when none has been computed. */
  @SuppressWarnings("unchecked")
  public <T> T remembered(String key) {
    return (T) memo.get(key);
  }

  /** A value computed once per map set under {@code key}. */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      v = compute.get();
      memo.put(key, v);
    }
    return (T) v;
  }
}
