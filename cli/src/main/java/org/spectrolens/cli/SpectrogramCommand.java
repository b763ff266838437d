package org.spectrolens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.AudioFolder;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.io.OutputFile;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.OutputNames;
import org.spectrolens.render.ColorMap;
import org.spectrolens.render.SpectrogramImage;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import org.spectrolens.spectrogram.SpectrogramSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectrolens spectrogram IN... --out OUT}: one input file and OUT ending in .npy writes that
 * file; otherwise OUT is an output folder (locked, replaced only when complete) with one
 * {@code <name>.npy} (and .png) per input, sub-folders mirrored and extensions kept where stems
 * clash ({@link OutputNames}). Every .npy gets {@code <name>.axes.json} beside it. A bad file in a
 * multi-file run is reported and counted; the others are still written, and the summary counts the
 * files on disk.
 */
@Command(name = "spectrogram",
    description = "Compute spectrograms (.npy float32 [frequency, time], row 0 lowest) with their axes.")
final class SpectrogramCommand implements Callable<Integer>, Checked {
  /** The command recorded in the output folder's marker. */
  static final String COMMAND = "spectrogram";

  @Parameters(arity = "1..*", paramLabel = "IN", description = "Audio files (WAV, FLAC) or folders of them.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "OUT",
      description = "An .npy file (one input file) or a folder (sub-folders of the inputs mirrored).")
  Path out;

  @Mixin FrontEndOptions frontEnd;

  @Option(names = "--png", description = "Also write <name>.png.")
  boolean png;

  @Option(names = "--colormap", defaultValue = "magma",
      description = "Colour map of the PNG: viridis, magma, inferno, grey or jet (default: ${DEFAULT-VALUE}).")
  String colorMap;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind, or replace a folder another command wrote.")
  boolean force;

  @Override
  public void checkOptions() {
    try {
      ColorMap.fromId(colorMap);
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException("--colormap", e.getMessage());
    }
    if (!single() && isNpyName(out)) {
      throw new SpectrolensException("--out", "names one .npy file, but the input is "
          + (inputs.size() > 1 ? inputs.size() + " paths" : "a folder") + "; give a folder");
    }
  }

  private boolean single() {
    return inputs.size() == 1 && !Files.isDirectory(inputs.get(0)) && isNpyName(out);
  }

  private static boolean isNpyName(Path p) {
    return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
  }

  @Override
  public Integer call() {
    ColorMap map = ColorMap.fromId(colorMap);
    if (single()) {
      Path in = inputs.get(0);
      Path npy = OutputFile.check(out, "npy", force, in);
      OutputFile.check(SpectrogramFiles.axesFile(npy), "json", force, in);
      if (png) OutputFile.check(pngOf(npy), "png", force, in);
      write(AudioFile.read(in), npy, map);
      System.out.println("wrote " + out);
      return 0;
    }
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) files.addAll(AudioFolder.list(in));
      else files.add(in);
    }
    int failed = 0;
    int written;
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, inputs.toArray(Path[]::new))) {
      for (Map.Entry<Path, String> e : OutputNames.of(files, ".npy").entrySet()) {
        try {
          write(AudioFile.read(e.getKey()), folder.dir().resolve(e.getValue()), map);
        } catch (SpectrolensException ex) {
          failed++;
          System.err.println("spectrolens: " + Main.oneLine(ex));
        }
      }
      written = countNpy(folder.dir());
      folder.commit();
    }
    System.out.printf("%d written, %d failed -> %s%n", written, failed, out);
    return failed == 0 ? 0 : 2;
  }

  private static int countNpy(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith(".npy") && Files.isRegularFile(p)).count();
    } catch (IOException e) {
      throw new SpectrolensException(dir.toString(), "cannot list: " + e.getMessage(), e);
    }
  }

  private static Path pngOf(Path npy) {
    return npy.resolveSibling(npy.getFileName().toString().replaceFirst("(?i)\\.npy$", "") + ".png");
  }

  private void write(Clip clip, Path npy, ColorMap map) {
    SpectrogramSpec spec = frontEnd.toSpec(clip.sampleRate());
    try {
      spec.check(); // with --sr 0 the file's own rate decides (e.g. --fmax against its Nyquist frequency)
    } catch (SpectrolensException e) {
      throw new SpectrolensException(clip.source(), e);
    }
    Clip atRate = clip.sampleRate() == spec.sampleRate() ? clip : Resampler.resample(clip, spec.sampleRate());
    Spectrogram s = FrontEnd.compute(atRate, spec);
    SpectrogramFiles.write(npy, s);
    if (png) {
      SpectrogramImage.defaults().withColorMap(map).withDynamicRange(spec.db() ? 80 : Double.NaN)
          .withTitle(Path.of(clip.source()).getFileName().toString()).write(s, pngOf(npy));
    }
  }
}
