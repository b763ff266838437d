package org.spectrolens.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.RawFormat;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.corpus.CorpusReader;
import org.spectrolens.corpus.DurationProbe;
import org.spectrolens.corpus.LabelMap;
import org.spectrolens.corpus.Speakers;
import org.spectrolens.corpus.Task;
import org.spectrolens.corpus.textgrid.TextGridReader;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.weights.SafeTensors;

/**
 * The fuzz targets: one per parser, each feeding Jazzer's bytes to the parser exactly as a file
 * on disk would reach it. A {@link SpectrolensException} is the promised outcome for bad input
 * (one clear line); anything else (another exception, an OutOfMemoryError, a hang) is a crash.
 * Each nested class is a Jazzer target ({@code fuzzerTestOneInput(byte[])}); {@link #ALL} lists
 * them with their seed folders under {@code src/test/resources/fuzz/}.
 */
final class Targets {
  private Targets() {}

  /** Target id (also its seed folder's name) and class. */
  record Target(String id, Class<?> type) {
    void run(byte[] data) {
      try {
        type.getMethod("fuzzerTestOneInput", byte[].class).invoke(null, (Object) data);
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final List<Target> ALL = List.of(
      new Target("wav", Wav.class), new Target("flac", Flac.class), new Target("raw", Raw.class),
      new Target("textgrid", TextGrid.class), new Target("manifest", Manifest.class), new Target("npy", NpyArray.class),
      new Target("safetensors", Safetensors.class), new Target("config-json", ConfigJson.class),
      new Target("dataset-json", DatasetJson.class));

  /**
   * One scratch folder per fuzzing process: targets write the input where the parser expects a
   * file. In memory (/dev/shm) where there is one: rewriting a file on this machine's disk takes
   * milliseconds, which would leave the fuzzer a few hundred executions per second.
   */
  static final Path SCRATCH;

  static {
    try {
      Path shm = Path.of("/dev/shm");
      SCRATCH = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "spectrolens-fuzz")
          : Files.createTempDirectory("spectrolens-fuzz");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> org.spectrolens.io.Directories.deleteTreeQuietly(SCRATCH)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file(String name, byte[] data) {
    try {
      return Files.write(SCRATCH.resolve(name), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code parse}; bad input must end in a SpectrolensException, nothing else. */
  static void expectCleanFailure(Runnable parse) {
    try {
      parse.run();
    } catch (SpectrolensException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) throw new AssertionError("empty message", expected);
    }
  }

  /**
   * Every parser in one process (the short run inside {@code mvn verify}: one JVM start instead of
   * nine): the first byte picks the parser, the rest is its input. Its seeds are the other targets'
   * seeds with their index prepended ({@link ParserFuzzTest} builds them).
   */
  static final class Any {
    public static void fuzzerTestOneInput(byte[] data) {
      if (data.length == 0) return;
      ALL.get((data[0] & 0xff) % ALL.size()).run(Arrays.copyOfRange(data, 1, data.length));
    }
  }

  /** WAV (RIFF/RF64/WAVE_FORMAT_EXTENSIBLE): header probe and decode. */
  static final class Wav {
    public static void fuzzerTestOneInput(byte[] data) {
      Path f = file("in.wav", data);
      expectCleanFailure(() -> AudioFile.probe(f));
      expectCleanFailure(() -> AudioFile.read(f));
      expectCleanFailure(() -> AudioFile.read(f, 0.01, 0.02));
    }
  }

  /** FLAC: the same entry points, FLAC seeds. */
  static final class Flac {
    public static void fuzzerTestOneInput(byte[] data) {
      Wav.fuzzerTestOneInput(data);
    }
  }

  /** Headerless PCM: the first byte picks the encoding and channels, the rest is the data. */
  static final class Raw {
    private static final String[] FORMATS = {"u8", "s16le", "s16be", "s24le", "s24be", "s32le", "s32be",
        "f32le", "f32be", "f64le", "f64be", "mulaw", "alaw"};

    public static void fuzzerTestOneInput(byte[] data) {
      if (data.length == 0) return;
      RawFormat fmt = RawFormat.of(16000, 1 + (data[0] & 0xff) / FORMATS.length % 3, FORMATS[(data[0] & 0xff) % FORMATS.length]);
      Path f = file("in.raw", Arrays.copyOfRange(data, 1, data.length));
      expectCleanFailure(() -> AudioFile.readRaw(f, fmt));
    }
  }

  /** Praat TextGrids, long and short text formats, UTF-8 or UTF-16 with a byte-order mark. */
  static final class TextGrid {
    public static void fuzzerTestOneInput(byte[] data) {
      Path f = file("in.TextGrid", data);
      expectCleanFailure(() -> TextGridReader.read(f));
    }
  }

  /** CSV corpus manifests (path,label[,start,end][,speaker]) next to a real one-second WAV. */
  static final class Manifest {
    static {
      float[] x = new float[16000];
      for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.1);
      WavWriter.writePcm16(SCRATCH.resolve("a.wav"), new Clip(x, 16000));
    }

    public static void fuzzerTestOneInput(byte[] data) {
      Path f = file("manifest.csv", data);
      expectCleanFailure(() -> CorpusReader.read(f, new CorpusReader.Options(LabelMap.of(Task.VOWELS), null, null,
          Speakers.none(), DurationProbe.headers())));
    }
  }

  /** NumPy .npy arrays. */
  static final class NpyArray {
    public static void fuzzerTestOneInput(byte[] data) {
      expectCleanFailure(() -> Npy.decode("in.npy", data));
    }
  }

  /** safetensors weights and checkpoints. */
  static final class Safetensors {
    public static void fuzzerTestOneInput(byte[] data) {
      Path f = file("in.safetensors", data);
      expectCleanFailure(() -> SafeTensors.readAll(f));
    }
  }

  /** A model folder's config.json. */
  static final class ConfigJson {
    public static void fuzzerTestOneInput(byte[] data) {
      try {
        Path dir = Files.createDirectories(SCRATCH.resolve("model"));
        Files.write(dir.resolve("config.json"), data);
        expectCleanFailure(() -> TrainedModel.readConfig(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A dataset folder: dataset.json, then after the first NUL byte manifest.csv (or a valid empty one). */
  static final class DatasetJson {
    public static void fuzzerTestOneInput(byte[] data) {
      int cut = 0;
      while (cut < data.length && data[cut] != 0) cut++;
      byte[] manifest = cut < data.length ? Arrays.copyOfRange(data, cut + 1, data.length)
          : (DatasetItem.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
      try {
        Path dir = Files.createDirectories(SCRATCH.resolve("ds"));
        Files.write(dir.resolve("dataset.json"), Arrays.copyOf(data, cut));
        Files.write(dir.resolve("manifest.csv"), manifest);
        expectCleanFailure(() -> CachedDataset.open(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
