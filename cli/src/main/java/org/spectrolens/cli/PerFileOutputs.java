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
 * The input/output layout of the per-file commands ({@code spectrogram}, {@code formants},
 * {@code pitch}): one input and OUT ending in the single-file suffix writes that file; otherwise
 * OUT is a folder with {@code <name><suffix>} per input (folders of audio are expanded). A bad
 * file among several is reported on one line and counted; the others are still written.
 */
final class PerFileOutputs {
  /** Writes what one clip gives to {@code file} (and any figure beside it). */
  interface Writer {
    void write(Clip clip, Path file);
  }

  private PerFileOutputs() {}

  /**
   * @param single suffix that makes OUT a single file with one input, e.g. {@code .csv}
   * @param perFile suffix of each file in an OUT folder, e.g. {@code .formants.csv}
   * @return the exit code: 0, or 2 when a file failed
   */
  static int run(List<Path> inputs, Path out, String single, String perFile, Writer writer) {
    if (inputs.size() == 1 && !Files.isDirectory(inputs.get(0)) && out.getFileName().toString().endsWith(single)) {
      writer.write(AudioFile.read(inputs.get(0)), out);
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
        writer.write(AudioFile.read(file), out.resolve(name + perFile));
      } catch (SpectrolensException e) {
        failed++;
        System.err.println("spectrolens: " + Main.oneLine(e));
      }
    }
    System.out.printf("%d written, %d failed -> %s%n", files.size() - failed, failed, out);
    return failed == 0 ? 0 : 2;
  }

  /** {@code file} with its last suffix replaced, e.g. {@code a.formants.csv} -> {@code a.formants.png}. */
  static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + suffix);
  }
}
