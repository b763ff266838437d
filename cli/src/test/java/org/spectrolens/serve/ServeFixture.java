package org.spectrolens.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.spectrolens.cli.CliRun;

/**
 * The explorer's API tests' folder ({@link ExplorerServerTest}, {@link LiveExplainerTest},
 * {@link HostileRoundTest}), built once per test JVM through the CLI itself, laid out as {@code
 * demo} lays out an experiment: a run smaller than {@code demo --quick} (which the browser test
 * serves), with items the API tests check against closed forms:
 * <pre>
 *   corpus/          synth, 8 utterances (wavs, truth tracks, speakers.csv)
 *   vowels/dataset   vowels at 16x16 split by speaker     vowels/model    smallcnn, 1 epoch
 *   vowels/groups    evaluate --by group --split all (predictions.csv)
 *   vowels/explain   gradcam, saliency and layercam on every item
 *   scene-corpus/    synth-scene, 2 clips (events.csv, event and rest stems)      scene/dataset   its chunks at 16x16
 * </pre>
 */
final class ServeFixture {
  private static Path dir;

  private ServeFixture() {}

  static synchronized Path get() throws IOException {
    if (dir != null) return dir;
    Path d = Files.createTempDirectory("spectrolens-serve");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
    step("synth", "--out", d.resolve("corpus").toString(), "--utterances", "8", "--seed", "3");
    Path exp = d.resolve("vowels");
    String ds = exp.resolve("dataset").toString();
    String model = exp.resolve("model").toString();
    step("dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", ds, "--size", "16x16", "--group-by", "speaker",
        "--stress", "any", "--no-progress", "--threads", "1");
    step("train", "--data", ds, "--out", model, "--epochs", "1", "--batch", "4", "--quiet", "--threads", "1");
    step("evaluate", "--model", model, "--data", ds, "--split", "all", "--by", "group", "--out", exp.resolve("groups/metrics.json").toString(),
        "--threads", "1");
    step("explain", "--model", model, "--data", ds, "--split", "all", "--methods", "gradcam,saliency,layercam", "--layer", "conv2", "--quiet",
        "--out", exp.resolve("explain").toString(), "--threads", "1");
    // the monitoring scene: two clips with their events and stems, cut in chunks (no model: the view needs none)
    step("synth-scene", "--out", d.resolve("scene-corpus").toString(), "--clips", "2", "--seed", "3");
    step("dataset", "--corpus", d.resolve("scene-corpus").toString(), "--task", "chunks", "--out", d.resolve("scene/dataset").toString(),
        "--size", "16x16", "--no-progress", "--threads", "1");
    dir = d;
    return d;
  }

  private static void step(String... args) {
    CliRun r = CliRun.of(args);
    if (r.exit() != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + r.err());
  }

  private static void delete(Path d) {
    try (Stream<Path> s = Files.walk(d)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
