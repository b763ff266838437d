package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
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
 * {@code spectrolens spectrogram IN... --out OUT}: one input and OUT ending in .npy writes that
 * file; otherwise OUT is a folder with {@code <name>.npy} (and .png) per input. Every .npy gets
 * {@code <name>.axes.json} beside it. A bad file in a multi-file run is reported and counted; the
 * others are still written.
 */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
    description = "Compute spectrograms (.npy float32 [frequency, time], row 0 lowest) with their axes.")
final class SpectrogramCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "IN", description = "Audio files (WAV, FLAC) or folders of them.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "OUT",
      description = "An .npy file (one input) or a folder.")
  Path out;

  @Mixin FrontEndOptions frontEnd;

  @Option(names = "--png", description = "Also write <name>.png.")
  boolean png;

  @Option(names = "--colormap", defaultValue = "magma",
      description = "Colour map of the PNG: viridis, magma, inferno, grey or jet (default: ${DEFAULT-VALUE}).")
  String colorMap;

  @Override
  public Integer call() {
    ColorMap map = ColorMap.fromId(colorMap);
    return PerFileOutputs.run(inputs, out, ".npy", ".npy", (clip, npy) -> write(clip, npy, map));
  }

  private void write(Clip clip, Path npy, ColorMap map) {
    SpectrogramSpec spec = frontEnd.toSpec(clip.sampleRate());
    Clip atRate = clip.sampleRate() == spec.sampleRate() ? clip : Resampler.resample(clip, spec.sampleRate());
    Spectrogram s = FrontEnd.compute(atRate, spec);
    SpectrogramFiles.write(npy, s);
    if (png) {
      Path pngFile = PerFileOutputs.sibling(npy, ".png");
      SpectrogramImage.defaults().withColorMap(map).withDynamicRange(spec.db() ? 80 : Double.NaN)
          .withTitle(Path.of(clip.source()).getFileName().toString()).write(s, pngFile);
    }
  }
}
