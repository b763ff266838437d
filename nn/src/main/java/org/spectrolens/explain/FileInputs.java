package org.spectrolens.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * Files as model inputs ({@link ModelInput#read}: audio through the model's front end, or .npy);
 * a folder stands for the audio and .npy files under it, sorted by path. Each file is read when
 * its batch is, so memory stays bounded.
 */
public final class FileInputs implements InputSet {
  private static final List<String> EXTENSIONS = List.of(".npy", ".wav", ".flac", ".raw", ".pcm");

  private final TrainedModel model;
  private final List<Path> files;
  private final ModelInput.Span span;
  private final ModelInput.Columns columns;
  /** The inputs of the batch read last, so their axes and grids are not featurised twice. */
  private final java.util.Map<Integer, ModelInput> recent = new java.util.concurrent.ConcurrentHashMap<>();

  private FileInputs(TrainedModel model, List<Path> files, ModelInput.Span span, ModelInput.Columns columns) {
    this.model = model;
    this.files = files;
    this.span = span;
    this.columns = columns;
  }

  /** Files and folders (expanded to the audio and .npy files under them, sorted by path). */
  public static FileInputs of(TrainedModel model, List<Path> paths, ModelInput.Span span, ModelInput.Columns columns) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          List<Path> found = s.filter(Files::isRegularFile).filter(FileInputs::readable).sorted().toList();
          if (found.isEmpty()) throw new SpectrolensException(p.toString(), "folder holds no audio or .npy files");
          files.addAll(found);
        } catch (IOException | UncheckedIOException e) {
          throw new SpectrolensException(p.toString(), "cannot list: " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new SpectrolensException(p.toString(), "no such file");
      }
    }
    return new FileInputs(model, files, span, columns);
  }

  private static boolean readable(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(n::endsWith);
  }

  public List<Path> files() {
    return files;
  }

  @Override
  public int size() {
    return files.size();
  }

  @Override
  public Item item(int i) {
    Path f = files.get(i);
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return new Item(dot > 0 ? name.substring(0, dot) : name, f.toString(), span.start() == null ? Double.NaN : span.start(),
        span.end() == null ? Double.NaN : span.end(), "");
  }

  /** Input {@code i} read whole. */
  public ModelInput input(int i) {
    ModelInput m = recent.get(i);
    return m != null ? m : ModelInput.read(model, files.get(i), span, columns);
  }

  @Override
  public float[] tensors(int from, int to) {
    int[] s = model.config().inputShape();
    int size = s[0] * s[1] * s[2];
    float[] out = new float[(to - from) * size];
    recent.clear();
    IntStream.range(from, to).parallel().forEach(i -> {
      ModelInput m = ModelInput.read(model, files.get(i), span, columns);
      recent.put(i, m);
      System.arraycopy(m.tensor(), 0, out, (i - from) * size, size);
    });
    return out;
  }

  @Override
  public MapAxes axes(int i) {
    return input(i).axes();
  }

  @Override
  public Spectrogram display(int i) {
    return input(i).display();
  }
}
