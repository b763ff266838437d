package org.spectrolens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.spectrogram.FrontEndBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectrolens bench ...}: the benchmarks, each measured side by side with its reference
 * tool in one run (never a timed unit test).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks against the reference tools, side by side in one run.",
    subcommands = {BenchCommand.Spectrogram.class})
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(System.out);
    return 0;
  }

  @Command(name = "spectrogram", mixinStandardHelpOptions = true,
      description = "Log-mel spectrograms of 1-second 22,050 Hz WAVs (reading included) against torchaudio.")
  static final class Spectrogram implements Callable<Integer> {
    @Option(names = "--files", defaultValue = "500", description = "Files to write and read (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--threads", defaultValue = "2", description = "Threads on both sides (default: ${DEFAULT-VALUE}).")
    int threads;

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
}
