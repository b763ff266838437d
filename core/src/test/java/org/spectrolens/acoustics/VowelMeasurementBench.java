package org.spectrolens.acoustics;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.spectrolens.audio.Clip;

/**
 * Benchmark, not a test: measures F1-F3 and F0 of N synthetic vowel segments (default 3000, each
 * 0.25 s inside a 0.45 s clip at RATE Hz, default 22050, resampled to 11000 Hz for the formants)
 * on all available cores. Run:
 * java -cp core/target/classes:core/target/test-classes:$(deps) org.spectrolens.acoustics.VowelMeasurementBench [N] [RATE]
 */
public final class VowelMeasurementBench {
  private VowelMeasurementBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 22050;
    double[][][] vowels = {
        {{343, 50}, {2323, 80}, {3001, 120}, {3658, 200}, {4500, 250}},
        {{591, 60}, {1930, 90}, {2595, 120}, {3642, 200}, {4500, 250}},
        {{475, 55}, {1379, 80}, {1711, 100}, {3335, 200}, {4500, 250}},
        {{756, 70}, {1309, 90}, {2535, 120}, {3684, 200}, {4500, 250}},
        {{380, 50}, {992, 80}, {2355, 120}, {3378, 200}, {4500, 250}}};
    Clip[] clips = new Clip[vowels.length];
    for (int v = 0; v < vowels.length; v++) {
      double[] pulses = Signals.pulseTrain(rate, 0.25, 110 + 5 * v, 120 + 5 * v);
      double[] vowel = Signals.vowel(Signals.tilt(Signals.tilt(pulses, rate, 100), rate, 100), rate, vowels[v]);
      double[] x = Signals.concat(new double[rate / 10], vowel, new double[rate / 10]);
      x = add(x, Signals.scale(Signals.whiteNoise(rate, x.length / (double) rate, v), 1e-3));
      clips[v] = new Clip(Signals.normalise(x, 0.5), rate, "v" + v, 0.0);
    }
    VowelMeasurement m = new VowelMeasurement();
    for (int i = 0; i < 200; i++) m.measureInterval(clips[i % 5], 0.1, 0.35, 5500); // warm-up
    AtomicInteger voiced = new AtomicInteger();
    long t0 = System.nanoTime();
    IntStream.range(0, n).parallel().forEach(i -> {
      VowelMeasurement.Result r = m.measureInterval(clips[i % 5], 0.1, 0.35, 5500);
      if (!Double.isNaN(r.f0())) voiced.incrementAndGet();
    });
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%d vowel segments (0.25 s, %d Hz) on %d cores: %.2f s (%.2f ms each), %d voiced%n",
        n, rate, Runtime.getRuntime().availableProcessors(), seconds, 1000 * seconds / n, voiced.get());
    for (int v = 0; v < 5; v++) {
      VowelMeasurement.Result r = m.measureInterval(clips[v], 0.1, 0.35, 5500);
      System.out.printf("  vowel %d: F1 %.0f F2 %.0f F3 %.0f (truth %.0f %.0f %.0f), F0 %.1f%n", v, r.f1(), r.f2(), r.f3(),
          vowels[v][0][0], vowels[v][1][0], vowels[v][2][0], r.f0());
    }
  }

  private static double[] add(double[] a, double[] b) {
    double[] y = a.clone();
    for (int i = 0; i < y.length; i++) y[i] += b[i];
    return y;
  }
}
