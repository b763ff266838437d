package org.spectrolens.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.spectrolens.audio.Clip;
import org.spectrolens.filter.Filters;
import org.spectrolens.filter.SpectrogramFilter;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.synth.FormantSynthesizer;
import org.spectrolens.synth.Planner;
import org.spectrolens.synth.Speaker;
import org.spectrolens.synth.SpeakerGroup;
import org.spectrolens.synth.SynthCorpus;
import org.spectrolens.synth.Tracks;
import org.spectrolens.synth.UtterancePlan;
import org.spectrolens.synth.VowelNorms;

/**
 * The SNR gain of each denoiser on known mixtures (a measurement, not a test): a clean source plus
 * white Gaussian noise scaled to a waveform SNR (power over the whole clip) of -5, 0, 5 and 10 dB.
 * Sources: a linear chirp 300-3000 Hz of 1 s (amplitude 0.3) with 0.25 s of silence on each side,
 * at 16 kHz; and the built-in synthesiser's isolated /AA/ of the women's mean talker (0.3 s with
 * 0.1 s of silence on each side), at 22,050 Hz. Front end: STFT n_fft 512, hop 128, periodic Hann,
 * magnitude (power 1).
 *
 * <p>The SNR of a spectrogram is measured in the magnitude domain against the clean one:
 * {@code 10 log10(sum S^2 / sum (S_hat - S)^2)}, S the clean magnitudes, S_hat the estimate; the
 * gain is the SNR after the filter less the SNR of the noisy spectrogram. Two ways of filtering:
 * on the magnitudes themselves ({@code magnitude}), and on the dB spectrogram (20 log10 |X|,
 * amin 1e-5, top_db 80, as image filters are usually run) brought back to magnitude ({@code db}).
 * Every number is the mean over {@code seeds} noise draws.
 */
public final class DenoisingBench {
  public static final double[] SNRS_DB = {-5, 0, 5, 10};
  static final int N_FFT = 512;
  static final int HOP = 128;

  private DenoisingBench() {}

  /** One source: its name and clean samples. */
  public record Source(String name, float[] samples, int sampleRate) {}

  /** The two sources above. */
  public static List<Source> sources() {
    int sr = 16000;
    float[] chirp = new float[(int) (1.5 * sr)];
    for (int i = 0; i < chirp.length; i++) {
      double t = i / (double) sr - 0.25;
      if (t >= 0 && t < 1.0) chirp[i] = (float) (0.3 * Math.sin(2 * Math.PI * (300 * t + 0.5 * 2700 * t * t)));
    }
    SpeakerGroup g = SpeakerGroup.WOMEN;
    Speaker spk = new Speaker("mean", g, 0, g.f0Mean, 1);
    UtterancePlan plan = Planner.isolatedVowel(spk, "AA1", VowelNorms.of(g, "AA").mean().clone(), 0.3);
    float[] vowel = FormantSynthesizer.render(plan, Tracks.of(plan), SynthCorpus.DEFAULT_SAMPLE_RATE, new SplittableRandom(7));
    return List.of(new Source("chirp", chirp, sr), new Source("vowel /AA/", vowel, SynthCorpus.DEFAULT_SAMPLE_RATE));
  }

  /** The default denoisers: every registered filter with its defaults. */
  public static List<String> defaultFilters() {
    return Filters.ids();
  }

  /**
   * Mean gains, by source and input SNR, then filter (as given; each filter alone, not chained).
   *
   * @param domain "magnitude" or "db"
   */
  public static Map<String, Map<String, Double>> gains(List<String> filters, String domain, int seeds) {
    boolean db = domain.equals("db");
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    List<SpectrogramFilter> chain = Filters.parseAll(filters, "filters");
    for (Source src : sources()) {
      SpectrogramSpec spec = SpectrogramSpec.torchaudio().withSampleRate(src.sampleRate()).withFft(N_FFT, N_FFT, HOP).withPower(1.0);
      SpectrogramSpec dbSpec = spec.withDb(true, 80.0);
      float[][] clean = FrontEnd.compute(new Clip(src.samples(), src.sampleRate()), spec).values();
      double signalPower = 0;
      for (float v : src.samples()) signalPower += v * (double) v;
      signalPower /= src.samples().length;
      for (double snr : SNRS_DB) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("input SNR", 0.0);
        for (String f : filters) row.put(f, 0.0);
        for (int seed = 0; seed < seeds; seed++) {
          Random rnd = new Random(1000L * seed + (long) (snr * 10) + src.name().hashCode());
          double sd = Math.sqrt(signalPower / Math.pow(10, snr / 10));
          float[] x = src.samples().clone();
          for (int i = 0; i < x.length; i++) x[i] += (float) (sd * rnd.nextGaussian());
          Clip clip = new Clip(x, src.sampleRate());
          Spectrogram noisy = FrontEnd.compute(clip, db ? dbSpec : spec);
          double before = snr(clean, db ? toMagnitude(noisy.values()) : noisy.values());
          row.merge("input SNR", before / seeds, Double::sum);
          for (int i = 0; i < chain.size(); i++) {
            float[][] y = chain.get(i).apply(noisy).values();
            double after = snr(clean, db ? toMagnitude(y) : y);
            row.merge(filters.get(i), (after - before) / seeds, Double::sum);
          }
        }
        out.put(src.name() + String.format(Locale.ROOT, " | %+.0f dB", snr), row);
      }
    }
    return out;
  }

  /** 10 log10(sum S^2 / sum (S_hat - S)^2), in dB. */
  public static double snr(float[][] clean, float[][] estimate) {
    double s = 0;
    double e = 0;
    for (int r = 0; r < clean.length; r++) {
      for (int c = 0; c < clean[r].length; c++) {
        s += clean[r][c] * (double) clean[r][c];
        double d = estimate[r][c] - (double) clean[r][c];
        e += d * d;
      }
    }
    return 10 * Math.log10(s / e);
  }

  private static float[][] toMagnitude(float[][] db) {
    float[][] out = new float[db.length][];
    for (int r = 0; r < db.length; r++) {
      out[r] = new float[db[r].length];
      for (int c = 0; c < db[r].length; c++) out[r][c] = (float) Math.pow(10, db[r][c] / 20.0);
    }
    return out;
  }

  /** The markdown table: source | input SNR (waveform) | spectrogram SNR before | gain of each filter. */
  public static String markdown(Map<String, Map<String, Double>> gains) {
    List<String> names = new ArrayList<>(gains.values().iterator().next().keySet());
    StringBuilder b = new StringBuilder("| source | waveform SNR | spectrogram SNR before (dB) |");
    for (String n : names.subList(1, names.size())) b.append(" ").append(n).append(" |");
    b.append("\n|").append(" --- |".repeat(names.size() + 2)).append("\n");
    for (var e : gains.entrySet()) {
      b.append("| ").append(e.getKey()).append(" |");
      for (String n : names) b.append(String.format(Locale.ROOT, " %+.2f |", e.getValue().get(n)));
      b.append("\n");
    }
    return b.toString();
  }
}
