package org.spectrolens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.bench.FrontEndBench;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spectrolens bench ...}: the benchmarks, each measured side by side with its reference
 * tool in one run (never a timed unit test).
 */
@Command(name = "bench",
    description = "Benchmarks against the reference tools, side by side in one run.",
    subcommands = {BenchCommand.Spectrogram.class, BenchCommand.Explain.class, BenchCommand.Import.class, FilterBenchCommand.class,
        BenchCommand.Serve.class})
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(System.out);
    return 0;
  }

  @Command(name = "spectrogram",
      description = "Log-mel spectrograms of 1-second 22,050 Hz WAVs (reading included) against torchaudio.")
  static final class Spectrogram implements Callable<Integer> {
    @Param(min = 1, max = 1_000_000)
    @Option(names = "--files", defaultValue = "500", description = "Files to write and read (default: ${DEFAULT-VALUE}).")
    int files;

    @Param(min = 1, max = 1024)
    @Option(names = "--threads", defaultValue = "2", description = "Threads on both sides (default: ${DEFAULT-VALUE}).")
    int threads;

    @Param(min = 1, max = 1000)
    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds after one warm-up; the best counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--dir", description = "Folder of WAVs (written if absent; default: a temporary folder).")
    String dir;

    @Option(names = "--no-torch", description = "Skip the torchaudio side.")
    boolean noTorch;

    @Override
    public Integer call() throws Exception {
      List<String> args = new ArrayList<>(List.of("--files", "" + files, "--threads", "" + threads,
          "--rounds", "" + rounds));
      if (dir != null) args.addAll(List.of("--dir", dir));
      if (noTorch) args.add("--no-torch");
      FrontEndBench.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "explain",
      description = {"Maps per second of every explanation method on smallcnn and resnet18 (random weights,",
          "spectrogram-like inputs), Faster Score-CAM's speed-up and correlation with Score-CAM, and Grad-CAM",
          "against the same computation in PyTorch (/usr/bin/python3) with the same threads."})
  static final class Explain implements Callable<Integer>, Checked {
    @Option(names = "--models", defaultValue = "smallcnn,resnet18", description = "Models (default: ${DEFAULT-VALUE}).")
    String models;

    @Option(names = "--size", defaultValue = "224x224", description = "Input HxW (default: ${DEFAULT-VALUE}).")
    String size;

    @Param(min = 1, max = 1024)
    @Option(names = "--threads", defaultValue = "2", description = "Threads on both sides (default: ${DEFAULT-VALUE}).")
    int threads;

    @Param(min = 1, max = 4096)
    @Option(names = "--batch", defaultValue = "8", description = "Inputs per timed batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Param(min = 1, max = 4096)
    @Option(names = "--heavy", defaultValue = "2", description = "Inputs for the masking methods, timed once (default: ${DEFAULT-VALUE}).")
    int heavy;

    @Param(min = 1, max = 1000)
    @Option(names = "--rounds", defaultValue = "2", description = "Timed rounds after one warm-up; the best counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--methods", defaultValue = "all", description = "Comma-separated method ids, or all (default: ${DEFAULT-VALUE}).")
    String methods;

    @Option(names = "--no-torch", description = "Skip the PyTorch side.")
    boolean noTorch;

    @Param(min = 0, max = 1_000_000)
    @Option(names = "--train", defaultValue = "0", description = "First train each network for this many steps on five synthetic classes (default: ${DEFAULT-VALUE}: random weights).")
    int train;

    @Override
    public void checkOptions() {
      int[] hw = DatasetCommand.parseSize(size);
      OptionChecks.fitsInMemory("--size", 4L * hw[0] * hw[1] * batch * 64, "a batch of " + batch + " " + size
          + " inputs with a 64-channel activation each");
    }

    @Override
    public Integer call() throws Exception {
      org.spectrolens.bench.ExplainBench.main(new String[] {"models=" + models, "size=" + size, "threads=" + threads,
          "batch=" + batch, "heavy=" + heavy, "rounds=" + rounds, "methods=" + methods, "torch=" + !noTorch, "train=" + train});
      return 0;
    }
  }

  @Command(name = "import",
      description = {"Saliency and Grad-CAM over many inputs on an imported model (spectrolens import) against the same",
          "architecture built by spectrolens: seconds, maps per second and the ratio imported / built."})
  static final class Import implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "The imported model folder (a resnet18 unless --architecture).")
    String model;

    @Option(names = "--architecture", defaultValue = "resnet18", description = "The architecture it has (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Param(min = 1, max = 1_000_000)
    @Option(names = "--inputs", defaultValue = "512", description = "Inputs explained per timed round (default: ${DEFAULT-VALUE}).")
    int inputs;

    @Param(min = 1, max = 4096)
    @Option(names = "--batch", defaultValue = "32", description = "Inputs per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Param(min = 1, max = 1000)
    @Option(names = "--rounds", defaultValue = "2", description = "Timed rounds after one warm-up; the best counts (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Param(min = 1, max = 1024)
    @Option(names = "--threads", defaultValue = "2", description = "Engine threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--methods", defaultValue = "saliency,gradcam", description = "Methods timed (default: ${DEFAULT-VALUE}).")
    String methods;

    @Override
    public Integer call() {
      org.spectrolens.bench.ImportBench.main(new String[] {model, "inputs=" + inputs, "batch=" + batch, "rounds=" + rounds,
          "threads=" + threads, "methods=" + methods, "architecture=" + architecture});
      return 0;
    }
  }

  @Command(name = "serve",
      description = {"The explorer under load on loopback, served with a token and a model: concurrent clients asking items",
          "(grids, maps), their audio and the class means for a while, then hostile requests (traversal, oversized and",
          "malformed uploads, garbage JSON, wrong tokens, malformed requests); prints requests, errors, p50 and p95",
          "latency and the hostile requests by kind (docs/serve.md). Exit 1 where a request failed or a hostile one was",
          "not answered 4xx."})
  static final class Serve implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A folder to serve with explained items (a demo output).")
    String dir;

    @Param(min = 1, max = 1000)
    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Param(min = 1, max = 3600)
    @Option(names = "--seconds", defaultValue = "60", description = "Seconds of load (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Param(min = 0, max = 100_000)
    @Option(names = "--hostile", defaultValue = "200", description = "Hostile requests after the load (default: ${DEFAULT-VALUE}).")
    int hostile;

    @Option(names = "--model", paramLabel = "M",
        description = "The model uploads are explained with (default: DIR/vowels-4k/model where it exists, as demo writes it).")
    String model;

    @Override
    public Integer call() throws Exception {
      java.nio.file.Path d = java.nio.file.Path.of(dir);
      java.nio.file.Path m = model != null ? java.nio.file.Path.of(model) : java.nio.file.Files.isDirectory(d.resolve("vowels-4k/model"))
          ? d.resolve("vowels-4k/model") : null;
      return org.spectrolens.bench.ServeLoad.run(d, m, clients, seconds, hostile) ? 0 : 1;
    }
  }
}
