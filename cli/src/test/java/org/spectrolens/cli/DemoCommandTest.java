package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;

/** The whole study on a tiny built-in corpus, twice into the same folder (a re-run replaces its own outputs). */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void runsEveryExperimentEndToEndAndCanRunAgain() throws Exception {
    Path out = dir.resolve("demo");
    String[] args = {"demo", "--out", out.toString(), "--utterances", "60", "--epochs", "1", "--methods", "gradcam,saliency"};
    CliRun first = CliRun.of(args);
    assertEquals(0, first.exit(), first.err());
    JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    assertEquals(3, summary.size());
    for (String exp : new String[] {"vowels-fullband", "vowels-4k", "voicing-4k"}) {
      JsonNode e = summary.get(exp);
      double acc = e.get("accuracy").asDouble();
      assertTrue(acc >= 0 && acc <= 1, exp + " accuracy " + acc);
      assertTrue(e.get("explanations").size() >= 2, exp);
      for (JsonNode row : e.get("explanations")) {
        assertEquals(2, row.get("strongest_band_hz").size(), row.toString());
      }
      assertTrue(Files.exists(out.resolve("models").resolve(exp).resolve("metrics.json")));
    }
    assertTrue(first.out().contains("$ ./spectrolens train --data"), "prints each step as a command");
    CliRun again = CliRun.of(args);
    assertEquals(0, again.exit(), again.err());
    assertEquals(summary, Json.MAPPER.readTree(out.resolve("summary.json").toFile()), "same seed, same results");
  }
}
