package org.spectrolens.nn.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.data.Examples;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.model.ImportedNetworks;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/**
 * A network's penultimate-layer outputs: the activation of the stage just before the last (the
 * classifier), flattened per input. For {@code smallcnn} that is {@code fc2} (100 values after
 * ReLU), for the ResNets {@code avgpool} (512 or 2048 channel means): the representation the
 * final linear layer separates, and so the one a classic classifier or a t-SNE map can reuse.
 * Computed in inference mode (running batch-norm statistics). An imported model's embedding is
 * the channel means of the layer it exposes (for a ResNet's layer4, what its avgpool gives).
 */
public final class Embeddings {
  /** Inputs per forward pass. */
  static final int BATCH = 64;

  private Embeddings() {}

  /** The name of the penultimate stage of {@code net}. */
  public static String layer(Network net) {
    List<String> names = net.stageNames();
    if (ImportedNetworks.ENGINES.contains(net.architecture()) && names.size() < 2) {
      throw new SpectrolensException(net.architecture(), "the imported model exposes no layer to take embeddings"
          + " from; import a TorchScript module with a layer (docs/import.md)");
    }
    return names.get(names.size() - 2);
  }

  /** Embeddings [n][d] of {@code n} flat, normalised inputs [n, C, H, W]. */
  public static float[][] of(Network net, float[] inputs, int n) {
    int[] s = net.inputShape();
    String layer = layer(net);
    float[][] out = new float[n][];
    try (NDManager tmp = net.manager().newSubManager()) {
      NDArray x = tmp.create(inputs, new Shape(n, s[0], s[1], s[2]));
      NDArray a = net.forwardTo(x, layer, false);
      if (ImportedNetworks.ENGINES.contains(net.architecture()) && a.getShape().dimension() == 4) {
        a = a.mean(new int[] {3}).mean(new int[] {2}); // the engine reduces one axis at a time
      }
      float[] flat = a.toFloatArray();
      int d = flat.length / Math.max(1, n);
      for (int i = 0; i < n; i++) {
        out[i] = new float[d];
        System.arraycopy(flat, i * d, out[i], 0, d);
      }
    }
    return out;
  }

  /** Refuses a dataset whose items are not inputs of {@code model}: another front end, crop or grid size. */
  public static void requireMatching(TrainedModel model, CachedDataset ds) {
    Evaluator.requireSameFrontEnd(model, ds);
    int[] shape = model.config().inputShape();
    if (shape[1] != ds.info().height() || shape[2] != ds.info().width()) {
      throw new SpectrolensException(ds.dir().toString(), "items are " + ds.info().height() + "x" + ds.info().width()
          + ", the model " + model.dir() + " takes " + shape[1] + "x" + shape[2]);
    }
  }

  /**
   * Embeddings [items][d] of dataset items, in order. The dataset must have the model's front end
   * (the same spectrogram, crop and size as its training data), else its inputs would not mean
   * what the network learnt.
   */
  public static float[][] of(TrainedModel model, CachedDataset ds, List<DatasetItem> items) {
    requireMatching(model, ds);
    int[] shape = model.config().inputShape();
    float[][] norm = model.normalisation();
    Examples ex = Examples.load(ds, items, item -> 0, norm[0], norm[1]);
    float[][] out = new float[items.size()][];
    for (int from = 0; from < items.size(); from += BATCH) {
      int[] idx = new int[Math.min(BATCH, items.size() - from)];
      for (int i = 0; i < idx.length; i++) idx[i] = from + i;
      float[][] e = of(model.network(), ex.batch(idx, shape[0], null, 0, 0), idx.length);
      System.arraycopy(e, 0, out, from, idx.length);
    }
    return out;
  }
}
