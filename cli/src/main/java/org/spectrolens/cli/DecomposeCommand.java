package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.decompose.DecompositionResult;
import org.spectrolens.decompose.DecompositionFigure;
import org.spectrolens.decompose.Decompositions;
import org.spectrolens.decompose.SpectrogramDecomposition;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.explain.MapStack;
import org.spectrolens.io.Npy;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrolens decompose}: PCA, ICA or NMF of one spectrogram into spectral templates and their activations. */
@Command(name = "decompose", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Split a spectrogram into K spectral templates (over Hz) and their activations (over s), frames as samples",
        "(librosa's decompose): pca, ica (FastICA, logcosh) or nmf (Lee-Seung multiplicative updates on the Frobenius loss,",
        "nndsvda start; needs power or magnitude, not dB). IN is audio (spectrogram with the front-end options below;",
        "default: torchaudio's power STFT) or a .npy written by 'spectrolens spectrogram' (with its .axes.json).",
        "Writes DIR/templates.npy [rows, K], activations.npy [K, columns], templates.csv, activations.csv,",
        "decomposition.json and decomposition.png."})
final class DecomposeCommand implements Callable<Integer>, Checked {
  @Parameters(index = "0", paramLabel = "IN", description = "Audio file, spectrogram .npy, or explanation maps (explain's <method>.npy).")
  Path in;

  @Option(names = "--item", defaultValue = "0", paramLabel = "K",
      description = "For a stack of maps [N,H,W]: which map (default: ${DEFAULT-VALUE}).")
  int item;

  @Option(names = "--method", defaultValue = "nmf", description = "nmf, pca or ica (default: ${DEFAULT-VALUE}).")
  String method;

  @Param(min = 1, max = 1000)
  @Option(names = "--components", defaultValue = "4", paramLabel = "K", description = "Components (default: ${DEFAULT-VALUE}).")
  int components;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "ICA's starting rotation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin FrontEndOptions frontEnd;

  @Option(names = "--force", description = "Replace an output another command wrote.")
  boolean force;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced when complete).")
  Path out;

  @Override
  public void checkOptions() {
    Decompositions.family().get(method);
    if (!MapStack.exists(in)) throw new SpectrolensException(in.toString(), "no such file");
  }

  @Override
  public Integer call() {
    Spectrogram s = read();
    int limit = Math.min(s.rows(), s.columns());
    if (components > limit) {
      throw new SpectrolensException("--components", "must be at most min(rows, columns) = " + limit + " for a "
          + s.rows() + "x" + s.columns() + " spectrogram, found " + components);
    }
    try (OutputFolder folder = OutputFolder.create(out, "decompose", force, in)) {
      SpectrogramDecomposition d = SpectrogramDecomposition.of(s, method, components, seed);
      Path dir = folder.dir();
      Npy.write(dir.resolve("templates.npy"), toFloat(d.templates()));
      Npy.write(dir.resolve("activations.npy"), toFloat(d.activations()));
      // a map or a bare .npy has index rows (no Hz): the column says which
      boolean hzRows = s.frequencies().scale().isFrequency();
      double[] rows = new double[s.rows()];
      for (int r = 0; r < rows.length; r++) rows[r] = s.frequencies().value(r);
      double[] sec = s.times().seconds();
      StringBuilder t = new StringBuilder(hzRows ? "frequency_hz" : "row");
      StringBuilder a = new StringBuilder("time_s");
      for (int c = 1; c <= components; c++) {
        t.append(",c").append(c);
        a.append(",c").append(c);
      }
      t.append('\n');
      a.append('\n');
      for (int r = 0; r < rows.length; r++) {
        t.append(hzRows ? String.format(Locale.ROOT, "%.3f", rows[r]) : Integer.toString(r));
        for (int c = 0; c < components; c++) t.append(String.format(Locale.ROOT, ",%.6g", d.templates()[r][c]));
        t.append('\n');
      }
      for (int col = 0; col < sec.length; col++) {
        a.append(String.format(Locale.ROOT, "%.6f", sec[col]));
        for (int c = 0; c < components; c++) a.append(String.format(Locale.ROOT, ",%.6g", d.activations()[c][col]));
        a.append('\n');
      }
      AtomicFiles.writeString(dir.resolve("templates.csv"), t.toString());
      AtomicFiles.writeString(dir.resolve("activations.csv"), a.toString());
      new DecompositionResult(in.toString(), method, components, s.rows(), s.columns(), d.figures(),
          s.spec() == null ? null : SpectrogramFiles.specJson(s.spec())).write(dir);
      DecompositionFigure.write(dir.resolve("decomposition.png"), d);
      folder.commit();
      System.out.printf(Locale.ROOT, "%s of %s (%dx%d) into %d components: %s%n", method, in, s.rows(), s.columns(), components, out);
    }
    return 0;
  }

  private Spectrogram read() {
    if (SpectrogramInputs.isNpy(in) && !SpectrogramInputs.hasAxes(in)) return SpectrogramInputs.readMap(in, item);
    return SpectrogramInputs.read(in, frontEnd);
  }

  private static float[][] toFloat(double[][] x) {
    float[][] f = new float[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) f[i][j] = (float) x[i][j];
    return f;
  }
}
