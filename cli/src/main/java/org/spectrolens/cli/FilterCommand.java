package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFolder;
import org.spectrolens.filter.FilterResult;
import org.spectrolens.filter.Filters;
import org.spectrolens.filter.SpectrogramFilter;
import org.spectrolens.io.Npy;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.OutputNames;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.render.SpectrogramImage;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectrolens filter IN... --filter NAME[:k=v,...] [--filter ...] --out DIR}: filters
 * spectrograms with the {@link Filters} family, keeping their axes. IN: audio files or folders (the
 * front-end options make the spectrogram), {@code .npy} spectrograms (with their
 * {@code .axes.json}, which is copied), or bare {@code .npy} grids: an explanation map [H, W] or a
 * stack [N, H, W] as {@code explain} writes, each map filtered. DIR gets {@code <name>.npy} per
 * input and {@code <name>.png} (before and after, one colour scale; the first map of a stack), and
 * {@code filter.json} (the filters' full texts). A bad file among several is reported and counted;
 * when every input fails, the first error is the command's and nothing is written.
 */
@Command(name = "filter", description = {
    "Filter and denoise spectrograms, keeping their axes (rows = frequency bins, columns = frames): "
        + "Gaussian, median, bilateral, Wiener, wavelet shrinkage, spectral subtraction (docs/filters.md).",
    "IN: audio (through the front-end options), .npy spectrograms with .axes.json, or .npy maps [H,W] / stacks [N,H,W]."})
final class FilterCommand implements Callable<Integer>, Checked {
  static final String COMMAND = "filter";

  @Parameters(arity = "0..*", paramLabel = "IN", description = "Audio files or folders, .npy spectrograms or maps.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "NAME[:k=v,...]",
      description = "A filter and its parameters, e.g. median:rows=5,columns=3; repeat to chain (in order). --list shows them.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (replaced only when complete).")
  Path out;

  @Option(names = "--list", description = "List the filters and their parameters, then exit.")
  boolean list;

  @Option(names = "--force", description = "Replace a folder another command wrote, or write where an input lies.")
  boolean force;

  @Mixin FrontEndOptions frontEnd;

  private List<SpectrogramFilter> chain;

  @Override
  public void checkOptions() {
    if (list) return;
    if (inputs.isEmpty()) throw new SpectrolensException("IN", "required (see 'spectrolens filter --help')");
    if (filters.isEmpty()) throw new SpectrolensException("--filter", "required (see 'spectrolens filter --list')");
    if (out == null) throw new SpectrolensException("--out", "required (see 'spectrolens filter --help')");
    chain = Filters.parseAll(filters, "--filter");
    SpectrogramInputs.checkExists(inputs);
  }

  @Override
  public Integer call() {
    if (list) {
      Filters.describe().forEach(System.out::println);
      return 0;
    }
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) files.addAll(AudioFolder.list(in));
      else files.add(in);
    }
    List<SpectrolensException> failures = new ArrayList<>();
    Map<Path, String> names = OutputNames.of(files, ".npy");
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, inputs.toArray(Path[]::new))) {
      for (Map.Entry<Path, String> e : names.entrySet()) {
        try {
          filterOne(e.getKey(), folder.dir().resolve(e.getValue()));
        } catch (SpectrolensException ex) {
          failures.add(ex);
          if (failures.size() < names.size()) System.err.println("spectrolens: " + Main.oneLine(ex));
        }
      }
      if (failures.size() == names.size()) throw failures.get(0);
      new FilterResult(Filters.texts(chain), files.stream().map(Path::toString).toList()).write(folder.dir());
      folder.commit();
    }
    System.out.printf("%d written, %d failed -> %s%n", names.size() - failures.size(), failures.size(), out);
    return failures.isEmpty() ? 0 : 2;
  }

  private void filterOne(Path in, Path npy) {
    String name = in.toString();
    if (!SpectrogramInputs.isNpy(in) || SpectrogramInputs.hasAxes(in)) {
      Spectrogram s = SpectrogramInputs.read(in, frontEnd);
      Spectrogram y = s.withValues(Filters.apply(chain, s.values(), s.spec(), name));
      SpectrogramFiles.write(npy, y);
      figure(s, y, npy, name);
      return;
    }
    Npy.Array a = Npy.read(in);
    int[] shape = a.shape();
    if (shape.length == 2 && shape[0] > 0 && shape[1] > 0) {
      Spectrogram s = SpectrogramInputs.map(in, a.toMatrix(), 0);
      Spectrogram y = s.withValues(Filters.apply(chain, s.values(), null, name));
      Npy.write(npy, y.values());
      figure(s, y, npy, name);
    } else if (shape.length == 3 && shape[0] > 0 && shape[1] > 0 && shape[2] > 0) {
      float[] data = new float[a.data().length];
      float[][] first = null;
      float[][] firstOut = null;
      for (int i = 0; i < shape[0]; i++) {
        float[][] m = new float[shape[1]][shape[2]];
        for (int r = 0; r < shape[1]; r++) System.arraycopy(a.data(), (i * shape[1] + r) * shape[2], m[r], 0, shape[2]);
        float[][] y = Filters.apply(chain, m, null, name + " [" + i + "]");
        for (int r = 0; r < shape[1]; r++) System.arraycopy(y[r], 0, data, (i * shape[1] + r) * shape[2], shape[2]);
        if (i == 0) {
          first = m;
          firstOut = y;
        }
      }
      Npy.write(npy, new Npy.Array(shape, data));
      figure(SpectrogramInputs.map(in, first, 0), SpectrogramInputs.map(in, firstOut, 0), npy, name + " [0]");
    } else {
      throw new SpectrolensException(name, "expected a spectrogram or map [H, W] or a stack [N, H, W], found shape "
          + java.util.Arrays.toString(shape));
    }
  }

  /** Before and after, side by side, on the input's colour scale (80 dB below its maximum for dB spectrograms). */
  private void figure(Spectrogram before, Spectrogram after, Path npy, String title) {
    boolean db = before.spec() != null && before.spec().db();
    SpectrogramImage base = SpectrogramImage.defaults().withDynamicRange(db ? 80 : Double.NaN);
    double[] range = base.range(before);
    SpectrogramImage img = base.withRange(range[0], range[1]);
    Path png = npy.resolveSibling(npy.getFileName().toString().replaceFirst("(?i)\\.npy$", "") + ".png");
    PanelFigure.defaults().withColumns(2).withTitle(Path.of(title).getFileName().toString()).write(List.of(
        PanelFigure.Panel.of(img.render(before), "before"),
        PanelFigure.Panel.of(img.render(after), String.join(" + ", filters))), png);
  }
}
