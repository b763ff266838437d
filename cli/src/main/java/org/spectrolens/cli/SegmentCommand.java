package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.OutputNames;
import org.spectrolens.params.Param;
import org.spectrolens.segment.LabelFigure;
import org.spectrolens.segment.LabelGrid;
import org.spectrolens.segment.Morphology;
import org.spectrolens.segment.Region;
import org.spectrolens.segment.SegmentResult;
import org.spectrolens.segment.SceneDetection;
import org.spectrolens.segment.Segmentation;
import org.spectrolens.segment.Segmenters;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.params.Params;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectrolens segment IN... --method M [--param k=v] [--morphology ops] --out DIR}: labelled
 * time-frequency regions ({@link Segmentation}) of audio (through the front-end options), of a
 * spectrogram {@code .npy} with its {@code .axes.json}, or of a bare [H, W] (or [N, H, W] with
 * {@code --item}) {@code .npy} such as an explanation map (rows and columns then numbered, not in Hz
 * and s). Per input: {@code labels.npy} (+ {@code labels.axes.json}), {@code regions.csv},
 * {@code overlay.png} and {@code segment.json} (the settings); one input writes them into DIR,
 * several into {@code DIR/<name>/}. With {@code --scene SCENE} it instead scores event detection on
 * a synth-scene folder ({@link SceneDetection}) and writes {@code detection.csv}.
 */
@Command(name = "segment", description = "Segment spectrograms or maps into labelled time-frequency regions (s, Hz).")
final class SegmentCommand implements Callable<Integer>, Checked {
  static final String COMMAND = "segment";

  @Parameters(arity = "0..*", paramLabel = "IN", description = "Audio files, spectrogram .npy files (with .axes.json) or [H,W] maps (.npy).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (required unless --list).")
  Path out;

  @Option(names = "--method", defaultValue = "otsu", paramLabel = "M",
      description = "threshold, otsu, region-growing, kmeans or felzenszwalb, optionally with parameters (felzenszwalb:scale=100,min-size=5) (default: ${DEFAULT-VALUE}); see --list.")
  String method;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A method parameter (repeatable), e.g. scale=100, added to those in --method; see --list.")
  List<String> params = new ArrayList<>();

  @Option(names = "--morphology", paramLabel = "OPS",
      description = "Binary morphology on the foreground, in order: erosion|dilation|opening|closing:SIZE or :ROWSxCOLUMNS, comma-separated.")
  String morphology;

  @Option(names = "--above-floor", description = "Segment levels above each band's floor: its --floor-quantile over time (a stationary noise floor).")
  boolean aboveFloor;

  @Sets(Segmentation.class)
  @Option(names = "--floor-quantile", defaultValue = "0.1", paramLabel = "Q",
      description = "With --above-floor: the quantile of each band over time taken as its floor (default: ${DEFAULT-VALUE}; 0.5 is the median).")
  double floorQuantile;

  @Param(min = 0)
  @Option(names = "--item", defaultValue = "0", paramLabel = "K", description = "Which map of an [N,H,W] .npy stack (default: ${DEFAULT-VALUE}).")
  int item;

  @Option(names = "--scene", paramLabel = "SCENE",
      description = "Score event detection on a synth-scene folder against its truth masks instead (writes detection.csv).")
  Path scene;

  @Param(min = 0, max = 1_000_000)
  @Option(names = "--clips", defaultValue = "0", paramLabel = "N", description = "With --scene: the first N clips (default: ${DEFAULT-VALUE} = all).")
  int clips;

  @Option(names = "--list", description = "List the methods and their parameters, then exit.")
  boolean list;

  @Option(names = "--force", description = "Replace a folder another command wrote, or write inside an input.")
  boolean force;

  @Mixin FrontEndOptions frontEnd;

  private Segmentation segmentation;

