package org.spectrolens.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.audio.Clip;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * Writes sample figures for looking at (not a test): a chirp's STFT, a mel spectrogram of a
 * synthetic vowel, an overlay and a panel figure. Usage: {@code SampleFigures OUT_DIR}.
 * The chirp goes through {@link FrontEnd}; the vowel is an analytic formant-envelope mel grid.
 */
public final class SampleFigures {
  private SampleFigures() {}

  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/spectrolens-render");
    Spectrogram chirp = chirpStft(22050, 2.0, 100, 8000, 1024, 256);
    SpectrogramImage.defaults().withDynamicRange(80).withTitle("Linear chirp 100 Hz \u2192 8 kHz (STFT, n_fft 1024)")
        .write(chirp, out.resolve("chirp-stft.png"));
    SpectrogramImage.defaults().withColorMap(ColorMap.VIRIDIS).withDynamicRange(80).withFigureSize(640, 360)
        .write(chirp.cropFrequency(0, 4000), out.resolve("chirp-stft-4k-viridis.png"));

    Clip c = chirp(22050, 2.0, 100, 8000);
    SpectrogramSpec lib = SpectrogramSpec.librosa().withDb(true, 80);
    SpectrogramImage.defaults().withTitle("Chirp, librosa mel (128 Slaney bands)")
        .write(FrontEnd.compute(c, lib.withKind(SpectrogramSpec.Kind.MEL)), out.resolve("chirp-mel.png"));
    SpectrogramImage.defaults().withTitle("Chirp, CQT (84 bins from C1)")
        .write(FrontEnd.compute(c, lib.withKind(SpectrogramSpec.Kind.CQT)), out.resolve("chirp-cqt.png"));
    SpectrogramImage.defaults().withColorMap(ColorMap.VIRIDIS).withTitle("Chirp, MFCC (20)")
        .write(FrontEnd.compute(c, lib.withKind(SpectrogramSpec.Kind.MFCC)), out.resolve("chirp-mfcc.png"));

    Spectrogram mel = vowelMel(22050, 128, 0.4, 512);
    SpectrogramImage.defaults().withDynamicRange(80).withTitle("Synthetic /\u0251/ (F1 921, F2 1526, F3 2832 Hz), "
        + "Slaney mel").write(mel, out.resolve("vowel-mel.png"));
    double end = mel.times().seconds(mel.columns() - 1);
    double[] ts = mel.times().seconds();
    double[] f0 = new double[ts.length];
    for (int i = 0; i < ts.length; i++) f0[i] = ts[i] > 0.05 && ts[i] < 0.35 ? 220 - 40 * (ts[i] - 0.05) : Double.NaN;
    SpectrogramImage.defaults().withDynamicRange(80).withTitle("Tracks: women's mean formants of /\u0251/ and an F0 track")
        .withTracks(List.of(Track.constant("F1 921", 921, 0, end), Track.constant("F2 1526", 1526, 0, end),
            Track.constant("F3 2832", 2832, 0, end).withColor(0x7FDBFF), Track.of("F0", ts, f0).withColor(0x39CCCC)))
        .write(mel, out.resolve("vowel-mel-tracks.png"));
    SpectrogramImage.defaults().withCellPixels(4, 3).withColorMap(ColorMap.JET).withDynamicRange(80)
        .write(mel, out.resolve("vowel-mel-cells-jet.png"));

    SpectrogramImage.defaults().withCellPixels(5).withDynamicRange(80).withTitle("Model input 64x64")
        .write(mel.resize(64, 64), out.resolve("vowel-mel-64x64.png"));
    SpectrogramImage.defaults().withCellPixels(40).withColorBar(false).withTitle("7x7")
        .write(mel.resize(7, 7), out.resolve("vowel-mel-7x7.png"));
    SpectrogramImage.defaults().withFigureSize(700, 420).withTitle("CQT-like log axis, C1 to B7")
        .write(logAxis(), out.resolve("log-axis.png"));
    SpectrogramImage.defaults().withColorMap(ColorMap.VIRIDIS).withFigureSize(700, 300).withTitle("MFCC")
        .withColorBarLabel("").write(mfcc(mel), out.resolve("mfcc.png"));

    float[][] map = blob(mel, 921, 0.2, 0.12, 0.08);
    OverlayImage.defaults().withPrediction("\u0251 (hod)", 0.934).write(mel, map, out.resolve("overlay.png"));

    List<PanelFigure.Panel> panels = new ArrayList<>();
    String[] methods = {"gradcam", "layercam", "scorecam", "integrated-gradients"};
    double[] centres = {921, 1526, 2832, 300};
    SpectrogramImage small = SpectrogramImage.defaults().withColorMap(ColorMap.GREY).withFigureSize(420, 260)
        .withDynamicRange(80);
    for (int i = 0; i < methods.length; i++) {
      OverlayImage o = OverlayImage.defaults().withBase(small).withMapColors(i % 2 == 0 ? ColorMap.JET : ColorMap.INFERNO)
          .withTitle(null);
      panels.add(PanelFigure.Panel.of(o.render(mel, blob(mel, centres[i], 0.2, 0.15, 0.1)), methods[i]));
    }
    PanelFigure.defaults().withTitle("Synthetic /\u0251/, predicted \u0251 (p = 0.93): four methods").write(panels, out.resolve("panels.png"));

