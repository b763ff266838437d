package org.spectrolens.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion: a polyphase Kaiser-windowed sinc for any rational ratio
 * (reduced by the gcd, e.g. 22050 -> 16000 is 320/441). The low-pass passes up to 0.85 of the
 * lower Nyquist frequency and stops (>= 90 dB by design) from the lower Nyquist frequency on, so
 * nothing above the new Nyquist aliases and in-band amplitudes are kept to within 0.001 dB.
 * Output sample n lies at input time n / targetRate exactly (zero group delay, as torchaudio and
 * soxr), the signal is zero outside the clip, and the length is round(n * target / source).
 */
public final class Resampler {
  static final double PASS_EDGE = 0.85;
  static final double STOP_DB = 90;
  private static final int MAX_TABLE = 1 << 22;
  private static final Map<Long, Kernel> KERNELS = new ConcurrentHashMap<>();

  private Resampler() {}

  public static Clip resample(Clip clip, int targetRate) {
    if (targetRate <= 0) throw new IllegalArgumentException("target rate must be positive: " + targetRate);
    int source = clip.sampleRate();
    if (source == targetRate) return clip;
    Kernel k = kernel(source, targetRate);
    float[] out = k.apply(clip.samples());
    return new Clip(out, targetRate, clip.source(), clip.offsetSeconds());
  }

  static Kernel kernel(int source, int target) {
    long key = (long) source << 32 | target;
    Kernel k = KERNELS.get(key);
    if (k == null) {
      if (KERNELS.size() > 32) KERNELS.clear();
      k = new Kernel(source, target);
      KERNELS.put(key, k);
    }
    return k;
  }

  /** The filter for one rate pair, as a table of {@code up} phases of {@code 2 * half} taps. */
  static final class Kernel {
    final int up;
    final int down;
    final int half;
    final double cutoff;
    final double beta;
    private final double i0Beta;
    private final float[][] phases;

    Kernel(int source, int target) {
      this(source, target, true);
    }

    /** @param table whether to precompute the phases (done when they fit in 16 MiB) */
    Kernel(int source, int target, boolean table) {
      int g = gcd(source, target);
      up = target / g;
      down = source / g;
      // frequencies in cycles per input sample
      double nyquist = 0.5 * Math.min(1.0, up / (double) down);
      double transition = (1 - PASS_EDGE) * nyquist;
      cutoff = nyquist - transition / 2;
      beta = 0.1102 * (STOP_DB - 8.7); // Kaiser's formula for attenuation above 50 dB
      double taps = (STOP_DB - 7.95) / (2.285 * 2 * Math.PI * transition);
      half = (int) Math.ceil(taps / 2) + 1;
      i0Beta = besselI0(beta);
      phases = table && (long) up * 2 * half <= MAX_TABLE ? new float[up][] : null;
      if (phases != null) for (int p = 0; p < up; p++) phases[p] = taps(p, new float[2 * half]);
    }

    /** Taps for output phase p (input time i + p/up), tap j at input sample i - half + 1 + j. */
    float[] taps(int p, float[] h) {
      double frac = p / (double) up;
      double sum = 0;
      for (int j = 0; j < h.length; j++) {
        double d = j - half + 1 - frac;
        double x = d / half;
        double w = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
        double arg = 2 * cutoff * d;
        double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
        double v = 2 * cutoff * sinc * w;
        h[j] = (float) v;
        sum += v;
      }
      float norm = (float) (1 / sum); // unit gain at DC in every phase
      for (int j = 0; j < h.length; j++) h[j] *= norm;
      return h;
    }

    float[] apply(float[] x) {
      int n = x.length;
      long outLen = ((long) n * up + down / 2) / down;
      if (outLen > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("resampled clip too long: " + outLen);
      float[] out = new float[(int) outLen];
      if (outLen == 0) return out;
      long lastI = ((outLen - 1) * down) / up;
      int taps = 2 * half;
      float[] xp = new float[(int) Math.max(n, lastI + 1) + taps + 1];
      System.arraycopy(x, 0, xp, half, n);
      float[] scratch = phases == null ? new float[taps] : null;
      long pos = 0;
      for (int m = 0; m < out.length; m++, pos += down) {
        int i = (int) (pos / up);
        int p = (int) (pos - (long) i * up);
        float[] h = phases != null ? phases[p] : taps(p, scratch);
        int base = i + 1;
        float acc = 0;
        for (int j = 0; j < taps; j++) acc += h[j] * xp[base + j];
        out[m] = acc;
      }
      return out;
    }
  }

  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 500; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
