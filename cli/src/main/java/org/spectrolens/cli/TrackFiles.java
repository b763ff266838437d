package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.AudioFolder;
import org.spectrolens.audio.Clip;

/**
 * The input/output layout of the tracker commands ({@code formants}, {@code pitch}): one input
 * and OUT ending in {@code .csv} writes that file (and OUT with {@code .png} for the figure);
 * otherwise OUT is a folder with {@code <name>.<kind>.csv} (and {@code .png}) per input. A bad
 * file among several is reported on one line and counted; the others are still written.
 */
final class TrackFiles {
  /** Writes one clip's CSV and, when {@code png} is not null, its figure. */
  interface Writer {
    void write(Clip clip, Path csv, Path png);
  }

  private TrackFiles() {}

  static int run(List<Path> inputs, Path out, String kind, boolean png, Writer writer) {
    boolean single = inputs.size() == 1 && !Files.isDirectory(inputs.get(0)) && out.getFileName().toString().endsWith(".csv");
    if (single) {
      Path figure = png ? out.resolveSibling(out.getFileName().toString().replaceFirst("\\.csv$", ".png")) : null;
      writer.write(AudioFile.read(inputs.get(0)), out, figure);
      System.out.println("wrote " + out);
      return 0;
    }
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) files.addAll(AudioFolder.list(in));
      else files.add(in);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new SpectrolensException(out.toString(), "exists and is not a folder (several inputs need an output folder)");
    }
    int failed = 0;
    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      try {
        writer.write(AudioFile.read(file), out.resolve(name + "." + kind + ".csv"),
            png ? out.resolve(name + "." + kind + ".png") : null);
      } catch (SpectrolensException e) {
        failed++;
        System.err.println("spectrolens: " + Main.oneLine(e));
      }
    }
    System.out.printf("%d written, %d failed -> %s%n", files.size() - failed, failed, out);
    return failed == 0 ? 0 : 2;
  }
}
