package org.spectrolens.synth.channel;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * What lies between a synthetic talker and the recording: a room, a microphone, perhaps a
 * telephone line, and background noise. Applied to the dry utterance in that order (the noise, made
 * in the room, passes the microphone and the line too), it changes no formant or F0 and moves
 * nothing in time (the room's direct path is at lag 0, the filters are zero phase), so the truth
 * tracks and alignments of the dry source stay those of the recording.
 *
 * @param room the room, or null for none (a dry, close recording)
 * @param mic the microphone, or null for none (a flat one)
 * @param telephone whether the audio passes a narrow-band telephone line ({@link Telephone})
 * @param noise the background noise's kind
 * @param snrDb the speech's power over the noise's on the utterance's phones (dB; NaN without noise)
 * @param babble the corpus utterances whose dry audio makes the babble (empty unless babble)
 */
public record Channel(Room room, Microphone mic, boolean telephone, BackgroundNoise noise, double snrDb, int[] babble) {
  /** The dry channel: the synthesiser's output as it is. */
  public static final Channel CLEAN = new Channel(null, null, false, BackgroundNoise.NONE, Double.NaN, new int[0]);

  /** The columns {@link #csv} fills, after the utterance's own in {@code speakers.csv}. */
  public static final String CSV_HEADER = "room_rt60,room_drr_db,mic_highpass_hz,mic_lowpass_hz,mic_peak_hz,mic_peak_db,telephone,noise,snr_db";

  /** How channels are drawn per utterance. */
  public enum Variety {
    /** Every utterance dry: the corpus as it always was (nothing is drawn). */
    CLEAN,
    /**
     * Per utterance: a room with probability {@link #P_ROOM} (RT60 U(0.15, 0.8) s, offices and
     * living rooms; direct-to-reverberant ratio U(0, 15) dB, a talker 0.5-2 m away); a
     * microphone (high-pass log-U(40, 300) Hz, low-pass log-U(4, 11) kHz, presence peak at
     * log-U(1.5, 6) kHz of U(-6, +8) dB, Q U(0.7, 2)); a telephone line with probability
     * {@link #P_TELEPHONE}; noise with probability {@link #P_NOISE}, white, pink or babble alike,
     * at an SNR U(5, 35) dB.
     */
    VARIED;

    public static final double P_ROOM = 0.8;
    public static final double P_TELEPHONE = 0.2;
    public static final double P_NOISE = 0.8;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Variety parse(String s) {
      for (Variety v : values()) if (v.label().equals(s)) return v;
      throw new IllegalArgumentException("channel variety must be clean or varied, not " + s);
    }

    /**
     * The channel of utterance {@code index} of {@code utterances}. Every parameter is drawn
     * whether it is used or not, so one choice does not shift the others.
     */
    public Channel draw(int index, int utterances, RandomGenerator rng) {
      if (this == CLEAN) return Channel.CLEAN;
      Room room = new Room(uniform(rng, 0.15, 0.8), uniform(rng, 0, 15));
      Microphone mic = new Microphone(logUniform(rng, 40, 300), logUniform(rng, 4000, 11000), logUniform(rng, 1500, 6000),
          uniform(rng, -6, 8), uniform(rng, 0.7, 2));
      boolean hasRoom = rng.nextDouble() < P_ROOM;
      boolean telephone = rng.nextDouble() < P_TELEPHONE;
      boolean hasNoise = rng.nextDouble() < P_NOISE;
      BackgroundNoise kind = BackgroundNoise.values()[1 + rng.nextInt(3)];
      double snr = uniform(rng, 5, 35);
      int[] talkers = new int[BackgroundNoise.BABBLE_TALKERS];
      for (int k = 0; k < talkers.length; k++) {
        // other utterances where there are any
        talkers[k] = utterances < 2 ? index : (index + 1 + rng.nextInt(utterances - 1)) % utterances;
      }
      if (!hasNoise) kind = BackgroundNoise.NONE;
      return new Channel(hasRoom ? room : null, mic, telephone, kind, hasNoise ? snr : Double.NaN,
          kind == BackgroundNoise.BABBLE ? talkers : new int[0]);
    }
  }

  public boolean isClean() {
    return room == null && mic == null && !telephone && noise == BackgroundNoise.NONE;
  }

  /** The {@link #CSV_HEADER} columns, empty where a part is absent; telephone {@code yes}/{@code no}. */
  public String csv() {
    return String.format(Locale.ROOT, "%s,%s,%s,%s,%s", room == null ? "," : String.format(Locale.ROOT, "%.2f,%.1f", room.rt60(), room.drrDb()),
        mic == null ? ",,," : String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.1f", mic.highPassHz(), mic.lowPassHz(), mic.peakHz(), mic.peakDb()),
        telephone ? "yes" : "no", noise.label(), Double.isNaN(snrDb) ? "" : String.format(Locale.ROOT, "%.1f", snrDb));
  }

  /** The speech and the noise at the recording, before they are summed (the noise scaled to the SNR). */
  record Mix(double[] speech, double[] noise) {}

  /**
   * The recording of {@code dry}: {@link #mix}ed and summed, scaled down where it would pass 0.89
   * of full scale.
   */
  public float[] apply(float[] dry, int sampleRate, boolean[] active, IntFunction<float[]> babbleSource, RandomGenerator rng) {
    if (isClean()) return dry;
    Mix m = mix(dry, sampleRate, active, babbleSource, rng);
    double peak = 0;
    for (int i = 0; i < dry.length; i++) peak = Math.max(peak, Math.abs(m.speech[i] + m.noise[i]));
    double g = peak > 0.89 ? 0.89 / peak : 1;
    float[] out = new float[dry.length];
    for (int i = 0; i < out.length; i++) out[i] = (float) (g * (m.speech[i] + m.noise[i]));
    return out;
  }

  /**
   * The speech through room, microphone and line, brought back to the dry speech's RMS over the
   * phones ({@code active}: the synthesiser puts stressed vowels at -20 dBFS, and so does the
   * channel on average); the noise through microphone and line, at {@link #snrDb} below the speech
   * over the same samples.
   */
  Mix mix(float[] dry, int sampleRate, boolean[] active, IntFunction<float[]> babbleSource, RandomGenerator rng) {
    int n = dry.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = dry[i];
    double level = activeRms(x, active);
    if (room != null) x = Room.convolve(x, room.impulseResponse(sampleRate, rng));
    x = line(x, sampleRate);
    double now = activeRms(x, active);
    if (now > 0) for (int i = 0; i < n; i++) x[i] *= level / now;
    double[] noiseOut = new double[n];
    if (noise != BackgroundNoise.NONE) {
      double[] z = line(noise.draw(n, babble, babbleSource, rng), sampleRate);
      double g = BackgroundNoise.gainForSnr(x, z, active, snrDb);
      for (int i = 0; i < n; i++) noiseOut[i] = g * z[i];
    }
    return new Mix(x, noiseOut);
  }

  /** Microphone, then the telephone line where there is one. */
  private double[] line(double[] x, int sampleRate) {
    if (mic != null) mic.apply(x, sampleRate);
    return telephone ? Telephone.apply(x, sampleRate) : x;
  }

  private static double activeRms(double[] x, boolean[] active) {
    double s = 0;
    int c = 0;
    for (int i = 0; i < x.length; i++) {
      if (!active[i]) continue;
      s += x[i] * x[i];
      c++;
    }
    return c > 0 ? Math.sqrt(s / c) : 0;
  }

  private static double uniform(RandomGenerator rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  private static double logUniform(RandomGenerator rng, double lo, double hi) {
    return Math.exp(uniform(rng, Math.log(lo), Math.log(hi)));
  }
}
