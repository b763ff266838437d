package org.spectrolens.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.cli.Main;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.InputMethod;
import org.spectrolens.explain.MapStack;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.params.Param;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * A method defined outside {@code org.spectrolens.explain} through the public API alone (one class:
 * input x gradient, Shrikumar et al. 2016), registered and run end to end by the command line.
 */
class InputTimesGradientTest {
  /** {@code sum_c x * dS/dx}, or its absolute value. */
  static final class InputTimesGradient extends InputMethod<InputTimesGradient.Params> {
    record Params(@Param("take the absolute value per cell") boolean absolute) {}

    static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("input-x-gradient",
        "Input x gradient: the input times its gradient, summed over channels", "1 forward + 1 backward",
        new Params(true), new Params(true), new Params(true), InputTimesGradient::new);

    InputTimesGradient(Params p) {
      super(DEFINITION, p);
    }

    @Override
    protected Maps rawMaps(Request r) {
      Tap.Input g = Tap.input(r.network(), r.inputs(), r.n(), r.targets());
      boolean abs = params(r.options()).absolute();
      int hw = r.height() * r.width();
      float[][] raw = new float[r.n()][hw];
      for (int i = 0; i < r.n(); i++) {
        for (int c = 0; c < r.channels(); c++) {
          for (int p = 0; p < hw; p++) {
            int q = (i * r.channels() + c) * hw + p;
            raw[i][p] += r.inputs()[q] * g.gradients()[q];
          }
        }
        if (abs) for (int p = 0; p < hw; p++) raw[i][p] = Math.abs(raw[i][p]);
      }
      return new Maps(raw, g.logits(), g.targets());
    }
  }

  @TempDir Path dir;

  @Test
  void registeredMethodRunsThroughTheCommandLine() {
    Explainers.register(InputTimesGradient.DEFINITION);
    List<String> ids = Explainers.ids();
    assertTrue(ids.containsAll(Explainers.IDS), "every built-in method is listed");
    assertEquals(Explainers.IDS.size() + 1, ids.size());
    assertTrue(ids.contains("input-x-gradient"));

    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    SplittableRandom r = new SplittableRandom(3);
    for (int j = 0; j < 8; j++) {
      String label = j % 2 == 0 ? "low" : "high";
      float[][] g = new float[16][16];
      for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) g[y][x] = (float) (-60 + 3 * r.nextGaussian() + (label.equals("low") == y < 5 ? 25 : 0));
      w.add(new DatasetItem("i" + j, "a.wav", j, j + 0.1, label, "s" + j % 3, j < 6 ? "train" : "test", -1, "", j, 0.01), g);
    }
    w.finish(new DatasetInfo(DatasetInfo.FORMAT, "toy", "voicing", List.of("low", "high"), SpectrogramSpec.torchaudio(),
        0, 4000, 16, 16, "linear", 0, 4000.0 / 15, "speaker", 1, 0.25), Map.of());
    Path model = dir.resolve("model");
    assertEquals(0, Main.run("train", "--data", dir.resolve("ds").toString(), "--model", "smallcnn", "--out", model.toString(),
        "--epochs", "1", "--batch", "4", "--quiet", "--seed", "1"));
    Path out = dir.resolve("out");
    assertEquals(0, Main.run("explain", "--model", model.toString(), "--data", dir.resolve("ds").toString(), "--split", "all",
        "--methods", "input-x-gradient,smoothgrad:input-x-gradient", "--param", "input-x-gradient.absolute=false",
        "--param", "smoothgrad.noise=0", "--param", "smoothgrad.samples=2", "--quiet", "--out", out.toString()));
    // the raw maps are exactly x * gradient, computed here from the engine's gradients
    MapStack.Maps raw = MapStack.read(out, "input-x-gradient", true);
    MapStack.Maps smooth = MapStack.read(out, "smoothgrad:input-x-gradient", true);
    try (TrainedModel m = TrainedModel.open(model)) {
      var data = org.spectrolens.dataset.CachedDataset.open(dir.resolve("ds"));
      for (int i = 0; i < 8; i++) {
        float[] x = m.input(data.load(data.items().get(i)));
        Tap.Input g = Tap.input(m.network(), x, 1, null);
        float[] want = new float[256];
        for (int p = 0; p < 256; p++) want[p] = x[p] * g.gradients()[p];
        assertArrayEquals(want, raw.maps()[i], 1e-5f, "item " + i);
        // noise 0: SmoothGrad over the method is the method
        assertArrayEquals(want, smooth.maps()[i], 1e-5f, "smoothgrad item " + i);
      }
    }
    assertEquals(Npy.read(out.resolve("input-x-gradient.npy")).shape()[0], 8);
  }
}
