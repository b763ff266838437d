package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.Engines;

/**
 * A TorchScript module ({@code torch.jit.script} or {@code torch.jit.trace}, saved with
 * {@code .save}) run through DJL's PyTorch engine as a {@link Network}, so every method that runs
 * a network runs it unchanged.
 *
 * <p>The stages: {@code forward} alone; or, when the module exposes a layer L for the CAM family,
 * {@code L} (the module's method {@code to_L(x)}: the layer's activations) and {@code head}
 * ({@code from_L(a)}: the logits from them), so a tap continues from the layer's activations
 * without hooks. The module is put in eval mode once and called with autograd on (DJL's own
 * forward switches autograd off outside training), so input and layer gradients flow while batch
 * norms use their running statistics. Its parameters are the module's own tensors, in
 * {@code named_parameters()} order: re-initialising them in place (sanity) changes the module.
 */
final class TorchScriptNetwork {
  /** The architecture name an imported TorchScript network carries. */
  static final String NAME = "torchscript";
  /** The stage after an exposed layer. */
  static final String HEAD = "head";

  private TorchScriptNetwork() {}

  /** @param front a first stage before the module's (a raw-waveform network's inverse STFT), made in the network's manager; null for none */
  static Network open(Path file, int[] inputShape, int classes, String layer, Function<NDManager, Stage> front) {
    PtNDManager manager = (PtNDManager) NDManager.newBaseManager(Engines.device(), Engines.get().getEngineName());
    try {
      PtSymbolBlock module;
      try {
        // parameters loaded as ordinary tensors (not inference tensors), so autograd can save them
        module = JniUtils.loadModule(manager, file, true, new String[0], new String[0], true);
      } catch (RuntimeException e) {
        throw new SpectrolensException(file.toString(), "not a TorchScript file PyTorch can load: " + firstLine(e));
      }
      JniUtils.enableInferenceMode(module);
      List<String> methods = Arrays.asList(JniUtils.getMethodNames(module));
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (NDArray p : JniUtils.moduleGetParams(module, manager)) params.put(p.getName(), p);
      List<Stage> stages = new ArrayList<>();
      if (front != null) stages.add(front.apply(manager));
      if (layer == null) {
        stages.add(new Stage("forward", call(module, "forward")));
      } else {
        for (String m : List.of("to_" + layer, "from_" + layer)) {
          if (!methods.contains(m)) {
            throw new SpectrolensException(file.toString(), "exposes no method '" + m + "' for layer '" + layer
                + "' (a layer for CAM methods needs to_" + layer + " and from_" + layer + ", see docs/import.md); its methods: "
                + String.join(", ", methods));
          }
        }
        Stage.Fn to = call(module, "to_" + layer);
        Stage.Fn from = call(module, "from_" + layer);
        if (front != null) {
          // a waveform network's layer is 1-D, [N, K, t]: seen as [N, K, 1, t], one row over every frequency
          boolean[] flat = {false};
          Stage.Fn to1 = to;
          Stage.Fn from1 = from;
          to = (x, training) -> {
            NDArray a = to1.apply(x, training);
            flat[0] = a.getShape().dimension() == 3;
            return flat[0] ? a.expandDims(2) : a;
          };
          from = (a, training) -> from1.apply(flat[0] && a.getShape().dimension() == 4 ? a.squeeze(2) : a, training);
        }
        stages.add(new Stage(layer, to));
        stages.add(new Stage(HEAD, from));
      }
      return Network.external(NAME, inputShape, classes, manager, params, stages, true);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** A stage calling the module's method {@code method} with autograd on; the module stays in eval mode. */
  private static Stage.Fn call(PtSymbolBlock module, String method) {
    return (x, training) -> {
      // IValueUtils reads the method to call from an array so named; it is not passed to the method
      try (NDArray which = x.getManager().create(new float[1], new Shape(1))) {
        which.setName("module_method:" + method);
        NDList out = IValueUtils.forward(module, new NDList(which, x), true);
        if (out.size() != 1) {
          throw SpectrolensException.ofParameter("model", "the module's " + method + " returns " + out.size() + " tensors, expected one");
        }
        return out.get(0);
      }
    };
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
