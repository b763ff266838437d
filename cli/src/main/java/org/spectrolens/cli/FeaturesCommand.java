package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.features.Analysis;
import org.spectrolens.features.Feature;
import org.spectrolens.features.FeatureTrack;
import org.spectrolens.features.Features;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Csv;
import org.spectrolens.io.OutputFile;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrolens features IN... --features LIST --out OUT [--summary mean,std]}: librosa's frame-wise features. */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = {"Frame-wise audio features with librosa's definitions and defaults (see 'features --list' and docs/features.md).",
        "Per file a CSV (time_s, one column per feature value; multi-valued features get numbered or named columns),",
        "or with --summary one table (file, <column>_<statistic>...) with a row per file."})
final class FeaturesCommand implements Callable<Integer>, Checked {
  @Parameters(arity = "0..*", paramLabel = "IN", description = "Audio files (WAV, FLAC) or folders of them.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--features", split = ",", paramLabel = "LIST", description = "Features, comma-separated (see --list).")
  List<String> features;

  @Option(names = "--out", paramLabel = "OUT",
      description = "A .csv file (one input, or --summary) or a folder (<name>.features.csv per input).")
  Path out;

  @Option(names = "--summary", split = ",", paramLabel = "STATS",
      description = "Write one table of per-file statistics instead: mean, std, min, max (comma-separated).")
  List<String> summary;

  @Param(min = 16, max = 65536)
  @Option(names = "--n-fft", defaultValue = "2048", paramLabel = "N", description = "STFT size and frame length in samples (default: ${DEFAULT-VALUE}, librosa's).")
  int nFft;

  @Param(min = 1, max = 65536)
  @Option(names = "--hop", defaultValue = "512", paramLabel = "N", description = "Hop in samples (default: ${DEFAULT-VALUE}, librosa's).")
  int hop;

  @Option(names = "--list", description = "Print every feature with its definition and units, then exit.")
  boolean list;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind, or replace a folder another command wrote.")
  boolean force;

  @Override
  public void checkOptions() {
    if (list) return;
    if (inputs.isEmpty()) throw new SpectrolensException("IN", "give at least one audio file or folder (or --list)");
    if (features == null) throw new SpectrolensException("--features", "is required (see --list)");
    if (out == null) throw new SpectrolensException("--out", "is required");
    Features.of(features);
    if (summary != null) {
      statistics();
      if (!out.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        throw new SpectrolensException("--out", "with --summary names one .csv table, found '" + out + "'");
      }
    } else {
      PerFileOutputs.checkOut(inputs, out);
    }
    for (Path in : inputs) if (!Files.exists(in)) throw new SpectrolensException(in.toString(), "no such file or folder");
  }

  private List<FeatureTrack.Statistic> statistics() {
    List<FeatureTrack.Statistic> out = new ArrayList<>();
    for (String s : summary) {
      FeatureTrack.Statistic st = FeatureTrack.Statistic.byId(s.trim());
      if (st == null) throw new SpectrolensException("--summary", "unknown statistic '" + s + "'; known: mean, std, min, max");
      if (out.contains(st)) throw new SpectrolensException("--summary", "'" + s + "' is given twice");
      out.add(st);
    }
    if (out.isEmpty()) throw new SpectrolensException("--summary", "name at least one statistic");
    return out;
  }

  @Override
  public Integer call() {
    if (list) {
      Features.describe().forEach(System.out::println);
      return 0;
    }
    List<Feature> chosen = Features.of(features);
    if (summary == null) {
      return PerFileOutputs.run("features", inputs, out, ".features.csv", false, force,
          (Clip clip, Path csv) -> AtomicFiles.writeString(csv, track(chosen, clip).csv()));
    }
    List<FeatureTrack.Statistic> stats = statistics();
    Path table = OutputFile.check(out, "csv", force, inputs.toArray(Path[]::new));
    List<Path> files = PerFileOutputs.files(inputs);
    StringBuilder rows = new StringBuilder();
    List<String> header = null;
    int failed = 0;
    for (Path f : files) {
      try {
        FeatureTrack.Summary s = track(chosen, AudioFile.read(f)).summary(stats);
        if (header == null) header = s.names();
        rows.append(Csv.field(f.toString()));
        for (double v : s.values()) rows.append(',').append(FeatureTrack.number(v));
        rows.append('\n');
      } catch (SpectrolensException e) {
        if (files.size() == 1) throw e;
        failed++;
        System.err.println("spectrolens: " + Main.oneLine(e));
      }
    }
    if (header == null) throw new SpectrolensException(out.toString(), "no input gave features; nothing written");
    AtomicFiles.writeString(table, "file," + String.join(",", header) + "\n" + rows);
    System.out.printf("%d summarised, %d failed -> %s%n", files.size() - failed, failed, out);
    return failed == 0 ? 0 : 2;
  }

  private FeatureTrack track(List<Feature> chosen, Clip clip) {
    if (clip.samples().length == 0) throw new SpectrolensException(clip.source(), "no samples (empty clip)");
    return Features.compute(chosen, Analysis.of(clip, nFft, hop));
  }
}