    // a raw 7x7 map on its own axes beside the same map upsampled to the input grid
    Spectrogram coarse = mel.resize(7, 7);
    Spectrogram cam = coarse.withValues(blob(coarse, 1200, 0.22, 0.2, 0.1));
    float[][] upsampled = org.spectrolens.spectrogram.GridResize.resize(cam.values(), mel.rows(), mel.columns());
    OverlayImage o = OverlayImage.defaults().withBase(small.withColorBar(true)).withAlpha(0.45);
    PanelFigure.defaults().withTitle("Grad-CAM, layer4: native 7x7 and upsampled to 128x18").write(List.of(
        PanelFigure.Panel.of(o.render(mel, cam), "native 7x7 cells"),
        PanelFigure.Panel.of(o.render(mel, upsampled), "bilinear to the input grid")), out.resolve("cam-native.png"));
    System.out.println("wrote figures to " + out);
    // JTransforms' worker pool has non-daemon threads that would keep the JVM alive for 60 s
    System.exit(0);
  }

  /** A linear chirp through the project's front end (librosa preset: centred, periodic Hann). */
  static Spectrogram chirpStft(int sr, double seconds, double f0, double f1, int nFft, int hop) {
    return FrontEnd.compute(chirp(sr, seconds, f0, f1), SpectrogramSpec.librosa().withSampleRate(sr)
        .withFft(nFft, nFft, hop).withDb(true, 80));
  }

  static Clip chirp(int sr, double seconds, double f0, double f1) {
    int n = (int) (sr * seconds);
    float[] x = new float[n];
    double k = (f1 - f0) / seconds;
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (f0 * t + 0.5 * k * t * t)));
    }
    return new Clip(x, sr);
  }

  /** A vowel-like mel grid: harmonics of 220 Hz shaped by three resonances, with onset and offset. */
  static Spectrogram vowelMel(int sr, int nMels, double seconds, int hop) {
    FrequencyScale scale = FrequencyScale.MEL_SLANEY;
    double top = scale.warp(sr / 2.0);
    double step = top / (nMels + 1);
    FrequencyAxis axis = FrequencyAxis.of(scale, step, step, nMels);
    int frames = (int) (seconds * sr / hop) + 1;
    TimeAxis times = TimeAxis.frames(sr, hop, 2048, true, frames, 0);
    double[] formants = {921, 1526, 2832, 4291};
    double[] bw = {90, 110, 160, 250};
    float[][] v = new float[nMels][frames];
    for (int r = 0; r < nMels; r++) {
      double hz = axis.hz(r);
      double env = 0;
      for (int k = 0; k < formants.length; k++) {
        env += Math.pow(10, -1.2 * k) / (1 + Math.pow((hz - formants[k]) / bw[k], 2));
      }
      double harmonic = 0.35 + 0.65 * Math.pow(Math.cos(Math.PI * hz / 220), 8);
      for (int c = 0; c < frames; c++) {
        double t = times.seconds(c);
        double gate = t > 0.05 && t < seconds - 0.05 ? 1 : 1e-4;
        double p = env * harmonic * gate / (1 + hz / 3000) + 1e-7;
        v[r][c] = (float) (10 * Math.log10(p));
      }
    }
    SpectrogramSpec spec = SpectrogramSpec.librosa().withKind(SpectrogramSpec.Kind.MEL);
    spec = new SpectrogramSpec(spec.kind(), sr, 2048, 2048, hop, spec.window(), true, spec.padMode(), 2.0, nMels, 0,
        Double.NaN, spec.melScale(), spec.melNorm(), true, 1.0, 1e-10, 80, 20, 0, 12, 84);
    return new Spectrogram(v, axis, times, spec);
  }

  /** 84 semitone rows from C1 (32.7 Hz) with a harmonic series of 110 Hz. */
  static Spectrogram logAxis() {
    FrequencyScale log = FrequencyScale.LOG;
    FrequencyAxis axis = FrequencyAxis.of(log, log.warp(32.703), 1.0 / 12, 84);
    float[][] v = new float[84][120];
    for (int r = 0; r < 84; r++) {
      double hz = axis.hz(r);
      double h = hz / 110;
      double near = Math.abs(h - Math.rint(h)) * 110 / (hz * 0.03);
      for (int c = 0; c < 120; c++) v[r][c] = (float) (h >= 0.5 ? -60 * Math.min(1, near) - 3 * Math.rint(h) : -70);
    }
    return new Spectrogram(v, axis, TimeAxis.of(0, 0.0232, 120), null);
  }

  /** DCT-II (orthonormal) of the mel dB columns: 20 coefficients. */
  static Spectrogram mfcc(Spectrogram mel) {
    int n = mel.rows();
    float[][] v = new float[20][mel.columns()];
    for (int k = 0; k < 20; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / n);
      for (int c = 0; c < mel.columns(); c++) {
        double acc = 0;
        for (int i = 0; i < n; i++) acc += mel.value(i, c) * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
        v[k][c] = (float) (scale * acc);
      }
    }
    SpectrogramSpec spec = mel.spec().withKind(SpectrogramSpec.Kind.MFCC);
    return new Spectrogram(v, FrequencyAxis.of(FrequencyScale.LINEAR, 0, 1, 20), mel.times(), spec);
  }

  /** A Gaussian bump in (warped frequency, time) around (hz, seconds), peak 1. */
  static float[][] blob(Spectrogram s, double hz, double seconds, double rowSigmaFraction, double secondsSigma) {
    float[][] m = new float[s.rows()][s.columns()];
    double r0 = s.frequencies().row(hz);
    double rs = rowSigmaFraction * s.rows();
    for (int r = 0; r < s.rows(); r++) {
      for (int c = 0; c < s.columns(); c++) {
        double dt = (s.times().seconds(c) - seconds) / secondsSigma;
        double dr = (r - r0) / rs;
        m[r][c] = (float) Math.exp(-0.5 * (dt * dt + dr * dr));
      }
    }
    return m;
  }
}
