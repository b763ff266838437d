package org.spectrolens.synth.channel;

import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.dsp.Biquad;

/**
 * A narrow-band telephone line: the audio resampled to 8 kHz (the band-limited {@link Resampler},
 * which passes up to 3.4 kHz and stops from 4 kHz), band-passed to 300-3400 Hz (ITU-T G.712's
 * pass band) by fourth-order Butterworth high- and low-pass filters run forwards and backwards, and
 * resampled back to the corpus rate (so nothing above 4 kHz comes back).
 */
public final class Telephone {
  public static final int RATE = 8000;
  public static final double LOW_HZ = 300;
  public static final double HIGH_HZ = 3400;
  private static final int ORDER = 4;

  private Telephone() {}

  static Biquad[] sections() {
    Biquad[] hp = Biquad.butterworth(true, ORDER, LOW_HZ, RATE);
    Biquad[] lp = Biquad.butterworth(false, ORDER, HIGH_HZ, RATE);
    Biquad[] all = new Biquad[hp.length + lp.length];
    System.arraycopy(hp, 0, all, 0, hp.length);
    System.arraycopy(lp, 0, all, hp.length, lp.length);
    return all;
  }

  /**
   * The band's response at {@code f} Hz (amplitude ratio) without the resamplers: {@code 1 / (1 +
   * (t(300) / t(f))^8) / (1 + (t(f) / t(3400))^8)}, {@code t(f) = tan(pi f / 8000)} (each filter's
   * squared Butterworth magnitude, squared again by the backward pass, is this in amplitude).
   */
  public static double response(double f) {
    double t = Math.tan(Math.PI * f / RATE);
    double lo = Math.pow(Math.tan(Math.PI * LOW_HZ / RATE) / t, 2 * ORDER);
    double hi = Math.pow(t / Math.tan(Math.PI * HIGH_HZ / RATE), 2 * ORDER);
    return 1 / ((1 + lo) * (1 + hi));
  }

  /** {@code x} at {@code sampleRate} through the line; the same length. */
  public static double[] apply(double[] x, int sampleRate) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
    float[] narrow = Resampler.resample(new Clip(f, sampleRate), RATE).samples();
    double[] d = new double[narrow.length];
    for (int i = 0; i < d.length; i++) d[i] = narrow[i];
    Biquad.filtfilt(d, sections());
    for (int i = 0; i < d.length; i++) narrow[i] = (float) d[i];
    float[] back = Resampler.resample(new Clip(narrow, RATE), sampleRate).samples();
    double[] y = new double[x.length];
    for (int i = 0; i < Math.min(y.length, back.length); i++) y[i] = back[i];
    return y;
  }
}
