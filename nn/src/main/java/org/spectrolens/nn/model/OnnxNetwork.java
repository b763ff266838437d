package org.spectrolens.nn.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.Engines;

/**
 * An ONNX graph run by DJL's ONNX Runtime engine as a {@link Network} of one stage,
 * {@code forward}: inputs cross from the PyTorch engine as floats and the logits come back. ONNX
 * Runtime runs inference only, so the network has no gradients and no parameters spectrolens can
 * reach: methods that need either refuse it in one line. A graph whose batch size is fixed runs
 * that many inputs at a time.
 */
final class OnnxNetwork {
  static final String NAME = "onnx";
  private static final String ENGINE = "OnnxRuntime";

  private OnnxNetwork() {}

  /** @param front a first stage before the graph (a raw-waveform network's inverse STFT), made in the network's manager; null for none */
  static Network open(Path file, int[] inputShape, int classes, Function<NDManager, Stage> front) {
    Engines.get(); // the PyTorch engine first: the network's own manager and every tap live there
    Model model = Model.newInstance("imported", Device.cpu(), ENGINE);
    try {
      try {
        model.load(file);
      } catch (Exception e) {
        throw new SpectrolensException(file.toString(), "not an ONNX file ONNX Runtime can load: " + TorchScriptNetwork.firstLine(e));
      }
      Block block = model.getBlock();
      Shape declared = block.describeInput().size() == 0 ? null : block.describeInput().get(0).getValue();
      long fixed = declared == null || declared.dimension() == 0 ? -1 : declared.get(0);
      int batch = fixed > 0 ? (int) fixed : Integer.MAX_VALUE;
      NDManager manager = NDManager.newBaseManager(Engines.device(), Engines.get().getEngineName());
      manager.attachInternal("onnx-model", model::close); // the session goes with the network
      Stage.Fn fn = (x, training) -> run(model, block, x, batch);
      Stage graph = new Stage("forward", fn);
      return Network.external(NAME, inputShape, classes, manager, Map.of(), front == null ? List.of(graph) : List.of(front.apply(manager), graph),
          false);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static NDArray run(Model model, Block block, NDArray x, int batch) {
    long n = x.getShape().get(0);
    Shape one = x.getShape().slice(1);
    float[] all = x.toFloatArray();
    int size = (int) one.size();
    try (NDList parts = new NDList()) {
      for (long from = 0; from < n; from += batch) {
        int len = (int) Math.min(batch, n - from);
        float[] part = new float[len * size];
        System.arraycopy(all, (int) from * size, part, 0, part.length);
        try (NDManager ort = model.getNDManager().newSubManager()) {
          NDArray in = ort.create(part, new Shape(len).addAll(one));
          NDList out = block.forward(new ParameterStore(ort, false), new NDList(in), false);
          NDArray y = out.get(0);
          parts.add(x.getManager().create(y.toFloatArray(), y.getShape()));
        }
      }
      return parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts, 0);
    }
  }
}
