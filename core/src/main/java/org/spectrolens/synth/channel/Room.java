package org.spectrolens.synth.channel;

import java.util.random.RandomGenerator;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A room as a statistical impulse response: a unit direct path at lag 0 followed by Gaussian noise
 * under an exponential envelope that falls 60 dB in {@code rt60} seconds (Moorer 1979, "About this
 * reverberation business"; Polack's model of the late field, Jot et al. 1997). The tail's energy
 * sets the direct-to-reverberant ratio. No early reflections are modelled: what the vowel
 * classifiers see of a room is its spectral smearing over time, which the diffuse tail carries;
 * an image-source shoebox would add comb colouring that the microphone's drawn EQ stands in for.
 *
 * @param rt60 reverberation time (s), the 60 dB decay of the tail's energy (Sabine's T60)
 * @param drrDb direct-to-reverberant energy ratio (dB)
 */
public record Room(double rt60, double drrDb) {
  /**
   * The impulse response at {@code sampleRate}: {@code h[0] = 1}, then noise with energy envelope
   * {@code exp(-6 ln(10) t / rt60)} up to {@code t = rt60} (60 dB down: what lies beyond is
   * inaudible under the speech), scaled so that the tail's energy is {@code 10^(-drrDb/10)}.
   */
  public double[] impulseResponse(int sampleRate, RandomGenerator rng) {
    int n = Math.max(2, (int) Math.round(rt60 * sampleRate));
    double[] h = new double[n];
    double decay = 3 * Math.log(10) / (rt60 * sampleRate); // amplitude: 60 dB over rt60
    double energy = 0;
    for (int i = 1; i < n; i++) {
      h[i] = rng.nextGaussian() * Math.exp(-decay * i);
      energy += h[i] * h[i];
    }
    double g = Math.sqrt(Math.pow(10, -drrDb / 10) / energy);
    for (int i = 1; i < n; i++) h[i] *= g;
    h[0] = 1;
    return h;
  }

  /** {@code x} convolved with {@code h}, cut to {@code x}'s length (the direct path keeps every time in place). */
  static double[] convolve(double[] x, double[] h) {
    int size = Integer.highestOneBit(Math.max(2, x.length + h.length - 1) - 1) << 1;
    double[] a = new double[size];
    double[] b = new double[size];
    System.arraycopy(x, 0, a, 0, x.length);
    System.arraycopy(h, 0, b, 0, h.length);
    DoubleFFT_1D fft = new DoubleFFT_1D(size);
    fft.realForward(a);
    fft.realForward(b);
    // packed halves: [0] = DC, [1] = Nyquist (both real), then (re, im) pairs
    a[0] *= b[0];
    a[1] *= b[1];
    for (int k = 2; k < size; k += 2) {
      double re = a[k] * b[k] - a[k + 1] * b[k + 1];
      double im = a[k] * b[k + 1] + a[k + 1] * b[k];
      a[k] = re;
      a[k + 1] = im;
    }
    fft.realInverse(a, true);
    double[] y = new double[x.length];
    System.arraycopy(a, 0, y, 0, x.length);
    return y;
  }
}
