package org.spectrolens.synth.channel;

import org.spectrolens.dsp.Biquad;

/**
 * A microphone (and its preamplifier) as a smooth EQ: a second-order Butterworth high-pass (the
 * bass roll-off of small capsules and of handling-noise filters), a second-order Butterworth
 * low-pass (cheap capsules and codecs lose the top octave), and one peaking section (the presence
 * peak or dip of a capsule's diaphragm resonance), each run forwards and backwards (zero phase).
 *
 * @param highPassHz the high-pass corner (Hz)
 * @param lowPassHz the low-pass corner (Hz; at most 0.45 of the sample rate is used)
 * @param peakHz the presence peak's centre (Hz)
 * @param peakDb its gain through the zero-phase pair (dB; negative: a dip)
 * @param peakQ its quality factor
 */
public record Microphone(double highPassHz, double lowPassHz, double peakHz, double peakDb, double peakQ) {
  Biquad[] sections(int sampleRate) {
    double nyquistGuard = 0.45 * sampleRate;
    return new Biquad[] {
      Biquad.highPass(highPassHz, Math.sqrt(0.5), sampleRate),
      Biquad.lowPass(Math.min(lowPassHz, nyquistGuard), Math.sqrt(0.5), sampleRate),
      // half the gain per pass: forwards and backwards make peakDb
      Biquad.peaking(Math.min(peakHz, nyquistGuard), peakDb / 2, peakQ, sampleRate)};
  }

  /** The microphone's response at {@code f} (amplitude ratio), forwards and backwards. */
  public double response(double f, int sampleRate) {
    return Biquad.filtfiltMagnitude(f, sampleRate, sections(sampleRate));
  }

  /** Filters {@code x} in place. */
  public void apply(double[] x, int sampleRate) {
    Biquad.filtfilt(x, sections(sampleRate));
  }
}
