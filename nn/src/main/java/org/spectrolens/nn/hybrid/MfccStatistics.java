package org.spectrolens.nn.hybrid;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The classic speech description of a segment: the mean and standard deviation (population) over
 * frames of 20 MFCCs (librosa's definition: Slaney mel bank of 40 bands, power to dB with top_db
 * 80, orthonormal DCT-II, no lifter) on speech-length frames: n_fft the power of two nearest 25 ms
 * at the clip's rate (512 at 22,050 Hz, 23 ms), Hann, hop n_fft / 4, centred with zero padding.
 */
final class MfccStatistics implements ItemFeature {
  static final int COEFFICIENTS = 20;
  static final int BANDS = 40;

  @Override
  public String id() {
    return "mfcc";
  }

  @Override
  public List<String> columns() {
    List<String> c = new ArrayList<>();
    for (int k = 0; k < COEFFICIENTS; k++) c.add("mfcc" + k + "_mean");
    for (int k = 0; k < COEFFICIENTS; k++) c.add("mfcc" + k + "_std");
    return c;
  }

  static SpectrogramSpec spec(int sampleRate) {
    int nFft = Integer.highestOneBit((int) Math.round(0.025 * sampleRate * Math.sqrt(2)));
    return SpectrogramSpec.librosa().withSampleRate(sampleRate).withFft(nFft, nFft, nFft / 4)
        .withMel(BANDS, SpectrogramSpec.librosa().melScale(), SpectrogramSpec.MelNorm.SLANEY)
        .withMfcc(COEFFICIENTS, 0.0).withKind(SpectrogramSpec.Kind.MFCC);
  }

  @Override
  public double[] of(Clip clip) {
    float[][] c = FrontEnd.compute(clip, spec(clip.sampleRate())).values();
    double[] out = new double[2 * COEFFICIENTS];
    for (int k = 0; k < COEFFICIENTS; k++) {
      double[] ms = meanStd(c[k]);
      out[k] = ms[0];
      out[COEFFICIENTS + k] = ms[1];
    }
    return out;
  }

  /** Mean and population standard deviation of a row. */
  static double[] meanStd(float[] row) {
    double m = 0;
    for (float v : row) m += v;
    m /= row.length;
    double s = 0;
    for (float v : row) s += (v - m) * (v - m);
    return new double[] {m, Math.sqrt(s / row.length)};
  }
}
