package org.spectrolens.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.spectrolens.nn.model.Network;

/**
 * Explains a whole {@link InputSet} with several methods, a batch of inputs at a time (every
 * method sees the whole batch, so forward and backward passes run batched), handing each batch's
 * explanations to a {@link Sink} and keeping nothing: memory is bounded by the batch, whatever the
 * set's size. Each input's key is its row in the set, so its random streams (SmoothGrad's noise)
 * and hence its maps are the same in any batch and when it is explained alone.
 */
public final class BatchExplainer implements ExplainSource {
  /** Receives each batch: inputs {@code [from, from + n)} of the set and each method's explanation of them. */
  @FunctionalInterface
  public interface Sink {
    void accept(int from, Map<String, Explanation> byMethod);
  }

  /** What a run did: inputs explained, wall time, and each method's own time. */
  public record Run(int inputs, double seconds, Map<String, Double> methodSeconds) {
    public double inputsPerSecond() {
      return seconds > 0 ? inputs / seconds : Double.NaN;
    }
  }

  private final Network network;
  private final List<Method> methods;
  private final Options options;
  private final String layer;
  private final Integer target;
  private final int batch;

  /**
   * @param methods the methods, each configured
   * @param options the shared settings
   * @param layer the CAM family's layer (null: the last convolutional block)
   * @param target the class explained for every input (null: each input's predicted class)
   * @param batch inputs per batch (at least 1)
   */
  public BatchExplainer(Network network, List<Method> methods, Options options, String layer, Integer target, int batch) {
    if (batch < 1) throw new IllegalArgumentException("batch must be at least 1: " + batch);
    this.network = network;
    this.methods = List.copyOf(methods);
    this.options = options;
    this.layer = layer;
    this.target = target;
    this.batch = batch;
  }

  /** Explains every input of the set; {@code progress} (may be null) hears the count done after each batch. */
  @Override
  public Run run(InputSet set, Sink sink, IntConsumer progress) {
    long t0 = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (Method m : methods) seconds.put(m.id(), 0.0);
    for (int from = 0; from < set.size(); from += batch) {
      int to = Math.min(set.size(), from + batch);
      Map<String, Explanation> out = explain(set, from, to);
      for (Explanation e : out.values()) seconds.merge(e.method(), e.seconds(), Double::sum);
      sink.accept(from, out);
      if (progress != null) progress.accept(to);
    }
    return new Run(set.size(), (System.nanoTime() - t0) / 1e9, seconds);
  }

  /** Inputs per batch. */
  public int batch() {
    return batch;
  }

  /** Every method's explanation of inputs {@code [from, to)} of the set. */
  public Map<String, Explanation> explain(InputSet set, int from, int to) {
    int n = to - from;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) keys[i] = from + i;
    int[] targets = null;
    if (target != null) {
      targets = new int[n];
      java.util.Arrays.fill(targets, target);
    }
    Request r = new Request(network, set.tensors(from, to), n, targets, layer, options, set.axes(from), keys);
    Map<String, Explanation> out = new LinkedHashMap<>();
    for (Method m : methods) out.put(m.id(), m.explain(r));
    return out;
  }
}
