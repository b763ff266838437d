package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.weights.Tensor;

/**
 * A network as an ordered list of named {@link Stage}s over named tensors, with PyTorch
 * (torchvision) parameter names: {@code conv1.weight}, {@code bn1.running_mean},
 * {@code layer1.0.conv1.weight}, {@code fc.bias}. The forward pass returns logits (softmax is
 * applied outside, where it is needed), and can be split at any stage:
 * {@code forwardFrom(forwardTo(x, s), s) == forward(x)}.
 *
 * <p>Tensors are plain DJL NDArrays owned by this network's manager: trainable parameters
 * (gradients on unless frozen) and batch-norm buffers (running mean and variance, updated in
 * place by training-mode forward passes). {@code num_batches_tracked} is one counter for all
 * batch-norm layers, since every training step passes through each of them once.
 */
public final class Network implements AutoCloseable {
  /** Kinds of named tensors. */
  public enum Kind { PARAMETER, BUFFER }

  /** Input values per chunk of a gradient-free inference pass (five 1x224x224 inputs). */
  static final long INFERENCE_CHUNK_VALUES = 1 << 18;

  private final String architecture;
  private final int[] inputShape;
  private final int numClasses;
  private final NDManager manager;
  private final LinkedHashMap<String, NDArray> tensors = new LinkedHashMap<>();
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final List<String> batchNorms = new ArrayList<>();
  private final List<Stage> stages = new ArrayList<>();
  private Predicate<String> frozen = name -> false;
  private long batchesTracked;
  private boolean gradients = true;
  private boolean complexInput;

  Network(String architecture, int[] inputShape, int numClasses, NDManager manager) {
    this.architecture = architecture;
    this.inputShape = inputShape.clone();
    this.numClasses = numClasses;
    this.manager = manager;
  }

  /**
   * A network whose stages call a module another engine holds (an imported TorchScript or ONNX
   * file, {@code nn.imported}): {@code parameters} are the module's own tensors (shared with it,
   * so re-initialising them in place changes the module), frozen until a tap unfreezes them;
   * {@code gradients} false for a module that runs inference only.
   */
  static Network external(String architecture, int[] inputShape, int numClasses, NDManager manager,
      Map<String, NDArray> parameters, List<Stage> stages, boolean gradients) {
    Network net = new Network(architecture, inputShape, numClasses, manager);
    parameters.forEach((name, a) -> {
      net.tensors.put(name, a);
      net.kinds.put(name, Kind.PARAMETER);
    });
    for (Stage s : stages) net.addStage(s.name(), s.fn());
    net.gradients = gradients;
    net.complexInput = stages.get(0).name().equals(InverseStft.NAME);
    net.setFrozen(name -> true);
    return net;
  }

  /**
   * Whether the input is a complex STFT {@code [N, 2, F, T]} (real, imaginary) that the network's
   * first stage inverts to a waveform (an imported raw-waveform model): removing a cell is then
   * zeroing both parts, and a gradient map per cell combines the two.
   */
  public boolean complexInput() {
    return complexInput;
  }

  /** Whether gradients flow through this network (false for a module that runs inference only). */
  public boolean hasGradients() {
    return gradients;
  }

  public String architecture() {
    return architecture;
  }

  /** [C, H, W] of one input. */
  public int[] inputShape() {
    return inputShape.clone();
  }

  public int numClasses() {
    return numClasses;
  }

  public NDManager manager() {
    return manager;
  }

  // ---- construction (used by the model factories) ----

  NDArray add(String name, Kind kind, Shape shape) {
    if (tensors.containsKey(name)) throw new IllegalStateException("duplicate tensor " + name);
    NDArray a = manager.zeros(shape, DataType.FLOAT32);
    a.setName(name);
    tensors.put(name, a);
    kinds.put(name, kind);
    return a;
  }

  void addBatchNorm(String prefix) {
    batchNorms.add(prefix);
  }

  void addStage(String name, Stage.Fn fn) {
    for (Stage s : stages) if (s.name().equals(name)) throw new IllegalStateException("duplicate stage " + name);
    stages.add(new Stage(name, fn));
  }

  /** Turns gradients on for every parameter that is not frozen (called once the network is built). */
  void ready() {
    setFrozen(frozen);
  }

  // ---- stages and forward passes ----

  public List<Stage> stages() {
    return Collections.unmodifiableList(stages);
  }

  public List<String> stageNames() {
    return stages.stream().map(Stage::name).toList();
  }

  /** Logits [N, classes] of a batch [N, C, H, W]. */
  public NDArray forward(NDArray x, boolean training) {
    return run(x, 0, stages.size(), training);
  }

  /** The activation after stage {@code stage} (inclusive). */
  public NDArray forwardTo(NDArray x, String stage, boolean training) {
    return run(x, 0, indexOf(stage) + 1, training);
  }

  /** Logits computed from the activation after stage {@code stage}, running the stages that follow it. */
  public NDArray forwardFrom(NDArray activation, String stage, boolean training) {
    return run(activation, indexOf(stage) + 1, stages.size(), training);
  }

  public int indexOf(String stage) {
    for (int i = 0; i < stages.size(); i++) if (stages.get(i).name().equals(stage)) return i;
    throw new SpectrolensException(stage, "no such layer in " + architecture + "; layers: " + String.join(", ", stageNames()));
  }

