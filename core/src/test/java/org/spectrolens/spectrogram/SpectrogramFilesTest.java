package org.spectrolens.spectrogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.SpectrogramSpec.Kind;

class SpectrogramFilesTest {
  @TempDir Path dir;

  @Test
  void melSpectrogramRoundTripsWithAxesAndSpec() throws Exception {
    Spectrogram s = FrontEnd.compute(FrontEndTest.tone(500, 0.4, 11025, 1.5),
        SpectrogramSpec.librosa().withKind(Kind.MEL).withDb(true, 80.0));
    Path npy = dir.resolve("x.npy");
    SpectrogramFiles.write(npy, s);
    JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("x.axes.json")));
    assertEquals(128, json.path("shape").get(0).asInt());
    assertEquals(s.columns(), json.path("shape").get(1).asInt());
    assertEquals("mel-slaney", json.path("frequency_scale").asText());
    assertEquals(s.frequencies().hz(5), json.path("frequencies_hz").get(5).asDouble(), 1e-9);
    assertEquals(1.5 + 3 * 512 / 22050.0, json.path("times_s").get(3).asDouble(), 1e-12);
    assertTrue(json.path("spec").path("fmax").isNull());
    assertEquals("constant", json.path("spec").path("pad_mode").asText());

    Spectrogram r = SpectrogramFiles.read(npy);
    assertEquals(s.frequencies(), r.frequencies());
    assertEquals(s.times(), r.times());
    assertEquals(s.spec(), r.spec());
    for (int i = 0; i < s.rows(); i++) assertArrayEquals(s.values()[i], r.values()[i]);

    // the one axes shape: the file reads as the GridAxes explain.json records
    assertEquals(512 / 22050.0, json.path("time_step").asDouble(), 1e-15);
    GridAxes g = SpectrogramFiles.gridAxes(dir.resolve("x.axes.json"));
    assertEquals("mel-slaney", g.frequencyScale());
    assertArrayEquals(s.frequencies().hz(), g.rowHz(), 0);
    assertEquals(512 / 22050.0, g.timeStep(), 1e-15);
  }

  @Test
  void anAxesFileWrittenBeforeTimeStepReadsAsBefore() throws Exception {
    Spectrogram s = FrontEnd.compute(FrontEndTest.tone(500, 0.4, 16000, 0), SpectrogramSpec.librosa());
    Path npy = dir.resolve("old.npy");
    SpectrogramFiles.write(npy, s);
    Path axes = dir.resolve("old.axes.json");
    com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(axes.toFile());
    old.remove("time_step");
    Files.writeString(axes, Json.toString(old));
    assertEquals(s.times(), SpectrogramFiles.read(npy).times());
    assertEquals(s.times().step(), SpectrogramFiles.gridAxes(axes).timeStep(), 0);
  }

  @Test
  void mfccFilesDoNotClaimHz() throws Exception {
    Spectrogram s = FrontEnd.compute(FrontEndTest.tone(500, 0.4, 11025, 0),
        SpectrogramSpec.librosa().withKind(Kind.MFCC).withDb(true, Double.POSITIVE_INFINITY));
    Path npy = dir.resolve("m.npy");
    SpectrogramFiles.write(npy, s);
    JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("m.axes.json")));
    assertTrue(json.path("frequencies_hz").isNull());
    assertEquals("coefficient", json.path("row_unit").asText());
    assertEquals(19, json.path("coefficients").get(19).asInt());
    assertEquals("inf", json.path("spec").path("top_db").asText());
    assertEquals(s.spec(), SpectrogramFiles.read(npy).spec());
  }

  @Test
  void missingOrMismatchedAxesAreReportedWithTheFile() throws Exception {
    Path npy = dir.resolve("y.npy");
    org.spectrolens.io.Npy.write(npy, new float[][] {{1, 2, 3}});
    org.spectrolens.SpectrolensException missing =
        org.junit.jupiter.api.Assertions.assertThrows(org.spectrolens.SpectrolensException.class, () -> SpectrogramFiles.read(npy));
    assertEquals(dir.resolve("y.axes.json").toString(), missing.subject());
    Spectrogram other = new Spectrogram(new float[][] {{1, 2}}, FrequencyAxis.linear(8, 1), TimeAxis.of(0, 1, 2), null);
    SpectrogramFiles.write(dir.resolve("z.npy"), other);
    Files.copy(dir.resolve("z.axes.json"), dir.resolve("y.axes.json"));
    org.spectrolens.SpectrolensException shape =
        org.junit.jupiter.api.Assertions.assertThrows(org.spectrolens.SpectrolensException.class, () -> SpectrogramFiles.read(npy));
    assertEquals(npy.toString(), shape.subject());
  }

  @Test
  void normalisationHelpers() {
    Spectrogram s = new Spectrogram(new float[][] {{1, 2}, {3, 6}}, FrequencyAxis.linear(8, 2), TimeAxis.of(0, 1, 2), null);
    float[][] z = Normalisation.standardise(s).values();
    double mean = (z[0][0] + z[0][1] + z[1][0] + z[1][1]) / 4;
    double var = (z[0][0] * z[0][0] + z[0][1] * z[0][1] + z[1][0] * z[1][0] + z[1][1] * z[1][1]) / 4 - mean * mean;
    assertEquals(0.0, mean, 1e-6);
    assertEquals(1.0, var, 1e-5);
    assertArrayEquals(new float[] {0f, 0.2f}, Normalisation.minMax(s).values()[0], 1e-6f);
    assertArrayEquals(new float[] {0.4f, 1f}, Normalisation.minMax(s).values()[1], 1e-6f);
    Spectrogram flat = s.withValues(new float[][] {{5, 5}, {5, 5}});
    assertArrayEquals(new float[] {0, 0}, Normalisation.standardise(flat).values()[1]);
    assertArrayEquals(new float[] {0, 0}, Normalisation.minMax(flat).values()[0]);
    assertEquals(s.frequencies(), Normalisation.minMax(s).frequencies());
  }
}
