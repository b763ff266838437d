package org.spectrolens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Throughput benchmark, not a test: log-mel spectrograms (n_fft 1024, hop 256, 128 HTK mels,
 * power 2, dB) of a folder of 1-second 22,050 Hz WAV files, reading included, on a fixed number
 * of threads (files spread over them), against torchaudio doing the same through
 * {@code scripts/bench/torchaudio_bench.py} with {@code torch.set_num_threads} equal.
 *
 * <pre>
 * ./spectrolens --version   # builds cli/target once
 * java -cp "cli/target/spectrolens-cli.jar:cli/target/lib/*" org.spectrolens.bench.FrontEndBench \
 *     [--dir DIR] [--files 500] [--threads 2] [--rounds 3] [--no-torch]
 * </pre>
 * The folder is filled with {@code --files} seeded noisy harmonic WAVs (16-bit PCM) if absent.
 * Each side runs one untimed warm-up round, then the best of {@code --rounds} timed rounds is
 * reported. Files are read with {@link AudioFile#read}.
 */
public final class FrontEndBench {
  private FrontEndBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "spectrolens-bench-22050");
    int files = 500;
    int threads = 2;
    int rounds = 3;
    boolean torch = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--no-torch" -> torch = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Files.isDirectory(dir)) writeFiles(dir, files);
    List<Path> wavs;
    try (Stream<Path> s = Files.list(dir)) {
      wavs = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
    }
    SpectrogramSpec spec = SpectrogramSpec.torchaudio().withSampleRate(22050).withKind(SpectrogramSpec.Kind.MEL)
        .withFft(1024, 1024, 256).withDb(true, Double.NaN);
    System.out.printf("%d files in %s, %d threads, log-mel n_fft 1024 hop 256 128 mels%n", wavs.size(), dir, threads);

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double best = Double.MAX_VALUE;
    try {
      run(pool, wavs, spec); // warm-up (JIT, plans)
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        double checksum = run(pool, wavs, spec);
        double s = (System.nanoTime() - t0) / 1e9;
        best = Math.min(best, s);
        System.out.printf("spectrolens round %d: %.3f s (checksum %.1f)%n", r + 1, s, checksum);
      }
    } finally {
      pool.shutdown();
    }
    double ours = wavs.size() / best;
    System.out.printf("spectrolens: %.1f files/s%n", ours);
    if (!torch) return;
    Path script = findScript();
    if (script == null || !Files.isExecutable(Path.of("/usr/bin/python3"))) {
      System.out.println("torchaudio: skipped (no /usr/bin/python3 or scripts/bench/torchaudio_bench.py)");
      return;
    }
    Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "--dir", dir.toString(),
        "--threads", "" + threads, "--rounds", "" + rounds).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    System.out.print(out);
    for (String line : out.split("\n")) {
      if (line.startsWith("torchaudio:") && line.endsWith("files/s")) {
        double theirs = Double.parseDouble(line.replaceAll("[^0-9.]+", " ").trim().split(" ")[0]);
        System.out.printf("ratio spectrolens / torchaudio: %.2f%n", ours / theirs);
      }
    }
  }

  private static double run(ExecutorService pool, List<Path> wavs, SpectrogramSpec spec) throws Exception {
    List<Future<Double>> results = new ArrayList<>();
    for (Path w : wavs) {
      results.add(pool.submit(() -> {
        Spectrogram s = FrontEnd.compute(AudioFile.read(w), spec);
        return (double) s.value(10, 10);
      }));
    }
    double sum = 0;
    for (Future<Double> f : results) sum += f.get();
    return sum;
  }

  private static void writeFiles(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Random rnd = new Random(1);
    for (int f = 0; f < n; f++) {
      float[] x = new float[22050];
      double f0 = 100 + 200 * rnd.nextDouble();
      for (int i = 0; i < x.length; i++) {
        double v = 0;
        for (int k = 1; k <= 8; k++) v += Math.sin(2 * Math.PI * k * f0 * i / 22050.0) / k;
        x[i] = (float) (0.2 * v + 0.02 * rnd.nextGaussian());
      }
      WavWriter.writePcm16(dir.resolve(String.format("bench-%04d.wav", f)), new Clip(x, 22050));
    }
  }

  private static Path findScript() {
    String home = System.getProperty("spectrolens.home");
    if (home != null && Files.exists(Path.of(home, "scripts/bench/torchaudio_bench.py"))) {
      return Path.of(home, "scripts/bench/torchaudio_bench.py");
    }
    Path d = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && d != null; i++, d = d.getParent()) {
      Path s = d.resolve("scripts/bench/torchaudio_bench.py");
      if (Files.exists(s)) return s;
    }
    return null;
  }
}