  private NDArray run(NDArray x, int from, int to, boolean training) {
    if (training || x.hasGradient() || x.getDevice().isGpu()) return runWhole(x, from, to, training);
    // Inference without gradients treats samples independently (running batch-norm statistics),
    // so on the CPU a large batch runs a few samples at a time: each intermediate then stays small
    // enough for the allocator to reuse (a fresh multi-megabyte block costs a page fault per 4 kB)
    // and for the caches to hold; the outputs are concatenated. The values are the same.
    long n = x.getShape().get(0);
    long perSample = Math.max(1, x.getShape().size() / Math.max(1, n));
    long most = Math.max(1, INFERENCE_CHUNK_VALUES / perSample);
    if (n <= most) return runWhole(x, from, to, false);
    long chunks = (n + most - 1) / most;
    long size = (n + chunks - 1) / chunks;
    try (NDList parts = new NDList()) {
      for (long i = 0; i < n; i += size) {
        try (NDArray part = x.get(i + ":" + Math.min(n, i + size))) {
          NDArray y = runWhole(part, from, to, false);
          parts.add(y == part ? y.duplicate() : y);
        }
      }
      return NDArrays.concat(parts, 0);
    }
  }

  private NDArray runWhole(NDArray x, int from, int to, boolean training) {
    if (training && from == 0 && to == stages.size()) batchesTracked++;
    NDArray a = x;
    for (int i = from; i < to; i++) {
      NDArray next = stages.get(i).fn().apply(a, training);
      if (a != x && a != next) a.close(); // intermediates go early (see Layers.chain); the caller's input stays
      a = next;
    }
    return a;
  }

  // ---- named tensors ----

  /** Every named tensor (parameters and buffers), in torchvision's state_dict order. */
  public Map<String, NDArray> tensors() {
    return Collections.unmodifiableMap(tensors);
  }

  public Kind kind(String name) {
    return kinds.get(name);
  }

  /** Trainable parameters (frozen ones excluded). */
  public Map<String, NDArray> trainable() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    tensors.forEach((n, a) -> {
      if (kinds.get(n) == Kind.PARAMETER && !frozen.test(n)) out.put(n, a);
    });
    return out;
  }

  /** Number of parameters (buffers excluded), as {@code sum(p.numel() for p in model.parameters())}. */
  public long parameterCount() {
    long n = 0;
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      if (kinds.get(e.getKey()) == Kind.PARAMETER) n += e.getValue().size();
    }
    return n;
  }

  /** Freezes the parameters whose names match: no gradients, and their batch norms use running stats. */
  public void setFrozen(Predicate<String> isFrozen) {
    this.frozen = isFrozen;
    tensors.forEach((n, a) -> {
      if (kinds.get(n) == Kind.PARAMETER) a.setRequiresGradient(!isFrozen.test(n));
    });
  }

  public boolean isFrozen(String name) {
    return frozen.test(name);
  }

  public long batchesTracked() {
    return batchesTracked;
  }

  public void setBatchesTracked(long n) {
    batchesTracked = n;
  }

  /** Batch-norm layer prefixes, e.g. {@code bn1}, {@code layer1.0.bn2}. */
  public List<String> batchNorms() {
    return Collections.unmodifiableList(batchNorms);
  }

  /**
   * The state as torchvision's {@code state_dict()}: every tensor plus
   * {@code <bn>.num_batches_tracked} (I64 scalar) after each batch norm's running_var.
   */
  public LinkedHashMap<String, Tensor> stateDict() {
    LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      long[] shape = e.getValue().getShape().getShape();
      out.put(e.getKey(), Tensor.f32(shape, e.getValue().toFloatArray()));
      if (e.getKey().endsWith(".running_var")) {
        String bn = e.getKey().substring(0, e.getKey().length() - ".running_var".length());
        out.put(bn + ".num_batches_tracked", Tensor.i64(new long[0], new long[] {batchesTracked}));
      }
    }
    return out;
  }

  /**
   * Loads tensors by name. Every name of {@code state} must exist here with the same shape
   * (num_batches_tracked entries set the counter); names this network has but {@code state}
   * lacks are an error unless {@code allowMissing} accepts them.
   */
  public void load(Map<String, Tensor> state, Predicate<String> allowMissing, String source) {
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      String n = e.getKey();
      Tensor t = e.getValue();
      if (n.endsWith(".num_batches_tracked")) {
        if (!t.isFloat() && t.longs().length == 1) batchesTracked = t.longs()[0];
        continue;
      }
      NDArray a = tensors.get(n);
      if (a == null) throw new SpectrolensException(source, "unexpected tensor '" + n + "' for " + architecture);
      long[] want = a.getShape().getShape();
      if (!Arrays.equals(want, t.shape())) {
        throw new SpectrolensException(source, "tensor '" + n + "' has shape " + Arrays.toString(t.shape())
            + ", " + architecture + " needs " + Arrays.toString(want));
      }
      if (!t.isFloat()) throw new SpectrolensException(source, "tensor '" + n + "' is " + t.dtype() + ", expected a float type");
      a.set(t.floats());
    }
    for (String n : tensors.keySet()) {
      if (!state.containsKey(n) && !allowMissing.test(n)) {
        throw new SpectrolensException(source, "missing tensor '" + n + "' for " + architecture);
      }
    }
  }

  /** Copies of every tensor's values (for comparisons and snapshots). */
  public Map<String, float[]> snapshot() {
    Map<String, float[]> out = new LinkedHashMap<>();
    tensors.forEach((n, a) -> out.put(n, a.toFloatArray()));
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
