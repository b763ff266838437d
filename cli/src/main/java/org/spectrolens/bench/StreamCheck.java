package org.spectrolens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.spectrolens.audio.AudioFolder;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.audio.WavWriter;

/**
 * Benchmark (not a test): writes N short 16-bit WAVs (default 13,100, the size of LJSpeech) to a
 * temporary folder, streams them through {@link AudioFolder} and {@link Resampler} (22,050 ->
 * 16,000 Hz), and prints files per second and the peak heap. Run with a small heap to show that
 * memory stays bounded, e.g. {@code java -Xmx64m -cp "cli/target/spectrolens-cli.jar:cli/target/lib/*"
 * org.spectrolens.bench.StreamCheck 13100 0.5}.
 */
public final class StreamCheck {
  private StreamCheck() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 13_100;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
    int rate = 22_050;
    Path dir = Files.createTempDirectory("spectrolens-streamcheck");
    try {
      float[] s = new float[(int) Math.round(seconds * rate)];
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < s.length; k++) s[k] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + i % 1000) * k / rate));
        // 100 files per folder, as corpora are often nested
        WavWriter.writePcm16(dir.resolve(String.format(Locale.ROOT, "d%03d/f%05d.wav", i / 100, i)), new Clip(s, rate));
      }
      long t1 = System.nanoTime();
      AudioFolder folder = new AudioFolder(dir);
      long heapAfterList = used();
      long peakSampled = 0;
      long samples = 0;
      int ok = 0;
      for (AudioFolder.Item item : folder) {
        if (!item.ok()) continue;
        samples += Resampler.resample(item.clip(), 16_000).samples().length;
        ok++;
        if (ok % 100 == 0) peakSampled = Math.max(peakSampled, used());
      }
      long t2 = System.nanoTime();
      double secs = (t2 - t1) / 1e9;
      System.out.printf(Locale.ROOT, "wrote %d files of %.2f s in %.1f s%n", n, seconds, (t1 - t0) / 1e9);
      System.out.printf(Locale.ROOT, "listed, read and resampled %d files (%d failures, %d output samples) in %.1f s: %.0f files/s%n",
          ok, folder.failures().size(), samples, secs, ok / secs);
      System.out.printf(Locale.ROOT, "heap: max %d MiB, used after listing %.1f MiB, peak used sampled every 100 files %.1f MiB,"
          + " peak of heap pools %.1f MiB%n", Runtime.getRuntime().maxMemory() >> 20, heapAfterList / 1048576.0,
          peakSampled / 1048576.0, peakPools() / 1048576.0);
    } finally {
      try (Stream<Path> w = Files.walk(dir)) {
        w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long peakPools() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }
}
