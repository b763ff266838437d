package org.spectrolens.dataset.channels;

import org.spectrolens.dsp.Decibels;
import org.spectrolens.features.Hpss;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * {@code harmonic} and {@code percussive}: the parts of the front end's spectrogram by median
 * filtering, the features package's {@link Hpss#librosa()} ({@code librosa.decompose.hpss},
 * kernels 31 frames along time and 31 rows along frequency, soft masks of power 2, margins 1) on
 * the front end's magnitudes before dB (|X| for an STFT front end, the mel magnitudes for a mel
 * one), each part then put in the front end's unit (dB with its ref, amin and top_db, for a dB
 * front end), cropped and resized as the front end's grid is. With margins 1 the masks sum to 1,
 * so the two parts' magnitudes sum to the front end's (before dB, crop and resize).
 */
final class HarmonicPercussiveChannel implements InputChannel {
  private final boolean harmonic;

  HarmonicPercussiveChannel(boolean harmonic) {
    this.harmonic = harmonic;
  }

  @Override
  public String id() {
    return harmonic ? "harmonic" : "percussive";
  }

  @Override
  public String description() {
    return "the " + id() + " part of the front end by median-filtering HPSS (librosa hpss, kernels 31), in the front end's unit";
  }

  @Override
  public boolean needsAudio() {
    return true;
  }


  @Override
  public float[][] compute(ChannelSource in) {
    in.requireFull(id());
    SpectrogramSpec spec = in.full().spec();
    Spectrogram linear = FrontEnd.compute(in.clip(), spec.withDb(false, spec.topDb()));
    float[][] v = linear.values();
    double p = spec.power();
    float[][] magnitude = new float[v.length][v[0].length];
    for (int k = 0; k < v.length; k++) for (int t = 0; t < v[k].length; t++) magnitude[k][t] = (float) Math.pow(v[k][t], 1 / p);
    Hpss.Parts parts = Hpss.librosa().split(magnitude);
    float[][] part = harmonic ? parts.harmonic() : parts.percussive();
    for (float[] row : part) for (int t = 0; t < row.length; t++) row[t] = (float) Math.pow(row[t], p); // back to the front end's power
    if (spec.db()) part = Decibels.convert(part, 20.0 / p, spec.dbRef(), spec.amin(), spec.topDb());
    return in.toGrid().apply(linear.withValues(part)).values();
  }
}
