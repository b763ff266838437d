package org.spectrolens.nn.model;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.Engines;

/** Creates networks by architecture name. */
public final class Models {
  private Models() {}

  /** Every architecture name: smallcnn, resnet18, resnet34, resnet50, resnet101. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    out.add(SmallCnn.NAME);
    out.addAll(ResNet.NAMES);
    return out;
  }

  /**
   * A freshly initialised network on the engine's device.
   *
   * @param inputShape [C, H, W]
   */
  public static Network create(String architecture, int[] inputShape, int classes, long seed) {
    if (inputShape.length != 3) throw new IllegalArgumentException("input shape must be [C, H, W]");
    if (classes < 2) throw new SpectrolensException(architecture, "needs at least 2 classes, got " + classes);
    NDManager manager = NDManager.newBaseManager(Engines.device(), Engines.get().getEngineName());
    try {
      if (SmallCnn.NAME.equals(architecture)) {
        return SmallCnn.create(inputShape[0], inputShape[1], inputShape[2], classes, seed, manager);
      }
      if (ResNet.NAMES.contains(architecture)) {
        return ResNet.create(architecture, inputShape[0], inputShape[1], inputShape[2], classes, seed, manager);
      }
    } catch (IllegalArgumentException e) {
      manager.close();
      throw new SpectrolensException(architecture, e.getMessage());
    }
    manager.close();
    throw new SpectrolensException(architecture, "unknown model; expected one of " + String.join(", ", names()));
  }
}
