package org.spectrolens.io;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.spectrolens.SpectrolensException;

/**
 * A single-file output (a metrics JSON, an exported safetensors, one spectrogram), checked before
 * any work and then written with {@link AtomicFiles} (temporary name, rename).
 *
 * <pre>{@code
 * Path json = OutputFile.check(out, "json", force, modelDir, dataDir);  // refuses at once, or returns the path
 * ... compute ...
 * Json.write(json, metrics);
 * }</pre>
 *
 * <p>Refused unless {@code force}: a target that is one of the inputs or an existing file inside
 * an input folder (e.g. {@code MODEL/config.json}); an existing file of another kind (its name does
 * not end in {@code .<extension>}, e.g. a WAV where JSON would go); an existing file that a
 * spectrolens command wrote as part of an output folder (listed in its {@link OutputFolder#MARKER},
 * e.g. {@code MODEL/checkpoint.safetensors}, which {@code --resume} needs). A folder is always refused.
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * @param target the file to write
   * @param extension what is written, without the dot ({@code json}, {@code npy}, {@code safetensors}, {@code png})
   * @param force overwrite inputs and files of another kind
   * @param inputs files and folders the run reads (null entries are ignored)
   * @return {@code target}, absolute and normalised
   */
  public static Path check(Path target, String extension, boolean force, Path... inputs) {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new SpectrolensException(target.toString(), "is a folder; expected a ." + extension + " file name");
    }
    boolean exists = Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
    if (force) return abs;
    for (Path in : inputs) {
      if (in == null) continue;
      Path i = in.toAbsolutePath().normalize();
      if (abs.equals(i) || (exists && Files.isDirectory(i) && abs.startsWith(i))) {
        throw new SpectrolensException(target.toString(), (abs.equals(i) ? "is" : "lies inside") + " an input of this run ("
            + in + "); refusing to overwrite it (choose another `out`, or `force`)");
      }
    }
    if (!exists) return abs;
    String name = abs.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith("." + extension)) {
      throw new SpectrolensException(target.toString(), "exists and is not a ." + extension
          + " file; refusing to overwrite it with one (choose another `out`, or `force`)");
    }
    Optional<OutputFolder.Marker> owner = OutputFolder.markerOf(abs.getParent());
    String file = abs.getFileName().toString();
    if (owner.isPresent() && (!owner.get().state().equals("complete") || owner.get().entries().contains(file))) {
      throw new SpectrolensException(target.toString(), "belongs to the output of 'spectrolens " + owner.get().command()
          + "' in " + abs.getParent() + "; refusing to overwrite it (choose another `out`, or `force`)");
    }
    return abs;
  }

  /**
   * A file written beside the one the user named, under a name the user did not choose
   * ({@code REPORT.json} beside {@code REPORT.html}, {@code metrics.by-group.csv}): {@link #check}, and
   * an existing file that does not look like what {@code command} writes there is refused even
   * when it is of the right kind, since the user never asked for it to be replaced.
   *
   * @param ours recognises a file an earlier run wrote (see {@link #jsonWithFields}, {@link #firstLine})
   */
  public static Path companion(Path target, String extension, String command, java.util.function.Predicate<Path> ours, boolean force,
      Path... inputs) {
    Path abs = check(target, extension, force, inputs);
    if (!force && Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS) && !ours.test(abs)) {
      throw new SpectrolensException(target.toString(), "exists and was not written by 'spectrolens " + command
          + "' (which writes a file of this name beside its output); refusing to overwrite it (move it, or `force`)");
    }
    return abs;
  }

  /** A JSON object holding all {@code fields} at its top level (how a spectrolens result file is recognised). */
  public static java.util.function.Predicate<Path> jsonWithFields(String... fields) {
    return p -> {
      try {
        com.fasterxml.jackson.databind.JsonNode j = Json.MAPPER.readTree(p.toFile());
        if (j == null || !j.isObject()) return false;
        for (String f : fields) if (!j.has(f)) return false;
        return true;
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    };
  }

  /** A text file whose first line is {@code line} (a CSV spectrolens writes, by its header). */
  public static java.util.function.Predicate<Path> firstLine(String line) {
    return p -> {
      try (java.io.BufferedReader r = Files.newBufferedReader(p, java.nio.charset.StandardCharsets.UTF_8)) {
        return line.equals(r.readLine());
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    };
  }
}
