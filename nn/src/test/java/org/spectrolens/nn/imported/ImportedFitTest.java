package org.spectrolens.nn.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.dataset.Fit;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainedModel;

/**
 * A torchvision resnet18 with its 3-channel stem behind a front end that crops (torchvision's
 * center_crop) or pads (torch's F.pad) the frames to the width instead of resizing, the grid
 * repeated over the channels and normalised per channel (scripts/reference/fit_reference.py): the
 * logits of a longer and a shorter recording through the declared front end equal Python's within
 * 1e-4, and the other fit, or one mean and std for every channel, does not.
 */
class ImportedFitTest {
  @TempDir static Path dir;

  @BeforeAll
  static void script() throws Exception {
    System.out.print(PythonModels.run("fit_reference.py", "torch, torchaudio, torchvision", dir.toString()));
  }

  private static ModelImport.Result check(String front, String expect, String wav, String out) {
    ModelImport imp = new ModelImport(dir.resolve("resnet18.pt"), "torchscript", DeclaredFrontEnd.read(dir.resolve(front)), 3,
        List.of("a", "b", "c"), null);
    return imp.write(dir.resolve(out), false, AudioFile.read(dir.resolve(wav)), Npy.read(dir.resolve(expect)).data(), 1e-4);
  }

  @Test
  void cropAndPadWithPerChannelNormalisationEqualTorch() {
    for (String fit : List.of("crop", "pad")) {
      for (String probe : List.of("long", "short")) {
        ModelImport.Result r = check("front_" + fit + ".json", "expect_" + fit + "_" + probe + ".npy", probe + ".wav", fit + "-" + probe);
        System.out.printf("resnet18, %s fit, %s probe: largest logit difference %.3g%n", fit, probe, r.parity().maxAbsDifference());
        assertTrue(r.parity().maxAbsDifference() <= 1e-4);
      }
    }
    try (TrainedModel m = TrainedModel.open(dir.resolve("crop-long"))) {
      assertEquals(new Fit("crop", 0), m.config().dataset().fit());
      assertArrayEquals(new float[][] {{-40, -35, -30}, {20, 15, 25}}, m.normalisation());
    }
  }

  @Test
  void theOtherFitOrOneMeanForEveryChannelMissesPython() throws Exception {
    // the long probe cropped (centred) is not the long probe cut (its first 96 frames)
    SpectrolensException e = assertThrows(SpectrolensException.class,
        () -> check("front_pad.json", "expect_crop_long.npy", "long.wav", "wrong-fit"));
    assertTrue(e.getMessage().contains("differ by up to"), e.getMessage());
    String one = Files.readString(dir.resolve("front_crop.json")).replaceAll("\"channel_(means|stds)\": \\[[^]]*\\],?", "")
        .replaceAll(",\\s*}", "}");
    Files.writeString(dir.resolve("front_one.json"), one);
    assertEquals(null, DeclaredFrontEnd.read(dir.resolve("front_one.json")).normalization().channelMeans());
    e = assertThrows(SpectrolensException.class, () -> check("front_one.json", "expect_crop_long.npy", "long.wav", "one-mean"));
    assertTrue(e.getMessage().contains("differ by up to"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("wrong-fit")) && Files.notExists(dir.resolve("one-mean")));
    ModelConfig.Normalization two = new ModelConfig.Normalization(0, 1, new double[] {0, 0}, new double[] {1, 1});
    DeclaredFrontEnd f = DeclaredFrontEnd.read(dir.resolve("front_crop.json"));
    e = assertThrows(SpectrolensException.class, () -> new ModelImport(dir.resolve("resnet18.pt"), "torchscript",
        new DeclaredFrontEnd(f.format(), two), 3, List.of("a", "b", "c"), null));
    assertTrue(e.getMessage().contains("has 2 channel means and standard deviations for 3 input channels"), e.getMessage());
  }
}
