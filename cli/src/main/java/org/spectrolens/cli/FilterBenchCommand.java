package org.spectrolens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.bench.DenoisingBench;
import org.spectrolens.filter.Filters;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens bench filters}: the SNR gain of each denoiser on known mixtures ({@link DenoisingBench}). */
@Command(name = "filters", description = {
    "SNR gain (dB, magnitude spectrogram against the clean one) of each filter on a chirp and a synthesised vowel",
    "plus white noise at -5, 0, 5 and 10 dB, filtering the magnitudes and the dB spectrogram (docs/filters.md)."})
final class FilterBenchCommand implements Callable<Integer>, Checked {
  @Option(names = "--filter", paramLabel = "NAME[:k=v,...]", description = "Filters to compare (default: every filter with its defaults).")
  List<String> filters = new ArrayList<>();

  @Param(min = 1, max = 100)
  @Option(names = "--seeds", defaultValue = "3", description = "Noise draws averaged (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Override
  public void checkOptions() {
    Filters.parseAll(filters, "--filter");
  }

  @Override
  public Integer call() {
    List<String> fs = filters.isEmpty() ? DenoisingBench.defaultFilters() : filters;
    for (String domain : List.of("magnitude", "db")) {
      System.out.printf("%nFiltering the %s spectrogram; SNR gain in dB (magnitude domain), mean of %d noise draws:%n%n",
          domain.equals("db") ? "dB (top_db 80)" : "magnitude", seeds);
      System.out.print(DenoisingBench.markdown(DenoisingBench.gains(fs, domain, seeds)));
    }
    return 0;
  }
}
