package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.AudioFolder;
import org.spectrolens.audio.Clip;
import org.spectrolens.io.OutputFile;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.OutputNames;

/**
 * The input/output layout of the tracker commands ({@code formants}, {@code pitch}), as
 * {@code spectrogram}'s: one input and OUT ending in {@code .csv} writes that file (checked with
 * {@link OutputFile} before the work); otherwise OUT is an {@link OutputFolder} with
 * {@code <name><suffix>} per input ({@link OutputNames}: sub-folders mirrored, no collisions),
 * appearing whole when done. A bad file among several is reported on one line and counted; the
 * others are still written.
 */
final class PerFileOutputs {
  /** Writes what one clip gives to {@code file} (and its figure beside it when asked). */
  interface Writer {
    void write(Clip clip, Path file);
  }

  private PerFileOutputs() {}

  /** True when OUT names one CSV file for one input file. */
  static boolean single(List<Path> inputs, Path out) {
    return inputs.size() == 1 && !Files.isDirectory(inputs.get(0)) && out.getFileName() != null
        && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** The one-line refusal of a .csv OUT for several inputs (before any work). */
  static void checkOut(List<Path> inputs, Path out) {
    if (!single(inputs, out) && out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new SpectrolensException("--out", "names one .csv file, but the input is "
          + (inputs.size() > 1 ? inputs.size() + " paths" : "a folder") + "; give a folder");
    }
  }

  /**
   * @param command the command's name (the output folder's marker)
   * @param suffix each output's name ending in a folder, e.g. {@code .formants.csv}
   * @param png whether a PNG goes beside each CSV
   * @return the exit code: 0, or 2 when a file failed
   */
  static int run(String command, List<Path> inputs, Path out, String suffix, boolean png, boolean force, Writer writer) {
    if (single(inputs, out)) {
      Path in = inputs.get(0);
      OutputFile.check(out, "csv", force, in);
      if (png) OutputFile.check(pngOf(out), "png", force, in);
      writer.write(AudioFile.read(in), out);
      System.out.println("wrote " + out);
      return 0;
    }
    List<Path> files = files(inputs);
    int failed = 0;
    try (OutputFolder folder = OutputFolder.create(out, command, force, inputs.toArray(Path[]::new))) {
      Map<Path, String> names = OutputNames.of(files, suffix);
      for (Map.Entry<Path, String> e : names.entrySet()) {
        try {
          writer.write(AudioFile.read(e.getKey()), folder.dir().resolve(e.getValue()));
        } catch (SpectrolensException ex) {
          // a file that cannot be written (a full disk) is no bad input: the run stops, and its partial output goes with it
          if (writing(ex, folder.dir())) throw ex;
          failed++;
          System.err.println("spectrolens: " + Main.oneLine(ex));
        }
      }
      folder.commit();
      System.out.printf("%d written, %d failed -> %s%n", names.size() - failed, failed, out);
    }
    return failed == 0 ? 0 : 2;
  }

  /** Whether {@code ex} is about a file under {@code dir} (an output being written), not about an input. */
  private static boolean writing(SpectrolensException ex, Path dir) {
    String s = ex.subject();
    return s != null && (s.startsWith(dir + java.io.File.separator) || s.startsWith(dir.toAbsolutePath() + java.io.File.separator));
  }

  /** The audio files the inputs stand for: files as given, folders as the audio files under them. */
  static List<Path> files(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) files.addAll(AudioFolder.list(in));
      else files.add(in);
    }
    return files;
  }

  /** The figure beside a CSV: {@code a.formants.csv} -> {@code a.formants.png}. */
  static Path pngOf(Path csv) {
    return csv.resolveSibling(csv.getFileName().toString().replaceFirst("(?i)\\.csv$", "") + ".png");
  }
}