  @Override
  public void checkOptions() {
    if (list) return;
    if (out == null) throw new SpectrolensException("--out", "required (see 'spectrolens segment --help')");
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) throw new SpectrolensException("--param", "expected NAME=VALUE, found '" + p + "'");
    }
    String text = params.isEmpty() ? method : method + (method.contains(":") ? "," : ":") + String.join(",", params);
    Params.check(Segmentation.class, "floorQuantile", floorQuantile); // its range, whether or not --above-floor uses it
    segmentation = new Segmentation(Segmenters.parse(text, "--method"), Morphology.parse(morphology, "--morphology"),
        aboveFloor ? floorQuantile : Double.NaN);
    if (scene == null && inputs.isEmpty()) throw new SpectrolensException("IN", "required (or --scene SCENE)");
    if (scene != null && !inputs.isEmpty()) throw new SpectrolensException("--scene", "scores a scene folder; give no IN files with it");
    SpectrogramInputs.checkExists(inputs);
    for (Path in : inputs) if (Files.isDirectory(in)) throw new SpectrolensException(in.toString(), "is a folder, not a file");
  }

  @Override
  public Integer call() {
    if (list) {
      Segmenters.describe().forEach(System.out::println);
      return 0;
    }
    if (scene != null) return scoreScene();
    Map<Path, String> names = OutputNames.of(inputs, "");
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, inputs.toArray(Path[]::new))) {
      for (Map.Entry<Path, String> e : names.entrySet()) {
        Path dir = names.size() == 1 ? folder.dir() : folder.dir().resolve(e.getValue());
        int n = write(e.getKey(), dir);
        System.out.printf(Locale.ROOT, "%s: %d regions%n", e.getKey().getFileName(), n);
      }
      folder.commit();
    }
    System.out.println("wrote " + out);
    return 0;
  }

  private int scoreScene() {
    SceneDetection.Score s = SceneDetection.evaluate(segmentation, scene, clips);
    String settings = settings();
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, scene)) {
      AtomicFiles.writeString(folder.dir().resolve("detection.csv"),
          "method,settings," + SceneDetection.Score.CSV_HEADER + "\n" + id() + ",\"" + settings + "\"," + s.csv() + "\n");
      folder.commit();
    }
    System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %.1f s |%n", id(), settings, s.precision(),
        s.recall(), s.iou(), s.meanIou(), s.detectedShare(), s.eventPrecision(), s.eventRecall(), s.clips(), s.seconds());
    return 0;
  }

  private String id() {
    return segmentation.method().definition().id();
  }

  /** The method's parameters, the morphology and the levels, as one line. */
  private String settings() {
    List<String> parts = new ArrayList<>();
    ParameterRecords.values(segmentation.method().parameters()).forEach((k, v) -> parts.add(k + "=" + v));
    if (!segmentation.morphology().isEmpty()) parts.add("morphology=" + segmentation.morphology().stream().map(Object::toString).toList());
    if (aboveFloor) parts.add("above-floor=" + floorQuantile);
    return String.join(" ", parts);
  }

  private int write(Path in, Path dir) {
    Spectrogram s = read(in);
    LabelGrid labels;
    try {
      labels = segmentation.segment(s);
    } catch (SpectrolensException e) {
      throw e.subject().equals("segment") ? new SpectrolensException(in.toString(), e.problem()) : e;
    }
    SpectrogramFiles.write(dir.resolve("labels.npy"), new Spectrogram(labels.asFloats(), labels.frequencies(), labels.times(), null));
    StringBuilder csv = new StringBuilder(Region.CSV_HEADER).append('\n');
    List<Region> regions = labels.regions(s);
    for (Region r : regions) csv.append(r.csvRow()).append('\n');
    AtomicFiles.writeString(dir.resolve("regions.csv"), csv.toString());
    LabelFigure.write(s, labels, in.getFileName() + ": " + id() + ", " + regions.size() + " regions", dir.resolve("overlay.png"));
    new SegmentResult(in.toString(), id(), ParameterRecords.values(segmentation.method().parameters()),
        segmentation.morphology().stream().map(Object::toString).toList(), aboveFloor ? floorQuantile : null,
        s.spec() == null ? "as given" : s.spec().db() ? "dB" : "dB (converted)", regions.size()).write(dir);
    return regions.size();
  }

  /** Audio through the front end; a spectrogram .npy with its axes; a bare map with numbered rows and columns. */
  private Spectrogram read(Path in) {
    if (!SpectrogramInputs.isNpy(in) || SpectrogramInputs.hasAxes(in)) return SpectrogramInputs.read(in, frontEnd);
    return SpectrogramInputs.readMap(in, item);
  }
}
