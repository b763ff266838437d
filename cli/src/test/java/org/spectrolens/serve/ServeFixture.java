package org.spectrolens.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.spectrolens.cli.CliRun;
import org.spectrolens.dataset.DatasetItem;

/**
 * The explorer tests' folder, built once per test JVM through the CLI itself, laid out as
 * {@code demo} lays out an experiment (a smaller run than {@code demo --quick}, whose 7 minutes
 * the suite cannot spend twice):
 * <pre>
 *   corpus/          synth, 8 utterances (wavs, truth tracks, speakers.csv)
 *   vowels/dataset   vowels at 16x16 split by speaker     vowels/model    smallcnn, 1 epoch
 *   vowels/groups    evaluate --by group --split all (predictions.csv)
 *   vowels/explain   gradcam, saliency and layercam on every item
 *   big/dataset      10,000 items (one cached grid shared) with big/groups/predictions.csv: the table at scale
 *   scene-corpus/    synth-scene, 2 clips (events.csv, event and rest stems)      scene/dataset   its chunks at 16x16
 * </pre>
 */
final class ServeFixture {
  /** Items in the large run. */
  static final int BIG = 10_000;
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
    big(d, exp.resolve("dataset"));
    // the monitoring scene: two clips with their events and stems, cut in chunks (no model: the view needs none)
    step("synth-scene", "--out", d.resolve("scene-corpus").toString(), "--clips", "2", "--seed", "3");
    step("dataset", "--corpus", d.resolve("scene-corpus").toString(), "--task", "chunks", "--out", d.resolve("scene/dataset").toString(),
        "--size", "16x16", "--no-progress", "--threads", "1");
    dir = d;
    return d;
  }

  /** A run of {@link #BIG} items on the vowels dataset's grid, and a prediction for each. */
  private static void big(Path d, Path vowels) throws IOException {
    Path ds = d.resolve("big/dataset");
    Files.createDirectories(ds.resolve("items"));
    Files.copy(vowels.resolve("dataset.json"), ds.resolve("dataset.json"));
    List<String> manifest = Files.readAllLines(vowels.resolve("manifest.csv"));
    String[] cells = manifest.get(1).split(",");
    Files.copy(vowels.resolve(cells[8]), ds.resolve("items/shared.npy"));
    String[] classes = {"i", "ae", "er", "aa", "u"};
    String[] groups = {"SL001", "SL002", "SL003"};
    List<String> rows = new ArrayList<>(List.of(DatasetItem.HEADER));
    List<String> predictions = new ArrayList<>(List.of("id,label,predicted,p_i,p_ae,p_er,p_aa,p_u"));
    for (int k = 0; k < BIG; k++) {
      String id = String.format("item-%05d", k);
      String label = classes[k % 5];
      String predicted = classes[(k % 7 == 0 ? k + 1 : k) % 5]; // one in seven wrong
      rows.add(String.join(",", id, cells[1], cells[2], cells[3], label, groups[k % 3], k % 3 == 0 ? "test" : "train", "-1", "items/shared.npy",
          cells[9], cells[10], cells[11]));
      StringBuilder p = new StringBuilder(id + "," + label + "," + predicted);
      for (String c : classes) p.append(c.equals(predicted) ? ",0.600000" : ",0.100000");
      predictions.add(p.toString());
    }
    Files.write(ds.resolve("manifest.csv"), rows);
    Files.createDirectories(d.resolve("big/groups"));
    Files.write(d.resolve("big/groups/predictions.csv"), predictions);
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
